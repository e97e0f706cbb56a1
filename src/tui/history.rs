//! What undo and redo say they did ("Annulé : création de « Mor'Libre »"),
//! redo itself, and restoring from the bin: the interface's side of the
//! session's undo stack (`census/session/redo.rs`).

use crate::census::id::InitiativeId;
use crate::census::session::Change;
use crate::display::inert;
use crate::i18n::{Localized, fill};
use crate::tui::app::Core;
use crate::tui::words::flow::flow_ui;

impl Core {
    /// The name of an initiative, as a message shows it.
    fn changed_name(&self, id: &InitiativeId) -> String {
        let ws = &self.session.ws;
        ws.census
            .get(id)
            .and_then(|i| i.value(&ws.schema.name_field))
            .map_or_else(|| id.to_string(), |n| inert(n).into_owned())
    }

    /// "création de « X »": what a change was.
    pub fn change_text(&self, change: &Change) -> String {
        let t = flow_ui(self.lang);
        let (text, id) = match change {
            Change::Created(id) => (t.what_created, id),
            Change::Edited(id) => (t.what_edited, id),
            Change::Deleted(id) => (t.what_deleted, id),
            Change::Restored(id) => (t.what_restored, id),
            Change::Legitimizing => return String::new(),
        };
        fill(text, &[("name", &self.changed_name(id))])
    }

    /// "Annulé : création de « X »".
    pub(super) fn undone_text(&self, change: Option<&Change>) -> String {
        match change {
            Some(c) => fill(flow_ui(self.lang).undone, &[("what", &self.change_text(c))]),
            None => self.ui().undo_done.to_string(),
        }
    }

    /// Does again what undo took back, and says what.
    pub fn redo(&mut self) {
        if let Err(text) = self.writable() {
            self.error(text);
            return;
        }
        match self.session.redo() {
            None => {
                let text = flow_ui(self.lang).redo_empty;
                self.say(text);
            }
            Some((change, Ok(()))) => {
                if let Some(id) = change.initiative().cloned() {
                    self.after_change(&id);
                    self.list.select_id(&self.session.ws.census, &id);
                }
                let text = fill(
                    flow_ui(self.lang).redone,
                    &[("what", &self.change_text(&change))],
                );
                self.say(text);
            }
            Some((_, Err(e))) => {
                let text = e.localize(self.lang);
                self.error(text);
            }
        }
    }

    /// Brings a deleted initiative back from the bin (undo deletes it again).
    pub fn restore(&mut self, id: &InitiativeId) -> Result<(), String> {
        self.writable()?;
        (self.session.restore(id)).map_err(|e| e.localize(self.lang))?;
        self.after_change(id);
        self.list.select_id(&self.session.ws.census, id);
        let text = fill(
            flow_ui(self.lang).restored,
            &[("name", &self.changed_name(id))],
        );
        self.say(text);
        Ok(())
    }
}
