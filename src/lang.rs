//! Languages and labels: the language of a person, the trait of what can be
//! said to them, and the tables of texts in French and English. The lowest
//! layer: it uses nothing else of the crate, so every layer may use it.

/// A table of texts in French and English: a struct with one field per
/// text, one constant per language, and the function that picks one
/// (`Lang` in scope where it is used).
macro_rules! strings {
    ($ty:ident, $get:ident; $($name:ident: $fr:literal, $en:literal;)*) => {
        /// Every text of this table in one language.
        pub struct $ty {
            $(pub $name: &'static str,)*
        }
        const FR: $ty = $ty { $($name: $fr,)* };
        const EN: $ty = $ty { $($name: $en,)* };

        /// The texts in `lang`.
        pub fn $get(lang: Lang) -> &'static $ty {
            match lang {
                Lang::Fr => &FR,
                Lang::En => &EN,
            }
        }

        #[cfg(test)]
        mod strings_guard {
            /// No text of the table says `(s)`: plurals are choices.
            #[test]
            fn every_text_is_worded_without_parenthesised_plurals() {
                let texts = [$((stringify!($name), super::FR.$name, super::EN.$name),)*];
                for (name, fr, en) in texts {
                    for text in [fr, en] {
                        if let Some(problem) = $crate::lang::template_problem(text) {
                            panic!("{name}: {problem} in {text:?}");
                        }
                    }
                }
            }
        }
    };
}

/// Fills the placeholders of a text in one pass; the values are not read
/// again, so a value that holds braces comes out as it is.
///
/// - `{name}`: the value of argument `name`.
/// - `{name:one|many}`: a plural choice by the number argument `name`
///   holds, with the French rule: 0 and 1 (anything below 2) take `one`,
///   others `many` — « {n} {n:initiative exportée|initiatives exportées} ».
/// - `{name:zero|one|many}`: three forms, for a language where zero takes the
///   plural: `zero` for 0, `one` for 1, `many` otherwise — English
///   “{n} {n:records|record|records}”.
///
/// A choice whose argument is absent or not a number, and any other brace,
/// stay as written.
pub fn fill(text: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after
            .find(['{', '}'])
            .filter(|&c| after[c..].starts_with('}'))
        else {
            out.push('{');
            rest = after;
            continue;
        };
        let inside = &after[..close];
        match placeholder(inside, args) {
            Some(filled) => out.push_str(&filled),
            None => {
                out.push('{');
                out.push_str(inside);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// What `{inside}` becomes, or `None` to leave it as written.
fn placeholder(inside: &str, args: &[(&str, &dyn std::fmt::Display)]) -> Option<String> {
    let (name, forms) = match inside.split_once(':') {
        Some((name, forms)) => (name, Some(forms)),
        None => (inside, None),
    };
    let value = args.iter().find(|(n, _)| *n == name)?.1.to_string();
    let Some(forms) = forms else {
        return Some(value);
    };
    let forms: Vec<&str> = forms.split('|').collect();
    if !(2..=3).contains(&forms.len()) {
        return None;
    }
    let n = number(&value)?;
    Some(forms[plural_form(n, forms.len())].to_string())
}

/// The number a value holds, written as this program writes numbers
/// (`3`, `12 345` with spaces, `1,5` or `1.5`), or `None`.
fn number(value: &str) -> Option<f64> {
    let plain: String = value
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    plain.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// Which of `forms` forms (2: one|many, 3: zero|one|many) the count `n`
/// takes — the one plural rule of the program. Two forms: the French rule,
/// below 2 is singular. Three forms: 0 the first, 1 the second, else the
/// last.
pub fn plural_form(n: f64, forms: usize) -> usize {
    let n = n.abs();
    if forms == 3 {
        if n == 0.0 {
            0
        } else if n == 1.0 {
            1
        } else {
            2
        }
    } else {
        usize::from(n >= 2.0)
    }
}

/// What is wrong with a text of a table, if anything: a plural written in
/// parentheses (`initiative(s)`, `municipality(ies)`), or a choice without
/// two or three forms.
#[cfg(test)]
pub fn template_problem(text: &str) -> Option<String> {
    for ending in ["(s)", "(x)", "(e)", "(es)", "(ies)", "(en)", "(nt)"] {
        let glued = text.match_indices(ending).any(|(at, _)| {
            text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        });
        if glued {
            return Some(format!("a plural written {ending}"));
        }
    }
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let inside = &after[..after.find('}').unwrap_or(after.len())];
        if let Some((_, forms)) = inside.split_once(':')
            && !(2..=3).contains(&forms.split('|').count())
        {
            return Some(format!(
                "the choice {{{inside}}} has neither two nor three forms"
            ));
        }
        rest = after;
    }
    None
}

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// `--lang` first, then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`):
    /// English for an English locale, French otherwise.
    pub fn detect(explicit: Option<Lang>) -> Lang {
        if let Some(l) = explicit {
            return l;
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var) {
                if v.is_empty() {
                    continue;
                }
                return if v.starts_with("en") {
                    Lang::En
                } else {
                    Lang::Fr
                };
            }
        }
        Lang::Fr
    }

    /// `one` or `many` for the count `n`, by the rule of this language:
    /// French 0 and 1 singular, English only 1 (`plural_form`).
    pub fn plural<'a>(self, n: usize, one: &'a str, many: &'a str) -> &'a str {
        match self {
            Lang::Fr => [one, many][plural_form(n as f64, 2)],
            Lang::En => [many, one, many][plural_form(n as f64, 3)],
        }
    }

    /// Picks the text of this language.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        match s {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            _ => Err(format!("fr|en: {s}")),
        }
    }
}

