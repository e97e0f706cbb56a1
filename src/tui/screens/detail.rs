//! One initiative: every field by step, who changed it and when; relations
//! both ways, navigable; editing any field with the entry's editors.

use crate::tui::screens::action_form::ActionForm;
use crate::tui::screens::actions_section;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// Width of the who/when column: a date and a short name.
const STAMP_WIDTH: usize = 24;

use crate::census::id::InitiativeId;
use crate::census::model::{Initiative, Stamp};
use crate::census::network;
use crate::census::ops::{Changes, FieldValues};
use crate::census::status;
use crate::display::inert;
use crate::i18n::status_label;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input, Overlay, View};
use crate::tui::external::{ExternalEdit, confirm_input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::consent_rows;
use crate::tui::screens::detail_rows;
use crate::tui::screens::dialog::Dialog;
use crate::tui::screens::legitimacy_section::{self, Item, Part};
use crate::tui::screens::legitimize_form::LegitimizeForm;
use crate::tui::screens::wizard::WizardState;
use crate::tui::widgets::commune_input::code_changes;
use crate::tui::widgets::field_editor::{EditorProgress, FieldEditor};
use crate::tui::widgets::scroll::Scroll;

mod keys;

/// One line of the record.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Row {
    Step(String),
    Field(String),
    /// A value of a field in conflict: field, entry index.
    Conflict(String, usize),
    Relation {
        label: String,
        target: String,
    },
    Section(String),
    /// Status, history, evidence, confirmations (`legitimacy_section`).
    Info(Item),
    /// The consent of the contact person, after the personal fields.
    Consent,
}

impl Row {
    fn selectable(&self) -> bool {
        !matches!(self, Row::Step(_) | Row::Section(_))
    }
}

#[derive(Debug, Clone)]
pub struct DetailState {
    pub id: InitiativeId,
    cursor: usize,
    editor: Option<FieldEditor>,
    offset: Scroll,
}

impl DetailState {
    pub fn new(id: InitiativeId) -> DetailState {
        DetailState {
            id,
            cursor: 1,
            editor: None,
            offset: Scroll::default(),
        }
    }

    /// Opened to edit: the editor of the first field is open.
    pub fn editing(core: &Core, id: InitiativeId) -> DetailState {
        let mut d = DetailState::new(id);
        d.open_editor(core);
        d
    }

    fn rows(&self, core: &Core) -> Vec<Row> {
        let Some(i) = core.session.ws.census.get(&self.id) else {
            return Vec::new();
        };
        let schema = &core.session.ws.schema;
        let ui = core.ui();
        let kind = i.value(&schema.kind_field);
        let mut rows = Vec::new();
        for step in &schema.steps {
            rows.push(Row::Step(step.label.get(core.lang).to_string()));
            for f in schema
                .fields_of_step(&step.id)
                .filter(|f| f.applies_to(kind) || i.fields.contains_key(&f.id))
            {
                rows.push(Row::Field(f.id.clone()));
                if !f.field_type.is_multi() && i.is_conflict(&f.id) {
                    rows.extend(
                        (0..i.entries(&f.id).len()).map(|n| Row::Conflict(f.id.clone(), n)),
                    );
                }
            }
            if consent_rows::shown_after(schema, i, &step.id) {
                rows.push(Row::Consent);
            }
        }
        let unknown: Vec<&str> = i
            .fields
            .keys()
            .filter(|k| !k.starts_with('_') && schema.field(k).is_none())
            .collect();
        if !unknown.is_empty() {
            rows.push(Row::Section(ui.other_fields.to_string()));
            rows.extend(unknown.into_iter().map(|k| Row::Field(k.to_string())));
        }
        let outgoing: Vec<_> = network::outgoing(schema, i).collect();
        let incoming = network::incoming(&core.session.ws.census, schema, &self.id);
        if !outgoing.is_empty() || !incoming.is_empty() {
            rows.push(Row::Section(core.ui().relations.to_string()));
            for l in outgoing {
                let label = schema.choice_label(l.list, l.kind, core.lang).to_string();
                rows.push(Row::Relation {
                    label,
                    target: l.to.to_string(),
                });
            }
            for l in incoming {
                let label = schema
                    .choice(l.list, l.kind)
                    .map_or(l.kind, |c| {
                        c.inverse.as_ref().unwrap_or(&c.label).get(core.lang)
                    })
                    .to_string();
                rows.push(Row::Relation {
                    label,
                    target: l.from.id.to_string(),
                });
            }
        }
        rows.extend(
            legitimacy_section::parts(core, i)
                .into_iter()
                .chain(crate::tui::screens::followup_section::parts(core, i))
                .chain(crate::tui::screens::supports_section::parts(core, i))
                .map(|p| match p {
                    Part::Section(s) => Row::Section(s),
                    Part::Item(item) => Row::Info(item),
                }),
        );
        rows.extend(
            actions_section::parts(core, i)
                .into_iter()
                .map(|p| match p {
                    Part::Section(s) => Row::Section(s),
                    Part::Item(item) => Row::Info(item),
                }),
        );
        rows
    }

