//! Plural forms, so that no text says `(s)` or "3 non renseigné": French
//! counts 0 and 1 as singular (« 0 initiative », « 1 initiative »), English
//! only 1 (“0 initiatives”). The rule is `lang::plural_form`, the one
//! `fill` follows for `{n:one|many}`; these are for texts built in code.

use crate::lang::Lang;

/// `n` then its word: « 3 initiatives », « 1 initiative » (`Lang::plural`
/// gives the word alone).
pub fn count(n: usize, lang: Lang, one: &str, many: &str) -> String {
    format!("{n} {}", lang.plural(n, one, many))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_zero_and_one_are_singular_english_only_one() {
        assert_eq!(
            count(0, Lang::Fr, "initiative", "initiatives"),
            "0 initiative"
        );
        assert_eq!(
            count(1, Lang::Fr, "initiative", "initiatives"),
            "1 initiative"
        );
        assert_eq!(
            count(3, Lang::Fr, "non renseignée", "non renseignées"),
            "3 non renseignées"
        );
        assert_eq!(
            count(0, Lang::En, "initiative", "initiatives"),
            "0 initiatives"
        );
        assert_eq!(
            count(1, Lang::En, "initiative", "initiatives"),
            "1 initiative"
        );
    }
}
