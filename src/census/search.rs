//! Accent- and case-insensitive fuzzy search, the same for the CLI and the TUI.
//!
//! Both the query and the text are *folded*: lowercased, accents removed,
//! ligatures expanded (`Œuvre` → `oeuvre`), so `mediatheque` finds
//! "Médiathèque" and `médiathèque` finds "Mediatheque".

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a text for matching.
pub fn fold(s: &str) -> String {
    // ASCII (most names, communes, ids) folds to its lower case.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    fold_chars(s, &mut out, |_| {});
    out
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

/// A fuzzy matcher over folded texts.
pub struct Matcher {
    inner: SkimMatcherV2,
}

impl Default for Matcher {
    fn default() -> Self {
        Matcher {
            inner: SkimMatcherV2::default().ignore_case(),
        }
    }
}

impl Matcher {
    /// The score of a folded query against a folded text, if it matches.
    pub fn score(&self, folded_text: &str, folded_query: &str) -> Option<i64> {
        if folded_query.is_empty() {
            return Some(0);
        }
        self.inner.fuzzy_match(folded_text, folded_query)
    }

    /// Score and matched char positions in the folded text.
    pub fn indices(&self, folded_text: &str, folded_query: &str) -> Option<(i64, Vec<usize>)> {
        if folded_query.is_empty() {
            return Some((0, Vec::new()));
        }
        self.inner.fuzzy_indices(folded_text, folded_query)
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
}
