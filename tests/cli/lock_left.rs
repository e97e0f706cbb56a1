//! A lock no running recense holds, whose holder cannot be proved gone (on
//! another machine, a process number now used by another program, or a
//! lock file that cannot be read): writes are refused with how to check and
//! remove it, and `doctor` says the same.

use crate::common;

use common::{Env, assert_unchanged};
use predicates::prelude::*;
use predicates::str::contains;

const ADD: &[&str] = &[
    "add",
    "--set",
    "nom=Infini",
    "--set",
    "type=chatons",
    "--set",
    "commune=Brest",
];

/// This machine's name, as recense reads it.
fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "?".to_string())
}

#[test]
fn a_lock_of_a_process_number_now_used_by_another_program_says_how_to_check_it() {
    let env = Env::with_census();
    // Process 1 always runs, and is not recense: a reused process number.
    let host = hostname();
    env.write(
        "census.ron.lock",
        format!("(pid: 1, host: \"{host}\", agent: \"Yann\", since: \"2026-11-29T09:00:00Z\")"),
    );
    let before = env.snapshot();
    env.census_cmd()
        .args(ADD)
        .assert()
        .code(1)
        .stderr(contains(format!(
            "census.ron: le verrou census.ron.lock a été laissé par Yann (processus 1 sur {host})"
        )))
        .stderr(contains(format!(
            "vérifiez sur {host} avec « ps -p 1 », puis, s'il ne s'agit pas de recense, supprimez census.ron.lock."
        )));
    assert_unchanged(&before, &env.snapshot());
    env.census_cmd()
        .arg("doctor")
        .assert()
        .stdout(contains(format!("vérifiez sur {host} avec « ps -p 1 »")));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn doctor_says_how_to_check_and_remove_a_lock_left_on_another_machine() {
    let env = Env::with_census();
    env.copy_fixture("locks/census.ron.lock");
    let before = env.snapshot();
    env.census_cmd()
        .arg("doctor")
        .assert()
        .stdout(contains(
            "le verrou census.ron.lock a été laissé par Yann (processus 4242 sur poste-de-yann)",
        ))
        .stdout(contains("vérifiez sur poste-de-yann avec « ps -p 4242 », puis, s'il ne s'agit pas de recense, supprimez census.ron.lock."));
    env.census_cmd()
        .args(["--lang", "en", "doctor"])
        .assert()
        .stdout(contains(
            "check on poste-de-yann with \"ps -p 4242\", then, if it is not recense, remove census.ron.lock.",
        ));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn an_unreadable_lock_is_kept_and_said_so_by_writes_and_doctor() {
    let env = Env::with_census();
    env.write(
        "census.ron.lock",
        std::fs::read(common::fixture_path("locks/unreadable.lock")).expect("fixture"),
    );
    let before = env.snapshot();
    let said = "le verrou census.ron.lock est illisible ; vérifiez qu'aucun recense n'a ce recensement ouvert, puis supprimez census.ron.lock.";
    env.census_cmd()
        .args(ADD)
        .assert()
        .code(1)
        .stderr(contains(said));
    // Before, doctor said the lock was free.
    env.census_cmd()
        .arg("doctor")
        .assert()
        .stdout(contains(said))
        .stdout(contains("verrou : libre").not());
    assert_unchanged(&before, &env.snapshot());
}
