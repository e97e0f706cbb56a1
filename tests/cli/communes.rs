//! Communes settled against the official referential: `add`/`edit --set
//! commune=…` (official spelling, codes filled, homonyms refused with the
//! candidates, unknown places warned of, former communes recorded as the
//! current one), `validate`'s findings and `fix-communes` on a messy census.

use crate::common;

use common::{Env, assert_unchanged};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value as Json;

fn shown(env: &Env, file: &str, id: &str) -> Json {
    let out = env
        .cmd()
        .args(["--file", file, "show", id, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("JSON")
}

fn field(json: &Json, name: &str) -> Option<String> {
    let v = &json["fields"][name];
    v.as_str().map(str::to_string).or_else(|| {
        v.as_array()
            .and_then(|a| a.first())
            .and_then(|x| x.as_str())
            .map(str::to_string)
    })
}

#[test]
fn add_stores_the_official_spelling_and_fills_both_codes() {
    let env = Env::with_census();
    let id = env.add(&["nom=Club", "type=association", "commune=morlaix"]);
    let json = shown(&env, common::CENSUS, &id);
    assert_eq!(
        field(&json, "commune").as_deref(),
        Some("Morlaix"),
        "{json}"
    );
    assert_eq!(field(&json, "code_insee").as_deref(), Some("29151"));
    assert_eq!(field(&json, "code_postal").as_deref(), Some("29600"));
}

#[test]
fn a_code_given_with_the_name_is_kept_and_chooses_between_homonyms() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Club",
        "type=association",
        "commune=saint martin des champs",
        "code_insee=29254",
    ]);
    let json = shown(&env, common::CENSUS, &id);
    assert_eq!(
        field(&json, "commune").as_deref(),
        Some("Saint-Martin-des-Champs")
    );
    assert_eq!(field(&json, "code_insee").as_deref(), Some("29254"));
    assert_eq!(field(&json, "code_postal").as_deref(), Some("29600"));
    let id = env.add(&[
        "nom=Autre",
        "type=association",
        "commune=Saint-Martin-des-Champs (77)",
    ]);
    let json = shown(&env, common::CENSUS, &id);
    assert_eq!(field(&json, "code_insee").as_deref(), Some("77423"));
}

#[test]
fn a_homonym_is_refused_with_its_candidates_and_nothing_is_written() {
    let env = Env::with_census();
    let before = env.snapshot();
    env.census_cmd()
        .args(["add", "--set", "nom=Club", "--set", "type=association"])
        .args(["--set", "commune=Saint-Martin-des-Champs"])
        .assert()
        .code(1)
        .stderr(contains(
            "« Saint-Martin-des-Champs » désigne plusieurs communes",
        ))
        .stderr(contains("Saint-Martin-des-Champs (29) · 29600 [29254]"))
        .stderr(contains("Saint-Martin-des-Champs (89) · 89170 [89352]"))
        .stderr(contains(
            "--set commune=\"Saint-Martin-des-Champs (29)\" ou --set code_insee=29254",
        ));
    assert_unchanged(&before, &env.snapshot());
    let env = env.locale("en_GB.UTF-8");
    env.census_cmd()
        .args(["add", "--set", "nom=Club", "--set", "type=association"])
        .args(["--set", "commune=Saint-Martin-des-Champs"])
        .assert()
        .code(1)
        .stderr(contains("`Saint-Martin-des-Champs` names several communes"))
        .stderr(contains(
            "Say which with --set commune=\"Saint-Martin-des-Champs (29)\"",
        ));
}

#[test]
fn an_unknown_place_is_kept_with_a_warning() {
    let env = Env::with_census();
    let out = env
        .census_cmd()
        .args([
            "add",
            "--set",
            "nom=Chatons",
            "--set",
            "type=chatons",
            "--set",
            "commune=Genève",
        ])
        .assert()
        .success()
        .stderr(contains(
            "avertissement : « Genève » n'est pas une commune du Code officiel géographique",
        ))
        .get_output()
        .stdout
        .clone();
    let id = String::from_utf8(out).unwrap().trim().to_string();
    let json = shown(&env, common::CENSUS, &id);
    assert_eq!(field(&json, "commune").as_deref(), Some("Genève"));
    assert_eq!(field(&json, "code_insee"), None);
}

