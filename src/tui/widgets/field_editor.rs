//! Editing one field of the schema, whatever its type: a text checked as you
//! type, a choice picked by typing, several choices ticked, relations to other
//! initiatives found by fuzzy search. The guided entry and the record's edit
//! use the same editors.

use crate::tui::widgets::error_text::error_span;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::census::id::InitiativeId;
use crate::census::ops::{OpError, check_value};
use crate::census::schema::{Field, FieldType};
use crate::census::value::split_relation;
use crate::display::inert;
use crate::i18n::{Localized, value_problem};
use crate::tui::action::Action;
use crate::tui::app::{Core, Input};
use crate::tui::keymap::Context;
use crate::tui::widgets::commune_input::CommuneInput;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::picker::{Item, Picker};
use crate::tui::widgets::text_area::TextArea;

/// What an editor says after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorProgress {
    /// Still editing.
    Editing,
    /// Confirmed: the checked, normalised values (none: the field is emptied).
    Confirmed(Vec<String>),
    Cancelled,
    /// Leave this field as it is and go to the next (or previous) one.
    Skip {
        forward: bool,
    },
    /// Leave this field for the next (or previous) one, keeping the value
    /// typed in it (checked as Enter checks it).
    Leave {
        values: Vec<String>,
        forward: bool,
    },
    /// Edit this text in the person's own editor (`$VISUAL`, `$EDITOR`):
    /// the run loop does, then hands the result back (`receive`).
    External(String),
}

#[derive(Debug, Clone)]
enum Mode {
    Text(TextInput),
    Choices(Picker),
    Relations {
        picker: Picker,
        kinds: Vec<(String, String)>,
        kind: usize,
    },
    /// The commune, completed from the official list.
    Commune(CommuneInput),
    /// A long text, in a wrapped text area.
    Area(Box<TextArea>),
}

#[derive(Debug, Clone)]
pub struct FieldEditor {
    pub field: Field,
    /// The initiative being edited (a relation may not point to itself).
    editing: Option<InitiativeId>,
    mode: Mode,
    /// Why the value typed is refused, as you type.
    pub error: Option<String>,
    /// The commune confirmed, settled against the official list: the codes
    /// it brings are the caller's to write.
    pub settled: Option<crate::census::communes::Settled>,
    /// The text the field had when opened: leaving it typed otherwise keeps
    /// what was typed.
    opened_with: String,
}

/// An empty single choice, to empty an optional choice field.
const NONE: &str = "";

impl FieldEditor {
    /// An editor for `field`, starting from `current` values.
    pub fn new(
        core: &Core,
        field: &Field,
        current: &[String],
        editing: Option<&InitiativeId>,
    ) -> FieldEditor {
        let schema = &core.session.ws.schema;
        let mode = match &field.field_type {
            FieldType::Choice(list) | FieldType::Choices(list) => {
                let multi = field.field_type.is_multi();
                let mut items: Vec<Item> = schema
                    .choices(list)
                    .iter()
                    .map(|c| Item::choice(c, core.lang, current.contains(&c.id)))
                    .collect();
                if !multi && !field.required {
                    items.insert(
                        0,
                        Item::new(NONE, core.ui().none_selected, current.is_empty()),
                    );
                }
                Mode::Choices(Picker::new(items, multi))
            }
            FieldType::Relations(list) => {
                let kinds: Vec<(String, String)> = schema
                    .choices(list)
                    .iter()
                    .map(|c| (c.id.clone(), c.label.get(core.lang).to_string()))
                    .collect();
                Mode::Relations {
                    picker: relation_picker(
                        core,
                        current,
                        editing,
                        kinds.first().map_or("", |k| &k.0),
                    ),
                    kinds,
                    kind: 0,
                }
            }
            FieldType::Text if field.id == crate::census::communes::COMMUNE => {
                let record = editing.and_then(|id| core.session.ws.census.get(id));
                let code = |f: &str| record.and_then(|i| i.value(f));
                Mode::Commune(CommuneInput::new(
                    current.first().map_or("", String::as_str),
                    code(crate::census::communes::CODE_INSEE),
                    code(crate::census::communes::CODE_POSTAL),
                ))
            }
            FieldType::LongText => Mode::Area(Box::new(TextArea::new(
                current.first().map_or("", String::as_str),
            ))),
            _ => Mode::Text(TextInput::new(current.first().map_or("", String::as_str))),
        };
        let mut editor = FieldEditor {
            field: field.clone(),
            editing: editing.cloned(),
            mode,
            error: None,
            settled: None,
            opened_with: String::new(),
        };
        editor.opened_with = editor.entered_text().unwrap_or_default();
        editor.check(core);
        editor
    }

