//! Everything a person reads, in French first and English. Core errors are
//! plain data; their words are written here, in one place.

pub mod cli;
pub mod files;
pub mod fusion;
pub mod git;
pub mod import;
pub mod received;
pub mod undo;

mod values;

pub use crate::lang::{Lang, Localized, fill};
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

/// The label of a status id.
pub fn status_label(status: &str, lang: Lang) -> &str {
    let (fr, en) = match status {
        "repere" => ("Repéré", "Spotted"),
        "contacte" => ("Contacté", "Contacted"),
        "rencontre" => ("Rencontré", "Met"),
        "legitime" => ("Légitimé", "Legitimized"),
        "soutenu" => ("Soutenu", "Supported"),
        "en_sommeil" => ("En sommeil", "Dormant"),
        "disparu" => ("Disparu", "Gone"),
        other => return other,
    };
    lang.pick(fr, en)
}
