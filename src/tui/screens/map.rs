//! The map: the initiatives of the list that have coordinates, on a canvas
//! over the territory (longitude scaled by the cosine of latitude, cells
//! twice as tall as wide), coloured by kind with a letter per kind for
//! terminals without colour, commune names at the centre of their
//! initiatives. A cursor moves freely; the initiative nearest to it is
//! selected, and Enter opens it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Points};
use ratatui::widgets::{Block, Paragraph};

use crate::census::geo::{Bounds, Placed};
use crate::census::id::InitiativeId;
use crate::census::search::fold;
use crate::display::{inert, width};
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::dashboard::overview;
use crate::tui::words::screens::screens;

/// The colours kinds are drawn in, in turn (named ANSI colours only).
const PALETTE: [Color; 12] = [
    Color::Cyan,
    Color::Yellow,
    Color::Green,
    Color::Magenta,
    Color::Red,
    Color::Blue,
    Color::LightCyan,
    Color::LightYellow,
    Color::LightGreen,
    Color::LightMagenta,
    Color::LightRed,
    Color::LightBlue,
];

/// How a kind is drawn: its colour, and a letter for when colours are off.
#[derive(Debug, Clone, PartialEq)]
pub struct KindMark {
    pub id: String,
    pub label: String,
    pub letter: char,
    pub colour: Color,
    /// Initiatives of this kind on the map.
    pub n: usize,
}

/// Each kind of the schema (and "no kind") with a letter of its label not
/// taken by an earlier one, and a colour.
fn kind_marks(core: &Core) -> Vec<KindMark> {
    let mut taken = Vec::new();
    let mut marks: Vec<KindMark> = core
        .session
        .ws
        .schema
        .kinds()
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let label = c.label.get(core.lang).to_string();
            let folded = fold(&label);
            let letter = folded
                .chars()
                .chain('a'..='z')
                .chain('A'..='Z')
                .chain('0'..='9')
                .find(|ch| ch.is_ascii_alphanumeric() && !taken.contains(ch))
                .unwrap_or('?');
            taken.push(letter);
            KindMark {
                id: c.id.clone(),
                label,
                letter,
                colour: PALETTE[k % PALETTE.len()],
                n: 0,
            }
        })
        .collect();
    marks.push(KindMark {
        id: String::new(),
        label: "?".into(),
        letter: '?',
        colour: Color::Reset,
        n: 0,
    });
    marks
}

#[derive(Debug)]
pub struct MapState {
    pub placed: Placed,
    /// Every kind; those with `n > 0` are in the legend.
    pub marks: Vec<KindMark>,
    /// The mark of each point of `placed.points`.
    kind_of: Vec<usize>,
    /// The points of each mark, for the canvas.
    by_mark: Vec<Vec<(f64, f64)>>,
    /// Communes at the centre of their initiatives, most initiatives first.
    centres: Vec<(String, f64, f64)>,
    /// The cursor, on the projected plane.
    pub cursor: (f64, f64),
    /// Index into `placed.points` of the nearest initiative.
    pub selected: Option<usize>,
    pub revision: u64,
    /// The perimeter's communes without initiative among what the list
    /// shows, largest population first: named in the legend.
    pub white: Vec<String>,
}

impl MapState {
    /// Places the initiatives the list shows.
    pub fn new(core: &Core) -> MapState {
        let b = Placed::new(&core.session.ws.census, &[]).bounds;
        let mut state = MapState {
            placed: Placed::new(&core.session.ws.census, &[]),
            marks: Vec::new(),
            kind_of: Vec::new(),
            by_mark: Vec::new(),
            centres: Vec::new(),
            cursor: ((b.west + b.east) / 2.0, (b.south + b.north) / 2.0),
            selected: None,
            revision: 0,
            white: Vec::new(),
        };
        state.refresh(core);
        let b = state.placed.bounds;
        state.cursor = ((b.west + b.east) / 2.0, (b.south + b.north) / 2.0);
        state.select_nearest();
        state
    }

