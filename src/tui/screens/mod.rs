//! One file per screen.

pub mod conflicts;
pub mod dashboard;
pub(crate) mod detail;
pub(crate) mod dialog;
pub mod duplicates;
pub mod export;
pub(crate) mod filters;
pub(crate) mod help;
pub mod import;
pub(crate) mod legitimacy_section;
pub(crate) mod legitimize_form;
pub(crate) mod list;
pub mod map;
pub mod network;
pub(crate) mod welcome;
pub(crate) mod wizard;

/// A path as typed in a field: `~/x` is the home directory's `x`.
pub fn typed_path(text: &str) -> std::path::PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
        _ => std::path::PathBuf::from(text),
    }
}
