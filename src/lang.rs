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
    };
}

/// Fills `{name}` placeholders of a text.
pub fn fill(text: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = text.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
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
