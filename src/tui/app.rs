//! The state of the interface and the one place it changes: `App::update`.
//!
//! A key becomes an [`Input`] (the key and the action it maps to in the
//! current screen); `update` hands it to whoever has the focus — an overlay,
//! the top view, or the list, all [`Screen`]s — which changes its own state
//! and returns an [`Effect`] for what concerns the whole app. Drawing
//! (`draw.rs`) reads the state, but for the scroll cells the screens keep.

use crate::census::Agent;
use crate::census::draft::Draft;
use crate::census::error::SaveError;
use crate::census::id::InitiativeId;
use crate::census::ops::{Changes, FieldValues};
use crate::census::query::SearchIndex;
use crate::census::session::{Session, Undone};
use crate::census::store::Lock;
use crate::census::workspace::Workspace;
use crate::i18n::{Lang, Localized};
use crate::tui::words::ui::{Ui, ui};

use super::action::Action;
use super::keymap::{Context, Key, KeyMap};
use super::screens::Screen;
use super::screens::command::CommandLine;
use super::screens::dashboard::DashboardState;
use super::screens::detail::DetailState;
use super::screens::duplicates::DuplicatesState;
use super::screens::export::ExportState;
use super::screens::help::HelpState;
use super::screens::import::ImportState;
use super::screens::list::{ListScreen, ListState};
use super::screens::map::MapState;
use super::screens::network::NetworkState;
pub use super::screens::{Overlay, View};
use super::theme::Theme;

/// A key, and what it means in the screen that has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Input {
    pub key: Key,
    pub action: Option<Action>,
}

/// What a screen asks of the app after handling an input: every screen's
/// `update` returns one.
#[derive(Debug)]
pub enum Effect {
    None,
    /// Close the overlay, or else the top view.
    Close,
    Push(View),
    /// Replace the top view.
    Replace(View),
    OpenDetail(InitiativeId),
    /// Open an overlay (a question, a form, the filters): the one way to.
    Overlay(Overlay),
    /// Open the help of the screen that has the keys.
    Help,
    /// Run a `:` command.
    Run(String),
    Quit,
    /// One effect, then another (an answered question closes, then acts).
    Then(Box<Effect>, Box<Effect>),
    /// Edit a text in the person's own editor: the run loop does it, then
    /// hands the result to the screen that asked (`App::external_done`).
    EditExternally(super::external::ExternalEdit),
}

impl Effect {
    /// This effect, then `next`.
    pub fn then(self, next: Effect) -> Effect {
        Effect::Then(Box::new(self), Box::new(next))
    }
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

pub use crate::census::session::Clock;

/// Everything but the stacked screens: the editing session (the same as the
/// command line's) and what the interface shows of it.
pub struct Core {
    /// The census, who writes, the clock, the journal, undo and the lock
    /// (held for the whole run; released on drop).
    pub session: Session,
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: KeyMap,
    pub index: SearchIndex,
    pub list: ListState,
    pub message: Option<Message>,
    /// How many conflicts the census holds (the status line's badge).
    pub conflicts: usize,
    /// Counts the list's refreshes (after every change of the census): a
    /// screen computed from the census sees that it must compute again.
    pub revision: u64,
    /// Where exports and reports are written by default
    /// ([`crate::tui::export_dir`]).
    pub export_dir: std::path::PathBuf,
}

impl Core {
    pub fn new(
        ws: Workspace,
        agent: Agent,
        lang: Lang,
        theme: Theme,
        keymap: KeyMap,
        lock: Option<Lock>,
    ) -> Core {
        Core::with_session(Session::new(ws, agent, lock), lang, theme, keymap)
    }

    pub fn with_session(session: Session, lang: Lang, theme: Theme, keymap: KeyMap) -> Core {
        let index = SearchIndex::build(&session.ws.census, &session.ws.schema, lang);
        let export_dir = crate::tui::export_dir::export_dir(&session.ws.path);
        let mut core = Core {
            session,
            lang,
            theme,
            keymap,
            index,
            list: ListState::default(),
            message: None,
            conflicts: 0,
            revision: 0,
            export_dir,
        };
        core.refresh_list();
        core.count_conflicts();
        core
    }

    pub fn ui(&self) -> &'static Ui {
        ui(self.lang)
    }

