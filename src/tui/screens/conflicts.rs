//! What merging left to decide, one choice per line: keep one of the values
//! (with who and when), type another, delete again or keep, fuse again.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::census::conflicts::{Conflict, conflicts};
use crate::census::id::InitiativeId;
use crate::census::model::{Census, Entry, system};
use crate::census::ops::{Changes, FieldValues};
use crate::display::{inert, width};
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input, View};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::detail::DetailState;
use crate::tui::widgets::field_editor::{EditorProgress, FieldEditor};
use crate::tui::widgets::scroll::{Follow, Scroll};

/// One line of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Row {
    /// What the conflict is about.
    Title(String),
    /// A change the decision must take into account.
    Note(String),
    /// A decision: keep value `pick` of `field`.
    Keep {
        id: InitiativeId,
        field: String,
        pick: usize,
        value: String,
        who: String,
    },
    /// A decision: type another value.
    NewValue { id: InitiativeId, field: String },
    /// A decision on a deleted and edited initiative (1: delete, 2: keep).
    Deletion { id: InitiativeId, pick: usize },
    /// A decision: fuse again.
    FuseAgain {
        keep: InitiativeId,
        absorbed: InitiativeId,
    },
    /// A decision settled by `resolve_pick(id, field, pick)`, worded `text`:
    /// the record to keep in a cycle of fusions, keeping or undoing a fusion
    /// against « not a duplicate ».
    Choose {
        id: InitiativeId,
        field: &'static str,
        pick: usize,
        text: String,
    },
}

impl Row {
    fn choice(&self) -> bool {
        !matches!(self, Row::Title(_) | Row::Note(_))
    }

