//! What the record's keys say and touch: Enter edits a field (or opens a
//! related initiative), and `u` / Ctrl-r take back or do again only a change
//! of this record; a change of another one is named, with where to undo it.

use super::{DetailState, Row};
use crate::census::session::Change;
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::app::Core;
use crate::tui::keymap::Context;
use crate::tui::words::flow::{Meaning, flow_ui};

impl DetailState {
    pub(super) fn meaning_of(&self, core: &Core, action: Action) -> Option<Meaning> {
        if let Some(editor) = &self.editor {
            return (action == Action::Confirm && editor.single_choice())
                .then_some(Meaning::Choose);
        }
        match (action, self.rows(core).get(self.cursor)) {
            (Action::Open, Some(Row::Relation { .. })) => Some(Meaning::OpenRelated),
            (Action::Open, Some(Row::Field(_) | Row::Conflict(..))) => Some(Meaning::EditField),
            _ => None,
        }
    }

    /// Tab or Shift-Tab out of a field saved: the next (or previous) one.
    pub(super) fn leave_field(&mut self, core: &Core, forward: bool) {
        let rows = self.rows(core);
        let next = if forward {
            self.cursor + 1
        } else {
            self.cursor.saturating_sub(1)
        };
        self.move_cursor(&rows, next, forward);
        self.open_editor(core);
    }

    pub(super) fn hides_action(&self, action: Action) -> bool {
        action == Action::Toggle && self.editor.as_ref().is_some_and(|e| e.ticks_nothing())
    }

    /// Whether `change` is about another initiative than this record's;
    /// if so, says which and how to undo or redo it from the list.
    fn elsewhere(&self, core: &mut Core, change: Option<Change>, action: Action) -> bool {
        let Some(other) = change
            .as_ref()
            .and_then(Change::initiative)
            .filter(|id| **id != self.id)
        else {
            return false;
        };
        let ws = &core.session.ws;
        let name = ws
            .census
            .get(other)
            .and_then(|i| i.value(&ws.schema.name_field))
            .map_or_else(
                || other.to_string(),
                |n| crate::display::inert(n).into_owned(),
            );
        let key = |context, action| {
            core.keymap
                .first_key(context, action)
                .map(|k| k.label(core.lang))
                .unwrap_or_default()
        };
        let text = fill(
            flow_ui(core.lang).undo_elsewhere,
            &[
                ("name", &name),
                ("back", &key(Context::Detail, Action::Back)),
                ("key", &key(Context::List, action)),
            ],
        );
        core.say(text);
        true
    }

    pub(super) fn undo_here(&self, core: &mut Core) {
        let next = core.session.next_undo();
        if !self.elsewhere(core, next, Action::Undo) {
            core.undo();
        }
    }

    pub(super) fn redo_here(&self, core: &mut Core) {
        let next = core.session.next_redo();
        if !self.elsewhere(core, next, Action::Redo) {
            core.redo();
        }
    }
}
