//! The dashboard: the figures of the initiatives the list shows, as bar
//! charts (kind, status, commune, public problem, commons, support, needs),
//! the ones waiting longest at each status, the communes with no structure
//! relais, what is pending. Every bar leads to the filtered list.
//!
//! The figures are computed when the screen opens (and again after a
//! change), never while drawing.

use crate::tui::screens::todo::TodoState;
use crate::tui::words::actions::follow;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::census::id::InitiativeId;
use crate::census::search::fold;
use crate::census::stats::{Extent, Tally, figures_with};
use crate::display::{inert, width};
use crate::i18n::{fill, status_label};
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input, View};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::duplicates::DuplicatesState;
use crate::tui::screens::map::MapState;
use crate::tui::screens::network::NetworkState;
use crate::tui::widgets::scroll::{Follow, Scroll};
use crate::tui::words::screens::screens;

/// The part of the list's filter a bar sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterField {
    Kind,
    Status,
    Commune,
    Problem,
    Commons,
    Support,
    Need,
}

/// What Enter on an item does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Show the list filtered on this value (an id, or a commune's name).
    Filter(FilterField, String),
    Open(InitiativeId),
    Conflicts,
    Duplicates,
    /// The "À faire" screen.
    Todo,
    /// Show the list of fiches to re-check.
    Stale,
    /// A commune of the perimeter without initiative: the list filtered on
    /// it, and the offer to add one there.
    WhiteZone(crate::tui::screens::white_zones::WhiteZone),
    /// A line that only tells.
    Nothing,
}

/// One line of a panel: a bar (with its count), or a plain line.
#[derive(Debug, Clone)]
pub struct Item {
    pub label: String,
    /// The count a bar stands for.
    pub n: Option<usize>,
    /// Written at the end of a plain line (days waiting).
    pub note: String,
    pub target: Target,
}

/// A titled panel of the dashboard.
#[derive(Debug, Clone)]
pub struct Panel {
    pub title: String,
    /// Its lines; the bars at 0 are folded into one plain line at the end
    /// (« 13 autres à 0 »).
    pub items: Vec<Item>,
    /// The largest count of its bars: their scale.
    pub max: usize,
}

#[derive(Debug)]
pub struct DashboardState {
    pub panels: Vec<Panel>,
    /// Initiatives counted.
    pub total: usize,
    /// (panel, item) of the cursor.
    pub cursor: (usize, usize),
    /// The `Core::revision` the figures were computed at.
    pub revision: u64,
    /// First line shown, kept by drawing.
    offset: Scroll,
}

/// Opens the dashboard, the map or the network view (the keys that jump
/// from one to the other).
pub fn overview(core: &Core, action: Action) -> Option<View> {
    match action {
        Action::Dashboard => Some(View::Dashboard(Box::new(DashboardState::new(core)))),
        Action::Map => Some(View::Map(Box::new(MapState::new(core)))),
        Action::Network => Some(View::Network(Box::new(NetworkState::new(core)))),
        _ => None,
    }
}

fn bars(core: &Core, title: &'static str, tally: &Tally, field: FilterField) -> Panel {
    let schema = &core.session.ws.schema;
    let list = match field {
        FilterField::Kind => Some(schema.kind_field.as_str()),
        FilterField::Problem => Some("problemes_publics"),
        FilterField::Commons => Some("communs_produits"),
        FilterField::Support => Some("soutiens_recus"),
        FilterField::Need => Some("besoins"),
        FilterField::Status | FilterField::Commune => None,
    }
    .and_then(|f| schema.field(f))
    .and_then(|f| f.field_type.choice_list())
    .unwrap_or("");
    let zeros = tally.counts.iter().filter(|c| c.n == 0).count();
    let mut items: Vec<Item> = tally
        .counts
        .iter()
        .filter(|c| c.n > 0)
        .map(|c| Item {
            label: match field {
                FilterField::Status => status_label(&c.id, core.lang).to_string(),
                FilterField::Commune => c.id.clone(),
                _ => schema.choice_label(list, &c.id, core.lang).to_string(),
            },
            n: Some(c.n),
            note: String::new(),
            target: Target::Filter(field, c.id.clone()),
        })
        .collect();
    if zeros > 0 {
        // The rows at 0 take one line: at 80x24 the figures are what counts.
        items.push(Item {
            label: fill(screens(core.lang).zeros_folded, &[("n", &zeros)]),
            n: None,
            note: String::new(),
            target: Target::Nothing,
        });
    }
    let title = if tally.unset > 0 {
        let flow = crate::tui::words::flow::flow(core.lang);
        let unset =
            crate::i18n::plural::count(tally.unset, core.lang, flow.unset_one, flow.unset_many);
        format!("{title} ({unset})")
    } else {
        title.to_string()
    };
    Panel {
        title,
        items,
        max: tally.max(),
    }
}

