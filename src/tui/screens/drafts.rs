//! The drafts waiting to be taken up, offered by `a` and at start: resume
//! one, start an empty record, or throw one away. An empty entry never
//! replaces a draft: each entry keeps its own (`census::draft`).

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::census::draft::Draft;
use crate::display::inert;
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input, Overlay, View};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::wizard::WizardState;
use crate::tui::words::flow::{Meaning, flow_ui};

#[derive(Debug)]
pub struct DraftsChoice {
    drafts: Vec<Draft>,
    /// A draft, or past the last one: an empty record.
    selected: usize,
}

/// What `a` opens: the drafts kept, if any, else an empty entry.
pub fn new_entry(core: &Core) -> Effect {
    match DraftsChoice::open(core) {
        Some(choice) => Effect::Overlay(Overlay::Drafts(choice)),
        None => Effect::Push(View::Wizard(Box::new(WizardState::new(core, None)))),
    }
}

impl DraftsChoice {
    /// The drafts kept beside the census; `None` when there are none.
    pub fn open(core: &Core) -> Option<DraftsChoice> {
        let drafts = Draft::load_all(&core.session.ws.path);
        (!drafts.is_empty()).then_some(DraftsChoice {
            drafts,
            selected: 0,
        })
    }

    fn label(&self, core: &Core, d: &Draft) -> String {
        let t = flow_ui(core.lang);
        let name = d.value(&core.session.ws.schema.name_field);
        let what = match name {
            Some(n) => fill(t.draft_resume, &[("name", &inert(n))]),
            None => t.draft_unnamed.to_string(),
        };
        let step = d.step + 1;
        let n = d.values.len();
        let detail = if n == 1 {
            fill(t.draft_one_field, &[("step", &step)])
        } else {
            fill(t.draft_fields, &[("step", &step), ("n", &n)])
        };
        format!("{what} ({detail})")
    }
}

impl Screen for DraftsChoice {
    fn context(&self, _core: &Core) -> Context {
        Context::Drafts
    }

    fn meaning(&self, _core: &Core, action: Action) -> Option<Meaning> {
        match action {
            Action::Confirm => Some(Meaning::Choose),
            Action::Delete => Some(Meaning::DropDraft),
            Action::Cancel => Some(Meaning::Later),
            _ => None,
        }
    }

    fn hides(&self, _core: &Core, action: Action) -> bool {
        // Nothing to throw away on « an empty record ».
        action == Action::Delete && self.selected >= self.drafts.len()
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        let last = self.drafts.len();
        match input.action {
            Some(Action::MoveDown) => self.selected = (self.selected + 1).min(last),
            Some(Action::MoveUp) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Top) => self.selected = 0,
            Some(Action::Bottom) => self.selected = last,
            Some(Action::Confirm) => {
                let wizard = match self.drafts.get(self.selected) {
                    Some(d) => WizardState::from_draft(core, d.clone()),
                    None => WizardState::new(core, None),
                };
                return Effect::Close.then(Effect::Push(View::Wizard(Box::new(wizard))));
            }
            Some(Action::Delete) if self.selected < last => {
                let d = self.drafts.remove(self.selected);
                core.drop_draft(&d.id);
                let name = d
                    .value(&core.session.ws.schema.name_field)
                    .map_or_else(String::new, |n| inert(n).into_owned());
                core.say(fill(flow_ui(core.lang).draft_dropped, &[("name", &name)]));
            }
            Some(Action::Cancel) => {
                let key = core
                    .keymap
                    .first_key(Context::List, Action::New)
                    .map(|k| k.label(core.lang))
                    .unwrap_or_default();
                core.say(fill(flow_ui(core.lang).drafts_waiting, &[("key", &key)]));
                return Effect::Close;
            }
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let t = flow_ui(core.lang);
        let height = (self.drafts.len() as u16 + 3).min(area.height);
        let popup = area.centered(Constraint::Max(78), Constraint::Length(height));
        frame.render_widget(Clear, popup);
        let block = Block::bordered()
            .border_set(theme.border())
            .border_style(theme.focus)
            .title(Span::styled(format!(" {} ", t.drafts_title), theme.title));
        let inner = block.inner(popup);
        let width = inner.width as usize;
        let rows = self
            .drafts
            .iter()
            .map(|d| self.label(core, d))
            .chain(std::iter::once(t.draft_new.to_string()));
        // The selected row stays in view when the drafts do not all fit.
        let room = inner.height as usize;
        let first = self.selected.saturating_sub(room.saturating_sub(1));
        let lines: Vec<Line> = rows
            .enumerate()
            .skip(first)
            .take(room)
            .map(|(n, text)| {
                let selected = n == self.selected;
                let pointer = if selected { theme.pointer() } else { " " };
                let style = if selected {
                    theme.selected
                } else {
                    theme.normal
                };
                let text = format!("{pointer} {text}");
                Line::from(Span::styled(
                    theme.truncate(&text, width).into_owned(),
                    style,
                ))
            })
            .collect();
        frame.render_widget(Paragraph::new(lines).block(block), popup);
    }
}
