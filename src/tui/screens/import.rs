//! Importing a list from the interface: the file and its format, then the
//! plan — where each column goes (guessed, changed here for a CSV) and what
//! happens to each row — and only then the import, in one save. The same
//! planning and applying as `recense import` (`census::import`).

use crate::tui::widgets::error_text::error_span;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::census::import::{self, Format, ImportPlan, Request, Target};
use crate::display::{inert, width};
use crate::i18n::import::{column_line, row_lines, summary};
use crate::i18n::{Localized, fill};
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::picker::{Item, Picker};
use crate::tui::words::transfer::transfer;

/// Which list of the plan has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    Columns,
    Rows,
}

/// The plan made, shown and changed before it is applied.
#[derive(Debug, Clone)]
struct Review {
    request: Request,
    plan: ImportPlan,
    pane: Pane,
    column: usize,
    row: usize,
    /// Choosing where the column under the cursor goes.
    picker: Option<Picker>,
}

#[derive(Debug, Clone)]
pub struct ImportState {
    path: TextInput,
    format: Format,
    /// The format was chosen by the person (not guessed from the file).
    format_chosen: bool,
    /// The format the file named seems to have (guessed when the path
    /// changes, never while drawing).
    guessed: Format,
    review: Option<Review>,
    /// Why the file could not be planned (stays on the first step).
    error: Option<String>,
}

/// A target as a person reads it: a field by its label.
fn target_text(core: &Core, column: &str, target: &Target) -> String {
    match target {
        Target::Field(f) => {
            let label = core
                .session
                .ws
                .schema
                .field(f)
                .map_or(f.as_str(), |d| d.label.get(core.lang));
            format!("{} → {label}", inert(column))
        }
        other => column_line(&inert(column), other, core.lang)
            .trim_start()
            .to_string(),
    }
}

impl ImportState {
    /// The first step, with a file already named (`:import FILE`) or not.
    pub fn new(path: &str) -> ImportState {
        ImportState {
            path: TextInput::new(path),
            format: Format::Csv,
            format_chosen: false,
            guessed: Format::guess(&super::typed_path(path.trim())),
            review: None,
            error: None,
        }
    }

    /// The format shown on the first step: chosen, or guessed from the file.
    fn shown_format(&self) -> Format {
        if self.format_chosen {
            self.format
        } else {
            self.guessed
        }
    }

    fn update_source(&mut self, core: &mut Core, input: Input) -> Effect {
        let step = |f: Format, by: isize| {
            let all = Format::ALL;
            let at = all.iter().position(|x| *x == f).unwrap_or(0) as isize;
            all[(at + by).rem_euclid(all.len() as isize) as usize]
        };
        match input.action {
            Some(Action::Cancel) => return Effect::Close,
            Some(Action::MoveDown) | Some(Action::MoveUp) => {
                let by = if input.action == Some(Action::MoveDown) {
                    1
                } else {
                    -1
                };
                self.format = step(self.shown_format(), by);
                self.format_chosen = true;
            }
            Some(Action::Confirm) => {
                let path = self.path.text().trim();
                if path.is_empty() {
                    self.error = Some(transfer(core.lang).import_need_file.to_string());
                    return Effect::None;
                }
                let request = Request::new(self.shown_format(), super::typed_path(path));
                self.plan(core, request, Pane::Columns, 0);
            }
            _ => {
                if self.path.handle(input.key) {
                    self.error = None;
                    self.guessed = Format::guess(&super::typed_path(self.path.text().trim()));
                }
            }
        }
        Effect::None
    }

    /// Plans `request`; on success the review is shown, else the error.
    fn plan(&mut self, core: &Core, request: Request, pane: Pane, column: usize) {
        let now = core.session.clock.now();
        match import::plan(
            &core.session.ws.census,
            &core.session.ws.schema,
            &core.session.agent,
            now,
            &request,
        ) {
            Ok(plan) => {
                let pane = if plan.columns.is_empty() {
                    Pane::Rows
                } else {
                    pane
                };
                self.error = None;
                self.review = Some(Review {
                    column: column.min(plan.columns.len().saturating_sub(1)),
                    request,
                    plan,
                    pane,
                    row: 0,
                    picker: None,
                });
            }
            Err(e) => {
                self.error = Some(e.localize(core.lang));
                self.review = None;
            }
        }
    }

