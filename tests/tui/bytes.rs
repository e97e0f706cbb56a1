//! What the interface sends to the terminal when the selection moves by one
//! row in an 80x24 list: the two rows whose style changed, not the screen
//! (issue #3; over a slow SSH link every byte counts). A size check, not a
//! timing: the frames go to a crossterm backend that only counts bytes.

use std::cell::Cell;
use std::io::Write;
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use recense::census::workspace::Workspace;
use recense::census::{Agent, AgentId, Schema, store};
use recense::i18n::Lang;
use recense::tui::app::{App, Core};
use recense::tui::draw;
use recense::tui::keymap::{Key, KeyMap};
use recense::tui::theme::Theme;

const WIDTH: u16 = 80;
const HEIGHT: u16 = 24;

/// A row's worth of bytes: its 80 cells, a cursor move and a style change.
const ROW: usize = WIDTH as usize + 20;

/// A terminal that counts the bytes it is sent.
#[derive(Clone, Default)]
struct ByteCount(Rc<Cell<usize>>);

impl Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

struct Screen {
    terminal: Terminal<CrosstermBackend<ByteCount>>,
    count: ByteCount,
}

impl Screen {
    fn new() -> Screen {
        let count = ByteCount::default();
        let terminal = Terminal::with_options(
            CrosstermBackend::new(count.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
            },
        )
        .expect("terminal");
        Screen { terminal, count }
    }

    /// Draws a frame as `recense` does (between synchronized-update
    /// markers); returns the bytes sent.
    fn frame(&mut self, app: &App) -> usize {
        let before = self.count.0.get();
        let t = &mut self.terminal;
        queue!(t.backend_mut(), BeginSynchronizedUpdate).expect("write");
        t.draw(|f| draw::draw(app, f)).expect("draw");
        execute!(t.backend_mut(), EndSynchronizedUpdate).expect("write");
        t.backend_mut().flush().expect("flush");
        self.count.0.get() - before
    }
}

fn app(dir: &std::path::Path) -> App {
    let path = dir.join("census.ron");
    let schema = Schema::default_schema();
    store::save(&path, &recense::dev::generate(&schema, 300, 7)).expect("save");
    let ws = Workspace::open(&path).expect("open");
    let agent = Agent {
        id: AgentId::from_name("Test"),
        name: "Test".to_string(),
    };
    App::new(Core::new(
        ws,
        agent,
        Lang::Fr,
        Theme::new(true, false),
        KeyMap::default(),
        None,
    ))
}

#[test]
fn moving_the_selection_sends_about_two_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(dir.path());
    let mut screen = Screen::new();

    // The first frame paints every cell that is not blank: what a full
    // repaint (a resize, a new screen) sends.
    let full = screen.frame(&app);
    assert!(full > 10 * ROW, "a full 80x24 repaint is {full} bytes");

    for key in ['j', 'j', 'k'] {
        let before = app.core.list.selected();
        app.handle_key(Key::ch(key));
        assert_ne!(
            app.core.list.selected(),
            before,
            "{key} moves the selection"
        );
        let sent = screen.frame(&app);
        assert!(
            sent <= 3 * ROW,
            "{key}: {sent} bytes sent, more than 3 rows' worth ({})",
            3 * ROW
        );
        assert!(
            sent * 8 < full,
            "{key}: {sent} bytes sent, not far under a full repaint ({full})"
        );
    }

    // A frame with nothing changed sends only the frame's fixed bytes.
    let idle = screen.frame(&app);
    assert!(idle < 60, "an unchanged frame sent {idle} bytes");
}
