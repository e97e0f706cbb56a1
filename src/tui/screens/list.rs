//! The list of initiatives: sort, search as you type, filters.

use crate::tui::screens::action_form::ActionForm;
use crate::tui::screens::todo::TodoState;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell as TableCell, Paragraph, Row, Table};

use crate::census::id::InitiativeId;
use crate::census::model::Census;
use crate::census::query::{Filter, Narrowing};
use crate::census::search::{fold, fold_into};
use crate::census::status;
use crate::display::inert;
use crate::i18n::status_label;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::dashboard::overview;
use crate::tui::screens::detail::DetailState;
use crate::tui::screens::dialog::Dialog;
use crate::tui::screens::duplicates::DuplicatesState;
use crate::tui::screens::export::ExportState;
use crate::tui::screens::filters::FilterEditor;
use crate::tui::screens::import::ImportState;
use crate::tui::screens::legitimize_form::LegitimizeForm;
use crate::tui::screens::wizard::WizardState;
use crate::tui::screens::{Overlay, Screen, View};
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::scroll::{Follow, Scroll};

/// The columns, in their order on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    #[default]
    Name,
    Kind,
    Commune,
    Status,
    Score,
}

impl Column {
    const ALL: [Column; 5] = [
        Column::Name,
        Column::Kind,
        Column::Commune,
        Column::Status,
        Column::Score,
    ];

    fn next(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + 1) % Column::ALL.len()]
    }
}

/// Typing a search: the field, and what to go back to on Esc.
#[derive(Debug, Clone, Default)]
struct Search {
    input: TextInput,
    before_query: String,
    before_selected: Option<InitiativeId>,
}

#[derive(Debug, Default)]
pub struct ListState {
    /// Indexes into the census's initiatives, in the order shown.
    rows: Vec<usize>,
    selected: usize,
    pub sort: Column,
    pub reverse: bool,
    pub filter: Filter,
    /// How the filtered communes are written (the filter holds folded names).
    pub commune_labels: std::collections::BTreeMap<String, String>,
    /// The search applied to the list.
    pub query: String,
    search: Option<Search>,
    /// The matches of the queries typed so far (narrowed letter by letter,
    /// given back by Backspace).
    narrowing: Narrowing,
    /// The rows without a query (filtered and sorted), kept while typing: the
    /// first letter searches among them, erasing the query gives them back.
    unsearched: Option<Vec<usize>>,
    /// How many initiatives are live (the header's count), counted with
    /// the filter rather than on every frame.
    live: usize,
    /// The initiatives marked to act on them all at once.
    pub marks: std::collections::BTreeSet<InitiativeId>,
    /// Scroll position and page height, kept by drawing.
    scroll: Scroll,
}

/// The list as a screen: always at the bottom of the stack, its state in
/// [`Core::list`] (the header, the filters and the forms read it too).
#[derive(Debug, Clone, Copy, Default)]
pub struct ListScreen;

impl Screen for ListScreen {
    fn context(&self, core: &Core) -> Context {
        core.list.context()
    }

