//! Choosing filters: kind, commune, public problem, need, status. Typing
//! narrows the choices; Space ticks; Enter applies.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::census::query::Filter;
use crate::census::search::fold;
use crate::census::status::Status;
use crate::display::inert;
use crate::i18n::{status_label, status_name};
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Kind,
    Commune,
    Problem,
    Need,
    Status,
    Commons,
    Support,
    /// The fiches to re-check (one choice).
    Freshness,
}

#[derive(Debug, Clone)]
struct Choice {
    section: Section,
    /// The value stored in the filter (an id, or a folded commune).
    value: String,
    label: String,
    checked: bool,
}

#[derive(Debug, Clone)]
pub struct FilterEditor {
    choices: Vec<Choice>,
    /// The day before which a fiche is to re-check, when that is ticked.
    stale_cutoff: crate::census::time::Date,
    typed: TextInput,
    cursor: usize,
}

fn choices_of(core: &Core, field: &str) -> Vec<(String, String)> {
    let schema = &core.session.ws.schema;
    let list = schema
        .field(field)
        .and_then(|f| f.field_type.choice_list())
        .unwrap_or_default();
    schema
        .choices(list)
        .iter()
        .map(|c| (c.id.clone(), c.label.get(core.lang).to_string()))
        .collect()
}

impl FilterEditor {
    pub fn new(core: &Core) -> FilterEditor {
        let f = &core.list.filter;
        let mut choices = Vec::new();
        let mut push = |section, items: Vec<(String, String)>, on: &[String]| {
            for (value, label) in items {
                let checked = on.contains(&value);
                choices.push(Choice {
                    section,
                    value,
                    label,
                    checked,
                });
            }
        };
        push(
            Section::Kind,
            choices_of(core, &core.session.ws.schema.kind_field),
            &f.kinds,
        );
        let mut communes = BTreeMap::new();
        for i in core.session.ws.census.live() {
            if let Some(c) = i.value("commune") {
                communes.entry(fold(c)).or_insert_with(|| c.to_string());
            }
        }
        push(
            Section::Commune,
            communes.into_iter().collect(),
            &f.communes,
        );
        push(
            Section::Problem,
            choices_of(core, "problemes_publics"),
            &f.problems,
        );
        push(Section::Need, choices_of(core, "besoins"), &f.needs);
        let statuses = Status::ALL
            .into_iter()
            .map(|s| (s.id().to_string(), status_name(s, core.lang).to_string()))
            .collect();
        push(Section::Status, statuses, &f.statuses);
        push(
            Section::Commons,
            choices_of(core, "communs_produits"),
            &f.commons,
        );
        push(
            Section::Support,
            choices_of(core, "soutiens_recus"),
            &f.supports,
        );
        let fu = crate::tui::words::followup::followup_ui(core.lang);
        choices.push(Choice {
            section: Section::Freshness,
            value: String::new(),
            label: fu.filter_stale.to_string(),
            checked: f.stale_before.is_some(),
        });
        FilterEditor {
            stale_cutoff: core.stale_cutoff(),
            choices,
            typed: TextInput::default(),
            cursor: 0,
        }
    }

    /// The choices shown: those whose label contains what was typed.
    fn visible(&self) -> Vec<usize> {
        let typed = fold(self.typed.text());
        (0..self.choices.len())
            .filter(|&i| typed.is_empty() || fold(&self.choices[i].label).contains(&typed))
            .collect()
    }

    fn filter(&self) -> Filter {
        let mut f = Filter::default();
        for c in self.choices.iter().filter(|c| c.checked) {
            let list = match c.section {
                Section::Kind => &mut f.kinds,
                Section::Commune => &mut f.communes,
                Section::Problem => &mut f.problems,
                Section::Need => &mut f.needs,
                Section::Status => &mut f.statuses,
                Section::Commons => &mut f.commons,
                Section::Support => &mut f.supports,
                Section::Freshness => {
                    f.stale_before = Some(self.stale_cutoff);
                    continue;
                }
            };
            list.push(c.value.clone());
        }
        f
    }

    fn section_title(core: &Core, s: Section) -> &'static str {
        let ui = core.ui();
        match s {
            Section::Kind => ui.filter_kind,
            Section::Commune => ui.filter_commune,
            Section::Problem => ui.filter_problem,
            Section::Need => ui.filter_need,
            Section::Status => ui.filter_status,
            Section::Commons => crate::tui::words::screens::screens(core.lang).filter_commons,
            Section::Support => crate::tui::words::screens::screens(core.lang).filter_support,
            Section::Freshness => {
                crate::tui::words::followup::followup_ui(core.lang).filter_freshness
            }
        }
    }
}

