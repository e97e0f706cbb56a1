//! The everyday flow on the command line (issue 21, second part): the one
//! score `recense show` prints, as the interface and the JSON give it.

use crate::common;

use common::Env;
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value as Json;

#[test]
fn show_prints_the_same_score_as_the_json() {
    let env = Env::with_census();
    let id = env.add(&["nom=Infini", "type=chatons", "commune=Brest"]);
    let out = env
        .census_cmd()
        .args(["show", &id, "--format", "json"])
        .output()
        .unwrap();
    let json: Json = serde_json::from_slice(&out.stdout).unwrap();
    let score = json["score"].as_u64().expect("a score");
    env.census_cmd()
        .args(["show", &id])
        .assert()
        .success()
        .stdout(contains(format!(
            "  Repéré · Score {score}/100 (complétude et fraîcheur des preuves)\n"
        )));
}

/// The CSV for a colleague ends with the status and the score (the same
/// score as `show`), and imports back with those computed columns left out
/// without a warning.
#[test]
fn the_csv_export_ends_with_status_and_score() {
    let env = Env::with_census();
    env.add(&["nom=Infini", "type=chatons", "commune=Brest"]);
    let out = env
        .census_cmd()
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().ends_with(";Statut;Score"), "{text}");
    let row = lines.next().unwrap();
    assert!(row.contains(";Repéré;"), "{row}");
    env.write("liste.csv", text.as_bytes());
    env.census_cmd()
        .args(["import", "csv", "liste.csv", "--dry-run"])
        .assert()
        .success()
        .stdout(contains("Statut → (non importée)").and(contains("1 déjà à jour")))
        .stderr(contains("Statut").not());
}

/// The élus report's framing paragraph: neutral by default; the study's
/// words when the census's form asks for them (`report_framing: etude`).
#[test]
fn the_report_framing_is_neutral_unless_the_schema_chooses_the_study() {
    let env = Env::with_census();
    env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "problemes_publics=souverainete",
    ]);
    let report = || {
        let out = env
            .census_cmd()
            .args(["report", "--audience", "elus", "--format", "md"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let neutral = report();
    assert!(
        neutral.contains("combien d'initiatives y apportent une réponse"),
        "{neutral}"
    );
    assert!(!neutral.contains("capitalisme"), "{neutral}");
    let schema =
        std::fs::read_to_string(common::project_dir().join("schemas/communs-numeriques.ron"))
            .unwrap();
    let end = schema.rfind(')').unwrap();
    let chosen = format!("{}    report_framing: etude,\n)\n", &schema[..end]);
    env.write("schemas/communs-numeriques.ron", chosen);
    let study = report();
    assert!(
        study.contains("alternative démocratique au capitalisme numérique"),
        "{study}"
    );
}
