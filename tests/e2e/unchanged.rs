//! End to end, in a real terminal (tmux, 80×24): opening a census, looking
//! around and quitting writes nothing, even when the file was changed by
//! hand (its checksum stays stale, its `.bak` stays the version before).

use crate::sandbox as e2e;

use std::path::Path;
use std::time::SystemTime;

use e2e::{Sandbox, Session};

const AGENT: &str = "Marie Le Gall";

/// The bytes and the modification time of a file.
fn state(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = std::fs::read(path).expect("read");
    let mtime = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime");
    (bytes, mtime)
}

#[test]
fn opening_and_quitting_a_census_changed_by_hand_writes_nothing() {
    let sb = Sandbox::new();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data/pays-de-brest.ron");
    let text = std::fs::read_to_string(sample)
        .expect("the sample")
        .replacen(
            "(\"Infini (Internet Finistère)\", \"ch2nf:1",
            "(\"Infini\", \"ch2nf:1",
            1,
        );
    std::fs::write(sb.path("census.ron"), text).expect("write the census");
    std::fs::write(sb.path("census.ron.bak"), "the version before\n").expect("write the .bak");
    let census = state(&sb.path("census.ron"));
    let bak = state(&sb.path("census.ron.bak"));

    let s = Session::start(&sb, &["--as", AGENT, "census.ron"]);
    s.wait_for("19 initiatives");
    s.key("j");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);

    assert!(
        state(&sb.path("census.ron")) == census,
        "the census was rewritten"
    );
    assert!(
        state(&sb.path("census.ron.bak")) == bak,
        "the .bak was rotated"
    );
}
