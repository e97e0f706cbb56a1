//! What the terminal-interface tests share: an `App` built from a copy of a
//! shipped sample (in a temporary folder, with a fixed clock and a known
//! agent), keys sent by name through the live keymap, and the screen drawn
//! into ratatui's `TestBackend`.

use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use tempfile::TempDir;

use recense::census::time::Timestamp;
use recense::census::workspace::Workspace;
use recense::census::{Agent, AgentId, Census};
use recense::i18n::Lang;
use recense::tui::app::{App, Clock, Core};
use recense::tui::keymap::{Key, KeyMap};
use recense::tui::theme::Theme;

/// The fixed clock of every test.
pub const NOW: &str = "2026-12-01T10:00:00Z";
/// Its date, as the record view shows it beside a changed field.
pub const TODAY: &str = "2026-12-01";
/// The agent working in every test.
pub const AGENT_ID: &str = "tests";
pub const AGENT_NAME: &str = "Camille";

/// The two sizes every screen is checked at: the full layout and the
/// smallest one that is still drawn.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (60, 20)];

/// Snapshots the screen of `h` at both sizes, as `NAME_80x24` and
/// `NAME_60x20`, replacing the texts that change from run to run (pairs
/// `(from, to)`, none when left out). A macro so that the snapshots are named
/// after the test's module.
macro_rules! snap {
    ($h:expr, $name:expr) => {
        $crate::tui_common::snap!($h, $name, &[])
    };
    ($h:expr, $name:expr, $redact:expr) => {{
        let (name, redact): (&str, &[(&str, &str)]) = ($name, $redact);
        for (w, hh) in $crate::tui_common::SIZES {
            let mut text = $crate::tui_common::snapshot_text(&$h.render(w, hh));
            for (from, to) in redact {
                text = text.replace(from, to);
            }
            insta::assert_snapshot!(format!("{name}_{w}x{hh}"), text);
        }
    }};
}
pub(crate) use snap;

/// The Pays de Brest sample.
pub fn brest() -> Harness {
    Harness::sample("pays-de-brest")
}

/// Selects the initiative of this name in the list.
pub fn select(h: &mut Harness, name: &str) {
    let row = h
        .row_names()
        .iter()
        .position(|n| n == name)
        .unwrap_or_else(|| panic!("{name} is not in the list"));
    h.keys("g");
    for _ in 0..row {
        h.keys("j");
    }
    assert_eq!(h.selected_name().as_deref(), Some(name));
}

/// A shipped sample, by the name of its file in `sample-data/`.
pub fn sample_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-data")
        .join(format!("{name}.ron"))
}

/// How to build the app.
#[derive(Clone)]
pub struct Setup {
    pub lang: Lang,
    pub theme: Theme,
    pub keymap: KeyMap,
}

impl Default for Setup {
    fn default() -> Setup {
        Setup {
            lang: Lang::Fr,
            theme: Theme::new(true, false),
            keymap: KeyMap::default(),
        }
    }
}

/// An app over a copy of a census, in a folder that lives as long as it.
pub struct Harness {
    pub dir: TempDir,
    pub path: PathBuf,
    pub app: App,
    setup: Setup,
}

impl Harness {
    /// The app over a copy of `sample-data/NAME.ron`, in French, colours on.
    pub fn sample(name: &str) -> Harness {
        Harness::sample_with(name, Setup::default())
    }

    pub fn sample_with(name: &str, setup: Setup) -> Harness {
        let text = std::fs::read_to_string(sample_path(name)).expect("sample census");
        Harness::from_text(&text, setup)
    }

    /// The app over a census written from `text`.
    pub fn from_text(text: &str, setup: Setup) -> Harness {
        let dir = tempfile::tempdir().expect("temporary folder");
        let path = dir.path().join("census.ron");
        std::fs::write(&path, text).expect("write census");
        let app = open_app(&path, &setup);
        Harness {
            dir,
            path,
            app,
            setup,
        }
    }

    /// A new session on the same files, as after quitting or a dropped
    /// connection: the census and its journal read again, a kept draft
    /// offered back.
    pub fn restart(&mut self) {
        self.app = open_app(&self.path, &self.setup);
        self.app.offer_draft();
    }

