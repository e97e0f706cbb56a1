//! The action form (`A` on a record): the kind (a picker of the eight), a
//! note, an optional next step with its date typed as the command line
//! takes it (`15/03`, `2026-03-15`, `+7j`, `lundi`) and whom it is for, the
//! day it was done, and optionally the status it moved the initiative to —
//! recorded together. Enter on a text field records; Tab moves on.

use crate::tui::widgets::error_text::error_span;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::census::actions::{ACTION_KINDS, ActionError, KINDS, NewAction, NextStep};
use crate::census::days::{Toward, parse_day};
use crate::census::id::InitiativeId;
use crate::census::status::Status;
use crate::display::{inert, width};
use crate::i18n::{Localized, fill, status_label, status_name};
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::picker::{Item, Picker};
use crate::tui::words::actions::follow;

#[derive(Debug, Clone)]
enum Widget {
    Pick(Picker),
    Text(TextInput),
}

/// The fields, in the order shown.
const KIND: usize = 0;
const NOTE: usize = 1;
const NEXT: usize = 2;
const DUE: usize = 3;
const FOR: usize = 4;
const DATE: usize = 5;
const STATUS: usize = 6;

#[derive(Debug, Clone)]
pub struct ActionForm {
    id: InitiativeId,
    subject: String,
    fields: Vec<(&'static str, Widget)>,
    focus: usize,
    error: Option<String>,
}

impl ActionForm {
    pub fn new(core: &Core, id: InitiativeId) -> Option<ActionForm> {
        let t = follow(core.lang);
        let ws = &core.session.ws;
        let i = ws.census.get(&id).filter(|i| i.is_live())?;
        let name = inert(i.value(&ws.schema.name_field).unwrap_or("?")).into_owned();
        let kinds = KINDS
            .iter()
            .map(|k| {
                Item::new(
                    *k,
                    ws.schema.choice_label(ACTION_KINDS, k, core.lang),
                    false,
                )
            })
            .collect();
        let mut statuses = vec![Item::new("", t.status_unchanged, true)];
        statuses.extend(
            Status::ALL
                .into_iter()
                .map(|s| Item::new(s.id(), status_name(s, core.lang), false)),
        );
        let today = core.session.clock.now().date().to_string();
        let text = |s: &str| Widget::Text(TextInput::new(s));
        Some(ActionForm {
            id,
            subject: format!("« {name} »"),
            fields: vec![
                (t.kind, Widget::Pick(Picker::new(kinds, false))),
                (t.note, text("")),
                (t.next, text("")),
                (t.due, text("")),
                (t.for_agent, text("")),
                (t.date, text(&today)),
                (t.status, Widget::Pick(Picker::new(statuses, false))),
            ],
            focus: 0,
            error: None,
        })
    }

    fn value(&self, n: usize) -> String {
        match self.fields.get(n).map(|f| &f.1) {
            Some(Widget::Pick(p)) => p.current().map(|i| i.value.clone()).unwrap_or_default(),
            Some(Widget::Text(t)) => t.text().trim().to_string(),
            None => String::new(),
        }
    }

    fn shown(&self, n: usize) -> String {
        match self.fields.get(n).map(|f| &f.1) {
            Some(Widget::Pick(p)) => p.current().map(|i| i.label.clone()).unwrap_or_default(),
            Some(Widget::Text(t)) => t.text().to_string(),
            None => String::new(),
        }
    }

    /// The action the fields describe, or why not.
    fn action(&self, core: &mut Core) -> Result<NewAction, ActionError> {
        let today = core.session.clock.now().date();
        let day = |text: String, toward| {
            parse_day(&text, today, toward).ok_or(ActionError::BadDate(text))
        };
        let (next, due, whom) = (self.value(NEXT), self.value(DUE), self.value(FOR));
        let next = match (next.is_empty(), due.is_empty()) {
            (true, true) if whom.is_empty() => None,
            (true, _) => return Err(ActionError::DueWithoutNext),
            (false, true) => return Err(ActionError::NextWithoutDue),
            (false, false) => Some(NextStep {
                text: next,
                due: day(due, Toward::Future)?,
                for_agent: core.session.ws.census.agent_for(&whom),
            }),
        };
        let date = self.value(DATE);
        Ok(NewAction {
            kind: self.value(KIND),
            date: if date.is_empty() {
                None
            } else {
                Some(day(date, Toward::Past)?)
            },
            note: self.value(NOTE),
            next,
        })
    }

