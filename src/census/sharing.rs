//! Several sessions on one census at once, without a server: the lock is
//! held only while writing, each interface session keeps its own journal
//! and saves by joining its state with the file on disk, every reader joins
//! the journals of the others, and a presence file says who is there. See
//! `docs/concurrency.md`.

pub mod journals;
pub mod presence;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use crate::census::error::SaveError;
use crate::census::file::journal;
use crate::census::id::InitiativeId;
use crate::census::model::{Initiative, Seen};
use crate::census::ops::{Agent, Changes, OpError};
use crate::census::session::{OpenError, Session, disk_stamp};
use crate::census::store::Lock;
use crate::census::workspace::Workspace;

pub use journals::{join_journals, own_journal, session_journals};
pub use presence::Present;

/// When and how long a file was, to notice that it changed.
type Stamp = Option<(std::time::SystemTime, u64)>;

/// What a session shared with others keeps.
#[derive(Debug)]
pub struct Shared {
    /// Which session of this process (see [`own_journal`]).
    serial: u64,
    /// This session's own journal.
    journal: PathBuf,
    /// The other sessions' journals as last joined.
    joined: Vec<(PathBuf, Stamp)>,
    /// The presence file as last read, and the others it named.
    presence: Stamp,
    others: Vec<Present>,
    /// The initiative whose field is being edited, and what the person had
    /// seen of it when the editor opened.
    editing: RefCell<Option<(InitiativeId, Seen)>>,
    /// Taken for the handling of one key (another session of the same
    /// person is there).
    key_lock: bool,
}

impl Session {
    /// Opens the census for the interface, to be shared with other
    /// sessions: under the lock, reads it (every session journal joined),
    /// writes into the file the journals of sessions that died, and says
    /// this session is there; the lock is then released.
    pub fn open_shared(path: &Path, agent: Agent) -> Result<Session, OpenError> {
        let lock = Lock::acquire(path, &agent.name).map_err(OpenError::Lock)?;
        let ws = Workspace::open(path).map_err(OpenError::Load)?;
        let mut session = Session::new(ws, agent, Some(lock));
        static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let serial = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        session.shared = Some(Box::new(Shared {
            serial,
            journal: own_journal(path, serial),
            joined: Vec::new(),
            presence: None,
            others: Vec::new(),
            editing: RefCell::new(None),
            key_lock: false,
        }));
        session.note_journals();
        if session_journals(path).iter().any(|j| j.is_dead()) {
            // What a session that died had acknowledged: into the file.
            session.unwritten = true;
            let _ = session.save();
        }
        let _ = presence::enter(path, &session.agent, serial);
        session.lock = None;
        session.read_presence();
        Ok(session)
    }

    /// Ends a shared session: it is no longer named as there.
    pub fn leave(&mut self) {
        if self.shared.is_none() || self.read_only.is_some() {
            return;
        }
        let serial = self.shared.as_ref().map_or(0, |s| s.serial);
        if let Ok(taken) = self.take_lock() {
            let _ = presence::leave(&self.ws.path, serial);
            self.give_lock_back(taken);
        }
    }

    /// The other sessions that have the census open (none for a command).
    pub fn others(&self) -> &[Present] {
        self.shared.as_ref().map_or(&[], |s| &s.others)
    }

    /// This session's own journal (none for a command).
    pub fn own_journal(&self) -> Option<&Path> {
        self.shared.as_ref().map(|s| s.journal.as_path())
    }

    /// Whether the census is shared with another session now.
    pub fn is_shared_now(&self) -> bool {
        !self.others().is_empty()
    }

    /// Takes the lock for a shared session that does not hold it; returns
    /// whether it was taken here (to give it back).
    pub(crate) fn take_lock(&mut self) -> Result<bool, SaveError> {
        if self.shared.is_none() || self.lock.is_some() {
            return Ok(false);
        }
        self.lock = Some(Lock::acquire(&self.ws.path, &self.agent.name)?);
        Ok(true)
    }