impl DashboardState {
    /// Computes the figures of the initiatives the list shows.
    pub fn new(core: &Core) -> DashboardState {
        let s = screens(core.lang);
        let census = &core.session.ws.census;
        let today = core.session.clock.now().date();
        // Only what is shown: the likely duplicates are searched by their
        // own screen (comparing the whole census takes seconds on a large
        // one), and Core keeps the count of conflicts.
        let f = figures_with(
            census,
            &core.session.ws.schema,
            core.list.rows(),
            today,
            Extent::Counts,
        );
        let mut panels = vec![
            bars(core, s.by_kind, &f.by_kind, FilterField::Kind),
            bars(core, s.by_status, &f.by_status, FilterField::Status),
            bars(core, s.by_commune, &f.by_commune, FilterField::Commune),
            bars(core, s.by_problem, &f.by_problem, FilterField::Problem),
            bars(core, s.by_commons, &f.by_commons, FilterField::Commons),
            bars(core, s.by_support, &f.by_support, FilterField::Support),
            bars(core, s.by_need, &f.by_need, FilterField::Need),
        ];
        let waiting: Vec<Item> = f
            .waiting
            .iter()
            .flat_map(|w| {
                w.longest.iter().map(|i| Item {
                    label: format!("{} · {}", status_label(&w.status, core.lang), i.name),
                    n: None,
                    note: fill(s.days, &[("n", &i.days)]),
                    target: Target::Open(i.id.clone()),
                })
            })
            .collect();
        panels.push(plain(s.waiting, waiting));
        let no_relay = f
            .communes_without_relay
            .iter()
            .map(|c| Item {
                label: c.clone(),
                n: None,
                note: String::new(),
                target: Target::Filter(FilterField::Commune, c.clone()),
            })
            .collect();
        panels.push(plain(s.no_relay, no_relay));
        panels.extend(crate::tui::screens::white_zones::panel(core));
        let mut pending = Vec::new();
        let key = |a: Action| {
            core.keymap
                .first_key(crate::tui::keymap::Context::List, a)
                .map(|k| format!("({})", k.label(core.lang)))
                .unwrap_or_default()
        };
        if core.conflicts > 0 {
            pending.push(Item {
                label: fill(s.pending_conflicts, &[("n", &core.conflicts)]),
                n: None,
                note: key(Action::Conflicts),
                target: Target::Conflicts,
            });
        }
        pending.extend(expired_item(core));
        if let Some(item) = crate::tui::screens::consent_rows::dashboard_item(core) {
            pending.push(item);
        }
        let cutoff = core.stale_cutoff();
        let stale = (core.list.rows().iter())
            .filter(|&&n| {
                let i = &census.initiatives[n];
                i.is_live()
                    && crate::census::freshness::last_verified(i).is_none_or(|t| t.date() < cutoff)
            })
            .count();
        if stale > 0 {
            let fu = crate::tui::words::followup::followup_ui(core.lang);
            pending.push(Item {
                label: fill(fu.pending_stale, &[("n", &stale)]),
                n: None,
                note: String::new(),
                target: Target::Stale,
            });
        }
        pending.push(Item {
            label: s.pending_duplicates.to_string(),
            n: None,
            note: key(Action::Duplicates),
            target: Target::Duplicates,
        });
        let today = core.session.clock.now().date();
        let overdue = crate::census::todo::overdue_count(&core.session.ws.census, today);
        let follow_up = Item {
            label: fill(follow(core.lang).dashboard_overdue, &[("n", &overdue)]),
            n: None,
            note: key(Action::Todo),
            target: Target::Todo,
        };
        panels.push(plain(follow(core.lang).dashboard_panel, vec![follow_up]));
        panels.push(plain(s.pending, pending));
        panels.retain(|p| !p.items.is_empty());
        DashboardState {
            panels,
            total: f.total,
            cursor: (0, 0),
            revision: core.revision,
            offset: Scroll::default(),
        }
    }