    /// Says something; a write that failed (a full disk) stays said until
    /// a write succeeds, rather than be replaced by what the change did.
    pub fn say(&mut self, text: impl Into<String>) {
        if !self.session.saved && self.message.as_ref().is_some_and(|m| m.error) {
            return;
        }
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
    }

    pub fn refresh_list(&mut self) {
        let mut list = std::mem::take(&mut self.list);
        list.refresh(self);
        self.list = list;
        self.revision += 1;
    }

    /// Writes the change of one initiative to the journal (fsynced) before
    /// anything says it is saved.
    fn persist(&mut self, id: &InitiativeId) -> bool {
        let result = self.session.persist(id);
        self.said_saved(result)
    }

    /// Says why a write failed; returns whether it succeeded.
    fn said_saved(&mut self, result: Result<(), SaveError>) -> bool {
        match result {
            Ok(()) => true,
            Err(e) => {
                let text = e.localize(self.lang);
                self.error(text);
                false
            }
        }
    }

    /// Rebuilds what depends on the order of the census (after an insertion).
    fn reindex(&mut self) {
        let ws = &self.session.ws;
        self.index = SearchIndex::build(&ws.census, &ws.schema, self.lang);
        self.refresh_list();
    }

    /// Creates an initiative; it is on disk when this returns `Ok`.
    pub fn create(&mut self, values: &[FieldValues]) -> Result<InitiativeId, String> {
        self.writable()?;
        let id = (self.session.create(values)).map_err(|e| e.localize(self.lang))?;
        self.reindex();
        self.persist(&id);
        self.list.select_id(&self.session.ws.census, &id);
        Ok(id)
    }

    /// Changes an initiative; returns whether anything changed (and was saved).
    pub fn edit(&mut self, id: &InitiativeId, changes: &Changes) -> Result<bool, String> {
        self.writable()?;
        let changed = (self.session.edit(id, changes)).map_err(|e| e.localize(self.lang))?;
        if changed {
            self.after_change(id);
        }
        Ok(changed)
    }

    pub fn delete(&mut self, id: &InitiativeId) -> Result<(), String> {
        self.writable()?;
        (self.session.delete(id)).map_err(|e| e.localize(self.lang))?;
        self.after_change(id);
        Ok(())
    }

    /// Counts the conflicts again (after a change or a merge).
    pub fn count_conflicts(&mut self) {
        let ws = &self.session.ws;
        self.conflicts = crate::census::conflicts::conflicts(&ws.census, &ws.schema).len();
    }

    /// Settles a conflict with the value numbered `pick` (see
    /// `Census::resolve_pick`); on disk when this returns `Ok`.
    pub fn resolve_pick(
        &mut self,
        id: &InitiativeId,
        field: &str,
        pick: usize,
    ) -> Result<(), String> {
        self.writable()?;
        let changed =
            (self.session.resolve_pick(id, field, pick)).map_err(|e| e.localize(self.lang))?;
        for id in &changed {
            self.after_change(id);
        }
        Ok(())
    }

    /// Fuses `other` into `keep`; returns how many values were taken in.
    pub fn fuse(&mut self, keep: &InitiativeId, other: &InitiativeId) -> Result<usize, String> {
        self.writable()?;
        let added = (self.session.fuse(keep, other)).map_err(|e| e.localize(self.lang))?;
        self.after_change(other);
        self.after_change(keep);
        Ok(added)
    }

    /// Records that two initiatives are different.
    pub fn not_duplicate(&mut self, a: &InitiativeId, b: &InitiativeId) -> Result<(), String> {
        self.writable()?;
        (self.session.not_duplicate(a, b)).map_err(|e| e.localize(self.lang))?;
        self.after_change(a);
        self.after_change(b);
        Ok(())
    }

    /// Merges a file received from a colleague, as `recense merge` does, and
    /// writes the whole census. `accept_edited` takes a file changed by hand.
    pub fn merge_file(
        &mut self,
        path: &std::path::Path,
        accept_edited: bool,
    ) -> Result<crate::census::receive::Received, String> {
        self.writable()?;
        let received =
            (self.session.merge_file(path, accept_edited)).map_err(|e| e.localize(self.lang))?;
        self.reindex();
        self.count_conflicts();
        // A copy that brings nothing new writes nothing.
        self.save_changes();
        Ok(received)
    }

