//! A write that failed (a full disk) stays on screen: what the change did
//! ("Supprimée") does not replace it until a write succeeds.

use crate::tui_common::brest;

#[test]
fn a_failed_write_stays_on_screen_until_a_write_succeeds() {
    let mut h = brest();
    // The journal cannot be written (as on a full disk).
    let journal = recense::census::file::journal::journal_path(&h.path);
    std::fs::create_dir(&journal).unwrap();
    h.keys("d o");
    let message = h.message().unwrap_or_default();
    assert!(message.contains("census.ron.journal"), "{message}");
    assert!(h.app.core.message.as_ref().is_some_and(|m| m.error));
    // Once writing works again, the next change says what it did.
    std::fs::remove_dir(&journal).unwrap();
    h.keys("d o");
    let message = h.message().unwrap_or_default();
    assert!(!message.contains("census.ron.journal"), "{message}");
}
