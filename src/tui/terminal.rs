//! The terminal, set up and restored in one place; signals; frames sent as
//! synchronized updates.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::crossterm::{execute, queue};

/// Signals that end the session: the SSH connection dropped (SIGHUP),
/// SIGTERM, SIGINT.
pub struct Signals {
    hangup: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
    /// SIGINT seen (set by its handler; a stop unless held).
    interrupt: Arc<AtomicBool>,
    /// While the person's editor runs, Ctrl-C is the editor's (as in git).
    held: Arc<AtomicBool>,
}

impl Signals {
    pub fn register() -> Signals {
        let hangup = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let interrupt = Arc::new(AtomicBool::new(false));
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // Registration fails only for forbidden signals; these are not.
        let _ = signal_hook::flag::register(SIGHUP, Arc::clone(&hangup));
        let _ = signal_hook::flag::register(SIGTERM, Arc::clone(&stop));
        let _ = signal_hook::flag::register(SIGINT, Arc::clone(&interrupt));
        Signals {
            hangup,
            stop,
            interrupt,
            held: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Runs `f` with SIGINT left to the program it runs (the person's
    /// editor): a Ctrl-C meanwhile does not end the session.
    pub fn holding_interrupts<T>(&self, f: impl FnOnce() -> T) -> T {
        self.held.store(true, Ordering::SeqCst);
        let out = f();
        // Forget a Ctrl-C meant for the editor, then listen again.
        self.interrupt.store(false, Ordering::SeqCst);
        self.held.store(false, Ordering::SeqCst);
        out
    }

    /// A watchdog for a dead terminal: reading from a hung-up tty can keep
    /// crossterm busy forever, so the main loop may never see the signal.
    /// Every validated change is already on disk (journal, draft); if the
    /// program has not ended on its own shortly after a signal, this thread
    /// releases the lock and ends it, without touching the terminal.
    pub fn watchdog(&self, lock: PathBuf) {
        let (hangup, stop) = (Arc::clone(&self.hangup), Arc::clone(&self.stop));
        let (interrupt, held) = (Arc::clone(&self.interrupt), Arc::clone(&self.held));
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // Registration fails only for forbidden signals; these are not.
        let Ok(mut incoming) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT])
        else {
            return;
        };
        std::thread::spawn(move || {
            // Asleep until a signal comes: an idle session wakes nobody.
            let interrupted = || interrupt.load(Ordering::SeqCst) && !held.load(Ordering::SeqCst);
            let ended =
                || hangup.load(Ordering::SeqCst) || stop.load(Ordering::SeqCst) || interrupted();
            // A signal may have come before the iterator was registered.
            if !ended() {
                for _ in incoming.forever() {
                    // A Ctrl-C meant for the person's editor is not an end.
                    if ended() {
                        break;
                    }
                }
            }
            std::thread::sleep(GRACE);
            if std::fs::read_to_string(&lock)
                .is_ok_and(|t| t.contains(&format!("pid: {},", std::process::id())))
            {
                let _ = std::fs::remove_file(&lock);
            }
            std::process::exit(if hangup.load(Ordering::Relaxed) {
                129
            } else {
                143
            });
        });
    }

    /// The terminal is gone: do not write to it any more.
    pub fn hung_up(&self) -> bool {
        self.hangup.load(Ordering::Relaxed)
    }
}

/// How long the watchdog lets the main loop end cleanly after a signal.
const GRACE: Duration = Duration::from_millis(1500);

/// Owns the terminal; restores it on drop unless the terminal is gone.
pub struct Guard {
    pub terminal: DefaultTerminal,
    restore: bool,
}

impl Guard {
    /// Raw mode, alternate screen, and a panic hook that restores them
    /// (`ratatui::init`); nothing else to undo: no mouse, no paste mode.
    pub fn open() -> Guard {
        Guard {
            terminal: ratatui::init(),
            restore: true,
        }
    }

    /// The terminal hung up: restoring it would write to a dead tty.
    pub fn forget_terminal(&mut self) {
        self.restore = false;
    }

    /// Runs `f` (the person's editor) on the terminal as the shell left it:
    /// out of raw mode and of the alternate screen, cursor shown; then back,
    /// and the whole screen drawn again on the next frame. Whatever `f`
    /// does, the terminal comes back.
    pub fn suspended<T>(&mut self, f: impl FnOnce() -> T) -> T {
        use ratatui::crossterm::cursor::{Hide, Show};
        use ratatui::crossterm::terminal::{
            EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
        };
        let mut out = std::io::stdout();
        let _ = execute!(out, LeaveAlternateScreen, Show);
        let _ = disable_raw_mode();
        let result = f();
        let _ = enable_raw_mode();
        let _ = execute!(out, EnterAlternateScreen, Hide);
        let _ = self.terminal.clear();
        result
    }

