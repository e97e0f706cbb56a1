//! Showing untrusted text: whatever came from a file or an e-mail is made
//! inert before it reaches a terminal.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Control characters (including ESC, so terminal escape sequences) become
/// visible escapes such as `\u{1b}`; everything else is kept.
pub fn inert(s: &str) -> Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if c.is_control() {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
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

    #[test]
    fn escapes_are_made_inert() {
        assert_eq!(inert("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(inert("x\ny"), "x\\u{a}y");
        assert_eq!(inert_multiline("x\ny\u{7}"), "x\ny\\u{7}");
        assert!(matches!(inert("plain"), Cow::Borrowed(_)));
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
