//! What a save keeps of the file it replaces: the symlink (the save writes
//! through to its target), the mode and the group; a read-only file is not
//! replaced. Also the temporary files a crashed save left behind, which
//! the next save removes.

use std::fs::{self, File, Metadata, OpenOptions};
use std::path::{Path, PathBuf};

use crate::census::error::SaveError;

/// Mode of a new census: it holds personal data (contacts).
pub(super) const PRIVATE: u32 = 0o600;
/// Mode of a new export or report, before the umask.
pub(super) const SHARED: u32 = 0o666;

/// The file a save replaces: `path` with its symlinks followed, and what it
/// was (none when it does not exist yet).
pub(super) struct Target {
    pub path: PathBuf,
    pub before: Option<Metadata>,
}

impl Target {
    /// Follows the symlinks of `path`; refuses a file nobody may write.
    pub fn of(path: &Path) -> Result<Target, SaveError> {
        let io = |error| SaveError::Io {
            path: path.to_path_buf(),
            error,
        };
        let resolved = follow_links(path).map_err(io)?;
        let before = match fs::metadata(&resolved) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io(e)),
        };
        if before.as_ref().is_some_and(|m| m.permissions().readonly()) {
            return Err(SaveError::ReadOnly {
                path: path.to_path_buf(),
            });
        }
        Ok(Target {
            path: resolved,
            before,
        })
    }

    /// A device, named pipe or socket: written into, never replaced.
    pub fn is_special(&self) -> bool {
        self.before
            .as_ref()
            .is_some_and(|m| !m.is_file() && !m.is_dir())
    }

    /// Gives the temporary file `tmp` the mode and group of the file it
    /// will replace. Changing the group may be refused (not a member): the
    /// file then keeps the user's group, as any new file would.
    pub fn apply_to(&self, tmp: &File) -> std::io::Result<()> {
        let Some(before) = &self.before else {
            return Ok(());
        };
        tmp.set_permissions(before.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = std::os::unix::fs::fchown(tmp, None, Some(before.gid()));
        }
        Ok(())
    }
}

/// `path` with its symlinks followed (relative ones from their own folder),
/// even when the last target does not exist yet.
fn follow_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As the kernel does: a loop of links ends with an error.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

/// Opens a new temporary file with `mode` (before the umask).
pub(super) fn create_temp(tmp: &Path, mode: u32) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    options.open(tmp)
}

/// The suffix of this process's temporary files: `.tmp-PID-HOST`.
pub(super) fn temp_suffix() -> String {
    format!(".tmp-{}-{}", std::process::id(), host_tag())
}

/// This machine's name as it appears in the names of side files.
pub(crate) fn host_tag() -> String {
    super::hostname()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect()
}
/// The temporary files beside `path` left by saves of processes that no
/// longer run on this machine (a crash, a `kill -9`): each a whole copy of
/// the census. Those of another machine, or of a running process, are not
/// named. Older versions named them `.tmp-PID`, without the machine.
pub fn stale_temps(path: &Path) -> Vec<PathBuf> {
    // Without /proc, whether a process runs cannot be told: name nothing.
    if !Path::new("/proc/self").exists() {
        return Vec::new();
    }
    // The temporary files are beside the file a symlink names.
    let path = &follow_links(path).unwrap_or_else(|_| path.to_path_buf());
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let prefix = format!("{name}.tmp-");
    let host = host_tag();
    let mut stale = left_by_the_dead(path, &prefix, |rest| {
        let (pid, from) = match rest.split_once('-') {
            Some((pid, from)) => (pid, from),
            None => (rest, host.as_str()),
        };
        (from == host).then(|| pid.parse::<u32>().ok()).flatten()
    });
    stale.sort();
    stale
}

/// The files beside `path` whose names start with `prefix` and whose rest
/// names, through `pid_of`, a process of this machine that no longer runs
/// (not this one). Needs /proc (checked by the callers).
pub(super) fn left_by_the_dead(
    path: &Path,
    prefix: &str,
    pid_of: impl Fn(&str) -> Option<u32>,
) -> Vec<PathBuf> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            let file = e.file_name();
            let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(prefix)) else {
                return false;
            };
            pid_of(rest).is_some_and(|pid| {
                pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists()
            })
        })
        .map(|e| path.with_file_name(e.file_name()))
        .collect()
}

/// Removes the [`stale_temps`] beside `path`; a save does it first.
pub(super) fn remove_stale_temps(path: &Path) {
    for tmp in stale_temps(path) {
        let _ = fs::remove_file(tmp);
    }
}
