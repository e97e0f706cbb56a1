//! The consent form, over a record: the decision (consent or withdrawal),
//! then for a consent its means and purposes (ticked), then the day the
//! person said it. Recorded through the session, like `recense consent`.

use crate::tui::widgets::error_text::error_span;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::census::consent::{self, ConsentChange, Means, Purpose};
use crate::census::id::InitiativeId;
use crate::display::{inert, width};
use crate::i18n::rgpd::{consent_text, means_label, purpose_label};
use crate::i18n::{Localized, fill};
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::picker::{Item, Picker};
use crate::tui::words::consent::consent_words;

const WITHDRAW: &str = "withdraw";

#[derive(Debug, Clone)]
pub struct ConsentForm {
    id: InitiativeId,
    name: String,
    decision: Picker,
    means: Picker,
    purposes: Picker,
    date: TextInput,
    /// 0 decision, 1 means, 2 purposes, 3 date (a withdrawal skips 1 and 2).
    focus: usize,
    error: Option<String>,
}

impl ConsentForm {
    pub fn open(core: &Core, id: InitiativeId) -> Option<ConsentForm> {
        let w = consent_words(core.lang);
        let lang = core.lang;
        let i = core.session.ws.census.get(&id)?;
        let name = inert(i.value(&core.session.ws.schema.name_field).unwrap_or("?")).into_owned();
        let given = consent::state(i).filter(|s| s.is_given());
        let decision = Picker::new(
            vec![
                Item::new("give", w.give, false),
                Item::new(WITHDRAW, w.withdraw, false),
            ],
            false,
        );
        let means = Means::ALL
            .iter()
            .map(|m| Item::new(m.id(), means_label(*m, lang), false))
            .collect();
        // The purposes in force are ticked already.
        let purposes = Purpose::ALL
            .iter()
            .map(|p| {
                let ticked = given.as_ref().is_some_and(|s| s.covers(*p));
                Item::new(p.id(), purpose_label(*p, lang), ticked)
            })
            .collect();
        Some(ConsentForm {
            id,
            name,
            decision,
            means: Picker::new(means, false),
            purposes: Picker::new(purposes, true),
            date: TextInput::new(&core.session.clock.now().date().to_string()),
            focus: 0,
            error: None,
        })
    }

    fn withdrawing(&self) -> bool {
        self.decision.current().is_some_and(|i| i.value == WITHDRAW)
    }

    fn next(&mut self) {
        self.focus = match self.focus {
            0 if self.withdrawing() => 3,
            n => (n + 1).min(3),
        };
    }

    fn previous(&mut self) {
        self.focus = match self.focus {
            3 if self.withdrawing() => 0,
            n => n.saturating_sub(1),
        };
    }

    fn submit(&mut self, core: &mut Core) -> Effect {
        let now = core.session.clock.now();
        let change = if self.withdrawing() {
            Ok(ConsentChange::Withdraw)
        } else {
            let means = self
                .means
                .current()
                .map(|i| i.value.clone())
                .unwrap_or_default();
            consent::parse_means(&means).and_then(|means| {
                let purposes = self.purposes.checked().join(",");
                consent::parse_purposes(&purposes)
                    .map(|purposes| ConsentChange::Give { means, purposes })
            })
        };
        let result = change.and_then(|change| {
            let date = consent::parse_date(self.date.text(), now)?;
            core.session.record_consent(&self.id, &change, Some(date))
        });
        match result {
            Ok(()) => {
                core.after_change(&self.id);
                let state = core
                    .session
                    .ws
                    .census
                    .get(&self.id)
                    .and_then(consent::state);
                let text = consent_text(state.as_ref(), core.lang);
                core.say(fill(consent_words(core.lang).recorded, &[("state", &text)]));
                Effect::Close
            }
            Err(e) => {
                self.error = Some(e.localize(core.lang));
                Effect::None
            }
        }
    }

