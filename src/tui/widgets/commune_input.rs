//! The commune field: completed from the official list as you type
//! ("Morl" → "Morlaix (29) · 29600"), homonyms shown with their
//! département. Choosing one settles the commune (official spelling, code
//! INSEE, postal code — asked when it has several); a name outside the list
//! stays possible, with a warning.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::census::communes::{self, CODE_POSTAL, Known, Outcome, Settled};
use crate::census::ops::FieldValues;
use crate::census::schema::Schema;
use crate::census::territory::{Match, referential};
use crate::display::inert;
use crate::lang::{Lang, fill};
use crate::tui::keymap::Key;
use crate::tui::theme::Theme;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::picker::{Item, Picker};
use crate::tui::words::communes::communes as words;

/// How many completions are shown.
const LIMIT: usize = 6;

#[derive(Debug, Clone)]
pub struct CommuneInput {
    pub input: TextInput,
    matches: Vec<Match>,
    /// The completion highlighted; `None`: the text as typed.
    selected: Option<usize>,
    insee: Option<String>,
    postal: Option<String>,
    /// Asking which postal code: the commune settled so far, and the codes.
    asking: Option<(Settled, Picker)>,
}

impl CommuneInput {
    /// Starts from the field's value and the codes already known beside it.
    pub fn new(text: &str, insee: Option<&str>, postal: Option<&str>) -> CommuneInput {
        let mut c = CommuneInput {
            input: TextInput::new(text),
            matches: Vec::new(),
            selected: None,
            insee: insee.map(String::from),
            postal: postal.map(String::from),
            asking: None,
        };
        c.refresh();
        c
    }

    /// The codes known beside the commune (the entry's or the record's).
    pub fn set_codes(&mut self, insee: Option<&str>, postal: Option<&str>) {
        self.insee = insee.map(String::from);
        self.postal = postal.map(String::from);
    }

    fn refresh(&mut self) {
        let text = self.input.text();
        self.matches = if text.trim().is_empty() {
            Vec::new()
        } else {
            referential().search(text, LIMIT)
        };
        self.selected = (!self.matches.is_empty()).then_some(0);
    }

    /// Whether it is asking for a postal code.
    pub fn asking(&self) -> bool {
        self.asking.is_some()
    }

    /// Back from the postal code to the commune.
    pub fn stop_asking(&mut self) {
        self.asking = None;
    }

    /// A typed key; returns whether the text changed.
    pub fn type_key(&mut self, key: Key) -> bool {
        if self.asking.is_some() {
            return false;
        }
        let changed = self.input.handle(key);
        if changed {
            self.refresh();
        }
        changed
    }

    pub fn move_down(&mut self) {
        match &mut self.asking {
            Some((_, p)) => p.move_down(),
            None => {
                self.selected = match self.selected {
                    None if !self.matches.is_empty() => Some(0),
                    Some(n) if n + 1 < self.matches.len() => Some(n + 1),
                    other => other,
                }
            }
        }
    }

    pub fn move_up(&mut self) {
        match &mut self.asking {
            Some((_, p)) => p.move_up(),
            None => self.selected = self.selected.and_then(|n| n.checked_sub(1)),
        }
    }

