//! Looking at a census without changing it. A census nothing can be written
//! to here — a read-only file, or a folder where its lock cannot be made —
//! opens to be looked at only: without the lock, every change refused, and
//! nothing written (not even a journal).

use std::path::Path;

use crate::census::error::SaveError;
use crate::census::ops::Agent;
use crate::census::session::{OpenError, Session};
use crate::census::workspace::Workspace;

/// Why a census can only be looked at here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {
    /// The file itself is read-only (a save would refuse it).
    File,
    /// Its folder is: the lock, a file beside it, cannot be made.
    Folder,
}

/// Whether the permissions of the file at `path` (its target, for a
/// symlink) refuse writing, as a save checks them.
pub fn file_is_read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// Whether a lock could not be made because its folder refuses writing.
pub fn folder_refused(e: &SaveError) -> bool {
    use std::io::ErrorKind as K;
    matches!(e, SaveError::Io { error, .. }
        if matches!(error.kind(), K::PermissionDenied | K::ReadOnlyFilesystem))
}

impl Session {
    /// Opens the census to change it, shared with other sessions (the lock
    /// taken only while writing, see `census::sharing`); or, when nothing
    /// can be written there, to look at it only, without the lock.
    pub fn open_or_view(path: &Path, agent: Agent) -> Result<Session, OpenError> {
        if file_is_read_only(path) {
            return Session::view(path, agent, ReadOnly::File);
        }
        match Session::open_shared(path, agent.clone()) {
            Err(OpenError::Lock(e)) if folder_refused(&e) => {
                Session::view(path, agent, ReadOnly::Folder)
            }
            other => other,
        }
    }

    /// Reads the census (its journal replayed in memory) to look at it
    /// only: no lock is taken, and nothing will be written.
    pub fn view(path: &Path, agent: Agent, why: ReadOnly) -> Result<Session, OpenError> {
        let ws = Workspace::open(path).map_err(OpenError::Load)?;
        let mut session = Session::new(ws, agent, None);
        session.read_only = Some(why);
        Ok(session)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_refusal_of_the_folder_means_viewing() {
        let io = |kind| SaveError::Io {
            path: "c.ron.lock.1-0".into(),
            error: std::io::Error::from(kind),
        };
        assert!(folder_refused(&io(std::io::ErrorKind::PermissionDenied)));
        assert!(folder_refused(&io(std::io::ErrorKind::ReadOnlyFilesystem)));
        assert!(!folder_refused(&io(std::io::ErrorKind::StorageFull)));
        assert!(!folder_refused(&SaveError::AlreadyExists {
            path: "c.ron".into()
        }));
    }
}
