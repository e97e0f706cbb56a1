//! Guided entry of a new initiative, step by step (Identifier, Qualifier,
//! Légitimer, Soutenir, Relier), one field at a time, checked as you type;
//! a duplicate check after the first step, a summary before saving, and a
//! draft kept on disk all along.

use crate::tui::widgets::error_text::error_span;
use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::census::draft::Draft;
use crate::census::duplicates::{Identity, Reason, matches};
use crate::census::id::InitiativeId;
use crate::census::ops::FieldValues;
use crate::census::schema::{Field, FieldType};
use crate::census::value::split_relation;
use crate::display::{inert, width};
use crate::i18n::duplicate_reason;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input, View};
use crate::tui::external::{ExternalEdit, confirm_input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::detail::DetailState;
use crate::tui::widgets::commune_input::code_changes;
use crate::tui::widgets::field_editor::{EditorProgress, FieldEditor};
use crate::tui::widgets::scroll::Scroll;
use crate::tui::words::flow::Meaning;

#[derive(Debug, Clone)]
enum Phase {
    Fields,
    /// Existing initiatives that look like this one, and the one selected.
    Duplicates(Vec<(InitiativeId, Vec<Reason>)>, usize),
    Summary,
}

#[derive(Debug, Clone)]
pub struct WizardState {
    /// This entry's draft among those kept beside the census.
    draft_id: String,
    copy_of: Option<InitiativeId>,
    /// Checked values by field id.
    values: BTreeMap<String, Vec<String>>,
    step: usize,
    field: usize,
    editor: Option<FieldEditor>,
    phase: Phase,
    /// The duplicate check was answered "it is a different one".
    checked_duplicates: bool,
    message: Option<String>,
    /// How far the summary is scrolled, and how far it can be (kept by
    /// drawing: it depends on the height of the screen).
    summary_scroll: Scroll,
}

impl WizardState {
    /// A new entry, empty or copied from a sibling.
    pub fn new(core: &Core, copy_of: Option<&InitiativeId>) -> WizardState {
        let mut values = BTreeMap::new();
        if let Some(i) = copy_of.and_then(|id| core.session.ws.census.get(id)) {
            for f in &core.session.ws.schema.fields {
                let v: Vec<String> = if f.field_type.is_multi() {
                    i.values(&f.id).into_iter().map(String::from).collect()
                } else {
                    i.value(&f.id).map(String::from).into_iter().collect()
                };
                if !v.is_empty() {
                    values.insert(f.id.clone(), v);
                }
            }
        }
        let mut w = WizardState {
            draft_id: Draft::new_id(&core.session.ws.path),
            copy_of: copy_of.cloned(),
            values,
            step: 0,
            field: 0,
            editor: None,
            phase: Phase::Fields,
            checked_duplicates: false,
            message: None,
            summary_scroll: Scroll::still_until_drawn(),
        };
        w.open_editor(core);
        w
    }

    /// An entry taken up where a draft left it.
    pub fn from_draft(core: &Core, draft: Draft) -> WizardState {
        let mut w = WizardState::new(core, None);
        if !draft.id.is_empty() {
            w.draft_id = draft.id.clone();
        }
        w.copy_of = draft
            .copy_of
            .as_deref()
            .and_then(|id| InitiativeId::parse(id).ok());
        w.values = draft
            .values
            .into_iter()
            .filter(|(f, v)| core.session.ws.schema.field(f).is_some() && !v.is_empty())
            .collect();
        w.step = draft
            .step
            .min(core.session.ws.schema.steps.len().saturating_sub(1));
        w.field = draft.field;
        w.open_editor(core);
        w
    }

    fn kind(&self, core: &Core) -> Option<String> {
        self.values
            .get(&core.session.ws.schema.kind_field)
            .and_then(|v| v.first().cloned())
    }

    /// The fields of a step that apply to the kind chosen so far.
    fn fields<'a>(&self, core: &'a Core, step: usize) -> Vec<&'a Field> {
        let schema = &core.session.ws.schema;
        let kind = self.kind(core);
        schema
            .steps
            .get(step)
            .map(|s| {
                schema
                    .fields_of_step(&s.id)
                    .filter(|f| f.applies_to(kind.as_deref()))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn open_editor(&mut self, core: &Core) {
        let fields = self.fields(core, self.step);
        self.field = self.field.min(fields.len().saturating_sub(1));
        self.editor = fields.get(self.field).map(|f| {
            let current = self.values.get(&f.id).cloned().unwrap_or_default();
            let code = |id: &str| {
                self.values
                    .get(id)
                    .and_then(|v| v.first())
                    .map(String::as_str)
            };
            FieldEditor::new(core, f, &current, None).with_codes(
                code(crate::census::communes::CODE_INSEE),
                code(crate::census::communes::CODE_POSTAL),
            )
        });
    }

    fn draft(&self) -> Draft {
        Draft {
            id: self.draft_id.clone(),
            values: self
                .values
                .iter()
                .map(|(f, v)| (f.clone(), v.clone()))
                .collect(),
            step: self.step,
            field: self.field,
            copy_of: self.copy_of.as_ref().map(|id| id.to_string()),
        }
    }

    /// Required fields of a step still empty.
    fn missing(&self, core: &Core, step: usize) -> Vec<String> {
        self.fields(core, step)
            .into_iter()
            .filter(|f| f.required && !self.values.contains_key(&f.id))
            .map(|f| f.label.get(core.lang).to_string())
            .collect()
    }

    /// Goes to the next field, running the duplicate check when leaving the
    /// first step and the summary after the last.
    fn advance(&mut self, core: &Core) {
        let count = self.fields(core, self.step).len();
        if self.field + 1 < count {
            self.field += 1;
            self.open_editor(core);
        } else {
            self.next_step(core);
        }
    }

    fn next_step(&mut self, core: &Core) {
        let missing = self.missing(core, self.step);
        if !missing.is_empty() {
            // Said, and the first one to fill is the field on screen.
            self.message = Some(crate::i18n::fill(
                crate::tui::words::flow::flow_ui(core.lang).missing,
                &[("fields", &missing.join(", "))],
            ));
            if let Some(first) = self
                .fields(core, self.step)
                .iter()
                .position(|f| f.required && !self.values.contains_key(&f.id))
            {
                self.field = first;
                self.open_editor(core);
            }
            return;
        }
        if self.step == 0 && !self.checked_duplicates {
            let who = Identity::from_values(&core.session.ws.schema, |f| {
                self.values.get(f).and_then(|v| v.first().cloned())
            });
            let found = matches(&core.session.ws.census, &core.session.ws.schema, &who, None);
            if !found.is_empty() {
                self.phase = Phase::Duplicates(found, 0);
                return;
            }
        }
        if self.step + 1 < core.session.ws.schema.steps.len() {
            self.step += 1;
            self.field = 0;
            self.open_editor(core);
        } else {
            self.phase = Phase::Summary;
            self.editor = None;
            self.summary_scroll.set(0);
        }
    }

    fn back(&mut self, core: &Core) {
        if self.field > 0 {
            self.field -= 1;
        } else if self.step > 0 {
            self.step -= 1;
            self.field = self.fields(core, self.step).len().saturating_sub(1);
        }
        self.open_editor(core);
    }

    /// Leaves the entry; what was typed stays as a draft. An entry left
    /// empty keeps no draft, and never replaces another entry's.
    pub fn leave(&self, core: &mut Core) -> Effect {
        if self.values.is_empty() {
            core.drop_draft(&self.draft_id);
        } else {
            core.save_draft(&self.draft());
            core.say(core.ui().draft_kept);
        }
        Effect::Close
    }

    /// The session is interrupted (Ctrl-C): what was typed in the field,
    /// if valid, and the values so far are kept as a draft.
    pub fn interrupt(&mut self, core: &mut Core) {
        if let Some(editor) = self.editor.as_mut()
            && let Ok(Some(values)) = editor.leave(core)
        {
            self.keep(core, values);
        }
        if !self.values.is_empty() {
            core.save_draft(&self.draft());
        }
    }

    /// Keeps the checked values of the field being edited (and the codes a
    /// commune chosen in the official list brings).
    fn keep(&mut self, core: &Core, values: Vec<String>) {
        let Some(editor) = &self.editor else {
            return;
        };
        let field = editor.field.id.clone();
        let settled = editor.settled.clone();
        if values.is_empty() {
            self.values.remove(&field);
        } else {
            self.values.insert(field, values);
        }
        if let Some(settled) = &settled {
            let schema = &core.session.ws.schema;
            let (set, emptied) = code_changes(schema, settled);
            for fv in set {
                self.values.insert(fv.field, fv.values);
            }
            for field in emptied {
                self.values.remove(&field);
            }
        }
    }

    fn save(&mut self, core: &mut Core) -> Effect {
        let values: Vec<FieldValues> = self
            .values
            .iter()
            .map(|(f, v)| FieldValues {
                field: f.clone(),
                values: v.clone(),
            })
            .collect();
        match core.create(&values) {
            Ok(id) => {
                core.drop_draft(&self.draft_id);
                core.say(core.ui().created);
                Effect::Replace(View::Detail(Box::new(DetailState::new(id))))
            }
            Err(e) => {
                self.message = Some(e);
                Effect::None
            }
        }
    }

    fn draw_duplicates(
        &self,
        core: &Core,
        frame: &mut Frame,
        area: Rect,
        found: &[(InitiativeId, Vec<Reason>)],
        selected: usize,
    ) {
        let theme = &core.theme;
        let ui = core.ui();
        let mut lines = vec![
            Line::from(Span::styled(ui.duplicate_title, theme.warning)),
            Line::from(ui.duplicate_text),
            Line::from(""),
        ];
        for (n, (id, reasons)) in found.iter().enumerate() {
            let Some(i) = core.session.ws.census.get(id) else {
                continue;
            };
            let name =
                inert(i.value(&core.session.ws.schema.name_field).unwrap_or("?")).into_owned();
            let commune = inert(i.value("commune").unwrap_or("")).into_owned();
            let why: Vec<String> = reasons
                .iter()
                .map(|r| duplicate_reason(r, core.lang))
                .collect();
            let style = if n == selected {
                theme.selected
            } else {
                Style::default()
            };
            lines.push(Line::from(Span::styled(
                format!(" {name} ({commune}) — {}", why.join(", ")),
                style,
            )));
        }
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(ui.duplicate_choice, theme.key)));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
    }

    fn draw_summary(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let schema = &core.session.ws.schema;
        let census = &core.session.ws.census;
        let value_width = (area.width as usize).saturating_sub(29);
        let mut lines = Vec::new();
        for (n, step) in schema.steps.iter().enumerate() {
            // Only the steps something was entered in: the summary must fit.
            let filled: Vec<&Field> = self
                .fields(core, n)
                .into_iter()
                .filter(|f| self.values.contains_key(&f.id))
                .collect();
            if filled.is_empty() {
                continue;
            }
            lines.push(Line::from(Span::styled(
                step.label.get(core.lang),
                theme.focus,
            )));
            for f in filled {
                let values = self.values.get(&f.id).map_or(&[][..], Vec::as_slice);
                let list = f.field_type.choice_list();
                let relations = matches!(f.field_type, FieldType::Relations(_));
                let shown: Vec<String> = values
                    .iter()
                    .map(|v| match (list, split_relation(v)) {
                        // A relation: its kind and the name of the other one.
                        (Some(l), Some((kind, target))) if relations => {
                            let name = InitiativeId::parse(target)
                                .ok()
                                .and_then(|t| census.get(&t))
                                .and_then(|t| t.value(&schema.name_field))
                                .unwrap_or(target);
                            format!("{} {name}", schema.choice_label(l, kind, core.lang))
                        }
                        (Some(l), _) => schema.choice_label(l, v, core.lang).to_string(),
                        _ => crate::census::phone::shown(schema, &f.id, v).into_owned(),
                    })
                    .collect();
                let label = theme.truncate(f.label.get(core.lang), 26).into_owned();
                let value = inert(&shown.join(" · ")).into_owned();
                lines.push(Line::from(vec![
                    Span::styled(format!("  {label:<26} "), theme.muted),
                    Span::raw(theme.truncate(&value, value_width).into_owned()),
                ]));
            }
        }
        // What is missing and how to save stay in view, below the values.
        let mut end = Vec::new();
        let missing: Vec<String> = (0..schema.steps.len())
            .flat_map(|n| self.missing(core, n))
            .collect();
        if !missing.is_empty() {
            let text = format!(
                "{}{}{}",
                core.ui().required_missing,
                core.ui().colon,
                missing.join(", ")
            );
            end.push(Line::from(error_span(&text, theme, core.lang)));
        }
        end.push(Line::from(Span::styled(core.ui().summary_hint, theme.key)));
        let columns = (area.width as usize).max(1);
        let end_height: usize = end.iter().map(|l| l.width().div_ceil(columns).max(1)).sum();
        let [values_area, end_area] = area.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(end_height as u16),
        ]));
        let room = values_area.height as usize;
        let scroll = self.summary_scroll.fit(lines.len(), room);
        let mut lines: Vec<Line> = lines.into_iter().skip(scroll).collect();
        if lines.len() > room {
            // More below: Tab shows it.
            lines.truncate(room.saturating_sub(1));
            lines.push(Line::from(Span::styled(theme.ellipsis(), theme.muted)));
        }
        frame.render_widget(Paragraph::new(lines), values_area);
        frame.render_widget(Paragraph::new(end).wrap(Wrap { trim: true }), end_area);
    }
}

