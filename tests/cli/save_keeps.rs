//! A save replaces the census by a new file: what it must keep of the old
//! one (a symlink, the mode, the group), a read-only census it must refuse,
//! and new censuses readable by their owner only (they hold contact data).
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use crate::common;

use common::{CENSUS, Env, assert_unchanged};
use predicates::str::contains;

fn mode(env: &Env, name: &str) -> u32 {
    fs::metadata(env.path(name)).expect("metadata").mode() & 0o7777
}

fn chmod(env: &Env, name: &str, mode: u32) {
    fs::set_permissions(env.path(name), fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn a_new_census_is_readable_by_its_owner_only() {
    let env = Env::with_census();
    assert_eq!(mode(&env, CENSUS), 0o600);
}

#[test]
fn a_save_keeps_the_mode_of_the_census() {
    let env = Env::with_census();
    chmod(&env, CENSUS, 0o640);
    env.add_infini();
    assert_eq!(mode(&env, CENSUS), 0o640);
}

#[test]
fn a_save_keeps_the_group_of_the_census() {
    let env = Env::with_census();
    let path = env.path(CENSUS);
    let mine = fs::metadata(&path).unwrap().gid();
    // A group this user may give: one of their others, or any for root.
    let Some(other) = [1, 2, 4, 100, 1000]
        .into_iter()
        .filter(|&g| g != mine)
        .find(|&g| std::os::unix::fs::chown(&path, None, Some(g)).is_ok())
    else {
        eprintln!("no second group to give here: the group cannot be checked");
        return;
    };
    env.add_infini();
    assert_eq!(fs::metadata(&path).unwrap().gid(), other);
}

#[test]
fn a_symlinked_census_is_written_through_to_its_target() {
    let env = Env::with_census();
    fs::create_dir(env.path("shared")).unwrap();
    fs::rename(env.path(CENSUS), env.path("shared/census.ron")).unwrap();
    std::os::unix::fs::symlink("shared/census.ron", env.path(CENSUS)).unwrap();
    let before = env.read_text("shared/census.ron");
    env.add_infini();
    let link = fs::symlink_metadata(env.path(CENSUS)).unwrap();
    assert!(link.file_type().is_symlink(), "the link is kept");
    assert!(env.read_text("shared/census.ron").contains("Infini"));
    // The backup holds the version before, not the link to the new one.
    let bak = fs::symlink_metadata(env.path("census.ron.bak")).unwrap();
    assert!(bak.file_type().is_file());
    assert_eq!(env.read_text("census.ron.bak"), before);
    let mut shared: Vec<_> = fs::read_dir(env.path("shared"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    shared.sort();
    assert_eq!(shared, ["census.ron"], "no temporary file left");
}

#[test]
fn a_read_only_census_is_not_rewritten() {
    let env = Env::with_census();
    let name = env.copy_fixture("valid/census-base.ron");
    chmod(&env, &name, 0o444);
    let before = env.snapshot();
    env.cmd()
        .args(["--file", &name, "add", "--set", "nom=Fablab", "--set"])
        .args(["type=fablab", "--set", "commune=Brest"])
        .assert()
        .code(1)
        .stderr(contains(
            "census-base.ron: ce fichier est en lecture seule ; rien n'a été écrit. Pour l'autoriser : chmod u+w census-base.ron",
        ));
    assert_unchanged(&before, &env.snapshot());
    assert_eq!(mode(&env, &name), 0o444);
    env.cmd()
        .args(["--lang", "en", "--file", &name, "edit"])
        .args(["01M8KBYJ808GACQFDEPG38BYMN", "--set", "notes=vu"])
        .assert()
        .code(1)
        .stderr(contains(
            "census-base.ron: this file is read-only; nothing was written.",
        ));
    assert_unchanged(&before, &env.snapshot());
}
