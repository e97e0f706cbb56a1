//! Drawing the frame around the screens (header, filter bar, status line,
//! hints) and the screens themselves. It reads the state, except the
//! scroll cells the screens keep (see `widgets::scroll`), and places the
//! terminal's cursor in the field being typed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::action::Action;
use super::app::App;
use super::keymap::{Context, hint_actions};
use super::screens::{Screen, filters};
use crate::display::{inert, width};
use crate::tui::words::ui::action_label;

/// Below this, the layout does not fit: a message instead.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let core = &app.core;
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = Paragraph::new(Span::styled(core.ui().too_small, core.theme.error))
            .wrap(ratatui::widgets::Wrap { trim: true });
        frame.render_widget(msg, area);
        return;
    }
    let [header, filter_bar, body, status, hints] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    draw_header(app, frame, header);
    draw_filter_bar(app, frame, filter_bar);
    app.top().draw(core, frame, body);
    draw_status(app, frame, status);
    draw_hints(app, frame, hints);
    if let Some(overlay) = &app.overlay {
        let area = if overlay.in_hint_bar() { hints } else { body };
        overlay.draw(core, frame, area);
    }
}

fn draw_header(app: &App, frame: &mut Frame, area: Rect) {
    let core = &app.core;
    let ui = core.ui();
    let total = core.list.live();
    let shown = core.list.rows().len();
    let noun = if total == 1 {
        ui.initiative
    } else {
        ui.initiatives
    };
    let count = if shown == total {
        format!("{total} {noun}")
    } else {
        format!("{shown}/{total} {noun}")
    };
    let mut text = format!(
        " {} · {} · {count}",
        ui.app_title,
        inert(&core.session.ws.census.territory)
    );
    if core.session.read_only.is_some() {
        let mark = crate::tui::words::viewing::viewing(core.lang).mark;
        text.insert_str(1 + ui.app_title.len(), &format!(" · {mark}"));
    }
    let marks = core.list.marks.len();
    if marks > 0 {
        let t = crate::tui::words::legitimize::legit(core.lang);
        let word = if marks == 1 {
            t.marked_one
        } else {
            t.marked_many
        };
        text.push_str(&format!(" · {marks} {word}"));
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            core.theme.truncate(&text, area.width as usize).into_owned(),
            core.theme.title,
        )),
        area,
    );
}

