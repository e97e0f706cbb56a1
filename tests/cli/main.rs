//! The command-line tests, one binary: the real `recense` binary run as a
//! user runs it (`common`), the documents it writes, git and the merge laws.
//! Each file is one command or concern; the shared helpers are written once
//! here. proptest keeps the merge laws' regressions where it looks for them
//! for a test under a `main.rs`: `tests/proptest-regressions/merge_laws.txt`.

mod common;
mod export_common;
mod git_common;
mod report_common;
mod validators;

/// The terminal driver, for the one export checked in a real terminal.
#[allow(dead_code)]
#[path = "../e2e/sandbox.rs"]
mod sandbox;

mod actions;
mod add;
mod bundle_onto;
mod communes;
mod counters;
mod crlf_rows;
mod csv_outputs;
mod dist;
mod edit;
mod erasure_laws;
mod evidence_date;
mod export;
mod export_roundtrip;
mod export_safety;
mod files;
mod fixtures;
mod flow;
mod followup;
mod french_formats;
mod fusion;
mod git;
mod git_setup;
mod hostile;
mod ics;
mod ids;
mod import;
mod init;
mod journal;
mod list;
mod lock;
mod lock_left;
mod lock_leftovers;
mod merge;
mod merge_laws;
mod merge_received;
mod office_files;
mod parse_errors;
mod perimeter;
mod plurals;
mod progress_bar;
mod public_laws;
mod public_supports;
mod read_devices;
mod read_only;
mod received_files;
mod report;
mod report_coverage;
mod report_files;
mod rgpd;
mod rgpd_consent_json;
mod rgpd_erase;
mod rgpd_merge;
mod rgpd_pseudonyms;
mod rgpd_public;
mod save_keeps;
mod short_ids;
mod show;
mod show_supports;
mod special_outputs;
mod stale_temps;
mod standards;
mod standards_fields;
mod store;
mod todo_agrees;
mod unchanged;
mod undo;
