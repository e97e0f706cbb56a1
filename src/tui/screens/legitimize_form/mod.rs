//! The legitimizing forms, over the record or the list: change the status
//! (a picker of the seven statuses in ladder order, then a comment), add
//! evidence (kind, date, note, link), confirm (a comment), link and unlink
//! (a relation kind, then the other initiative found by typing). Then what
//! happened: refused with exactly why, or, on many, who was done and who not.

mod date_check;
mod draw;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::census::id::InitiativeId;
use crate::census::network;
use crate::census::status::{self, Status};
use crate::census::value::split_relation;
use crate::display::inert;
use crate::i18n::{fill, status_label, status_name};
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::legitimize_steps::{LegitimizeStep, StepResult};
use crate::tui::refusals::confirmation_refused_here;
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::picker::{Item, Picker};
use crate::tui::widgets::text_area::TextArea;
use crate::tui::words::legitimize::legit;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Status,
    Evidence,
    Confirm,
    Link,
    Unlink,
}

#[derive(Debug, Clone)]
enum Widget {
    Pick(Picker),
    Text(TextInput),
    /// A note of several lines (the evidence's).
    Area(Box<TextArea>),
}

#[derive(Debug, Clone)]
struct Field {
    label: &'static str,
    widget: Widget,
}

impl Field {
    fn pick(label: &'static str, picker: Picker) -> Field {
        Field {
            label,
            widget: Widget::Pick(picker),
        }
    }

    fn text(label: &'static str, text: &str) -> Field {
        Field {
            label,
            widget: Widget::Text(TextInput::new(text)),
        }
    }

    /// A text filled in beforehand (today's date), replaced by typing.
    fn prefilled(label: &'static str, text: &str) -> Field {
        Field {
            label,
            widget: Widget::Text(TextInput::prefilled(text)),
        }
    }

    fn area(label: &'static str) -> Field {
        Field {
            label,
            widget: Widget::Area(Box::default()),
        }
    }

    /// The value: the picked item's, or the text typed.
    fn value(&self) -> String {
        match &self.widget {
            Widget::Pick(p) => p.current().map(|i| i.value.clone()).unwrap_or_default(),
            Widget::Text(t) => t.text().to_string(),
            Widget::Area(t) => t.text(),
        }
    }

    /// The value as shown on its line (a note's line breaks marked).
    fn shown(&self) -> String {
        match &self.widget {
            Widget::Pick(p) => p.current().map(|i| i.label.clone()).unwrap_or_default(),
            Widget::Text(t) => t.text().to_string(),
            Widget::Area(t) => t.text().replace('\n', " / "),
        }
    }
}

/// What happened, shown until closed.
#[derive(Debug, Clone)]
struct Report {
    title: String,
    /// Lines, and whether each says a refusal.
    lines: Vec<(String, bool)>,
    /// How far it is scrolled, in lines of the paragraph.
    scroll: u16,
}

#[derive(Debug, Clone)]
pub struct LegitimizeForm {
    kind: Kind,
    targets: Vec<InitiativeId>,
    /// The name of the one target, or how many are marked.
    subject: String,
    fields: Vec<Field>,
    /// The field that has the keys.
    focus: usize,
    error: Option<String>,
    report: Option<Report>,
}

/// `name (commune)`: how an initiative is found in a picker.
fn name_and_commune(core: &Core, i: &crate::census::model::Initiative) -> String {
    let name = i.value(&core.session.ws.schema.name_field).unwrap_or("?");
    match i.value("commune") {
        Some(c) => format!("{name} ({c})"),
        None => name.to_string(),
    }
}

