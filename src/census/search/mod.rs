//! Accent- and case-insensitive fuzzy search, the same for the CLI and the TUI.
//!
//! Both the query and the text are *folded*: lowercased, accents removed,
//! ligatures expanded (`Œuvre` → `oeuvre`), so `mediatheque` finds
//! "Médiathèque" and `médiathèque` finds "Mediatheque".

mod many;

use std::cell::RefCell;
use std::sync::Mutex;

use nucleo_matcher::{Config, Utf32Str};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

pub use many::{Texts, letter_set};

/// Folds a text for matching.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_onto(s, &mut out);
    out
}

/// Folds `s` onto the end of `out`.
pub fn fold_onto(s: &str, out: &mut String) {
    // ASCII (most names, communes, ids) folds to its lower case.
    if s.is_ascii() {
        out.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        fold_chars(s, out, |_| {});
    }
}

/// Folds `s` into `out`; `origin[i]` receives, for each char pushed, the index
/// of the char of `s` it came from (to highlight matches in the original).
pub fn fold_into(s: &str, out: &mut String, origin: &mut Vec<u32>) {
    fold_chars(s, out, |i| origin.push(i));
}

/// Folds `s` into `out`, telling `origin` the index of the char of `s` each
/// pushed char came from.
fn fold_chars(s: &str, out: &mut String, mut origin: impl FnMut(u32)) {
    for (i, c) in s.chars().enumerate() {
        let i = i as u32;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            origin(i);
            continue;
        }
        let expanded: &str = match c {
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            'ß' => "ss",
            'ø' | 'Ø' => "o",
            'đ' | 'Đ' => "d",
            'ł' | 'Ł' => "l",
            '’' | '‘' => "'",
            '…' => "...",
            '\u{a0}' | '\u{202f}' => " ",
            _ => "",
        };
        if !expanded.is_empty() {
            for e in expanded.chars() {
                out.push(e);
                origin(i);
            }
            continue;
        }
        for d in c.nfd() {
            if is_combining_mark(d) {
                continue;
            }
            for l in d.to_lowercase() {
                out.push(l);
                origin(i);
            }
        }
    }
}

/// A fuzzy matcher over folded texts (nucleo's matcher: both texts are
/// already folded, so its own case and accent folding is off).
pub struct Matcher {
    inner: RefCell<Scratch>,
    /// nucleo's scratch spaces for the threads of `score_all`, kept between
    /// searches.
    workers: Mutex<Vec<nucleo_matcher::Matcher>>,
}

/// The matcher's reusable memory: nucleo's scratch space, the UTF-32 forms
/// of non-ASCII texts, and the matched positions.
struct Scratch {
    engine: nucleo_matcher::Matcher,
    text: Vec<char>,
    query: Vec<char>,
    indices: Vec<u32>,
}

/// nucleo's settings: both texts are already folded.
fn config() -> Config {
    let mut config = Config::DEFAULT;
    config.normalize = false;
    config.ignore_case = false;
    config
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            workers: Mutex::new(Vec::new()),
            inner: RefCell::new(Scratch {
                engine: nucleo_matcher::Matcher::new(config()),
                text: Vec::new(),
                query: Vec::new(),
                indices: Vec::new(),
            }),
        }
    }
}

/// `s` as nucleo reads it: its bytes when it is ASCII (the usual case of a
/// folded text), else its chars, one per position, so that positions are
/// char indices of `s`.
fn utf32<'a>(s: &'a str, buf: &'a mut Vec<char>) -> Utf32Str<'a> {
    if s.is_ascii() {
        Utf32Str::Ascii(s.as_bytes())
    } else {
        buf.clear();
        buf.extend(s.chars());
        Utf32Str::Unicode(buf)
    }
}

impl Matcher {
    /// The score of a folded query against a folded text, if it matches.
    pub fn score(&self, folded_text: &str, folded_query: &str) -> Option<i64> {
        if folded_query.is_empty() {
            return Some(0);
        }
        let scratch = &mut *self.inner.borrow_mut();
        let text = utf32(folded_text, &mut scratch.text);
        let query = utf32(folded_query, &mut scratch.query);
        scratch.engine.fuzzy_match(text, query).map(i64::from)
    }

    /// Score and matched char positions in the folded text.
    pub fn indices(&self, folded_text: &str, folded_query: &str) -> Option<(i64, Vec<usize>)> {
        if folded_query.is_empty() {
            return Some((0, Vec::new()));
        }
        let scratch = &mut *self.inner.borrow_mut();
        let text = utf32(folded_text, &mut scratch.text);
        let query = utf32(folded_query, &mut scratch.query);
        scratch.indices.clear();
        let score = scratch
            .engine
            .fuzzy_indices(text, query, &mut scratch.indices)?;
        let mut at: Vec<usize> = scratch.indices.iter().map(|&i| i as usize).collect();
        at.sort_unstable();
        Some((i64::from(score), at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_accents_and_ligatures() {
        assert_eq!(fold("Médiathèque"), "mediatheque");
        assert_eq!(fold("École"), "ecole");
        assert_eq!(fold("Œuvre Cœur"), "oeuvre coeur");
        assert_eq!(fold("ÇA"), "ca");
        assert_eq!(fold("Restos du cœur…"), "restos du coeur...");
        assert_eq!(fold("mediatheque"), fold("MÉDIATHÈQUE"));
    }

    #[test]
    fn origin_maps_back_to_original_chars() {
        let mut out = String::new();
        let mut origin = Vec::new();
        fold_into("Œé", &mut out, &mut origin);
        assert_eq!(out, "oee");
        assert_eq!(origin, vec![0, 0, 1]);
    }

    #[test]
    fn fold_and_fold_into_agree() {
        for s in [
            "Tiers-Lieu 29 BREST",
            "Médiathèque",
            "l’Œuvre\u{a0}Zoé",
            "",
            "ÀÉÎ õü",
        ] {
            let mut out = String::new();
            fold_into(s, &mut out, &mut Vec::new());
            assert_eq!(fold(s), out, "{s:?}");
        }
    }

    #[test]
    fn fuzzy_finds_both_ways() {
        let m = Matcher::default();
        let text = fold("Médiathèque des Capucins Brest");
        assert!(m.score(&text, &fold("capucins")).is_some());
        assert!(m.score(&text, &fold("médiathèque")).is_some());
        assert!(m.score(&text, &fold("mediatheque")).is_some());
        assert!(
            m.score(&fold("Mediatheque"), &fold("médiathèque"))
                .is_some()
        );
        assert!(m.score(&fold("Cœur"), "oe").is_some());
        assert!(m.score(&text, "zzz").is_none());
    }

    #[test]
    fn positions_are_char_indices_even_when_not_ascii() {
        let m = Matcher::default();
        let (_, at) = m.indices("tiers·lieu", "lieu").expect("matches");
        assert_eq!(at, vec![6, 7, 8, 9]);
        let (_, at) = m.indices("brest", "bt").expect("matches");
        assert_eq!(at, vec![0, 4]);
        assert_eq!(m.indices("brest", "x"), None);
    }
}
