//! The holder files a lock leaves when its program is killed while taking
//! it: `FILE.lock.PID-N-HOST`, written whole then linked into place as
//! `FILE.lock` (see [`super::Lock`]). Those of processes gone from this
//! machine are removed when the lock is next taken, and `doctor` lists them.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::keep::host_tag;
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
    let dir = match lock.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let host = host_tag();
    let mut stale: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| {
            let file = e.file_name();
            let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(&prefix)) else {
                return false;
            };
            let mut parts = rest.splitn(3, '-');
            let (Some(pid), Some(n)) = (parts.next(), parts.next()) else {
                return false;
            };
            let from = parts.next().unwrap_or(&host);
            let (Ok(pid), Ok(_)) = (pid.parse::<u32>(), n.parse::<u64>()) else {
                return false;
            };
            from == host
                && pid != std::process::id()
                && !Path::new(&format!("/proc/{pid}")).exists()
                && !held(&e.path())
        })
        .map(|e| lock.with_file_name(e.file_name()))
        .collect();
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
