//! Opening a census with a line that shows how far the load has come
//! (« Chargement de recensement.ron… 34 % »): the census is read on a
//! thread of its own while the line is drawn at once, then again every
//! tenth of a second until the census is there. Keys typed meanwhile wait
//! in the event queue. Once loaded, nothing wakes the interface up.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use ratatui::widgets::Paragraph;

use crate::census::Agent;
use crate::census::progress;
use crate::census::session::Session;
use crate::display::inert;
use crate::i18n::{Lang, Localized, fill};

use super::app::Core;
use super::keymap::KeyMap;
use super::terminal::Guard;
use super::theme::Theme;
use super::words::loading::loading;

/// How often the line is drawn again while loading.
const TICK: Duration = Duration::from_millis(100);

/// The text of the loading line.
pub fn loading_line(path: &Path, percent: u64, lang: Lang) -> String {
    let name = path.file_name().map_or(path.as_os_str(), |n| n);
    let file = inert(&name.to_string_lossy()).into_owned();
    fill(
        loading(lang).loading,
        &[("file", &file), ("percent", &percent)],
    )
}

/// [`Core::open`], with the loading line drawn while the census is read.
pub fn open(
    guard: &mut Guard,
    path: &Path,
    agent: Agent,
    lang: Lang,
    theme: Theme,
    keymap: KeyMap,
) -> Result<Core, String> {
    progress::watch(true);
    let (tx, rx) = mpsc::channel();
    let owned = path.to_path_buf();
    let reader = std::thread::spawn(move || {
        let _ = tx.send(Session::open_or_view(&owned, agent));
    });
    let opened = loop {
        let line = loading_line(path, progress::percent(), lang);
        let _ = guard.draw(|f| f.render_widget(Paragraph::new(line), f.area()));
        match rx.recv_timeout(TICK) {
            Ok(opened) => break opened,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                // The reader stopped without an answer: it panicked; the
                // panic goes on here, where the hook restores the terminal.
                progress::watch(false);
                match reader.join() {
                    Err(panic) => std::panic::resume_unwind(panic),
                    Ok(()) => unreachable!("the reader always sends before it ends"),
                }
            }
        }
    };
    progress::watch(false);
    let session = opened.map_err(|e| e.localize(lang))?;
    let mut core = Core::with_session(session, lang, theme, keymap);
    if let Some(text) = core.read_only_refusal() {
        core.error(text);
    }
    Ok(core)
}
