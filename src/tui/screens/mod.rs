//! One file per screen.

pub mod conflicts;
pub mod dashboard;
pub mod detail;
pub mod dialog;
pub mod duplicates;
pub mod export;
pub mod filters;
pub mod help;
pub mod import;
pub mod legitimacy_section;
pub mod legitimize_form;
pub mod list;
pub mod map;
pub mod network;
pub mod welcome;
pub mod wizard;

/// A path as typed in a field: `~/x` is the home directory's `x`.
pub fn typed_path(text: &str) -> std::path::PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
        _ => std::path::PathBuf::from(text),
    }
}