    pub(super) fn after_change(&mut self, id: &InitiativeId) {
        let ws = &self.session.ws;
        if let Some(pos) = ws.census.position(id) {
            self.index.update(&ws.census, &ws.schema, pos);
        }
        self.refresh_list();
        self.count_conflicts();
        self.persist(id);
    }

    /// Undoes the last change of this session, as a new change (colleagues'
    /// copies see it as an ordinary edit).
    pub fn undo(&mut self) {
        if let Err(text) = self.writable() {
            self.error(text);
            return;
        }
        let (change, undone) = self.session.undo_change();
        match undone {
            Undone::Nothing => {
                let text = self.ui().undo_empty;
                self.say(text);
            }
            Undone::Legit(l) => self.undo_legit(l),
            Undone::Initiative(id, Ok(())) => {
                self.after_change(&id);
                // Show what came back (a restored or edited initiative).
                self.list.select_id(&self.session.ws.census, &id);
                let text = self.undone_text(change.as_ref());
                self.say(text);
            }
            Undone::Initiative(_, Err(e)) => {
                let text = e.localize(self.lang);
                self.error(text);
            }
        }
    }

    pub(super) fn push_legit_undo(&mut self, step: super::legitimize_steps::LegitimizeUndo) {
        self.session.push_legit_undo(step);
    }

    /// Applies an import planned on this census (see `census::import`),
    /// then writes the whole census once.
    pub fn import(
        &mut self,
        plan: crate::census::import::ImportPlan,
    ) -> crate::census::import::Applied {
        if let Err(text) = self.writable() {
            self.error(text);
            return crate::census::import::Applied::default();
        }
        let applied = self.session.import(plan);
        if applied.created + applied.updated > 0 {
            self.reindex();
            self.count_conflicts();
            self.save_all();
        }
        applied
    }

    /// Writes the whole census (the journal is then emptied).
    pub fn save_all(&mut self) -> bool {
        let result = self.session.save();
        self.after_save(result)
    }

    /// Says why a save failed; shows what a merge of the file changed on
    /// disk brought in.
    fn after_save(&mut self, result: Result<(), SaveError>) -> bool {
        if self.session.take_merged_from_disk() {
            self.reindex();
            self.count_conflicts();
        }
        self.said_saved(result)
    }

    /// Writes the census into its file if this session changed something
    /// not yet there (`:w`, quitting); otherwise writes nothing.
    pub fn save_changes(&mut self) -> bool {
        let result = self.session.save_changes();
        self.after_save(result)
    }

    /// The draft of a half-filled entry, kept beside the census (in place
    /// of that entry's earlier one; other entries' drafts stay).
    pub fn save_draft(&mut self, draft: &Draft) {
        if let Err(e) = draft.save(&self.session.ws.path) {
            let text = e.localize(self.lang);
            self.error(text);
        }
    }

    /// Forgets the draft of one entry (saved, or thrown away).
    pub fn drop_draft(&mut self, id: &str) {
        if let Err(e) = Draft::remove(&self.session.ws.path, id) {
            let text = e.localize(self.lang);
            self.error(text);
        }
    }
}

/// The whole interface.
pub struct App {
    pub core: Core,
    pub views: Vec<View>,
    pub overlay: Option<Overlay>,
    pub quit: bool,
    /// Counts the views opened and closed (see `flow_rules.rs`).
    pub(super) view_changes: u64,
    /// A text to edit in the person's editor, for the run loop.
    pub external: Option<super::external::ExternalEdit>,
}

impl App {
    pub fn new(core: Core) -> App {
        App {
            core,
            views: Vec::new(),
            overlay: None,
            quit: false,
            view_changes: 0,
            external: None,
        }
    }

    /// What ending the session does (quitting, a dropped connection):
    /// everything is already on disk (journal); the changes of this session
    /// are written into the file itself, which also empties the journal. A
    /// session that changed nothing writes nothing. Returns why the write
    /// failed, if it did (the changes then stay in the journal).
    pub fn end(&mut self) -> Result<(), String> {
        if self.core.save_changes() {
            return Ok(());
        }
        Err(self
            .core
            .message
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default())
    }

