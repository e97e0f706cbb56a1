//! Counters never wrap: a received file holding a counter that cannot be
//! incremented is refused at merge (and any file at load), and an edit past
//! the last counter is refused, leaving the census usable.

use crate::common;

use common::{CENSUS, Env, assert_unchanged, has_located, stderr_of};
use predicates::str::contains;

/// The agent of the fixtures (`mvn0s`), named as a colleague would.
const MARIE: &str = "Marie Le Gall";
const INFINI: &str = "01M8KBYJ808GACQFDEPG38BYMN";

/// Marie's census: the two initiatives of `valid/census-base.ron`.
fn marie() -> Env {
    let env = Env::new();
    env.write(
        CENSUS,
        std::fs::read(common::fixture_path("valid/census-base.ron")).expect("fixture"),
    );
    env
}

#[test]
fn a_received_counter_at_its_maximum_is_refused_and_the_census_stays_usable() {
    let env = marie();
    let received = env.copy_fixture("received/census-counter-at-max.ron");
    let before = env.snapshot();
    let out = env
        .census_cmd()
        .args(["--as", MARIE, "merge", "--accept-edited", &received])
        .output()
        .expect("run recense");
    assert_eq!(out.status.code(), Some(1), "{}", stderr_of(&out));
    let said = stderr_of(&out);
    assert!(
        has_located(
            &said,
            &received,
            14,
            "compteur « mvn0s:4294967295 » à son maximum"
        ),
        "{said}"
    );
    assert!(said.contains("ne le fusionnez pas"), "{said}");
    assert_unchanged(&before, &env.snapshot());
    // Before, the merge went through and this edit wrapped the counter to
    // 0: every later command refused the census, its .bak included.
    env.census_cmd()
        .args(["--as", MARIE, "edit", INFINI, "--set", "nom=Infini Brest"])
        .assert()
        .success();
    env.census_cmd()
        .args(["list"])
        .assert()
        .success()
        .stdout(contains("Infini Brest"));
    env.cmd().args(["validate", CENSUS]).assert().success();
    assert!(env.read_text(CENSUS).contains("\"mvn0s:2 "));
}

#[test]
fn a_dry_run_merge_and_the_english_message_refuse_it_too() {
    let env = marie();
    let received = env.copy_fixture("received/census-counter-at-max.ron");
    let before = env.snapshot();
    env.census_cmd()
        .args(["--lang", "en", "--as", MARIE, "merge", "--dry-run", &received])
        .assert()
        .code(1)
        .stderr(contains(format!("{received}:14:")))
        .stderr(contains(
            "counter `mvn0s:4294967295` at its maximum: no change could follow it, and recense never wraps it back to 0",
        ));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn an_edit_past_the_last_counter_is_refused_and_changes_nothing() {
    let env = Env::new();
    env.write(
        CENSUS,
        std::fs::read(common::fixture_path("counters/census-counter-last.ron")).expect("fixture"),
    );
    let before = env.snapshot();
    for args in [
        vec!["edit", INFINI, "--set", "nom=Infini Brest"],
        vec!["delete", INFINI],
        vec!["status", INFINI, "contacte"],
    ] {
        let out = env
            .census_cmd()
            .args(["--as", MARIE])
            .args(&args)
            .output()
            .expect("run recense");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr_of(&out));
        let said = stderr_of(&out);
        assert!(
            said.contains(&format!(
                "initiative {INFINI} : le compteur de l'agent mvn0s est à son maximum (4294967294)"
            )) && said.contains("Rien n'a été modifié"),
            "{args:?}: {said}"
        );
        assert_unchanged(&before, &env.snapshot());
    }
    // Another agent edits it; the census loads and stays valid.
    env.census_cmd()
        .args(["--as", "Yann", "edit", INFINI, "--set", "nom=Infini Brest"])
        .assert()
        .success();
    env.cmd().args(["validate", CENSUS]).assert().success();
    env.census_cmd()
        .args([
            "--lang",
            "en",
            "--as",
            MARIE,
            "edit",
            INFINI,
            "--set",
            "nom=Infini",
        ])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "initiative {INFINI}: the counter of agent mvn0s is at its maximum (4294967294)"
        )));
}
