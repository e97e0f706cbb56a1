//! The census on disk: reading with limits, atomic saving with a backup, and
//! a lock so that two programs never write the same file at once.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::census::error::{LoadError, SaveError};
use crate::census::file::{self, LoadReport, MAX_FILE_BYTES};
use crate::census::model::Census;
use crate::census::time::Timestamp;

mod keep;
mod leftovers;
mod lock_look;

use keep::Target;
pub(crate) use keep::host_tag;
pub use keep::stale_temps;
pub use leftovers::stale_lock_holders;
pub use lock_look::{LockState, lock_state};

/// Reads a census file. Refuses files larger than [`MAX_FILE_BYTES`].
/// Reads a census file, and replays its journal (changes saved one by one by
/// the terminal interface) when there is one.
pub fn load(path: &Path) -> Result<(Census, LoadReport), LoadError> {
    let source = read_limited(path)?;
    let (mut census, mut report) = file::parse(&source, &path.display().to_string())?;
    let replayed = file::journal::replay(path, &mut census)?;
    report.journal = replayed.count;
    report.journal_skipped = replayed.skipped;
    // The changes other sessions acknowledged, not yet in the file.
    crate::census::sharing::join_journals(path, &mut census, None);
    Ok((census, report))
}

/// Reads a whole text file with the size limit, as an editor shows it (see
/// [`read_source`]); invalid UTF-8 is a located error.
pub fn read_limited(path: &Path) -> Result<String, LoadError> {
    read_source(path).map(|(text, _)| text)
}

/// Reads a whole text file with the size limit; invalid UTF-8 is a located
/// error, a compressed file is named as such. A byte order mark and `\r\n`
/// or `\r` line endings are made what an editor shows (see
/// [`file::received::normalize`]); the flag says whether there were any.
pub fn read_source(path: &Path) -> Result<(String, bool), LoadError> {
    let io = |error: std::io::Error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            LoadError::NotFound {
                path: path.to_path_buf(),
            }
        } else {
            LoadError::Io {
                path: path.to_path_buf(),
                error,
            }
        }
    };
    let f = File::open(path).map_err(io)?;
    let meta = f.metadata().map_err(io)?;
    if is_device(&meta) {
        return Err(LoadError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let too_large = |size| LoadError::TooLarge {
        path: path.to_path_buf(),
        size,
        max: MAX_FILE_BYTES,
    };
    let size = meta.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(size));
    }
    let bytes = match read_capped(f, size, MAX_FILE_BYTES).map_err(io)? {
        Ok(bytes) => bytes,
        Err(read) => return Err(too_large(read)),
    };
    if let Some(format) = file::received::compressed_format(&bytes) {
        return Err(LoadError::Compressed {
            path: path.to_path_buf(),
            format,
        });
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let before = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (before, _) = file::received::normalize(before);
        let text = crate::census::locate::SourceText::new("", &before);
        let mut location = text.location(before.len());
        location.file = path.display().to_string();
        LoadError::Syntax {
            location,
            error: crate::census::error::SyntaxError::NotUtf8,
        }
    })?;
    Ok(file::received::normalize(text))
}

/// Reads at most `max` bytes; more is an error holding how many were read
/// (`max + 1`). A stream (a pipe) has no size beforehand (`size` is only a
/// hint): the limit holds on what comes.
fn read_capped(f: impl Read, size: u64, max: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    use crate::census::progress;
    let mut bytes = Vec::with_capacity(size.min(max) as usize);
    let pause = progress::test_pause();
    if progress::watched() || pause.is_some() {
        // Read in pieces, each counted, for the front end's progress line.
        progress::begin(size.min(max) * (1 + progress::PARSE_WEIGHT));
        let mut f = f.take(max + 1);
        loop {
            let n = (&mut f)
                .take(progress::READ_PIECE as u64)
                .read_to_end(&mut bytes)?;
            if n == 0 {
                break;
            }
            progress::advance(n as u64);
            if let Some(pause) = pause {
                std::thread::sleep(pause);
            }
        }
    } else {
        f.take(max + 1).read_to_end(&mut bytes)?;
    }
    let read = bytes.len() as u64;
    Ok(if read > max { Err(read) } else { Ok(bytes) })
}

