//! recense: a census of the digital commons of a territory.
//!
//! The library holds the whole census logic (`census`); the command line
//! (`cli`) and the terminal interface are thin front ends over it.
//!
//! Layers, lowest first; a module names only its own layer and lower ones
//! (checked by the test in `layers.rs`):
//! - `lang` (languages, text tables) and `display` (untrusted text made
//!   inert): they use nothing else of the crate;
//! - `census`, the core: model, file, merge, schema, values, queries,
//!   imports; no words, no terminal. `dev` makes synthetic censuses with it;
//! - `i18n`: the words of the core's results and errors;
//! - `documents`: reports and exports made for people, with their words;
//! - `config`: where files live and who is working;
//! - `tui`, with its words, then `cli`, which also starts the TUI.

// First: its `strings!` macro is used by the modules below.
#[macro_use]
pub mod lang;

pub mod census;
pub mod cli;
pub(crate) mod config;
pub mod dev;
pub(crate) mod display;
pub mod documents;
pub mod i18n;
pub mod tui;

/// The layers above and their rule, checked on the sources.
#[cfg(test)]
mod layers;
