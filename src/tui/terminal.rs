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
}

impl Signals {
    pub fn register() -> Signals {
        let hangup = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // Registration fails only for forbidden signals; these are not.
        let _ = signal_hook::flag::register(SIGHUP, Arc::clone(&hangup));
        let _ = signal_hook::flag::register(SIGTERM, Arc::clone(&stop));
        let _ = signal_hook::flag::register(SIGINT, Arc::clone(&stop));
        Signals { hangup, stop }
    }

    /// A watchdog for a dead terminal: reading from a hung-up tty can keep
    /// crossterm busy forever, so the main loop may never see the signal.
    /// Every validated change is already on disk (journal, draft); if the
    /// program has not ended on its own shortly after a signal, this thread
    /// releases the lock and ends it, without touching the terminal.
    pub fn watchdog(&self, lock: PathBuf) {
        let (hangup, stop) = (Arc::clone(&self.hangup), Arc::clone(&self.stop));
        std::thread::spawn(move || {
            while !hangup.load(Ordering::Relaxed) && !stop.load(Ordering::Relaxed) {
                std::thread::sleep(WATCH);
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

/// How often the watchdog looks at the signal flags, and how long it lets the
/// main loop end cleanly first.
const WATCH: Duration = Duration::from_millis(200);
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
pub struct Events {
    rx: std::sync::mpsc::Receiver<Incoming>,
    tx: std::sync::mpsc::Sender<Incoming>,
}

impl Events {
    pub fn start(signals: &Signals) -> Events {
        use ratatui::crossterm::event::{self, Event, KeyEventKind};
        let (tx, rx) = std::sync::mpsc::channel();
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
                if keys.send(incoming).is_err() || gone {
                    return;
                }
            }
        });
        let (hangup, stop) = (Arc::clone(&signals.hangup), Arc::clone(&signals.stop));
        if let Ok(mut iter) = signal_hook::iterator::Signals::new([
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGINT,
        ]) {
            std::thread::spawn(move || {
                for signal in iter.forever() {
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
        Events { rx, tx: others }
    }

    /// Where another thread (the file watcher) sends what it noticed.
    pub fn sender(&self) -> std::sync::mpsc::Sender<Incoming> {
        self.tx.clone()
    }

    /// The next thing to handle; `Gone` if nothing can come any more.
    pub fn next(&self) -> Incoming {
        self.rx.recv().unwrap_or(Incoming::Gone)
    }
}