impl LegitimizeForm {
    /// The form of `action` for `targets` (the marked ones, or the one shown);
    /// `None` when there is nothing to act on.
    pub fn open(
        core: &mut Core,
        action: Action,
        targets: Vec<InitiativeId>,
    ) -> Option<LegitimizeForm> {
        let t = legit(core.lang);
        let schema = &core.session.ws.schema;
        let census = &core.session.ws.census;
        let first = census.get(targets.first()?)?;
        let subject = if targets.len() == 1 {
            fill(
                t.form_one,
                &[(
                    "name",
                    &inert(first.value(&schema.name_field).unwrap_or("?")),
                )],
            )
        } else {
            fill(t.form_many, &[("n", &targets.len())])
        };
        let relation_list = network::relation_field(schema)
            .and_then(|f| f.field_type.choice_list())
            .unwrap_or("relations");
        let (kind, fields) = match action {
            Action::SetStatus => {
                let current = (targets.len() == 1).then(|| status::current(first));
                let items = Status::ALL
                    .into_iter()
                    .map(|s| {
                        let id = s.id();
                        Item::new(id, status_name(s, core.lang), current == Some(id))
                    })
                    .collect();
                (
                    Kind::Status,
                    vec![
                        Field::pick(t.status_new, Picker::new(items, false)),
                        Field::text(t.comment, ""),
                    ],
                )
            }
            Action::AddEvidence => {
                let items = schema
                    .choices(status::EVIDENCE_KINDS)
                    .iter()
                    .map(|c| Item::choice(c, core.lang, false))
                    .collect();
                let today = core.session.clock.now().date().to_string();
                (
                    Kind::Evidence,
                    vec![
                        Field::pick(t.evidence_kind, Picker::new(items, false)),
                        Field::prefilled(t.evidence_date, &today),
                        Field::area(t.evidence_note),
                        Field::text(t.evidence_url, ""),
                    ],
                )
            }
            Action::ConfirmRecord => {
                // Refused before a comment is asked: when none of the
                // targets may be confirmed by this agent, say why and how.
                let agent = core.session.agent.id;
                let refusals: Vec<String> = targets
                    .iter()
                    .filter_map(|id| census.get(id))
                    .filter_map(|i| confirmation_refused_here(core, i, agent))
                    .collect();
                if refusals.len() == targets.len()
                    && let Some(first) = refusals.into_iter().next()
                {
                    core.error(first);
                    return None;
                }
                (Kind::Confirm, vec![Field::text(t.comment_optional, "")])
            }
            Action::Link => {
                let kinds = schema
                    .choices(relation_list)
                    .iter()
                    .map(|c| Item::new(&c.id, c.label.get(core.lang), false))
                    .collect();
                let others = census
                    .live()
                    .filter(|i| i.id != first.id)
                    .map(|i| Item::new(i.id.to_string(), name_and_commune(core, i), false))
                    .collect();
                (
                    Kind::Link,
                    vec![
                        Field::pick(t.link_kind, Picker::new(kinds, false)),
                        Field::pick(t.link_target, Picker::new(others, false).starting_empty()),
                    ],
                )
            }
            Action::Unlink => {
                let items: Vec<Item> = network::outgoing(schema, first)
                    .map(|l| {
                        let name = InitiativeId::parse(l.to)
                            .ok()
                            .and_then(|id| census.get(&id))
                            .map_or_else(|| l.to.to_string(), |i| name_and_commune(core, i));
                        let label = schema.choice_label(l.list, l.kind, core.lang);
                        Item::new(
                            format!("{}:{}", l.kind, l.to),
                            format!("{label} {name}"),
                            false,
                        )
                    })
                    .collect();
                if items.is_empty() {
                    core.say(t.no_relation);
                    return None;
                }
                (
                    Kind::Unlink,
                    vec![Field::pick(t.unlink_title, Picker::new(items, false))],
                )
            }
            _ => return None,
        };
        Some(LegitimizeForm {
            kind,
            targets,
            subject,
            fields,
            focus: 0,
            error: None,
            report: None,
        })
    }

