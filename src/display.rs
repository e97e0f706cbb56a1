//! Showing untrusted text: whatever came from a file or an e-mail is made
//! inert before it reaches a terminal.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether a character must not reach a terminal as it is: a control
/// character (C0, DEL, C1: ESC starts escape sequences, BEL rings) or a
/// bidirectional override or isolate (U+202E shows text reversed).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// Whether `s` holds no unsafe character, `layout` (line breaks and tabs)
/// allowed or not. Checked on the UTF-8 bytes, since everything printed goes
/// through it: the unsafe characters beyond ASCII are C1 controls
/// (`C2 80`–`C2 9F`), U+061C (`D8 9C`) and the marks and overrides of
/// U+200E–U+2069 (`E2 80 8E`, `E2 80 8F`, `E2 80 AA`–`AE`, `E2 81 A6`–`A9`).
fn all_safe(s: &str, layout: bool) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let unsafe_here = match c {
            b'\n' | b'\t' => !layout,
            0..=0x1f | 0x7f => true,
            0xc2 => matches!(b.get(i + 1), Some(0x80..=0x9f)),
            0xd8 => b.get(i + 1) == Some(&0x9c),
            0xe2 => matches!(
                (b.get(i + 1), b.get(i + 2)),
                (Some(0x80), Some(0x8e | 0x8f | 0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ),
            _ => false,
        };
        if unsafe_here {
            return false;
        }
        i += 1;
    }
    true
}

/// Control characters (including ESC, so terminal escape sequences) and
/// bidi overrides become visible escapes such as `\u{1b}`; everything else
/// is kept.
pub fn inert(s: &str) -> Cow<'_, str> {
    escaped(s, false, Escape::Rust)
}

/// How an unsafe character is written.
#[derive(Clone, Copy)]
enum Escape {
    /// `\u{1b}`, for people.
    Rust,
    /// `\u001b`, so that a JSON text stays the same data.
    Json,
}

/// `s` with its unsafe characters escaped (`layout`: line breaks and tabs
/// kept), borrowed when there is none.
fn escaped(s: &str, layout: bool, escape: Escape) -> Cow<'_, str> {
    if all_safe(s, layout) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) && !(layout && (c == '\n' || c == '\t')) {
            let _ = match escape {
                Escape::Rust => write!(out, "\\u{{{:x}}}", c as u32),
                Escape::Json => write!(out, "\\u{:04x}", c as u32),
            };
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`inert`], but keeps line breaks (for long texts shown on several lines).
pub fn inert_multiline(s: &str) -> String {
    s.split('\n')
        .map(|l| inert(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest a value quoted in a message may be, in columns.
pub const QUOTED_MAX: usize = 80;

/// A value quoted in a message: inert, and cut to [`QUOTED_MAX`] columns
/// (a cell of a megabyte is not echoed whole).
pub fn quoted(s: &str) -> String {
    // Cut first (a bounded prefix), then make inert, then cut the escapes.
    let head: String = s.chars().take(QUOTED_MAX + 1).collect();
    let cut = head.len() < s.len();
    let shown = inert(&head);
    let mut out = truncate(&shown, QUOTED_MAX).into_owned();
    if cut && !out.ends_with('…') {
        out = truncate(&format!("{out}…"), QUOTED_MAX).into_owned();
    }
    out
}

/// A whole message for the terminal: line breaks and tabs kept (the
/// message's own layout), every other unsafe character made inert. The last
/// guard of what the command line prints; values are made inert before.
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    escaped(s, true, Escape::Rust)
}

/// A JSON text for the terminal: the characters serde_json leaves as they are
/// (DEL, C1 controls, bidi overrides) written as JSON escapes (`\u202e`),
/// so that the JSON stays the same data.
pub fn json_for_terminal(s: String) -> String {
    // serde_json writes control characters inside strings as escapes: the
    // line breaks and indents left are the layout.
    match escaped(&s, true, Escape::Json) {
        Cow::Borrowed(_) => s,
        Cow::Owned(out) => out,
    }
}

/// Display width of a text (wide characters count twice).
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Cuts a text to at most `max` columns, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> Cow<'_, str> {
    truncate_with(s, max, "…")
}

/// Cuts a text to at most `max` columns, ending with `ellipsis` when cut
/// (`...` where only ASCII may be drawn).
pub fn truncate_with<'a>(s: &'a str, max: usize, ellipsis: &str) -> Cow<'a, str> {
    if width(s) <= max {
        return Cow::Borrowed(s);
    }
    let room = width(ellipsis);
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + room > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push_str(ellipsis);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The byte check agrees with the character check.
        #[test]
        fn the_byte_check_agrees_with_the_character_check(s in "[\\x00-\\x7f\u{80}-\u{a0}\u{61c}\u{200b}-\u{2010}\u{2028}-\u{2030}\u{2060}-\u{206a}éœ€]{0,24}", layout: bool) {
            let by_char = s.chars().all(|c| !is_unsafe(c) || (layout && (c == '\n' || c == '\t')));
            proptest::prop_assert_eq!(all_safe(&s, layout), by_char);
        }
    }

    #[test]
    fn escapes_are_made_inert() {
        assert_eq!(inert("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(inert("x\ny"), "x\\u{a}y");
        assert_eq!(inert_multiline("x\ny\u{7}"), "x\ny\\u{7}");
        assert!(matches!(inert("plain"), Cow::Borrowed(_)));
        assert_eq!(inert("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(for_terminal("a\nb\u{9b}c\u{1b}"), "a\nb\\u{9b}c\\u{1b}");
        assert_eq!(
            json_for_terminal("\"a\u{202e}\"\n".into()),
            "\"a\\u202e\"\n"
        );
    }

    #[test]
    fn quoted_values_are_short_and_inert() {
        assert_eq!(quoted("29\u{1b}"), "29\\u{1b}");
        let long = quoted(&"\u{7}x".repeat(1_000_000));
        assert_eq!(width(&long), QUOTED_MAX);
        assert!(long.ends_with('…') && !long.contains('\u{7}'));
    }

    #[test]
    fn truncation_respects_width() {
        assert_eq!(truncate("Médiathèque", 20), "Médiathèque");
        assert_eq!(truncate("Médiathèque", 6), "Média…");
        assert_eq!(width("日本"), 4);
        assert_eq!(truncate_with("Médiathèque", 8, "..."), "Média...");
        assert_eq!(truncate_with("Médiathèque", 11, "..."), "Médiathèque");
    }
}
