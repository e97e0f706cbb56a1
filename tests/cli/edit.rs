//! `recense edit`, `delete` and `restore`: checked before anything is
//! written; a change that changes nothing writes nothing; deletion keeps a
//! tombstone that `restore` lifts.

use crate::common;

use assert_cmd::assert::Assert;
use common::{CENSUS, Env, assert_unchanged};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value as Json;

fn edit(env: &Env, id: &str, args: &[&str]) -> Assert {
    env.census_cmd().args(["edit", id]).args(args).assert()
}

/// The JSON of `show ID --format json`.
fn shown(env: &Env, id: &str) -> Json {
    let out = env
        .census_cmd()
        .args(["show", id, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("JSON")
}

/// Asserts that `edit ID ARGS` fails with `phrase` and writes nothing.
#[track_caller]
fn assert_edit_refused(env: &Env, id: &str, args: &[&str], phrase: &str) {
    let before = env.snapshot();
    edit(env, id, args).code(1).stderr(contains(phrase));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn set_changes_a_value_and_says_so() {
    let env = Env::with_census();
    let id = env.add_infini();
    edit(&env, &id, &["--set", "commune=Plouzané"])
        .success()
        .stderr(contains(format!("Modifiée : {id}")));
    assert_eq!(shown(&env, &id)["commune"], "Plouzané");
}

#[test]
fn an_edit_keeps_the_previous_file_as_a_backup() {
    let env = Env::with_census();
    let id = env.add_infini();
    let before = env.read(CENSUS);
    edit(&env, &id, &["--set", "commune=Plouzané"]).success();
    assert_eq!(env.read("census.ron.bak"), before);
    assert_eq!(env.file_names(), ["census.ron", "census.ron.bak"]);
}

#[test]
fn set_checks_values_like_add() {
    let env = Env::with_census();
    let id = env.add_infini();
    assert_edit_refused(
        &env,
        &id,
        &["--set", "siret=73282932000075"],
        "la clé de contrôle ne correspond pas",
    );
}

#[test]
fn set_replaces_the_values_of_a_multi_valued_field() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "roles=contributeur",
    ]);
    edit(&env, &id, &["--set", "roles=academique,fonction_publique"]).success();
    assert_eq!(
        shown(&env, &id)["fields"]["roles"],
        serde_json::json!(["academique", "fonction_publique"])
    );
}

#[test]
fn unset_empties_an_optional_field() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "code_postal=29200",
    ]);
    edit(&env, &id, &["--unset", "code_postal"]).success();
    let json = shown(&env, &id);
    assert!(json["fields"].get("code_postal").is_none(), "{json}");
    assert!(!env.read_text(CENSUS).contains("code_postal"));
}

#[test]
fn an_edit_that_changes_nothing_writes_nothing() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "roles=contributeur,academique",
    ]);
    let before = env.snapshot();
    edit(
        &env,
        &id,
        &[
            "--set",
            "nom=Infini",
            "--set",
            "roles=academique,contributeur",
            "--unset",
            "notes",
        ],
    )
    .success()
    .stderr(contains(format!("Déjà à jour, rien d'écrit : {id}")));
    // Not even the backup is replaced.
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn unsetting_a_required_field_is_refused() {
    let env = Env::with_census();
    let id = env.add_infini();
    assert_edit_refused(
        &env,
        &id,
        &["--unset", "commune"],
        "champs obligatoires manquants : commune",
    );
}

#[test]
fn unsetting_an_unknown_field_is_refused() {
    let env = Env::with_census();
    let id = env.add_infini();
    assert_edit_refused(
        &env,
        &id,
        &["--unset", "couleur"],
        "champ inconnu « couleur »",
    );
}

#[test]
fn unsetting_the_deleted_system_field_is_refused() {
    let env = Env::with_census();
    let id = env.add_infini();
    assert_edit_refused(
        &env,
        &id,
        &["--unset", "_deleted"],
        "« _deleted » est un champ interne de recense",
    );
}

#[test]
fn an_edit_without_any_change_is_refused() {
    let env = Env::with_census();
    let id = env.add_infini();
    assert_edit_refused(
        &env,
        &id,
        &[],
        "rien à modifier : donnez --set, --add, --remove CHAMP=VALEUR ou --unset CHAMP.",
    );
}

