//! Choosing in a list by typing: fuzzy, accent-insensitive filtering; one
//! choice, or several with Space.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::census::search::{Matcher, fold};
use crate::display::inert;
use crate::lang::Lang;
use crate::tui::keymap::Key;
use crate::tui::theme::Theme;
use crate::tui::widgets::input::TextInput;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub value: String,
    pub label: String,
    /// Folded label, computed once.
    key: String,
    pub checked: bool,
}

impl Item {
    pub fn new(value: impl Into<String>, label: impl Into<String>, checked: bool) -> Item {
        let label = label.into();
        Item {
            value: value.into(),
            key: fold(&label),
            label,
            checked,
        }
    }
}

impl Item {
    /// A schema choice: its label shown, its label and synonyms (both
    /// languages) searched.
    pub fn choice(c: &crate::census::schema::Choice, lang: Lang, checked: bool) -> Item {
        let mut item = Item::new(&c.id, c.label.get(lang), checked);
        for words in [&c.synonyms.fr, &c.synonyms.en] {
            if !words.is_empty() {
                item.key.push(' ');
                item.key.push_str(&fold(&words.replace(',', " ")));
            }
        }
        item
    }
}

#[derive(Debug, Clone)]
pub struct Picker {
    pub items: Vec<Item>,
    pub typed: TextInput,
    /// Indexes of the items shown, best match first.
    shown: Vec<usize>,
    pub cursor: usize,
    pub multi: bool,
    /// Nothing chosen yet (a picker that starts empty): no item is current
    /// until one is typed or moved to.
    unchosen: bool,
}

impl Picker {
    pub fn new(items: Vec<Item>, multi: bool) -> Picker {
        let mut p = Picker {
            shown: (0..items.len()).collect(),
            items,
            typed: TextInput::default(),
            cursor: 0,
            multi,
            unchosen: false,
        };
        // Start on the current choice of a single choice.
        if !multi && let Some(pos) = p.items.iter().position(|i| i.checked) {
            p.cursor = pos;
        }
        p
    }

    /// A single choice with nothing chosen at first: Enter alone picks
    /// nothing (a relation's target is never pre-selected).
    pub fn starting_empty(mut self) -> Picker {
        self.unchosen = true;
        self
    }

    fn refilter(&mut self) {
        let q = fold(self.typed.text().trim());
        if q.is_empty() {
            self.shown = (0..self.items.len()).collect();
        } else {
            let m = Matcher::default();
            let mut hits: Vec<(usize, i64)> = self
                .items
                .iter()
                .enumerate()
                .filter_map(|(i, it)| m.score(&it.key, &q).map(|s| (i, s)))
                .collect();
            hits.sort_by_key(|h| std::cmp::Reverse(h.1));
            self.shown = hits.into_iter().map(|(i, _)| i).collect();
        }
        self.cursor = 0;
        self.unchosen = false;
    }

    /// A typed key: narrows the list. Returns whether anything changed.
    /// The list is filtered again (and the cursor put back on the best
    /// match) only when the query changed: a space between two words, or
    /// before anything, leaves the cursor where it is.
    pub fn type_key(&mut self, key: Key) -> bool {
        let before = fold(self.typed.text().trim());
        let changed = self.typed.handle(key);
        if changed && fold(self.typed.text().trim()) != before {
            self.refilter();
        }
        changed
    }

    pub fn move_down(&mut self) {
        if std::mem::take(&mut self.unchosen) {
            return;
        }
        self.cursor = (self.cursor + 1).min(self.shown.len().saturating_sub(1));
    }

    pub fn move_up(&mut self) {
        self.unchosen = false;
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// The item under the cursor.
    pub fn current(&self) -> Option<&Item> {
        if self.unchosen {
            return None;
        }
        self.shown.get(self.cursor).map(|&i| &self.items[i])
    }

    /// Something was typed and no item matches it.
    pub fn nothing_matches(&self) -> bool {
        self.shown.is_empty() && !self.typed.text().trim().is_empty()
    }

    pub fn toggle(&mut self) {
        if let Some(&i) = self.shown.get(self.cursor) {
            self.items[i].checked = !self.items[i].checked;
        }
    }

    /// The values ticked (multi), in list order.
    pub fn checked(&self) -> Vec<String> {
        self.items
            .iter()
            .filter(|i| i.checked)
            .map(|i| i.value.clone())
            .collect()
    }

    pub fn draw(&self, theme: &Theme, lang: Lang, frame: &mut Frame, area: Rect, hint: &str) {
        let [typed, list, hint_area] = area.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        let cursor = self.typed.cursor();
        let text: String = self.typed.text().chars().take(cursor).collect();
        frame.render_widget(
            Paragraph::new(format!("> {}", inert(self.typed.text()))),
            typed,
        );
        frame.set_cursor_position((typed.x + 2 + crate::display::width(&text) as u16, typed.y));
        let height = list.height as usize;
        let start = self.cursor.saturating_sub(height.saturating_sub(1));
        let width = list.width as usize;
        let lines: Vec<Line> = self
            .shown
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(row, &i)| {
                let item = &self.items[i];
                let mark = if self.multi {
                    format!("{} ", theme.checked(item.checked))
                } else {
                    String::new()
                };
                let text = format!("{mark}{}", inert(&item.label));
                let style = if row == self.cursor && !self.unchosen {
                    theme.selected
                } else {
                    theme.normal
                };
                Line::from(Span::styled(
                    theme.truncate(&text, width).into_owned(),
                    style,
                ))
            })
            .collect();
        let lines = if self.nothing_matches() {
            let none = crate::tui::words::flow::flow(lang).no_choice_matches;
            vec![Line::from(Span::styled(none, theme.warning))]
        } else {
            lines
        };
        frame.render_widget(Paragraph::new(lines), list);
        frame.render_widget(
            Paragraph::new(Span::styled(hint.to_string(), theme.muted)),
            hint_area,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picker() -> Picker {
        Picker::new(
            vec![
                Item::new("mediatheque", "Médiathèque", false),
                Item::new("centre_social", "Centre social", false),
                Item::new("fablab", "Fablab", false),
            ],
            true,
        )
    }

    #[test]
    fn typing_narrows_accent_insensitively() {
        let mut p = picker();
        for c in "mediat".chars() {
            p.type_key(Key::ch(c));
        }
        assert_eq!(p.current().map(|i| i.value.as_str()), Some("mediatheque"));
        p.toggle();
        assert_eq!(p.checked(), vec!["mediatheque"]);
    }
}
