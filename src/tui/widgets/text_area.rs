//! A long text (a description, an argument, notes, an evidence note) edited
//! in a wrapped text area: `ratatui-textarea`'s editor, given the keys the
//! keymap leaves to it. The keymap's `new_line` action (Enter) breaks the
//! line; validating and leaving the field are the screen's actions (in the
//! `text_area` section of `keys.ron`). The editing keys, as in the one-line
//! field: arrows, Home/End (line), Ctrl-←/→ (word), Ctrl-Home/End (text),
//! PgUp/PgDn (when the keymap leaves them), Backspace/Delete, Ctrl-w (word before), Ctrl-u/Ctrl-k (to the
//! start/end of the line), Ctrl-z/Ctrl-y (undo/redo the typing).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, Scrolling, TextArea as Area, WrapMode};

use crate::display::{for_terminal, is_unsafe};
use crate::tui::action::Action;
use crate::tui::keymap::{Key, KeyCodeOrd};

#[derive(Debug, Clone)]
pub struct TextArea {
    area: Area<'static>,
}

impl Default for TextArea {
    fn default() -> Self {
        TextArea::new("")
    }
}

impl TextArea {
    /// A text area holding `text`, the cursor at its end. Characters that
    /// must not reach a terminal are shown as escapes (`\u{1b}`), so that a
    /// value with them is seen, and refused when confirmed.
    pub fn new(text: &str) -> TextArea {
        let shown = for_terminal(&text.replace("\r\n", "\n")).into_owned();
        let lines: Vec<String> = shown.split('\n').map(String::from).collect();
        let mut area = Area::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        // No underlined line: the cursor alone, reversed, which survives
        // monochrome terminals and NO_COLOR.
        area.set_cursor_line_style(Style::default());
        area.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
        area.set_tab_length(4);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextArea { area }
    }

    /// The text, its lines joined by `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The cursor: line and character in it.
    #[cfg(test)]
    pub fn cursor(&self) -> (usize, usize) {
        let c = self.area.cursor();
        (c.0, c.1)
    }

    /// Replaces the whole text (the cursor at its end).
    pub fn set(&mut self, text: &str) {
        *self = TextArea::new(text);
    }

    /// Handles a key and the action it maps to; returns whether the text
    /// changed (moves of the cursor return false).
    pub fn handle(&mut self, key: Key, action: Option<Action>) -> bool {
        let a = &mut self.area;
        if action == Some(Action::NewLine) {
            a.insert_newline();
            return true;
        }
        if let Some(c) = key.text() {
            if is_unsafe(c) {
                return false;
            }
            a.insert_char(c);
            return true;
        }
        let moved = |a: &mut Area<'static>, m: CursorMove| {
            a.move_cursor(m);
            false
        };
        match (key.code, key.ctrl, key.alt) {
            (KeyCodeOrd::Left, true, _) => moved(a, CursorMove::WordBack),
            (KeyCodeOrd::Right, true, _) => moved(a, CursorMove::WordForward),
            (KeyCodeOrd::Home, true, _) => {
                a.move_cursor(CursorMove::Top);
                moved(a, CursorMove::Head)
            }
            (KeyCodeOrd::End, true, _) => {
                a.move_cursor(CursorMove::Bottom);
                moved(a, CursorMove::End)
            }
            (KeyCodeOrd::Left, false, _) => moved(a, CursorMove::Back),
            (KeyCodeOrd::Right, false, _) => moved(a, CursorMove::Forward),
            (KeyCodeOrd::Up, false, _) => moved(a, CursorMove::Up),
            (KeyCodeOrd::Down, false, _) => moved(a, CursorMove::Down),
            (KeyCodeOrd::Home, false, _) => moved(a, CursorMove::Head),
            (KeyCodeOrd::End, false, _) => moved(a, CursorMove::End),
            (KeyCodeOrd::PageDown, false, _) => {
                a.scroll(Scrolling::PageDown);
                false
            }
            (KeyCodeOrd::PageUp, false, _) => {
                a.scroll(Scrolling::PageUp);
                false
            }
            (KeyCodeOrd::Backspace, false, true) => a.delete_word(),
            (KeyCodeOrd::Backspace, false, false) => a.delete_char(),
            (KeyCodeOrd::Delete, false, _) => a.delete_next_char(),
            (KeyCodeOrd::Char('w'), true, _) => a.delete_word(),
            (KeyCodeOrd::Char('u'), true, _) => a.delete_line_by_head(),
            (KeyCodeOrd::Char('k'), true, _) => a.delete_line_by_end(),
            (KeyCodeOrd::Char('z'), true, _) => a.undo(),
            (KeyCodeOrd::Char('y'), true, _) => a.redo(),
            _ => false,
        }
    }

    /// Draws the text wrapped at the width of `area`, scrolled so that the
    /// cursor is in view (the widget keeps where it scrolled, for the next
    /// frame, in cells of its own).
    pub fn draw(&self, frame: &mut Frame, area: Rect) {
        frame.render_widget(&self.area, area);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> TextArea {
        let mut t = TextArea::default();
        for c in text.chars() {
            if c == '\n' {
                t.handle(Key::plain(KeyCodeOrd::Enter), Some(Action::NewLine));
            } else {
                t.handle(Key::ch(c), None);
            }
        }
        t
    }

    #[test]
    fn enter_breaks_lines_and_the_text_reads_back() {
        let t = typed("Un atelier.\nLe mardi.");
        assert_eq!(t.text(), "Un atelier.\nLe mardi.");
        assert_eq!(t.cursor(), (1, 9));
    }

    #[test]
    fn control_characters_are_shown_inert_and_not_typed() {
        let mut t = TextArea::new("a\u{1b}[31mb\r\nc");
        assert_eq!(t.text(), "a\\u{1b}[31mb\nc");
        assert!(!t.handle(Key::ch('\u{202e}'), None));
        assert_eq!(t.text(), "a\\u{1b}[31mb\nc");
    }
}
