//! The bin: the initiatives deleted (by anyone), newest deletion first,
//! with who deleted them and when; Enter brings one back. Reached by `b`
//! from the list and by `:corbeille`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::census::carry::author_of;
use crate::census::id::InitiativeId;
use crate::census::model::system;
use crate::display::inert;
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::words::flow::flow_ui;

/// A deleted initiative as the bin lists it.
#[derive(Debug, Clone)]
struct Deleted {
    id: InitiativeId,
    name: String,
    when: String,
}

#[derive(Debug, Clone, Default)]
pub struct BinState {
    rows: Vec<Deleted>,
    selected: usize,
    /// The census's revision the rows were computed at.
    revision: u64,
}

impl BinState {
    pub fn new(core: &Core) -> BinState {
        let mut bin = BinState::default();
        bin.compute(core);
        bin
    }

    fn compute(&mut self, core: &Core) {
        let ws = &core.session.ws;
        let census = &ws.census;
        let t = flow_ui(core.lang);
        let mut rows: Vec<(Option<crate::census::time::Timestamp>, Deleted)> = census
            .initiatives
            .iter()
            .filter(|i| i.is_deleted() && i.merged_into().is_none())
            .map(|i| {
                let entry = i.entries(system::DELETED).last();
                let at = entry.and_then(|e| e.stamp.at());
                let who = entry
                    .and_then(author_of)
                    .map(|a| {
                        census
                            .agents
                            .get(&a)
                            .cloned()
                            .unwrap_or_else(|| a.to_string())
                    })
                    .unwrap_or_default();
                let date = at.map(|t| t.date().to_string()).unwrap_or_default();
                let name = i.value(&ws.schema.name_field).unwrap_or("?");
                let name = match i.value("commune") {
                    Some(c) => format!("{name} ({c})"),
                    None => name.to_string(),
                };
                let when = fill(t.bin_when, &[("date", &date), ("who", &who)]);
                (
                    at,
                    Deleted {
                        id: i.id.clone(),
                        name: inert(&name).into_owned(),
                        when: inert(&when).into_owned(),
                    },
                )
            })
            .collect();
        rows.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        self.rows = rows.into_iter().map(|(_, d)| d).collect();
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.revision = core.revision;
    }
}

impl Screen for BinState {
    fn context(&self, _core: &Core) -> Context {
        Context::Bin
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        let last = self.rows.len().saturating_sub(1);
        match input.action {
            Some(Action::MoveDown) => self.selected = (self.selected + 1).min(last),
            Some(Action::MoveUp) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Top) => self.selected = 0,
            Some(Action::Bottom) => self.selected = last,
            Some(Action::PageDown) => self.selected = (self.selected + 10).min(last),
            Some(Action::PageUp) => self.selected = self.selected.saturating_sub(10),
            Some(Action::Restore) => {
                if let Some(row) = self.rows.get(self.selected) {
                    let id = row.id.clone();
                    if let Err(e) = core.restore(&id) {
                        core.error(e);
                    }
                    self.compute(core);
                }
            }
            Some(Action::Back) => return Effect::Close,
            _ => {}
        }
        Effect::None
    }

    fn hides(&self, _core: &Core, action: Action) -> bool {
        action == Action::Restore && self.rows.is_empty()
    }

    fn on_top(&mut self, core: &Core) {
        if self.revision != core.revision {
            self.compute(core);
        }
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let t = flow_ui(core.lang);
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(format!(" {} ", t.bin_title), theme.title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(t.bin_empty, theme.muted)).wrap(Wrap { trim: true }),
                inner,
            );
            return;
        }
        // Two lines a row: the name, then who deleted it and when.
        let per_page = (inner.height as usize / 2).max(1);
        let first = self.selected.saturating_sub(per_page - 1);
        let width = inner.width as usize;
        let mut lines = Vec::new();
        for (n, row) in self.rows.iter().enumerate().skip(first).take(per_page) {
            let selected = n == self.selected;
            let pointer = if selected { theme.pointer() } else { " " };
            let style = if selected {
                theme.selected
            } else {
                theme.normal
            };
            let name = format!("{pointer} {}", row.name);
            lines.push(Line::from(Span::styled(
                theme.truncate(&name, width).into_owned(),
                style,
            )));
            let when = format!("    {}", row.when);
            lines.push(Line::from(Span::styled(
                theme.truncate(&when, width).into_owned(),
                theme.muted,
            )));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
