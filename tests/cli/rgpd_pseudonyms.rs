//! `export --public` and `bundle --public` name agents by stable
//! pseudonyms (« Agent 1 », « Agent 2 »…): no real name, the same
//! pseudonym for the same agent everywhere in one output.

use serde_json::Value as Json;

use crate::common::{Env, stdout_of};
use crate::rgpd_erase::{FABLAB, INFINI, rc, setup};

/// The fixture, plus an evidence of Marie's on the fablab: Marie records
/// two evidences, Bruno one confirmation.
fn with_evidence() -> Env {
    let env = setup();
    rc(&env)
        .args([
            "evidence",
            "add",
            FABLAB,
            "--kind",
            "visite",
            "--date",
            "2026-10-01",
        ])
        .assert()
        .success();
    env
}

/// Who recorded each evidence and confirmation, by initiative id.
fn authors(doc: &Json) -> Vec<(String, &'static str, String)> {
    let mut out = Vec::new();
    for item in doc["initiatives"].as_array().unwrap() {
        let id = item["id"].as_str().unwrap().to_string();
        for (list, what) in [("evidence", "evidence"), ("confirmations", "confirmation")] {
            for e in item[list].as_array().unwrap() {
                out.push((id.clone(), what, e["by"].as_str().unwrap_or("").to_string()));
            }
        }
    }
    out
}

#[test]
fn a_public_json_export_names_agents_by_consistent_pseudonyms() {
    let env = with_evidence();
    let out = rc(&env)
        .args(["export", "--format", "json", "--public"])
        .assert()
        .success();
    let text = stdout_of(out.get_output());
    let folded = recense::census::search::fold(&text);
    for name in ["marie", "kerjean", "bruno", "tanguy"] {
        assert!(!folded.contains(name), "{name} in {text}");
    }
    let doc: Json = serde_json::from_str(&text).unwrap();
    let by = authors(&doc);
    let marie: Vec<&str> = by
        .iter()
        .filter(|(_, what, _)| *what == "evidence")
        .map(|(_, _, b)| b.as_str())
        .collect();
    let bruno: Vec<&str> = by
        .iter()
        .filter(|(id, what, _)| *what == "confirmation" && id == INFINI)
        .map(|(_, _, b)| b.as_str())
        .collect();
    assert_eq!(marie.len(), 2, "{by:?}");
    assert_eq!(marie[0], marie[1], "one agent, one pseudonym: {by:?}");
    assert_eq!(bruno.len(), 1, "{by:?}");
    assert_ne!(marie[0], bruno[0], "two agents, two pseudonyms");
    let mut both = [marie[0], bruno[0]];
    both.sort_unstable();
    assert_eq!(both, ["Agent 1", "Agent 2"]);
    // Not public: the real names.
    let out = rc(&env)
        .args(["export", "--format", "json"])
        .assert()
        .success();
    let doc: Json = serde_json::from_str(&stdout_of(out.get_output())).unwrap();
    assert!(authors(&doc).iter().any(|(_, _, b)| b == "Marie Kerjean"));
}

#[test]
fn a_public_bundle_gives_each_agent_one_pseudonym() {
    let env = with_evidence();
    rc(&env)
        .args([
            "bundle",
            "--since",
            "2020-01-01",
            "--public",
            "-o",
            "public.ron",
        ])
        .assert()
        .success();
    let text = env.read_text("public.ron");
    let folded = recense::census::search::fold(&text);
    for name in ["marie", "kerjean", "bruno", "tanguy"] {
        assert!(!folded.contains(name), "{name} in {text}");
    }
    let (census, _) = recense::census::store::load(&env.path("public.ron")).unwrap();
    let mut names: Vec<&str> = census.agents.values().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["Agent 1", "Agent 2"]);
    // Stable: the same file again gives the same pseudonyms.
    rc(&env)
        .args([
            "bundle",
            "--since",
            "2020-01-01",
            "--public",
            "-o",
            "again.ron",
        ])
        .assert()
        .success();
    let (again, _) = recense::census::store::load(&env.path("again.ron")).unwrap();
    assert_eq!(again.agents, census.agents);
}
