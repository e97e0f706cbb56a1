//! A session that changes nothing writes nothing: the census, its checksum
//! and its `.bak` stay as they were, byte for byte and by date.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::tui_common::{Harness, Setup, sample_path};

/// The bytes and the modification time of a file.
fn state(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = std::fs::read(path).unwrap();
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    (bytes, mtime)
}

fn backup(h: &Harness) -> PathBuf {
    recense::census::store::backup_path(&h.path)
}

/// The Pays de Brest sample with Infini's name changed by hand (the
/// checksum no longer matches), and a `.bak` beside it.
fn hand_edited() -> Harness {
    let text = std::fs::read_to_string(sample_path("pays-de-brest"))
        .unwrap()
        .replacen(
            "(\"Infini (Internet Finistère)\", \"ch2nf:1",
            "(\"Infini\", \"ch2nf:1",
            1,
        );
    let h = Harness::from_text(&text, Setup::default());
    std::fs::write(backup(&h), "the version before the last real change\n").unwrap();
    h
}

#[test]
fn opening_browsing_and_quitting_writes_nothing() {
    let mut h = hand_edited();
    let census = state(&h.path);
    let bak = state(&backup(&h));
    h.keys("j j enter esc / ");
    h.type_text("brest").keys("esc");
    h.quit();
    assert!(state(&h.path) == census, "the census was rewritten");
    assert!(state(&backup(&h)) == bak, "the .bak was rotated");
}

#[test]
fn writing_with_colon_w_and_no_change_writes_nothing() {
    let mut h = hand_edited();
    let census = state(&h.path);
    let bak = state(&backup(&h));
    h.keys(":").type_text("w").keys("enter");
    assert_eq!(h.message().as_deref(), Some("enregistré"));
    h.quit();
    assert!(state(&h.path) == census, "the census was rewritten");
    assert!(state(&backup(&h)) == bak, "the .bak was rotated");
}

#[test]
fn quitting_after_a_change_writes_it_and_keeps_the_version_before() {
    let mut h = hand_edited();
    let (before, _) = state(&h.path);
    // Delete the selected initiative, confirmed.
    let name = h.selected_name().unwrap();
    h.keys("d o");
    h.quit();
    let ws = h.reopen();
    assert_eq!(
        ws.report.journal, 0,
        "the journal was written into the file"
    );
    assert!(
        !ws.census
            .live()
            .any(|i| i.value("nom") == Some(name.as_str()))
    );
    assert_eq!(std::fs::read(backup(&h)).unwrap(), before);
}