/// A character or block device: endless (`/dev/zero`) or a whole disk.
fn is_device(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        kind.is_char_device() || kind.is_block_device()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// The backup kept beside a census: `FILE.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, ".bak")
}

pub fn lock_path(path: &Path) -> PathBuf {
    sibling(path, ".lock")
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `text` to a temporary file beside the target and fsyncs it.
fn write_temp(target: &Target, text: &str, mode: u32) -> Result<PathBuf, SaveError> {
    write_temp_with(target, mode, |f| f.write_all(text.as_bytes())).map(|(tmp, ())| tmp)
}

/// Fills a temporary file beside the target through `fill` (buffered),
/// gives it the mode and group of the file it replaces (`mode` for a new
/// one) and fsyncs it; on any failure the temporary file is removed.
fn write_temp_with<T>(
    target: &Target,
    mode: u32,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
) -> Result<(PathBuf, T), SaveError> {
    let path = &target.path;
    let tmp = sibling(path, &keep::temp_suffix());
    let f = keep::create_temp(&tmp, mode).map_err(|error| SaveError::Io {
        path: tmp.clone(),
        error,
    })?;
    let mut w = std::io::BufWriter::with_capacity(64 * 1024, f);
    let written = fill(&mut w).and_then(|out| {
        w.flush()?;
        target.apply_to(w.get_ref())?;
        w.get_ref().sync_all()?;
        Ok(out)
    });
    drop(w);
    match written {
        Ok(out) => Ok((tmp, out)),
        Err(error) => {
            let _ = fs::remove_file(&tmp);
            Err(SaveError::Io {
                path: path.to_path_buf(),
                error,
            })
        }
    }
}

/// Writes a file atomically from a stream (an export): `fill` writes into a
/// temporary file beside `path`, which then replaces `path` in one rename.
/// When `fill` fails, `path` is left as it was and no temporary file stays.
/// No backup is kept: an export can be made again. A symlink is written
/// through, mode and group are kept, a read-only file is refused.
pub fn write_atomically<T>(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
) -> Result<T, SaveError> {
    let target = Target::of(path)?;
    if target.is_special() {
        return write_into(&target.path, fill);
    }
    let (tmp, out) = write_temp_with(&target, keep::SHARED, fill)?;
    if let Err(error) = fs::rename(&tmp, &target.path) {
        let _ = fs::remove_file(&tmp);
        return Err(SaveError::Io {
            path: path.to_path_buf(),
            error,
        });
    }
    sync_dir(parent_dir(&target.path));
    Ok(out)
}

/// Writes into a device, named pipe or socket (`-o /dev/null`, a FIFO read
/// by another program): a rename would replace it by a plain file, and
/// there is no file of ours to keep whole anyway.
fn write_into<T>(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<T>,
) -> Result<T, SaveError> {
    let written = fs::OpenOptions::new().write(true).open(path).and_then(|f| {
        let mut w = std::io::BufWriter::with_capacity(64 * 1024, f);
        let out = fill(&mut w)?;
        w.flush()?;
        Ok(out)
    });
    written.map_err(|error| SaveError::Io {
        path: path.to_path_buf(),
        error,
    })
}

fn sync_dir(dir: &Path) {
    // Not every file system lets a directory be opened and synced; the rename
    // itself is still atomic there.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Saves atomically: temporary file, fsync, the previous version kept as
/// `FILE.bak`, rename over the original, fsync of the folder. At every
/// instant `path` holds either the old or the new census, whole.
pub fn save(path: &Path, census: &Census) -> Result<(), SaveError> {
    save_with(path, census, Backup::Keep)
}

pub fn save_with(path: &Path, census: &Census, backup: Backup) -> Result<(), SaveError> {
    save_text_with(path, &file::to_canonical(census), backup)?;
    // The file now holds every change the journal had.
    file::journal::clear(path);
    Ok(())
}

pub fn save_text(path: &Path, text: &str) -> Result<(), SaveError> {
    save_text_with(path, text, Backup::Keep)
}

/// Whether a save keeps the previous version as `FILE.bak`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backup {
    Keep,
    /// For files whose history is elsewhere (git's merge files) or that must
    /// not linger (drafts, which may hold personal data).
    None,
}

/// Saves atomically, with or without a backup of the previous version. A
/// symlink is written through to its target (in the target's folder), the
/// mode and group of the file are kept, a read-only census is refused; a
/// new file is readable by its owner only. The temporary files of saves
/// that crashed (see [`stale_temps`]) are removed first.
pub fn save_text_with(path: &Path, text: &str, backup: Backup) -> Result<(), SaveError> {
    let target = Target::of(path)?;
    if target.is_special() {
        return write_into(&target.path, |w| w.write_all(text.as_bytes()));
    }
    keep::remove_stale_temps(&target.path);
    let tmp = write_temp(&target, text, keep::PRIVATE)?;
    let io = |error| SaveError::Io {
        path: path.to_path_buf(),
        error,
    };
    if backup == Backup::Keep && target.before.is_some() {
        let bak = backup_path(path);
        let _ = fs::remove_file(&bak);
        // A hard link keeps the old version without a moment where `path` is
        // missing; file systems without links (or a target on another one)
        // get a copy.
        if fs::hard_link(&target.path, &bak).is_err()
            && let Err(error) = fs::copy(&target.path, &bak)
        {
            let _ = fs::remove_file(&tmp);
            return Err(io(error));
        }
    }
    if let Err(error) = fs::rename(&tmp, &target.path) {
        let _ = fs::remove_file(&tmp);
        return Err(io(error));
    }
    sync_dir(parent_dir(&target.path));
    Ok(())
}

/// Creates a new census file, readable by its owner only; refuses to
/// replace an existing one.
pub fn create(path: &Path, census: &Census) -> Result<(), SaveError> {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(|error| SaveError::Io {
            path: dir.to_path_buf(),
            error,
        })?;
    }
    let new = Target {
        path: path.to_path_buf(),
        before: None,
    };
    let tmp = write_temp(&new, &file::to_canonical(census), keep::PRIVATE)?;
    // `hard_link` fails if `path` exists: no race with another creator.
    let result = fs::hard_link(&tmp, path);
    let _ = fs::remove_file(&tmp);
    match result {
        Ok(()) => {
            sync_dir(parent_dir(path));
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(SaveError::AlreadyExists {
            path: path.to_path_buf(),
        }),
        Err(_) => {
            // No hard links here (some USB keys): check, then write.
            if path.exists() {
                return Err(SaveError::AlreadyExists {
                    path: path.to_path_buf(),
                });
            }
            save(path, census)
        }
    }
}

/// Who holds a lock, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct LockHolder {
    pub pid: u32,
    pub host: String,
    pub agent: String,
    pub since: String,
    /// Held for the time of one write, as every lock of this version is
    /// (older versions held it for a whole session, and did not say so).
    #[serde(default)]
    pub brief: bool,
}