    fn update_review(&mut self, core: &mut Core, review: &mut Review, input: Input) -> Effect {
        let Some(action) = input.action else {
            return Effect::None;
        };
        let len = match review.pane {
            Pane::Columns => review.plan.columns.len(),
            Pane::Rows => review.plan.rows.len(),
        };
        let cursor = match review.pane {
            Pane::Columns => &mut review.column,
            Pane::Rows => &mut review.row,
        };
        let last = len.saturating_sub(1);
        match action {
            Action::MoveDown => *cursor = (*cursor + 1).min(last),
            Action::MoveUp => *cursor = cursor.saturating_sub(1),
            Action::Top => *cursor = 0,
            Action::Bottom => *cursor = last,
            Action::PageDown => *cursor = (*cursor + 10).min(last),
            Action::PageUp => *cursor = cursor.saturating_sub(10),
            Action::NextPane if !review.plan.columns.is_empty() => {
                review.pane = match review.pane {
                    Pane::Columns => Pane::Rows,
                    Pane::Rows => Pane::Columns,
                };
            }
            Action::Confirm if review.pane == Pane::Columns => {
                if review.request.format != Format::Csv {
                    core.error(transfer(core.lang).import_fixed_columns);
                } else if let Some(c) = review.plan.columns.get(review.column) {
                    review.picker = Some(target_picker(core, &c.target));
                }
            }
            Action::Apply => return self.apply(core, review),
            Action::Back => return Effect::Close,
            _ => {}
        }
        Effect::None
    }

    fn update_picker(&mut self, core: &mut Core, review: &mut Review, input: Input) {
        let Some(picker) = review.picker.as_mut() else {
            return;
        };
        match input.action {
            Some(Action::Cancel) => review.picker = None,
            Some(Action::MoveDown) => picker.move_down(),
            Some(Action::MoveUp) => picker.move_up(),
            Some(Action::Confirm) => {
                let chosen = picker.current().map(|i| i.value.clone());
                review.picker = None;
                let (Some(value), Some(column)) = (chosen, review.plan.columns.get(review.column))
                else {
                    return;
                };
                let Ok((_, target)) =
                    import::parse_map(&core.session.ws.schema, &format!("{}={value}", column.name))
                else {
                    return;
                };
                let mut request = review.request.clone();
                request.overrides.retain(|(name, _)| *name != column.name);
                request.overrides.push((column.name.clone(), target));
                let at = review.column;
                self.plan(core, request, Pane::Columns, at);
                // A mapping refused (two columns into one field): say why and
                // keep the plan as it was.
                if let Some(e) = self.error.take() {
                    core.error(e);
                    self.review = None;
                } else if let Some(new) = self.review.take() {
                    *review = new;
                }
            }
            _ => {
                picker.type_key(input.key);
            }
        }
    }

    /// Applies the plan, saves the census once, and says what was done.
    fn apply(&mut self, core: &mut Core, review: &mut Review) -> Effect {
        let plan = review.plan.clone();
        let file = plan.file.clone();
        let counts = plan.counts();
        if !plan.changes_anything() {
            let t = transfer(core.lang);
            core.say(fill(t.import_nothing, &[("file", &file)]));
            return Effect::Close;
        }
        let applied = core.import(plan);
        let mut text = summary(&file, &counts, core.lang);
        if !applied.failed.is_empty() {
            let t = transfer(core.lang);
            text.push_str(&fill(t.import_failed, &[("n", &applied.failed.len())]));
            core.error(text);
        } else {
            core.say(text);
        }
        Effect::Close
    }

