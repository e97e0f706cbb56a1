//! The state of the interface and the one place it changes: `App::update`.
//!
//! A key becomes an [`Input`] (the key and the action it maps to in the
//! current screen); `update` hands it to whoever has the focus — an overlay,
//! the top view, or the list — which changes its own state and returns an
//! [`Effect`] for what concerns the whole app. Drawing (`draw.rs`) only reads.

use crate::census::Agent;
use crate::census::draft::Draft;
use crate::census::file::journal;
use crate::census::id::InitiativeId;
use crate::census::model::Initiative;
use crate::census::ops::{Changes, FieldValues};
use crate::census::query::SearchIndex;
use crate::census::store::{self, Lock};
use crate::census::time::Timestamp;
use crate::census::workspace::Workspace;
use crate::i18n::ui::{Ui, ui};
use crate::i18n::{Lang, Localized};

use super::action::Action;
use super::keymap::{Context, Key, KeyMap};
use super::screens::conflicts::ConflictsState;
use super::screens::dashboard::DashboardState;
use super::screens::detail::DetailState;
use super::screens::dialog::Dialog;
use super::screens::duplicates::DuplicatesState;
use super::screens::export::ExportState;
use super::screens::filters::FilterEditor;
use super::screens::help::HelpState;
use super::screens::import::ImportState;
use super::screens::legitimize_form::LegitimizeForm;
use super::screens::list::ListState;
use super::screens::map::MapState;
use super::screens::network::NetworkState;
use super::screens::wizard::WizardState;
use super::theme::Theme;
use super::widgets::input::TextInput;

/// A key, and what it means in the screen that has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Input {
    pub key: Key,
    pub action: Option<Action>,
}

/// What a screen asks of the app after handling an input.
#[derive(Debug)]
pub enum Effect {
    None,
    /// Close the top view (or overlay).
    Close,
    Push(View),
    /// Replace the top view.
    Replace(View),
    OpenDetail(InitiativeId),
    /// Open an overlay (a question, the help).
    Overlay(Overlay),
    Quit,
}

/// Screens stacked over the list.
#[derive(Debug)]
pub enum View {
    Detail(Box<DetailState>),
    Wizard(Box<WizardState>),
    Conflicts(Box<ConflictsState>),
    Duplicates(Box<DuplicatesState>),
    Import(Box<ImportState>),
    Export(Box<ExportState>),
    Dashboard(Box<DashboardState>),
    Map(Box<MapState>),
    Network(Box<NetworkState>),
}

/// Things drawn over everything, that take the keys while open.
#[derive(Debug)]
pub enum Overlay {
    /// The keys of the screen below.
    Help(HelpState),
    Dialog(Dialog),
    /// The `:` command line.
    Command(TextInput),
    Filters(FilterEditor),
    /// A legitimizing form (status, evidence, confirmation, link) and its
    /// result.
    Legit(Box<LegitimizeForm>),
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

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

/// What a change was, to undo it.
#[derive(Debug, Clone)]
enum UndoStep {
    Created(InitiativeId),
    Edited(Initiative),
    Deleted(InitiativeId),
    Legit(super::legitimize_steps::LegitimizeUndo),
}

/// Everything but the stacked screens: the census and its helpers.
pub struct Core {
    pub ws: Workspace,
    pub agent: Agent,
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: KeyMap,
    pub index: SearchIndex,
    pub list: ListState,
    pub message: Option<Message>,
    /// Every change is on disk (file or journal).
    pub saved: bool,
    pub clock: Clock,
    /// How many conflicts the census holds (the status line's badge).
    pub conflicts: usize,
    /// Counts the list's refreshes (after every change of the census): a
    /// screen computed from the census sees that it must compute again.
    pub revision: u64,
    undo: Vec<UndoStep>,
    /// Held for the whole session; released on drop.
    _lock: Option<Lock>,
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
        let index = SearchIndex::build(&ws.census, &ws.schema, lang);
        let mut core = Core {
            ws,
            agent,
            lang,
            theme,
            keymap,
            index,
            list: ListState::default(),
            message: None,
            saved: true,
            clock: Clock::System,
            conflicts: 0,
            revision: 0,
            undo: Vec::new(),
            _lock: lock,
        };
        core.refresh_list();
        core.count_conflicts();
        core
    }