impl LockHolder {
    fn current(agent: &str) -> LockHolder {
        LockHolder {
            pid: std::process::id(),
            host: hostname(),
            agent: agent.to_string(),
            since: Timestamp::now().to_string(),
            brief: true,
        }
    }

    fn to_ron(&self) -> String {
        let mut out = String::from("(pid: ");
        out.push_str(&self.pid.to_string());
        out.push_str(", host: ");
        file::write_str_literal(&mut out, &self.host);
        out.push_str(", agent: ");
        file::write_str_literal(&mut out, &self.agent);
        out.push_str(", since: ");
        file::write_str_literal(&mut out, &self.since);
        if self.brief {
            out.push_str(", brief: true");
        }
        out.push_str(")\n");
        out
    }

    /// A lock left by a process that no longer runs on this machine.
    fn is_stale(&self) -> bool {
        self.host == hostname() && !Path::new(&format!("/proc/{}", self.pid)).exists()
    }
}

fn hostname() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// An exclusive right to write a census; released on drop.
///
/// The lock file appears whole: the holder is written to a file of its own,
/// locked by the OS (`flock`), then linked into place, which fails when a lock
/// exists. A lock file no running program holds the OS lock of is taken over
/// only when its holder is written and provably gone (same machine, process
/// not running): it is replaced in one rename while its OS lock is held, so
/// two programs can never take it over together.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    /// The lock file, OS-locked while this lives.
    file: File,
}