    /// The codes known beside a commune (the entry's, before it is saved).
    pub fn with_codes(mut self, insee: Option<&str>, postal: Option<&str>) -> FieldEditor {
        if let Mode::Commune(c) = &mut self.mode {
            c.set_codes(insee, postal);
        }
        self
    }

    /// A list where one value is chosen (Enter chooses).
    pub fn single_choice(&self) -> bool {
        matches!(&self.mode, Mode::Choices(p) if !p.multi)
    }

    /// Space ticks nothing here (a single choice, the commune).
    pub fn ticks_nothing(&self) -> bool {
        self.single_choice() || matches!(self.mode, Mode::Commune(_))
    }

    /// Text fields take the wizard's keys; lists (and the commune's
    /// completions), the picker's.
    pub fn context(&self) -> Context {
        match self.mode {
            Mode::Text(_) => Context::Wizard,
            Mode::Area(_) => Context::TextArea,
            _ => Context::Picker,
        }
    }

    /// What the field would hold if confirmed now (checked and normalised).
    fn values(&self, core: &Core) -> Result<Vec<String>, String> {
        let raw: Vec<String> = match &self.mode {
            Mode::Text(t) if t.text().trim().is_empty() => Vec::new(),
            Mode::Text(t) => vec![t.text().to_string()],
            Mode::Area(t) if t.text().trim().is_empty() => Vec::new(),
            Mode::Area(t) => vec![t.text()],
            Mode::Commune(c) if c.input.text().trim().is_empty() => Vec::new(),
            Mode::Commune(c) => vec![c.input.text().to_string()],
            Mode::Choices(p) if p.multi => p.checked(),
            Mode::Choices(p) => p
                .current()
                .map(|i| i.value.clone())
                .filter(|v| v != NONE)
                .into_iter()
                .collect(),
            Mode::Relations { picker, .. } => picker.checked(),
        };
        let schema = &core.session.ws.schema;
        let mut out = Vec::new();
        for r in raw {
            let v = check_value(
                schema,
                &core.session.ws.census,
                &self.field,
                &r,
                self.editing.as_ref(),
            )
            .map_err(|e| match e {
                // The editor shows the field and the value already: only
                // what is wrong (not the command line's `field=value:`).
                OpError::Invalid { error, .. } => value_problem(&error, core.lang),
                other => other.localize(core.lang),
            })?;
            if !out.contains(&v) {
                out.push(v);
            }
        }
        if out.is_empty() && self.field.required {
            return Err(format!(
                "{}{}{}",
                self.field.label.get(core.lang),
                core.ui().colon,
                core.ui().required_mark
            ));
        }
        Ok(out)
    }

    /// The text typed, for a text field, a long text or the commune.
    fn entered_text(&self) -> Option<String> {
        match &self.mode {
            Mode::Text(t) => Some(t.text().to_string()),
            Mode::Area(t) => Some(t.text()),
            Mode::Commune(c) => Some(c.input.text().to_string()),
            _ => None,
        }
    }

    /// Leaving the field (Tab, Shift-Tab, the next step): what was typed
    /// is kept, checked as Enter checks it. `Ok(None)`: nothing typed
    /// (lists, or the text as it was opened); `Err(())`: refused, the
    /// message is shown and the field keeps the cursor.
    pub fn leave(&mut self, core: &Core) -> Result<Option<Vec<String>>, ()> {
        if self.entered_text().is_none_or(|t| t == self.opened_with) {
            return Ok(None);
        }
        let progress = match self.mode {
            Mode::Commune(_) => self.confirm_commune(core),
            _ => match self.values(core) {
                Ok(v) => EditorProgress::Confirmed(v),
                Err(e) => {
                    self.error = Some(e);
                    EditorProgress::Editing
                }
            },
        };
        match progress {
            EditorProgress::Confirmed(v) => Ok(Some(v)),
            _ => Err(()),
        }
    }

