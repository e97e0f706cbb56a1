//! Redo, and what undo and redo are about, on top of the session's undo
//! stack; and restoring from the bin, which undo takes back too.
//!
//! Undo pops a step and pushes what redoes it, stamped with the length of
//! the undo stack it leaves. A redo is valid while that length is the
//! stack's: any change made since (which pushes a step) or a legitimizing
//! step undone (which leaves a blank, not redone) makes the redo stack stale,
//! and it is dropped, as editors do after a new change.

use super::{Session, UndoStep, Undone};
use crate::census::id::InitiativeId;
use crate::census::model::Initiative;
use crate::census::ops::OpError;

/// What a change of this session was: what undo or redo will take back or
/// do again, to say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Created(InitiativeId),
    Edited(InitiativeId),
    Deleted(InitiativeId),
    Restored(InitiativeId),
    /// A status, evidence or confirmation (worded by the front end).
    Legitimizing,
}

impl Change {
    pub fn initiative(&self) -> Option<&InitiativeId> {
        match self {
            Change::Created(id)
            | Change::Edited(id)
            | Change::Deleted(id)
            | Change::Restored(id) => Some(id),
            Change::Legitimizing => None,
        }
    }
}

/// How to do again what undo took back.
#[derive(Debug, Clone)]
pub(super) enum RedoStep {
    /// A creation undone (deleted): restore it.
    Create(InitiativeId),
    /// An edit undone: the initiative as it was after the edit.
    EditTo(Initiative, Vec<String>),
    /// A deletion undone (restored): delete it again.
    Delete(InitiativeId),
    /// A restoring undone (deleted again): restore it again.
    Restore(InitiativeId),
    /// A legitimizing step undone: not redone.
    Nothing,
}

fn change_of(step: &UndoStep) -> Change {
    match step {
        UndoStep::Created(id) => Change::Created(id.clone()),
        UndoStep::Edited(before, _) => Change::Edited(before.id.clone()),
        UndoStep::Deleted(id) => Change::Deleted(id.clone()),
        UndoStep::Restored(id) => Change::Restored(id.clone()),
        UndoStep::Legit(_) => Change::Legitimizing,
    }
}

impl Session {
    /// What undo would take back now.
    pub fn next_undo(&self) -> Option<Change> {
        self.undo.last().map(change_of)
    }

    /// What redo would do again now, if anything.
    pub fn next_redo(&self) -> Option<Change> {
        let (stamp, step) = self.redo.last()?;
        if *stamp != self.undo.len() {
            return None;
        }
        match step {
            RedoStep::Create(id) => Some(Change::Created(id.clone())),
            RedoStep::EditTo(after, _) => Some(Change::Edited(after.id.clone())),
            RedoStep::Delete(id) => Some(Change::Deleted(id.clone())),
            RedoStep::Restore(id) => Some(Change::Restored(id.clone())),
            RedoStep::Nothing => None,
        }
    }

    /// Undoes the last change ([`Session::undo`]) and keeps what redoes it.
    /// Returns what the change was.
    pub fn undo_change(&mut self) -> (Option<Change>, Undone) {
        let Some(top) = self.undo.last() else {
            return (None, Undone::Nothing);
        };
        let change = change_of(top);
        let redo = match top {
            UndoStep::Created(id) => RedoStep::Create(id.clone()),
            UndoStep::Edited(before, fields) => match self.ws.census.get(&before.id) {
                Some(after) => RedoStep::EditTo(after.clone(), fields.clone()),
                None => RedoStep::Nothing,
            },
            UndoStep::Deleted(id) => RedoStep::Delete(id.clone()),
            UndoStep::Restored(id) => RedoStep::Restore(id.clone()),
            UndoStep::Legit(_) => RedoStep::Nothing,
        };
        let undone = self.undo();
        if matches!(undone, Undone::Initiative(_, Ok(())) | Undone::Legit(_)) {
            self.redo.push((self.undo.len(), redo));
        }
        (Some(change), undone)
    }

    /// Does again the last change undone, as a new change; `None` when
    /// there is nothing to redo (or a change was made since the undo).
    pub fn redo(&mut self) -> Option<(Change, Result<(), OpError>)> {
        let Some(change) = self.next_redo() else {
            self.redo.clear();
            return None;
        };
        let (_, step) = self.redo.pop()?;
        let now = self.clock.now();
        let census = &mut self.ws.census;
        let (result, undo) = match step {
            RedoStep::Create(id) => (
                census.restore_initiative(&id, &self.agent, now),
                UndoStep::Created(id),
            ),
            RedoStep::Delete(id) => (
                census.delete_initiative(&id, &self.agent, now),
                UndoStep::Deleted(id),
            ),
            RedoStep::Restore(id) => (
                census.restore_initiative(&id, &self.agent, now),
                UndoStep::Restored(id),
            ),
            RedoStep::EditTo(after, fields) => {
                let before = self.ws.census.get(&after.id).cloned()?;
                let changes = self.changes_back_to(&after, &fields);
                let ws = &mut self.ws;
                let r = ws
                    .census
                    .edit_initiative(&ws.schema, &after.id, &self.agent, &changes, now)
                    .map(|_| ());
                (r, UndoStep::Edited(before, fields))
            }
            RedoStep::Nothing => return None,
        };
        if result.is_ok() {
            self.undo.push(undo);
        } else {
            self.redo.clear();
        }
        Some((change, result))
    }