    /// The keys that open other screens or act on the census; the list's
    /// own keys (move, search, sort, mark) are in [`ListState`].
    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        let selected = core.list.selected_id(&core.session.ws.census);
        match input.action {
            Some(Action::Quit) if !core.list.searching() => Effect::Quit,
            Some(Action::Filter) => Effect::Overlay(Overlay::Filters(FilterEditor::new(core))),
            Some(Action::New) => crate::tui::screens::drafts::new_entry(core),
            Some(Action::Redo) => {
                core.redo();
                Effect::None
            }
            Some(Action::Bin) => Effect::Push(View::Bin(Box::new(
                crate::tui::screens::bin::BinState::new(core),
            ))),
            Some(Action::CopyAsNew) => match selected {
                Some(id) => Effect::Push(View::Wizard(Box::new(WizardState::new(core, Some(&id))))),
                None => Effect::None,
            },
            Some(Action::Edit) => match selected {
                Some(id) => Effect::Push(View::Detail(Box::new(DetailState::editing(core, id)))),
                None => Effect::None,
            },
            Some(Action::Delete) => match selected {
                Some(id) => Effect::Overlay(Overlay::Dialog(Dialog::ConfirmDelete(id))),
                None => Effect::None,
            },
            Some(Action::Undo) => {
                core.undo();
                Effect::None
            }
            Some(Action::Conflicts) => Effect::Push(View::Conflicts(Box::default())),
            Some(Action::Duplicates) => {
                Effect::Push(View::Duplicates(Box::new(DuplicatesState::new(core))))
            }
            Some(Action::Import) => Effect::Push(View::Import(Box::new(ImportState::new("")))),
            Some(Action::Export) => Effect::Push(View::Export(Box::new(ExportState::new(core)))),
            Some(a @ (Action::SetStatus | Action::AddEvidence | Action::ConfirmRecord)) => {
                let targets = core.list.targets(&core.session.ws.census);
                match LegitimizeForm::open(core, a, targets) {
                    Some(form) => Effect::Overlay(Overlay::Legit(Box::new(form))),
                    None => Effect::None,
                }
            }
            Some(Action::AddFollowUp) => selected
                .and_then(|id| ActionForm::new(core, id))
                .map_or(Effect::None, |f| {
                    Effect::Overlay(Overlay::Action(Box::new(f)))
                }),
            Some(Action::Todo) => Effect::Push(View::Todo(Box::new(TodoState::new(core)))),
            Some(Action::Verify) => {
                if let Some(id) = selected {
                    core.verify(&id);
                }
                Effect::None
            }
            Some(a @ (Action::Dashboard | Action::Map | Action::Network)) => {
                overview(core, a).map_or(Effect::None, Effect::Push)
            }
            _ => {
                let mut list = std::mem::take(&mut core.list);
                let effect = list.keys(core, input);
                core.list = list;
                effect
            }
        }
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        core.list.draw(core, frame, area)
    }
}

impl ListState {
    pub fn context(&self) -> Context {
        if self.search.is_some() {
            Context::Search
        } else {
            Context::List
        }
    }

    /// How many initiatives are live (neither deleted nor fused).
    pub fn live(&self) -> usize {
        self.live
    }

    pub fn searching(&self) -> bool {
        self.search.is_some()
    }

    /// The text being typed in the search field, with its cursor.
    pub fn search_input(&self) -> Option<&TextInput> {
        self.search.as_ref().map(|s| &s.input)
    }

    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    pub fn selected(&self) -> usize {
        self.selected
    }

    pub fn selected_id(&self, census: &Census) -> Option<InitiativeId> {
        self.rows
            .get(self.selected)
            .map(|&n| census.initiatives[n].id.clone())
    }

    pub fn select_id(&mut self, census: &Census, id: &InitiativeId) {
        if let Some(pos) = census.position(id)
            && let Some(row) = self.rows.iter().position(|&r| r == pos)
        {
            self.selected = row;
        }
    }

    /// What an action on "these" applies to: the marked initiatives (in the
    /// census's order), or else the selected one.
    pub fn targets(&self, census: &Census) -> Vec<InitiativeId> {
        if self.marks.is_empty() {
            return self.selected_id(census).into_iter().collect();
        }
        census
            .initiatives
            .iter()
            .filter(|i| self.marks.contains(&i.id))
            .map(|i| i.id.clone())
            .collect()
    }

    /// Space, `M`, `X`: marks. Returns whether the action was one of them.
    fn mark(&mut self, core: &mut Core, action: Action) -> bool {
        let census = &core.session.ws.census;
        match action {
            Action::Mark => {
                if let Some(id) = self.selected_id(census)
                    && !self.marks.remove(&id)
                {
                    self.marks.insert(id);
                }
                self.move_to(self.selected + 1);
            }
            Action::MarkAll => {
                let ids = self.rows.iter().map(|&n| census.initiatives[n].id.clone());
                self.marks.extend(ids);
            }
            Action::ClearMarks => {
                self.marks.clear();
                core.say(crate::tui::words::legitimize::legit(core.lang).marks_cleared);
            }
            _ => return false,
        }
        true
    }

