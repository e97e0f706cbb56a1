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
pub mod legitimize;
pub mod legitimize_record;
pub mod list;
pub mod map;
pub mod network;
pub mod welcome;
pub mod wizard;
