//! The words of the terminal interface, in French first and English: its
//! screens, its legitimizing forms, its import and export screens, and the
//! problems of the user's key file. Only the TUI uses them.

pub mod communes;
pub mod keys;
pub mod legitimize;
pub mod screens;
pub mod transfer;
pub mod ui;
