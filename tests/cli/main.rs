//! The command-line tests, one binary: the real `recense` binary run as a
//! user runs it (`common`), the documents it writes, git and the merge laws.
//! Each file is one command or concern; the shared helpers are written once
//! here. proptest keeps the merge laws' regressions where it looks for them
//! for a test under a `main.rs`: `tests/proptest-regressions/merge_laws.txt`.

mod common;
mod export_common;
mod git_common;
mod report_common;
mod standards_check;

/// The terminal driver, for the one export checked in a real terminal.
#[allow(dead_code)]
#[path = "../e2e/sandbox.rs"]
mod sandbox;

mod add;
mod bundle_onto;
mod communes;
mod csv_outputs;
mod edit;
mod evidence_date;
mod export;
mod export_roundtrip;
mod export_safety;
mod files;
mod fixtures;
mod fusion;
mod git;
mod git_setup;
mod hostile;
mod import;
mod init;
mod journal;
mod list;
mod lock;
mod merge;
mod merge_laws;
mod merge_received;
mod read_devices;
mod received_files;
mod report;
mod report_files;
mod save_keeps;
mod show;
mod stale_temps;
mod standards;
mod store;
mod unchanged;
mod undo;
