//! One editing session of a census, the same for every front end: the open
//! workspace, who writes, the clock, the lock, the journal and the undo
//! stack. A command of `recense` opens one per command (`Invocation::mutate`);
//! the interface opens one for its whole run (`tui::app::Core`). Nothing
//! here is worded: errors are data, localized by `i18n`.

use std::path::Path;

use crate::census::error::{LoadError, SaveError};
use crate::census::exchange::{self, IncomingError, Peers, read_incoming};
use crate::census::file::footer::{self, BroughtBack, Recorded};
use crate::census::file::journal;
use crate::census::id::InitiativeId;
use crate::census::import::{self, Applied, ImportPlan};
use crate::census::model::{Census, Initiative};
use crate::census::ops::{Agent, Changes, FieldValues, OpError};
use crate::census::receive::{Received, merge_received};
use crate::census::store::{self, Lock};
use crate::census::time::Timestamp;
use crate::census::workspace::{Workspace, check_schema_version};

mod redo;
pub use redo::Change;

/// Where the time comes from: the system, or fixed (tests, snapshots).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    System,
    Fixed(Timestamp),
}

impl Clock {
    pub fn now(self) -> Timestamp {
        match self {
            Clock::System => Timestamp::now(),
            Clock::Fixed(t) => t,
        }
    }
}

/// How to undo a legitimizing step.
#[derive(Debug, Clone)]
pub enum LegitimizeUndo {
    /// Each initiative and the status it had before.
    Statuses(Vec<(InitiativeId, String)>),
    /// Evidence or confirmations: nothing to take back.
    Irreversible,
}

/// What a change was, to undo it.
#[derive(Debug, Clone)]
enum UndoStep {
    Created(InitiativeId),
    /// The initiative before, and the fields the change touched.
    Edited(Initiative, Vec<String>),
    Deleted(InitiativeId),
    Legit(LegitimizeUndo),
    /// Brought back from the bin (`redo::restore`).
    Restored(InitiativeId),
}

/// What [`Session::undo`] did.
#[derive(Debug)]
pub enum Undone {
    /// Nothing left to undo.
    Nothing,
    /// The change of one initiative, undone as a new change, or why not.
    Initiative(InitiativeId, Result<(), OpError>),
    /// A legitimizing step: undone by the front end, which words the
    /// comment the history records ([`Session::set_statuses_back`]).
    Legit(LegitimizeUndo),
}

/// Why a census could not be opened for writing.
#[derive(Debug)]
pub enum OpenError {
    Load(LoadError),
    /// The lock could not be taken.
    Lock(SaveError),
}

/// The blocks deleted by hand from the file as it was opened, and the
/// census then, to tell what a write forgets or a merge brings back.
pub struct HandDeleted {
    recorded: Recorded,
    before: Census,
}

impl HandDeleted {
    /// What `after` (the census now) did with the blocks deleted by hand.
    pub fn after(&self, after: &Census, name_field: &str) -> BroughtBack {
        footer::after_merge(self.recorded, &self.before, after, name_field)
    }

    /// How many blocks deleted by hand a write of `after` forgets, when
    /// nothing brought any of them back.
    pub fn forgotten(&self, after: &Census) -> Option<usize> {
        let count = footer::deleted_by_hand(self.recorded, &self.before);
        (self.after(after, "") == BroughtBack::Unrecognised(count)).then_some(count)
    }
}