    /// Tab or Shift-Tab: the next (or previous) field, with what was typed.
    fn leave_for(&mut self, core: &Core, forward: bool) -> EditorProgress {
        match self.leave(core) {
            Ok(Some(values)) => EditorProgress::Leave { values, forward },
            Ok(None) => EditorProgress::Skip { forward },
            Err(()) => EditorProgress::Editing,
        }
    }

    /// Validation of a value as it stands (texts only: lists hold valid
    /// choices): when the field opens, on Enter and on leaving it, never
    /// in the middle of a word.
    fn check(&mut self, core: &Core) {
        self.error = match &self.mode {
            Mode::Text(t) if !t.text().trim().is_empty() => self.values(core).err(),
            Mode::Area(t) if !t.text().trim().is_empty() => self.values(core).err(),
            Mode::Commune(c) if !c.input.text().trim().is_empty() => self.values(core).err(),
            _ => None,
        };
    }

    pub fn update(&mut self, core: &Core, input: Input) -> EditorProgress {
        if input.action == Some(Action::EditExternally)
            && let Some(text) = self.typed_text()
        {
            return EditorProgress::External(text);
        }
        // A paragraph is not dropped by Tab: checked and kept, as Ctrl-s.
        if matches!(self.mode, Mode::Area(_)) && input.action == Some(Action::NextField) {
            return match self.values(core) {
                Ok(v) => EditorProgress::Confirmed(v),
                Err(e) => {
                    self.error = Some(e);
                    EditorProgress::Editing
                }
            };
        }
        if let Mode::Commune(c) = &mut self.mode {
            match input.action {
                Some(Action::Cancel) if c.asking() => {
                    c.stop_asking();
                    return EditorProgress::Editing;
                }
                Some(Action::Confirm) => return self.confirm_commune(core),
                Some(Action::MoveDown) => c.move_down(),
                Some(Action::MoveUp) => c.move_up(),
                Some(Action::Cancel | Action::NextField | Action::PreviousField) => {}
                _ => {
                    if c.type_key(input.key) {
                        self.error = None;
                    }
                }
            }
            if !matches!(
                input.action,
                Some(Action::Cancel | Action::NextField | Action::PreviousField)
            ) {
                return EditorProgress::Editing;
            }
        }
        match input.action {
            Some(Action::Cancel) => return EditorProgress::Cancelled,
            Some(Action::Confirm) => {
                // A single choice is the one under the cursor.
                return match self.values(core) {
                    Ok(v) => EditorProgress::Confirmed(v),
                    Err(e) => {
                        self.error = Some(e);
                        EditorProgress::Editing
                    }
                };
            }
            Some(Action::NextField) => return self.leave_for(core, true),
            Some(Action::PreviousField) => return self.leave_for(core, false),
            _ => {}
        }
        match &mut self.mode {
            // Handled above.
            Mode::Commune(_) => {}
            Mode::Text(t) => {
                if t.handle(input.key) {
                    self.error = None;
                }
            }
            Mode::Area(t) => {
                if t.handle(input.key, input.action) {
                    self.error = None;
                }
            }
            Mode::Choices(p) => match input.action {
                Some(Action::MoveDown) => p.move_down(),
                Some(Action::MoveUp) => p.move_up(),
                Some(Action::Toggle) if p.multi => p.toggle(),
                _ => {
                    p.type_key(input.key);
                }
            },
            Mode::Relations {
                picker,
                kinds,
                kind,
            } => match input.action {
                Some(Action::MoveDown) => picker.move_down(),
                Some(Action::MoveUp) => picker.move_up(),
                Some(Action::Toggle) => {
                    toggle_relation(picker, kinds.get(*kind).map_or("", |k| &k.0))
                }
                Some(Action::NextPane) => *kind = (*kind + 1) % kinds.len().max(1),
                _ => {
                    picker.type_key(input.key);
                }
            },
        }
        EditorProgress::Editing
    }

