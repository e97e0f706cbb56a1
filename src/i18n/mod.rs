//! Everything a person reads, in French first and English. Core errors are
//! plain data; their words are written here, in one place.

pub(crate) mod actions;
pub(crate) mod cli;
pub(crate) mod communes;
pub mod coverage;
pub(crate) mod erasure;
pub(crate) mod files;
pub(crate) mod followup;
pub(crate) mod formats;
pub(crate) mod fusion;
pub(crate) mod git;
pub(crate) mod help;
pub(crate) mod help_en;
pub(crate) mod ids;
pub mod import;
pub(crate) mod lookup;
pub(crate) mod office;
pub(crate) mod parse_errors;
pub mod plural;
pub(crate) mod received;
pub(crate) mod record_supports;
pub(crate) mod rgpd;
pub mod score;
pub mod supports;
pub mod territory;
pub(crate) mod undo;

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
