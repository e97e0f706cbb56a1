//! The keys of the current screen, generated from the live keymap; scrolled
//! when they do not all fit.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::display::width;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::widgets::scroll::Scroll;
use crate::tui::words::flow::{Meaning, meaning_label};
use crate::tui::words::ui::action_label;

/// The help of one screen, and how far it is scrolled.
#[derive(Debug, Clone)]
pub struct HelpState {
    /// The screen whose keys are shown.
    pub context: Context,
    scroll: Scroll,
    /// What keys do on that screen where their general name would mislead
    /// (the screen's `Screen::meaning`), and the actions it leaves out.
    meanings: Vec<(Action, Meaning)>,
    hidden: Vec<Action>,
    /// The page on working with colleagues (`:collègues`) instead of the
    /// keys.
    pub colleagues: bool,
}

impl HelpState {
    pub fn new(context: Context) -> HelpState {
        HelpState {
            context,
            scroll: Scroll::default(),
            meanings: Vec::new(),
            hidden: Vec::new(),
            colleagues: false,
        }
    }

    /// The page on working with colleagues, over the screen of `context`.
    pub fn colleagues(context: Context) -> HelpState {
        HelpState {
            colleagues: true,
            ..HelpState::new(context)
        }
    }

    /// The help of the screen `below`, in its words.
    pub fn of(core: &Core, context: Context, below: &dyn Screen) -> HelpState {
        let mut help = HelpState::new(context);
        for &action in Action::ALL {
            if let Some(m) = below.meaning(core, action) {
                help.meanings.push((action, m));
            }
            if below.hides(core, action) {
                help.hidden.push(action);
            }
        }
        help
    }
}

impl Screen for HelpState {
    fn context(&self, _core: &Core) -> Context {
        Context::Help
    }

    fn update(&mut self, _core: &mut Core, input: Input) -> Effect {
        if input.action == Some(Action::Back) {
            return Effect::Close;
        }
        self.scroll.scroll(input.action);
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let ui = core.ui();
        let keymap = &core.keymap;
        if self.colleagues {
            return crate::tui::screens::colleagues_help::draw(core, &self.scroll, frame, area);
        }
        let mut rows: Vec<(String, &str)> = keymap
            .bindings(self.context)
            .filter(|(action, keys)| !keys.is_empty() && !self.hidden.contains(action))
            .map(|(action, keys)| {
                let keys: Vec<String> = keys.iter().map(|k| k.label(core.lang)).collect();
                let what = match self.meanings.iter().find(|(a, _)| *a == action) {
                    Some((_, m)) => meaning_label(*m, core.lang).0,
                    None => action_label(action, core.lang).0,
                };
                (keys.join(", "), what)
            })
            .collect();
        rows.push(crate::tui::screens::colleagues_help::help_row(core.lang));
        let key_width = rows
            .iter()
            .map(|(k, _)| width(k))
            .max()
            .unwrap_or(0)
            .min(24);
        let popup = area.centered(Constraint::Percentage(90), Constraint::Percentage(90));
        frame.render_widget(Clear, popup);
        let height = popup.height.saturating_sub(2) as usize;
        let scroll = self.scroll.fit(rows.len(), height);

        // How to close it, from the keymap; where we are, when it scrolls.
        let close: Vec<String> = keymap
            .bindings(Context::Help)
            .find(|(a, _)| *a == Action::Back)
            .map(|(_, keys)| keys.iter().map(|k| k.label(core.lang)).collect())
            .unwrap_or_default();
        let mut bottom = format!(
            " {}{}{} ",
            close.join(", "),
            ui.colon,
            action_label(Action::Back, core.lang).1
        );
        if self.scroll.overflows() {
            let last = (scroll + height).min(rows.len());
            bottom.push_str(&format!("· {}-{}/{} ", scroll + 1, last, rows.len()));
        }
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(format!(" {} ", ui.help_title), theme.title))
            .title_bottom(Span::styled(bottom, theme.muted));
        let text_width = popup.width.saturating_sub(2) as usize;
        let lines: Vec<Line> = rows
            .iter()
            .skip(scroll)
            .take(height)
            .map(|(keys, what)| {
                let keys = theme.truncate(keys, key_width);
                let pad = " ".repeat(key_width.saturating_sub(width(&keys)));
                let what = theme.truncate(what, text_width.saturating_sub(key_width + 3));
                Line::from(vec![
                    Span::styled(format!(" {keys}{pad}  "), theme.key),
                    Span::raw(what.into_owned()),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }
}
