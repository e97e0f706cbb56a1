//! The census on disk: one writer at a time (the lock), a file that cannot be
//! read is never overwritten, saves leave a backup and no temporary file.

use crate::common;

use std::io::Read;
use std::process::Stdio;

use assert_cmd::assert::Assert;
use common::{
    CENSUS, Env, assert_located, assert_unchanged, dead_pid, hold_lock, hostname, lock_text,
    stderr_of,
};
use predicates::prelude::*;
use predicates::str::contains;

const LOCK: &str = "census.ron.lock";

/// Every command that writes the census, on the initiative `id`.
fn writers(id: &str) -> Vec<Vec<String>> {
    let owned = |args: &[&str]| args.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        owned(&[
            "add",
            "--set",
            "nom=Fablab",
            "--set",
            "type=fablab",
            "--set",
            "commune=Brest",
        ]),
        owned(&["edit", id, "--set", "notes=vu"]),
        owned(&["delete", id]),
    ]
}

fn run(env: &Env, args: &[String]) -> Assert {
    env.census_cmd().args(args).assert()
}

// ---------------------------------------------------------------- the lock

#[test]
fn a_second_writer_is_told_who_holds_the_lock() {
    let env = Env::with_census();
    let id = env.add_infini();
    let me = std::process::id();
    let _held = hold_lock(&env, CENSUS, "Yann");
    let before = env.snapshot();
    for args in writers(&id) {
        run(&env, &args).code(1).stderr(contains(format!(
            "census.ron: le recensement est ouvert par Yann (processus {me} sur {}) depuis 2026-11-29T09:00:00Z ; attendez qu'il ait fini",
            hostname()
        )));
        assert_unchanged(&before, &env.snapshot());
    }
}

#[test]
fn the_lock_message_is_in_english_with_lang_en() {
    let env = Env::with_census();
    let _held = hold_lock(&env, CENSUS, "Yann");
    env.census_cmd()
        .args(["--lang", "en", "add", "--set", "nom=Fablab"])
        .assert()
        .code(1)
        .stderr(contains("the census is open by Yann (process"));
}

#[test]
fn fmt_respects_the_lock() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-hand-edited.ron");
    let _held = hold_lock(&env, &name, "Yann");
    let before = env.snapshot();
    env.cmd()
        .args(["fmt", &name])
        .assert()
        .code(1)
        .stderr(contains("le recensement est ouvert par Yann"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn readers_do_not_need_the_lock() {
    let env = Env::with_census();
    let id = env.add_infini();
    env.write(LOCK, lock_text(std::process::id(), &hostname(), "Yann"));
    env.census_cmd()
        .arg("list")
        .assert()
        .success()
        .stdout(contains("Infini"));
    env.census_cmd().args(["show", &id]).assert().success();
    env.cmd().args(["validate", CENSUS]).assert().success();
}

#[test]
fn a_stale_lock_of_a_finished_process_is_taken_over() {
    let env = Env::with_census();
    env.write(LOCK, lock_text(dead_pid(), &hostname(), "Yann"));
    env.add_infini();
    assert!(
        !env.path(LOCK).exists(),
        "the lock is released after the add"
    );
    env.census_cmd()
        .arg("list")
        .assert()
        .stdout(contains("Infini"));
}

#[test]
fn a_lock_from_another_machine_is_respected() {
    let env = Env::with_census();
    // The process cannot be checked on another machine: the lock holds.
    env.write(LOCK, lock_text(dead_pid(), "poste-de-yann", "Yann"));
    let before = env.snapshot();
    env.census_cmd()
        .args([
            "add",
            "--set",
            "nom=Fablab",
            "--set",
            "type=fablab",
            "--set",
            "commune=Brest",
        ])
        .assert()
        .code(1)
        .stderr(contains("laissé par Yann").and(contains("sur poste-de-yann")));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn a_writer_leaves_no_lock_behind_even_when_refused() {
    let env = Env::with_census();
    let id = env.add_infini();
    env.census_cmd()
        .args(["edit", &id, "--set", "siret=123"])
        .assert()
        .code(1);
    env.census_cmd()
        .args(["add", "--set", "nom=Fablab"])
        .assert()
        .code(1);
    assert_eq!(env.file_names(), ["census.ron", "census.ron.bak"]);
}

// ---------------------------------------------------------------- saving

#[test]
fn a_save_leaves_a_backup_of_the_previous_version_and_no_temporary_file() {
    let env = Env::with_census();
    let id = env.add_infini();
    for args in writers(&id) {
        let previous = env.read(CENSUS);
        run(&env, &args).success();
        assert_eq!(env.read("census.ron.bak"), previous, "after {args:?}");
        assert_eq!(
            env.file_names(),
            ["census.ron", "census.ron.bak"],
            "after {args:?}"
        );
    }
}

// ---------------------------------------------------------------- unreadable files

#[test]
fn a_truncated_census_is_never_overwritten() {
    let env = Env::new();
    let name = env.copy_fixture("invalid/census-truncated.ron");
    std::fs::rename(env.path(&name), env.path(CENSUS)).expect("rename");
    let before = env.snapshot();
    for args in writers("01M8KBYJ808GACQFDEPG38BYMN") {
        let out = env
            .census_cmd()
            .args(["--as", "Marie"])
            .args(&args)
            .assert()
            .code(1)
            .get_output()
            .clone();
        assert_located(&stderr_of(&out), CENSUS, 20, "le fichier s'arrête trop tôt");
        assert_unchanged(&before, &env.snapshot());
    }
}

#[test]
fn a_census_of_a_newer_format_is_never_overwritten() {
    let env = Env::new();
    let name = env.copy_fixture("invalid/census-newer-format.ron");
    let before = env.snapshot();
    env.cmd()
        .args([
            "--file",
            &name,
            "--as",
            "Marie",
            "add",
            "--set",
            "nom=Fablab",
        ])
        .args(["--set", "type=fablab", "--set", "commune=Brest"])
        .assert()
        .code(1)
        .stderr(contains(
            "Mettez recense à jour ; le fichier n'a pas été modifié.",
        ));
    assert_unchanged(&before, &env.snapshot());
}

// ---------------------------------------------------------------- known bugs

#[test]
fn adding_to_a_census_in_a_missing_folder_says_it_is_not_found() {
    let env = Env::new();
    env.cmd()
        .args([
            "--file",
            "dossier/census.ron",
            "--as",
            "Marie",
            "add",
            "--set",
            "nom=X",
        ])
        .assert()
        .code(1)
        .stderr(contains("dossier/census.ron: fichier introuvable").and(contains(".lock").not()));
}

#[test]
fn a_reader_that_stops_early_does_not_make_recense_panic() {
    let env = Env::new();
    env.cmd()
        .args(["dev", "generate", "--count", "300", "-o", "gen.ron"])
        .assert()
        .success();
    // More output than a pipe holds, and nobody reads it: writing must fail.
    let mut child = env
        .std_cmd()
        .args(["--file", "gen.ron", "list", "--format", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run recense");
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read stderr");
    let status = child.wait().expect("wait");
    assert!(!err.contains("panicked"), "{err}");
    assert_ne!(status.code(), Some(101), "{err}");
}