/// How many times a lock that is being released or created is looked at again.
const LOCK_TRIES: usize = 200;

/// How long a lock held by another program is waited for before saying who
/// holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWait {
    /// Not at all (the default).
    No,
    For(std::time::Duration),
    /// Until it is released.
    Forever,
}

/// The wait of every lock taken by this program, in milliseconds
/// (`u64::MAX`: forever); set once by the command line.
static LOCK_WAIT_MS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Makes every later [`Lock::acquire`] of this program wait for a lock held
/// by another program, as `wait` says.
pub fn wait_for_locks(wait: LockWait) {
    let ms = match wait {
        LockWait::No => 0,
        LockWait::For(d) => u64::try_from(d.as_millis()).unwrap_or(u64::MAX - 1),
        LockWait::Forever => u64::MAX,
    };
    LOCK_WAIT_MS.store(ms, std::sync::atomic::Ordering::Relaxed);
}

impl Lock {
    /// Takes the lock of the census at `census`, or says who holds it; a
    /// lock held by a running program is waited for as [`wait_for_locks`]
    /// said.
    pub fn acquire(census: &Path, agent: &str) -> Result<Lock, SaveError> {
        let wait = LOCK_WAIT_MS.load(std::sync::atomic::Ordering::Relaxed);
        let start = std::time::Instant::now();
        loop {
            match Lock::try_acquire(census, agent) {
                Err(SaveError::Locked { holder, .. })
                    if wait == u64::MAX
                        || start.elapsed().as_millis() < u128::from(wait)
                        || (writing(&holder) && start.elapsed() < SHORT_WRITE) =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                taken => return taken,
            }
        }
    }