/// An open census being changed by one person.
pub struct Session {
    pub ws: Workspace,
    pub agent: Agent,
    pub clock: Clock,
    /// Every change is on disk (file or journal).
    pub saved: bool,
    /// Changes not yet written into the file itself (in the journal, or
    /// replayed from it): what a save at the end of the session writes.
    pub(crate) unwritten: bool,
    undo: Vec<UndoStep>,
    /// What undo took back, to redo it (see `redo.rs`).
    redo: Vec<(usize, redo::RedoStep)>,
    /// Held while the session lives (a command), or only while writing (a
    /// session shared with others, see `census::sharing`); released on drop.
    pub(crate) lock: Option<Lock>,
    /// The file as this session last read or wrote it (modified, length):
    /// another change on disk (a git merge) is merged in before a save.
    pub(crate) on_disk: Option<(std::time::SystemTime, u64)>,
    /// A save merged changes found on disk: what shows the census is stale.
    pub(crate) merged_from_disk: bool,
    /// The interface's session, which other sessions may share (its own
    /// journal, who else is there): see `census::sharing`.
    pub(crate) shared: Option<Box<crate::census::sharing::Shared>>,
    /// Opened to be looked at only, without the lock: nothing may change
    /// (see `census::viewing`).
    pub read_only: Option<crate::census::viewing::ReadOnly>,
    /// A merge took in erasures of values this census held: the next save
    /// rewrites the backup, which still holds them.
    scrub_backup: bool,
}

