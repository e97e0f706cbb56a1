//! A command that changes nothing writes nothing: merging a copy the census
//! already holds leaves the census, its checksum and its `.bak` as they were,
//! byte for byte and by date.

use crate::common;

use std::path::Path;
use std::time::SystemTime;

use common::{CENSUS, Env};

/// The bytes and the modification time of a file.
fn state(path: &Path) -> (Vec<u8>, SystemTime) {
    let bytes = std::fs::read(path).unwrap();
    let mtime = std::fs::metadata(path).unwrap().modified().unwrap();
    (bytes, mtime)
}

/// A census with one initiative, saved twice (so it has a `.bak`), and a copy
/// of it as a colleague would send it back.
fn census_and_its_copy() -> Env {
    let env = Env::with_census();
    let id = env.add_infini();
    env.census_cmd()
        .args(["edit", &id, "--set", "commune=Plouzané"])
        .assert()
        .success();
    env.write("copy.ron", env.read(CENSUS));
    env
}

#[test]
fn merging_a_copy_the_census_already_holds_writes_nothing() {
    let env = census_and_its_copy();
    let census = state(&env.path(CENSUS));
    let bak = state(&env.path("census.ron.bak"));
    env.census_cmd()
        .args(["merge", "copy.ron"])
        .assert()
        .success();
    assert!(
        state(&env.path(CENSUS)) == census,
        "the census was rewritten"
    );
    assert!(
        state(&env.path("census.ron.bak")) == bak,
        "the .bak was rotated"
    );
}

#[test]
fn merging_a_copy_with_a_change_writes_it() {
    let env = census_and_its_copy();
    let before = env.read(CENSUS);
    env.cmd()
        .args([
            "--file",
            "copy.ron",
            "add",
            "--set",
            "nom=Fablab des Fourneaux",
        ])
        .args(["--set", "type=fablab", "--set", "commune=Plouzané"])
        .assert()
        .success();
    env.census_cmd()
        .args(["merge", "copy.ron"])
        .assert()
        .success();
    assert!(
        String::from_utf8(env.read(CENSUS))
            .unwrap()
            .contains("Fablab des Fourneaux")
    );
    assert_eq!(env.read("census.ron.bak"), before);
}
