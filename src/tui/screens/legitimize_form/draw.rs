//! Drawing the legitimizing forms and their result: reads the state.

use crate::tui::widgets::error_text::error_span;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::census::status;
use crate::display::{inert, width};
use crate::tui::app::Core;
use crate::tui::words::legitimize::legit;

use super::{Kind, LegitimizeForm, Report, Widget};

impl LegitimizeForm {
    pub(super) fn draw_form(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        // The whole body: the form is all there is to look at while open.
        let popup = area;
        frame.render_widget(Clear, popup);
        let title = match &self.report {
            Some(r) => r.title.as_str(),
            None => self.title(core),
        };
        let block = Block::bordered()
            .border_set(theme.border())
            .border_style(theme.focus)
            .title(Span::styled(
                format!(
                    " {} ",
                    theme.truncate(title, popup.width.saturating_sub(4) as usize)
                ),
                theme.title,
            ));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [subject, body] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        frame.render_widget(
            Paragraph::new(Span::styled(
                theme.truncate(&self.subject, subject.width as usize),
                theme.focus,
            )),
            subject,
        );
        if let Some(report) = &self.report {
            self.draw_report(core, report, frame, body);
            return;
        }
        let n = self.fields.len() as u16;
        let [fields, rest] = body.layout(&Layout::vertical([
            Constraint::Length(n),
            Constraint::Fill(1),
        ]));
        let label_width = self
            .fields
            .iter()
            .map(|f| width(f.label))
            .max()
            .unwrap_or(0);
        let room = (fields.width as usize).saturating_sub(label_width + 6);
        let lines: Vec<Line> = self
            .fields
            .iter()
            .enumerate()
            .map(|(k, f)| {
                let focused = k == self.focus;
                let pointer = if focused { theme.pointer() } else { " " };
                let pad = " ".repeat(label_width.saturating_sub(width(f.label)));
                let value = theme.truncate(&inert(&f.shown()), room).into_owned();
                let style = if focused { theme.focus } else { theme.normal };
                // A value filled in beforehand, that typing replaces, shows
                // selected.
                let value_style = match &f.widget {
                    super::Widget::Text(t) if focused && t.replaces_on_type() => theme.selected,
                    _ => style,
                };
                Line::from(vec![
                    Span::styled(format!("{pointer} {}{pad}", f.label), style),
                    Span::raw(core.ui().colon),
                    Span::styled(value, value_style),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), fields);
        match self.fields.get(self.focus).map(|f| &f.widget) {
            Some(Widget::Pick(p)) => {
                let [gap, list, error] = rest.layout(&Layout::vertical([
                    Constraint::Length(1),
                    Constraint::Fill(1),
                    Constraint::Length(if self.error.is_some() { 2 } else { 0 }),
                ]));
                let _ = gap;
                p.draw(theme, core.lang, frame, list, core.ui().pick_hint);
                self.draw_error(core, frame, error);
            }
            Some(Widget::Text(t)) => {
                // The cursor, in the focused line.
                let before: String = t.text().chars().take(t.cursor()).collect();
                let x = 2 + label_width + width(core.ui().colon) + width(&inert(&before));
                let x = (x as u16).min(fields.width.saturating_sub(1));
                frame.set_cursor_position((fields.x + x, fields.y + self.focus as u16));
                self.draw_below(core, frame, rest);
            }
            Some(Widget::Area(t)) => {
                let [gap, text, below] = rest.layout(&Layout::vertical([
                    Constraint::Length(1),
                    Constraint::Length(6),
                    Constraint::Fill(1),
                ]));
                let _ = gap;
                let block = Block::bordered()
                    .border_set(theme.border())
                    .border_style(theme.focus);
                let inner = block.inner(text);
                frame.render_widget(block, text);
                t.draw(frame, inner);
                // The keys of a text area are the hint bar's.
                self.draw_error(core, frame, below);
            }
            None => {}
        }
    }

    /// Under the text fields: what a status change would lack, the error,
    /// the keys.
    fn draw_below(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let t = legit(core.lang);
        let mut lines = vec![Line::default()];
        if let Some(e) = &self.error {
            lines.push(Line::from(error_span(e, theme, core.lang)));
            lines.push(Line::default());
        }
        if self.kind == Kind::Status
            && let [id] = self.targets.as_slice()
            && let Some(i) = core.session.ws.census.get(id)
        {
            let target = self.value(0);
            let today = core.session.clock.now().date();
            let missing = status::missing_to_reach(&core.session.ws.schema, i, &target, today);
            if !missing.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!("{}{}", t.status_missing, core.ui().colon.trim_end()),
                    theme.warning,
                )));
                for m in &missing {
                    lines.push(Line::from(format!(
                        "- {}",
                        crate::tui::refusals::missing_here(
                            &crate::tui::refusals::Here::of(core),
                            m
                        )
                    )));
                }
                lines.push(Line::default());
            }
        }
        let hint = match self.kind {
            Kind::Evidence => t.evidence_hint,
            _ => t.text_hint,
        };
        lines.push(Line::from(Span::styled(hint, theme.muted)));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    }

    fn draw_error(&self, core: &Core, frame: &mut Frame, area: Rect) {
        if let Some(e) = &self.error {
            frame.render_widget(
                Paragraph::new(error_span(e, &core.theme, core.lang)).wrap(Wrap { trim: true }),
                area,
            );
        }
    }

    fn draw_report(&self, core: &Core, report: &Report, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let mut lines = vec![Line::default()];
        for (text, refused) in &report.lines {
            let style = if *refused { theme.error } else { theme.normal };
            lines.push(Line::from(Span::styled(text.clone(), style)));
        }
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            legit(core.lang).close_hint,
            theme.muted,
        )));
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((report.scroll, 0)),
            area,
        );
    }
}
