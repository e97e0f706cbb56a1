//! The keys of the current screen, generated from the live keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::i18n::ui::action_label;
use crate::tui::app::Core;
use crate::tui::keymap::Context;

pub fn draw(core: &Core, context: Context, frame: &mut Frame, area: Rect) {
    let theme = &core.theme;
    let ui = core.ui();
    let rows: Vec<(String, &str)> = core
        .keymap
        .bindings(context)
        .filter(|(_, keys)| !keys.is_empty())
        .map(|(action, keys)| {
            let keys: Vec<String> = keys.iter().map(|k| k.label(core.lang)).collect();
            (keys.join(", "), action_label(action, core.lang).0)
        })
        .collect();
    let key_width = rows
        .iter()
        .map(|(k, _)| crate::display::width(k))
        .max()
        .unwrap_or(0)
        .min(24);
    let popup = area.centered(Constraint::Percentage(90), Constraint::Percentage(90));
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_set(theme.border())
        .title(Span::styled(format!(" {} ", ui.help_title), theme.title))
        .title_bottom(Span::styled(format!(" {} ", ui.help_close), theme.muted));
    let lines: Vec<Line> = rows
        .iter()
        .map(|(keys, what)| {
            let keys = crate::display::truncate(keys, key_width);
            let pad = " ".repeat(key_width.saturating_sub(crate::display::width(&keys)));
            Line::from(vec![
                Span::styled(format!(" {keys}{pad}  "), theme.key),
                Span::raw(*what),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