impl Screen for FilterEditor {
    fn context(&self, _core: &Core) -> Context {
        Context::Picker
    }

    /// Enter applies the filter, Esc leaves it as it was; both close.
    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        let visible = self.visible();
        match input.action {
            Some(Action::MoveDown) => {
                self.cursor = (self.cursor + 1).min(visible.len().saturating_sub(1))
            }
            Some(Action::MoveUp) => self.cursor = self.cursor.saturating_sub(1),
            Some(Action::Toggle) => {
                if let Some(&i) = visible.get(self.cursor) {
                    self.choices[i].checked = !self.choices[i].checked;
                }
            }
            Some(Action::Confirm) => {
                core.list.filter = self.filter();
                core.list.commune_labels = self
                    .choices
                    .iter()
                    .filter(|c| c.section == Section::Commune && c.checked)
                    .map(|c| (c.value.clone(), c.label.clone()))
                    .collect();
                core.refresh_list();
                return Effect::Close;
            }
            Some(Action::Cancel) => return Effect::Close,
            _ => {
                if self.typed.handle(input.key) {
                    self.cursor = 0;
                }
            }
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let popup = area.centered(Constraint::Percentage(80), Constraint::Percentage(85));
        frame.render_widget(Clear, popup);
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(
                format!(" {} ", core.ui().filter_title),
                theme.title,
            ))
            .title_bottom(Span::styled(
                format!(" {} ", core.ui().filter_help),
                theme.muted,
            ));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [typed_area, list_area] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        frame.render_widget(
            Paragraph::new(format!("> {}", self.typed.text())),
            typed_area,
        );
        let visible = self.visible();
        let height = list_area.height as usize;
        let start = self.cursor.saturating_sub(height.saturating_sub(2));
        let mut lines = Vec::new();
        let mut last_section = None;
        for (row, &i) in visible.iter().enumerate().skip(start) {
            let c = &self.choices[i];
            if last_section != Some(c.section) {
                lines.push(Line::from(Span::styled(
                    Self::section_title(core, c.section),
                    theme.focus,
                )));
                last_section = Some(c.section);
            }
            let style = if row == self.cursor {
                theme.selected
            } else {
                theme.normal
            };
            let text = format!("  {} {}", theme.checked(c.checked), inert(&c.label));
            lines.push(Line::from(Span::styled(
                theme.truncate(&text, list_area.width as usize).into_owned(),
                style,
            )));
            if lines.len() >= height {
                break;
            }
        }
        frame.render_widget(Paragraph::new(lines), list_area);
    }
}

/// The active filters, for the bar above the list.
pub fn describe(core: &Core) -> Vec<String> {
    let f = &core.list.filter;
    let ui = core.ui();
    let schema = &core.session.ws.schema;
    let labels = |field: &str, ids: &[String]| -> String {
        let list = schema
            .field(field)
            .and_then(|d| d.field_type.choice_list())
            .unwrap_or_default();
        ids.iter()
            .map(|id| schema.choice_label(list, id, core.lang).to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !f.kinds.is_empty() {
        parts.push(format!(
            "{}={}",
            ui.filter_kind,
            labels(&schema.kind_field, &f.kinds)
        ));
    }
    if !f.communes.is_empty() {
        let names: Vec<&str> = f
            .communes
            .iter()
            .map(|c| {
                core.list
                    .commune_labels
                    .get(c)
                    .map_or(c.as_str(), String::as_str)
            })
            .collect();
        parts.push(format!("{}={}", ui.filter_commune, names.join(", ")));
    }
    if !f.problems.is_empty() {
        parts.push(format!(
            "{}={}",
            ui.filter_problem,
            labels("problemes_publics", &f.problems)
        ));
    }
    if !f.needs.is_empty() {
        parts.push(format!(
            "{}={}",
            ui.filter_need,
            labels("besoins", &f.needs)
        ));
    }
    if !f.statuses.is_empty() {
        let s: Vec<&str> = f
            .statuses
            .iter()
            .map(|s| status_label(s, core.lang))
            .collect();
        parts.push(format!("{}={}", ui.filter_status, s.join(", ")));
    }
    let more = crate::tui::words::screens::screens(core.lang);
    if !f.commons.is_empty() {
        parts.push(format!(
            "{}={}",
            more.filter_commons,
            labels("communs_produits", &f.commons)
        ));
    }
    if !f.supports.is_empty() {
        parts.push(format!(
            "{}={}",
            more.filter_support,
            labels("soutiens_recus", &f.supports)
        ));
    }
    if f.stale_before.is_some() {
        let fu = crate::tui::words::followup::followup_ui(core.lang);
        parts.push(fu.filter_stale.to_string());
    }
    parts
}