    fn initiative(&self) -> Option<&InitiativeId> {
        match self {
            Row::Keep { id, .. }
            | Row::NewValue { id, .. }
            | Row::Deletion { id, .. }
            | Row::Choose { id, .. } => Some(id),
            Row::FuseAgain { keep, .. } => Some(keep),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ConflictsState {
    cursor: usize,
    editor: Option<(InitiativeId, FieldEditor)>,
    offset: Scroll,
}

fn who(census: &Census, e: &Entry, core: &Core) -> String {
    match (e.stamp.dot(), e.stamp.at()) {
        (Some(d), Some(at)) => {
            let mut name = inert(census.agent_name(&d.agent)).into_owned();
            if e.stamp.by_hand() {
                name.push_str(&format!(" ({})", core.ui().hand_edit));
            }
            format!("{name}, {}", at.date())
        }
        _ => core.ui().hand_edit.to_string(),
    }
}

fn label<'a>(core: &'a Core, field: &'a str) -> &'a str {
    if let Some(label) = crate::i18n::fusion::work_label(field, core.lang) {
        return label;
    }
    core.session
        .ws
        .schema
        .field(field)
        .map_or(field, |d| d.label.get(core.lang))
}

fn name(core: &Core, id: &InitiativeId) -> String {
    inert(
        core.session
            .ws
            .census
            .get(id)
            .and_then(|i| i.value(&core.session.ws.schema.name_field))
            .unwrap_or("?"),
    )
    .into_owned()
}

/// A value as people read it: a choice by its label.
fn shown(core: &Core, field: &str, e: &Entry) -> String {
    let work = crate::i18n::fusion::work_value(&core.session.ws.schema, field, &e.value, core.lang);
    if let Some(work) = work {
        return inert(&work).into_owned();
    }
    let v = e.value.as_text().unwrap_or("?");
    let text = match core
        .session
        .ws
        .schema
        .field(field)
        .and_then(|d| d.field_type.choice_list())
    {
        Some(l) if !v.contains(':') => core
            .session
            .ws
            .schema
            .choice_label(l, v, core.lang)
            .to_string(),
        _ => v.to_string(),
    };
    inert(&text).into_owned()
}

impl ConflictsState {
    fn rows(core: &Core) -> Vec<Row> {
        let ui = core.ui();
        let census = &core.session.ws.census;
        let mut rows = Vec::new();
        for c in conflicts(census, &core.session.ws.schema) {
            match c {
                Conflict::Field { id, field, entries } => {
                    rows.push(Row::Title(fill(
                        ui.conflict_field,
                        &[("name", &name(core, &id)), ("field", &label(core, &field))],
                    )));
                    for (n, e) in entries.iter().enumerate() {
                        rows.push(Row::Keep {
                            id: id.clone(),
                            field: field.clone(),
                            pick: n + 1,
                            value: shown(core, &field, e),
                            who: who(census, e, core),
                        });
                    }
                    rows.push(Row::NewValue { id, field });
                }
                Conflict::DeletedEdited {
                    id,
                    deletions,
                    edits,
                } => {
                    let deleted: Vec<String> =
                        deletions.iter().map(|e| who(census, e, core)).collect();
                    let mut editors: Vec<String> =
                        edits.iter().map(|(_, e)| who(census, e, core)).collect();
                    editors.dedup();
                    rows.push(Row::Title(fill(
                        ui.conflict_deleted,
                        &[
                            ("name", &name(core, &id)),
                            ("deleted", &deleted.join(", ")),
                            ("edited", &editors.join(", ")),
                        ],
                    )));
                    for (field, e) in &edits {
                        rows.push(Row::Note(fill(
                            ui.conflict_edit,
                            &[
                                ("field", &label(core, field)),
                                ("value", &shown(core, field, e)),
                                ("who", &who(census, e, core)),
                            ],
                        )));
                    }
                    rows.push(Row::Deletion {
                        id: id.clone(),
                        pick: 1,
                    });
                    rows.push(Row::Deletion { id, pick: 2 });
                }
                Conflict::AfterFusion {
                    survivor,
                    absorbed,
                    edits,
                } => {
                    rows.push(Row::Title(fill(
                        ui.conflict_fused,
                        &[("name", &name(core, &survivor))],
                    )));
                    for (field, e) in &edits {
                        rows.push(Row::Note(fill(
                            ui.conflict_edit,
                            &[
                                ("field", &label(core, field)),
                                ("value", &shown(core, field, e)),
                                ("who", &who(census, e, core)),
                            ],
                        )));
                    }
                    rows.push(Row::FuseAgain {
                        keep: survivor,
                        absorbed,
                    });
                }
                Conflict::FusionCycle { survivor, records } => {
                    let t = crate::i18n::fusion::fusion(core.lang);
                    rows.push(Row::Title(fill(
                        t.ui_cycle_title,
                        &[("name", &name(core, &survivor))],
                    )));
                    for (n, (id, fusions)) in records.iter().enumerate() {
                        // Who fused this record into which.
                        let into = census.get(id).and_then(|i| i.redirect_target());
                        let last = fusions.iter().max_by_key(|e| (e.stamp.at(), e.stamp.dot()));
                        if let (Some(into), Some(e)) = (into, last) {
                            rows.push(Row::Note(fill(
                                ui.conflict_edit,
                                &[
                                    ("field", id),
                                    ("value", &into),
                                    ("who", &who(census, e, core)),
                                ],
                            )));
                        }
                        rows.push(Row::Choose {
                            id: survivor.clone(),
                            field: system::MERGED_INTO,
                            pick: n + 1,
                            text: fill(t.ui_cycle_keep, &[("id", id), ("name", &name(core, id))]),
                        });
                    }
                }
                Conflict::FusedNotDuplicate {
                    survivor,
                    absorbed,
                    fusions,
                    marks,
                } => {
                    let t = crate::i18n::fusion::fusion(core.lang);
                    let names = |es: &[Entry]| {
                        let mut v: Vec<String> = es.iter().map(|e| who(census, e, core)).collect();
                        v.dedup();
                        v.join(", ")
                    };
                    rows.push(Row::Title(fill(
                        t.ui_not_duplicate_title,
                        &[
                            ("name", &name(core, &absorbed)),
                            ("fusers", &names(&fusions)),
                            ("markers", &names(&marks)),
                        ],
                    )));
                    for (pick, text) in [(1, t.ui_keep_fusion), (2, t.ui_undo_fusion)] {
                        rows.push(Row::Choose {
                            id: survivor.clone(),
                            field: system::NOT_DUPLICATE,
                            pick,
                            text: text.to_string(),
                        });
                    }
                }
            }
        }
        rows
    }

    fn move_to(&mut self, rows: &[Row], target: usize, down: bool) {
        let choices: Vec<usize> = (0..rows.len()).filter(|&n| rows[n].choice()).collect();
        let found = if down {
            choices.iter().find(|&&n| n >= target)
        } else {
            choices.iter().rev().find(|&&n| n <= target)
        };
        if let Some(&n) = found.or(if down {
            choices.last()
        } else {
            choices.first()
        }) {
            self.cursor = n;
        }
    }

    fn decide(&mut self, core: &mut Core, row: Option<Row>) {
        let result = match row {
            Some(Row::Keep {
                id, field, pick, ..
            }) => core.resolve_pick(&id, &field, pick),
            Some(Row::Deletion { id, pick }) => core.resolve_pick(&id, system::DELETED, pick),
            Some(Row::FuseAgain { keep, absorbed }) => core.fuse(&keep, &absorbed).map(|_| ()),
            Some(Row::Choose {
                id, field, pick, ..
            }) => core.resolve_pick(&id, field, pick),
            Some(Row::NewValue { id, field }) => {
                if let (Some(def), Some(i)) = (
                    core.session.ws.schema.field(&field),
                    core.session.ws.census.get(&id),
                ) {
                    let current: Vec<String> =
                        i.value(&field).map(String::from).into_iter().collect();
                    self.editor =
                        Some((id.clone(), FieldEditor::new(core, def, &current, Some(&id))));
                }
                return;
            }
            _ => return,
        };
        match result {
            Ok(()) => core.say(core.ui().conflict_settled),
            Err(e) => core.error(e),
        }
    }
}

impl Screen for ConflictsState {
    fn context(&self, _core: &Core) -> Context {
        self.editor
            .as_ref()
            .map_or(Context::Conflicts, |(_, e)| e.context())
    }

    fn external_text(&mut self, core: &mut Core, text: Result<String, String>) -> Effect {
        let Some((_, editor)) = self.editor.as_mut() else {
            return Effect::None;
        };
        if !editor.receive(core, text) {
            return Effect::None;
        }
        self.update(core, crate::tui::external::confirm_input())
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        if let Some((id, editor)) = self.editor.as_mut() {
            match editor.update(core, input) {
                EditorProgress::Editing => {}
                EditorProgress::External(text) => {
                    let name = editor.field.id.clone();
                    return Effect::EditExternally(crate::tui::external::ExternalEdit {
                        text,
                        name,
                    });
                }
                EditorProgress::Cancelled | EditorProgress::Skip { .. } => self.editor = None,
                EditorProgress::Confirmed(values) | EditorProgress::Leave { values, .. } => {
                    let field = editor.field.id.clone();
                    let changes = if values.is_empty() {
                        Changes {
                            unset: vec![field],
                            ..Changes::default()
                        }
                    } else {
                        Changes::set(vec![FieldValues { field, values }])
                    };
                    match core.edit(id, &changes) {
                        Ok(_) => {
                            core.say(core.ui().conflict_settled);
                            self.editor = None;
                        }
                        Err(e) => editor.error = Some(e),
                    }
                }
            }
            return Effect::None;
        }
        let rows = Self::rows(core);
        if !rows.get(self.cursor).is_some_and(Row::choice) {
            self.move_to(&rows, self.cursor, true);
        }
        let Some(action) = input.action else {
            return Effect::None;
        };
        match action {
            Action::MoveDown => self.move_to(&rows, self.cursor + 1, true),
            Action::MoveUp => self.move_to(&rows, self.cursor.saturating_sub(1), false),
            Action::Top => self.move_to(&rows, 0, true),
            Action::Bottom => self.move_to(&rows, rows.len(), false),
            Action::PageDown => self.move_to(&rows, self.cursor + 10, true),
            Action::PageUp => self.move_to(&rows, self.cursor.saturating_sub(10), false),
            Action::Back => return Effect::Close,
            Action::Open => {
                if let Some(id) = rows.get(self.cursor).and_then(Row::initiative) {
                    return Effect::Push(View::Detail(Box::new(DetailState::new(id.clone()))));
                }
            }
            Action::Confirm => self.decide(core, rows.get(self.cursor).cloned()),
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let ui = core.ui();
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(
                format!(" {} ", ui.conflicts_title),
                theme.title,
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let rows = Self::rows(core);
        if rows.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(ui.conflicts_none, theme.muted)),
                inner,
            );
            return;
        }
        let height = inner.height as usize;
        let cursor = if rows.get(self.cursor).is_some_and(Row::choice) {
            self.cursor
        } else {
            (0..rows.len()).find(|&n| rows[n].choice()).unwrap_or(0)
        };
        let offset = (self.offset).follow(cursor, height, rows.len(), Follow::SECTIONS);
        let value_width = (inner.width as usize).saturating_sub(6) * 3 / 5;
        let lines: Vec<Line> = rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(height)
            .map(|(n, row)| {
                let style = if n == cursor {
                    theme.selected
                } else {
                    Style::default()
                };
                match row {
                    Row::Title(t) => Line::from(Span::styled(
                        theme.truncate(t, inner.width as usize).into_owned(),
                        theme.focus,
                    )),
                    Row::Note(t) => Line::from(Span::styled(
                        theme
                            .truncate(&format!("   {t}"), inner.width as usize)
                            .into_owned(),
                        theme.muted,
                    )),
                    Row::Keep {
                        pick, value, who, ..
                    } => {
                        let v = theme
                            .truncate(&format!("{} « {value} »", ui.conflict_keep), value_width)
                            .into_owned();
                        let pad = " ".repeat(value_width.saturating_sub(width(&v)));
                        Line::from(vec![
                            Span::styled(format!("  {pick}. {v}{pad} "), style),
                            Span::styled(who.clone(), theme.muted),
                        ])
                    }
                    Row::NewValue { .. } => {
                        Line::from(Span::styled(format!("  {}", ui.conflict_new_value), style))
                    }
                    Row::Deletion { pick, .. } => {
                        let text = if *pick == 1 {
                            ui.conflict_delete_anyway
                        } else {
                            ui.conflict_keep_initiative
                        };
                        Line::from(Span::styled(format!("  {pick}. {text}"), style))
                    }
                    Row::FuseAgain { .. } => {
                        Line::from(Span::styled(format!("  {}", ui.conflict_fuse_again), style))
                    }
                    Row::Choose { pick, text, .. } => {
                        Line::from(Span::styled(format!("  {pick}. {text}"), style))
                    }
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        if let Some((_, editor)) = &self.editor {
            let popup = area.centered(Constraint::Percentage(90), Constraint::Percentage(80));
            frame.render_widget(Clear, popup);
            let block = Block::bordered()
                .border_set(theme.border())
                .border_style(theme.focus)
                .title(Span::styled(format!(" {} ", ui.edit_title), theme.title));
            let inner = block.inner(popup);
            frame.render_widget(block, popup);
            let [body] = inner.layout(&Layout::vertical([Constraint::Fill(1)]));
            editor.draw(core, frame, body);
        }
    }
}
