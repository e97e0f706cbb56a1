//! The terminal interface: keys become actions, one `update` changes the
//! state, drawing reads it. Drawing is not quite pure: it notes in cells how
//! far each view is scrolled and how high a page is (only the drawing knows
//! the height), and places the terminal's cursor. Built on the same library
//! functions as the command line.

pub(crate) mod action;
pub mod app;
pub mod draw;
pub(crate) mod export_dir;
pub mod external;
pub(crate) mod flow_rules;
pub(crate) mod followup;
pub(crate) mod history;
pub mod keymap;
pub(crate) mod legitimize_steps;
pub(crate) mod loading;
pub(crate) mod refusals;
pub mod screens;
pub(crate) mod sharing;
pub(crate) mod short_id;
pub(crate) mod terminal;
pub mod theme;
pub(crate) mod viewing;
pub(crate) mod widgets;
pub(crate) mod words;

use std::path::{Path, PathBuf};

use crate::census::Agent;
use crate::census::AgentId;
use crate::census::model::Census;
use crate::census::store;
use crate::census::{Schema, file};
use crate::config::{Config, Dirs};
use crate::i18n::{Lang, Localized};

use app::App;
use keymap::{Key, KeyMap};
use screens::welcome::{Start, WelcomeProgress, WelcomeState};
use terminal::{Events, Guard, Incoming, Signals};
use theme::Theme;

/// What the command line gives the interface.
pub struct Options {
    pub file: PathBuf,
    pub agent: Option<Agent>,
    pub lang: Lang,
    /// ASCII or Unicode glyphs as asked; `None` follows the terminal.
    pub ascii: Option<bool>,
    pub dirs: Dirs,
    pub config: Config,
}

/// Runs the interface until the person quits. Errors are already in the
/// person's language.
pub fn run(opts: Options) -> Result<(), String> {
    let theme = Theme::from_env(opts.ascii);
    let signals = Signals::register();
    signals.watchdog(store::lock_path(&opts.file));
    let (keymap, problems) = KeyMap::load(&opts.dirs.config.join("keys.ron"));
    let mut guard = Guard::open();
    let events = Events::start(&signals);

    // First run: who you are, and a census to work on.
    let census_exists = opts.file.exists();
    let agent = match (&opts.agent, census_exists) {
        (Some(a), true) => a.clone(),
        _ => match welcome(&mut guard, &events, &keymap, &theme, &opts, census_exists)? {
            Some(agent) => agent,
            None => return Ok(()),
        },
    };

    // The lock is held for the whole session; a census nothing can be
    // written to here is opened to be looked at only, without it.
    let mut core = loading::open(&mut guard, &opts.file, agent, opts.lang, theme, keymap)?;
    let replayed = core.session.ws.report.journal;
    if replayed > 0 && core.session.read_only.is_none() {
        // Changes of a session that did not end: write them into the file.
        core.save_all();
    }
    for skipped in crate::census::validate::journal_skipped(&core.session.ws.report) {
        let text = skipped.localize(opts.lang);
        core.error(text);
    }
    for id in crate::census::validate::ids_in_small_letters(&core.session.ws.report) {
        let text = id.localize(opts.lang);
        core.error(text);
    }
    if let Some(p) = problems.first() {
        let text = format!("{} — {}", core.ui().keys_file_error, p.localize(opts.lang));
        core.error(text);
    }
    let mut app = App::new(core);
    app.offer_draft();
    // Others' writes come as notifications; where none come, on each key.
    let watch = sharing::Watch::start(&app.core, events.sender());

    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut app, &mut guard, &events, &signals, watch.as_ref())
    }));
    match result {
        Ok(outcome) => {
            if signals.hung_up() {
                guard.forget_terminal();
            }
            let ended = app.end();
            app.core.session.leave();
            ended?;
            outcome
        }
        Err(_) => {
            // The panic hook has restored the terminal and said what happened.
            let rescue = rescue_copy(&app.core.session.ws.path, &app.core.session.ws.census);
            Err(format!(
                "{} {}",
                app.core.ui().rescue_written,
                rescue.display()
            ))
        }
    }
}

