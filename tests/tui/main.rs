//! The terminal-interface tests, one binary: an `App` on a copy of a sample,
//! keys sent through the live keymap, screens drawn into ratatui's
//! `TestBackend` (`tui_common`); snapshots under `snapshots/`.

mod tui_common;

mod actions;
mod bytes;
mod changed_on_disk;
mod communes;
mod consent;
mod dashboard;
mod dashboard_folded;
mod error_word;
mod export;
mod export_bom;
mod export_warning;
mod failed_write;
mod flow;
mod followup;
mod french_formats;
mod fusion;
mod git_merge_open;
mod import;
mod legitimize;
mod long_texts;
mod merge;
mod merge_received;
mod merge_unchanged;
mod read_only;
mod record_supports;
mod rgpd;
mod screens;
mod supports;
mod unchanged;
mod update;
mod white_zones;
