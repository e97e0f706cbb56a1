//! "À faire": the open next steps of the census, grouped overdue, this
//! week, later — the same list as `recense todo`. Enter opens the
//! initiative, `x` marks the step done, `A` adds an action to it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::census::todo::{Todo, TodoFilter, When, todo};
use crate::display::{inert, width};
use crate::i18n::{Localized, fill};
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input, Overlay};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::action_form::ActionForm;
use crate::tui::widgets::scroll::{Follow, Scroll};
use crate::tui::words::actions::follow;

#[derive(Debug, Clone)]
enum Row {
    Group(When, usize),
    Step(Box<Todo>),
}

#[derive(Debug, Clone)]
pub struct TodoState {
    rows: Vec<Row>,
    /// The row of the cursor (always a step when there is one).
    cursor: usize,
    steps: usize,
    late: usize,
    revision: u64,
    offset: Scroll,
}

impl TodoState {
    pub fn new(core: &Core) -> TodoState {
        let mut s = TodoState {
            rows: Vec::new(),
            cursor: 0,
            steps: 0,
            late: 0,
            revision: core.revision,
            offset: Scroll::default(),
        };
        s.refresh(core);
        s
    }

    /// Computes the list again, the cursor kept on the same step if it is
    /// still there, else on the one now at its place.
    fn refresh(&mut self, core: &Core) {
        let ws = &core.session.ws;
        let today = core.session.clock.now().date();
        let kept = self
            .current()
            .map(|t| (t.initiative.clone(), t.action.id.clone()));
        let steps = todo(
            &ws.census,
            &ws.schema.name_field,
            today,
            &TodoFilter::default(),
        );
        self.steps = steps.len();
        self.late = steps
            .iter()
            .filter(|s| s.when(today) == When::Overdue)
            .count();
        let mut rows = Vec::new();
        for group in [When::Overdue, When::ThisWeek, When::Later] {
            let in_group: Vec<&Todo> = steps.iter().filter(|s| s.when(today) == group).collect();
            if in_group.is_empty() {
                continue;
            }
            rows.push(Row::Group(group, in_group.len()));
            rows.extend(in_group.into_iter().map(|s| Row::Step(Box::new(s.clone()))));
        }
        let old = self.cursor;
        self.rows = rows;
        self.revision = core.revision;
        let found = kept.and_then(|(i, a)| {
            self.rows
                .iter()
                .position(|r| matches!(r, Row::Step(t) if t.initiative == i && t.action.id == a))
        });
        self.cursor = found.unwrap_or(old);
        self.settle(true);
    }

    /// Puts the cursor on a step, looking `down` first.
    fn settle(&mut self, down: bool) {
        let n = self.rows.len();
        if n == 0 {
            self.cursor = 0;
            return;
        }
        self.cursor = self.cursor.min(n - 1);
        let is_step = |r: &Row| matches!(r, Row::Step(_));
        let order: Vec<usize> = if down {
            (self.cursor..n).chain((0..self.cursor).rev()).collect()
        } else {
            (0..=self.cursor).rev().chain(self.cursor + 1..n).collect()
        };
        if let Some(c) = order.into_iter().find(|&c| is_step(&self.rows[c])) {
            self.cursor = c;
        }
    }

    /// The steps listed, in order, each with its group: (group,
    /// initiative id, action id).
    pub fn listed(&self) -> Vec<(When, String, String)> {
        let mut group = When::Overdue;
        let mut out = Vec::new();
        for row in &self.rows {
            match row {
                Row::Group(g, _) => group = *g,
                Row::Step(t) => out.push((group, t.initiative.to_string(), t.action.id.clone())),
            }
        }
        out
    }

    fn current(&self) -> Option<&Todo> {
        match self.rows.get(self.cursor) {
            Some(Row::Step(t)) => Some(t),
            _ => None,
        }
    }

    fn step(&mut self, by: isize) {
        let target = self.cursor as isize + by;
        self.cursor = target.clamp(0, self.rows.len().saturating_sub(1) as isize) as usize;
        self.settle(by >= 0);
    }