    /// Quits with `:q`, then ends the session as the interface does (a
    /// failed write is left in the status line, for tests to read).
    pub fn quit(&mut self) {
        self.keys(":").type_text("q").keys("enter");
        assert!(self.app.quit, "`:q` quits");
        let _ = self.app.end();
    }

    /// A fresh workspace read from disk: what a later session would see.
    pub fn reopen(&self) -> Workspace {
        Workspace::open(&self.path).expect("census reopens")
    }

    /// Sends keys named as in `keys.ron`, separated by spaces:
    /// `"j j enter"`, `"esc"`, `"ctrl-n"`, `"space"`.
    pub fn keys(&mut self, spec: &str) -> &mut Harness {
        for name in spec.split_whitespace() {
            let key = Key::parse(name).unwrap_or_else(|| panic!("unknown key `{name}`"));
            self.app.handle_key(key);
        }
        self
    }

    /// Types a text, one character at a time.
    pub fn type_text(&mut self, text: &str) -> &mut Harness {
        for c in text.chars() {
            self.app.handle_key(Key::ch(c));
        }
        self
    }

    /// Draws the app into a `TestBackend` of this size.
    pub fn render(&self, width: u16, height: u16) -> Buffer {
        render(&self.app, width, height)
    }

    /// The screen as lines of text, trailing spaces removed.
    pub fn lines(&self, width: u16, height: u16) -> Vec<String> {
        buffer_lines(&self.render(width, height))
    }

    /// The screen as one text.
    pub fn screen(&self, width: u16, height: u16) -> String {
        self.lines(width, height).join("\n")
    }

    /// The message of the status line, if any.
    pub fn message(&self) -> Option<String> {
        self.app.core.message.as_ref().map(|m| m.text.clone())
    }

    /// The name of the initiative selected in the list.
    pub fn selected_name(&self) -> Option<String> {
        let core = &self.app.core;
        let id = core.list.selected_id(&core.session.ws.census)?;
        name_of(&self.app, &id.to_string())
    }

    /// The names of the rows of the list, in order.
    pub fn row_names(&self) -> Vec<String> {
        let core = &self.app.core;
        core.list
            .rows()
            .iter()
            .map(|&n| {
                core.session.ws.census.initiatives[n]
                    .value(&core.session.ws.schema.name_field)
                    .unwrap_or("?")
                    .to_string()
            })
            .collect()
    }
}

/// The Pays de Brest sample with more initiatives, written through the
/// library (fixed ids and dates, so screens stay the same from run to run),
/// each given as its id and its `(field, value)` pairs, by `agent`.
pub fn brest_with(agent: (&str, &str), extra: &[(&str, &[(&str, &str)])]) -> Census {
    use recense::census::model::{Initiative, Value};
    use recense::census::{InitiativeId, file};

    let text = std::fs::read_to_string(sample_path("pays-de-brest")).expect("sample census");
    let (mut census, _) = file::parse(&text, "pays-de-brest.ron").expect("sample parses");
    let author = AgentId::parse(agent.0).expect("agent id");
    census.agents.insert(author, agent.1.to_string());
    let at = Timestamp::parse("2026-11-20T08:00:00Z").expect("time");
    for (id, fields) in extra {
        let mut i = Initiative::new(InitiativeId::parse(id).expect("initiative id"));
        for (field, value) in fields.iter() {
            let dot = i.next_dot(author).expect("a small counter");
            i.add_element(field, Value::text(value), dot, at);
        }
        census.insert(i);
    }
    census
}

/// The id of the school [`school_census`] adds.
pub const SCHOOL_ID: &str = "01M6B5ED705Y7B9BEP3M2CJPZY";

/// The Pays de Brest sample and a school whose name starts with a capital
/// with an accent: « École… ».
pub fn school_census() -> String {
    let census = brest_with(
        ("ecole", "Équipe recense Brest"),
        &[(
            SCHOOL_ID,
            &[
                ("nom", "École Jules-Ferry – atelier numérique"),
                ("type", "enseignement_recherche"),
                ("commune", "Brest"),
            ],
        )],
    );
    recense::census::file::to_canonical(&census)
}