    pub(crate) fn give_lock_back(&mut self, taken: bool) {
        if taken {
            self.lock = None;
        }
    }

    /// Before a write, the lock held: joins what other sessions journaled
    /// since this one last looked.
    pub(crate) fn join_other_sessions(&mut self) {
        if self.shared.is_some() {
            self.take_in_journals();
        }
    }

    /// After a write of the whole census, the lock held: this session's
    /// journal is in the file, and so are those of sessions that died.
    pub(crate) fn after_written(&mut self) {
        if let Some(shared) = &self.shared {
            let _ = std::fs::remove_file(&shared.journal);
        }
        journals::remove_dead_journals(&self.ws.path);
    }

    /// Writes the change of one initiative of a shared session: under the
    /// lock, what changed on disk is joined in first, the change appended
    /// to this session's journal (fsynced), and, when another session is
    /// there, the whole census written (the join of this state and the
    /// file), so that the others see it.
    pub(crate) fn persist_shared(&mut self, id: &InitiativeId) -> Result<(), SaveError> {
        let taken = match self.take_lock() {
            Ok(taken) => taken,
            Err(e) => {
                self.saved = false;
                return Err(e);
            }
        };
        let r = self.persist_held(id);
        self.give_lock_back(taken);
        r
    }

    fn persist_held(&mut self, id: &InitiativeId) -> Result<(), SaveError> {
        let Some(shared) = &self.shared else {
            return Ok(());
        };
        let own = shared.journal.clone();
        self.unwritten = true;
        let r = journal::append_to(&own, &self.ws.census, id);
        self.saved = r.is_ok();
        r?;
        self.read_presence();
        if self.is_shared_now() {
            self.save()?;
        }
        Ok(())
    }

    /// Joins what others wrote since this session last looked: the file
    /// (a save of another session, a command, a `git pull`), the other
    /// sessions' journals and who is there. No lock is needed: the file
    /// is replaced whole, and a journal record being appended is passed
    /// over until it is whole. Returns whether anything came in.
    pub fn refresh(&mut self) -> Result<bool, SaveError> {
        if self.shared.is_none() || self.read_only.is_some() {
            return Ok(false);
        }
        let mut changed = self.read_presence();
        let stamp = disk_stamp(&self.ws.path);
        if stamp != self.on_disk {
            self.take_in_disk()?;
            self.on_disk = stamp;
            changed = true;
        }
        Ok(self.take_in_journals() || changed)
    }

    /// Joins the other sessions' journals that changed since last joined;
    /// returns whether one did.
    fn take_in_journals(&mut self) -> bool {
        let Some(shared) = &self.shared else {
            return false;
        };
        let mut changed = false;
        let mut now = Vec::new();
        for j in session_journals(&self.ws.path) {
            if j.path == shared.journal {
                continue;
            }
            let stamp = disk_stamp(&j.path);
            let known = shared.joined.iter().find(|(p, _)| *p == j.path);
            if known.is_none_or(|(_, s)| *s != stamp)
                && journal::replay_at(&j.path, &mut self.ws.census, true).is_ok_and(|r| r.count > 0)
            {
                changed = true;
            }
            now.push((j.path, stamp));
        }
        if let Some(shared) = &mut self.shared {
            shared.joined = now;
        }
        changed
    }

    /// Notes the other sessions' journals as joined (they were, at load).
    fn note_journals(&mut self) {
        let path = self.ws.path.clone();
        if let Some(shared) = &mut self.shared {
            shared.joined = session_journals(&path)
                .into_iter()
                .filter(|j| j.path != shared.journal)
                .map(|j| {
                    let stamp = disk_stamp(&j.path);
                    (j.path, stamp)
                })
                .collect();
        }
    }

