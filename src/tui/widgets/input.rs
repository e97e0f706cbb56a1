//! A one-line text field with a cursor.

use crate::tui::keymap::{Key, KeyCodeOrd};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Cursor position, in chars.
    cursor: usize,
    /// Filled in beforehand (today's date): the first character typed
    /// replaces the whole text; any other key keeps it, to edit it.
    replace_on_type: bool,
}

impl TextInput {
    pub fn new(text: &str) -> TextInput {
        TextInput {
            text: text.to_string(),
            cursor: text.chars().count(),
            replace_on_type: false,
        }
    }

    /// A text filled in beforehand, replaced by what is typed.
    pub fn prefilled(text: &str) -> TextInput {
        TextInput {
            replace_on_type: !text.is_empty(),
            ..TextInput::new(text)
        }
    }

    /// Whether the next character typed replaces the text.
    pub fn replaces_on_type(&self) -> bool {
        self.replace_on_type
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn set(&mut self, text: &str) {
        *self = TextInput::new(text);
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Handles an editing key; returns whether the text or cursor changed.
    pub fn handle(&mut self, key: Key) -> bool {
        if std::mem::take(&mut self.replace_on_type) && key.text().is_some() {
            self.set("");
        }
        let len = self.text.chars().count();
        if let Some(c) = key.text() {
            let at = self.byte_at(self.cursor);
            self.text.insert(at, c);
            self.cursor += 1;
            return true;
        }
        if key.ctrl {
            return match key.code {
                // Ctrl-U clears, Ctrl-W deletes the word before the cursor.
                KeyCodeOrd::Char('u') => {
                    let changed = !self.text.is_empty();
                    self.set("");
                    changed
                }
                KeyCodeOrd::Char('w') => {
                    let before: String = self.text.chars().take(self.cursor).collect();
                    let kept = before
                        .trim_end()
                        .rsplit_once(' ')
                        .map_or("", |(k, _)| k)
                        .to_string();
                    let keep_len = if kept.is_empty() {
                        0
                    } else {
                        kept.chars().count() + 1
                    };
                    let after: String = self.text.chars().skip(self.cursor).collect();
                    let head: String = before.chars().take(keep_len).collect();
                    self.text = format!("{head}{after}");
                    self.cursor = keep_len;
                    true
                }
                _ => false,
            };
        }
        match key.code {
            KeyCodeOrd::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.text.remove(at);
                self.cursor -= 1;
                true
            }
            KeyCodeOrd::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
                true
            }
            KeyCodeOrd::Left if self.cursor > 0 => {
                self.cursor -= 1;
                true
            }
            KeyCodeOrd::Right if self.cursor < len => {
                self.cursor += 1;
                true
            }
            KeyCodeOrd::Home => {
                self.cursor = 0;
                true
            }
            KeyCodeOrd::End => {
                self.cursor = len;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_and_editing() {
        let mut t = TextInput::default();
        for c in "Médiatèque".chars() {
            t.handle(Key::ch(c));
        }
        for _ in 0..4 {
            t.handle(Key::plain(KeyCodeOrd::Left));
        }
        t.handle(Key::ch('h'));
        assert_eq!(t.text(), "Médiathèque");
        t.handle(Key::plain(KeyCodeOrd::End));
        t.handle(Key::plain(KeyCodeOrd::Backspace));
        assert_eq!(t.text(), "Médiathèqu");
        t.handle(Key::ch(' '));
        t.handle(Key::ch('x'));
        t.handle(Key::ctrl('w'));
        assert_eq!(t.text(), "Médiathèqu ");
        t.handle(Key::ctrl('u'));
        assert_eq!(t.text(), "");
    }

    #[test]
    fn typing_replaces_a_prefilled_text_and_moving_keeps_it() {
        let mut t = TextInput::prefilled("2026-12-06");
        for c in "28/11/2026".chars() {
            t.handle(Key::ch(c));
        }
        assert_eq!(t.text(), "28/11/2026");
        let mut t = TextInput::prefilled("2026-12-06");
        t.handle(Key::plain(KeyCodeOrd::Backspace));
        t.handle(Key::ch('5'));
        assert_eq!(t.text(), "2026-12-05");
    }
}
