//! Terminal interface benchmarks (issue #3) on generated censuses of 1k, 10k
//! and 100k initiatives, through the interface's own code path (`Core`,
//! `App::handle_key`, `draw::draw`):
//!
//! - search as you type: the time of each key's `App::handle_key` (the new
//!   filtered, sorted list), then of drawing that frame, letter by letter and
//!   then Backspace by Backspace;
//! - opening a census to its first frame (read, parse, `Core`, `App`, one
//!   `draw::draw` into an 80x24 `TestBackend`), and its peak heap memory;
//! - the bytes sent to the terminal when the selection moves by one row.
//!
//! `cargo bench --bench tui` (add `-- 1000 10000` to pick sizes).

use std::cell::Cell;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::crossterm::{execute, queue};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
mod common;

use common::{mib, peak_of};
use recense::census::workspace::Workspace;
use recense::census::{Agent, AgentId, Schema, store};
use recense::i18n::Lang;
use recense::tui::app::{App, Core};
use recense::tui::draw;
use recense::tui::keymap::{Key, KeyCodeOrd, KeyMap};
use recense::tui::theme::Theme;

/// The queries typed letter by letter: names, a commune, two words, a kind,
/// an accented name typed without accents, and one that matches nothing.
const QUERIES: &[&str] = &[
    "mediatheque",
    "brest",
    "fablab gare",
    "chaton",
    "echirolles",
    "xylophone",
];

const WIDTH: u16 = 80;
const HEIGHT: u16 = 24;

/// CPU time of this thread. On this shared machine a key's wall time also
/// holds the time other programs had the core; this does not.
#[cfg(target_os = "linux")]
fn thread_cpu() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: std::ffi::c_long,
        nsec: std::ffi::c_long,
    }
    unsafe extern "C" {
        fn clock_gettime(clock: std::ffi::c_int, tp: *mut Timespec) -> std::ffi::c_int;
    }
    const CLOCK_THREAD_CPUTIME_ID: std::ffi::c_int = 3;
    let mut t = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `t` is a valid timespec and the clock exists on Linux.
    if unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0 {
        Duration::new(t.sec as u64, t.nsec as u32)
    } else {
        Duration::ZERO
    }
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu() -> Duration {
    Duration::ZERO
}

/// Wall and CPU time of one operation.
#[derive(Clone, Copy)]
struct Sample {
    wall: Duration,
    cpu: Duration,
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Sample) {
    let (t, c) = (Instant::now(), thread_cpu());
    let out = f();
    let sample = Sample {
        wall: t.elapsed(),
        cpu: thread_cpu().saturating_sub(c),
    };
    (out, sample)
}

/// Median, 95th percentile and maximum of some durations.
struct Stats {
    median: Duration,
    p95: Duration,
    max: Duration,
}

fn stats(times: impl IntoIterator<Item = Duration>) -> Stats {
    let mut t: Vec<Duration> = times.into_iter().collect();
    t.sort();
    let at = |p: f64| t[((t.len() as f64 * p).ceil() as usize).clamp(1, t.len()) - 1];
    Stats {
        median: t[t.len() / 2],
        p95: at(0.95),
        max: t[t.len() - 1],
    }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

/// The interface over a census file, as `recense` builds it (without a lock).
fn open(path: &Path) -> App {
    app_of(Workspace::open(path).expect("open"))
}

/// The interface over an opened census.
fn app_of(ws: Workspace) -> App {
    let agent = Agent {
        id: AgentId::from_name("Bench"),
        name: "Bench".to_string(),
    };
    let core = Core::new(
        ws,
        agent,
        Lang::Fr,
        Theme::new(true, false),
        KeyMap::default(),
        None,
    );
    let mut app = App::new(core);
    app.offer_draft();
    app
}

fn test_terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal")
}

/// Typing each query letter by letter, then erasing it with Backspace.
#[derive(Default)]
struct Typing {
    /// Each letter's key, and the wall time of the key and its frame.
    letters: Vec<(Sample, Duration)>,
    backspaces: Vec<(Sample, Duration)>,
    /// Per query: its letters' keys, and the matches of the whole query.
    per_query: Vec<(Vec<Sample>, usize)>,
}

