//! Initiative ids are ULIDs: one written in small letters is the same
//! initiative (read and written in capitals, with a located warning), in the
//! census, in a received file, in an import and on the command line; any
//! other id in a file is refused with its place.

use crate::common;

use common::{CENSUS, Env, has_located, stderr_of, stdout_of};
use predicates::str::contains;

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

/// The ids `list --format json` shows.
fn ids(env: &Env) -> Vec<String> {
    let out = env
        .census_cmd()
        .args(["list", "--format", "json"])
        .output()
        .expect("run recense");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&out)).expect("JSON");
    let rows = json.as_array().expect("a list");
    rows.iter()
        .map(|r| r["id"].as_str().expect("an id").to_string())
        .collect()
}

#[test]
fn a_received_copy_with_its_id_in_small_letters_updates_the_same_initiative() {
    let env = marie();
    let received = env.copy_fixture("received/census-id-small-letters.ron");
    let out = env
        .census_cmd()
        .args(["--as", MARIE, "merge", &received])
        .output()
        .expect("run recense");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let said = stderr_of(&out);
    assert!(
        has_located(
            &said,
            &received,
            13,
            "écrit en minuscules : lu comme 01M8KBYJ808GACQFDEPG38BYMN (la même initiative)"
        ),
        "{said}"
    );
    // Before, the copy became a second Infini.
    assert_eq!(ids(&env), [INFINI, "01M8KBYJ80YC2KZ7P4Z8FE4ZYJ"]);
    let text = env.read_text(CENSUS);
    assert!(text.contains("\"Infini Brest\""), "{text}");
    assert!(!text.contains(&INFINI.to_lowercase()), "{text}");
}

#[test]
fn an_id_in_small_letters_in_the_census_is_read_in_capitals_and_written_so_at_the_next_change() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-id-small-letters.ron");
    let lower = INFINI.to_lowercase();
    env.cmd()
        .args(["--file", &name, "list"])
        .assert()
        .success()
        .stderr(contains(format!("{name}:13:")))
        .stderr(contains("écrit en minuscules"));
    // The command line takes the id in either case.
    env.cmd()
        .args(["--file", &name, "show", &lower])
        .assert()
        .success()
        .stdout(contains(INFINI));
    env.cmd()
        .args([
            "--file",
            &name,
            "--as",
            MARIE,
            "edit",
            &lower,
            "--set",
            "nom=Infini Brest",
        ])
        .assert()
        .success();
    let text = env.read_text(&name);
    assert!(text.contains(&format!("id: \"{INFINI}\"")), "{text}");
    assert!(!text.contains(&lower), "{text}");
    let out = env
        .cmd()
        .args(["--file", &name, "list"])
        .output()
        .expect("run recense");
    assert!(
        !stderr_of(&out).contains("minuscules"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn an_import_naming_an_id_in_small_letters_updates_that_initiative() {
    let env = marie();
    let lower = INFINI.to_lowercase();
    env.write(
        "one.csv",
        format!("id;nom;type;commune\n{lower};Infini Brest;chatons;Brest\n"),
    );
    env.census_cmd()
        .args(["--as", MARIE, "import", "csv", "one.csv"])
        .assert()
        .success();
    // Before, the id was someone else's: a second Infini, the id in its notes.
    assert_eq!(ids(&env), [INFINI, "01M8KBYJ80YC2KZ7P4Z8FE4ZYJ"]);
    assert!(env.read_text(CENSUS).contains("\"Infini Brest\""));
}

#[test]
fn an_id_that_is_not_a_ulid_is_refused_with_its_place_on_merge_and_not_found_on_the_command_line() {
    let env = marie();
    let received = env.copy_fixture("invalid/census-id-not-ulid.ron");
    let before = env.snapshot();
    env.census_cmd()
        .args(["--as", MARIE, "merge", &received])
        .assert()
        .code(1)
        .stderr(contains(format!("{received}:13:")))
        .stderr(contains("identifiant d'initiative « hello » invalide"));
    common::assert_unchanged(&before, &env.snapshot());
    env.census_cmd()
        .args(["show", "hello"])
        .assert()
        .code(1)
        .stderr(contains("aucune initiative ne s'appelle « hello »"));
}
