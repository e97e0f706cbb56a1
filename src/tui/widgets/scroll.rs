//! Scrolling, written once for every screen: a view that follows a cursor
//! (the list, the record, the conflicts, the dashboard, the network) and a
//! text scrolled by itself (the help, the entry's summary). Only drawing
//! knows the height, so it keeps the offset (and the page) in cells that the
//! keys read next time.

use std::cell::Cell;

use crate::tui::action::Action;

/// How a view follows its cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Follow {
    /// Lines kept in view above the cursor while it moves up.
    pub keep_above: usize,
    /// Lines shown above the cursor when it goes above the view.
    pub show_above: usize,
    /// Never scrolled past the end: the last page is full.
    pub fill: bool,
}

impl Follow {
    /// The list: the cursor's row, and the last page full (rows disappear
    /// when a filter or a deletion shortens it).
    pub const ROWS: Follow = Follow {
        keep_above: 0,
        show_above: 0,
        fill: true,
    };
    /// A record or the conflicts: going up past the top shows the line above
    /// too (a section's title); a jump may leave the end short.
    pub const SECTIONS: Follow = Follow {
        keep_above: 0,
        show_above: 1,
        fill: false,
    };
    /// The network: the line above the cursor always in view.
    pub const LINE_ABOVE: Follow = Follow {
        keep_above: 1,
        show_above: 1,
        fill: false,
    };
    /// The dashboard's panels: the line above the cursor always in view, and
    /// the last page full.
    pub const LINE_ABOVE_FULL: Follow = Follow {
        keep_above: 1,
        show_above: 1,
        fill: true,
    };
}

/// How far a view is scrolled, and the height it was last drawn with.
#[derive(Debug, Clone)]
pub struct Scroll {
    offset: Cell<usize>,
    page: Cell<usize>,
    /// For a text scrolled by itself: the last offset that still fills the
    /// view.
    max: Cell<usize>,
}

impl Default for Scroll {
    /// At the top; until drawn, nothing limits how far the keys scroll
    /// (drawing clamps).
    fn default() -> Self {
        Scroll {
            offset: Cell::new(0),
            page: Cell::new(0),
            max: Cell::new(usize::MAX),
        }
    }
}

impl Scroll {
    /// At the top, and not scrolled by the keys before it is drawn.
    pub fn still_until_drawn() -> Scroll {
        Scroll {
            max: Cell::new(0),
            ..Scroll::default()
        }
    }

    /// The first line shown.
    pub fn offset(&self) -> usize {
        self.offset.get()
    }

    /// Puts `line` first (the next drawing may move it to follow a cursor).
    pub fn set(&self, line: usize) {
        self.offset.set(line);
    }

    /// The height last drawn, at least one line: what a page moves.
    pub fn page(&self) -> usize {
        self.page.get().max(1)
    }

    /// Drawing a view of `len` lines, `height` high, with the cursor on
    /// line `cursor`: the first line to show, kept for next time.
    pub fn follow(&self, cursor: usize, height: usize, len: usize, rule: Follow) -> usize {
        self.page.set(height.max(1));
        let mut offset = self.offset.get();
        if cursor < offset + rule.keep_above {
            offset = cursor.saturating_sub(rule.show_above);
        } else if height > 0 && cursor >= offset + height {
            offset = cursor + 1 - height;
        }
        if rule.fill {
            offset = offset.min(len.saturating_sub(height.max(1)));
        }
        self.offset.set(offset);
        offset
    }

    /// Drawing a text of `len` lines scrolled by itself, `height` high: the
    /// first line to show, never past the last full page.
    pub fn fit(&self, len: usize, height: usize) -> usize {
        let max = len.saturating_sub(height);
        self.max.set(max);
        self.page.set(height.max(1));
        self.offset.get().min(max)
    }

    /// Whether the text goes on below what a full view shows (as last drawn).
    pub fn overflows(&self) -> bool {
        self.max.get() > 0
    }

    /// The keys that scroll a text by itself: a line, a page, the ends;
    /// never past the last full page as last drawn (any key brings it back
    /// within). Returns whether the action was one of them.
    pub fn scroll(&self, action: Option<Action>) -> bool {
        let now = self.offset.get();
        let (to, scrolled) = match action {
            Some(Action::MoveDown) => (now + 1, true),
            Some(Action::MoveUp) => (now.saturating_sub(1), true),
            Some(Action::PageDown) => (now + self.page(), true),
            Some(Action::PageUp) => (now.saturating_sub(self.page()), true),
            Some(Action::Top) => (0, true),
            Some(Action::Bottom) => (usize::MAX, true),
            _ => (now, false),
        };
        self.offset.set(to.min(self.max.get()));
        scrolled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_follows_its_cursor_and_keeps_the_last_page_full() {
        let s = Scroll::default();
        assert_eq!(s.follow(0, 5, 20, Follow::ROWS), 0);
        assert_eq!(s.follow(4, 5, 20, Follow::ROWS), 0);
        assert_eq!(s.follow(5, 5, 20, Follow::ROWS), 1);
        assert_eq!(s.follow(19, 5, 20, Follow::ROWS), 15);
        assert_eq!(s.follow(15, 5, 20, Follow::ROWS), 15);
        assert_eq!(s.follow(14, 5, 20, Follow::ROWS), 14);
        // Shortened by a filter: the last page stays full.
        assert_eq!(s.follow(2, 5, 8, Follow::ROWS), 2);
        assert_eq!(s.follow(7, 5, 8, Follow::ROWS), 3);
        assert_eq!(s.page(), 5);
    }

    #[test]
    fn a_line_above_the_cursor_stays_in_view_where_asked() {
        let s = Scroll::default();
        s.set(10);
        // Sections: on the top line, nothing moves; above it, one line more.
        assert_eq!(s.follow(10, 5, 40, Follow::SECTIONS), 10);
        assert_eq!(s.follow(9, 5, 40, Follow::SECTIONS), 8);
        // Line above: already on the top line it moves.
        s.set(10);
        assert_eq!(s.follow(10, 5, 40, Follow::LINE_ABOVE), 9);
        // A jump may leave the end short, unless the last page is kept full.
        s.set(38);
        assert_eq!(s.follow(39, 5, 40, Follow::SECTIONS), 38);
        assert_eq!(s.follow(39, 5, 40, Follow::LINE_ABOVE_FULL), 35);
    }

    #[test]
    fn a_text_scrolls_by_itself_within_what_was_drawn() {
        let s = Scroll::default();
        assert!(s.scroll(Some(Action::PageDown)));
        assert_eq!(s.offset(), 1, "a page is a line until drawn");
        assert_eq!(s.fit(30, 10), 1);
        assert!(s.overflows());
        s.scroll(Some(Action::Bottom));
        assert_eq!(s.offset(), 20);
        s.scroll(Some(Action::PageUp));
        assert_eq!(s.offset(), 10);
        assert!(!s.scroll(Some(Action::Back)));
        let still = Scroll::still_until_drawn();
        still.scroll(Some(Action::MoveDown));
        assert_eq!(still.offset(), 0);
    }
}