fn type_queries(app: &mut App, terminal: &mut Terminal<TestBackend>, rounds: usize) -> Typing {
    let mut out = Typing {
        per_query: QUERIES.iter().map(|_| (Vec::new(), 0)).collect(),
        ..Typing::default()
    };
    // Times one key, then the frame it gives.
    let mut press = |app: &mut App, key: Key| {
        let t = Instant::now();
        let ((), update) = timed(|| app.handle_key(key));
        terminal.draw(|f| draw::draw(app, f)).expect("draw");
        (update, t.elapsed())
    };
    for _ in 0..rounds {
        for (q, query) in QUERIES.iter().enumerate() {
            app.handle_key(Key::ch('/'));
            for c in query.chars() {
                let timing = press(app, Key::ch(c));
                out.letters.push(timing);
                out.per_query[q].0.push(timing.0);
            }
            out.per_query[q].1 = app.core.list.rows().len();
            for _ in query.chars() {
                out.backspaces
                    .push(press(app, Key::plain(KeyCodeOrd::Backspace)));
            }
            app.handle_key(Key::plain(KeyCodeOrd::Esc));
        }
    }
    out
}

/// Opening to the first frame: (open, Core + App, first draw) for one run.
fn open_to_first_frame(path: &Path) -> [Duration; 3] {
    let t = Instant::now();
    let ws = Workspace::open(path).expect("open");
    let opened = t.elapsed();
    let app = app_of(ws);
    let built = t.elapsed();
    let mut terminal = test_terminal();
    terminal.draw(|f| draw::draw(&app, f)).expect("draw");
    let drawn = t.elapsed();
    drop((terminal, app));
    [opened, built - opened, drawn - built]
}

/// A terminal that only counts the bytes it is sent.
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

/// Bytes sent to a real (crossterm) terminal: the first frame, then the
/// frames after each key, each between synchronized-update markers as
/// `recense` sends them.
fn frame_bytes(app: &mut App, keys: &[Key]) -> Vec<usize> {
    let count = ByteCount::default();
    let backend = CrosstermBackend::new(count.clone());
    let mut terminal = Terminal::with_options(
        backend,
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, WIDTH, HEIGHT)),
        },
    )
    .expect("terminal");
    let frame = |app: &App, terminal: &mut Terminal<CrosstermBackend<ByteCount>>| {
        let before = count.0.get();
        queue!(terminal.backend_mut(), BeginSynchronizedUpdate).expect("write");
        terminal.draw(|f| draw::draw(app, f)).expect("draw");
        execute!(terminal.backend_mut(), EndSynchronizedUpdate).expect("write");
        terminal.backend_mut().flush().expect("flush");
        count.0.get() - before
    };
    let mut sizes = vec![frame(app, &mut terminal)];
    for key in keys {
        app.handle_key(*key);
        sizes.push(frame(app, &mut terminal));
    }
    sizes
}