    /// Recomputes the rows from the census, the filter, the query and the
    /// sort, keeping the selected initiative selected.
    pub fn refresh(&mut self, core: &Core) {
        self.narrowing.clear();
        self.unsearched = None;
        self.recompute(core);
    }

    fn recompute(&mut self, core: &Core) {
        let census = &core.session.ws.census;
        let schema = &core.session.ws.schema;
        let keep = self.selected_id(census);
        let unsearched = match self.unsearched.take() {
            Some(rows) => rows,
            None => {
                // Counted in the same pass: each initiative is read once.
                let mut live = 0;
                let mut rows: Vec<usize> = (0..census.initiatives.len())
                    .filter(|&n| {
                        let i = &census.initiatives[n];
                        live += usize::from(i.is_live());
                        self.filter.matches(schema, i)
                    })
                    .collect();
                self.live = live;
                self.sort_rows(core, &mut rows);
                rows
            }
        };
        self.rows.clear();
        if self.query.trim().is_empty() {
            self.narrowing.clear();
            self.rows.extend_from_slice(&unsearched);
        } else {
            let hits = self.narrowing.search(&core.index, &self.query, &unsearched);
            self.rows.extend_from_slice(hits);
        }
        self.unsearched = Some(unsearched);
        // The same initiative if it is still shown; else the same place
        // (after a deletion, the next one), not the top of the list.
        let kept = keep.and_then(|id| {
            let pos = census.position(&id)?;
            self.rows.iter().position(|&r| r == pos)
        });
        self.selected = kept
            .unwrap_or(self.selected)
            .min(self.rows.len().saturating_sub(1));
    }

    fn sort_rows(&self, core: &Core, rows: &mut [usize]) {
        let census = &core.session.ws.census;
        let schema = &core.session.ws.schema;
        let index = &core.index;
        let today = core.session.clock.now().date();
        match self.sort {
            // The fiches to re-check: the oldest verified first.
            Column::Name if self.filter.stale_before.is_some() => rows.sort_by_cached_key(|&n| {
                let last = crate::census::freshness::last_verified(&census.initiatives[n]);
                (last, index.name(n).to_string())
            }),
            Column::Name => rows.sort_by(|&a, &b| index.name(a).cmp(index.name(b))),
            Column::Kind => rows.sort_by_cached_key(|&n| {
                let kind = census.initiatives[n]
                    .value(&schema.kind_field)
                    .unwrap_or("");
                (
                    fold(
                        schema
                            .kinds()
                            .iter()
                            .find(|c| c.id == kind)
                            .map_or(kind, |c| c.label.get(core.lang)),
                    ),
                    index.name(n).to_string(),
                )
            }),
            Column::Commune => rows.sort_by_cached_key(|&n| {
                (
                    fold(census.initiatives[n].value("commune").unwrap_or("")),
                    index.name(n).to_string(),
                )
            }),
            Column::Status => rows.sort_by_cached_key(|&n| {
                (
                    status::rank(status::current(&census.initiatives[n])),
                    index.name(n).to_string(),
                )
            }),
            Column::Score => rows.sort_by_cached_key(|&n| {
                (
                    std::cmp::Reverse(status::score(schema, &census.initiatives[n], today)),
                    index.name(n).to_string(),
                )
            }),
        }
        if self.reverse {
            rows.reverse();
        }
    }

    fn move_to(&mut self, row: usize) {
        self.selected = row.min(self.rows.len().saturating_sub(1));
    }

    /// Moves common to the list and the search field.
    fn move_by(&mut self, action: Action) -> bool {
        let page = self.scroll.page();
        match action {
            Action::MoveDown | Action::NextMatch => self.move_to(self.selected + 1),
            Action::MoveUp | Action::PrevMatch => self.move_to(self.selected.saturating_sub(1)),
            Action::Top => self.move_to(0),
            Action::Bottom => self.move_to(self.rows.len().saturating_sub(1)),
            Action::PageDown => self.move_to(self.selected + page),
            Action::PageUp => self.move_to(self.selected.saturating_sub(page)),
            _ => return false,
        }
        true
    }