#[test]
fn a_new_kind_that_leaves_a_field_of_the_old_kind_is_refused() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "chatons_services=Nextcloud",
    ]);
    assert_edit_refused(
        &env,
        &id,
        &["--set", "type=association"],
        "le champ « chatons_services » ne s'applique pas au type « association »",
    );
}

#[test]
fn edit_finds_the_initiative_by_a_unique_prefix() {
    let env = Env::with_census();
    let id = env.add_infini();
    env.add_capucins();
    edit(&env, &id[..16].to_lowercase(), &["--set", "notes=vu"]).success();
    assert_eq!(shown(&env, &id)["fields"]["notes"], "vu");
}

#[test]
fn edit_with_an_ambiguous_prefix_names_the_candidates() {
    let env = Env::with_census();
    let infini = env.add_infini();
    let capucins = env.add_capucins();
    let prefix = common::common_prefix(&infini, &capucins);
    assert_edit_refused(
        &env,
        &prefix,
        &["--set", "notes=vu"],
        "désigne plusieurs initiatives",
    );
    edit(&env, &prefix, &["--set", "notes=vu"])
        .code(1)
        .stderr(contains(infini.as_str()).and(contains(capucins.as_str())))
        .stderr(contains("tapez quelques caractères de plus"));
}

#[test]
fn edit_of_an_unknown_id_is_refused() {
    let env = Env::with_census();
    env.add_infini();
    assert_edit_refused(
        &env,
        "ZZZZ",
        &["--set", "notes=vu"],
        "aucune initiative n'a d'identifiant qui commence ou finit par « ZZZZ »",
    );
}

#[test]
fn a_relation_may_name_its_target_by_a_prefix() {
    let env = Env::with_census();
    let infini = env.add_infini();
    let capucins = env.add_capucins();
    let target = capucins[..16].to_lowercase();
    edit(
        &env,
        &infini,
        &["--set", &format!("relations=heberge:{target}")],
    )
    .success();
    assert_eq!(
        shown(&env, &infini)["fields"]["relations"],
        serde_json::json!([format!("heberge:{capucins}")])
    );
    env.census_cmd()
        .args(["show", &infini])
        .assert()
        .stdout(contains(format!(
            "héberge Médiathèque des Capucins ({capucins})"
        )));
}

#[test]
fn a_relation_to_itself_is_refused() {
    let env = Env::with_census();
    let id = env.add_infini();
    assert_edit_refused(
        &env,
        &id,
        &["--set", &format!("relations=heberge:{}", &id[..16])],
        "relations : une initiative ne peut pas être reliée à elle-même.",
    );
}

// ---------------------------------------------------------------- delete, restore

#[test]
fn delete_keeps_a_tombstone_in_the_file() {
    let env = Env::with_census();
    let id = env.add_infini();
    env.census_cmd()
        .args(["delete", &id])
        .assert()
        .success()
        .stderr(
            contains(format!("Supprimée : {id}")).and(contains("« recense restore » la ramène")),
        );
    let text = env.read_text(CENSUS);
    assert!(text.contains("\"_deleted\""), "no tombstone:\n{text}");
    assert!(text.contains("\"Infini\""), "the values are kept:\n{text}");
}

#[test]
fn a_deleted_initiative_is_hidden_from_list_and_shown_with_deleted() {
    let env = Env::with_census();
    let id = env.add_infini();
    env.census_cmd().args(["delete", &id]).assert().success();
    env.census_cmd()
        .arg("list")
        .assert()
        .success()
        .stdout(contains("Infini").not())
        .stderr(contains("0 initiative"));
    env.census_cmd()
        .args(["list", "--deleted"])
        .assert()
        .success()
        .stdout(contains("Infini"));
}

#[test]
fn restore_brings_a_deleted_initiative_back_as_it_was() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "roles=contributeur",
    ]);
    let before = shown(&env, &id);
    env.census_cmd().args(["delete", &id]).assert().success();
    env.census_cmd()
        .args(["restore", &id[..16]])
        .assert()
        .success()
        .stderr(contains(format!("Restaurée : {id}")));
    env.census_cmd()
        .arg("list")
        .assert()
        .success()
        .stdout(contains("Infini"));
    assert!(!env.read_text(CENSUS).contains("_deleted"));
    assert_eq!(shown(&env, &id)["fields"], before["fields"]);
}