    /// Places the initiatives again (after a change), the cursor kept.
    pub fn refresh(&mut self, core: &Core) {
        let census = &core.session.ws.census;
        let kind_field = &core.session.ws.schema.kind_field;
        self.placed = Placed::new(census, core.list.rows());
        self.marks = kind_marks(core);
        let unknown = self.marks.len() - 1;
        self.by_mark = vec![Vec::new(); self.marks.len()];
        self.kind_of = self
            .placed
            .points
            .iter()
            .map(|p| {
                let kind = census.initiatives[p.index].value(kind_field).unwrap_or("");
                let m = self
                    .marks
                    .iter()
                    .position(|m| !m.id.is_empty() && m.id == kind)
                    .unwrap_or(unknown);
                self.marks[m].n += 1;
                self.by_mark[m].push((p.x, p.y));
                m
            })
            .collect();
        self.centres = self
            .placed
            .commune_centres(census)
            .into_iter()
            .map(|(name, x, y, _)| (name, x, y))
            .collect();
        self.white = crate::tui::screens::white_zones::names(core);
        self.revision = core.revision;
        self.select_nearest();
    }

    fn select_nearest(&mut self) {
        let (x, y) = self.cursor;
        self.selected = self
            .placed
            .nearest(x, y)
            .and_then(|p| self.placed.points.iter().position(|q| std::ptr::eq(q, p)));
    }

    /// The cursor as (latitude, longitude).
    pub fn cursor_lat_lon(&self) -> (f64, f64) {
        (self.cursor.1, self.cursor.0 / self.placed.scale)
    }

    /// The initiative nearest to the cursor.
    pub fn selected_id(&self, core: &Core) -> Option<InitiativeId> {
        let p = self.placed.points.get(self.selected?)?;
        Some(core.session.ws.census.initiatives[p.index].id.clone())
    }

    /// Moves the cursor by `(dx, dy)` steps: a step is 1/40 of the map's
    /// size across, 1/20 up and down (cells are twice as tall as wide).
    fn step(&mut self, dx: f64, dy: f64) {
        let b = self.placed.bounds;
        let size = b.width().max(b.height());
        self.cursor.0 = (self.cursor.0 + dx * size / 40.0).clamp(b.west, b.east);
        self.cursor.1 = (self.cursor.1 + dy * size / 20.0).clamp(b.south, b.north);
        self.select_nearest();
    }

    fn draw_map(&self, core: &Core, frame: &mut Frame, map: Rect) {
        let theme = &core.theme;
        // Cells are about twice as tall as wide: the plane shown keeps its
        // proportions.
        let bounds = self
            .placed
            .bounds
            .with_ratio(f64::from(map.width) / (2.0 * f64::from(map.height)));
        let grid = Grid::new(bounds, map.width, map.height);
        let braille = theme.colour && !theme.ascii;
        // Cells holding points: the mark of their first point, or several.
        let mut cells: Vec<Option<(usize, bool, usize)>> = vec![None; grid.len()];
        for (p, &m) in self.placed.points.iter().zip(&self.kind_of) {
            let k = grid.index(p.x, p.y);
            cells[k] = Some(match cells[k] {
                None => (m, false, 1),
                Some((first, mixed, n)) => (first, mixed || first != m, n + 1),
            });
        }
        let labels = self.place_labels(&grid, &cells);
        let selected = self.selected.and_then(|k| self.placed.points.get(k));
        let cursor_cell = grid.cell(self.cursor.0, self.cursor.1);
        let canvas = Canvas::default()
            .marker(Marker::Braille)
            .x_bounds([bounds.west, bounds.east])
            .y_bounds([bounds.south, bounds.north])
            .paint(|ctx| {
                if braille {
                    for (m, points) in self.by_mark.iter().enumerate() {
                        if !points.is_empty() {
                            ctx.draw(&Points {
                                coords: points,
                                color: self.marks[m].colour,
                            });
                        }
                    }
                }
                for (name, start, row) in &labels {
                    let (x, y) = grid.centre(*start, *row);
                    ctx.print(x, y, Span::styled(name.clone(), theme.normal));
                }
                for (k, cell) in cells.iter().enumerate() {
                    let Some((m, mixed, n)) = cell.filter(|_| !braille) else {
                        continue;
                    };
                    let mark = &self.marks[m];
                    let (symbol, style) = match (theme.colour, mixed) {
                        (false, true) => ('*', Style::default()),
                        (false, false) => (mark.letter, Style::default()),
                        (true, true) => ('*', Style::default()),
                        (true, false) => (
                            if n > 1 { '*' } else { '.' },
                            Style::default().fg(mark.colour),
                        ),
                    };
                    let (x, y) = grid.centre_of(k);
                    ctx.print(x, y, Span::styled(symbol.to_string(), style));
                }
                let selected_cell = selected.map(|p| grid.cell(p.x, p.y));
                if selected_cell != Some(cursor_cell) {
                    let (x, y) = grid.centre(cursor_cell.0, cursor_cell.1);
                    ctx.print(x, y, Span::styled("+", theme.focus));
                }
                if let Some((col, row)) = selected_cell {
                    let (x, y) = grid.centre(col, row);
                    ctx.print(x, y, Span::styled("@", theme.selected));
                }
            });
        frame.render_widget(canvas, map);
    }