    /// The list's own keys: move, search as you type, sort, mark.
    fn keys(&mut self, core: &mut Core, input: Input) -> Effect {
        if let Some(search) = self.search.as_mut() {
            match input.action {
                Some(Action::Confirm) => {
                    self.search = None;
                }
                Some(Action::Cancel) => {
                    let back = self.search.take().unwrap_or_default();
                    self.query = back.before_query;
                    // The census did not change: the kept rows still hold.
                    self.recompute(core);
                    if let Some(id) = back.before_selected {
                        self.select_id(&core.session.ws.census, &id);
                    }
                }
                Some(a @ (Action::MoveDown | Action::MoveUp)) => {
                    self.move_by(a);
                }
                _ => {
                    if search.input.handle(input.key) {
                        self.query = search.input.text().to_string();
                        self.recompute(core);
                        self.selected = 0;
                    }
                }
            }
            return Effect::None;
        }
        let Some(action) = input.action else {
            return Effect::None;
        };
        if self.move_by(action) || self.mark(core, action) {
            return Effect::None;
        }
        match action {
            Action::Open => match self.selected_id(&core.session.ws.census) {
                Some(id) => Effect::OpenDetail(id),
                None => Effect::None,
            },
            Action::Search => {
                self.search = Some(Search {
                    input: TextInput::new(&self.query),
                    before_query: self.query.clone(),
                    before_selected: self.selected_id(&core.session.ws.census),
                });
                Effect::None
            }
            Action::ClearFilters => {
                self.filter = Filter::default();
                self.query.clear();
                self.refresh(core);
                core.say(core.ui().filter_clear_hint);
                Effect::None
            }
            Action::SortNext => {
                self.sort = self.sort.next();
                self.reverse = false;
                self.refresh(core);
                Effect::None
            }
            Action::SortReverse => {
                self.reverse = !self.reverse;
                self.refresh(core);
                Effect::None
            }
            _ => Effect::None,
        }
    }

    pub fn column_title(&self, core: &Core, column: Column) -> String {
        let ui = core.ui();
        let name = match column {
            Column::Name => ui.col_name,
            Column::Kind => ui.col_kind,
            Column::Commune => ui.col_commune,
            Column::Status => ui.col_status,
            Column::Score => ui.col_score,
        };
        if column == self.sort && self.query.trim().is_empty() {
            let arrow = match (self.reverse, core.theme.ascii) {
                (false, false) => "▲",
                (true, false) => "▼",
                (false, true) => "^",
                (true, true) => "v",
            };
            format!("{name}{arrow}")
        } else {
            name.to_string()
        }
    }

    /// Draws the table; only the visible rows are built.
    pub fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let census = &core.session.ws.census;
        let schema = &core.session.ws.schema;
        let ui = core.ui();
        if self.rows.is_empty() {
            let text = if census.live().next().is_none() {
                ui.empty_list
            } else {
                ui.no_match
            };
            frame.render_widget(Paragraph::new(text).style(core.theme.muted), area);
            return;
        }
        let wide = area.width >= 72;
        let today = core.session.clock.now().date();
        let mut columns = vec![Column::Name, Column::Kind, Column::Commune];
        let mut widths = vec![
            Constraint::Fill(1),
            Constraint::Length(if wide { 20 } else { 12 }),
            Constraint::Length(if wide { 14 } else { 10 }),
        ];
        // The status before the score at every width: narrow, the kind and
        // the commune give room to it (« Legitimized », eleven columns).
        columns.push(Column::Status);
        widths.push(Constraint::Length(11));
        columns.push(Column::Score);
        widths.push(Constraint::Length(if wide { 6 } else { 5 }));

