//! The form of a new edition of an event or a training, over its record:
//! date (today by default), place, number of participants, note.

use crate::tui::widgets::error_text::error_span;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::census::editions::EditionSpec;
use crate::census::id::InitiativeId;
use crate::census::time::Date;
use crate::display::inert;
use crate::i18n::fill;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::text_fields::{self, FormKey};
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
        match text_fields::keys(&mut self.fields, &mut self.focus, &input) {
            FormKey::Close => return Effect::Close,
            FormKey::Submit => match self.spec(core) {
                Ok(spec) => match core.add_edition(&self.id, &spec) {
                    Ok(()) => return Effect::Close,
                    Err(e) => self.error = Some(e),
                },
                Err(e) => self.error = Some(e),
            },
            FormKey::Typed => self.error = None,
            FormKey::Other => {}
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
        let (popup, block) = text_fields::popup(core, frame, area, &title, (64, 9));
        let labels = [
            t.edition_date,
            t.edition_place,
            t.edition_participants,
            t.edition_note,
        ];
        let mut lines = text_fields::lines(core, &labels, &self.fields, self.focus);
        lines.push(Line::from(""));
        if let Some(e) = &self.error {
            lines.push(Line::from(error_span(e, theme, core.lang)));
        }
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }
}
