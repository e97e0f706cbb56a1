//! The terminal-interface tests, one binary: an `App` on a copy of a sample,
//! keys sent through the live keymap, screens drawn into ratatui's
//! `TestBackend` (`tui_common`); snapshots under `snapshots/`.

mod tui_common;

mod bytes;
mod changed_on_disk;
mod communes;
mod dashboard;
mod export;
mod failed_write;
mod fusion;
mod import;
mod legitimize;
mod merge;
mod merge_received;
mod screens;
mod unchanged;
mod update;