    fn known(&self) -> Known<'_> {
        Known {
            insee: self.insee.as_deref(),
            postal: self.postal.as_deref(),
            insee_given: false,
            postal_given: false,
        }
    }

    /// Enter: the commune highlighted (or the text as typed) settled; `None`
    /// while a postal code is still to choose.
    pub fn confirm(&mut self) -> Option<Settled> {
        if let Some((mut settled, picker)) = self.asking.take() {
            if let Some(code) = picker.current().map(|i| i.value.clone()) {
                settled.writes.retain(|w| w.field != CODE_POSTAL);
                settled.writes.push(FieldValues {
                    field: CODE_POSTAL.to_string(),
                    values: vec![code],
                });
            }
            return Some(settled);
        }
        let typed = self.input.text().trim().to_string();
        let settled = match self.selected.and_then(|n| self.matches.get(n)) {
            Some(m) => communes::choose(&typed, m.commune, m.former, self.known()),
            None => communes::settle(&typed, self.known()),
        };
        if let Outcome::Found { postal_choices, .. } = &settled.outcome
            && !postal_choices.is_empty()
        {
            let items = postal_choices
                .iter()
                .map(|c| Item::new(c.as_str(), c.as_str(), false))
                .collect();
            self.asking = Some((settled, Picker::new(items, false)));
            return None;
        }
        Some(settled)
    }

    /// The value the field takes from a settlement: the official name, or
    /// the text as typed.
    pub fn value_of(settled: &Settled) -> String {
        settled
            .write(communes::COMMUNE)
            .unwrap_or(&settled.typed)
            .to_string()
    }

    pub fn draw(&self, theme: &Theme, lang: Lang, frame: &mut Frame, area: Rect) {
        let t = words(lang);
        let r = referential();
        if let Some((settled, picker)) = &self.asking {
            let [title, rest] = area.layout(&Layout::vertical([
                Constraint::Length(1),
                Constraint::Fill(1),
            ]));
            let name = Self::value_of(settled);
            frame.render_widget(
                Paragraph::new(Span::styled(
                    fill(t.postal_title, &[("commune", &inert(&name))]),
                    theme.focus,
                )),
                title,
            );
            picker.draw(theme, lang, frame, rest, t.postal_hint);
            return;
        }
        let [line, list, hint] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        let typed = self.input.text();
        let shown = inert(typed);
        let input_style = if self.selected.is_none() {
            theme.selected
        } else {
            theme.focus
        };
        frame.render_widget(
            Paragraph::new(format!("> {shown}")).style(input_style),
            line,
        );
        let before: String = typed.chars().take(self.input.cursor()).collect();
        frame.set_cursor_position((
            line.x + 2 + crate::display::width(&inert(&before)) as u16,
            line.y,
        ));
        let width = list.width as usize;
        if self.matches.is_empty() {
            if !typed.trim().is_empty() {
                let warning = if theme.ascii {
                    t.unknown_ascii
                } else {
                    t.unknown
                };
                frame.render_widget(
                    Paragraph::new(Span::styled(
                        fill(warning, &[("typed", &shown)]),
                        theme.warning,
                    ))
                    .wrap(Wrap { trim: true }),
                    list,
                );
            }
        } else {
            let lines: Vec<Line> = self
                .matches
                .iter()
                .enumerate()
                .take(list.height as usize)
                .map(|(n, m)| {
                    let label = r.label(&r.communes[m.commune]);
                    let label = match m.former.map(|f| &r.formers[f]) {
                        Some(f) if !f.name.is_empty() => format!("{} → {label}", f.name),
                        Some(f) => format!("{} → {label}", f.code),
                        None => label,
                    };
                    let style = if self.selected == Some(n) {
                        theme.selected
                    } else {
                        theme.normal
                    };
                    let text = format!("  {}", inert(&label));
                    Line::from(Span::styled(
                        theme.truncate(&text, width).into_owned(),
                        style,
                    ))
                })
                .collect();
            frame.render_widget(Paragraph::new(lines), list);
        }
        frame.render_widget(Paragraph::new(Span::styled(t.hint, theme.muted)), hint);
    }
}

/// The other fields a settled commune changes (its codes), for the entry or
/// the edit: values to set, and fields to empty, that the form has.
pub fn code_changes(schema: &Schema, settled: &Settled) -> (Vec<FieldValues>, Vec<String>) {
    let set = settled
        .writes
        .iter()
        .filter(|w| w.field != communes::COMMUNE && !w.values.is_empty())
        .filter(|w| schema.field(&w.field).is_some())
        .cloned()
        .collect();
    (set, communes::emptied(schema, settled))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> CommuneInput {
        let mut c = CommuneInput::new("", None, None);
        for ch in text.chars() {
            c.type_key(Key::ch(ch));
        }
        c
    }

    #[test]
    fn a_prefix_completes_and_enter_picks_the_first() {
        let mut c = typed("Morl");
        let s = c.confirm().expect("one postal code: no question");
        assert_eq!(CommuneInput::value_of(&s), "Morlaix");
        assert_eq!(s.write("code_insee"), Some("29151"));
        assert_eq!(s.write("code_postal"), Some("29600"));
    }

    #[test]
    fn several_postal_codes_are_asked() {
        let mut c = typed("grenoble");
        assert_eq!(c.confirm(), None);
        assert!(c.asking());
        c.move_down();
        let s = c.confirm().expect("chosen");
        assert_eq!(s.write("code_postal"), Some("38100"));
    }

    #[test]
    fn up_from_the_first_keeps_the_text_as_typed() {
        let mut c = typed("Zzyzx");
        assert!(c.matches.is_empty());
        let s = c.confirm().unwrap();
        assert_eq!(s.outcome, Outcome::Unknown);
        let mut c = typed("Morl");
        c.move_up();
        let s = c.confirm().unwrap();
        assert_eq!(CommuneInput::value_of(&s), "Morl");
    }
}