        let height = area.height.saturating_sub(1) as usize;
        let offset = (self.scroll).follow(self.selected, height, self.rows.len(), Follow::ROWS);

        let fixed = |c: &Constraint| match c {
            Constraint::Length(n) => *n as usize,
            _ => 0,
        };
        // Marks, when there are any: `*` before the name (no colour needed).
        let mark_width = if self.marks.is_empty() { 0 } else { 2 };
        let name_width = (area.width as usize)
            .saturating_sub(widths.iter().skip(1).map(|c| fixed(c) + 1).sum::<usize>())
            .saturating_sub(mark_width);
        let (kind_width, commune_width) = (fixed(&widths[1]), fixed(&widths[2]));
        let cut = |s: &str, w: usize| core.theme.truncate(&inert(s), w).into_owned();
        let query = fold(self.query.trim());
        let rows = self
            .rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(row, &n)| {
                let i = &census.initiatives[n];
                let full = inert(i.value(&schema.name_field).unwrap_or("?")).into_owned();
                let name = core.theme.truncate(&full, name_width).into_owned();
                let mut name_cell = if query.is_empty() {
                    Line::from(name)
                } else {
                    highlight(core, &full, &name, &query)
                };
                if mark_width > 0 {
                    let mark = if self.marks.contains(&i.id) {
                        "* "
                    } else {
                        "  "
                    };
                    name_cell
                        .spans
                        .insert(0, Span::styled(mark, core.theme.title));
                }
                let kind = i.value(&schema.kind_field).unwrap_or("");
                let kind_label = schema
                    .kinds()
                    .iter()
                    .find(|c| c.id == kind)
                    .map_or(kind, |c| c.label.get(core.lang));
                let cells: Vec<TableCell> = columns
                    .iter()
                    .map(|c| match c {
                        Column::Name => TableCell::from(name_cell.clone()),
                        Column::Kind => TableCell::from(cut(kind_label, kind_width)),
                        Column::Commune => {
                            TableCell::from(cut(i.value("commune").unwrap_or(""), commune_width))
                        }
                        Column::Status => {
                            TableCell::from(status_label(status::current(i), core.lang).to_string())
                        }
                        Column::Score => {
                            TableCell::from(format!("{:>5}", status::score(schema, i, today)))
                        }
                    })
                    .collect();
                let style = if row == self.selected {
                    core.theme.selected
                } else {
                    Style::default()
                };
                Row::new(cells).style(style)
            });
        let header = Row::new(columns.iter().map(|c| {
            let title = self.column_title(core, *c);
            if *c == Column::Name && mark_width > 0 {
                TableCell::from(format!("  {title}"))
            } else {
                TableCell::from(title)
            }
        }))
        .style(core.theme.title);
        let table = Table::new(rows, widths).header(header).column_spacing(1);
        frame.render_widget(table, area);
    }
}

/// The name with the characters the query matched underlined. The name is
/// matched on its own: the search key also holds the commune and the kind,
/// and a match there says nothing about which letters of the name to mark.
/// `shown` is `full` as drawn, possibly cut and ended with an ellipsis.
fn highlight(core: &Core, full: &str, shown: &str, query: &str) -> Line<'static> {
    let mut folded = String::new();
    let mut origin = Vec::new();
    fold_into(full, &mut folded, &mut origin);
    let matched: Vec<usize> = core
        .index
        .matcher()
        .indices(&folded, query)
        .map(|(_, idx)| {
            idx.into_iter()
                .filter_map(|i| origin.get(i).map(|&o| o as usize))
                .collect()
        })
        .unwrap_or_default();
    // The ellipsis of a cut name stands for no letter of it.
    let kept = if shown == full {
        usize::MAX
    } else {
        shown
            .chars()
            .count()
            .saturating_sub(core.theme.ellipsis().chars().count())
    };
    let spans: Vec<Span> = shown
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let style = if i < kept && matched.contains(&i) {
                core.theme.matched
            } else {
                Style::default()
            };
            Span::styled(c.to_string(), style)
        })
        .collect();
    Line::from(spans)
}