    /// Draws a frame between synchronized-update markers, so a slow link
    /// shows it whole.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> std::io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        self.terminal.draw(render)?;
        execute!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        self.terminal.backend_mut().flush()
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.restore {
            ratatui::restore();
        }
    }
}

/// What the main loop waits for: a key, a resize, a signal, or the
/// terminal gone.
#[derive(Debug)]
pub enum Incoming {
    Key(ratatui::crossterm::event::KeyEvent),
    Resize,
    /// SIGHUP (the terminal is gone), SIGTERM, SIGINT.
    Signal,
    /// Reading the terminal failed.
    Gone,
    /// The census, or who has it open, changed on disk (another session,
    /// a command): see `tui::sharing`.
    Changed,
}

/// Keys and signals on one channel. Reading the terminal happens on a thread
/// of its own: if the terminal hangs up, that read may never return (it can
/// even spin), but the signal still reaches the main loop at once, which
/// then saves and ends normally. The main loop blocks on this channel, so an
/// idle session wakes up for nothing.
///
/// After each key or resize, the reading thread waits until the main loop
/// asks for the next event: a person's editor run in between (Ctrl-e) has
/// the terminal's input to itself.
pub struct Events {
    rx: std::sync::mpsc::Receiver<Incoming>,
    tx: std::sync::mpsc::Sender<Incoming>,
    /// Lets the reading thread read the next event.
    go: std::sync::mpsc::Sender<()>,
    /// The reading thread waits for `go`.
    owed: std::cell::Cell<bool>,
}

impl Events {
    pub fn start(signals: &Signals) -> Events {
        use ratatui::crossterm::event::{self, Event, KeyEventKind};
        let (tx, rx) = std::sync::mpsc::channel();
        let (go, go_rx) = std::sync::mpsc::channel::<()>();
        let keys = tx.clone();
        let others = tx.clone();
        std::thread::spawn(move || {
            loop {
                let incoming = match event::read() {
                    Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => Incoming::Key(k),
                    Ok(Event::Resize(..)) => Incoming::Resize,
                    Ok(_) => continue,
                    Err(_) => Incoming::Gone,
                };
                let gone = matches!(incoming, Incoming::Gone);
                if keys.send(incoming).is_err() || gone || go_rx.recv().is_err() {
                    return;
                }
            }
        });
        let (hangup, stop) = (Arc::clone(&signals.hangup), Arc::clone(&signals.stop));
        let (interrupt, held) = (Arc::clone(&signals.interrupt), Arc::clone(&signals.held));
        if let Ok(mut iter) = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
        ]) {
            std::thread::spawn(move || {
                for signal in iter.forever() {
                    // Ctrl-C meant for the person's editor (or already
                    // forgotten after it): not a stop.
                    if signal == signal_hook::consts::SIGINT
                        && (held.load(Ordering::SeqCst) || !interrupt.load(Ordering::SeqCst))
                    {
                        continue;
                    }
                    // The flags are set by their own handlers too; setting
                    // them here as well makes the order certain.
                    let flag = if signal == signal_hook::consts::SIGHUP {
                        &hangup
                    } else {
                        &stop
                    };
                    flag.store(true, Ordering::SeqCst);
                    if tx.send(Incoming::Signal).is_err() {
                        return;
                    }
                }
            });
        }
        Events {
            rx,
            tx: others,
            go,
            owed: std::cell::Cell::new(false),
        }
    }

    /// Where another thread (the file watcher) sends what it noticed.
    pub fn sender(&self) -> std::sync::mpsc::Sender<Incoming> {
        self.tx.clone()
    }

    /// The next thing to handle; `Gone` if nothing can come any more. The
    /// previous one is handled: the reading thread may read again.
    pub fn next(&self) -> Incoming {
        self.release();
        let incoming = self.rx.recv().unwrap_or(Incoming::Gone);
        match incoming {
            Incoming::Key(_) => self.owed.set(true),
            Incoming::Resize => {
                self.owed.set(true);
                self.release();
            }
            _ => {}
        }
        incoming
    }

    /// Lets the reading thread read on before the key is handled: every key
    /// but the one that opens the person's editor, so that keys typed during
    /// a slow change are read as they come (an Échap then a letter stays two
    /// keys, not Alt and the letter).
    pub fn release(&self) {
        if self.owed.replace(false) {
            let _ = self.go.send(());
        }
    }
}
