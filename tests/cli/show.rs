//! `recense show`: text, JSON and RON; ids and unique prefixes of ids.

use crate::common;

use common::{AGENT, Env, NOW, TODAY};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value as Json;

fn with_infini() -> (Env, String) {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "roles=contributeur",
        "telephone=02 98 00 12 34",
    ]);
    (env, id)
}

#[test]
fn text_shows_the_name_the_steps_the_labels_and_who_changed_what() {
    let (env, id) = with_infini();
    env.census_cmd()
        .args(["show", &id])
        .assert()
        .success()
        .stdout(
            contains(format!("Infini  ({id})"))
                .and(contains("== Identifier =="))
                .and(contains("== Qualifier =="))
                .and(contains("Membre des CHATONS"))
                .and(contains("Téléphone générique"))
                .and(contains("02 98 00 12 34"))
                .and(contains("Contributeur aux communs"))
                .and(contains(format!("[{AGENT}, {TODAY}]"))),
        );
}

#[test]
fn text_leaves_out_the_steps_without_values() {
    let (env, id) = with_infini();
    env.census_cmd()
        .args(["show", &id])
        .assert()
        .success()
        .stdout(contains("== Soutenir ==").not());
}

#[test]
fn text_is_in_english_with_lang_en() {
    let (env, id) = with_infini();
    env.census_cmd()
        .args(["--lang", "en", "show", &id])
        .assert()
        .success()
        .stdout(
            contains("== Identify ==")
                .and(contains("Generic phone"))
                .and(contains("Contributor to the commons")),
        );
}

#[test]
fn json_has_the_fields_and_who_changed_them() {
    let (env, id) = with_infini();
    let out = env
        .census_cmd()
        .args(["show", &id, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Json = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(json["id"], id.as_str());
    assert_eq!(json["deleted"], false);
    assert_eq!(json["fields"]["nom"], "Infini");
    assert_eq!(json["fields"]["roles"], serde_json::json!(["contributeur"]));
    let changed = &json["changed"]["telephone"];
    assert_eq!(changed["by"], AGENT);
    assert_eq!(changed["at"], NOW);
    assert_eq!(changed["hand_edited"], false);
}

#[test]
fn ron_is_the_initiative_as_it_stands_in_the_file() {
    let (env, id) = with_infini();
    let out = env
        .census_cmd()
        .args(["show", &id, "--format", "ron"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let ron = String::from_utf8(out).expect("UTF-8");
    assert!(ron.contains(&format!("id: \"{id}\"")), "{ron}");
    assert!(
        env.read_text(common::CENSUS).contains(&ron),
        "not a copy of the file's text:\n{ron}"
    );
}

#[test]
fn a_unique_prefix_in_any_case_finds_the_initiative() {
    let (env, id) = with_infini();
    env.add_capucins();
    // Ids made in the same millisecond share their first ten characters.
    let prefix = id[..16].to_lowercase();
    env.census_cmd()
        .args(["show", &prefix])
        .assert()
        .success()
        .stdout(contains(format!("Infini  ({id})")));
}

#[test]
fn an_unknown_id_is_an_error_that_points_to_list() {
    let (env, _) = with_infini();
    env.census_cmd()
        .args(["show", "ZZZZ"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "aucune initiative n'a d'identifiant qui commence ou finit par « ZZZZ » (voir « recense list », colonne ID).",
        ));
}

#[test]
fn an_ambiguous_prefix_names_the_candidates() {
    let (env, infini) = with_infini();
    let capucins = env.add_capucins();
    let prefix = common::common_prefix(&infini, &capucins);
    env.census_cmd()
        .args(["show", &prefix])
        .assert()
        .code(1)
        .stderr(
            contains("désigne plusieurs initiatives")
                .and(contains(infini.as_str()))
                .and(contains(capucins.as_str())),
        );
}

#[test]
fn show_finds_a_deleted_initiative_and_says_it_is_deleted() {
    let (env, id) = with_infini();
    env.census_cmd().args(["delete", &id]).assert().success();
    env.census_cmd()
        .args(["show", &id[..16]])
        .assert()
        .success()
        .stdout(contains("** supprimée **").and(contains("Infini")));
    let out = env
        .census_cmd()
        .args(["show", &id, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Json = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(json["deleted"], true);
}

#[test]
fn show_lists_the_relations_other_initiatives_have_towards_it() {
    let env = Env::with_census();
    let wiki = env.add(&["nom=Wiki-Brest", "type=ressource_commune", "commune=Brest"]);
    let infini = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        &format!("relations=heberge:{wiki}"),
    ]);
    env.census_cmd()
        .args(["show", &wiki])
        .assert()
        .success()
        .stdout(
            contains("== Relations vers elle ==")
                .and(contains(format!("hébergé par Infini ({infini})"))),
        );
    env.census_cmd()
        .args(["--lang", "en", "show", &wiki])
        .assert()
        .success()
        .stdout(contains(format!("hosted by Infini ({infini})")));
    // The relation reads forwards on the side that records it.
    env.census_cmd()
        .args(["show", &infini])
        .assert()
        .success()
        .stdout(
            contains(format!("héberge Wiki-Brest ({wiki})"))
                .and(contains("Relations vers elle").not()),
        );
}