#[test]
fn a_former_commune_is_recorded_as_the_current_one_with_a_hint() {
    let env = Env::with_census();
    let out = env
        .census_cmd()
        .args(["add", "--set", "nom=Fablab", "--set", "type=fablab", "--set", "commune=Plounéour-Trez"])
        .assert()
        .success()
        .stderr(contains(
            "« Plounéour-Trez » est une commune déléguée de Plounéour-Brignogan-plages : enregistrée sous Plounéour-Brignogan-plages (29021).",
        ))
        .get_output()
        .stdout
        .clone();
    let id = String::from_utf8(out).unwrap().trim().to_string();
    let json = shown(&env, common::CENSUS, &id);
    assert_eq!(
        field(&json, "commune").as_deref(),
        Some("Plounéour-Brignogan-plages")
    );
    assert_eq!(field(&json, "code_insee").as_deref(), Some("29021"));
}

#[test]
fn several_postal_codes_are_left_to_set_and_said() {
    let env = Env::with_census();
    env.census_cmd()
        .args([
            "add",
            "--set",
            "nom=Club",
            "--set",
            "type=association",
            "--set",
            "commune=grenoble",
        ])
        .assert()
        .success()
        .stderr(contains(
            "Grenoble a plusieurs codes postaux (38000, 38100)",
        ));
}

#[test]
fn edit_of_the_commune_replaces_the_previous_communes_codes() {
    let env = Env::with_census();
    let id = env.add(&["nom=Club", "type=association", "commune=Brest"]);
    env.census_cmd()
        .args(["edit", &id, "--set", "commune=grenoble"])
        .assert()
        .success();
    let json = shown(&env, common::CENSUS, &id);
    assert_eq!(field(&json, "commune").as_deref(), Some("Grenoble"));
    assert_eq!(field(&json, "code_insee").as_deref(), Some("38185"));
    assert_eq!(
        field(&json, "code_postal"),
        None,
        "Brest's 29200 emptied: {json}"
    );
    env.census_cmd()
        .args(["edit", &id, "--set", "commune=Saint-Martin-des-Champs"])
        .assert()
        .code(1)
        .stderr(contains("désigne plusieurs communes"));
}

#[test]
fn validate_reports_a_code_of_another_commune_and_a_former_commune() {
    let env = Env::new();
    let name = env.copy_fixture("communes/messy.ron");
    env.cmd()
        .args(["validate", &name])
        .assert()
        .success()
        .stderr(contains(format!("{name}:45:17: avertissement: ")))
        .stderr(contains("« Plounéour-Trez » est une ancienne commune, aujourd'hui Plounéour-Brignogan-plages (29021)"));
    let id = "01M6DV7580F7NRV7FY2TSCZFPE"; // « morlaix », no code
    env.cmd()
        .args([
            "--file",
            &name,
            "--as",
            "Marie",
            "edit",
            id,
            "--set",
            "code_insee=29019",
        ])
        .assert()
        .success();
    env.cmd()
        .args(["validate", &name])
        .assert()
        .success()
        .stderr(predicate::str::is_match(format!(
            r"{name}:\d+:\d+: avertissement: {id} : le code INSEE 29019 est celui de Brest, pas de « morlaix »"
        )).unwrap());
}

#[test]
fn fix_communes_normalises_a_messy_census_and_lists_what_it_left() {
    let env = Env::new();
    let name = env.copy_fixture("communes/messy.ron");
    let before = env.snapshot();
    let dry = env
        .cmd()
        .args([
            "--file",
            &name,
            "--as",
            "Marie",
            "fix-communes",
            "--dry-run",
        ])
        .assert()
        .success()
        .stdout(contains(
            "5 initiatives seraient corrigées ; rien n'a été écrit",
        ))
        .get_output()
        .stdout
        .clone();
    assert_unchanged(&before, &env.snapshot());
    let dry = String::from_utf8(dry).unwrap();
    for line in [
        "Club informatique du Viaduc : commune → Morlaix, code_insee → 29151, code_postal → 29600",
        "Repair café des Monts : commune → Plounéour-Ménez, code_insee → 29202, code_postal → 29410",
        "Tiers-lieu du port : commune → Brest, code_postal → 29200",
        "Linux Trégor : code_insee → 29254",
        "Fablab de la Côte des Légendes : commune → Plounéour-Brignogan-plages, code_insee → 29021",
        "Non décidées (2)",
        "Wiki des Champs : « Saint-Martin-des-Champs » désigne plusieurs communes",
        "Chatons du Léman : « Genève » n'est pas une commune",
    ] {
        assert!(dry.contains(line), "{line}\n{dry}");
    }
    env.cmd()
        .args(["--file", &name, "--as", "Marie", "fix-communes"])
        .assert()
        .success()
        .stdout(contains("5 initiatives corrigées"));
    let text = env.read_text(&name);
    assert!(text.contains("\"Plounéour-Ménez\""), "{text}");
    assert!(!text.contains("\"morlaix\""));
    // Ordinary edits, signed and valid: validate finds no former commune.
    env.cmd()
        .args(["validate", &name])
        .assert()
        .success()
        .stderr(contains("ancienne commune").not());
    // Run again: nothing left to correct.
    env.cmd()
        .args(["--file", &name, "--as", "Marie", "fix-communes"])
        .assert()
        .success()
        .stdout(contains("Toutes les communes connues sont déjà écrites"));
}

