//! The interface on a census others have open too (see
//! `docs/concurrency.md`): the census's folder watched with the OS's file
//! notifications (inotify on Linux; nothing wakes up while nothing
//! changes), a refresh on every key press where they do not work (network
//! file systems), what others wrote joined in with the selection kept, and
//! who else is there in the status line.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use super::app::Core;
use super::terminal::Incoming;
use crate::census::id::InitiativeId;
use crate::census::ops::Changes;
use crate::census::sharing::presence::presence_path;
use crate::display::inert;
use crate::i18n::Localized;
use crate::lang::fill;
use crate::tui::words::sharing::sharing;

/// The watch over the census's folder; stops when dropped.
pub struct Watch {
    _watcher: notify::RecommendedWatcher,
    /// A change was sent and not yet handled: one is enough.
    pending: Arc<AtomicBool>,
}

impl Watch {
    /// Watches the folder of the census at `census` and sends
    /// [`Incoming::Changed`] when the census, the presence file or another
    /// session's journal changes. `None` where notifications would not
    /// tell another machine's writes (then: a refresh on each key press).
    pub fn start(core: &Core, tx: Sender<Incoming>) -> Option<Watch> {
        let census = core.session.ws.path.as_path();
        let own = core.session.own_journal()?.to_path_buf();
        let dir = match census.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if notifications_unreliable(&dir) {
            return None;
        }
        let watched = Watched::of(census, &own);
        let pending = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&pending);
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let Ok(event) = event else {
                    return;
                };
                if event.paths.iter().any(|p| watched.concerns(p))
                    && !flag.swap(true, Ordering::SeqCst)
                {
                    let _ = tx.send(Incoming::Changed);
                }
            })
            .ok()?;
        use notify::Watcher as _;
        watcher
            .watch(&dir, notify::RecursiveMode::NonRecursive)
            .ok()?;
        Some(Watch {
            _watcher: watcher,
            pending,
        })
    }

    /// The change sent is being handled: the next one is sent again.
    pub fn handled(&self) {
        self.pending.store(false, Ordering::SeqCst);
    }
}

/// The names of the files whose changes concern a session.
struct Watched {
    census: std::ffi::OsString,
    presence: std::ffi::OsString,
    journals: String,
    own: std::ffi::OsString,
}

impl Watched {
    fn of(census: &Path, own: &Path) -> Watched {
        let name = |p: PathBuf| p.file_name().unwrap_or_default().to_os_string();
        let legacy = crate::census::file::journal::journal_path(census);
        Watched {
            census: name(census.to_path_buf()),
            presence: name(presence_path(census)),
            journals: format!("{}.", name(legacy).to_string_lossy()),
            own: name(own.to_path_buf()),
        }
    }

    fn concerns(&self, path: &Path) -> bool {
        let Some(file) = path.file_name() else {
            return false;
        };
        file == self.census
            || file == self.presence
            || (file != self.own && file.to_string_lossy().starts_with(&self.journals))
    }
}

/// File systems where a write made on another machine sends no
/// notification here (NFS, SMB/CIFS, SSHFS and other FUSE file systems…),
/// as `/proc/self/mountinfo` names the one holding `dir`.
pub fn notifications_unreliable(dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    let Ok(mounts) = std::fs::read_to_string("/proc/self/mountinfo") else {
        return false;
    };
    fs_type(&mounts, &dir).is_some_and(|kind| {
        const REMOTE: &[&str] = &[
            "nfs", "cifs", "smb", "fuse", "9p", "afs", "ceph", "gluster", "davfs", "lustre", "gpfs",
        ];
        REMOTE.iter().any(|r| kind.starts_with(r))
    })
}

/// The type of the file system mounted deepest above `dir`, from the text
/// of `/proc/self/mountinfo` (`… MOUNT-POINT … - TYPE SOURCE …`).
fn fs_type(mountinfo: &str, dir: &Path) -> Option<String> {
    mountinfo
        .lines()
        .filter_map(|line| {
            let (left, right) = line.split_once(" - ")?;
            let point = left.split(' ').nth(4)?.replace("\\040", " ");
            let kind = right.split(' ').next()?;
            dir.starts_with(&point)
                .then(|| (point.len(), kind.to_string()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, kind)| kind)
}

impl Core {
    /// Joins what others wrote (on a notification, or before a key); the
    /// list, the record shown and the dashboard follow, the selection
    /// stays. Returns whether anything is to be redrawn.
    pub fn take_in_others(&mut self) -> bool {
        let result = self.session.refresh();
        self.after_refresh(result)
    }

    /// Before a key is handled (see `Session::begin_key`).
    pub fn before_key(&mut self) -> bool {
        let result = self.session.begin_key();
        self.after_refresh(result)
    }

    /// After a key is handled.
    pub fn after_key(&mut self) {
        self.session.end_key();
    }

    fn after_refresh(&mut self, result: Result<bool, crate::census::error::SaveError>) -> bool {
        match result {
            Ok(false) => false,
            Ok(true) => {
                self.session.take_merged_from_disk();
                self.reindex_all();
                true
            }
            Err(e) => {
                let text = e.localize(self.lang);
                self.error(text);
                true
            }
        }
    }

    /// Rebuilds the search index and the list (selection kept by id) and
    /// counts the conflicts again.
    fn reindex_all(&mut self) {
        let ws = &self.session.ws;
        self.index = crate::census::query::SearchIndex::build(&ws.census, &ws.schema, self.lang);
        self.refresh_list();
        self.count_conflicts();
    }

    /// Changes an initiative from the field editor: on the state the person
    /// saw when they opened it (see `Session::edit_as_seen`).
    pub fn edit_seen(&mut self, id: &InitiativeId, changes: &Changes) -> Result<bool, String> {
        self.writable()?;
        let changed =
            (self.session.edit_as_seen(id, changes)).map_err(|e| e.localize(self.lang))?;
        if changed {
            self.after_change(id);
        }
        Ok(changed)
    }

    /// « aussi ouvert par : Marie (ssh), Pierre », or nothing when alone.
    pub fn also_open(&self) -> Option<String> {
        let others = self.session.others();
        if others.is_empty() {
            return None;
        }
        let words = sharing(self.lang);
        let mut names: Vec<String> = Vec::new();
        for p in others {
            let mut name = inert(&p.name).into_owned();
            if p.ssh {
                name.push_str(words.over_ssh);
            }
            if !names.contains(&name) {
                names.push(name);
            }
        }
        Some(fill(words.also_open, &[("names", &names.join(", "))]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_deepest_mount_names_the_file_system() {
        let mounts = "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n\
                      40 22 0:50 / /srv/partage rw - nfs4 serveur:/partage rw\n\
                      41 22 0:51 / /home/marie/serveur\\040ssh rw - fuse.sshfs marie@h: rw\n";
        let at = |p: &str| fs_type(mounts, Path::new(p));
        assert_eq!(at("/srv/partage/recense").as_deref(), Some("nfs4"));
        assert_eq!(at("/home/marie/serveur ssh").as_deref(), Some("fuse.sshfs"));
        assert_eq!(at("/home/marie").as_deref(), Some("ext4"));
        assert_eq!(at("/srv/partagee").as_deref(), Some("ext4"));
    }
}
