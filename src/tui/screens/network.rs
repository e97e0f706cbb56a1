//! The network: the connected groups of initiatives (the study's
//! *archipel*), largest first, each initiative with the relations it
//! records; then the isolated ones, to bring into the network. Enter opens
//! an initiative (on a relation: the one it points to).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::census::id::InitiativeId;
use crate::census::network::{archipelago, outgoing};
use crate::display::inert;
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::dashboard::overview;
use crate::tui::widgets::scroll::{Follow, Scroll};
use crate::tui::words::screens::screens;

/// One line of the view. Indexes are into `census.initiatives`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// The header of the group numbered `n` (from 1).
    Group {
        n: usize,
        size: usize,
    },
    Member(usize),
    /// A relation `from` records: its kind's label and where it points.
    Link {
        label: String,
        to: usize,
    },
    Isolated(usize),
    IsolatedHeader(usize),
    /// Took part in no edition of an event or training this year: how many,
    /// the year.
    InviteHeader(usize, i32),
    Invite(usize),
}

impl Entry {
    /// The initiative Enter opens, if any.
    fn target(&self) -> Option<usize> {
        match self {
            Entry::Member(k)
            | Entry::Isolated(k)
            | Entry::Invite(k)
            | Entry::Link { to: k, .. } => Some(*k),
            Entry::Group { .. } | Entry::IsolatedHeader(_) | Entry::InviteHeader(..) => None,
        }
    }

    fn is_header(&self) -> bool {
        self.target().is_none()
    }
}

#[derive(Debug)]
pub struct NetworkState {
    pub entries: Vec<Entry>,
    pub cursor: usize,
    groups: usize,
    links: usize,
    isolated: usize,
    pub revision: u64,
    offset: Scroll,
}

impl NetworkState {
    /// The groups of the whole census (relations cross any filter).
    pub fn new(core: &Core) -> NetworkState {
        let census = &core.session.ws.census;
        let schema = &core.session.ws.schema;
        let arch = archipelago(census, schema);
        let mut entries = Vec::new();
        for (n, group) in arch.groups.iter().enumerate() {
            entries.push(Entry::Group {
                n: n + 1,
                size: group.len(),
            });
            for &k in group {
                entries.push(Entry::Member(k));
                for link in outgoing(schema, &census.initiatives[k]) {
                    let Ok(to) = InitiativeId::parse(link.to) else {
                        continue;
                    };
                    let Some(to) = census.position(census.redirect(&to)) else {
                        continue;
                    };
                    if to == k || !census.initiatives[to].is_live() {
                        continue;
                    }
                    entries.push(Entry::Link {
                        label: schema
                            .choice_label(link.list, link.kind, core.lang)
                            .to_string(),
                        to,
                    });
                }
            }
        }
        if !arch.isolated.is_empty() {
            entries.push(Entry::IsolatedHeader(arch.isolated.len()));
            entries.extend(arch.isolated.iter().map(|&k| Entry::Isolated(k)));
        }
        // Once editions are recorded: who took part in none this year.
        if census
            .live()
            .any(|i| !i.entries(crate::census::editions::EDITIONS).is_empty())
        {
            let year = core.session.clock.now().date().year;
            let invite = crate::census::editions::to_invite(census, schema, year);
            entries.push(Entry::InviteHeader(invite.len(), year));
            entries.extend(invite.into_iter().map(Entry::Invite));
        }
        let mut state = NetworkState {
            entries,
            cursor: 0,
            groups: arch.groups.len(),
            links: arch.links,
            isolated: arch.isolated.len(),
            revision: core.revision,
            offset: Scroll::default(),
        };
        state.cursor = state.next_selectable(0, 1).unwrap_or(0);
        state
    }

    /// Computes again after a change, the cursor kept near where it was.
    pub fn refresh(&mut self, core: &Core) {
        let cursor = self.cursor;
        *self = NetworkState::new(core);
        let at = cursor.min(self.entries.len().saturating_sub(1));
        self.cursor = self
            .next_selectable(at, 1)
            .or_else(|| self.next_selectable(at, -1))
            .unwrap_or(0);
    }

    /// The first line from `from` (included), going `dir`, that opens
    /// something.
    fn next_selectable(&self, from: usize, dir: isize) -> Option<usize> {
        let mut k = from as isize;
        while k >= 0 && (k as usize) < self.entries.len() {
            if !self.entries[k as usize].is_header() {
                return Some(k as usize);
            }
            k += dir;
        }
        None
    }