    fn move_cursor(&mut self, rows: &[Row], target: usize, down: bool) {
        let n = rows.len();
        if n == 0 {
            return;
        }
        let mut c = target.min(n - 1);
        while !rows[c].selectable() {
            if down && c + 1 < n {
                c += 1;
            } else if !down && c > 0 {
                c -= 1;
            } else {
                break;
            }
        }
        if rows[c].selectable() {
            self.cursor = c;
        }
    }

    fn open_editor(&mut self, core: &Core) {
        let rows = self.rows(core);
        self.move_cursor(&rows, self.cursor, true);
        let field = match rows.get(self.cursor) {
            Some(Row::Field(f) | Row::Conflict(f, _)) => f.clone(),
            _ => return,
        };
        let (Some(def), Some(i)) = (
            core.session.ws.schema.field(&field),
            core.session.ws.census.get(&self.id),
        ) else {
            return;
        };
        let current: Vec<String> = if def.field_type.is_multi() {
            i.values(&field).into_iter().map(String::from).collect()
        } else {
            i.value(&field).map(String::from).into_iter().collect()
        };
        self.editor = Some(FieldEditor::new(core, def, &current, Some(&self.id)));
        // Changed on what is seen now, whatever others write meanwhile.
        core.session.note_editing(&self.id);
    }

    /// The selected line in full: its whole value, who changed it and when
    /// (only who and when where the rows wrap: the value is whole above).
    fn focus_text(&self, core: &Core, i: &Initiative, row: &Row, wrapped: bool) -> Line<'static> {
        let theme = &core.theme;
        let ui = core.ui();
        let (value, stamp) = match row {
            Row::Field(f) => (field_value(core, i, f), i.last_change(f)),
            Row::Conflict(f, n) => {
                let e = &i.entries(f)[*n];
                (
                    inert(e.value.as_text().unwrap_or("?")).into_owned(),
                    Some(e.stamp),
                )
            }
            Row::Info(item) => return Line::from(Span::styled(item.full.clone(), theme.focus)),
            Row::Consent => return consent_rows::focus(core, i),
            _ => return Line::default(),
        };
        let mut spans = vec![Span::styled(value, theme.focus)];
        if wrapped {
            spans.clear();
        }
        if let Some((dot, at, hand)) = stamp.and_then(|s| Some((s.dot()?, s.at()?, s.by_hand()))) {
            let hand = if hand {
                format!(", {}", ui.hand_edit)
            } else {
                String::new()
            };
            let who = inert(core.session.ws.census.agent_name(&dot.agent)).into_owned();
            spans.push(Span::styled(
                format!(" — {} {who}, {}{hand}", ui.changed_by, at.date()),
                theme.muted,
            ));
        }
        Line::from(spans)
    }

    /// A row's lines: one, or its value wrapped where the screen is narrow
    /// (`detail_rows`).
    fn line(
        &self,
        core: &Core,
        i: &Initiative,
        row: &Row,
        selected: bool,
        label_width: usize,
        total: usize,
    ) -> Vec<Line<'static>> {
        let theme = &core.theme;
        let schema = &core.session.ws.schema;
        let style = if selected {
            theme.selected
        } else {
            Style::default()
        };
        let stamp_text = |s: Option<Stamp>| -> String {
            match s.and_then(|s| Some((s.dot()?, s.at()?, s.by_hand()))) {
                Some((dot, at, hand)) => {
                    let who = inert(core.session.ws.census.agent_name(&dot.agent)).into_owned();
                    let who = theme.truncate(&who, STAMP_WIDTH - 11).into_owned();
                    let hand = if hand { "*" } else { "" };
                    format!("{} {who}{hand}", at.date())
                }
                None => String::new(),
            }
        };
        // Label, value, and who/when in a column of its own when there is
        // room; narrower, the value wraps.
        let columns = detail_rows::Columns::new(total, label_width);
        let cell = |label: &str, value: String, stamp: String| -> Vec<Line<'static>> {
            detail_rows::cell(theme, columns, style, (label, &value, &stamp))
        };
        match row {
            Row::Step(title) | Row::Section(title) => {
                vec![Line::from(Span::styled(title.clone(), theme.focus))]
            }
            Row::Field(f) => {
                let label = schema
                    .field(f)
                    .map_or(f.as_str(), |d| d.label.get(core.lang));
                let value = consent_rows::marked(core, i, f, field_value(core, i, f));
                let mut lines = cell(label, value, stamp_text(i.last_change(f)));
                if crate::census::conflicts::in_conflict(schema, i, f)
                    && let Some(line) = lines.first_mut()
                {
                    line.spans.push(Span::styled(
                        format!(" [{}]", core.ui().conflict),
                        theme.warning,
                    ));
                }
                lines
            }
            Row::Conflict(f, n) => {
                let e = &i.entries(f)[*n];
                let value = inert(e.value.as_text().unwrap_or("?")).into_owned();
                cell(
                    &format!("  {}", theme.pointer()),
                    value,
                    stamp_text(Some(e.stamp)),
                )
            }
            Row::Relation { label, target } => {
                let name = InitiativeId::parse(target)
                    .ok()
                    .and_then(|t| core.session.ws.census.get(&t))
                    .and_then(|t| t.value(&schema.name_field))
                    .map_or_else(|| target.clone(), |n| inert(n).into_owned());
                cell(label, name, String::new())
            }
            Row::Info(item) => cell(&item.label, item.value.clone(), item.stamp.clone()),
            Row::Consent => {
                let (label, value, stamp) = consent_rows::cells(core, i);
                let mut lines = cell(label, value, stamp);
                for line in &mut lines {
                    consent_rows::style(core, i, line);
                }
                lines
            }
        }
    }
}