/// Something that can be said to a person in their language.
pub trait Localized {
    fn localize(&self, lang: Lang) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(n: &dyn std::fmt::Display) -> String {
        fill("{n} {n:fiche vérifiée|fiches vérifiées}", &[("n", n)])
    }

    #[test]
    fn two_forms_follow_the_french_rule() {
        assert_eq!(records(&0), "0 fiche vérifiée");
        assert_eq!(records(&1), "1 fiche vérifiée");
        assert_eq!(records(&2), "2 fiches vérifiées");
        assert_eq!(records(&"12 345"), "12 345 fiches vérifiées");
        assert_eq!(records(&1.5), "1.5 fiche vérifiée");
    }

    #[test]
    fn three_forms_give_zero_its_own() {
        let text = "{n} {n:records|record|records} checked";
        assert_eq!(fill(text, &[("n", &0)]), "0 records checked");
        assert_eq!(fill(text, &[("n", &1)]), "1 record checked");
        assert_eq!(fill(text, &[("n", &2)]), "2 records checked");
    }

    #[test]
    fn several_choices_in_one_text() {
        let text = "{a} {a:nouvelle|nouvelles}, {b} {b:mise à jour|mises à jour} dans {file}";
        assert_eq!(
            fill(text, &[("a", &1), ("b", &3), ("file", &"x.ron")]),
            "1 nouvelle, 3 mises à jour dans x.ron"
        );
        assert_eq!(
            fill(text, &[("a", &2), ("b", &0), ("file", &"x.ron")]),
            "2 nouvelles, 0 mise à jour dans x.ron"
        );
    }

    #[test]
    fn a_choice_without_a_number_stays_as_written() {
        let text = "{x:un|des} {n:a|b|c|d} {n:one|many} {y} {}";
        assert_eq!(
            fill(text, &[("n", &"beaucoup"), ("z", &1)]),
            "{x:un|des} {n:a|b|c|d} {n:one|many} {y} {}"
        );
        assert_eq!(fill("{n:a|b|c|d} {n:a|b}", &[("n", &5)]), "{n:a|b|c|d} b");
    }

    #[test]
    fn values_are_not_filled_again() {
        let text = "{a} et {b}";
        assert_eq!(fill(text, &[("a", &"{b}"), ("b", &"{ x")]), "{b} et { x");
        assert_eq!(fill("{ {n} }", &[("n", &4)]), "{ 4 }");
    }

    #[test]
    fn each_language_has_its_rule() {
        assert_eq!(Lang::Fr.plural(0, "une", "des"), "une");
        assert_eq!(Lang::Fr.plural(1, "une", "des"), "une");
        assert_eq!(Lang::Fr.plural(2, "une", "des"), "des");
        assert_eq!(Lang::En.plural(0, "one", "many"), "many");
        assert_eq!(Lang::En.plural(1, "one", "many"), "one");
        assert_eq!(Lang::En.plural(2, "one", "many"), "many");
    }

    #[test]
    fn template_problems_are_found() {
        assert!(template_problem("{n} initiative(s)").is_some());
        assert!(template_problem("{n} municipality(ies)").is_some());
        assert!(template_problem("{n:a}").is_some());
        assert!(template_problem("{n} {n:initiative|initiatives} (see above)").is_none());
    }
}
