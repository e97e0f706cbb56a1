//! What the lock of a census is, looked at without taking it: for `doctor`,
//! which tells a lock a running recense holds from one left behind on
//! another machine or by a process number now used by another program.

use std::fs::File;
use std::path::Path;

use super::{LockHolder, holder_of};

/// The lock of a census, as found.
#[derive(Debug)]
pub enum LockState {
    Free,
    /// A running recense holds it (its OS lock is taken).
    Held(LockHolder),
    /// Left by a program that stopped on this machine: the next writer
    /// takes it over.
    Stale(LockHolder),
    /// Nobody holds its OS lock, but its holder cannot be proved gone
    /// (another machine, a process number that runs, maybe reused) or
    /// cannot be read: a person must check, then remove it.
    Unproven(Option<LockHolder>),
}

/// Looks at the lock file at `path` (see [`super::lock_path`]).
pub fn lock_state(path: &Path) -> LockState {
    let Ok(file) = File::open(path) else {
        return LockState::Free;
    };
    let free = !matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock));
    // Only looked at: a writer taking it over meanwhile must not find it held.
    let _ = file.unlock();
    match holder_of(&file) {
        Some(h) if !free => LockState::Held(h),
        Some(h) if h.is_stale() => LockState::Stale(h),
        holder => LockState::Unproven(holder),
    }
}
