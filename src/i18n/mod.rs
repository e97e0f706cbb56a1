//! Everything a person reads, in French first and English. Core errors are
//! plain data; their words are written here, in one place.

/// A table of texts in French and English: a struct with one field per
/// text, one constant per language, and the function that picks one.
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

pub(crate) mod cli;
pub mod export;
pub(crate) mod files;
pub(crate) mod git;
pub mod import;
pub(crate) mod legitimize;
pub(crate) mod received;
pub mod report;
pub mod screens;
pub(crate) mod transfer;
pub(crate) mod ui;
pub(crate) mod undo;

/// Fills `{name}` placeholders of a text.
pub fn fill(text: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = text.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}
mod values;

pub use files::io_error;
pub use values::{duplicate_reason, missing_text, value_error, value_problem};

/// A list for a message: at most 30 items, then `…`.
fn list(items: &[String]) -> String {
    const MAX: usize = 30;
    let mut s = items
        .iter()
        .take(MAX)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > MAX {
        s.push_str(", …");
    }
    s
}

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom(crate::census::error::tagged("lang", &s)))
    }
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

use crate::census::status::Status;

/// The label of a status id; an id that is no status (a file edited by
/// hand) is shown as it is.
pub fn status_label(status: &str, lang: Lang) -> &str {
    match Status::from_id(status) {
        Some(s) => status_name(s, lang),
        None => status,
    }
}

/// The label of a status.
pub fn status_name(status: Status, lang: Lang) -> &'static str {
    let (fr, en) = match status {
        Status::Repere => ("Repéré", "Spotted"),
        Status::Contacte => ("Contacté", "Contacted"),
        Status::Rencontre => ("Rencontré", "Met"),
        Status::Legitime => ("Légitimé", "Legitimized"),
        Status::Soutenu => ("Soutenu", "Supported"),
        Status::EnSommeil => ("En sommeil", "Dormant"),
        Status::Disparu => ("Disparu", "Gone"),
    };
    lang.pick(fr, en)
}
