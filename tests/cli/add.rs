//! `recense add`: values are checked and normalised before anything is
//! written; a refused add leaves every file as it was.

use crate::common;

use assert_cmd::assert::Assert;
use common::{CENSUS, Env, assert_unchanged};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value as Json;

/// The required fields of the default form, valid.
const BASE: [&str; 3] = ["nom=Infini", "type=chatons", "commune=Brest"];

fn add(env: &Env, sets: &[&str]) -> Assert {
    let mut cmd = env.census_cmd();
    cmd.arg("add");
    for s in sets {
        cmd.args(["--set", s]);
    }
    cmd.assert()
}

/// The base fields plus `extra`.
fn with_base<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    BASE.iter().copied().chain(extra.iter().copied()).collect()
}

/// Asserts that adding `sets` fails with `phrase` and writes nothing.
#[track_caller]
fn assert_refused(sets: &[&str], phrase: &str) {
    let env = Env::with_census();
    let before = env.snapshot();
    add(&env, sets).code(1).stderr(contains(phrase));
    assert_unchanged(&before, &env.snapshot());
}

/// Adds the base fields plus `set`; returns what is stored in `field`.
fn stored(set: &str, field: &str) -> Json {
    let env = Env::with_census();
    let id = env.add(&with_base(&[set]));
    let out = env
        .census_cmd()
        .args(["show", &id, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: Json = serde_json::from_slice(&out).expect("show --format json is JSON");
    json["fields"][field].clone()
}

#[test]
fn add_prints_the_new_id_and_nothing_else() {
    let env = Env::with_census();
    let assert = add(&env, &BASE).success().stderr("");
    let id = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let id = id.strip_suffix('\n').expect("one line");
    assert_eq!(id.len(), 26, "{id:?}");
    assert!(id.chars().all(|c| c.is_ascii_alphanumeric()), "{id:?}");
    env.census_cmd()
        .args(["show", id])
        .assert()
        .success()
        .stdout(contains("Infini"));
}

#[test]
fn add_keeps_the_previous_file_as_a_backup() {
    let env = Env::with_census();
    let before = env.read(CENSUS);
    env.add_infini();
    assert_eq!(env.read("census.ron.bak"), before);
    assert_ne!(env.read(CENSUS), before);
    assert_eq!(env.file_names(), ["census.ron", "census.ron.bak"]);
}

#[test]
fn add_stamps_each_value_with_the_agent_and_the_fixed_clock() {
    let env = Env::with_census();
    env.add_infini();
    let text = env.read_text(CENSUS);
    assert!(text.contains("\"Marie\""), "{text}");
    assert!(
        text.contains("\"nom\": [(\"Infini\", \"") && text.contains(":1 2026-11-29T10:00:00Z "),
        "{text}"
    );
}

// ---------------------------------------------------------------- several values

#[test]
fn a_comma_gives_several_values_to_a_multi_valued_field() {
    assert_eq!(
        stored("roles=contributeur,academique", "roles"),
        serde_json::json!(["academique", "contributeur"])
    );
}

#[test]
fn a_repeated_set_adds_values_to_a_multi_valued_field() {
    let env = Env::with_census();
    let id = env.add(&with_base(&[
        "roles=contributeur,academique",
        "roles=fonction_publique",
    ]));
    env.census_cmd()
        .args(["show", &id])
        .assert()
        .success()
        .stdout(
            contains("Contributeur aux communs")
                .and(contains("Académique (recherche)"))
                .and(contains("Fonction publique territoriale")),
        );
}

#[test]
fn a_single_valued_field_given_twice_is_refused() {
    assert_refused(
        &with_base(&["nom=Infini Brest"]),
        "le champ « nom » n'a qu'une valeur ; ne le donnez qu'une fois.",
    );
}

// ---------------------------------------------------------------- normalisation

#[test]
fn a_phone_number_is_stored_in_international_form() {
    assert_eq!(
        stored("telephone=02 98 00 12 34", "telephone"),
        "+33298001234"
    );
    assert_eq!(
        stored("telephone=+33 (0)2.98.00.12.34", "telephone"),
        "+33298001234"
    );
}

#[test]
fn a_french_date_is_stored_as_an_iso_date() {
    assert_eq!(
        stored("date_creation=29/11/2020", "date_creation"),
        "2020-11-29"
    );
}

#[test]
fn a_siret_with_spaces_is_stored_as_fourteen_digits() {
    assert_eq!(stored("siret=732 829 320 00074", "siret"), "73282932000074");
}

#[test]
fn corsican_insee_codes_are_accepted_in_capitals() {
    assert_eq!(stored("code_insee=2a004", "code_insee"), "2A004");
    assert_eq!(stored("code_insee=2B033", "code_insee"), "2B033");
}

#[test]
fn an_rna_number_is_stored_in_capitals() {
    assert_eq!(stored("rna=w291000123", "rna"), "W291000123");
}

#[test]
fn a_web_address_without_scheme_gets_https() {
    assert_eq!(
        stored("site_web=www.infini.fr", "site_web"),
        "https://www.infini.fr"
    );
}

#[test]
fn coordinates_are_stored_without_spaces() {
    assert_eq!(
        stored("coordonnees=48.3904, -4.4861", "coordonnees"),
        "48.3904,-4.4861"
    );
}

#[test]
fn a_kind_may_be_given_by_its_label_with_accents_or_not() {
    let env = Env::with_census();
    let id = env.add(&["nom=Capucins", "type=Médiathèque", "commune=Brest"]);
    let id2 = env.add(&["nom=Capucins 2", "type=MEDIATHEQUE", "commune=Brest"]);
    env.census_cmd()
        .args(["list", "--format", "csv"])
        .assert()
        .success()
        .stdout(
            contains(format!("{id};Capucins;mediatheque;Brest"))
                .and(contains(format!("{id2};Capucins 2;mediatheque;Brest"))),
        );
}

#[test]
fn multi_line_notes_are_kept_on_one_line_of_the_file() {
    let env = Env::with_census();
    let id = env.add(&with_base(&["notes=ligne 1\nligne 2"]));
    assert!(env.read_text(CENSUS).contains("ligne 1\\nligne 2"));
    env.census_cmd()
        .args(["show", &id])
        .assert()
        .stdout(contains("ligne 1").and(contains("ligne 2")));
}

// ---------------------------------------------------------------- refused values

#[test]
fn a_siret_with_a_wrong_check_digit_is_refused() {
    assert_refused(
        &with_base(&["siret=73282932000075"]),
        "siret=73282932000075: SIRET invalide : la clé de contrôle ne correspond pas",
    );
}

#[test]
fn a_siret_without_fourteen_digits_is_refused() {
    assert_refused(
        &with_base(&["siret=7328293200007"]),
        "SIRET invalide : quatorze chiffres attendus",
    );
    assert_refused(
        &with_base(&["siret=7328293200007A"]),
        "SIRET invalide : quatorze chiffres attendus",
    );
}

#[test]
fn an_rna_number_without_w_and_nine_digits_is_refused() {
    assert_refused(
        &with_base(&["rna=W29100012"]),
        "rna=W29100012: numéro RNA invalide (W suivi de neuf chiffres)",
    );
}

#[test]
fn a_postal_code_without_five_digits_is_refused() {
    assert_refused(
        &with_base(&["code_postal=2920"]),
        "code_postal=2920: code postal invalide (cinq chiffres)",
    );
}

#[test]
fn an_insee_code_with_a_wrong_corsican_letter_is_refused() {
    assert_refused(
        &with_base(&["code_insee=2C033"]),
        "code_insee=2C033: code INSEE invalide (cinq caractères, 2A/2B pour la Corse)",
    );
    assert_refused(&with_base(&["code_insee=20033"]), "code INSEE invalide");
}

#[test]
fn a_phone_number_too_short_is_refused() {
    assert_refused(
        &with_base(&["telephone=02 98"]),
        "telephone=02 98: numéro invalide (attendu : 02 98 00 12 34 ou +33298001234)",
    );
}

#[test]
fn an_email_without_domain_is_refused() {
    assert_refused(
        &with_base(&["courriel=contact@infini"]),
        "courriel=contact@infini: courriel invalide (attendu : nom@domaine.fr)",
    );
}

#[test]
fn a_web_address_with_spaces_is_refused() {
    assert_refused(
        &with_base(&["site_web=pas un site"]),
        "site_web=pas un site: adresse web invalide (attendu : https://exemple.fr)",
    );
}

#[test]
fn an_impossible_date_is_refused() {
    assert_refused(
        &with_base(&["date_creation=31/02/2020"]),
        "date_creation=31/02/2020: date invalide (AAAA, MM/AAAA, AAAA-MM-JJ ou JJ/MM/AAAA)",
    );
}

#[test]
fn a_latitude_out_of_range_is_refused() {
    assert_refused(
        &with_base(&["coordonnees=91,0"]),
        "coordonnees=91,0: latitude hors limites (entre -90 et 90)",
    );
}

#[test]
fn a_longitude_out_of_range_is_refused() {
    assert_refused(
        &with_base(&["coordonnees=45,181"]),
        "longitude hors limites (entre -180 et 180)",
    );
}

#[test]
fn coordinates_that_are_not_numbers_are_refused() {
    assert_refused(
        &with_base(&["coordonnees=Brest"]),
        "coordonnées invalides (attendu : latitude,longitude",
    );
}

#[test]
fn an_unknown_choice_is_refused_with_the_accepted_values() {
    assert_refused(
        &["nom=Piscine", "type=piscine", "commune=Brest"],
        "type=piscine: choix inconnu ; valeurs acceptées : association, chatons,",
    );
}

#[test]
fn an_unknown_choice_is_explained_in_english_with_lang_en() {
    let env = Env::with_census();
    env.census_cmd()
        .args([
            "--lang",
            "en",
            "add",
            "--set",
            "nom=Piscine",
            "--set",
            "type=piscine",
        ])
        .assert()
        .code(1)
        .stderr(contains("unknown choice; accepted values: association"));
}

#[test]
fn an_unknown_field_is_refused_with_the_fields_of_the_form() {
    assert_refused(
        &with_base(&["couleur=bleu"]),
        "champ inconnu « couleur » ; champs du formulaire : nom, type, description, commune",
    );
}

#[test]
fn the_deleted_system_field_cannot_be_set() {
    assert_refused(
        &with_base(&["_deleted=oui"]),
        "« _deleted » est un champ interne de recense et ne se modifie pas ainsi.",
    );
}

#[test]
fn an_assignment_without_equals_is_refused() {
    assert_refused(&["nom"], "« nom » : attendu CHAMP=VALEUR.");
}

#[test]
fn an_empty_value_is_refused() {
    assert_refused(&["nom=   ", "type=chatons", "commune=Brest"], "valeur vide");
    assert_refused(&with_base(&["roles=,"]), "roles: valeur vide");
}

#[test]
fn a_control_character_is_refused() {
    assert_refused(
        &["nom=Infini\u{1b}[2J", "type=chatons", "commune=Brest"],
        "caractère de contrôle interdit",
    );
}

#[test]
fn a_name_longer_than_the_form_allows_is_refused_with_the_form_message() {
    let long = format!("nom={}", "x".repeat(151));
    assert_refused(
        &[&long, "type=chatons", "commune=Brest"],
        "Le nom fait au plus 150 caractères.",
    );
}

#[test]
fn missing_required_fields_are_all_named() {
    assert_refused(
        &["nom=Infini"],
        "champs obligatoires manquants : type, commune (ajoutez --set CHAMP=VALEUR).",
    );
}

#[test]
fn a_field_of_another_kind_is_refused() {
    assert_refused(
        &[
            "nom=Médiathèque des Capucins",
            "type=mediatheque",
            "commune=Brest",
            "chatons_services=Nextcloud",
        ],
        "le champ « chatons_services » ne s'applique pas au type « mediatheque » (seulement : chatons).",
    );
}

#[test]
fn a_field_of_its_own_kind_is_accepted() {
    assert_eq!(
        stored("chatons_services=Nextcloud, Mobilizon", "chatons_services"),
        "Nextcloud, Mobilizon"
    );
}

#[test]
fn a_relation_to_an_unknown_initiative_is_refused() {
    assert_refused(
        &with_base(&["relations=heberge:ZZZZ"]),
        "relations: aucune initiative n'a l'identifiant « ZZZZ »",
    );
}

#[test]
fn a_relation_of_an_unknown_kind_is_refused_with_the_kinds() {
    assert_refused(
        &with_base(&["relations=voisin:01M8"]),
        "type de relation inconnu ; types acceptés : partenaire, heberge, forme",
    );
}

#[test]
fn a_relation_may_name_its_target_by_a_prefix() {
    let env = Env::with_census();
    let capucins = env.add_capucins();
    let prefix = capucins[..16].to_lowercase();
    let id = env.add(&with_base(&[&format!("relations=heberge:{prefix}")]));
    assert!(
        env.read_text(CENSUS)
            .contains(&format!("(\"heberge:{capucins}\", ")),
        "the relation is stored with the whole id"
    );
    env.census_cmd()
        .args(["show", &id])
        .assert()
        .stdout(contains(format!(
            "héberge Médiathèque des Capucins ({capucins})"
        )));
}
