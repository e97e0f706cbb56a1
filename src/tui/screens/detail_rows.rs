//! The record's rows laid out for the width there is. From a terminal 110
//! columns wide ([`WIDE`] inside the record's border), one line per row: label, value cut to its column, who changed it and
//! when. Narrower (80 columns), the value wraps over as many lines as it
//! needs (its paragraphs kept), with no author/date column: the selected
//! row's author and date are shown under the record. A whole record then
//! reads by scrolling, without opening each field.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::display::width;
use crate::tui::theme::Theme;
use crate::tui::widgets::scroll::Scroll;

/// From this width of the record's inside on (a terminal of 110 columns),
/// the one-line layout with its author/date column.
pub const WIDE: usize = 108;

/// Width of the who/when column: a date and a short name.
pub const STAMP_WIDTH: usize = 24;

/// Whether rows are wrapped at this width of the record.
pub fn wraps(total: usize) -> bool {
    total < WIDE
}

/// The columns of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub label: usize,
    pub value: usize,
    /// None when wrapped.
    pub stamp: usize,
}

impl Columns {
    pub fn new(total: usize, label: usize) -> Columns {
        let stamp = if wraps(total) { 0 } else { STAMP_WIDTH };
        Columns {
            label,
            value: total.saturating_sub(label + 4 + stamp),
            stamp,
        }
    }
}

/// A row: its label, its value (wrapped or cut), its stamp in a column of
/// its own when not wrapped. `style` for the label and value (selected).
pub fn cell(
    theme: &Theme,
    columns: Columns,
    style: Style,
    (label, value, stamp): (&str, &str, &str),
) -> Vec<Line<'static>> {
    let label = theme.truncate(label, columns.label).into_owned();
    let pad = " ".repeat(columns.label.saturating_sub(width(&label)));
    let value_cell = |value: &str| {
        let value_pad = " ".repeat(columns.value.saturating_sub(width(value)));
        Span::styled(format!(" {value}{value_pad}"), style)
    };
    if columns.stamp == 0 {
        // Paragraphs start on a line of their own; in ASCII, whose mark
        // (` / `) may be text, they stay marked within the lines.
        let paragraphs: Vec<&str> = if theme.ascii {
            vec![value]
        } else {
            value.split(theme.line_break()).collect()
        };
        let lines: Vec<String> = paragraphs
            .into_iter()
            .flat_map(|paragraph| wrap(paragraph, columns.value.max(1)))
            .collect();
        let blank = " ".repeat(columns.label);
        return lines
            .iter()
            .enumerate()
            .map(|(n, line)| {
                let head = if n == 0 {
                    format!(" {label}{pad} ")
                } else {
                    format!(" {blank} ")
                };
                Line::from(vec![Span::styled(head, style), value_cell(line)])
            })
            .collect();
    }
    let value = theme.truncate(value, columns.value).into_owned();
    let stamp = theme.truncate(stamp, columns.stamp).into_owned();
    vec![Line::from(vec![
        Span::styled(format!(" {label}{pad} "), style),
        value_cell(&value),
        Span::styled(format!(" {stamp}"), theme.muted),
    ])]
}

/// `text` cut into lines of at most `max` columns, at spaces where it can,
/// inside a word longer than a line where it must. An empty text is one
/// empty line.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let sep = usize::from(!line.is_empty());
        if width(&line) + sep + width(word) <= max {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word longer than a line is cut.
        for c in word.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if width(&line) + w > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The first row to show, rows being `heights` lines high, so that the
/// cursor's row is whole in a view `height` lines high (going up past the
/// top shows the row above too: a section's title). Kept in `scroll`.
pub fn follow(scroll: &Scroll, cursor: usize, heights: &[usize], height: usize) -> usize {
    let mut offset = scroll.offset().min(heights.len().saturating_sub(1));
    if cursor < offset {
        offset = cursor.saturating_sub(1);
    }
    while offset < cursor
        && heights[offset..=cursor.min(heights.len() - 1)]
            .iter()
            .sum::<usize>()
            > height
    {
        offset += 1;
    }
    scroll.set(offset);
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_at_spaces_and_long_words_are_cut() {
        assert_eq!(wrap("un deux trois", 7), ["un deux", "trois"]);
        assert_eq!(wrap("", 5), [""]);
        assert_eq!(
            wrap("https://exemple.fr/x", 8),
            ["https://", "exemple.", "fr/x"]
        );
        assert_eq!(wrap("été à Brest", 5), ["été à", "Brest"]);
    }

    #[test]
    fn the_cursor_row_is_kept_whole_in_view() {
        let s = Scroll::default();
        let heights = [1, 1, 6, 1, 1, 4, 1];
        assert_eq!(follow(&s, 2, &heights, 8), 0);
        // Row 5 (4 lines) needs rows 3 to 5 only: 6 lines.
        assert_eq!(follow(&s, 5, &heights, 8), 3);
        assert_eq!(follow(&s, 6, &heights, 8), 3);
        // Back up above the view: the row above comes too.
        assert_eq!(follow(&s, 2, &heights, 8), 1);
        // A row higher than the view: its top shown.
        assert_eq!(follow(&s, 5, &heights, 3), 5);
    }

    #[test]
    fn wide_screens_keep_one_line_and_the_stamp_column() {
        let theme = Theme::new(false, false);
        let c = Columns::new(120, 28);
        assert_eq!(c.stamp, STAMP_WIDTH);
        let lines = cell(
            &theme,
            c,
            Style::default(),
            ("Nom", "x ".repeat(80).trim(), "date"),
        );
        assert_eq!(lines.len(), 1);
        let c = Columns::new(78, 26);
        assert_eq!((c.value, c.stamp), (48, 0));
        let lines = cell(
            &theme,
            c,
            Style::default(),
            ("Nom", "x ".repeat(80).trim(), "date"),
        );
        assert_eq!(lines.len(), 4);
    }
}
