//! The holder files a lock leaves when its program is killed while taking
//! it: `FILE.lock.PID-N-HOST`, written whole then linked into place as
//! `FILE.lock` (see [`super::Lock`]). Those of processes gone from this
//! machine are removed when the lock is next taken, and `doctor` lists them.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::keep::{host_tag, left_by_the_dead};
use super::lock_path;

/// The suffix of this process's `n`th holder file: `.PID-N-HOST`.
pub(super) fn holder_suffix(n: u64) -> String {
    format!(".{}-{n}-{}", std::process::id(), host_tag())
}

/// The holder files beside the lock of the census at `census` left by
/// processes that no longer run on this machine, and that nobody holds
/// (their OS lock is free). Those named without a machine (`.PID-N`) are
/// taken as this machine's; another machine's are left alone.
pub fn stale_lock_holders(census: &Path) -> Vec<PathBuf> {
    // Without /proc, whether a process runs cannot be told: name nothing.
    if !Path::new("/proc/self").exists() {
        return Vec::new();
    }
    let lock = lock_path(census);
    let Some(name) = lock.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let prefix = format!("{name}.");
    let host = host_tag();
    let mut stale = left_by_the_dead(&lock, &prefix, |rest| {
        let mut parts = rest.splitn(3, '-');
        let (pid, n) = (parts.next()?, parts.next()?);
        let from = parts.next().unwrap_or(&host);
        n.parse::<u64>().ok()?;
        (from == host).then(|| pid.parse::<u32>().ok()).flatten()
    });
    // A holder file whose OS lock is held is in use, whatever its name says.
    stale.retain(|f| !held(f));
    stale.sort();
    stale
}

/// Whether a program holds the OS lock of the file at `path`.
fn held(path: &Path) -> bool {
    let Ok(file) = File::open(path) else {
        return false;
    };
    let held = matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock));
    let _ = file.unlock();
    held
}

/// Removes the [`stale_lock_holders`] of the census at `census`.
pub(super) fn remove_stale_lock_holders(census: &Path) {
    for file in stale_lock_holders(census) {
        let _ = fs::remove_file(file);
    }
}