impl Screen for DetailState {
    fn context(&self, _core: &Core) -> Context {
        self.editor
            .as_ref()
            .map_or(Context::Detail, |e| e.context())
    }

    fn meaning(&self, core: &Core, action: Action) -> Option<crate::tui::words::flow::Meaning> {
        self.meaning_of(core, action)
    }

    fn hides(&self, _core: &Core, action: Action) -> bool {
        self.hides_action(action)
    }

    fn external_text(&mut self, core: &mut Core, text: Result<String, String>) -> Effect {
        let Some(editor) = self.editor.as_mut() else {
            return Effect::None;
        };
        if !editor.receive(core, text) {
            return Effect::None;
        }
        self.update(core, confirm_input())
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        if self.editor.is_none()
            && core
                .session
                .ws
                .census
                .get(&self.id)
                .is_none_or(Initiative::is_deleted)
        {
            // Deleted, or its creation undone: nothing left to do but undo.
            return match input.action {
                Some(Action::Undo) => {
                    core.undo();
                    Effect::None
                }
                Some(_) => Effect::Close,
                None => Effect::None,
            };
        }
        if let Some(editor) = self.editor.as_mut() {
            let progress = editor.update(core, input);
            // Tab keeps what was typed, as Enter does, then goes on.
            let leaving = match &progress {
                EditorProgress::Leave { forward, .. } => Some(*forward),
                _ => None,
            };
            match progress {
                EditorProgress::Editing => {}
                EditorProgress::External(text) => {
                    let name = editor.field.id.clone();
                    return Effect::EditExternally(ExternalEdit { text, name });
                }
                EditorProgress::Cancelled => self.editor = None,
                EditorProgress::Skip { forward } => {
                    let rows = self.rows(core);
                    let next = if forward {
                        self.cursor + 1
                    } else {
                        self.cursor.saturating_sub(1)
                    };
                    self.move_cursor(&rows, next, forward);
                    self.open_editor(core);
                }
                EditorProgress::Confirmed(values) | EditorProgress::Leave { values, .. } => {
                    let field = editor.field.id.clone();
                    let mut changes = if values.is_empty() {
                        Changes {
                            unset: vec![field],
                            ..Changes::default()
                        }
                    } else {
                        Changes::set(vec![FieldValues { field, values }])
                    };
                    // A commune chosen in the official list brings its codes.
                    if let Some(settled) = &editor.settled {
                        let (set, unset) = code_changes(&core.session.ws.schema, settled);
                        changes.set.extend(set);
                        changes.unset.extend(unset);
                    }
                    match core.edit_seen(&self.id, &changes) {
                        Ok(_) if core.session.saved => {
                            core.say(core.ui().field_saved);
                            self.editor = None;
                        }
                        Ok(_) => self.editor = None,
                        Err(e) => editor.error = Some(e),
                    }
                }
            }
            if let Some(forward) = leaving
                && self.editor.is_none()
            {
                self.leave_field(core, forward);
            }
            return Effect::None;
        }
        let rows = self.rows(core);
        let page = 10;
        let Some(action) = input.action else {
            return Effect::None;
        };
        match action {
            Action::MoveDown => self.move_cursor(&rows, self.cursor + 1, true),
            Action::MoveUp => self.move_cursor(&rows, self.cursor.saturating_sub(1), false),
            Action::Top => self.move_cursor(&rows, 0, true),
            Action::Bottom => self.move_cursor(&rows, rows.len().saturating_sub(1), false),
            Action::PageDown => self.move_cursor(&rows, self.cursor + page, true),
            Action::PageUp => self.move_cursor(&rows, self.cursor.saturating_sub(page), false),
            Action::NextPane => {
                // Jump to the relations, then to the status, or back to the top.
                let relations = rows.iter().position(|r| matches!(r, Row::Relation { .. }));
                let status = rows.iter().position(|r| matches!(r, Row::Info(_)));
                match [relations, status]
                    .into_iter()
                    .flatten()
                    .find(|&p| p > self.cursor)
                {
                    Some(p) => {
                        self.move_cursor(&rows, p, true);
                        // The section's title at the top: the whole of it in view.
                        self.offset.set(p.saturating_sub(1));
                    }
                    None => self.move_cursor(&rows, 0, true),
                }
            }
            Action::SetStatus
            | Action::AddEvidence
            | Action::ConfirmRecord
            | Action::Link
            | Action::Unlink => {
                if let Some(form) = LegitimizeForm::open(core, action, vec![self.id.clone()]) {
                    return Effect::Overlay(Overlay::Legit(Box::new(form)));
                }
            }
            Action::AddFollowUp => {
                if let Some(form) = ActionForm::new(core, self.id.clone()) {
                    return Effect::Overlay(Overlay::Action(Box::new(form)));
                }
            }
            Action::Consent => return consent_rows::open(core, &self.id),
            Action::Verify => core.verify(&self.id),
            Action::AddEdition => {
                return crate::tui::screens::followup_section::edition_form(core, &self.id);
            }
            Action::AddSupport => {
                let form =
                    crate::tui::screens::support_form::SupportForm::new(core, self.id.clone());
                return Effect::Overlay(Overlay::Support(Box::new(form)));
            }
            Action::Back => return Effect::Close,
            Action::Open => match rows.get(self.cursor) {
                Some(Row::Consent) => return consent_rows::open(core, &self.id),
                Some(Row::Relation { target, .. }) => {
                    if let Ok(id) = InitiativeId::parse(target)
                        && core.session.ws.census.get(&id).is_some()
                    {
                        return Effect::Push(View::Detail(Box::new(DetailState::new(id))));
                    }
                }
                _ => self.open_editor(core),
            },
            Action::Edit => self.open_editor(core),
            Action::CopyAsNew => {
                return Effect::Push(View::Wizard(Box::new(WizardState::new(
                    core,
                    Some(&self.id),
                ))));
            }
            Action::Delete => {
                return Effect::Overlay(Overlay::Dialog(Dialog::ConfirmDelete(self.id.clone())));
            }
            // Only a change of this record; redo does it again.
            Action::Undo => self.undo_here(core),
            Action::Redo => self.redo_here(core),
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let schema = &core.session.ws.schema;
        let Some(i) = core.session.ws.census.get(&self.id) else {
            return;
        };
        let name = inert(i.value(&schema.name_field).unwrap_or("?")).into_owned();
        let kind = i.value(&schema.kind_field).unwrap_or("");
        let kind = schema
            .kinds()
            .iter()
            .find(|c| c.id == kind)
            .map_or(kind, |c| c.label.get(core.lang));
        let mut subtitle = format!(
            "{kind} · {} · {}",
            status_label(status::current(i), core.lang),
            crate::i18n::score::score_named(
                status::score(schema, i, core.session.clock.now().date()),
                core.lang
            )
        );
        if i.is_deleted() {
            subtitle.push_str(&format!(" · {}", core.ui().deleted_mark));
        }
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(
                format!(
                    " {} ",
                    theme.truncate(&name, area.width.saturating_sub(4) as usize)
                ),
                theme.title,
            ))
            .title_bottom(Span::styled(
                format!(
                    " {} ",
                    crate::tui::short_id::short_id(i.id.as_str(), theme.ellipsis())
                ),
                theme.muted,
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [sub, body, focus] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(2),
        ]));
        frame.render_widget(Paragraph::new(Span::styled(subtitle, theme.focus)), sub);