    /// The text of a field typed as text, as it stands (not of a list, nor
    /// of the commune, picked from the official list).
    pub fn typed_text(&self) -> Option<String> {
        match &self.mode {
            Mode::Text(t) => Some(t.text().to_string()),
            Mode::Area(t) => Some(t.text()),
            Mode::Commune(_) | Mode::Choices(_) | Mode::Relations { .. } => None,
        }
    }

    /// The text written in the person's editor, in place of the field's,
    /// checked as a typed value would be; returns whether there is one for
    /// the screen to confirm. A failed editor leaves the text as it was, and
    /// says why (here, and in the status line).
    pub fn receive(&mut self, core: &mut Core, text: Result<String, String>) -> bool {
        let text = match text {
            Ok(text) => text,
            Err(why) => {
                self.error = Some(why.clone());
                core.error(why);
                return false;
            }
        };
        match &mut self.mode {
            Mode::Text(t) => t.set(&text),
            Mode::Area(t) => t.set(&text),
            Mode::Commune(_) | Mode::Choices(_) | Mode::Relations { .. } => return false,
        }
        self.check(core);
        true
    }

    /// Enter on the commune: the completion chosen (a postal code asked
    /// when it has several), the value checked as any text.
    fn confirm_commune(&mut self, core: &Core) -> EditorProgress {
        let Mode::Commune(c) = &mut self.mode else {
            return EditorProgress::Editing;
        };
        if c.input.text().trim().is_empty() {
            self.settled = None;
            return match self.values(core) {
                Ok(v) => EditorProgress::Confirmed(v),
                Err(e) => {
                    self.error = Some(e);
                    EditorProgress::Editing
                }
            };
        }
        let Some(settled) = c.confirm() else {
            return EditorProgress::Editing;
        };
        let value = CommuneInput::value_of(&settled);
        match check_value(
            &core.session.ws.schema,
            &core.session.ws.census,
            &self.field,
            &value,
            self.editing.as_ref(),
        ) {
            Ok(v) => {
                self.settled = Some(settled);
                EditorProgress::Confirmed(vec![v])
            }
            Err(e) => {
                self.error = Some(e.localize(core.lang));
                EditorProgress::Editing
            }
        }
    }