    fn title(&self, core: &Core) -> &'static str {
        let t = legit(core.lang);
        match self.kind {
            Kind::Status => t.status_title,
            Kind::Evidence => t.evidence_title,
            Kind::Confirm => t.confirm_title,
            Kind::Link => t.link_title,
            Kind::Unlink => t.unlink_title,
        }
    }

    fn handle(&mut self, core: &mut Core, input: Input) -> Effect {
        if let Some(report) = &mut self.report {
            // A long list of refusals scrolls; any other key closes.
            let last = report.lines.len().saturating_sub(1) as u16;
            match input.action {
                Some(Action::MoveDown) => report.scroll = (report.scroll + 1).min(last),
                Some(Action::MoveUp) => report.scroll = report.scroll.saturating_sub(1),
                Some(Action::PageDown) => report.scroll = (report.scroll + 10).min(last),
                Some(Action::PageUp) => report.scroll = report.scroll.saturating_sub(10),
                _ => return Effect::Close,
            }
            return Effect::None;
        }
        let last = self.fields.len().saturating_sub(1);
        if input.action == Some(Action::EditExternally) {
            return match self.fields.get(self.focus).map(|f| &f.widget) {
                Some(Widget::Text(_) | Widget::Area(_)) => {
                    Effect::EditExternally(crate::tui::external::ExternalEdit {
                        text: self.value(self.focus),
                        name: "note".into(),
                    })
                }
                _ => Effect::None,
            };
        }
        match input.action {
            Some(Action::Cancel) => return Effect::Close,
            // A date that cannot be read is said on leaving its field,
            // which keeps the cursor.
            Some(Action::NextField | Action::PreviousField | Action::Confirm)
                if self.date_refused(core) => {}
            Some(Action::NextField) => self.focus = (self.focus + 1).min(last),
            Some(Action::PreviousField) => self.focus = self.focus.saturating_sub(1),
            Some(Action::Confirm) if self.focus < last => self.focus += 1,
            Some(Action::Confirm) => return self.submit(core),
            _ => match self.fields.get_mut(self.focus).map(|f| &mut f.widget) {
                Some(Widget::Pick(p)) => match input.action {
                    Some(Action::MoveDown) => p.move_down(),
                    Some(Action::MoveUp) => p.move_up(),
                    _ => {
                        p.type_key(input.key);
                    }
                },
                Some(Widget::Text(t)) => {
                    t.handle(input.key);
                }
                Some(Widget::Area(t)) => {
                    t.handle(input.key, input.action);
                }
                None => {}
            },
        }
        Effect::None
    }

    fn value(&self, n: usize) -> String {
        self.fields.get(n).map(Field::value).unwrap_or_default()
    }

    /// Does it; closes the form unless there is something to read.
    fn submit(&mut self, core: &mut Core) -> Effect {
        let t = legit(core.lang);
        let action = match self.kind {
            Kind::Status => LegitimizeStep::Status {
                status: self.value(0),
                comment: self.value(1),
            },
            Kind::Evidence => LegitimizeStep::Evidence {
                kind: self.value(0),
                date: self.value(1),
                note: self.value(2),
                url: self.value(3),
            },
            Kind::Confirm => LegitimizeStep::Confirm {
                comment: self.value(0),
            },
            Kind::Link | Kind::Unlink => return self.submit_link(core),
        };
        let outcome = core.legitimize(&self.targets, &action);
        if let Some(invalid) = outcome.invalid {
            self.error = Some(invalid);
            return Effect::None;
        }
        let done_text = match &action {
            LegitimizeStep::Status { status, .. } => fill(
                t.status_done,
                &[("status", &status_label(status, core.lang))],
            ),
            LegitimizeStep::Evidence { .. } => t.evidence_done.to_string(),
            LegitimizeStep::Confirm { .. } => t.confirm_done.to_string(),
        };
        if self.targets.len() == 1 {
            if let Some((_, why)) = outcome.refused.first() {
                self.report = Some(Report {
                    title: t.refused_title.to_string(),
                    lines: vec![(why.clone(), true)],
                    scroll: 0,
                });
                return Effect::None;
            }
            core.say(done_text);
            return Effect::Close;
        }
        self.report = Some(self.batch_report(core, &outcome, &action, &done_text));
        Effect::None
    }

    /// Who was done, who was not and why, and what undo does.
    fn batch_report(
        &self,
        core: &mut Core,
        outcome: &StepResult,
        action: &LegitimizeStep,
        done_text: &str,
    ) -> Report {
        let t = legit(core.lang);
        let done = fill(
            t.batch_done,
            &[
                ("done", &outcome.done.len()),
                ("total", &self.targets.len()),
            ],
        );
        let mut lines = vec![(format!("{done_text}. {done}"), false)];
        if !outcome.refused.is_empty() {
            lines.push((
                fill(t.batch_refused, &[("n", &outcome.refused.len())]),
                true,
            ));
            for (id, why) in &outcome.refused {
                let name = core
                    .session
                    .ws
                    .census
                    .get(id)
                    .and_then(|i| i.value(&core.session.ws.schema.name_field))
                    .map_or_else(|| id.to_string(), |n| inert(n).into_owned());
                lines.push((format!("- {name}{}{why}", core.ui().colon), true));
            }
        }
        if !outcome.done.is_empty() {
            let undo = match action {
                LegitimizeStep::Status { .. } => fill(t.batch_undo, &[("key", &core.undo_key())]),
                _ => t.batch_no_undo.to_string(),
            };
            lines.push((undo, false));
        }
        core.say(format!(
            "{done_text}{}{}/{}",
            core.ui().colon,
            outcome.done.len(),
            self.targets.len()
        ));
        Report {
            title: t.batch_title.to_string(),
            lines,
            scroll: 0,
        }
    }

    fn submit_link(&mut self, core: &mut Core) -> Effect {
        let t = legit(core.lang);
        let Some(id) = self.targets.first().cloned() else {
            return Effect::Close;
        };
        let (kind, target, add) = match self.kind {
            Kind::Link if self.value(1).is_empty() => {
                self.focus = 1;
                self.error = Some(
                    crate::tui::words::flow::flow(core.lang)
                        .link_need_target
                        .into(),
                );
                return Effect::None;
            }
            Kind::Link => (self.value(0), self.value(1), true),
            _ => {
                let v = self.value(0);
                let (k, to) = split_relation(&v).unwrap_or(("", ""));
                (k.to_string(), to.to_string(), false)
            }
        };
        match core.link(&id, &kind, &target, add) {
            Ok(changed) => {
                let text = match (changed, add) {
                    (false, _) => t.unchanged,
                    (true, true) => t.linked,
                    (true, false) => t.unlinked,
                };
                core.say(text);
                Effect::Close
            }
            Err(e) => {
                self.error = Some(e);
                Effect::None
            }
        }
    }
}

impl Screen for LegitimizeForm {
    fn context(&self, _core: &Core) -> Context {
        if self.report.is_some() {
            // Read, then any key closes it: the help's keys say how.
            return Context::Help;
        }
        match self.fields.get(self.focus).map(|f| &f.widget) {
            Some(Widget::Pick(_)) => Context::Picker,
            Some(Widget::Area(_)) => Context::TextArea,
            _ => Context::Wizard,
        }
    }

    /// The text from the person's editor goes in the field (checked when
    /// the form is sent, as a typed one).
    fn external_text(&mut self, core: &mut Core, text: Result<String, String>) -> Effect {
        let text = match text {
            Ok(text) => text,
            Err(why) => {
                self.error = Some(why.clone());
                core.error(why);
                return Effect::None;
            }
        };
        match self.fields.get_mut(self.focus).map(|f| &mut f.widget) {
            Some(Widget::Text(t)) => t.set(&text),
            Some(Widget::Area(t)) => t.set(&text),
            _ => {}
        }
        Effect::None
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        self.handle(core, input)
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        self.draw_form(core, frame, area)
    }
}
