//! recense: a census of the digital commons of a territory.
//!
//! The library holds the whole census logic (`census`); the command line
//! (`cli`) and the terminal interface are thin front ends over it.

pub mod census;
pub mod cli;
pub(crate) mod config;
pub mod dev;
pub(crate) mod display;
pub mod i18n;
pub mod tui;