    /// Computes again after a change, the cursor kept where it can be.
    pub fn refresh(&mut self, core: &Core) {
        let cursor = self.cursor;
        *self = DashboardState::new(core);
        let p = cursor.0.min(self.panels.len().saturating_sub(1));
        let i = self
            .panels
            .get(p)
            .map_or(0, |panel| cursor.1.min(panel.items.len().saturating_sub(1)));
        self.cursor = (p, i);
    }

    /// The item under the cursor.
    pub fn current(&self) -> Option<&Item> {
        self.panels.get(self.cursor.0)?.items.get(self.cursor.1)
    }

    /// Moves the cursor by `by` items, across panels.
    fn step(&mut self, by: isize) {
        let flat: Vec<(usize, usize)> = self
            .panels
            .iter()
            .enumerate()
            .flat_map(|(p, panel)| (0..panel.items.len()).map(move |i| (p, i)))
            .collect();
        let Some(at) = flat.iter().position(|c| *c == self.cursor) else {
            return;
        };
        let to = (at as isize + by).clamp(0, flat.len() as isize - 1) as usize;
        self.cursor = flat[to];
    }

    fn open(&self, core: &mut Core) -> Effect {
        let Some(item) = self.current() else {
            return Effect::None;
        };
        match &item.target {
            Target::Filter(field, value) => {
                apply_filter(core, *field, value, &item.label);
                Effect::Close
            }
            Target::Open(id) => Effect::OpenDetail(id.clone()),
            Target::Conflicts => Effect::Push(View::Conflicts(Box::default())),
            Target::Duplicates => {
                Effect::Push(View::Duplicates(Box::new(DuplicatesState::new(core))))
            }
            Target::Todo => Effect::Push(View::Todo(Box::new(TodoState::new(core)))),
            Target::Stale => {
                core.filter_stale();
                Effect::Close
            }
            Target::WhiteZone(zone) => {
                apply_filter(core, FilterField::Commune, &zone.name, &zone.name);
                let ask = crate::tui::screens::dialog::Dialog::AddIn(zone.clone());
                Effect::Close.then(Effect::Overlay(crate::tui::screens::Overlay::Dialog(ask)))
            }
            Target::Nothing => Effect::None,
        }
    }
}

impl Screen for DashboardState {
    fn on_top(&mut self, core: &Core) {
        if self.revision != core.revision {
            self.refresh(core);
        }
    }

    fn context(&self, _core: &Core) -> Context {
        Context::Dashboard
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        let Some(action) = input.action else {
            return Effect::None;
        };
        let last = self.panels.len().saturating_sub(1);
        match action {
            Action::MoveDown => self.step(1),
            Action::MoveUp => self.step(-1),
            Action::PageDown => self.step(10),
            Action::PageUp => self.step(-10),
            Action::Top => self.cursor = (0, 0),
            Action::Bottom => {
                let n = self.panels.last().map_or(0, |p| p.items.len());
                self.cursor = (last, n.saturating_sub(1));
            }
            Action::NextPane => self.cursor = ((self.cursor.0 + 1).min(last), 0),
            Action::PreviousPane => self.cursor = (self.cursor.0.saturating_sub(1), 0),
            Action::Back => return Effect::Close,
            Action::Map | Action::Network => {
                return overview(core, action).map_or(Effect::None, Effect::Replace);
            }
            Action::Open => return self.open(core),
            Action::Todo => return Effect::Push(View::Todo(Box::new(TodoState::new(core)))),
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let s = screens(core.lang);
        let counted = fill(s.dashboard_counted, &[("n", &self.total)]);
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(
                format!(" {} · {counted} ", s.dashboard_title),
                theme.title,
            ))
            .title_bottom(Span::styled(format!(" {} ", s.dashboard_hint), theme.muted));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let w = inner.width as usize;
        let mut lines: Vec<Line> = Vec::new();
        let mut cursor_line = 0;
        for (p, panel) in self.panels.iter().enumerate() {
            if p > 0 {
                lines.push(Line::default());
            }
            let focused = p == self.cursor.0;
            let title_style = if focused { theme.focus } else { theme.title };
            lines.push(Line::from(Span::styled(
                theme.truncate(&format!(" {}", panel.title), w).into_owned(),
                title_style,
            )));
            let label_w = panel
                .items
                .iter()
                .filter(|i| i.n.is_some())
                .map(|i| width(&i.label))
                .max()
                .unwrap_or(0)
                .clamp(6, (w / 3).max(6));
            let num_w = panel.max.to_string().len();
            for (k, item) in panel.items.iter().enumerate() {
                let selected = focused && k == self.cursor.1;
                if selected {
                    cursor_line = lines.len();
                }
                lines.push(item_line(
                    core, item, panel.max, label_w, num_w, w, selected,
                ));
            }
        }
        let height = inner.height as usize;
        let offset =
            (self.offset).follow(cursor_line, height, lines.len(), Follow::LINE_ABOVE_FULL);
        let shown: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
        frame.render_widget(Paragraph::new(shown), inner);
    }
}