    fn done(&mut self, core: &mut Core) {
        let Some(t) = self.current().cloned() else {
            return;
        };
        match core.session.close_action(&t.initiative, Some(&t.action.id)) {
            Ok(_) => {
                core.after_change(&t.initiative);
                let text = t.action.next.as_ref().map_or("", |n| n.text.as_str());
                let said = fill(follow(core.lang).marked_done, &[("text", &inert(text))]);
                core.say(said);
                self.refresh(core);
            }
            Err(e) => core.error(e.localize(core.lang)),
        }
    }
}

impl Screen for TodoState {
    fn on_top(&mut self, core: &Core) {
        if self.revision != core.revision {
            self.refresh(core);
        }
    }

    fn context(&self, _core: &Core) -> Context {
        Context::Todo
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        let Some(action) = input.action else {
            return Effect::None;
        };
        match action {
            Action::MoveDown => self.step(1),
            Action::MoveUp => self.step(-1),
            Action::PageDown => self.step(10),
            Action::PageUp => self.step(-10),
            Action::Top => {
                self.cursor = 0;
                self.settle(true);
            }
            Action::Bottom => {
                self.cursor = self.rows.len().saturating_sub(1);
                self.settle(false);
            }
            Action::Back => return Effect::Close,
            Action::Open => {
                if let Some(t) = self.current() {
                    return Effect::OpenDetail(t.initiative.clone());
                }
            }
            Action::MarkDone => self.done(core),
            Action::AddFollowUp => {
                if let Some(form) = self
                    .current()
                    .and_then(|t| ActionForm::new(core, t.initiative.clone()))
                {
                    return Effect::Overlay(Overlay::Action(Box::new(form)));
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let t = follow(core.lang);
        let today = core.session.clock.now().date();
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(format!(" {} ", t.todo_title), theme.title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [summary, body] = inner.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        let head = fill(t.todo_summary, &[("n", &self.steps), ("late", &self.late)]);
        frame.render_widget(
            Paragraph::new(Span::styled(
                theme.truncate(&head, summary.width as usize),
                theme.muted,
            )),
            summary,
        );
        if self.rows.is_empty() {
            let key = core
                .keymap
                .first_key(Context::Detail, Action::AddFollowUp)
                .map(|k| k.label(core.lang))
                .unwrap_or_default();
            let text = fill(t.todo_empty, &[("key", &key)]);
            frame.render_widget(
                Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
                body,
            );
            return;
        }
        let height = body.height as usize;
        let offset = self
            .offset
            .follow(self.cursor, height, self.rows.len(), Follow::SECTIONS);
        let w = body.width as usize;
        let lines: Vec<Line> = self
            .rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(n, row)| match row {
                Row::Group(g, count) => {
                    let label = match g {
                        When::Overdue => t.overdue,
                        When::ThisWeek => t.this_week,
                        When::Later => t.later,
                    };
                    let style = if *g == When::Overdue {
                        theme.warning
                    } else {
                        theme.title
                    };
                    Line::from(Span::styled(fill(label, &[("n", count)]), style))
                }
                Row::Step(s) => {
                    let focused = n == self.cursor;
                    let pointer = if focused { theme.pointer() } else { " " };
                    let style = if focused {
                        theme.selected
                    } else {
                        theme.normal
                    };
                    let due = s.due().to_string();
                    let text = s.action.next.as_ref().map_or("", |x| x.text.as_str());
                    let name = inert(&s.name).into_owned();
                    let step = inert(&text.replace('\n', " ")).into_owned();
                    // The step first (at most three fifths), the name in the rest.
                    let room = w.saturating_sub(width(&due) + 7);
                    let step = theme.truncate(&step, room * 3 / 5).into_owned();
                    let name = theme
                        .truncate(&name, room.saturating_sub(width(&step)))
                        .into_owned();
                    let due_style = if s.when(today) == When::Overdue {
                        theme.warning
                    } else {
                        style
                    };
                    Line::from(vec![
                        Span::styled(format!("{pointer} "), style),
                        Span::styled(due, due_style),
                        Span::styled(format!("  {step}"), style),
                        Span::styled(format!(" · {name}"), theme.muted),
                    ])
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), body);
    }
}