    fn submit(&mut self, core: &mut Core) -> Effect {
        let t = follow(core.lang);
        let new = match self.action(core) {
            Ok(a) => a,
            Err(e) => {
                self.error = Some(match e {
                    ActionError::NextWithoutDue => t.need_due.to_string(),
                    ActionError::DueWithoutNext => t.need_next.to_string(),
                    e => e.localize(core.lang),
                });
                return Effect::None;
            }
        };
        let status = self.value(STATUS);
        let result = if status.is_empty() {
            core.session
                .add_action(&self.id, &new)
                .map_err(|e| e.localize(core.lang))
        } else {
            let comment = new.note.clone();
            core.session
                .set_status_with_action(&self.id, &status, &comment, &new)
                .map_err(|e| e.localize(core.lang))
        };
        if let Err(e) = result {
            self.error = Some(e);
            return Effect::None;
        }
        core.after_change(&self.id);
        let text = match (&new.next, status.is_empty()) {
            (_, false) => fill(
                t.added_status,
                &[("status", &status_label(&status, core.lang))],
            ),
            (Some(n), true) => fill(t.added_next, &[("due", &n.due)]),
            (None, true) => t.added.to_string(),
        };
        core.say(text);
        Effect::Close
    }
}

impl Screen for ActionForm {
    fn context(&self, _core: &Core) -> Context {
        match self.fields.get(self.focus).map(|f| &f.1) {
            Some(Widget::Pick(_)) => Context::Picker,
            _ => Context::Wizard,
        }
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        let last = self.fields.len() - 1;
        let on_text = matches!(
            self.fields.get(self.focus).map(|f| &f.1),
            Some(Widget::Text(_))
        );
        match input.action {
            Some(Action::Cancel) => return Effect::Close,
            Some(Action::NextField) => self.focus = (self.focus + 1).min(last),
            Some(Action::PreviousField) => self.focus = self.focus.saturating_sub(1),
            Some(Action::Confirm) if on_text || self.focus == last => return self.submit(core),
            Some(Action::Confirm) => self.focus += 1,
            _ => match self.fields.get_mut(self.focus).map(|f| &mut f.1) {
                Some(Widget::Pick(p)) => match input.action {
                    Some(Action::MoveDown) => p.move_down(),
                    Some(Action::MoveUp) => p.move_up(),
                    _ => {
                        p.type_key(input.key);
                    }
                },
                Some(Widget::Text(t)) => {
                    t.handle(input.key);
                }
                None => {}
            },
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let t = follow(core.lang);
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .border_set(theme.border())
            .border_style(theme.focus)
            .title(Span::styled(format!(" {} ", t.form_title), theme.title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [subject, fields, rest] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(self.fields.len() as u16),
            Constraint::Fill(1),
        ]));
        frame.render_widget(
            Paragraph::new(Span::styled(
                theme.truncate(&self.subject, subject.width as usize),
                theme.focus,
            )),
            subject,
        );
        let label_width = self.fields.iter().map(|f| width(f.0)).max().unwrap_or(0);
        let colon = core.ui().colon;
        let room = (fields.width as usize).saturating_sub(label_width + 2 + width(colon));
        let lines: Vec<Line> = (0..self.fields.len())
            .map(|k| {
                let focused = k == self.focus;
                let pointer = if focused { theme.pointer() } else { " " };
                let label = self.fields[k].0;
                let pad = " ".repeat(label_width.saturating_sub(width(label)));
                let style = if focused { theme.focus } else { theme.normal };
                let value = theme.truncate(&inert(&self.shown(k)), room).into_owned();
                Line::from(vec![
                    Span::styled(format!("{pointer} {label}{pad}"), style),
                    Span::raw(colon),
                    Span::styled(value, style),
                ])
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), fields);
        let mut below = vec![Line::default()];
        if let Some(e) = &self.error {
            below.push(Line::from(error_span(e, theme, core.lang)));
        }
        match self.fields.get(self.focus).map(|f| &f.1) {
            Some(Widget::Pick(p)) => {
                let n = below.len() as u16;
                let [msg, list] = rest.layout(&Layout::vertical([
                    Constraint::Length(n),
                    Constraint::Fill(1),
                ]));
                frame.render_widget(Paragraph::new(below).wrap(Wrap { trim: true }), msg);
                p.draw(theme, core.lang, frame, list, core.ui().pick_hint);
            }
            Some(Widget::Text(input)) => {
                let before: String = input.text().chars().take(input.cursor()).collect();
                let x = 2 + label_width + width(colon) + width(&inert(&before));
                let x = (x as u16).min(fields.width.saturating_sub(1));
                frame.set_cursor_position((fields.x + x, fields.y + self.focus as u16));
                below.push(Line::from(Span::styled(t.form_hint, theme.muted)));
                frame.render_widget(Paragraph::new(below).wrap(Wrap { trim: false }), rest);
            }
            None => {}
        }
    }
}
