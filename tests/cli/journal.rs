//! The journal of changes (`FILE.journal`, written by the terminal
//! interface): a record cut by a full disk, followed by one that was
//! written, is skipped with a located warning and the others are kept;
//! `validate` and `doctor` say it; a journal written before records were
//! framed still replays.
//!
//! Fixtures, in `tests/fixtures/journal/`: `torn.ron` with a journal of
//! three changes whose second (Capucins' telephone) was cut at line 22 and
//! followed by the third; `old.ron` with the same three changes, unframed.

use crate::common;

use common::{CENSUS, Env, fixture_path, stderr_of, stdout_of};

const INFINI: &str = "01M8KBYJ808GACQFDEPG38BYMN";
const CAPUCINS: &str = "01M8KBYJ80YC2KZ7P4Z8FE4ZYJ";
/// Where the cut record starts.
const TORN_AT: &str = "census.ron.journal:22:1";
const TORN_PHRASE: &str = "modification du journal incomplète";

/// An environment whose `census.ron` and journal are the fixture `NAME`.
fn with_journal(name: &str) -> Env {
    let env = Env::new();
    env.write(
        CENSUS,
        std::fs::read(fixture_path(&format!("journal/{name}.ron"))).unwrap(),
    );
    env.write(
        "census.ron.journal",
        std::fs::read(fixture_path(&format!("journal/{name}.ron.journal"))).unwrap(),
    );
    env
}

/// The fields of `show ID --format json` of the census, with its stderr.
fn show(env: &Env, id: &str) -> (serde_json::Value, String) {
    let out = env
        .census_cmd()
        .args(["show", id, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    (json["fields"].clone(), stderr_of(&out))
}

#[test]
fn a_torn_record_is_skipped_with_a_warning_and_the_others_are_kept() {
    let env = with_journal("torn");
    let (infini, stderr) = show(&env, INFINI);
    // The first and the third changes are kept, the cut one is skipped.
    assert_eq!(infini["telephone"], "+33298000001", "{infini}");
    assert_eq!(infini["code_postal"], "29200", "{infini}");
    assert!(
        stderr.contains(TORN_AT) && stderr.contains(TORN_PHRASE),
        "{stderr}"
    );
    let (capucins, _) = show(&env, CAPUCINS);
    assert!(
        capucins.get("telephone").is_none_or(|t| t.is_null()),
        "{capucins}"
    );
}

#[test]
fn a_census_with_a_torn_journal_can_be_changed_and_the_save_empties_the_journal() {
    let env = with_journal("torn");
    env.census_cmd()
        .args([
            "--as",
            "Marie",
            "edit",
            CAPUCINS,
            "--set",
            "telephone=+33298000003",
        ])
        .assert()
        .success();
    assert!(!env.path("census.ron.journal").exists());
    let (capucins, stderr) = show(&env, CAPUCINS);
    assert_eq!(capucins["telephone"], "+33298000003");
    assert!(!stderr.contains(TORN_PHRASE), "{stderr}");
    let (infini, _) = show(&env, INFINI);
    assert_eq!(infini["telephone"], "+33298000001");
}

#[test]
fn validate_checks_the_journal_too() {
    let env = with_journal("torn");
    let out = env.cmd().args(["validate", CENSUS]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains(TORN_AT) && stderr.contains(TORN_PHRASE),
        "{stderr}"
    );
    assert!(stderr.contains("avertissement"), "{stderr}");
}

#[test]
fn doctor_checks_the_journal_too() {
    let env = with_journal("torn");
    let out = env
        .census_cmd()
        .args(["--as", "Marie", "doctor"])
        .output()
        .unwrap();
    let text = format!("{}{}", stdout_of(&out), stderr_of(&out));
    assert!(
        text.contains(TORN_AT) && text.contains(TORN_PHRASE),
        "{text}"
    );
}

#[test]
fn a_journal_written_before_records_were_framed_still_replays() {
    let env = with_journal("old");
    let (infini, stderr) = show(&env, INFINI);
    assert_eq!(infini["telephone"], "+33298000001");
    assert_eq!(infini["code_postal"], "29200");
    let (capucins, _) = show(&env, CAPUCINS);
    assert_eq!(capucins["telephone"], "+33298000002");
    assert!(!stderr.contains(TORN_PHRASE), "{stderr}");
}