#[test]
fn deleting_twice_is_refused() {
    let env = Env::with_census();
    let id = env.add_infini();
    env.census_cmd().args(["delete", &id]).assert().success();
    let before = env.snapshot();
    env.census_cmd()
        .args(["delete", &id])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "l'initiative {id} est supprimée (« recense restore {id} » la ramène)."
        )));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn restoring_an_initiative_that_is_not_deleted_is_refused() {
    let env = Env::with_census();
    let id = env.add_infini();
    let before = env.snapshot();
    env.census_cmd()
        .args(["restore", &id])
        .assert()
        .code(1)
        .stderr(contains(format!("l'initiative {id} n'est pas supprimée.")));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn editing_a_deleted_initiative_is_refused() {
    let env = Env::with_census();
    let id = env.add_infini();
    env.census_cmd().args(["delete", &id]).assert().success();
    assert_edit_refused(
        &env,
        &id,
        &["--set", "notes=vu"],
        &format!("l'initiative {id} est supprimée (« recense restore {id} » la ramène)."),
    );
}

#[test]
fn delete_of_an_unknown_id_is_refused() {
    let env = Env::with_census();
    env.add_infini();
    let before = env.snapshot();
    env.census_cmd()
        .args(["delete", "ZZZZ"])
        .assert()
        .code(1)
        .stderr(contains(
            "aucune initiative n'a d'identifiant qui commence ou finit par « ZZZZ »",
        ));
    assert_unchanged(&before, &env.snapshot());
}

// ---------------------------------------------------------------- add / remove elements

#[test]
fn add_and_remove_change_one_element_and_keep_the_others() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "roles=contributeur,academique",
    ]);
    edit(&env, &id, &["--add", "roles=fonction_publique"]).success();
    assert_eq!(
        shown(&env, &id)["fields"]["roles"],
        serde_json::json!(["academique", "contributeur", "fonction_publique"])
    );
    edit(&env, &id, &["--remove", "roles=Académique (recherche)"]).success();
    assert_eq!(
        shown(&env, &id)["fields"]["roles"],
        serde_json::json!(["contributeur", "fonction_publique"])
    );
}

#[test]
fn adding_an_element_already_there_writes_nothing() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "roles=contributeur",
    ]);
    let before = env.snapshot();
    edit(&env, &id, &["--add", "roles=contributeur"])
        .success()
        .stderr(contains("Déjà à jour, rien d'écrit"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn add_is_refused_on_a_single_valued_field() {
    let env = Env::with_census();
    let id = env.add_infini();
    let before = env.snapshot();
    edit(&env, &id, &["--add", "commune=Guipavas"])
        .code(1)
        .stderr(contains("le champ « commune » n'a qu'une valeur"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn a_relation_can_be_added_without_restating_the_others() {
    let env = Env::with_census();
    let wiki = env.add(&["nom=Wiki-Brest", "type=ressource_commune", "commune=Brest"]);
    let fablab = env.add_fablab();
    let infini = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        &format!("relations=heberge:{wiki}"),
    ]);
    edit(
        &env,
        &infini,
        &["--add", &format!("relations=partenaire:{}", &fablab[..20])],
    )
    .success();
    assert_eq!(
        shown(&env, &infini)["fields"]["relations"],
        serde_json::json!([format!("heberge:{wiki}"), format!("partenaire:{fablab}")])
    );
}

#[test]
fn a_choice_label_holding_a_comma_is_one_element() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "communs_produits=Savoirs, formations,Données ouvertes",
        "roles=Fonction publique territoriale (agents, élus)",
    ]);
    let fields = &shown(&env, &id)["fields"];
    assert_eq!(
        fields["communs_produits"],
        serde_json::json!(["donnees_ouvertes", "savoirs_formations"])
    );
    assert_eq!(fields["roles"], serde_json::json!(["fonction_publique"]));
}

#[test]
fn a_prefix_of_a_deleted_initiative_says_it_is_deleted() {
    let env = Env::with_census();
    let id = env.add_infini();
    env.census_cmd().args(["delete", &id]).assert().success();
    edit(&env, &id[..22], &["--set", "notes=vu"])
        .code(1)
        .stderr(contains(format!("l'initiative {id} est supprimée")));
    env.census_cmd()
        .args(["restore", &id[..22]])
        .assert()
        .success();
    env.census_cmd()
        .args(["restore", &id[..22]])
        .assert()
        .code(1)
        .stderr(contains(format!("l'initiative {id} n'est pas supprimée.")));
}