    fn draw_source(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let t = transfer(core.lang);
        let [path_label, path, _, format_label, formats, _, error, hint] =
            area.layout(&Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Length(Format::ALL.len() as u16),
                Constraint::Length(1),
                Constraint::Fill(1),
                Constraint::Length(1),
            ]));
        frame.render_widget(
            Paragraph::new(Span::styled(t.import_file, theme.muted)),
            path_label,
        );
        let shown = inert(self.path.text());
        frame.render_widget(
            Paragraph::new(Span::styled(format!("> {shown}"), theme.focus)),
            path,
        );
        let before: String = self.path.text().chars().take(self.path.cursor()).collect();
        let x = path.x + 2 + width(&inert(&before)) as u16;
        frame.set_cursor_position((x.min(path.right().saturating_sub(1)), path.y));
        let guessed = if self.format_chosen {
            ""
        } else {
            t.import_guessed
        };
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("{}{guessed}", t.import_format),
                theme.muted,
            )),
            format_label,
        );
        let current = self.shown_format();
        let lines: Vec<Line> = Format::ALL
            .iter()
            .map(|f| {
                let on = *f == current;
                let style = if on { theme.selected } else { theme.normal };
                let mark = if on { theme.pointer() } else { " " };
                Line::from(Span::styled(
                    format!("{mark} {} — {}", f.id(), format_help(*f, core)),
                    style,
                ))
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), formats);
        if let Some(e) = &self.error {
            frame.render_widget(
                Paragraph::new(error_span(e, theme, core.lang)).wrap(Wrap { trim: true }),
                error,
            );
        }
        frame.render_widget(
            Paragraph::new(Span::styled(t.import_source_hint, theme.muted)),
            hint,
        );
    }
}

impl Screen for ImportState {
    fn context(&self, _core: &Core) -> Context {
        match &self.review {
            None => Context::Search,
            Some(r) if r.picker.is_some() => Context::Picker,
            Some(_) => Context::Import,
        }
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        match self.review.take() {
            None => self.update_source(core, input),
            Some(mut review) => {
                let effect = if review.picker.is_some() {
                    self.update_picker(core, &mut review, input);
                    Effect::None
                } else {
                    self.update_review(core, &mut review, input)
                };
                if matches!(effect, Effect::None) && self.error.is_none() {
                    self.review = Some(review);
                }
                effect
            }
        }
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let t = transfer(core.lang);
        let title = match &self.review {
            None => t.import_title.to_string(),
            Some(r) => {
                let file = r
                    .request
                    .path
                    .file_name()
                    .map_or_else(|| r.plan.file.clone(), |f| f.to_string_lossy().into_owned());
                fill(
                    t.import_review_title,
                    &[("file", &inert(&file)), ("format", &r.request.format.id())],
                )
            }
        };
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(
                format!(
                    " {} ",
                    theme.truncate(&title, area.width.saturating_sub(4) as usize)
                ),
                theme.title,
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        match &self.review {
            None => self.draw_source(core, frame, inner),
            Some(r) => draw_review(core, r, frame, inner),
        }
    }
}

fn format_help(f: Format, core: &Core) -> &'static str {
    let t = transfer(core.lang);
    match f {
        Format::Csv => t.format_csv_in,
        Format::Mednum => t.format_mednum_in,
        Format::DataInclusion => t.format_data_inclusion_in,
        Format::Chatons => t.format_chatons_in,
    }
}

/// Every place a column can go: the form's fields (by label), the notes,
/// the id, latitude, longitude, or nowhere.
fn target_picker(core: &Core, current: &Target) -> Picker {
    let t = transfer(core.lang);
    let mut items: Vec<Item> = core
        .session
        .ws
        .schema
        .fields
        .iter()
        .map(|f| {
            let on = *current == Target::Field(f.id.clone());
            Item::new(f.id.clone(), f.label.get(core.lang), on)
        })
        .collect();
    for (value, label, target) in [
        ("notes", t.target_notes, Target::Notes),
        ("id", t.target_id, Target::Id),
        ("lat", t.target_lat, Target::Latitude),
        ("lon", t.target_lon, Target::Longitude),
        ("-", t.target_ignore, Target::Ignore),
    ] {
        items.push(Item::new(value, label, *current == target));
    }
    Picker::new(items, false)
}

