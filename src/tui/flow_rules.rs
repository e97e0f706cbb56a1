//! Two rules of the whole interface, kept in one place:
//!
//! - **Status messages** say what the last keys did on the screen where they
//!   were pressed. A message is kept while the screen stays, and cleared by
//!   the first later key that opens or closes a view (a record, the
//!   dashboard…); the key that said it may change the screen and keep it
//!   ("Initiative enregistrée" on the new record). A failed write stays said
//!   until a write succeeds (`Core::say`).
//! - **Interrupting** (Ctrl-C) quits as `q` does, from any screen, and keeps
//!   what the guided entries hold as drafts.
//!
//! And a key of the list pressed elsewhere (`T` in a record) says where it
//! works rather than nothing.

use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::app::{App, Input, Message, View};
use crate::tui::keymap::{Context, Key};
use crate::tui::words::flow::flow_ui;
use crate::tui::words::ui::action_label;

/// What the app looked like before a key: to tell what the key changed.
pub(super) struct Before {
    message: Option<Message>,
    view_changes: u64,
}

impl App {
    pub(super) fn before_key(&self) -> Before {
        Before {
            message: self.core.message.clone(),
            view_changes: self.view_changes,
        }
    }

    /// The message rule: a message said before this key goes when this key
    /// opened or closed a view.
    pub(super) fn after_key(&mut self, before: Before) {
        let failed_write = !self.core.session.saved;
        let screen_changed = self.view_changes != before.view_changes;
        if screen_changed && self.core.message == before.message && !failed_write {
            self.core.message = None;
        }
    }

    /// Ctrl-C (what the global keymap gives `quit` beside a letter): quits
    /// from any screen, as `q` does; an entry under way is kept as a draft.
    pub(super) fn interrupts(&self, key: Key) -> bool {
        key.text().is_none() && self.core.keymap.action(Context::Global, key) == Some(Action::Quit)
    }

    pub(super) fn interrupt(&mut self) {
        for view in &mut self.views {
            if let View::Wizard(w) = view {
                w.interrupt(&mut self.core);
            }
        }
        self.overlay = None;
        self.quit = true;
    }

    /// A key with no action here that the list has (`T` in a record): says
    /// where it works.
    pub(super) fn explain_unbound(&mut self, context: Context, input: Input) {
        if input.action.is_some() || self.overlay.is_some() || self.views.is_empty() {
            return;
        }
        if context.takes_text() {
            return;
        }
        let keymap = &self.core.keymap;
        let Some(action) = keymap.action(Context::List, input.key) else {
            return;
        };
        // The key of the screen already open (`T` on the dashboard).
        let opens_this = matches!(
            (context, action),
            (Context::Dashboard, Action::Dashboard)
                | (Context::Map, Action::Map)
                | (Context::Network, Action::Network)
                | (Context::Todo, Action::Todo)
                | (Context::Bin, Action::Bin)
                | (Context::Conflicts, Action::Conflicts)
                | (Context::Duplicates, Action::Duplicates)
        );
        if opens_this {
            return;
        }
        if matches!(
            action,
            Action::MoveDown
                | Action::MoveUp
                | Action::Top
                | Action::Bottom
                | Action::PageDown
                | Action::PageUp
                | Action::Open
        ) {
            return;
        }
        let back = keymap
            .first_key(context, Action::Back)
            .map(|k| k.label(self.core.lang))
            .unwrap_or_default();
        let text = fill(
            flow_ui(self.core.lang).elsewhere,
            &[
                ("key", &input.key.label(self.core.lang)),
                ("what", &action_label(action, self.core.lang).1),
                ("back", &back),
            ],
        );
        self.core.say(text);
    }
}