    /// Takes the lock of the census at `census` now, or says who holds it.
    fn try_acquire(census: &Path, agent: &str) -> Result<Lock, SaveError> {
        let path = lock_path(census);
        let holder = LockHolder::current(agent).to_ron();
        let tmp = sibling(&path, &leftovers::holder_suffix(next_lock_serial()));
        let taken = match write_holder(&tmp, &holder) {
            Ok(mine) => take(census, &path, &tmp, mine, &holder),
            Err(error) => Err(SaveError::Io {
                path: tmp.clone(),
                error,
            }),
        };
        let _ = fs::remove_file(&tmp);
        let file = taken?;
        // Holder files of takers killed half-way, on this machine.
        leftovers::remove_stale_lock_holders(census);
        sync_dir(parent_dir(&path));
        Ok(Lock { path, file })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Releases now (also done on drop).
    pub fn release(self) {}
}

/// How long a lock held for one write by another program (a session
/// saving, a command) is waited for without `--wait`: longer than any
/// write takes.
pub const SHORT_WRITE: std::time::Duration = std::time::Duration::from_secs(15);

/// Whether `holder` is another program holding the lock for one write.
fn writing(holder: &LockHolder) -> bool {
    holder.brief && !(holder.pid == std::process::id() && holder.host == hostname())
}

fn next_lock_serial() -> u64 {
    static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Creates `tmp` holding `holder`, OS-locked, synced.
fn write_holder(tmp: &Path, holder: &str) -> std::io::Result<File> {
    let mut f = OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(tmp)?;
    f.lock()?;
    f.write_all(holder.as_bytes())?;
    f.sync_all()?;
    Ok(f)
}

/// Puts the lock file `tmp` (`mine`, OS-locked) at `path`, or says why not;
/// returns the file to hold.
fn take(
    census: &Path,
    path: &Path,
    tmp: &Path,
    mine: File,
    holder: &str,
) -> Result<File, SaveError> {
    let io = |error| SaveError::Io {
        path: path.to_path_buf(),
        error,
    };
    for _ in 0..LOCK_TRIES {
        match fs::hard_link(tmp, path) {
            Ok(()) => return Ok(mine),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            // No hard links on this file system (some USB keys).
            Err(_) => return take_without_links(census, path, holder),
        }
        match look(census, path)? {
            Seen::Gone => {}
            Seen::Stale(_theirs) => {
                // We hold its OS lock: nobody else can replace it meanwhile.
                fs::rename(tmp, path).map_err(io)?;
                return Ok(mine);
            }
        }
    }
    Err(busy(census, path))
}

/// What an existing lock file is, once looked at with its OS lock tried.
enum Seen {
    /// Released meanwhile, or being written: try again.
    Gone,
    /// Its holder is provably gone; we hold its OS lock.
    Stale(File),
}

/// Looks at the lock file at `path`: held (an error saying by whom), stale,
/// or gone.
fn look(census: &Path, path: &Path) -> Result<Seen, SaveError> {
    let io = |error| SaveError::Io {
        path: path.to_path_buf(),
        error,
    };
    let theirs = match OpenOptions::new().read(true).write(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Seen::Gone),
        Err(error) => return Err(io(error)),
    };
    let free = match theirs.try_lock() {
        Ok(()) => true,
        Err(std::fs::TryLockError::WouldBlock) => false,
        Err(std::fs::TryLockError::Error(error)) => return Err(io(error)),
    };
    if !is_at(&theirs, path) {
        return Ok(Seen::Gone);
    }
    match holder_of(&theirs) {
        Some(h) if !free => Err(SaveError::Locked {
            path: census.to_path_buf(),
            holder: h,
        }),
        Some(h) if h.is_stale() => Ok(Seen::Stale(theirs)),
        Some(h) => Err(SaveError::LockNotProvablyStale {
            path: census.to_path_buf(),
            lock: path.to_path_buf(),
            holder: Some(Box::new(h)),
        }),
        // Being written (without links, or by an older recense).
        None => {
            std::thread::sleep(std::time::Duration::from_millis(1));
            Ok(Seen::Gone)
        }
    }
}

/// A lock file that stayed empty or unreadable: not provably stale.
fn busy(census: &Path, path: &Path) -> SaveError {
    SaveError::LockNotProvablyStale {
        path: census.to_path_buf(),
        lock: path.to_path_buf(),
        holder: read_holder(path).map(Box::new),
    }
}

/// Takes the lock where files cannot be linked: the lock file is created,
/// then OS-locked and filled; a stale one is rewritten under its OS lock.
fn take_without_links(census: &Path, path: &Path, holder: &str) -> Result<File, SaveError> {
    let io = |error| SaveError::Io {
        path: path.to_path_buf(),
        error,
    };
    let fill = |mut f: File| -> std::io::Result<File> {
        f.lock()?;
        f.set_len(0)?;
        f.write_all(holder.as_bytes())?;
        f.sync_all()?;
        Ok(f)
    };
    for _ in 0..LOCK_TRIES {
        match OpenOptions::new()
            .read(true)
            .write(true)
            .create_new(true)
            .open(path)
        {
            Ok(f) => return fill(f).map_err(io),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(io(error)),
        }
        if let Seen::Stale(theirs) = look(census, path)? {
            return fill(theirs).map_err(io);
        }
    }
    Err(busy(census, path))
}

/// Whether the open file `f` is still the file at `path`.
fn is_at(f: &File, path: &Path) -> bool {
    let (Ok(open), Ok(named)) = (f.metadata(), fs::metadata(path)) else {
        return false;
    };
    same_inode(&open, &named)
}

#[cfg(unix)]
fn same_inode(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_inode(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    // Without inode numbers: the same size and time of last change.
    (a.len(), a.modified().ok()) == (b.len(), b.modified().ok())
}

/// Who holds the lock at `path`, and whether that lock is stale.
pub fn lock_holder(path: &Path) -> Option<(LockHolder, bool)> {
    let h = read_holder(path)?;
    let stale = h.is_stale();
    Some((h, stale))
}

fn read_holder(path: &Path) -> Option<LockHolder> {
    holder_of(&File::open(path).ok()?)
}

fn holder_of(mut f: &File) -> Option<LockHolder> {
    let mut text = String::new();
    f.read_to_string(&mut text).ok()?;
    ron::from_str(&text).ok()
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while its OS lock is held, and only if it is still ours;
        // the OS lock goes with the file.
        if is_at(&self.file, &self.path) {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Whether two paths name the same file: the same file once links and
/// relative parts are resolved, or, for paths that do not exist, the same
/// path as written.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_written_atomically_replaces_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        let failed = write_atomically(&path, |w| {
            w.write_all(b"half a")?;
            Err::<(), _>(std::io::Error::other("stopped"))
        });
        assert!(matches!(failed, Err(SaveError::Io { .. })));
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
        let n = write_atomically(&path, |w| w.write_all(b"new").map(|()| 3)).unwrap();
        assert_eq!((n, fs::read_to_string(&path).unwrap().as_str()), (3, "new"));
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no backup kept"
        );
    }

    #[test]
    fn save_is_atomic_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.ron");
        let mut c = Census::new("T", "communs-numeriques", 1);
        create(&path, &c).unwrap();
        assert!(matches!(
            create(&path, &c),
            Err(SaveError::AlreadyExists { .. })
        ));
        let first = fs::read_to_string(&path).unwrap();
        c.territory = "T2".into();
        save(&path, &c).unwrap();
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), first);
        assert_eq!(load(&path).unwrap().0.territory, "T2");
        // No temporary file is left behind.
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    #[test]
    fn the_size_limit_holds_for_a_stream_without_a_size() {
        let stream: &[u8] = b"0123456789";
        assert_eq!(read_capped(stream, 0, 4).unwrap(), Err(5));
        assert_eq!(read_capped(stream, 0, 10).unwrap().unwrap(), stream);
    }

    #[test]
    fn a_second_writer_is_told_who_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.ron");
        let lock = Lock::acquire(&path, "Marie").unwrap();
        match Lock::acquire(&path, "Yann") {
            Err(SaveError::Locked { holder, .. }) => {
                assert_eq!(holder.agent, "Marie");
                assert_eq!(holder.pid, std::process::id());
            }
            other => panic!("{other:?}"),
        }
        drop(lock);
        assert!(!lock_path(&path).exists());
        Lock::acquire(&path, "Yann").unwrap();
    }

    #[test]
    fn a_lock_file_not_provably_stale_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.ron");
        let running = LockHolder {
            pid: std::process::id(),
            ..LockHolder::current("X")
        };
        let elsewhere = LockHolder {
            host: format!("{}-ailleurs", hostname()),
            pid: u32::MAX - 1,
            ..LockHolder::current("X")
        };
        for (text, holder) in [
            (String::new(), None),
            (running.to_ron(), Some(running)),
            (elsewhere.to_ron(), Some(elsewhere)),
        ] {
            fs::write(lock_path(&path), &text).unwrap();
            match Lock::acquire(&path, "Yann") {
                Err(SaveError::LockNotProvablyStale { holder: h, .. }) => {
                    assert_eq!(h.map(|h| *h), holder)
                }
                other => panic!("{text:?}: {other:?}"),
            }
            assert_eq!(fs::read_to_string(lock_path(&path)).unwrap(), text);
        }
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary lock file left");
    }

    #[test]
    fn a_stale_lock_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.ron");
        let dead = LockHolder {
            pid: u32::MAX - 1,
            host: hostname(),
            agent: "X".into(),
            since: "2020-01-01T00:00:00Z".into(),
            brief: false,
        };
        fs::write(lock_path(&path), dead.to_ron()).unwrap();
        let lock = Lock::acquire(&path, "Yann").unwrap();
        assert!(lock.path().exists());
    }
}
