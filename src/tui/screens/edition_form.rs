//! The form of a new edition of an event or a training, over its record:
//! date (today by default), place, number of participants, note.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::census::editions::EditionSpec;
use crate::census::id::InitiativeId;
use crate::census::time::Date;
use crate::display::inert;
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;
use crate::tui::words::followup::followup_ui;

#[derive(Debug, Clone)]
pub struct EditionForm {
    id: InitiativeId,
    /// Date, place, participants, note.
    fields: [TextInput; 4],
    focus: usize,
    error: Option<String>,
}

impl EditionForm {
    pub fn new(core: &Core, id: InitiativeId) -> EditionForm {
        let today = core.session.clock.now().date().to_string();
        EditionForm {
            id,
            fields: [
                TextInput::new(&today),
                TextInput::default(),
                TextInput::default(),
                TextInput::default(),
            ],
            focus: 0,
            error: None,
        }
    }

    /// What the fields say, or what is wrong with them.
    fn spec(&self, core: &Core) -> Result<EditionSpec, String> {
        let t = followup_ui(core.lang);
        let date = Date::parse(self.fields[0].text()).ok_or(t.bad_date)?;
        let n = self.fields[2].text().trim();
        let participants = if n.is_empty() {
            None
        } else {
            Some(n.parse::<u32>().map_err(|_| t.bad_number)?)
        };
        Ok(EditionSpec {
            date: Some(date),
            place: self.fields[1].text().to_string(),
            participants,
            note: self.fields[3].text().to_string(),
            with: Vec::new(),
        })
    }
}

impl Screen for EditionForm {
    fn context(&self, _core: &Core) -> Context {
        Context::Wizard
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        match input.action {
            Some(Action::Cancel) => return Effect::Close,
            Some(Action::NextField) => self.focus = (self.focus + 1) % self.fields.len(),
            Some(Action::PreviousField) => {
                self.focus = (self.focus + self.fields.len() - 1) % self.fields.len()
            }
            Some(Action::Confirm) => match self.spec(core) {
                Ok(spec) => match core.add_edition(&self.id, &spec) {
                    Ok(()) => return Effect::Close,
                    Err(e) => self.error = Some(e),
                },
                Err(e) => self.error = Some(e),
            },
            _ => {
                if self.fields[self.focus].handle(input.key) {
                    self.error = None;
                }
            }
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let t = followup_ui(core.lang);
        let theme = &core.theme;
        let ws = &core.session.ws;
        let name = ws
            .census
            .get(&self.id)
            .and_then(|i| i.value(&ws.schema.name_field));
        let title = fill(t.edition_form, &[("name", &inert(name.unwrap_or("?")))]);
        let popup = area.centered(Constraint::Max(64), Constraint::Length(9));
        frame.render_widget(Clear, popup);
        let block = Block::bordered()
            .border_set(theme.border())
            .border_style(theme.focus)
            .title(Span::styled(
                format!(
                    " {} ",
                    theme.truncate(&title, popup.width.saturating_sub(4) as usize)
                ),
                theme.title,
            ));
        let labels = [
            t.edition_date,
            t.edition_place,
            t.edition_participants,
            t.edition_note,
        ];
        let label_w = labels
            .iter()
            .map(|l| crate::display::width(l))
            .max()
            .unwrap_or(0);
        let mut lines: Vec<Line> = labels
            .iter()
            .zip(&self.fields)
            .enumerate()
            .map(|(n, (label, field))| {
                let pad = " ".repeat(label_w.saturating_sub(crate::display::width(label)));
                let pointer = if n == self.focus {
                    theme.pointer()
                } else {
                    " "
                };
                let style = if n == self.focus {
                    theme.selected
                } else {
                    theme.focus
                };
                Line::from(vec![
                    Span::raw(format!("{pointer} {label}{pad} ")),
                    Span::styled(inert(field.text()).into_owned(), style),
                ])
            })
            .collect();
        lines.push(Line::from(""));
        if let Some(e) = &self.error {
            lines.push(Line::from(Span::styled(e.clone(), theme.error)));
        }
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }
}