    /// Commune names under (or above) the centre of their initiatives,
    /// most initiatives first; a name that would cover a point or another
    /// name is left out. Returns (name, first column, row).
    fn place_labels(
        &self,
        grid: &Grid,
        cells: &[Option<(usize, bool, usize)>],
    ) -> Vec<(String, u16, u16)> {
        let mut placed: Vec<(String, u16, u16)> = Vec::new();
        for (name, x, y) in &self.centres {
            let name = inert(name).into_owned();
            let w = width(&name) as u16;
            if w >= grid.w {
                continue;
            }
            let (col, row) = grid.cell(*x, *y);
            let start = col.saturating_sub(w / 2).min(grid.w - w);
            let end = start + w;
            let free = |row: u16| {
                (start..end).all(|c| cells[row as usize * grid.w as usize + c as usize].is_none())
                    && !placed
                        .iter()
                        .any(|(n, a, r)| *r == row && start <= a + width(n) as u16 && *a <= end)
            };
            let rows = [row + 1, row.wrapping_sub(1), row];
            if let Some(&r) = rows.iter().find(|&&r| r < grid.h && free(r)) {
                placed.push((name, start, r));
            }
        }
        placed
    }

    fn draw_legend(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let s = screens(core.lang);
        let w = area.width as usize;
        let mut lines = vec![Line::from(Span::styled(
            theme
                .truncate(&format!(" {}", s.map_legend), w)
                .into_owned(),
            theme.title,
        ))];
        let swatch = if theme.ascii { "#" } else { "■" };
        for m in self.marks.iter().filter(|m| m.n > 0) {
            let colour = if theme.colour {
                Style::default().fg(m.colour)
            } else {
                Style::default()
            };
            let count = format!(" {}", m.n);
            let room = w.saturating_sub(5 + width(&count));
            lines.push(Line::from(vec![
                Span::styled(format!(" {swatch}"), colour),
                Span::styled(format!(" {} ", m.letter), colour.patch(theme.key)),
                Span::raw(theme.truncate(&m.label, room).into_owned()),
                Span::styled(count, theme.muted),
            ]));
        }
        lines.push(Line::from(vec![
            Span::styled(" * ", theme.key),
            Span::raw(
                theme
                    .truncate(s.map_several, w.saturating_sub(3))
                    .into_owned(),
            ),
        ]));
        lines.extend(crate::tui::screens::white_zones::legend(
            core,
            &self.white,
            w,
        ));
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn draw_info(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let s = screens(core.lang);
        let w = area.width as usize;
        let census = &core.session.ws.census;
        let schema = &core.session.ws.schema;
        let mut lines = Vec::new();
        if let Some(p) = self.selected.and_then(|k| self.placed.points.get(k)) {
            let i = &census.initiatives[p.index];
            let kind = i
                .value(&schema.kind_field)
                .map(|k| schema.choice_label(list_of_kinds(core), k, core.lang))
                .unwrap_or("");
            let text = format!(
                "@ {} · {} · {}",
                i.value(&schema.name_field).unwrap_or("?"),
                kind,
                i.value("commune").unwrap_or("")
            );
            lines.push(Line::from(Span::styled(
                theme.truncate(&inert(&text), w).into_owned(),
                theme.focus,
            )));
        } else {
            lines.push(Line::default());
        }
        if self.placed.missing > 0 {
            let text = fill(s.map_missing, &[("n", &self.placed.missing)]);
            lines.push(Line::from(Span::styled(
                theme.truncate(&text, w).into_owned(),
                theme.muted,
            )));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }
}

impl Screen for MapState {
    fn on_top(&mut self, core: &Core) {
        if self.revision != core.revision {
            self.refresh(core);
        }
    }

    fn context(&self, _core: &Core) -> Context {
        Context::Map
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        const FAR: f64 = 5.0;
        match input.action {
            Some(Action::MoveLeft) => self.step(-1.0, 0.0),
            Some(Action::MoveRight) => self.step(1.0, 0.0),
            Some(Action::MoveUp) => self.step(0.0, 1.0),
            Some(Action::MoveDown) => self.step(0.0, -1.0),
            Some(Action::JumpLeft) => self.step(-FAR, 0.0),
            Some(Action::JumpRight) => self.step(FAR, 0.0),
            Some(Action::JumpUp) => self.step(0.0, FAR),
            Some(Action::JumpDown) => self.step(0.0, -FAR),
            Some(Action::Open) => {
                if let Some(id) = self.selected_id(core) {
                    return Effect::OpenDetail(id);
                }
            }
            Some(Action::Back) => return Effect::Close,
            Some(a @ (Action::Dashboard | Action::Network)) => {
                return overview(core, a).map_or(Effect::None, Effect::Replace);
            }
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let s = screens(core.lang);
        let placed = fill(s.map_placed, &[("n", &self.placed.points.len())]);
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(
                format!(" {} · {placed} ", s.map_title),
                theme.title,
            ))
            .title_bottom(Span::styled(format!(" {} ", s.map_cursor), theme.muted));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [top, info] = inner.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(2),
        ]));
        let legend_w = (inner.width / 3).min(24);
        let [map, legend] = top.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(legend_w),
        ]));
        self.draw_info(core, frame, info);
        self.draw_legend(core, frame, legend);
        if self.placed.points.is_empty() {
            frame.render_widget(Paragraph::new(Span::styled(s.map_none, theme.muted)), map);
            return;
        }
        if map.width < 2 || map.height < 2 {
            return;
        }
        self.draw_map(core, frame, map);
    }
}