    pub fn ui(&self) -> &'static Ui {
        ui(self.lang)
    }

    pub fn say(&mut self, text: impl Into<String>) {
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
        match journal::append(&self.ws.path, &self.ws.census, id) {
            Ok(()) => {
                self.saved = true;
                true
            }
            Err(e) => {
                self.saved = false;
                let text = e.localize(self.lang);
                self.error(text);
                false
            }
        }
    }

    /// Rebuilds what depends on the order of the census (after an insertion).
    fn reindex(&mut self) {
        self.index = SearchIndex::build(&self.ws.census, &self.ws.schema, self.lang);
        self.refresh_list();
    }

    /// Creates an initiative; it is on disk when this returns `Ok`.
    pub fn create(&mut self, values: &[FieldValues]) -> Result<InitiativeId, String> {
        let now = self.clock.now();
        let id = self
            .ws
            .census
            .add_initiative(&self.ws.schema, &self.agent, values, now)
            .map_err(|e| e.localize(self.lang))?;
        self.undo.push(UndoStep::Created(id.clone()));
        self.reindex();
        self.persist(&id);
        self.list.select_id(&self.ws.census, &id);
        Ok(id)
    }

    /// Changes an initiative; returns whether anything changed (and was saved).
    pub fn edit(&mut self, id: &InitiativeId, changes: &Changes) -> Result<bool, String> {
        let before = self.ws.census.get(id).cloned();
        let now = self.clock.now();
        let changed = self
            .ws
            .census
            .edit_initiative(&self.ws.schema, id, &self.agent, changes, now)
            .map_err(|e| e.localize(self.lang))?;
        if changed {
            if let Some(before) = before {
                self.undo.push(UndoStep::Edited(before));
            }
            self.after_change(id);
        }
        Ok(changed)
    }

    pub fn delete(&mut self, id: &InitiativeId) -> Result<(), String> {
        let now = self.clock.now();
        self.ws
            .census
            .delete_initiative(id, &self.agent, now)
            .map_err(|e| e.localize(self.lang))?;
        self.undo.push(UndoStep::Deleted(id.clone()));
        self.after_change(id);
        Ok(())
    }

    /// Counts the conflicts again (after a change or a merge).
    pub fn count_conflicts(&mut self) {
        self.conflicts =
            crate::census::conflicts::conflicts(&self.ws.census, &self.ws.schema).len();
    }

    /// Settles a conflict with the value numbered `pick` (see
    /// `Census::resolve_pick`); on disk when this returns `Ok`.
    pub fn resolve_pick(
        &mut self,
        id: &InitiativeId,
        field: &str,
        pick: usize,
    ) -> Result<(), String> {
        let now = self.clock.now();
        self.ws
            .census
            .resolve_pick(&self.ws.schema, id, field, pick, &self.agent, now)
            .map_err(|e| e.localize(self.lang))?;
        self.after_change(id);
        Ok(())
    }

    /// Fuses `other` into `keep`; returns how many values were taken in.
    pub fn fuse(&mut self, keep: &InitiativeId, other: &InitiativeId) -> Result<usize, String> {
        let now = self.clock.now();
        let added = self
            .ws
            .census
            .fuse(keep, other, &self.agent, now)
            .map_err(|e| e.localize(self.lang))?;
        self.after_change(other);
        self.after_change(keep);
        Ok(added)
    }

    /// Records that two initiatives are different.
    pub fn not_duplicate(&mut self, a: &InitiativeId, b: &InitiativeId) -> Result<(), String> {
        let now = self.clock.now();
        self.ws
            .census
            .mark_not_duplicate(a, b, &self.agent, now)
            .map_err(|e| e.localize(self.lang))?;
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
        use crate::census::exchange::{self, IncomingError, Peers};
        let lang = self.lang;
        let text = crate::i18n::cli::cli(lang);
        let theirs = exchange::read_incoming(path, accept_edited).map_err(|e| match e {
            IncomingError::Load(e) => e.localize(lang),
            IncomingError::Checksum { path, missing } => {
                let t = if missing {
                    text.checksum_missing
                } else {
                    text.checksum_bad
                };
                crate::i18n::fill(t, &[("file", &path.display())])
            }
            IncomingError::Merge(crate::census::merge::MergeError::Schema { ours, theirs }) => {
                crate::i18n::fill(
                    text.schema_mismatch,
                    &[("ours", &ours), ("theirs", &theirs)],
                )
            }
        })?;
        crate::census::workspace::check_schema_version(&theirs, &self.ws.schema, path)
            .map_err(|e| e.localize(lang))?;
        let now = self.clock.now();
        let received = crate::census::receive::merge_received(
            &mut self.ws.census,
            &self.ws.schema,
            &theirs,
            &self.agent,
            now,
            None,
        )
        .map_err(
            |crate::census::merge::MergeError::Schema { ours, theirs }| {
                crate::i18n::fill(
                    text.schema_mismatch,
                    &[("ours", &ours), ("theirs", &theirs)],
                )
            },
        )?;
        if let Some(sender) = exchange::sender(&theirs) {
            let mut peers = Peers::load(&self.ws.path);
            peers.record(sender, &theirs);
            let _ = peers.save(&self.ws.path);
        }
        self.reindex();
        self.count_conflicts();
        self.save_all();
        Ok(received)
    }

    pub(super) fn after_change(&mut self, id: &InitiativeId) {
        if let Some(pos) = self.ws.census.position(id) {
            self.index.update(&self.ws.census, &self.ws.schema, pos);
        }
        self.refresh_list();
        self.count_conflicts();
        self.persist(id);
    }

    /// Undoes the last change of this session, as a new change (colleagues'
    /// copies see it as an ordinary edit).
    pub fn undo(&mut self) {
        let Some(step) = self.undo.pop() else {
            let text = self.ui().undo_empty;
            self.say(text);
            return;
        };
        let step = match step {
            UndoStep::Legit(l) => return self.undo_legit(l),
            other => other,
        };
        let now = self.clock.now();
        let (id, result) = match step {
            UndoStep::Created(id) => {
                let r = self
                    .ws
                    .census
                    .delete_initiative(&id, &self.agent, now)
                    .map(|_| true);
                (id, r)
            }
            UndoStep::Deleted(id) => {
                let r = self
                    .ws
                    .census
                    .restore_initiative(&id, &self.agent, now)
                    .map(|_| true);
                (id, r)
            }
            UndoStep::Edited(before) => {
                let changes = self.changes_back_to(&before);
                let r = self.ws.census.edit_initiative(
                    &self.ws.schema,
                    &before.id,
                    &self.agent,
                    &changes,
                    now,
                );
                (before.id, r)
            }
            UndoStep::Legit(_) => return,
        };
        match result {
            Ok(_) => {
                self.after_change(&id);
                // Show what came back (a restored or edited initiative).
                self.list.select_id(&self.ws.census, &id);
                let text = self.ui().undo_done;
                self.say(text);
            }
            Err(e) => {
                let text = e.localize(self.lang);
                self.error(text);
            }
        }
    }

    pub(super) fn push_legit_undo(&mut self, step: super::legitimize_steps::LegitimizeUndo) {
        self.undo.push(UndoStep::Legit(step));
    }

    /// The changes that give the schema fields of an initiative back the
    /// values of `before`.
    fn changes_back_to(&self, before: &Initiative) -> Changes {
        let mut changes = Changes::default();
        let Some(now) = self.ws.census.get(&before.id) else {
            return changes;
        };
        for field in &self.ws.schema.fields {
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

    /// Applies an import planned on this census (see `census::import`),
    /// then writes the whole census once.
    pub fn import(
        &mut self,
        plan: crate::census::import::ImportPlan,
    ) -> crate::census::import::Applied {
        let now = self.clock.now();
        let applied = crate::census::import::apply(
            &mut self.ws.census,
            &self.ws.schema,
            &self.agent,
            now,
            plan,
        );
        if applied.created + applied.updated > 0 {
            self.reindex();
            self.count_conflicts();
            self.save_all();
        }
        applied
    }

    /// Writes the whole census (the journal is then emptied).
    pub fn save_all(&mut self) -> bool {
        match store::save(&self.ws.path, &self.ws.census) {
            Ok(()) => {
                self.saved = true;
                true
            }
            Err(e) => {
                self.saved = false;
                let text = e.localize(self.lang);
                self.error(text);
                false
            }
        }
    }

    /// The draft of a half-filled entry, kept beside the census.
    pub fn save_draft(&mut self, draft: &Draft) {
        if let Err(e) = draft.save(&self.ws.path) {
            let text = e.localize(self.lang);
            self.error(text);
        }
    }

    pub fn clear_draft(&self) {
        Draft::clear(&self.ws.path);
    }
}

/// The whole interface.
pub struct App {
    pub core: Core,
    pub views: Vec<View>,
    pub overlay: Option<Overlay>,
    pub quit: bool,
}

impl App {
    pub fn new(core: Core) -> App {
        App {
            core,
            views: Vec::new(),
            overlay: None,
            quit: false,
        }
    }

    /// The screen that has the keys.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Help(_)) => Context::Help,
            Some(Overlay::Dialog(_)) => Context::Dialog,
            Some(Overlay::Command(_)) => Context::Search,
            Some(Overlay::Filters(_)) => Context::Picker,
            Some(Overlay::Legit(f)) => f.context(),
            None => match self.views.last() {
                Some(View::Detail(d)) => d.context(),
                Some(View::Wizard(w)) => w.context(),
                Some(View::Conflicts(c)) => c.context(),
                Some(View::Duplicates(d)) => d.context(),
                Some(View::Import(i)) => i.context(),
                Some(View::Export(e)) => e.context(),
                Some(View::Dashboard(_)) => Context::Dashboard,
                Some(View::Map(_)) => Context::Map,
                Some(View::Network(_)) => Context::Network,
                None => self.core.list.context(),
            },
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
        let context = self.context();
        let action = self.core.keymap.action(context, key);
        self.update(Input { key, action });
    }

    /// The one place the state changes.
    pub fn update(&mut self, input: Input) {
        if self.overlay.is_some() {
            let effect = self.update_overlay(input);
            self.apply(effect);
            return;
        }
        // Keys every screen shares, unless the screen binds them itself.
        match input.action {
            Some(Action::Help) => {
                self.overlay = Some(Overlay::Help(HelpState::new(self.context())));
                return;
            }
            Some(Action::Command) => {
                self.overlay = Some(Overlay::Command(TextInput::default()));
                return;
            }
            _ => {}
        }
        let effect = match self.views.last_mut() {
            Some(View::Detail(d)) => d.update(&mut self.core, input),
            Some(View::Wizard(w)) => w.update(&mut self.core, input),
            Some(View::Conflicts(c)) => c.update(&mut self.core, input),
            Some(View::Duplicates(d)) => d.update(&mut self.core, input),
            Some(View::Import(i)) => i.update(&mut self.core, input),
            Some(View::Export(e)) => e.update(&mut self.core, input),
            Some(View::Dashboard(d)) => d.update(&mut self.core, input),
            Some(View::Map(m)) => m.update(&mut self.core, input),
            Some(View::Network(n)) => n.update(&mut self.core, input),
            None => self.update_list(input),
        };
        self.apply(effect);
    }

    fn update_list(&mut self, input: Input) -> Effect {
        let core = &mut self.core;
        let selected = core.list.selected_id(&core.ws.census);
        match input.action {
            Some(Action::Quit) if !core.list.searching() => Effect::Quit,
            Some(Action::Filter) => {
                self.overlay = Some(Overlay::Filters(FilterEditor::new(core)));
                Effect::None
            }
            Some(Action::New) => Effect::Push(View::Wizard(Box::new(WizardState::new(core, None)))),
            Some(Action::CopyAsNew) => match selected {
                Some(id) => Effect::Push(View::Wizard(Box::new(WizardState::new(core, Some(&id))))),
                None => Effect::None,
            },
            Some(Action::Edit) => match selected {
                Some(id) => Effect::Push(View::Detail(Box::new(DetailState::editing(core, id)))),
                None => Effect::None,
            },
            Some(Action::Delete) => {
                if let Some(id) = selected {
                    self.overlay = Some(Overlay::Dialog(Dialog::ConfirmDelete(id)));
                }
                Effect::None
            }
            Some(Action::Undo) => {
                core.undo();
                Effect::None
            }
            Some(Action::Conflicts) => Effect::Push(View::Conflicts(Box::default())),
            Some(Action::Duplicates) => {
                Effect::Push(View::Duplicates(Box::new(DuplicatesState::new(core))))
            }
            Some(Action::Import) => Effect::Push(View::Import(Box::new(ImportState::new("")))),
            Some(Action::Export) => Effect::Push(View::Export(Box::new(ExportState::new(core)))),
            Some(a @ (Action::SetStatus | Action::AddEvidence | Action::ConfirmRecord)) => {
                let targets = core.list.targets(&core.ws.census);
                if let Some(form) = LegitimizeForm::open(core, a, targets) {
                    self.overlay = Some(Overlay::Legit(Box::new(form)));
                }
                Effect::None
            }
            Some(a @ (Action::Dashboard | Action::Map | Action::Network)) => {
                super::screens::dashboard::overview(core, a).map_or(Effect::None, Effect::Push)
            }
            _ => {
                let mut list = std::mem::take(&mut core.list);
                let effect = list.update(core, input);
                core.list = list;
                effect
            }
        }
    }

    fn update_overlay(&mut self, input: Input) -> Effect {
        let Some(overlay) = self.overlay.as_mut() else {
            return Effect::None;
        };
        match overlay {
            Overlay::Help(help) => {
                if help.update(input) {
                    self.overlay = None;
                }
                Effect::None
            }
            Overlay::Command(line) => match input.action {
                Some(Action::Confirm) => {
                    let command = line.text().trim().to_string();
                    self.overlay = None;
                    self.run_command(&command)
                }
                Some(Action::Cancel) => {
                    self.overlay = None;
                    Effect::None
                }
                _ => {
                    line.handle(input.key);
                    Effect::None
                }
            },
            Overlay::Filters(editor) => {
                let (done, effect) = editor.update(&mut self.core, input);
                if done {
                    self.overlay = None;
                }
                effect
            }
            Overlay::Dialog(dialog) => {
                let (done, effect) = dialog.update(&mut self.core, input);
                if done {
                    self.overlay = None;
                }
                effect
            }
            Overlay::Legit(form) => {
                if form.update(&mut self.core, input) {
                    self.overlay = None;
                }
                Effect::None
            }
        }
    }

    /// `:q`, `:w`, `:help`.
    fn run_command(&mut self, command: &str) -> Effect {
        match command {
            "q" | "quit" | "q!" | "wq" | "x" => Effect::Quit,
            "w" | "write" => {
                if self.core.save_all() {
                    let text = self.core.ui().saved;
                    self.core.say(text);
                }
                Effect::None
            }
            "h" | "help" => {
                self.overlay = Some(Overlay::Help(HelpState::new(self.context())));
                Effect::None
            }
            "conflicts" | "conflits" => Effect::Push(View::Conflicts(Box::default())),
            "duplicates" | "doublons" => {
                Effect::Push(View::Duplicates(Box::new(DuplicatesState::new(&self.core))))
            }
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
        let hand_deleted = (self.core.ws.report.deleted_by_hand)
            .map(|recorded| (recorded, self.core.ws.census.clone()));
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
                if let Some((recorded, before)) = hand_deleted {
                    let ws = &self.core.ws;
                    let back = crate::census::file::footer::after_merge(
                        recorded,
                        &before,
                        &ws.census,
                        &ws.schema.name_field,
                    );
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
                self.core.list.select_id(&self.core.ws.census, &id);
                self.views
                    .push(View::Detail(Box::new(DetailState::new(id))));
            }
            Effect::Overlay(overlay) => self.overlay = Some(overlay),
            Effect::Quit => self.quit = true,
        }
        // A screen computed from the census, back on top after a change.
        let core = &self.core;
        match self.views.last_mut() {
            Some(View::Dashboard(d)) if d.revision != core.revision => d.refresh(core),
            Some(View::Map(m)) if m.revision != core.revision => m.refresh(core),
            Some(View::Network(n)) if n.revision != core.revision => n.refresh(core),
            _ => {}
        }
    }

    /// Offers back a draft kept by an interrupted entry.
    pub fn offer_draft(&mut self) {
        if let Some(draft) = Draft::load(&self.core.ws.path) {
            self.overlay = Some(Overlay::Dialog(Dialog::ResumeDraft(draft)));
        }
    }
}