    fn move_by(&mut self, by: isize) {
        let dir = by.signum();
        let mut at = self.cursor;
        for _ in 0..by.unsigned_abs() {
            match self.next_selectable((at as isize + dir).max(0) as usize, dir) {
                Some(k) if k != at => at = k,
                _ => break,
            }
        }
        self.cursor = at;
    }

    /// Moves to the first initiative of the next (or previous) group.
    fn next_group(&mut self, dir: isize) {
        let mut k = self.cursor as isize + dir;
        while k >= 0 && (k as usize) < self.entries.len() {
            if self.entries[k as usize].is_header()
                && let Some(first) = self.next_selectable(k as usize, 1)
            {
                self.cursor = first;
                return;
            }
            k += dir;
        }
    }

    /// The initiative under the cursor (index into the census).
    pub fn selected(&self) -> Option<usize> {
        self.entries.get(self.cursor)?.target()
    }
}

impl Screen for NetworkState {
    fn on_top(&mut self, core: &Core) {
        if self.revision != core.revision {
            self.refresh(core);
        }
    }

    fn context(&self, _core: &Core) -> Context {
        Context::Network
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        match input.action {
            Some(Action::MoveDown) => self.move_by(1),
            Some(Action::MoveUp) => self.move_by(-1),
            Some(Action::PageDown) => self.move_by(10),
            Some(Action::PageUp) => self.move_by(-10),
            Some(Action::Top) => self.cursor = self.next_selectable(0, 1).unwrap_or(0),
            Some(Action::Bottom) => {
                let last = self.entries.len().saturating_sub(1);
                self.cursor = self.next_selectable(last, -1).unwrap_or(0);
            }
            Some(Action::NextPane) => self.next_group(1),
            Some(Action::PreviousPane) => {
                // The header of this group first, then the one before.
                let here = self.cursor;
                self.next_group(-1);
                if self.cursor == here || self.cursor + 1 == here {
                    self.cursor = here;
                }
            }
            Some(Action::Open) => {
                if let Some(k) = self.selected() {
                    return Effect::OpenDetail(core.session.ws.census.initiatives[k].id.clone());
                }
            }
            Some(Action::Back) => return Effect::Close,
            Some(a @ (Action::Dashboard | Action::Map)) => {
                return overview(core, a).map_or(Effect::None, Effect::Replace);
            }
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let s = screens(core.lang);
        let ui = core.ui();
        let summary = fill(
            s.network_summary,
            &[
                ("groups", &self.groups),
                ("links", &self.links),
                ("isolated", &self.isolated),
            ],
        );
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(
                format!(" {} · {summary} ", s.network_title),
                theme.title,
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.entries.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(s.network_empty, theme.muted)),
                inner,
            );
            return;
        }
        let height = inner.height as usize;
        let offset =
            (self.offset).follow(self.cursor, height, self.entries.len(), Follow::LINE_ABOVE);
        let w = inner.width as usize;
        let census = &core.session.ws.census;
        let schema = &core.session.ws.schema;
        let name = |k: usize| {
            let i = &census.initiatives[k];
            let name = i.value(&schema.name_field).unwrap_or("?");
            match i.value("commune") {
                Some(c) => format!("{name} ({c})"),
                None => name.to_string(),
            }
        };
        let arrow = if theme.ascii { "->" } else { "→" };
        let lines: Vec<Line> = self
            .entries
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(k, e)| {
                let (text, style) = match e {
                    Entry::Group { n, size } => (
                        fill(s.network_group, &[("n", n), ("size", size)]),
                        theme.title,
                    ),
                    Entry::IsolatedHeader(n) => {
                        (fill(s.network_isolated, &[("n", n)]), theme.warning)
                    }
                    Entry::InviteHeader(n, year) => (
                        fill(
                            crate::tui::words::followup::followup_ui(core.lang).to_invite,
                            &[("n", n), ("year", year)],
                        ),
                        theme.warning,
                    ),
                    Entry::Member(i) | Entry::Isolated(i) | Entry::Invite(i) => {
                        (format!("  {}", name(*i)), Style::default())
                    }
                    Entry::Link { label, to } => (
                        format!("      {arrow} {label}{}{}", ui.colon, name(*to)),
                        theme.muted,
                    ),
                };
                let text = theme
                    .truncate(&inert(&text), w.saturating_sub(1))
                    .into_owned();
                if k == self.cursor {
                    Line::from(Span::styled(
                        format!("{}{text}", theme.pointer()),
                        theme.selected,
                    ))
                } else {
                    Line::from(Span::styled(format!(" {text}"), style))
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
