//! One file per screen.

pub mod detail;
pub mod dialog;
pub mod filters;
pub mod help;
pub mod list;
pub mod welcome;
pub mod wizard;
