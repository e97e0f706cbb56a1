//! The words of the terminal interface, in French first and English: its
//! screens, its legitimizing forms, its import and export screens, and the
//! problems of the user's key file. Only the TUI uses them.

pub mod actions;
pub mod comfort;
pub mod communes;
pub mod consent;
pub mod external;
pub mod flow;
pub mod followup;
pub mod formats;
pub mod keys;
pub mod legitimize;
pub mod loading;
pub mod public_warning;
pub mod refusal;
pub mod rgpd;
pub mod screens;
pub mod sharing;
pub mod supports;
pub mod territory;
pub mod transfer;
pub mod ui;
pub mod viewing;
