//! The form of a support received (`$` on a record): kind (an id or a label
//! of the support kinds), year (this year by default), amount in euros if
//! known, from whom, note. It records what `recense support add` records.

use crate::tui::widgets::error_text::error_span;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::census::id::InitiativeId;
use crate::census::supports::{NewSupport, SupportError, kinds_list, parse_amount};
use crate::display::inert;
use crate::i18n::{Localized, fill};
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::text_fields::{self, FormKey};
use crate::tui::words::supports::support_ui;

#[derive(Debug, Clone)]
pub struct SupportForm {
    id: InitiativeId,
    /// Kind, year, amount, from whom, note.
    fields: [TextInput; 5],
    focus: usize,
    error: Option<String>,
}

impl SupportForm {
    pub fn new(core: &Core, id: InitiativeId) -> SupportForm {
        let year = core.session.clock.now().date().year.to_string();
        SupportForm {
            id,
            fields: [
                TextInput::default(),
                TextInput::new(&year),
                TextInput::default(),
                TextInput::default(),
                TextInput::default(),
            ],
            focus: 0,
            error: None,
        }
    }

    /// What the fields say, or what is wrong with them.
    fn support(&self, core: &Core) -> Result<NewSupport, String> {
        let t = support_ui(core.lang);
        let year = self.fields[1].text().trim();
        let year = year.parse::<i32>().map_err(|_| t.bad_year.to_string())?;
        let amount = match self.fields[2].text().trim() {
            "" => None,
            text => Some(
                parse_amount(text)
                    .ok_or_else(|| SupportError::Amount(text.to_string()).localize(core.lang))?,
            ),
        };
        Ok(NewSupport {
            kind: self.fields[0].text().trim().to_string(),
            year,
            amount,
            from: self.fields[3].text().to_string(),
            note: self.fields[4].text().to_string(),
        })
    }
}

impl Core {
    /// Records a support of `id`; on disk when this returns `Ok`.
    pub fn add_support(&mut self, id: &InitiativeId, new: &NewSupport) -> Result<(), String> {
        (self.session.add_support(id, new)).map_err(|e| e.localize(self.lang))?;
        self.after_change(id);
        let ws = &self.session.ws;
        let name = ws
            .census
            .get(id)
            .and_then(|i| i.value(&ws.schema.name_field))
            .unwrap_or("?");
        let text = fill(support_ui(self.lang).added, &[("name", &inert(name))]);
        self.say(text);
        Ok(())
    }
}

impl Screen for SupportForm {
    fn context(&self, _core: &Core) -> Context {
        Context::Wizard
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        match text_fields::keys(&mut self.fields, &mut self.focus, &input) {
            FormKey::Close => return Effect::Close,
            FormKey::Submit => match self.support(core) {
                Ok(new) => match core.add_support(&self.id, &new) {
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
        let t = support_ui(core.lang);
        let theme = &core.theme;
        let ws = &core.session.ws;
        let name = ws
            .census
            .get(&self.id)
            .and_then(|i| i.value(&ws.schema.name_field));
        let title = fill(t.form, &[("name", &inert(name.unwrap_or("?")))]);
        let (popup, block) = text_fields::popup(core, frame, area, &title, (70, 12));
        let labels = [t.kind, t.year, t.amount, t.from, t.note];
        let mut lines = text_fields::lines(core, &labels, &self.fields, self.focus);
        let kinds: Vec<&str> = kinds_list(&ws.schema)
            .map(|list| {
                ws.schema
                    .choices(list)
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect()
            })
            .unwrap_or_default();
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            fill(t.kinds, &[("list", &kinds.join(", "))]),
            theme.muted,
        )));
        if let Some(e) = &self.error {
            lines.push(Line::from(error_span(e, theme, core.lang)));
        }
        frame.render_widget(
            Paragraph::new(lines)
                .block(block)
                .wrap(Wrap { trim: false }),
            popup,
        );
    }
}
