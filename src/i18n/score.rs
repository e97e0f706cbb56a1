//! The one score of a record, with one name and one form everywhere: the
//! record's header and status section, the list's column, `recense show`,
//! the exports and the reports. The measure is
//! [`crate::census::status::score`] (docs/score.md).

use crate::lang::{Lang, fill};

strings! { ScoreText, score_words;
    name: "Score", "Score";
    value: "{n}/100", "{n}/100";
    meaning: "complétude et fraîcheur des preuves", "completeness and fresh evidence";
}

/// `77/100`.
pub fn score_value(n: u8, lang: Lang) -> String {
    fill(score_words(lang).value, &[("n", &n)])
}

/// `Score 77/100`, for a header or a line of text.
pub fn score_named(n: u8, lang: Lang) -> String {
    format!("{} {}", score_words(lang).name, score_value(n, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_form_in_both_languages() {
        assert_eq!(score_named(77, Lang::Fr), "Score 77/100");
        assert_eq!(score_named(5, Lang::En), "Score 5/100");
    }
}
