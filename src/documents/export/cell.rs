//! Cells of CSV exports made safe for spreadsheets (formula injection).
//!
//! A spreadsheet reads a cell beginning with `=`, `+`, `-` or `@` (or a tab
//! or a carriage return before them) as a formula: a value typed by anyone
//! could run one on an agent's machine. Such a cell gets a leading `'`, the
//! OWASP way — with one exception: a plain number (`+33298000000`, `-4.4861`,
//! an optional sign, digits, at most one `.` or `,` with digits after) is no
//! formula and stays usable as it is.
//!
//! The rule can be undone exactly ([`restore`]): a value that itself begins
//! with apostrophes followed by one of those characters gets one more, so
//! that removing one `'` always gives the value back.

use std::borrow::Cow;

/// What makes a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// An optional sign, digits, at most one decimal separator with digits after.
fn is_plain_number(s: &str) -> bool {
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (whole, fraction) = match unsigned.split_once(['.', ',']) {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && fraction.is_none_or(digits)
}

/// Whether a cell needs its leading `'`.
fn needs_quote(s: &str) -> bool {
    s.trim_start_matches('\'').starts_with(TRIGGERS) && !is_plain_number(s)
}

/// The cell as written in a CSV export.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    if needs_quote(s) {
        let mut out = String::with_capacity(s.len() + 1);
        out.push('\'');
        out.push_str(s);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// The value of a cell written by [`neutralise`] (for imports).
pub fn restore(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if needs_quote(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formulas_get_a_quote() {
        for (raw, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+1", "'+1+1"),
            ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("'=1", "''=1"),
            ("-", "'-"),
            ("+", "'+"),
            ("1.5E3", "1.5E3"),
        ] {
            assert_eq!(neutralise(raw), written, "{raw:?}");
        }
    }

    #[test]
    fn numbers_and_ordinary_text_stay_as_they_are() {
        for raw in [
            "+33298000000",
            "-4.4861",
            "48.3904,-4.4861",
            "-4,48",
            "29200",
            "Infini",
            "'quoted",
            "a=b",
            "",
        ] {
            assert_eq!(neutralise(raw), raw, "{raw:?}");
        }
    }

    proptest! {
        #[test]
        fn restore_undoes_neutralise(s in "['=+@a1.,\\t\\r-]{0,6}[a-z0-9 ]{0,4}") {
            let written = neutralise(&s);
            prop_assert_eq!(restore(&written), s.as_str());
        }

        #[test]
        fn no_written_cell_starts_a_formula(s in "\\PC{0,8}") {
            let written = neutralise(&s);
            prop_assert!(!written.starts_with(TRIGGERS) || is_plain_number(&written));
        }
    }
}