/// The initiatives keeping personal data past the retention period: their
/// count, opening the oldest (`recense rgpd review` lists them all).
fn expired_item(core: &Core) -> Option<Item> {
    let ws = &core.session.ws;
    let now = core.session.clock.now();
    let expired = crate::census::erase::retention::review(&ws.census, &ws.schema, now);
    let oldest = expired.first()?;
    let w = crate::tui::words::rgpd::rgpd(core.lang);
    Some(Item {
        label: fill(w.pending_expired, &[("n", &expired.len())]),
        n: None,
        note: w.pending_expired_note.to_string(),
        target: Target::Open(oldest.initiative.clone()),
    })
}

fn plain(title: &str, items: Vec<Item>) -> Panel {
    Panel {
        title: title.to_string(),
        items,
        max: 0,
    }
}

/// Sets one part of the list's filter (the one the filter overlay edits and
/// the filter bar shows) to one value, and says how many initiatives show.
pub fn apply_filter(core: &mut Core, field: FilterField, value: &str, label: &str) {
    let f = &mut core.list.filter;
    let one = vec![value.to_string()];
    match field {
        FilterField::Kind => f.kinds = one,
        FilterField::Status => f.statuses = one,
        FilterField::Problem => f.problems = one,
        FilterField::Commons => f.commons = one,
        FilterField::Support => f.supports = one,
        FilterField::Need => f.needs = one,
        FilterField::Commune => {
            let key = fold(value);
            f.communes = vec![key.clone()];
            core.list.commune_labels.insert(key, value.to_string());
        }
    }
    core.refresh_list();
    let n = core.list.rows().len();
    let text = fill(
        screens(core.lang).filter_applied,
        &[("what", &inert(label)), ("n", &n)],
    );
    core.say(text);
}

impl DashboardState {}

/// `  Label       12 ██████`: the label and the number always written, the
/// bar in block characters (`#` in ASCII).
fn item_line<'a>(
    core: &Core,
    item: &'a Item,
    max: usize,
    label_w: usize,
    num_w: usize,
    w: usize,
    selected: bool,
) -> Line<'a> {
    let theme = &core.theme;
    let lead = if selected {
        format!(" {} ", theme.pointer())
    } else {
        "   ".to_string()
    };
    let row_style = if selected {
        theme.selected
    } else {
        Style::default()
    };
    let Some(n) = item.n else {
        let note_w = width(&item.note);
        let room = w.saturating_sub(3 + note_w + 2);
        let label = theme.truncate(&inert(&item.label), room).into_owned();
        let pad = " ".repeat(w.saturating_sub(3 + width(&label) + note_w));
        return Line::from(vec![
            Span::styled(format!("{lead}{label}{pad}"), row_style),
            Span::styled(item.note.clone(), row_style.patch(theme.muted)),
        ]);
    };
    let label = theme.truncate(&inert(&item.label), label_w).into_owned();
    let label_pad = " ".repeat(label_w.saturating_sub(width(&label)));
    let bar_w = w.saturating_sub(3 + label_w + 1 + 1 + num_w);
    let len = if max == 0 || n == 0 || bar_w == 0 {
        0
    } else {
        ((n * bar_w).div_ceil(max)).clamp(1, bar_w)
    };
    let glyph = if theme.ascii { "#" } else { "█" };
    let bar = glyph.repeat(len);
    let bar_pad = " ".repeat(bar_w - len);
    Line::from(vec![
        Span::styled(format!("{lead}{label}{label_pad} {n:>num_w$} "), row_style),
        Span::styled(bar, row_style.patch(theme.title)),
        Span::styled(bar_pad, row_style),
    ])
}
