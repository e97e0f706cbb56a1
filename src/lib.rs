//! recense: a census of the digital commons of a territory.
//!
//! The library holds the whole census logic (`census`); the command line
//! (`cli`) and the terminal interface are thin front ends over it.

// First: its `strings!` macro is used by the modules below.
#[macro_use]
pub mod lang;

pub mod census;
pub mod cli;
pub mod config;
pub mod dev;
pub mod display;
pub mod documents;
pub mod i18n;
pub mod tui;

/// The layers above and their rule, checked on the sources.
#[cfg(test)]
mod layers;