/// The id of the initiative [`hostile_census`] adds.
pub const HOSTILE_ID: &str = "01M6B5ED705Y7B9BEP3M2CJPZZ";
/// Its name: a terminal escape that would clear the screen if printed raw.
pub const HOSTILE_NAME: &str = "Médiathèque \u{1b}[2J\u{7}pirate";

/// The Pays de Brest sample with untrusted text: an initiative whose name,
/// commune and description hold escape sequences and other control
/// characters, by an agent whose name holds one, in a territory whose name
/// holds one.
pub fn hostile_census() -> String {
    let mut census = brest_with(
        ("evil1", "Mallory\u{1b}[31m"),
        &[(
            HOSTILE_ID,
            &[
                ("nom", HOSTILE_NAME),
                ("type", "mediatheque"),
                ("commune", "Brest\u{1b}[5m"),
                ("description", "Ligne 1\nLigne 2\r\u{1b}[1A\u{9b}31m"),
                ("relations", "partenaire:01M6B5ED705Y7B9BEP3M2CJPZP"),
            ],
        )],
    );
    census.territory = "Pays de Brest\u{1b}]0;titre\u{7}".to_string();
    recense::census::file::to_canonical(&census)
}

/// The name of an initiative, by id.
pub fn name_of(app: &App, id: &str) -> Option<String> {
    let core = &app.core;
    let id = recense::census::InitiativeId::parse(id).ok()?;
    core.session
        .ws
        .census
        .get(&id)
        .and_then(|i| i.value(&core.session.ws.schema.name_field))
        .map(String::from)
}

pub fn agent() -> Agent {
    Agent {
        id: AgentId::parse(AGENT_ID).expect("agent id"),
        name: AGENT_NAME.to_string(),
    }
}

fn open_app(path: &Path, setup: &Setup) -> App {
    let ws = Workspace::open(path).expect("census opens");
    let mut core = Core::new(
        ws,
        agent(),
        setup.lang,
        setup.theme.clone(),
        setup.keymap.clone(),
        None,
    );
    core.session.clock = Clock::Fixed(Timestamp::parse(NOW).expect("fixed time"));
    // Exports go to the test's own folder, never the real ~/Documents.
    core.export_dir = path.parent().expect("a folder").to_path_buf();
    App::new(core)
}

pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|f| recense::tui::draw::draw(app, f))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The text of a buffer, one line per row, trailing spaces removed; the
/// cells covered by a wide character are not repeated.
pub fn buffer_lines(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in area.left()..area.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buf[(x, y)].symbol();
                line.push_str(symbol);
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// The screen as a snapshot shows it: its text, then the runs of cells
/// drawn REVERSED (the selection) and UNDERLINED (what a search matched),
/// which plain text would not show.
pub fn snapshot_text(buf: &Buffer) -> String {
    let mut out = buffer_lines(buf).join("\n");
    for (what, modifier) in [
        ("reversed", Modifier::REVERSED),
        ("underlined", Modifier::UNDERLINED),
    ] {
        for (y, x, text) in styled_runs(buf, modifier) {
            out.push_str(&format!("\n[{what} {x},{y}] {text}"));
        }
    }
    out
}

/// The runs of consecutive cells of each row having `modifier`: their row,
/// first column and text (spaces at the ends trimmed).
pub fn styled_runs(buf: &Buffer, modifier: Modifier) -> Vec<(u16, u16, String)> {
    let area = buf.area;
    let mut runs = Vec::new();
    for y in area.top()..area.bottom() {
        let mut run: Option<(u16, String)> = None;
        for x in area.left()..=area.right() {
            let on = x < area.right() && buf[(x, y)].modifier.contains(modifier);
            match (&mut run, on) {
                (Some((_, text)), true) => text.push_str(buf[(x, y)].symbol()),
                (None, true) => run = Some((x, buf[(x, y)].symbol().to_string())),
                (Some(_), false) => {
                    let (start, text) = run.take().unwrap_or_default();
                    runs.push((y, start, text.trim().to_string()));
                }
                (None, false) => {}
            }
        }
    }
    runs
}

/// The row of the screen holding `text`, if any.
pub fn find_row(buf: &Buffer, text: &str) -> Option<u16> {
    buffer_lines(buf)
        .iter()
        .position(|l| l.contains(text))
        .map(|y| y as u16)
}
