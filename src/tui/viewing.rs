//! The interface over a census opened to be looked at only (a read-only
//! file or folder, see `census::viewing`): the keys that would change it are
//! refused with why and what to do, and so is every change that reaches the
//! core another way (a `:merge`, a form).

use std::path::Path;

use super::action::Action;
use super::app::Core;
use super::keymap::KeyMap;
use super::theme::Theme;
use crate::census::Agent;
use crate::census::session::Session;
use crate::census::viewing::ReadOnly;
use crate::display::inert;
use crate::i18n::{Lang, Localized};
use crate::lang::fill;
use crate::tui::words::viewing::viewing;

/// The actions that change the census, refused before any form opens.
pub const CHANGES: &[Action] = &[
    Action::New,
    Action::Edit,
    Action::CopyAsNew,
    Action::Delete,
    Action::Undo,
    Action::Redo,
    Action::Restore,
    Action::Fuse,
    Action::NotDuplicate,
    Action::Import,
    Action::Apply,
    Action::SetStatus,
    Action::AddEvidence,
    Action::ConfirmRecord,
    Action::Link,
    Action::Unlink,
];

impl Core {
    /// Opens the census at `path` with its lock (held until the core is
    /// dropped), or, when nothing can be written there, to be looked at
    /// only, without it. Errors are in the person's words.
    pub fn open(
        path: &Path,
        agent: Agent,
        lang: Lang,
        theme: Theme,
        keymap: KeyMap,
    ) -> Result<Core, String> {
        let session = Session::open_or_view(path, agent).map_err(|e| e.localize(lang))?;
        let mut core = Core::with_session(session, lang, theme, keymap);
        if let Some(text) = core.read_only_refusal() {
            core.error(text);
        }
        Ok(core)
    }

    /// Why nothing may change here, in the person's words; `None` when the
    /// census is open for writing.
    pub fn read_only_refusal(&self) -> Option<String> {
        let t = viewing(self.lang);
        // Its name, as the status line shows it: the whole path would not fit.
        let path = &self.session.ws.path;
        let name = path.file_name().map_or(path.as_os_str(), |n| n);
        let file = inert(&name.to_string_lossy()).into_owned();
        let text = match self.session.read_only? {
            ReadOnly::File => t.file_refused,
            ReadOnly::Folder => t.folder_refused,
        };
        Some(fill(text, &[("file", &file)]))
    }

    /// Refuses a change of a census opened to be looked at only, saying why.
    pub(super) fn writable(&mut self) -> Result<(), String> {
        match self.read_only_refusal() {
            Some(text) => Err(text),
            None => Ok(()),
        }
    }

    /// Says why, when `action` would change a census opened to be looked
    /// at only; returns whether it was refused.
    pub(super) fn refuse_change(&mut self, action: Option<Action>) -> bool {
        if !action.is_some_and(|a| CHANGES.contains(&a)) {
            return false;
        }
        match self.read_only_refusal() {
            Some(text) => {
                self.error(text);
                true
            }
            None => false,
        }
    }
}
