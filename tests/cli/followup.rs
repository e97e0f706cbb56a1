//! The follow-up over the years: `verify`, `list --stale`, `links`,
//! `compare`, `report --since`, `edition add`.

use crate::common::*;
use serde_json::Value as Json;

const OLD: &str = "followup/compare-old.ron";
const NEW: &str = "followup/compare-new.ron";
// Ids in the two fixtures (made with recense, see their stamps).
const INFINI: &str = "01KAGB9R805FX1XRP8V4NKYKNW";
const CAPUCINS: &str = "01KAGB9R801938QZKSMAE4XM1H";
const FABLAB: &str = "01KAGB9R803ACYPG9M4PV2R5KA";
const COLLECTIF: &str = "01KAGB9R80FSXVJSF7847QCSWZ";
const EPN: &str = "01KAGB9R80NKCYZ2PT1SSXZ44Y";
const TIERS_LIEU: &str = "01M45R3180Z7VDAPWBXQ43BQKK";

fn json_of(out: &std::process::Output) -> Json {
    serde_json::from_str(&stdout_of(out)).expect("JSON output")
}

fn history_json(env: &Env, id: &str) -> Vec<Json> {
    let out = env
        .census_cmd()
        .args(["history", id, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    json_of(&out).as_array().cloned().unwrap()
}

#[test]
fn verify_is_recorded_and_shown_in_history() {
    let env = Env::with_census();
    let id = env.add_capucins();
    env.census_cmd()
        .args(["verify", &id, "--note", "appel à l'accueil"])
        .assert()
        .success()
        .stderr(predicates::str::contains("Vérification enregistrée"));
    let file = env.read_text(CENSUS);
    assert!(file.contains("_verified"), "{file}");
    let events = history_json(&env, &id);
    let v = events
        .iter()
        .find(|e| e["event"] == "verification")
        .expect("a verification in history");
    assert_eq!(v["note"], "appel à l'accueil");
    assert_eq!(v["by"], AGENT);
    let text = env.census_cmd().args(["history", &id]).output().unwrap();
    assert!(
        stdout_of(&text).contains(&format!("{TODAY}  vérifiée par {AGENT}  appel à l'accueil"))
    );
}

#[test]
fn verify_refuses_a_deleted_initiative_and_writes_nothing() {
    let env = Env::with_census();
    let id = env.add_capucins();
    env.census_cmd().args(["delete", &id]).assert().success();
    let before = env.snapshot();
    let out = env.census_cmd().args(["verify", &id]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains(&id), "{}", stderr_of(&out));
    assert_unchanged(&before, &env.snapshot());
}

/// Each initiative created on its own day, some touched later; the stale
/// ones computed here from those days and the 12 months of the form.
#[test]
fn list_stale_agrees_with_an_independent_computation() {
    let env = Env::with_census();
    let add_at = |name: &str, at: &str| {
        let out = env
            .cmd_at(at)
            .args(["--file", CENSUS, "add", "--set", &format!("nom={name}")])
            .args(["--set", "type=association", "--set", "commune=Brest"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        stdout_of(&out).trim().to_string()
    };
    // (name, created, verified or edited later) — NOW is 2026-11-29.
    let plan = [
        ("Alpha", "2024-05-01T09:00:00Z", None),
        (
            "Bravo",
            "2025-01-10T09:00:00Z",
            Some(("verify", "2026-02-01T09:00:00Z")),
        ),
        ("Charlie", "2025-06-01T09:00:00Z", None),
        (
            "Delta",
            "2024-01-01T09:00:00Z",
            Some(("edit", "2025-03-03T09:00:00Z")),
        ),
        ("Echo", "2026-06-01T09:00:00Z", None),
        (
            "Fox",
            "2023-09-09T09:00:00Z",
            Some(("verify", "2025-11-30T09:00:00Z")),
        ),
    ];
    let mut last: Vec<(String, String)> = Vec::new();
    for (name, created, later) in plan {
        let id = add_at(name, created);
        let mut date = created[..10].to_string();
        if let Some((how, at)) = later {
            let mut cmd = env.cmd_at(at);
            cmd.args(["--file", CENSUS]);
            match how {
                "verify" => cmd.args(["verify", &id]),
                _ => cmd.args(["edit", &id, "--set", "commune=Guipavas"]),
            };
            cmd.assert().success();
            date = at[..10].to_string();
        }
        last.push((date, id));
    }
    // Stale: last verified before 2025-11-29.
    let mut expected: Vec<(String, String)> = last
        .into_iter()
        .filter(|(d, _)| d.as_str() < "2025-11-29")
        .collect();
    expected.sort();
    let out = env
        .census_cmd()
        .args(["list", "--stale", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let rows: Vec<(String, String)> = stdout_of(&out)
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split(';').collect();
            (cells[4].to_string(), cells[0].to_string())
        })
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(rows.len(), 3, "Alpha, Delta and Charlie");
    let table = env.census_cmd().args(["list", "--stale"]).output().unwrap();
    assert!(
        stderr_of(&table).contains("3 fiches à revérifier"),
        "{}",
        stderr_of(&table)
    );
    assert!(stdout_of(&table).contains("VÉRIFIÉE LE"));
}

#[test]
fn links_lists_every_url_with_its_initiative_and_field() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "site_web=https://infini.fr",
    ]);
    let other = env.add_capucins();
    env.census_cmd()
        .args(["evidence", "add", &other, "--kind", "presse"])
        .args(["--url", "https://example.org/article"])
        .assert()
        .success();
    let out = env
        .census_cmd()
        .args(["links", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = stdout_of(&out);
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.remove(0), "id;nom;champ;url");
    lines.sort();
    let mut expected = vec![
        format!("{id};Infini;site_web;https://infini.fr"),
        format!("{other};Médiathèque des Capucins;_evidence;https://example.org/article"),
    ];
    expected.sort();
    assert_eq!(lines, expected);
}

#[test]
fn compare_finds_the_known_differences_of_two_files() {
    let env = Env::with_census();
    let old = env.copy_fixture(OLD);
    let new = env.copy_fixture(NEW);
    let out = env
        .cmd()
        .args(["compare", &old, &new, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let ev = json_of(&out);
    let ids = |key: &str| -> Vec<String> {
        ev[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("new"), [TIERS_LIEU]);
    assert_eq!(ids("gone"), [EPN, COLLECTIF]);
    assert_eq!(ev["gone"][0]["why"], "disparu");
    assert_eq!(ev["gone"][1]["why"], "deleted");
    assert_eq!(ids("moved_up"), [INFINI]);
    assert_eq!(ev["moved_up"][0]["from"], "contacte");
    assert_eq!(ev["moved_up"][0]["to"], "rencontre");
    assert_eq!(ids("moved_down"), [CAPUCINS]);
    assert_eq!(ev["moved_down"][0]["to"], "en_sommeil");
    assert_eq!(ids("supports_received"), [FABLAB]);
    assert_eq!(ev["supports_received"][0]["value"], "locaux");
    assert_eq!(ids("needs_appeared"), [FABLAB]);
    assert_eq!(ids("needs_ended"), [CAPUCINS]);
    assert_eq!(ev["communes_new"], serde_json::json!(["Morlaix"]));
    assert_eq!(ids("evidence_added"), [FABLAB]);
    assert_eq!(ids("confirmations_added"), [INFINI]);
    let figure = |key: &str| {
        let f = ev["figures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == key)
            .unwrap()
            .clone();
        (f["before"].as_u64().unwrap(), f["after"].as_u64().unwrap())
    };
    assert_eq!(figure("initiatives"), (5, 4));
    assert_eq!(figure("communes"), (3, 3));
    assert_eq!(figure("supported"), (0, 1));
    assert_eq!(figure("disparu"), (0, 1));
    // The same in Markdown, and HTML with its table.
    let md = env.cmd().args(["compare", &old, &new]).output().unwrap();
    let md = stdout_of(&md);
    assert!(md.contains("| Initiatives | 5 | 4 | \\-1 |"), "{md}");
    assert!(
        md.contains(&format!("- Infini ({INFINI}) : Contacté → Rencontré")),
        "{md}"
    );
    let html = env
        .cmd()
        .args(["compare", &old, &new, "--format", "html"])
        .output()
        .unwrap();
    let html = stdout_of(&html);
    assert!(
        html.contains("<table") && html.contains("Tiers-lieu de Morlaix"),
        "{html}"
    );
    // Nothing changed between a file and itself.
    let same = env
        .cmd()
        .args(["--lang", "en", "compare", &new, &new])
        .output()
        .unwrap();
    assert!(stdout_of(&same).contains("Nothing changed."));
}

#[test]
fn compare_says_which_file_it_cannot_read() {
    let env = Env::with_census();
    let new = env.copy_fixture(NEW);
    let out = env
        .cmd()
        .args(["compare", "absent.ron", &new])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains("absent.ron"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn report_since_adds_the_evolution_from_the_stamps() {
    let env = Env::with_census();
    let new = env.copy_fixture(NEW);
    let out = env
        .cmd()
        .args(["--file", &new, "report", "--audience", "elus"])
        .args(["--since", "2026-01-01"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let md = stdout_of(&out);
    assert!(md.contains("## Évolution depuis le 2026-01-01"), "{md}");
    let section = &md[md.find("## Évolution").unwrap()..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |n| n + 3)];
    assert!(
        section.contains(&format!("Tiers-lieu de Morlaix ({TIERS_LIEU})")),
        "{section}"
    );
    assert!(
        section.contains(&format!("Infini ({INFINI}) : Contacté → Rencontré")),
        "{section}"
    );
    assert!(
        section.contains(&format!("Collectif Libre ({COLLECTIF}) : supprimée")),
        "{section}"
    );
    assert!(
        section.contains(&format!("Ancien EPN ({EPN}) : disparue")),
        "{section}"
    );
    assert!(section.contains("Morlaix"), "{section}");
    // Without --since, no such section.
    let plain = env
        .cmd()
        .args(["--file", &new, "report", "--audience", "elus"])
        .output()
        .unwrap();
    assert!(!stdout_of(&plain).contains("Évolution depuis"));
}

#[test]
fn report_since_refuses_what_is_not_a_date() {
    let env = Env::with_census();
    let out = env
        .census_cmd()
        .args(["report", "--audience", "elus", "--since", "l'an dernier"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out)
            .contains("--since l'an dernier : ce n'est pas une date ; écrivez AAAA-MM-JJ"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn an_edition_is_recorded_with_its_participants_and_the_others_are_to_invite() {
    let env = Env::with_census();
    let forum = env.add(&["nom=Forum des usages", "type=evenement", "commune=Brest"]);
    let infini = env.add_infini();
    let capucins = env.add_capucins();
    env.census_cmd()
        .args(["edition", "add", &forum, "--date", "2026-03-14"])
        .args(["--place", "La Casemate", "--participants", "120"])
        .args(["--note", "deuxième édition", "--with", &infini])
        .assert()
        .success()
        .stderr(predicates::str::contains("Édition enregistrée"));
    let events = history_json(&env, &forum);
    let e = events.iter().find(|e| e["event"] == "edition").unwrap();
    assert_eq!(e["date"], "2026-03-14");
    assert_eq!(e["place"], "La Casemate");
    assert_eq!(e["participants"], 120);
    assert_eq!(e["with"], serde_json::json!([infini]));
    // The participant has the relation to the event.
    let show = env
        .census_cmd()
        .args(["show", &infini, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        stdout_of(&show).contains(&format!("participe_a:{forum}")),
        "{}",
        stdout_of(&show)
    );
    // The report names the Capucins, who took part in nothing, to invite.
    let report = env
        .census_cmd()
        .args(["report", "--audience", "elus"])
        .output()
        .unwrap();
    let md = stdout_of(&report);
    let line = md
        .lines()
        .find(|l| l.contains("À inviter"))
        .unwrap_or_else(|| panic!("{md}"));
    assert!(line.contains("en 2026 (1)"), "{line}");
    assert!(
        line.contains("Médiathèque des Capucins") && !line.contains("Infini"),
        "{line}"
    );
    let _ = capucins;
}

#[test]
fn an_edition_is_refused_on_what_is_not_an_event() {
    let env = Env::new();
    let census = env.copy_fixture(NEW);
    let before = env.snapshot();
    let out = env
        .cmd()
        .args(["--file", &census, "--as", "Marie", "edition", "add", FABLAB])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains(&format!("{FABLAB} n'est ni un événement ni une formation")),
        "{}",
        stderr_of(&out)
    );
    assert_unchanged(&before, &env.snapshot());
    let out = env
        .cmd()
        .args(["--file", &census, "--as", "Marie", "edition", "add", FABLAB])
        .args(["--date", "14 mars"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("--date 14 mars : ce n'est pas une date"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn verifications_and_editions_travel_in_a_bundle() {
    let env = Env::with_census();
    let forum = env.add(&["nom=Forum des usages", "type=evenement", "commune=Brest"]);
    let infini = env.add_infini();
    std::fs::copy(env.path(CENSUS), env.path("yann.ron")).unwrap();
    let later = "2026-12-02T10:00:00Z";
    env.cmd_at(later)
        .args(["--file", CENSUS, "verify", &infini, "--note", "toujours là"])
        .assert()
        .success();
    env.cmd_at(later)
        .args([
            "--file",
            CENSUS,
            "edition",
            "add",
            &forum,
            "--participants",
            "40",
        ])
        .args(["--with", &infini])
        .assert()
        .success();
    env.cmd_at(later)
        .args([
            "--file",
            CENSUS,
            "bundle",
            "--since",
            "2026-12-01",
            "-o",
            "paquet.ron",
        ])
        .assert()
        .success();
    env.cmd_at("2026-12-03T10:00:00Z")
        .args(["--file", "yann.ron", "--as", "Yann", "merge", "paquet.ron"])
        .assert()
        .success();
    let history = |id: &str| {
        let out = env
            .cmd()
            .args(["--file", "yann.ron", "history", id, "--format", "json"])
            .output()
            .unwrap();
        json_of(&out).as_array().cloned().unwrap()
    };
    let v = history(&infini);
    assert!(
        v.iter()
            .any(|e| e["event"] == "verification" && e["note"] == "toujours là"),
        "{v:?}"
    );
    let e = history(&forum);
    assert!(
        e.iter()
            .any(|e| e["event"] == "edition" && e["participants"] == 40),
        "{e:?}"
    );
}
