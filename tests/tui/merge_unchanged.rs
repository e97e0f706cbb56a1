//! `:merge` of a copy that brings nothing new writes nothing: the census
//! and its `.bak` stay as they were, byte for byte and by date.

use std::path::Path;
use std::time::SystemTime;

use crate::tui_common::brest;

fn state(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = std::fs::read(path).unwrap();
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    (bytes, mtime)
}

#[test]
fn merging_a_copy_that_brings_nothing_new_writes_nothing() {
    let mut h = brest();
    let copy = h.dir.path().join("copy.ron");
    std::fs::copy(&h.path, &copy).unwrap();
    let backup = recense::census::store::backup_path(&h.path);
    std::fs::write(&backup, "the version before the last real change\n").unwrap();
    let (census, bak) = (state(&h.path), state(&backup));
    h.keys(":")
        .type_text(&format!("merge {}", copy.display()))
        .keys("enter");
    let said = h.message().unwrap_or_default();
    assert!(said.contains("0 nouvelle"), "{said}");
    h.quit();
    assert!(state(&h.path) == census, "the census was rewritten");
    assert!(state(&backup) == bak, "the .bak was rotated");
}