/// When and how long the file on disk is, to notice that it changed.
pub(crate) fn disk_stamp(path: &Path) -> Option<(std::time::SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl Session {
    pub fn new(ws: Workspace, agent: Agent, lock: Option<Lock>) -> Session {
        Session {
            unwritten: ws.report.journal > 0,
            on_disk: disk_stamp(&ws.path),
            merged_from_disk: false,
            scrub_backup: false,
            ws,
            agent,
            clock: Clock::System,
            saved: true,
            undo: Vec::new(),
            redo: Vec::new(),
            lock,
            read_only: None,
            shared: None,
        }
    }

    /// Takes the lock, then reads the census (its journal replayed).
    pub fn open(path: &Path, agent: Agent) -> Result<Session, OpenError> {
        let lock = Lock::acquire(path, &agent.name).map_err(OpenError::Lock)?;
        let ws = Workspace::open(path).map_err(OpenError::Load)?;
        Ok(Session::new(ws, agent, Some(lock)))
    }

    /// Opens the census to change it: a missing file is said missing (not
    /// that its lock cannot be made); values changed by hand in the file
    /// become hand edits of `agent` before anything else, so that no later
    /// merge mistakes them.
    pub fn open_for_writing(path: &Path, agent: Agent) -> Result<Session, OpenError> {
        if !path.exists() {
            Workspace::open(path).map_err(OpenError::Load)?;
        }
        let mut session = Session::open(path, agent)?;
        let now = session.clock.now();
        session.ws.census.adopt_hand_edits(&session.agent, now);
        Ok(session)
    }

    /// Releases the lock now rather than when the session is dropped.
    pub fn close(self) {
        if let Some(lock) = self.lock {
            lock.release();
        }
    }

    /// The blocks deleted by hand from the file as it was read, if any.
    pub fn hand_deleted(&self) -> Option<HandDeleted> {
        let recorded = self.ws.report.deleted_by_hand?;
        Some(HandDeleted {
            recorded,
            before: self.ws.census.clone(),
        })
    }

    /// Writes the change of one initiative to the journal (fsynced).
    pub fn persist(&mut self, id: &InitiativeId) -> Result<(), SaveError> {
        self.refuse_if_viewing()?;
        if self.shared.is_some() {
            return self.persist_shared(id);
        }
        self.unwritten = true;
        let r = journal::append(&self.ws.path, &self.ws.census, id);
        self.saved = r.is_ok();
        r
    }

    /// Writes the whole census atomically (the journal is then emptied).
    /// A file changed on disk meanwhile (a git merge while the interface
    /// was open) is merged with this session's census first, never
    /// overwritten; one that cannot be read is left alone, the changes
    /// staying in the journal.
    pub fn save(&mut self) -> Result<(), SaveError> {
        self.refuse_if_viewing()?;
        // A shared session holds the lock only while writing.
        let taken = self.take_lock()?;
        let r = self.save_held();
        self.give_lock_back(taken);
        r
    }

    /// [`Session::save`], the lock held.
    fn save_held(&mut self) -> Result<(), SaveError> {
        self.join_other_sessions();
        let r = self
            .take_in_disk()
            .map(|()| self.erase_past_grace())
            .and_then(|erased| store::save(&self.ws.path, &self.ws.census).map(|()| erased));
        self.saved = r.is_ok();
        self.unwritten = r.is_err();
        if r.is_ok() {
            self.on_disk = disk_stamp(&self.ws.path);
            self.after_written();
        }
        if r.as_ref().is_ok_and(|erased| *erased || self.scrub_backup) {
            self.scrub_backup = false;
            // The backup held the erased values; a backup that cannot be
            // rewritten is removed rather than kept with them.
            if crate::census::erase::scrub_backup(&self.ws.path).is_err() {
                let _ = std::fs::remove_file(store::backup_path(&self.ws.path));
            }
        }
        r.map(|_| ())
    }

    /// Erases the personal values of initiatives deleted longer ago than
    /// the schema's grace period; returns whether any was.
    fn erase_past_grace(&mut self) -> bool {
        let now = self.clock.now();
        let ws = &mut self.ws;
        let done = crate::census::erase::retention::purge_deleted(
            &mut ws.census,
            &ws.schema,
            None,
            None,
            &self.agent,
            now,
        );
        // An exhausted counter stops the erasure part-way: what was erased
        // is saved, the rest waits for a colleague's save.
        done.is_err() || done.is_ok_and(|d| !d.is_empty())
    }

    /// Merges the file on disk into the census if it changed since this
    /// session read or wrote it.
    pub(crate) fn take_in_disk(&mut self) -> Result<(), SaveError> {
        let path = self.ws.path.clone();
        if self.on_disk.is_none() || disk_stamp(&path) == self.on_disk {
            return Ok(());
        }
        let changed = |error: LoadError| SaveError::ChangedOnDisk {
            path: path.clone(),
            error: Box::new(IncomingError::Load(error)),
        };
        let text = store::read_limited(&path).map_err(changed)?;
        let (disk, _) =
            crate::census::file::parse(&text, &path.display().to_string()).map_err(changed)?;
        let ws = &mut self.ws;
        check_schema_version(&disk, &ws.schema, &path).map_err(changed)?;
        let now = self.clock.now();
        ws.census.adopt_hand_edits(&self.agent, now);
        self.merged_from_disk = true;
        merge_received(&mut ws.census, &ws.schema, &disk, &self.agent, now, None).map_err(|e| {
            SaveError::ChangedOnDisk {
                path: path.clone(),
                error: Box::new(IncomingError::Merge(e)),
            }
        })?;
        Ok(())
    }

    /// Whether a save merged changes found on disk since last asked.
    pub fn take_merged_from_disk(&mut self) -> bool {
        std::mem::take(&mut self.merged_from_disk)
    }

    /// Whether a change of this session is not yet in the file itself.
    pub fn has_unwritten_changes(&self) -> bool {
        self.unwritten
    }

    /// Writes the whole census if a change of this session is not yet in
    /// the file itself; a session that changed nothing writes nothing (the
    /// file, its checksum and its `.bak` stay as they were).
    pub fn save_changes(&mut self) -> Result<(), SaveError> {
        if self.unwritten && self.read_only.is_none() {
            self.save()
        } else {
            Ok(())
        }
    }

    /// A census opened to be looked at only is never written.
    fn refuse_if_viewing(&self) -> Result<(), SaveError> {
        match self.read_only {
            Some(_) => Err(SaveError::ReadOnly {
                path: self.ws.path.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Creates an initiative.
    pub fn create(&mut self, values: &[FieldValues]) -> Result<InitiativeId, OpError> {
        let now = self.clock.now();
        let ws = &mut self.ws;
        let id = ws
            .census
            .add_initiative(&ws.schema, &self.agent, values, now)?;
        self.undo.push(UndoStep::Created(id.clone()));
        Ok(id)
    }

    /// Changes an initiative; returns whether anything changed.
    pub fn edit(&mut self, id: &InitiativeId, changes: &Changes) -> Result<bool, OpError> {
        let ws = &mut self.ws;
        let before = ws.census.get(id).cloned();
        let now = self.clock.now();
        let changed = ws
            .census
            .edit_initiative(&ws.schema, id, &self.agent, changes, now)?;
        if changed && let Some(before) = before {
            let fields = self.fields_changed_since(&before);
            self.undo.push(UndoStep::Edited(before, fields));
        }
        Ok(changed)
    }

    pub fn delete(&mut self, id: &InitiativeId) -> Result<(), OpError> {
        let now = self.clock.now();
        self.ws.census.delete_initiative(id, &self.agent, now)?;
        self.undo.push(UndoStep::Deleted(id.clone()));
        Ok(())
    }

    /// Settles a conflict with the value numbered `pick` (see
    /// `Census::resolve_pick`).
    pub fn resolve_pick(
        &mut self,
        id: &InitiativeId,
        field: &str,
        pick: usize,
    ) -> Result<Vec<InitiativeId>, OpError> {
        let now = self.clock.now();
        let ws = &mut self.ws;
        ws.census
            .resolve_pick(&ws.schema, id, field, pick, &self.agent, now)
    }

    /// Fuses `other` into `keep`; returns how many values were taken in.
    pub fn fuse(&mut self, keep: &InitiativeId, other: &InitiativeId) -> Result<usize, OpError> {
        let now = self.clock.now();
        let ws = &mut self.ws;
        ws.census.fuse(&ws.schema, keep, other, &self.agent, now)
    }

    /// Records that two initiatives are different; returns whether it was
    /// not recorded yet.
    pub fn not_duplicate(&mut self, a: &InitiativeId, b: &InitiativeId) -> Result<bool, OpError> {
        let now = self.clock.now();
        self.ws.census.mark_not_duplicate(a, b, &self.agent, now)
    }

    /// Applies an import planned on this census (see `census::import`).
    pub fn import(&mut self, plan: ImportPlan) -> Applied {
        let now = self.clock.now();
        let ws = &mut self.ws;
        import::apply(&mut ws.census, &ws.schema, &self.agent, now, plan)
    }

    /// Merges a census received from a colleague, read from `path` (named
    /// in errors), after adopting the hand edits of this census; the result
    /// keeps its territory, or `territory`.
    pub fn merge(
        &mut self,
        path: &Path,
        theirs: &Census,
        territory: Option<&str>,
    ) -> Result<Received, IncomingError> {
        let ws = &mut self.ws;
        check_schema_version(theirs, &ws.schema, path).map_err(IncomingError::Load)?;
        let now = self.clock.now();
        let header = (ws.census.territory.clone(), ws.census.agents.clone());
        // Values changed by hand in this census become this agent's writes
        // first: the join would otherwise take them for the values they
        // replaced, which the other copy has seen, and drop both.
        ws.census.adopt_hand_edits(&self.agent, now);
        let received = merge_received(
            &mut ws.census,
            &ws.schema,
            theirs,
            &self.agent,
            now,
            territory,
        )
        .map_err(IncomingError::Merge)?;
        self.scrub_backup |= received.erased_here.is_some();
        // A copy that brings nothing changes nothing: nothing to write.
        let summary = &received.summary;
        if summary.new + summary.updated > 0
            || header != (ws.census.territory.clone(), ws.census.agents.clone())
        {
            self.unwritten = true;
        }
        Ok(received)
    }

    /// Reads a file received from a colleague and merges it (see
    /// [`Session::merge`]); what its sender has is remembered for bundles.
    /// `accept_edited` takes a file changed by hand.
    pub fn merge_file(
        &mut self,
        path: &Path,
        accept_edited: bool,
    ) -> Result<Received, IncomingError> {
        let theirs = read_incoming(path, accept_edited)?;
        let received = self.merge(path, &theirs, None)?;
        if let Some(sender) = exchange::sender(&theirs) {
            let mut peers = Peers::load(&self.ws.path);
            peers.record(sender, &theirs);
            // What colleagues have only makes bundles smaller: not worth failing for.
            let _ = peers.save(&self.ws.path);
        }
        Ok(received)
    }

    /// Records a consent to the keeping of the personal values of an
    /// initiative, or its withdrawal (see `census::consent`).
    pub fn record_consent(
        &mut self,
        id: &InitiativeId,
        change: &crate::census::consent::ConsentChange,
        date: Option<crate::census::time::Date>,
    ) -> Result<(), crate::census::consent::ConsentError> {
        let now = self.clock.now();
        self.ws
            .census
            .record_consent(id, change, date, &self.agent, now)?;
        self.push_legit_undo(LegitimizeUndo::Irreversible);
        Ok(())
    }

    /// Records that the fiche was verified today (see `census::freshness`).
    pub fn verify(
        &mut self,
        id: &InitiativeId,
        note: &str,
    ) -> Result<(), crate::census::status::StatusError> {
        let now = self.clock.now();
        self.ws.census.verify(id, note, &self.agent, now)?;
        self.undo
            .push(UndoStep::Legit(LegitimizeUndo::Irreversible));
        Ok(())
    }

    /// Records an edition of an event or training (see `census::editions`).
    pub fn add_edition(
        &mut self,
        id: &InitiativeId,
        spec: &crate::census::editions::EditionSpec,
    ) -> Result<(), crate::census::editions::EditionError> {
        let now = self.clock.now();
        let ws = &mut self.ws;
        ws.census
            .add_edition(&ws.schema, id, spec, &self.agent, now)?;
        self.undo
            .push(UndoStep::Legit(LegitimizeUndo::Irreversible));
        Ok(())
    }

    /// Records a support received, with its amount (`recense support add`).
    pub fn add_support(
        &mut self,
        id: &InitiativeId,
        new: &crate::census::supports::NewSupport,
    ) -> Result<(), crate::census::supports::SupportError> {
        let now = self.clock.now();
        let ws = &mut self.ws;
        ws.census
            .add_support(&ws.schema, id, new, &self.agent, now)?;
        self.undo
            .push(UndoStep::Legit(LegitimizeUndo::Irreversible));
        Ok(())
    }

    /// Records a legitimizing step, to undo it.
    pub fn push_legit_undo(&mut self, step: LegitimizeUndo) {
        self.undo.push(UndoStep::Legit(step));
    }

    /// Undoes the last change of this session, as a new change (colleagues'
    /// copies see it as an ordinary edit).
    pub fn undo(&mut self) -> Undone {
        let Some(step) = self.undo.pop() else {
            return Undone::Nothing;
        };
        let now = self.clock.now();
        let (id, result) = match step {
            UndoStep::Legit(l) => return Undone::Legit(l),
            UndoStep::Created(id) => {
                let r = self.ws.census.delete_initiative(&id, &self.agent, now);
                (id, r)
            }
            UndoStep::Deleted(id) => {
                let r = self.ws.census.restore_initiative(&id, &self.agent, now);
                (id, r)
            }
            UndoStep::Restored(id) => {
                let r = self.ws.census.delete_initiative(&id, &self.agent, now);
                (id, r)
            }
            UndoStep::Edited(before, fields) => {
                let changes = self.changes_back_to(&before, &fields);
                let ws = &mut self.ws;
                let r = ws
                    .census
                    .edit_initiative(&ws.schema, &before.id, &self.agent, &changes, now)
                    .map(|_| ());
                (before.id, r)
            }
        };
        Undone::Initiative(id, result)
    }

    /// Sets each initiative's status back to the one it had (the undo of
    /// status changes); `comment` is recorded with each. Returns those set
    /// back, and the errors of those that could not be; one already back
    /// there (changed again since) is neither.
    pub fn set_statuses_back(
        &mut self,
        list: &[(InitiativeId, String)],
        comment: &str,
    ) -> (Vec<InitiativeId>, Vec<crate::census::status::StatusError>) {
        use crate::census::status::StatusError;
        let now = self.clock.now();
        let mut done = Vec::new();
        let mut refused = Vec::new();
        for (id, previous) in list {
            let ws = &mut self.ws;
            let r = ws
                .census
                .set_status(&ws.schema, id, previous, comment, &self.agent, now);
            match r {
                Ok(()) => done.push(id.clone()),
                Err(StatusError::SameStatus(_)) => {}
                Err(e) => refused.push(e),
            }
        }
        (done, refused)
    }

    /// The schema fields whose values differ between `before` and the
    /// initiative now.
    fn fields_changed_since(&self, before: &Initiative) -> Vec<String> {
        let Some(now) = self.ws.census.get(&before.id) else {
            return Vec::new();
        };
        let fields = &self.ws.schema.fields;
        fields
            .iter()
            .filter(|f| before.values(&f.id) != now.values(&f.id))
            .map(|f| f.id.clone())
            .collect()
    }

    /// The changes that give the `fields` of an initiative back the values
    /// of `before`; the fields others changed since are left as they are.
    fn changes_back_to(&self, before: &Initiative, fields: &[String]) -> Changes {
        let mut changes = Changes::default();
        let Some(now) = self.ws.census.get(&before.id) else {
            return changes;
        };
        let touched = |f: &&crate::census::schema::Field| fields.contains(&f.id);
        for field in self.ws.schema.fields.iter().filter(touched) {
            let old: Vec<String> = before
                .values(&field.id)
                .into_iter()
                .map(String::from)
                .collect();
            let new: Vec<&str> = now.values(&field.id);
            if old.iter().map(String::as_str).eq(new.iter().copied()) {
                continue;
            }
            if old.is_empty() {
                changes.unset.push(field.id.clone());
            } else {
                changes.set.push(FieldValues {
                    field: field.id.clone(),
                    values: old,
                });
            }
        }
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::file::LoadReport;
    use crate::census::id::AgentId;
    use crate::census::ops::parse_assignments;
    use crate::census::schema::Schema;

    fn session() -> Session {
        let schema = Schema::default_schema();
        let census = Census::new("T", &schema.id, schema.version);
        let ws = Workspace {
            path: "unused.ron".into(),
            census,
            schema,
            report: LoadReport::default(),
        };
        let agent = Agent {
            id: AgentId::parse("aaaaa").unwrap(),
            name: "Marie".into(),
        };
        let mut s = Session::new(ws, agent, None);
        s.clock = Clock::Fixed(Timestamp(1_000));
        s
    }

    fn values(s: &Session, assignments: &[&str]) -> Vec<FieldValues> {
        let a: Vec<String> = assignments.iter().map(|x| x.to_string()).collect();
        parse_assignments(&s.ws.schema, &s.ws.census, &a, None).unwrap()
    }

    #[test]
    fn undo_takes_back_each_change_in_turn() {
        let mut s = session();
        let v = values(&s, &["nom=Infini", "type=chatons", "commune=Brest"]);
        let id = s.create(&v).unwrap();
        let rename = Changes::set(values(&s, &["nom=Infini Brest"]));
        assert!(s.edit(&id, &rename).unwrap());
        s.delete(&id).unwrap();
        let live = |s: &Session| !s.ws.census.get(&id).unwrap().is_deleted();
        assert!(matches!(s.undo(), Undone::Initiative(ref i, Ok(())) if *i == id));
        assert!(live(&s));
        assert!(matches!(s.undo(), Undone::Initiative(_, Ok(()))));
        assert_eq!(s.ws.census.get(&id).unwrap().values("nom"), vec!["Infini"]);
        assert!(matches!(s.undo(), Undone::Initiative(_, Ok(()))));
        assert!(!live(&s));
        assert!(matches!(s.undo(), Undone::Nothing));
    }

    #[test]
    fn a_legitimizing_step_is_handed_back_to_be_worded() {
        let mut s = session();
        s.push_legit_undo(LegitimizeUndo::Irreversible);
        assert!(matches!(
            s.undo(),
            Undone::Legit(LegitimizeUndo::Irreversible)
        ));
        assert!(matches!(s.undo(), Undone::Nothing));
    }
}