#[test]
fn an_import_settles_communes_on_the_way_in_and_says_what_it_left() {
    let env = Env::with_census();
    let file = env.copy_fixture("import/communes-messy.csv");
    env.census_cmd()
        .args(["import", "csv", &file])
        .assert()
        .success()
        .stdout(contains(
            "Communes : 4 écrites comme dans le Code officiel géographique ou complétées de leurs codes, 2 laissées telles quelles.",
        ))
        .stderr(contains(format!(
            "{file}:5: Wiki des Champs : « Saint-Martin-des-Champs » désigne plusieurs communes"
        )))
        .stderr(contains(format!(
            "{file}:6: Chatons du Léman : « Genève » n'est pas une commune"
        )));
    let text = env.read_text(common::CENSUS);
    for value in [
        "\"Morlaix\"",
        "\"29151\"",
        "\"Plounéour-Ménez\"",
        "\"29254\"",
        "\"Plounéour-Brignogan-plages\"",
    ] {
        assert!(text.contains(value), "{value}\n{text}");
    }
    assert!(!text.contains("MORLAIX"));
}

#[test]
fn the_national_exports_fill_the_codes_a_settled_commune_gives() {
    let env = Env::new();
    let name = env.copy_fixture("communes/messy.ron");
    env.cmd()
        .args([
            "--file",
            &name,
            "export",
            "--format",
            "data-inclusion",
            "-o",
            "di.json",
        ])
        .assert()
        .success();
    let json: Json = serde_json::from_slice(&env.read("di.json")).expect("JSON");
    let rows = json.as_array().expect("an array of structures");
    let row = |nom: &str| {
        rows.iter()
            .find(|r| r["nom"] == nom)
            .unwrap_or_else(|| panic!("{nom}"))
    };
    // « morlaix » without codes in the census: both known from the commune.
    assert_eq!(row("Club informatique du Viaduc")["code_insee"], "29151");
    assert_eq!(row("Club informatique du Viaduc")["code_postal"], "29600");
    // Homonyms settled by the recorded postal code.
    assert_eq!(row("Linux Trégor")["code_insee"], "29254");
    // Homonyms without a code, and a foreign place: nothing invented.
    assert!(
        row("Wiki des Champs")
            .get("code_insee")
            .is_none_or(|v| v.is_null())
    );
    assert!(
        row("Chatons du Léman")
            .get("code_insee")
            .is_none_or(|v| v.is_null())
    );
    // mednum requires a postal code: the one Morlaix has is no longer
    // what the place lacks (it lacks a SIRET, an address, services).
    let out = env
        .cmd()
        .args([
            "--file", &name, "export", "--format", "mednum", "-o", "m.csv",
        ])
        .output()
        .expect("run");
    let stderr = String::from_utf8(out.stderr).unwrap();
    let viaduc = stderr
        .lines()
        .find(|l| l.contains("Club informatique du Viaduc"))
        .unwrap_or_else(|| panic!("left out: {stderr}"));
    assert!(!viaduc.contains("code_postal"), "{viaduc}");
    let geneve = stderr
        .lines()
        .find(|l| l.contains("Chatons du Léman"))
        .expect("left out");
    assert!(geneve.contains("code_postal"), "{geneve}");
}