        let rows = self.rows(core);
        let height = body.height as usize;
        let label_width = (body.width as usize / 3).clamp(12, 28);
        // Every row's lines (several where values wrap), then the rows from
        // the one that keeps the cursor's row whole in view.
        let row_lines: Vec<Vec<Line>> = rows
            .iter()
            .enumerate()
            .map(|(n, row)| {
                self.line(
                    core,
                    i,
                    row,
                    n == self.cursor,
                    label_width,
                    body.width as usize,
                )
            })
            .collect();
        let heights: Vec<usize> = row_lines.iter().map(Vec::len).collect();
        let offset = detail_rows::follow(&self.offset, self.cursor, &heights, height);
        let lines: Vec<Line> = row_lines
            .into_iter()
            .skip(offset)
            .flatten()
            .take(height)
            .collect();
        frame.render_widget(Paragraph::new(lines), body);
        let wrapped = detail_rows::wraps(body.width as usize);
        if let Some(row) = rows.get(self.cursor) {
            frame.render_widget(
                Paragraph::new(self.focus_text(core, i, row, wrapped)).wrap(Wrap { trim: true }),
                focus,
            );
        }

        if let Some(editor) = &self.editor {
            let popup = area.centered(Constraint::Percentage(90), Constraint::Percentage(80));
            frame.render_widget(Clear, popup);
            let block = Block::bordered()
                .border_set(theme.border())
                .border_style(theme.focus)
                .title(Span::styled(
                    format!(" {} ", core.ui().edit_title),
                    theme.title,
                ));
            let inner = block.inner(popup);
            frame.render_widget(block, popup);
            editor.draw(core, frame, inner);
        }
    }
}

