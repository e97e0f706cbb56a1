//! Questions that need an answer before anything else: confirm a deletion,
//! add in a commune without any. (Drafts are offered by `drafts.rs`.)

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::census::draft::Draft;
use crate::census::id::InitiativeId;
use crate::display::inert;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input, View};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::wizard::WizardState;
use crate::tui::words::ui::action_label;

#[derive(Debug)]
pub enum Dialog {
    ConfirmDelete(InitiativeId),
    /// Add an initiative in a commune without any (from the dashboard's
    /// white zones), the commune filled in.
    AddIn(crate::tui::screens::white_zones::WhiteZone),
}

impl Screen for Dialog {
    fn context(&self, _core: &Core) -> Context {
        Context::Dialog
    }

    /// An answer closes the question.
    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        let yes = matches!(input.action, Some(Action::Yes));
        let no = matches!(input.action, Some(Action::No));
        if !yes && !no {
            return Effect::None;
        }
        match self {
            Dialog::ConfirmDelete(id) => {
                if yes {
                    match core.delete(id) {
                        Ok(()) => core.say(core.ui().deleted_done),
                        Err(e) => core.error(e),
                    }
                    // A deleted initiative has no detail view to stay in.
                    return Effect::Close.then(Effect::Close);
                }
                Effect::Close
            }
            Dialog::AddIn(zone) => {
                if yes {
                    let mut values = vec![
                        ("commune".to_string(), vec![zone.name.clone()]),
                        ("code_insee".to_string(), vec![zone.code_insee.clone()]),
                    ];
                    values.extend(
                        zone.code_postal
                            .iter()
                            .map(|p| ("code_postal".to_string(), vec![p.clone()])),
                    );
                    let draft = Draft {
                        id: String::new(),
                        values,
                        step: 0,
                        field: 0,
                        copy_of: None,
                    };
                    let wizard = WizardState::from_draft(core, draft);
                    return Effect::Close.then(Effect::Push(View::Wizard(Box::new(wizard))));
                }
                Effect::Close
            }
        }
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let ui = core.ui();
        let theme = &core.theme;
        let text = match self {
            Dialog::ConfirmDelete(id) => {
                let name = core
                    .session
                    .ws
                    .census
                    .get(id)
                    .and_then(|i| i.value(&core.session.ws.schema.name_field))
                    .unwrap_or("?");
                ui.confirm_delete.replace("{}", &inert(name))
            }
            Dialog::AddIn(zone) => crate::i18n::fill(
                crate::tui::words::territory::territory_ui(core.lang).add_here,
                &[("commune", &inert(&zone.name))],
            ),
        };
        let popup = area.centered(Constraint::Max(64), Constraint::Length(7));
        frame.render_widget(Clear, popup);
        let block = Block::bordered()
            .border_set(theme.border())
            .border_style(theme.focus);
        // The answers, from the keymap (as the hint bar): what is written is
        // what works.
        let keys = |action| {
            core.keymap
                .first_key(Context::Dialog, action)
                .map(|k| k.label(core.lang))
                .unwrap_or_default()
        };
        let answers = format!(
            "{}{}{} · {}{}{}",
            keys(Action::Yes),
            ui.colon,
            action_label(Action::Yes, core.lang).1,
            keys(Action::No),
            ui.colon,
            action_label(Action::No, core.lang).1
        );
        let body = vec![
            Line::from(text),
            Line::from(""),
            Line::from(Span::styled(answers, theme.key)),
        ];
        frame.render_widget(
            Paragraph::new(body).wrap(Wrap { trim: true }).block(block),
            popup,
        );
    }
}