    /// The lines of the form: label and value, the focused one pointed.
    fn lines(&self, core: &Core, room: usize) -> Vec<Line<'static>> {
        let theme = &core.theme;
        let w = consent_words(core.lang);
        let shown = |p: &Picker| p.current().map(|i| i.label.clone()).unwrap_or_default();
        let ticked: Vec<String> = self
            .purposes
            .items
            .iter()
            .filter(|i| i.checked)
            .map(|i| i.label.clone())
            .collect();
        let rows = [
            (w.decision, shown(&self.decision), true),
            (w.means, shown(&self.means), !self.withdrawing()),
            (w.purposes, ticked.join(", "), !self.withdrawing()),
            (w.date, self.date.text().to_string(), true),
        ];
        let label_width = rows.iter().map(|r| width(r.0)).max().unwrap_or(0);
        rows.iter()
            .enumerate()
            .filter(|(_, r)| r.2)
            .map(|(k, (label, value, _))| {
                let focused = k == self.focus;
                let pointer = if focused { theme.pointer() } else { " " };
                let pad = " ".repeat(label_width.saturating_sub(width(label)));
                let style = if focused { theme.focus } else { theme.normal };
                let value = theme.truncate(&inert(value), room).into_owned();
                Line::from(vec![
                    Span::styled(format!("{pointer} {label}{pad}"), style),
                    Span::raw(core.ui().colon),
                    Span::styled(value, style),
                ])
            })
            .collect()
    }
}

impl Screen for ConsentForm {
    fn context(&self, _core: &Core) -> Context {
        if self.focus == 3 {
            Context::Wizard
        } else {
            Context::Picker
        }
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        match input.action {
            Some(Action::Cancel) => return Effect::Close,
            Some(Action::NextField) => self.next(),
            Some(Action::PreviousField) => self.previous(),
            Some(Action::Confirm) if self.focus < 3 => self.next(),
            Some(Action::Confirm) => return self.submit(core),
            _ => {
                let picker = match self.focus {
                    0 => Some(&mut self.decision),
                    1 => Some(&mut self.means),
                    2 => Some(&mut self.purposes),
                    _ => None,
                };
                match (picker, input.action) {
                    (Some(p), Some(Action::MoveDown)) => p.move_down(),
                    (Some(p), Some(Action::MoveUp)) => p.move_up(),
                    (Some(p), Some(Action::Toggle)) => p.toggle(),
                    (Some(p), _) => {
                        p.type_key(input.key);
                    }
                    (None, _) => {
                        self.date.handle(input.key);
                    }
                }
            }
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let w = consent_words(core.lang);
        frame.render_widget(Clear, area);
        let block = Block::bordered()
            .border_set(theme.border())
            .border_style(theme.focus)
            .title(Span::styled(
                format!(
                    " {} ",
                    theme.truncate(w.title, area.width.saturating_sub(4) as usize)
                ),
                theme.title,
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let state = core
            .session
            .ws
            .census
            .get(&self.id)
            .and_then(consent::state);
        let in_force = format!(
            "{}{}{}",
            w.now_in_force,
            core.ui().colon,
            consent_text(state.as_ref(), core.lang)
        );
        let lines = self.lines(core, (inner.width as usize).saturating_sub(16));
        let [subject, current, fields, rest] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(lines.len() as u16),
            Constraint::Fill(1),
        ]));
        let width = inner.width as usize;
        frame.render_widget(
            Paragraph::new(Span::styled(
                theme.truncate(&self.name, width).into_owned(),
                theme.focus,
            )),
            subject,
        );
        frame.render_widget(
            Paragraph::new(Span::styled(in_force, theme.muted)).wrap(Wrap { trim: true }),
            current,
        );
        frame.render_widget(Paragraph::new(lines), fields);
        if self.focus == 3 {
            // The cursor in the date, on the last line of the form.
            let labels = [w.decision, w.means, w.purposes, w.date];
            let label_width = labels
                .iter()
                .map(|l| crate::display::width(l))
                .max()
                .unwrap_or(0);
            let before: String = self.date.text().chars().take(self.date.cursor()).collect();
            let x = 2
                + label_width
                + crate::display::width(core.ui().colon)
                + crate::display::width(&inert(&before));
            let x = (x as u16).min(fields.width.saturating_sub(1));
            frame.set_cursor_position((fields.x + x, fields.y + fields.height.saturating_sub(1)));
        }
        let [gap, list, below] = rest.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(if self.error.is_some() { 3 } else { 1 }),
        ]));
        let _ = gap;
        let picker = match self.focus {
            0 => Some(&self.decision),
            1 => Some(&self.means),
            2 => Some(&self.purposes),
            _ => None,
        };
        // A picker writes its own hint under its items.
        let mut text = Vec::new();
        if let Some(e) = &self.error {
            text.push(Line::from(error_span(e, theme, core.lang)));
        }
        match picker {
            Some(p) => p.draw(theme, core.lang, frame, list, w.picker_hint),
            None => text.push(Line::from(Span::styled(w.text_hint, theme.muted))),
        }
        frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), below);
    }
}