fn draw_filter_bar(app: &App, frame: &mut Frame, area: Rect) {
    let core = &app.core;
    let ui = core.ui();
    let theme = &core.theme;
    let mut spans = vec![Span::styled(
        format!(" {}{}", ui.filters, ui.colon),
        theme.muted,
    )];
    let parts = filters::describe(core);
    if let Some(input) = core.list.search_input() {
        spans.push(Span::styled(
            format!("/{}", inert(input.text())),
            theme.focus,
        ));
        let before: String = input.text().chars().take(input.cursor()).collect();
        let x = spans.iter().map(|s| width(&s.content)).sum::<usize>()
            - width(&inert(input.text()))
            + width(&inert(&before));
        if app.overlay.is_none() && app.views.is_empty() {
            frame.set_cursor_position((area.x + x as u16, area.y));
        }
    } else if !core.list.query.trim().is_empty() {
        spans.push(Span::styled(
            format!("/{}", inert(&core.list.query)),
            theme.focus,
        ));
    }
    // The key that clears everything stays in view: the description of the
    // filters is cut first.
    let something = spans.len() > 1 || !parts.is_empty();
    let clear = core
        .keymap
        .first_key(Context::List, Action::ClearFilters)
        .filter(|_| something)
        .map(|k| {
            format!(
                "  ({}{}{})",
                k.label(core.lang),
                ui.colon,
                action_label(Action::ClearFilters, core.lang).1
            )
        });
    if !parts.is_empty() {
        if spans.len() > 1 {
            spans.push(Span::raw(theme.separator()));
        }
        let used = spans.iter().map(|s| width(&s.content)).sum::<usize>()
            + clear.as_deref().map_or(0, width);
        let room = (area.width as usize).saturating_sub(used);
        let text = parts.join(theme.separator());
        spans.push(Span::styled(
            theme.truncate(&text, room).into_owned(),
            theme.focus,
        ));
    }
    if !something {
        spans.push(Span::styled(ui.filter_none, theme.muted));
    } else if let Some(clear) = clear {
        spans.push(Span::styled(clear, theme.muted));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_status(app: &App, frame: &mut Frame, area: Rect) {
    let core = &app.core;
    let ui = core.ui();
    let theme = &core.theme;
    let file = core
        .session
        .ws
        .path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let saved = if core.session.saved {
        Span::styled(ui.saved, theme.success)
    } else {
        Span::styled(ui.not_saved, theme.error)
    };
    let dot = if theme.ascii { " - " } else { " · " };
    let mut spans = vec![
        Span::raw(format!(
            " {}{dot}{}{dot}",
            inert(&file),
            inert(&core.session.agent.name)
        )),
        saved,
    ];
    if core.session.read_only.is_some() {
        // Looked at only (the header says so): the room goes to why.
        spans = vec![Span::raw(" ")];
    }
    if core.conflicts > 0 {
        // The badge: conflicts left by a merge, and the key of their screen.
        let mark = if theme.ascii { "!" } else { "⚠" };
        let word = if core.conflicts > 1 {
            ui.conflict_many
        } else {
            ui.conflict_one
        };
        let key = core
            .keymap
            .first_key(Context::List, Action::Conflicts)
            .map(|k| format!(" ({})", k.label(core.lang)))
            .unwrap_or_default();
        spans.push(Span::raw(dot));
        spans.push(Span::styled(
            format!("{mark} {} {word}{key}", core.conflicts),
            theme.warning.add_modifier(ratatui::style::Modifier::BOLD),
        ));
    }
    if let Some(others) = core.also_open() {
        // Who else has the census open (see `tui::sharing`).
        spans.push(Span::raw(dot));
        spans.push(Span::styled(inert(&others).into_owned(), theme.muted));
    }
    if let Some(m) = &core.message {
        let style = if m.error { theme.error } else { theme.focus };
        if spans.len() > 1 {
            spans.push(Span::raw(theme.separator()));
        }
        let used = spans.iter().map(|s| width(&s.content)).sum::<usize>();
        let room = (area.width as usize).saturating_sub(used);
        // Without colour, bold alone does not tell an error: a word does.
        let text = crate::tui::words::flow::error_marked(&m.text, m.error, theme, core.lang);
        spans.push(Span::styled(
            theme.truncate(&inert(&text), room).into_owned(),
            style,
        ));
    }
    let line = Line::from(spans);
    frame.render_widget(Paragraph::new(line), area);
}

fn draw_hints(app: &App, frame: &mut Frame, area: Rect) {
    let core = &app.core;
    let context = app.context();
    let focused = app.focused();
    let mut spans = Vec::new();
    let mut used = 0;
    for action in hint_actions(context) {
        let Some(key) = core.keymap.first_key(context, *action) else {
            continue;
        };
        if core.session.read_only.is_some() && crate::tui::viewing::CHANGES.contains(action) {
            continue;
        }
        if focused.hides(core, *action) {
            continue;
        }
        let key = format!(" {}", key.label(core.lang));
        // What the key does here, when its general name would mislead.
        let name = match focused.meaning(core, *action) {
            Some(m) => crate::tui::words::flow::meaning_label(m, core.lang).1,
            None => action_label(*action, core.lang).1,
        };
        let what = format!(" {name} ");
        used += width(&key) + width(&what);
        // Only whole hints: the ones that do not fit are in the help (?).
        if used > area.width as usize {
            break;
        }
        spans.push(Span::styled(key, core.theme.key));
        spans.push(Span::raw(what));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
