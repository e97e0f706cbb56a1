//! Semantic styles that survive 16 colours, `NO_COLOR` and `TERM=linux`:
//! named ANSI colours only, and selection and focus also REVERSED or BOLD.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub normal: Style,
    pub title: Style,
    pub selected: Style,
    pub focus: Style,
    pub muted: Style,
    pub error: Style,
    pub warning: Style,
    pub success: Style,
    pub key: Style,
    pub matched: Style,
    pub ascii: bool,
    /// Colours are drawn (no `NO_COLOR`): the map then tells kinds apart by
    /// colour, else by letter.
    pub colour: bool,
}

impl Theme {
    /// The 16-colour theme, or a colourless one (`NO_COLOR`); `ascii` draws
    /// with ASCII only.
    pub fn new(colour: bool, ascii: bool) -> Theme {
        let c = |style: Style, fg: Color| if colour { style.fg(fg) } else { style };
        let base = Style::default();
        Theme {
            normal: base,
            title: c(base.add_modifier(Modifier::BOLD), Color::Cyan),
            selected: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            focus: c(base.add_modifier(Modifier::BOLD), Color::Yellow),
            muted: if colour {
                base.fg(Color::DarkGray)
            } else {
                base.add_modifier(Modifier::DIM)
            },
            error: c(base.add_modifier(Modifier::BOLD), Color::Red),
            warning: c(base, Color::Yellow),
            success: c(base, Color::Green),
            key: c(base.add_modifier(Modifier::BOLD), Color::Cyan),
            matched: c(
                base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                Color::Yellow,
            ),
            ascii,
            colour,
        }
    }

    /// From the environment: no colour with `NO_COLOR` (any value) or a
    /// `TERM=dumb`; ASCII or Unicode as asked (`ascii`), else ASCII on the
    /// Linux console.
    pub fn from_env(ascii: Option<bool>) -> Theme {
        let term = std::env::var("TERM").ok();
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
            || term.as_deref() == Some("dumb");
        Theme::new(
            !no_colour,
            ascii.unwrap_or_else(|| ascii_by_default(term.as_deref())),
        )
    }

    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::PLAIN
        }
    }

    /// Marker of the selected row.
    pub fn pointer(&self) -> &'static str {
        if self.ascii { ">" } else { "▶" }
    }

    pub fn checked(&self, on: bool) -> &'static str {
        match (on, self.ascii) {
            (true, true) => "[x]",
            (false, true) => "[ ]",
            (true, false) => "☑",
            (false, false) => "☐",
        }
    }

    pub fn separator(&self) -> &'static str {
        if self.ascii { " | " } else { " │ " }
    }

    /// A line break inside a text shown on one line.
    pub fn line_break(&self) -> &'static str {
        if self.ascii { " / " } else { " ⏎ " }
    }

    pub fn ellipsis(&self) -> &'static str {
        if self.ascii { "..." } else { "…" }
    }

    /// A text cut to `max` columns with this theme's ellipsis.
    pub fn truncate<'a>(&self, s: &'a str, max: usize) -> std::borrow::Cow<'a, str> {
        crate::display::truncate_with(s, max, self.ellipsis())
    }
}

/// The Linux console's fonts lack `▶`, `☐`, `☑`, `■` and Braille dots: on
/// `TERM=linux` the interface draws in ASCII, as with `--ascii`.
pub fn ascii_by_default(term: Option<&str>) -> bool {
    term == Some("linux")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_linux_console_draws_in_ascii() {
        assert!(super::ascii_by_default(Some("linux")));
        assert!(!super::ascii_by_default(Some("xterm-256color")));
        assert!(!super::ascii_by_default(None));
    }
}
