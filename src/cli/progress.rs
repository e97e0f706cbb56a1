//! The progress bar of long commands (import, export, merge, report,
//! validate): drawn on standard error by `indicatif`, from what the core
//! counts (`census::progress`: bytes of a census read and parsed, bytes of
//! an import file read), once the work has taken more than a second. Never
//! when standard error is not a terminal, nor with `--quiet`.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::census::progress;

/// Work shorter than this shows no bar.
const DELAY: Duration = Duration::from_secs(1);
/// How often the bar follows the count.
const TICK: Duration = Duration::from_millis(100);

/// The bar on screen, if any.
static BAR: Mutex<Option<ProgressBar>> = Mutex::new(None);
/// The command has printed something: no bar any more.
static OUTPUT_BEGUN: AtomicBool = AtomicBool::new(false);

/// Called before the command prints: the bar is cleared first, and not
/// drawn again, so that no line is mixed with it.
pub fn before_output() {
    OUTPUT_BEGUN.store(true, Ordering::Relaxed);
    clear();
}

fn clear() {
    if let Ok(mut bar) = BAR.lock()
        && let Some(shown) = bar.take()
    {
        shown.finish_and_clear();
    }
}

/// Whether a bar may be drawn: standard error is a terminal, no `--quiet`.
pub fn wanted(quiet: bool) -> bool {
    !quiet && std::io::stderr().is_terminal()
}

/// Runs `work`, with a bar labelled `label` when it takes more than a
/// second and [`wanted`].
pub fn during<T>(shown: bool, label: &str, work: impl FnOnce() -> T) -> T {
    if !shown {
        return work();
    }
    progress::watch(true);
    let (done, finished) = mpsc::channel::<()>();
    let label = label.to_string();
    let bar = std::thread::spawn(move || {
        if finished.recv_timeout(DELAY).is_ok() {
            return;
        }
        // Shown while a piece of work is under way, cleared as soon as it is
        // done or the command prints.
        loop {
            let (now, total) = progress::now();
            let under_way = total > 0 && now < total && !OUTPUT_BEGUN.load(Ordering::Relaxed);
            if let Ok(mut bar) = BAR.lock() {
                match (bar.as_ref(), under_way) {
                    (None, true) => *bar = Some(new_bar(&label)),
                    (Some(shown), false) => {
                        shown.finish_and_clear();
                        *bar = None;
                    }
                    _ => {}
                }
                if let Some(shown) = bar.as_ref() {
                    shown.set_length(total);
                    shown.set_position(now);
                }
            }
            if !matches!(
                finished.recv_timeout(TICK),
                Err(mpsc::RecvTimeoutError::Timeout)
            ) {
                break;
            }
        }
        clear();
    });
    let result = work();
    let _ = done.send(());
    let _ = bar.join();
    progress::watch(false);
    result
}

/// A bar on standard error: `import [=====>    ]  42 %`.
fn new_bar(label: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(1), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {percent:>3} %") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(label.to_string());
    bar
}