impl Screen for WizardState {
    fn context(&self, _core: &Core) -> Context {
        match &self.phase {
            Phase::Fields => self
                .editor
                .as_ref()
                .map_or(Context::Wizard, |e| e.context()),
            Phase::Duplicates(..) => Context::Dialog,
            Phase::Summary => Context::Wizard,
        }
    }

    fn meaning(&self, _core: &Core, action: Action) -> Option<Meaning> {
        match action {
            Action::Cancel if !matches!(self.phase, Phase::Duplicates(..)) => {
                Some(Meaning::KeepDraft)
            }
            Action::Confirm if self.editor.as_ref().is_some_and(|e| e.single_choice()) => {
                Some(Meaning::Choose)
            }
            _ => None,
        }
    }

    fn hides(&self, _core: &Core, action: Action) -> bool {
        action == Action::Toggle && self.editor.as_ref().is_some_and(|e| e.ticks_nothing())
    }

    fn external_text(&mut self, core: &mut Core, text: Result<String, String>) -> Effect {
        match self.editor.as_mut() {
            Some(editor) if matches!(self.phase, Phase::Fields) => {
                if !editor.receive(core, text) {
                    return Effect::None;
                }
            }
            _ => return Effect::None,
        }
        self.update(core, confirm_input())
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        self.message = None;
        match &mut self.phase {
            Phase::Duplicates(found, selected) => {
                match input.action {
                    Some(Action::MoveDown) => {
                        *selected = (*selected + 1).min(found.len().saturating_sub(1))
                    }
                    Some(Action::MoveUp) => *selected = selected.saturating_sub(1),
                    Some(Action::Yes | Action::OpenExisting) => {
                        let id = found[*selected].0.clone();
                        core.drop_draft(&self.draft_id);
                        return Effect::Replace(View::Detail(Box::new(DetailState::new(id))));
                    }
                    Some(Action::Confirm) => {
                        self.checked_duplicates = true;
                        self.phase = Phase::Fields;
                        self.next_step(core);
                    }
                    Some(Action::No) => {
                        self.phase = Phase::Fields;
                        self.open_editor(core);
                    }
                    _ => {}
                }
                return Effect::None;
            }
            Phase::Summary => {
                return match input.action {
                    Some(Action::Confirm) => self.save(core),
                    Some(Action::Cancel) => self.leave(core),
                    // The summary scrolls when it does not fit; back at its
                    // top, going back leaves it for the last field.
                    Some(Action::NextField | Action::NextStep) => {
                        self.summary_scroll.scroll(Some(Action::MoveDown));
                        Effect::None
                    }
                    Some(Action::PreviousField | Action::PreviousStep)
                        if self.summary_scroll.offset() > 0 =>
                    {
                        self.summary_scroll.set(self.summary_scroll.offset() - 1);
                        Effect::None
                    }
                    Some(Action::PreviousField | Action::PreviousStep) => {
                        self.phase = Phase::Fields;
                        self.step = core.session.ws.schema.steps.len().saturating_sub(1);
                        self.field = self.fields(core, self.step).len().saturating_sub(1);
                        self.open_editor(core);
                        Effect::None
                    }
                    _ => Effect::None,
                };
            }
            Phase::Fields => {}
        }
        match input.action {
            Some(Action::NextStep) => {
                // What was typed in the field is kept, as Tab keeps it.
                if let Some(editor) = self.editor.as_mut() {
                    match editor.leave(core) {
                        Ok(Some(values)) => self.keep(core, values),
                        Ok(None) => {}
                        Err(()) => return Effect::None,
                    }
                }
                self.next_step(core);
                core.save_draft(&self.draft());
                return Effect::None;
            }
            Some(Action::PreviousStep) => {
                self.step = self.step.saturating_sub(1);
                self.field = 0;
                self.open_editor(core);
                return Effect::None;
            }
            _ => {}
        }
        let Some(editor) = self.editor.as_mut() else {
            self.next_step(core);
            return Effect::None;
        };
        match editor.update(core, input) {
            EditorProgress::Editing => {}
            EditorProgress::External(text) => {
                let name = editor.field.id.clone();
                return Effect::EditExternally(ExternalEdit { text, name });
            }
            EditorProgress::Cancelled => return self.leave(core),
            EditorProgress::Skip { forward: true } => self.advance(core),
            EditorProgress::Skip { forward: false } => self.back(core),
            EditorProgress::Confirmed(values) => {
                self.keep(core, values);
                self.advance(core);
                // Kept where the entry now is: resumed, it asks for the
                // next field, not the one just confirmed.
                core.save_draft(&self.draft());
            }
            // Tab and Shift-Tab keep what was typed, as Enter does.
            EditorProgress::Leave { values, forward } => {
                self.keep(core, values);
                if forward {
                    self.advance(core);
                } else {
                    self.back(core);
                }
                core.save_draft(&self.draft());
            }
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let ui = core.ui();
        let schema = &core.session.ws.schema;
        let title = if self.copy_of.is_some() {
            ui.wizard_copy_title
        } else {
            ui.wizard_title
        };
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(format!(" {title} "), theme.title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let [steps_line, body, message] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));

        // The steps, the current one marked; a step with a required field
        // still empty is marked too. When their names do not all fit, only
        // the current one is named, the others are numbered.
        let names: Vec<String> = schema
            .steps
            .iter()
            .enumerate()
            .map(|(n, step)| format!("{}.{}", n + 1, step.label.get(core.lang)))
            .collect();
        let full = names.iter().map(|s| width(s) + 1).sum::<usize>() + width(ui.summary);
        let compact = full > steps_line.width as usize;
        let mut spans = Vec::new();
        for (n, name) in names.into_iter().enumerate() {
            let current = n == self.step && matches!(self.phase, Phase::Fields);
            let style = if current {
                theme.selected
            } else if self.missing(core, n).is_empty() {
                theme.normal
            } else {
                theme.warning
            };
            let shown = if compact && !current {
                (n + 1).to_string()
            } else {
                name
            };
            spans.push(Span::styled(shown, style));
            spans.push(Span::raw(" "));
        }
        let summary_style = if matches!(self.phase, Phase::Summary) {
            theme.selected
        } else {
            theme.muted
        };
        spans.push(Span::styled(ui.summary, summary_style));
        frame.render_widget(Paragraph::new(Line::from(spans)), steps_line);

        match &self.phase {
            Phase::Fields => {
                if let Some(editor) = &self.editor {
                    let count = self.fields(core, self.step).len();
                    let [progress, editor_area] = body.layout(&Layout::vertical([
                        Constraint::Length(2),
                        Constraint::Fill(1),
                    ]));
                    let step = schema.steps.get(self.step);
                    let help = step.map_or("", |s| s.help.get(core.lang));
                    frame.render_widget(
                        Paragraph::new(Span::styled(
                            format!("{} {}/{} · {help}", ui.field, self.field + 1, count),
                            theme.muted,
                        ))
                        .wrap(Wrap { trim: true }),
                        progress,
                    );
                    editor.draw(core, frame, editor_area);
                }
            }
            Phase::Duplicates(found, selected) => {
                self.draw_duplicates(core, frame, body, found, *selected)
            }
            Phase::Summary => self.draw_summary(core, frame, body),
        }
        if let Some(m) = &self.message {
            frame.render_widget(Paragraph::new(error_span(m, theme, core.lang)), message);
        }
    }
}