fn main() {
    let sizes = common::sizes(&[1_000, 10_000, 100_000]);
    let schema = Schema::default_schema();
    let dir = tempfile::tempdir().expect("temp dir");

    let mut search_rows = Vec::new();
    let mut query_rows = Vec::new();
    let mut open_rows = Vec::new();
    let mut bytes_rows = Vec::new();
    for &n in &sizes {
        let path = dir.path().join(format!("census-{n}.ron"));
        let census = recense::dev::generate(&schema, n, 42);
        store::save(&path, &census).expect("save");
        drop(census);
        let size = std::fs::metadata(&path).expect("size").len() as usize;

        // Search as you type.
        let rounds = if n >= 100_000 { 3 } else { 15 };
        let mut app = open(&path);
        let mut terminal = test_terminal();
        terminal.draw(|f| draw::draw(&app, f)).expect("draw");
        let typing = type_queries(&mut app, &mut terminal, rounds);
        for (what, keys) in [
            ("letter", &typing.letters),
            ("Backspace", &typing.backspaces),
        ] {
            let wall = stats(keys.iter().map(|k| k.0.wall));
            let cpu = stats(keys.iter().map(|k| k.0.cpu));
            let frame = stats(keys.iter().map(|k| k.1));
            search_rows.push(format!(
                "| {n} | {what} | {} | {} | {} | {} | {} | {} | {} | {} |",
                keys.len(),
                ms(wall.median),
                ms(wall.p95),
                ms(wall.max),
                ms(cpu.median),
                ms(cpu.p95),
                ms(frame.median),
                ms(frame.p95),
            ));
        }
        for (q, (times, hits)) in QUERIES.iter().zip(&typing.per_query) {
            // The first letter searches every initiative; the next ones only
            // the previous matches.
            let len = q.chars().count();
            let first = stats(times.iter().step_by(len).map(|t| t.wall));
            let rest = stats(
                times
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % len != 0)
                    .map(|(_, t)| t.wall),
            );
            let (wall, cpu) = (
                stats(times.iter().map(|t| t.wall)),
                stats(times.iter().map(|t| t.cpu)),
            );
            query_rows.push(format!(
                "| {n} | `{q}` | {hits} | {} | {} | {} | {} | {} | {} |",
                ms(wall.median),
                ms(wall.p95),
                ms(cpu.p95),
                ms(first.median),
                ms(rest.median),
                ms(rest.max),
            ));
        }
        drop(terminal);

        // Bytes of frames: the first one (a full repaint); j, j, k; j down
        // to the last row of the page (19 rows of 80x24), then the j that
        // scrolls the list by one row; then a search letter.
        let mut moves = vec![Key::ch('j'), Key::ch('j'), Key::ch('k')];
        moves.extend([Key::ch('j'); 18]);
        moves.extend([Key::ch('/'), Key::ch('b')]);
        let bytes = frame_bytes(&mut app, &moves);
        let mut one_row = bytes[1..=20].to_vec();
        one_row.sort();
        bytes_rows.push(format!(
            "| {n} | {} | {} | {} | {} | {} | {} | {} |",
            bytes[0],
            bytes[1],
            bytes[3],
            one_row[one_row.len() / 2],
            one_row[one_row.len() - 1],
            bytes[21],
            bytes[23],
        ));
        drop(app);

        // Opening to the first frame.
        let runs = if n >= 100_000 {
            5
        } else if n >= 10_000 {
            21
        } else {
            41
        };
        let times: Vec<[Duration; 3]> = (0..runs).map(|_| open_to_first_frame(&path)).collect();
        let part = |k: usize| stats(times.iter().map(|t| t[k])).median;
        let total = stats(times.iter().map(|t| t[0] + t[1] + t[2]));
        let (_, peak) = peak_of(|| open_to_first_frame(&path));
        open_rows.push(format!(
            "| {n} | {} | {} | {} | {} | {} | {} | {} | {:.2} |",
            mib(size),
            ms(part(0)),
            ms(part(1)),
            ms(part(2)),
            ms(total.median),
            ms(total.p95),
            mib(peak),
            peak as f64 / size as f64,
        ));
        eprintln!("{n} done");
    }

    println!("Search as you type, per key (with frame: the key, then drawing 80x24):\n");
    println!(
        "| initiatives | key | keys timed | median | p95 | max | CPU: median | CPU: p95 | with frame: median | with frame: p95 |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in &search_rows {
        println!("{r}");
    }
    println!("\nPer query (letters only):\n");
    println!(
        "| initiatives | query | matches | median | p95 | CPU: p95 | first letter: median | next letters: median | next letters: max |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
    for r in &query_rows {
        println!("{r}");
    }
    println!("\nOpening to the first frame (80x24):\n");
    println!(
        "| initiatives | file size | open (read + parse) | Core + App | first draw | total: median | p95 | peak memory | peak / file |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in &open_rows {
        println!("{r}");
    }
    println!("\nBytes sent to the terminal (80x24, crossterm, synchronized update):\n");
    println!(
        "| initiatives | first frame (full repaint) | j | k | one-row moves: median | max | j that scrolls | search letter |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for r in &bytes_rows {
        println!("{r}");
    }
}