    /// Reads who is there if the presence file changed; returns whether it
    /// did.
    fn read_presence(&mut self) -> bool {
        let path = presence::presence_path(&self.ws.path);
        let census = self.ws.path.clone();
        let Some(shared) = &mut self.shared else {
            return false;
        };
        let stamp = disk_stamp(&path);
        if stamp == shared.presence {
            // Entries of sessions that died, without a write since.
            let before = shared.others.len();
            shared.others.retain(Present::may_run);
            return shared.others.len() != before;
        }
        shared.presence = stamp;
        let others = presence::others(&census, shared.serial);
        let changed = others != shared.others;
        shared.others = others;
        changed
    }

    /// Before a key is handled: what others wrote is joined in, and, when
    /// another session of the same person is there, the lock is taken for
    /// the key's handling (two of their writes could otherwise be given the
    /// same dot). Returns whether anything came in.
    pub fn begin_key(&mut self) -> Result<bool, SaveError> {
        let me = self.agent.id;
        if self.others().iter().any(|p| p.is_of(&me))
            && let Ok(true) = self.take_lock()
            && let Some(shared) = &mut self.shared
        {
            shared.key_lock = true;
        }
        self.refresh()
    }

    /// After a key is handled: the lock taken for it is released.
    pub fn end_key(&mut self) {
        if let Some(shared) = &mut self.shared
            && std::mem::take(&mut shared.key_lock)
        {
            self.lock = None;
        }
    }

    /// Notes what the person sees of an initiative as they start editing
    /// one of its fields: the change is then made on that, and a
    /// concurrent change of the same field becomes a conflict.
    pub fn note_editing(&self, id: &InitiativeId) {
        if let (Some(shared), Some(i)) = (&self.shared, self.ws.census.get(id)) {
            shared.editing.replace(Some((id.clone(), i.seen.clone())));
        }
    }

    /// Changes an initiative as the person saw it when they started editing
    /// it ([`Session::note_editing`]), or as it is now if not noted.
    pub fn edit_as_seen(&mut self, id: &InitiativeId, changes: &Changes) -> Result<bool, OpError> {
        let noted = self.shared.as_ref().and_then(|s| s.editing.take());
        match noted {
            Some((noted, seen)) if noted == *id => self.edit_seen(&seen, id, changes),
            _ => self.edit(id, changes),
        }
    }

    /// Changes an initiative on the state whose knowledge was `seen`: the
    /// entries other agents wrote since are set aside, the change made
    /// (with a new dot of this agent), and the result joined with the
    /// initiative now, so that what was not seen is kept, beside the
    /// change when it is of the same field.
    pub fn edit_seen(
        &mut self,
        seen: &Seen,
        id: &InitiativeId,
        changes: &Changes,
    ) -> Result<bool, OpError> {
        let Some(now) = self.ws.census.get(id).cloned() else {
            return self.edit(id, changes);
        };
        let seen_then = as_seen(&now, seen, &self.agent);
        if seen_then == now {
            return self.edit(id, changes);
        }
        self.ws.census.insert(seen_then);
        let r = self.edit(id, changes);
        let joined = match self.ws.census.get(id) {
            Some(edited) if r.is_ok() => crate::census::merge::join_initiative(edited, &now),
            _ => now,
        };
        self.ws.census.insert(joined);
        r
    }
}

/// The initiative `now` as a copy whose knowledge was `seen` held it: the
/// entries of other agents `seen` does not cover are left out, and so is
/// their part of `seen`; this agent's own writes are all kept (its next dot
/// is then new).
fn as_seen(now: &Initiative, seen: &Seen, agent: &Agent) -> Initiative {
    let mut then = now.clone();
    let me = agent.id;
    then.fields.retain(|_, entries| {
        entries.retain(|e| {
            e.stamp
                .dot()
                .is_none_or(|d| d.agent == me || seen.covers(&d))
        });
        !entries.is_empty()
    });
    let mut vector = Seen::default();
    for (a, n) in &now.seen.0 {
        let n = if *a == me { *n } else { seen.get(a).min(*n) };
        if n > 0 {
            vector.raise(*a, n);
        }
    }
    then.seen = vector;
    then
}

#[cfg(test)]
mod tests;