fn list_of_kinds(core: &Core) -> &str {
    let schema = &core.session.ws.schema;
    schema
        .field(&schema.kind_field)
        .and_then(|f| f.field_type.choice_list())
        .unwrap_or("")
}

/// The cells of the canvas, computed as the canvas places its labels, so a
/// point and the text printed for it land in the same cell.
struct Grid {
    b: Bounds,
    w: u16,
    h: u16,
}

impl Grid {
    fn new(b: Bounds, w: u16, h: u16) -> Grid {
        Grid { b, w, h }
    }

    fn len(&self) -> usize {
        self.w as usize * self.h as usize
    }

    /// (column, row) of a point of the plane.
    fn cell(&self, x: f64, y: f64) -> (u16, u16) {
        let col = ((x - self.b.west) * f64::from(self.w - 1) / self.b.width()) as u16;
        let row = ((self.b.north - y) * f64::from(self.h - 1) / self.b.height()) as u16;
        (col.min(self.w - 1), row.min(self.h - 1))
    }

    fn index(&self, x: f64, y: f64) -> usize {
        let (c, r) = self.cell(x, y);
        r as usize * self.w as usize + c as usize
    }

    /// A point of the plane that falls in this cell.
    fn centre(&self, col: u16, row: u16) -> (f64, f64) {
        let x = self.b.west + (f64::from(col) + 0.5) * self.b.width() / f64::from(self.w - 1);
        let y = self.b.north - (f64::from(row) + 0.5) * self.b.height() / f64::from(self.h - 1);
        (x.min(self.b.east), y.max(self.b.south))
    }

    fn centre_of(&self, index: usize) -> (f64, f64) {
        let w = self.w as usize;
        self.centre((index % w) as u16, (index / w) as u16)
    }
}