/// A field's value as shown: choice labels, relations by name, inert text.
pub fn field_value(core: &Core, i: &Initiative, field: &str) -> String {
    let schema = &core.session.ws.schema;
    let values = match schema.field(field) {
        Some(def) if !def.field_type.is_multi() => i.value(field).into_iter().collect(),
        _ => i.values(field),
    };
    let list = schema.field(field).and_then(|d| d.field_type.choice_list());
    let shown: Vec<String> = values
        .iter()
        .map(|v| {
            match (
                list,
                schema
                    .field(field)
                    .map(|d| d.field_type.is_multi() && d.field_type.choice_list().is_some()),
            ) {
                (Some(l), _) if !v.contains(':') => {
                    schema.choice_label(l, v, core.lang).to_string()
                }
                (Some(l), _) => {
                    let (kind, target) = crate::census::value::split_relation(v).unwrap_or(("", v));
                    let name = InitiativeId::parse(target)
                        .ok()
                        .and_then(|t| core.session.ws.census.get(&t))
                        .and_then(|t| t.value(&schema.name_field))
                        .unwrap_or(target);
                    format!("{} {}", schema.choice_label(l, kind, core.lang), name)
                }
                _ => crate::census::phone::shown(schema, field, v).into_owned(),
            }
        })
        .collect();
    // Long texts may hold line breaks and tabs (valid there): shown on one
    // line, the breaks marked; any other control character made inert.
    shown
        .join(" · ")
        .replace('\t', " ")
        .split('\n')
        .map(|line| inert(line).into_owned())
        .collect::<Vec<_>>()
        .join(core.theme.line_break())
}