    pub fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let ui = core.ui();
        let label = self.field.label.get(core.lang);
        let mark = if self.field.required {
            ui.required_mark
        } else {
            ui.optional_mark
        };
        let [title, help, body] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(label, theme.title),
                Span::styled(format!("  ({mark})"), theme.muted),
            ])),
            title,
        );
        frame.render_widget(
            Paragraph::new(Span::styled(self.field.help.get(core.lang), theme.muted))
                .wrap(Wrap { trim: true }),
            help,
        );
        match &self.mode {
            Mode::Text(t) => {
                let [line, message] = body.layout(&Layout::vertical([
                    Constraint::Length(1),
                    Constraint::Fill(1),
                ]));
                let shown = inert(t.text());
                frame.render_widget(
                    Paragraph::new(format!("> {shown}")).style(theme.focus),
                    line,
                );
                let before: String = t.text().chars().take(t.cursor()).collect();
                frame.set_cursor_position((
                    line.x + 2 + crate::display::width(&inert(&before)) as u16,
                    line.y,
                ));
                if let Some(e) = &self.error {
                    frame.render_widget(
                        Paragraph::new(error_span(e, theme, core.lang)).wrap(Wrap { trim: true }),
                        message,
                    );
                } else if let Some(osm) = super::hours_preview::preview(
                    &core.session.ws.schema,
                    &self.field,
                    t.text(),
                    core.lang,
                ) {
                    frame.render_widget(
                        Paragraph::new(Span::styled(osm, theme.muted)).wrap(Wrap { trim: true }),
                        message,
                    );
                }
            }
            Mode::Area(t) => {
                let [text, message] = body.layout(&Layout::vertical([
                    Constraint::Fill(1),
                    Constraint::Length(if self.error.is_some() { 2 } else { 0 }),
                ]));
                let block = ratatui::widgets::Block::bordered()
                    .border_set(theme.border())
                    .border_style(theme.focus);
                let inner = block.inner(text);
                frame.render_widget(block, text);
                t.draw(frame, inner);
                if let Some(e) = &self.error {
                    frame.render_widget(
                        Paragraph::new(error_span(e, theme, core.lang)).wrap(Wrap { trim: true }),
                        message,
                    );
                }
            }
            Mode::Commune(c) => {
                let [input, message] = body.layout(&Layout::vertical([
                    Constraint::Fill(1),
                    Constraint::Length(if self.error.is_some() { 2 } else { 0 }),
                ]));
                c.draw(theme, core.lang, frame, input);
                if let Some(e) = &self.error {
                    frame.render_widget(
                        Paragraph::new(error_span(e, theme, core.lang)).wrap(Wrap { trim: true }),
                        message,
                    );
                }
            }
            Mode::Choices(p) => {
                let hint = if p.multi {
                    ui.choose_hint
                } else {
                    ui.pick_hint
                };
                p.draw(theme, core.lang, frame, body, hint);
            }
            Mode::Relations {
                picker,
                kinds,
                kind,
            } => {
                let [kind_line, rest] = body.layout(&Layout::vertical([
                    Constraint::Length(1),
                    Constraint::Fill(1),
                ]));
                let tab = core
                    .keymap
                    .first_key(Context::Picker, Action::NextPane)
                    .map(|k| k.label(core.lang))
                    .unwrap_or_default();
                let name = kinds.get(*kind).map_or("", |k| k.1.as_str());
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::raw(format!("{}{}", ui.relation_kind, ui.colon)),
                        Span::styled(name, theme.focus),
                        Span::styled(format!("  ({tab})"), theme.muted),
                    ])),
                    kind_line,
                );
                picker.draw(theme, core.lang, frame, rest, ui.choose_hint);
            }
        }
    }
}

/// Current relations first (ticked), then every other live initiative.
fn relation_picker(
    core: &Core,
    current: &[String],
    editing: Option<&InitiativeId>,
    first_kind: &str,
) -> Picker {
    let census = &core.session.ws.census;
    let schema = &core.session.ws.schema;
    let label_of = |kind: &str, target: &str| {
        let list = schema.fields.iter().find_map(|f| match &f.field_type {
            FieldType::Relations(l) => Some(l.as_str()),
            _ => None,
        });
        let kind_label = list.map_or(kind, |l| schema.choice_label(l, kind, core.lang));
        let name = InitiativeId::parse(target)
            .ok()
            .and_then(|id| census.get(&id))
            .map(|i| {
                format!(
                    "{} ({})",
                    i.value(&schema.name_field).unwrap_or("?"),
                    i.value("commune").unwrap_or("")
                )
            })
            .unwrap_or_else(|| target.to_string());
        format!("{kind_label} · {name}")
    };
    let mut items: Vec<Item> = current
        .iter()
        .filter_map(|v| split_relation(v).map(|(k, t)| Item::new(v.as_str(), label_of(k, t), true)))
        .collect();
    let linked: Vec<&str> = current
        .iter()
        .filter_map(|v| split_relation(v).map(|(_, t)| t))
        .collect();
    for i in census.live() {
        if Some(&i.id) == editing || linked.contains(&i.id.as_str()) {
            continue;
        }
        let value = format!("{first_kind}:{}", i.id);
        let name = format!(
            "{} ({})",
            i.value(&schema.name_field).unwrap_or("?"),
            i.value("commune").unwrap_or("")
        );
        items.push(Item::new(value, name, false));
    }
    Picker::new(items, true)
}

/// Ticking an initiative relates it with the kind chosen now.
fn toggle_relation(picker: &mut Picker, kind: &str) {
    let Some(current) = picker.current().cloned() else {
        return;
    };
    if !current.checked
        && let Some((_, target)) = split_relation(&current.value)
        && let Some(item) = picker.items.iter_mut().find(|i| i.value == current.value)
    {
        item.value = format!("{kind}:{target}");
    }
    picker.toggle();
}