fn event_loop(
    app: &mut App,
    guard: &mut Guard,
    events: &Events,
    signals: &Signals,
    watch: Option<&sharing::Watch>,
) -> Result<(), String> {
    let mut dirty = true;
    loop {
        if dirty {
            if guard.draw(|f| draw::draw(app, f)).is_err() {
                // The terminal is gone (a write failed): leave, keeping everything.
                guard.forget_terminal();
                return Ok(());
            }
            dirty = false;
        }
        match events.next() {
            Incoming::Key(k) => {
                if let Some(key) = Key::from_event(&k) {
                    // Only the key of the person's editor keeps the
                    // terminal's input unread until it is handled.
                    if app.core.keymap.action(app.context(), key)
                        != Some(action::Action::EditExternally)
                    {
                        events.release();
                    }
                    app.core.before_key();
                    app.handle_key(key);
                    app.core.after_key();
                    dirty = true;
                }
            }
            Incoming::Changed => {
                if let Some(watch) = watch {
                    watch.handled();
                }
                dirty |= app.core.take_in_others();
            }
            Incoming::Resize => dirty = true,
            Incoming::Signal => return Ok(()),
            Incoming::Gone => {
                guard.forget_terminal();
                return Ok(());
            }
        }
        // Ctrl-e: the person's editor, on the terminal; the reading
        // thread waits meanwhile (see `Events`).
        if let Some(request) = app.external.take() {
            let editor = external::editor_from_env();
            let result = signals
                .holding_interrupts(|| guard.suspended(|| external::edit(&editor, &request)));
            app.external_done(result);
            dirty = true;
        }
        if app.quit {
            return Ok(());
        }
    }
}

/// The first-run screen; creates the census and records the agent.
fn welcome(
    guard: &mut Guard,
    events: &Events,
    keymap: &KeyMap,
    theme: &Theme,
    opts: &Options,
    census_exists: bool,
) -> Result<Option<Agent>, String> {
    let lang = opts.lang;
    let mut state = WelcomeState::new(
        opts.agent.as_ref().map_or("", |a| a.name.as_str()),
        opts.config.territory.as_deref().unwrap_or(""),
        census_exists,
    );
    // Drawn when something changed, not at every wake-up: idle, nothing is
    // sent to the terminal.
    let mut dirty = true;
    loop {
        if dirty {
            let _ = guard.draw(|f| state.draw(theme, lang, f));
            dirty = false;
        }
        let k = match events.next() {
            Incoming::Key(k) => {
                events.release();
                k
            }
            Incoming::Changed => continue,
            Incoming::Resize => {
                dirty = true;
                continue;
            }
            Incoming::Signal | Incoming::Gone => return Ok(None),
        };
        let Some(key) = Key::from_event(&k) else {
            continue;
        };
        dirty = true;
        // Ctrl-C leaves, as everywhere.
        if key.text().is_none()
            && keymap.action(keymap::Context::Global, key) == Some(action::Action::Quit)
        {
            return Ok(None);
        }
        let action = keymap.action(state.context(), key);
        match state.update(app::Input { key, action }, lang) {
            WelcomeProgress::Editing => {}
            WelcomeProgress::Quit => return Ok(None),
            WelcomeProgress::Done {
                name,
                territory,
                start,
                perimeter,
            } => {
                let agent = Agent {
                    id: opts.config.agent_id.unwrap_or_else(AgentId::generate),
                    name,
                };
                if !census_exists {
                    // A perimeter typed is the empty census's; a sample keeps its own.
                    let perimeter = (!perimeter.is_empty()).then(|| {
                        let now = crate::census::time::Timestamp::now();
                        crate::census::perimeter::Perimeter::set(&perimeter, agent.id.as_str(), now)
                    });
                    create_census(&opts.file, &territory, start, perimeter)
                        .map_err(|e| e.localize(lang))?;
                }
                let config = Config {
                    agent_id: Some(agent.id),
                    agent_name: Some(agent.name.clone()),
                    territory: Some(territory)
                        .filter(|t| !t.is_empty())
                        .or(opts.config.territory.clone()),
                    ..opts.config.clone()
                };
                config
                    .save(&opts.dirs.config_file())
                    .map_err(|e| e.localize(lang))?;
                return Ok(Some(agent));
            }
        }
    }
}

/// A new census: a bundled sample (under its own territory's name and
/// perimeter) or empty, with your territory and perimeter.
pub fn create_census(
    path: &Path,
    territory: &str,
    start: Start,
    perimeter: Option<crate::census::perimeter::Perimeter>,
) -> Result<(), crate::census::error::SaveError> {
    let schema = Schema::default_schema();
    let mut census = match start
        .sample()
        .and_then(|text| file::parse(text, "sample").ok())
    {
        // A sample keeps its own territory's name: its initiatives are never
        // shown under the name of the territory typed.
        Some((census, _)) => census,
        None => Census::new(territory, &schema.id, schema.version),
    };
    if let Some(p) = perimeter.filter(|_| start.sample().is_none()) {
        census.perimeter = p;
    }
    store::create(path, &census)
}

/// Writes the census beside its file after a crash, and says where.
fn rescue_copy(path: &Path, census: &Census) -> PathBuf {
    let stamp = crate::census::time::Timestamp::now()
        .to_string()
        .replace(':', "");
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".rescue-{stamp}.ron"));
    let rescue = path.with_file_name(name);
    let _ = store::save_text(&rescue, &file::to_canonical(census));
    rescue
}