    /// Brings a deleted initiative back from the bin; undo deletes it again.
    pub fn restore(&mut self, id: &InitiativeId) -> Result<(), OpError> {
        let now = self.clock.now();
        self.ws.census.restore_initiative(id, &self.agent, now)?;
        self.undo.push(UndoStep::Restored(id.clone()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::file::LoadReport;
    use crate::census::id::AgentId;
    use crate::census::model::Census;
    use crate::census::ops::{Agent, Changes, parse_assignments};
    use crate::census::schema::Schema;
    use crate::census::workspace::Workspace;

    fn session() -> Session {
        let schema = Schema::default_schema();
        let census = Census::new("T", &schema.id, schema.version);
        let ws = Workspace {
            path: std::path::PathBuf::from("/nonexistent/c.ron"),
            census,
            schema,
            report: LoadReport::default(),
        };
        let agent = Agent {
            id: AgentId::parse("marie").unwrap(),
            name: "Marie".into(),
        };
        Session::new(ws, agent, None)
    }

    fn add(s: &mut Session, name: &str) -> InitiativeId {
        let v = parse_assignments(
            &s.ws.schema,
            &s.ws.census,
            &[
                format!("nom={name}"),
                "type=association".into(),
                "commune=Brest".into(),
            ],
            None,
        )
        .unwrap();
        s.create(&v).unwrap()
    }

    fn name(s: &Session, id: &InitiativeId) -> String {
        s.ws.census
            .get(id)
            .unwrap()
            .value("nom")
            .unwrap()
            .to_string()
    }

    #[test]
    fn undo_says_what_it_takes_back_and_redo_does_it_again() {
        let mut s = session();
        let a = add(&mut s, "Mor'Libre");
        let v = parse_assignments(
            &s.ws.schema,
            &s.ws.census,
            &["nom=Mor Libre".into()],
            Some(&a),
        )
        .unwrap();
        s.edit(&a, &Changes::set(v)).unwrap();
        assert_eq!(s.next_undo(), Some(Change::Edited(a.clone())));
        let (change, _) = s.undo_change();
        assert_eq!(change, Some(Change::Edited(a.clone())));
        assert_eq!(name(&s, &a), "Mor'Libre");
        let (change, _) = s.undo_change();
        assert_eq!(change, Some(Change::Created(a.clone())));
        assert!(!s.ws.census.get(&a).unwrap().is_live());
        // Redo: the creation, then the edit, in that order.
        assert_eq!(s.redo().map(|r| r.0), Some(Change::Created(a.clone())));
        assert!(s.ws.census.get(&a).unwrap().is_live());
        assert_eq!(s.redo().map(|r| r.0), Some(Change::Edited(a.clone())));
        assert_eq!(name(&s, &a), "Mor Libre");
        assert!(s.redo().is_none());
        // And undo again after a redo.
        assert_eq!(s.undo_change().0, Some(Change::Edited(a.clone())));
        assert_eq!(name(&s, &a), "Mor'Libre");
    }

    #[test]
    fn a_new_change_drops_what_could_be_redone() {
        let mut s = session();
        let a = add(&mut s, "A");
        s.undo_change();
        add(&mut s, "B");
        assert_eq!(s.next_redo(), None);
        assert!(s.redo().is_none());
        assert!(!s.ws.census.get(&a).unwrap().is_live(), "A stays undone");
        // Even when an undo brings the stack back to the same length.
        let b2 = add(&mut s, "C");
        s.undo_change();
        assert_eq!(s.next_redo(), Some(Change::Created(b2)));
    }

    #[test]
    fn restoring_from_the_bin_is_undone_and_redone() {
        let mut s = session();
        let a = add(&mut s, "A");
        s.delete(&a).unwrap();
        s.restore(&a).unwrap();
        assert!(s.ws.census.get(&a).unwrap().is_live());
        assert_eq!(s.undo_change().0, Some(Change::Restored(a.clone())));
        assert!(!s.ws.census.get(&a).unwrap().is_live());
        assert_eq!(s.redo().map(|r| r.0), Some(Change::Restored(a.clone())));
        assert!(s.ws.census.get(&a).unwrap().is_live());
    }
}