    /// The screen that has the keys.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(overlay) => overlay.context(&self.core),
            None => self.top().context(&self.core),
        }
    }

    /// The top of the stack: the last view, or the list under them all.
    pub fn top(&self) -> &dyn Screen {
        match self.views.last() {
            Some(view) => view,
            None => &ListScreen,
        }
    }

    /// The screen that has the keys: the overlay, or else the top view.
    pub fn focused(&self) -> &dyn Screen {
        match &self.overlay {
            Some(overlay) => overlay,
            None => self.top(),
        }
    }

    /// The screen whose keys the help shows (the one below the help).
    pub fn screen_context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help(h)) => h.context,
            _ => self.context(),
        }
    }

    /// A key press, already filtered and normalised.
    pub fn handle_key(&mut self, key: Key) {
        if self.interrupts(key) {
            self.interrupt();
            return;
        }
        let context = self.context();
        let action = self.core.keymap.action(context, key);
        self.update(Input { key, action });
    }

    /// The one place the state changes: the overlay, or else the top of
    /// the stack, handles the input; the app does what it asks.
    pub fn update(&mut self, input: Input) {
        let before = self.before_key();
        let context = self.context();
        let core = &mut self.core;
        let effect = match (&mut self.overlay, self.views.last_mut()) {
            (Some(overlay), _) => overlay.update(core, input),
            // A census opened to be looked at only: no form opens to change it.
            (None, _) if core.refuse_change(input.action) => Effect::None,
            // Keys every screen shares, unless the screen binds them itself.
            (None, _) if input.action == Some(Action::Help) => Effect::Help,
            (None, _) if input.action == Some(Action::Command) => {
                Effect::Overlay(Overlay::Command(CommandLine::default()))
            }
            (None, Some(view)) => view.update(core, input),
            (None, None) => ListScreen.update(core, input),
        };
        self.apply(effect);
        self.explain_unbound(context, input);
        self.after_key(before);
        // A screen computed from the census, back on top after a change.
        if let Some(view) = self.views.last_mut() {
            view.on_top(&self.core);
        }
    }

    /// `:q`, `:w`, `:help`.
    fn run_command(&mut self, command: &str) -> Effect {
        match command {
            "q" | "quit" | "q!" | "wq" | "x" => Effect::Quit,
            "w" | "write" => {
                if self.core.save_changes() {
                    let text = self.core.ui().saved;
                    self.core.say(text);
                }
                Effect::None
            }
            "h" | "help" => Effect::Help,
            "collègues" | "collegues" | "colleagues" => {
                Effect::Overlay(Overlay::Help(HelpState::colleagues(self.context())))
            }
            "conflicts" | "conflits" => Effect::Push(View::Conflicts(Box::default())),
            "duplicates" | "doublons" => {
                Effect::Push(View::Duplicates(Box::new(DuplicatesState::new(&self.core))))
            }
            "corbeille" | "bin" => Effect::Push(View::Bin(Box::new(
                super::screens::bin::BinState::new(&self.core),
            ))),
            "tableau" | "dashboard" => {
                Effect::Push(View::Dashboard(Box::new(DashboardState::new(&self.core))))
            }
            "carte" | "map" => Effect::Push(View::Map(Box::new(MapState::new(&self.core)))),
            "reseau" | "réseau" | "network" => {
                Effect::Push(View::Network(Box::new(NetworkState::new(&self.core))))
            }
            _ if command.starts_with("merge") => self.merge(command),
            "export" | "exporter" => {
                Effect::Push(View::Export(Box::new(ExportState::new(&self.core))))
            }
            "report" | "rapport" => {
                Effect::Push(View::Export(Box::new(ExportState::reports(&self.core))))
            }
            _ if command.split_whitespace().next() == Some("import")
                || command.split_whitespace().next() == Some("importer") =>
            {
                let file = command.split_once(' ').map_or("", |(_, f)| f.trim());
                Effect::Push(View::Import(Box::new(ImportState::new(file))))
            }
            "" => Effect::None,
            other => {
                let ui = self.core.ui();
                let text = format!("{}{}{other}", ui.unknown_command, ui.colon);
                self.core.error(text);
                Effect::None
            }
        }
    }

    /// `:merge FILE` (`:merge! FILE` for a file edited by hand on purpose):
    /// the same merge as `recense merge`, with its summary.
    fn merge(&mut self, command: &str) -> Effect {
        let (accept_edited, rest) = match command.strip_prefix("merge!") {
            Some(rest) => (true, rest),
            None => (false, command.strip_prefix("merge").unwrap_or("")),
        };
        let path = rest.trim();
        if path.is_empty() || !rest.starts_with(char::is_whitespace) {
            let text = self.core.ui().merge_usage;
            self.core.error(text);
            return Effect::None;
        }
        let path = std::path::PathBuf::from(path);
        // Blocks deleted by hand that come back are told, as `recense merge` does.
        let hand_deleted = self.core.session.hand_deleted();
        match self.core.merge_file(&path, accept_edited) {
            Ok(r) => {
                let s = &r.summary;
                let mut text = crate::i18n::fill(
                    crate::i18n::cli::cli(self.core.lang).merge_summary,
                    &[
                        ("file", &path.display()),
                        ("new", &s.new),
                        ("updated", &s.updated),
                        ("conflicts", &s.conflicts),
                        ("duplicates", &s.duplicates),
                    ],
                );
                if let Some(hand_deleted) = hand_deleted {
                    let ws = &self.core.session.ws;
                    let back = hand_deleted.after(&ws.census, &ws.schema.name_field);
                    let name = ws.path.display().to_string();
                    for line in crate::i18n::files::brought_back(self.core.lang, &name, &back) {
                        text.push(' ');
                        text.push_str(&line);
                    }
                }
                text.push_str(&crate::i18n::received::merged_extra(
                    &r,
                    &path.display(),
                    self.core.lang,
                ));
                self.core.say(text);
            }
            Err(e) => self.core.error(e),
        }
        Effect::None
    }

    fn apply(&mut self, effect: Effect) {
        if matches!(
            effect,
            Effect::Push(_) | Effect::Replace(_) | Effect::OpenDetail(_)
        ) || (matches!(effect, Effect::Close) && self.overlay.is_none())
        {
            self.view_changes += 1;
        }
        match effect {
            Effect::None => {}
            Effect::Close => {
                if self.overlay.take().is_none() {
                    self.views.pop();
                }
            }
            Effect::Push(view) => self.views.push(view),
            Effect::Replace(view) => {
                self.views.pop();
                self.views.push(view);
            }
            Effect::OpenDetail(id) => {
                self.core.list.select_id(&self.core.session.ws.census, &id);
                self.views
                    .push(View::Detail(Box::new(DetailState::new(id))));
            }
            Effect::Overlay(overlay) => self.overlay = Some(overlay),
            Effect::Help => {
                let help = HelpState::of(&self.core, self.context(), self.focused());
                self.overlay = Some(Overlay::Help(help));
            }
            Effect::Run(command) => {
                let effect = self.run_command(&command);
                self.apply(effect);
            }
            Effect::Quit => self.quit = true,
            Effect::Then(first, next) => {
                self.apply(*first);
                self.apply(*next);
            }
            Effect::EditExternally(request) => self.external = Some(request),
        }
    }

    /// The text back from the person's editor goes to the screen that asked
    /// for it (the overlay, or else the top view), which checks it as typed;
    /// a failed editor is said, and the field keeps its text.
    pub fn external_done(&mut self, result: Result<String, super::external::ExternalError>) {
        let core = &mut self.core;
        let result = result.map_err(|e| crate::tui::words::external::external_error(&e, core.lang));
        let effect = match (&mut self.overlay, self.views.last_mut()) {
            (Some(overlay), _) => overlay.external_text(core, result),
            (None, Some(view)) => view.external_text(core, result),
            (None, None) => Effect::None,
        };
        self.apply(effect);
        if let Some(view) = self.views.last_mut() {
            view.on_top(&self.core);
        }
    }

    /// Offers back the drafts kept by interrupted entries.
    pub fn offer_draft(&mut self) {
        if let Some(choice) = super::screens::drafts::DraftsChoice::open(&self.core) {
            self.apply(Effect::Overlay(Overlay::Drafts(choice)));
        }
    }
}