fn draw_review(core: &Core, r: &Review, frame: &mut Frame, area: Rect) {
    let theme = &core.theme;
    let t = transfer(core.lang);
    let c = r.plan.counts();
    let counts = fill(
        t.import_counts,
        &[
            ("created", &c.created),
            ("updated", &c.updated),
            ("unchanged", &c.unchanged),
            ("likely", &c.likely),
            ("same", &c.same),
            ("skipped", &c.skipped),
        ],
    );
    let [head, body, hint] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    frame.render_widget(
        Paragraph::new(Span::styled(counts, theme.focus)).wrap(Wrap { trim: true }),
        head,
    );
    let hint_text = if r.request.format == Format::Csv {
        t.import_review_hint
    } else {
        t.import_review_hint_fixed
    };
    frame.render_widget(Paragraph::new(Span::styled(hint_text, theme.muted)), hint);
    if let Some(picker) = &r.picker {
        let name = r.plan.columns.get(r.column).map_or("", |c| c.name.as_str());
        let [label, rest] = body.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        frame.render_widget(
            Paragraph::new(Span::styled(
                fill(t.import_choose_target, &[("column", &inert(name))]),
                theme.title,
            )),
            label,
        );
        picker.draw(theme, core.lang, frame, rest, core.ui().pick_hint);
        return;
    }
    let constraints = if r.plan.columns.is_empty() {
        [Constraint::Length(0), Constraint::Fill(1)]
    } else {
        [Constraint::Fill(1), Constraint::Fill(1)]
    };
    let [columns, rows] = body.layout(&Layout::vertical(constraints));
    if !r.plan.columns.is_empty() {
        let lines: Vec<(String, bool)> = r
            .plan
            .columns
            .iter()
            .map(|c| {
                let unknown = c.origin == import::Origin::Unknown && c.target == Target::Ignore;
                (target_text(core, &c.name, &c.target), unknown)
            })
            .collect();
        let title = fill(t.import_columns, &[("n", &lines.len())]);
        pane(
            core,
            frame,
            columns,
            &title,
            &lines,
            r.column,
            r.pane == Pane::Columns,
        );
    }
    let lines: Vec<(String, bool)> = r
        .plan
        .rows
        .iter()
        .flat_map(|row| row_lines(&r.plan.file, row, core.lang).into_iter().next())
        .collect();
    let title = fill(t.import_rows, &[("n", &lines.len())]);
    pane(
        core,
        frame,
        rows,
        &title,
        &lines,
        r.row,
        r.pane == Pane::Rows,
    );
}

/// A titled list with a cursor; lines asking for attention in the warning
/// style and marked `!` (readable without colour).
fn pane(
    core: &Core,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    lines: &[(String, bool)],
    cursor: usize,
    focused: bool,
) {
    let theme = &core.theme;
    if area.height == 0 {
        return;
    }
    let [head, list] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let head_style = if focused { theme.focus } else { theme.muted };
    frame.render_widget(
        Paragraph::new(Span::styled(title.to_string(), head_style)),
        head,
    );
    let height = list.height as usize;
    let start = cursor.saturating_sub(height.saturating_sub(1));
    let w = list.width as usize;
    let shown: Vec<Line> = lines
        .iter()
        .enumerate()
        .skip(start)
        .take(height)
        .map(|(n, (text, attention))| {
            let mark = if *attention { "! " } else { "  " };
            let style = if focused && n == cursor {
                theme.selected
            } else if *attention {
                theme.warning
            } else {
                theme.normal
            };
            Line::from(Span::styled(
                theme.truncate(&format!("{mark}{text}"), w).into_owned(),
                style,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(shown), list);
}
