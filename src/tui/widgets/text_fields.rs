//! A small form of one-line text fields in a popup (an edition, a support):
//! Tab and Shift-Tab move between fields, Esc closes, Enter submits, other
//! keys type into the field under the cursor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear};

use crate::display::{inert, width};
use crate::tui::action::Action;
use crate::tui::app::{Core, Input};
use crate::tui::widgets::input::TextInput;

/// What a key did to the form.
pub enum FormKey {
    Close,
    Submit,
    /// The text of a field changed: an earlier error no longer holds.
    Typed,
    /// Moved between fields, or nothing.
    Other,
}

/// Handles one key of the form.
pub fn keys(fields: &mut [TextInput], focus: &mut usize, input: &Input) -> FormKey {
    let n = fields.len();
    match input.action {
        Some(Action::Cancel) => return FormKey::Close,
        Some(Action::Confirm) => return FormKey::Submit,
        Some(Action::NextField) => *focus = (*focus + 1) % n,
        Some(Action::PreviousField) => *focus = (*focus + n - 1) % n,
        _ if fields[*focus].handle(input.key) => return FormKey::Typed,
        _ => {}
    }
    FormKey::Other
}

/// Clears a centred popup of at most `max_width` by `height` and gives it
/// with its bordered block titled `title` (cut to fit).
pub fn popup(
    core: &Core,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    (max_width, height): (u16, u16),
) -> (Rect, Block<'static>) {
    let theme = &core.theme;
    let popup = area.centered(Constraint::Max(max_width), Constraint::Length(height));
    frame.render_widget(Clear, popup);
    let title = theme.truncate(title, popup.width.saturating_sub(4) as usize);
    let block = Block::bordered()
        .border_set(theme.border())
        .border_style(theme.focus)
        .title(Span::styled(format!(" {title} "), theme.title));
    (popup, block)
}

/// One line per field: its label (aligned), then its text; the field under
/// the cursor marked.
pub fn lines(
    core: &Core,
    labels: &[&str],
    fields: &[TextInput],
    focus: usize,
) -> Vec<Line<'static>> {
    let theme = &core.theme;
    let label_w = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    labels
        .iter()
        .zip(fields)
        .enumerate()
        .map(|(n, (label, field))| {
            let pad = " ".repeat(label_w.saturating_sub(width(label)));
            let (pointer, style) = match n == focus {
                true => (theme.pointer(), theme.selected),
                false => (" ", theme.focus),
            };
            Line::from(vec![
                Span::raw(format!("{pointer} {label}{pad} ")),
                Span::styled(inert(field.text()).into_owned(), style),
            ])
        })
        .collect()
}
