//! `recense list`: table, CSV and JSON; fuzzy search without accents or case;
//! filters by kind and commune; deleted initiatives on demand.

use crate::common;

use common::{Env, list_json};
use predicates::prelude::*;
use predicates::str::contains;

/// A census with the médiathèque des Capucins and Infini in Brest and the
/// fablab in Plouzané.
struct Three {
    env: Env,
    capucins: String,
    infini: String,
    fablab: String,
}

fn three() -> Three {
    let env = Env::with_census();
    let capucins = env.add_capucins();
    let infini = env.add_infini();
    let fablab = env.add_fablab();
    Three {
        env,
        capucins,
        infini,
        fablab,
    }
}

/// The ids listed, in order, by `list ARGS --format csv`.
fn listed(env: &Env, args: &[&str]) -> Vec<String> {
    let out = env
        .census_cmd()
        .arg("list")
        .args(args)
        .args(["--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .expect("UTF-8")
        .lines()
        .skip(1)
        .map(|l| l.split(';').next().unwrap_or_default().to_string())
        .collect()
}

/// Owned copies of ids, to compare with [`listed`].
fn ids(list: &[&String]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn the_table_has_a_header_one_row_per_initiative_and_a_count() {
    let t = three();
    let out = t
        .env
        .census_cmd()
        .arg("list")
        .assert()
        .success()
        .stderr(contains("3 initiatives"))
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    for word in ["ID", "NOM", "TYPE", "COMMUNE"] {
        assert!(lines[0].contains(word), "{out}");
    }
    let capucins = lines
        .iter()
        .find(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|id| t.capucins.ends_with(id))
        })
        .expect("a row for the médiathèque, by the end of its id");
    assert!(capucins.contains("Médiathèque des Capucins"), "{out}");
    assert!(capucins.contains("Brest"), "{out}");
    // The kind is shown by its label, not its id.
    let infini = lines
        .iter()
        .find(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|id| t.infini.ends_with(id))
        })
        .expect("row");
    assert!(infini.contains("Membre des CHATONS"), "{out}");
}

#[test]
fn the_table_is_sorted_by_name() {
    let t = three();
    assert_eq!(
        listed(&t.env, &[]),
        ids(&[&t.fablab, &t.infini, &t.capucins])
    );
}

#[test]
fn the_table_header_is_in_english_with_lang_en() {
    let t = three();
    t.env
        .census_cmd()
        .args(["--lang", "en", "list"])
        .assert()
        .success()
        .stdout(
            contains("NAME")
                .and(contains("KIND"))
                .and(contains("MUNICIPALITY")),
        )
        .stdout(contains("Media library"));
}

#[test]
fn an_empty_census_lists_nothing() {
    let env = Env::with_census();
    env.census_cmd()
        .arg("list")
        .assert()
        .success()
        .stderr(contains("0 initiative"));
    assert!(list_json(&env, &[]).is_empty());
}

#[test]
fn csv_has_a_header_and_kind_ids() {
    let t = three();
    let out = t
        .env
        .census_cmd()
        .args(["list", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).expect("UTF-8");
    let mut lines = out.lines();
    assert_eq!(lines.next(), Some("id;nom;type;commune"));
    assert!(
        out.contains(&format!("{};Infini;chatons;Brest", t.infini)),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{};Fablab des Fourneaux;fablab;Plouzané",
            t.fablab
        )),
        "{out}"
    );
}

#[test]
fn csv_quotes_a_value_with_a_semicolon_or_a_quote() {
    let env = Env::with_census();
    let id = env.add(&["nom=Infini; \"Brest\"", "type=chatons", "commune=Brest"]);
    env.census_cmd()
        .args(["list", "--format", "csv"])
        .assert()
        .success()
        .stdout(contains(format!(
            "{id};\"Infini; \"\"Brest\"\"\";chatons;Brest"
        )));
}

#[test]
fn json_is_an_array_of_initiatives_with_their_fields() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "roles=contributeur,academique",
        "telephone=02 98 00 12 34",
    ]);
    let items = list_json(&env, &[]);
    assert_eq!(items.len(), 1);
    let i = &items[0];
    assert_eq!(i["id"], id.as_str());
    assert_eq!(i["nom"], "Infini");
    assert_eq!(i["type"], "chatons");
    assert_eq!(i["commune"], "Brest");
    assert_eq!(i["deleted"], false);
    assert_eq!(i["conflicts"], serde_json::json!([]));
    assert_eq!(i["fields"]["telephone"], "+33298001234");
    assert_eq!(
        i["fields"]["roles"],
        serde_json::json!(["academique", "contributeur"])
    );
}

// ---------------------------------------------------------------- --query

#[test]
fn query_finds_a_word_of_the_name() {
    let t = three();
    assert_eq!(
        listed(&t.env, &["--query", "capucins"]),
        ids(&[&t.capucins])
    );
}

#[test]
fn query_with_accents_finds_a_name_with_accents() {
    let t = three();
    assert_eq!(
        listed(&t.env, &["--query", "médiathèque"]),
        ids(&[&t.capucins])
    );
}

#[test]
fn query_without_accents_finds_a_name_with_accents() {
    let t = three();
    assert_eq!(
        listed(&t.env, &["--query", "mediatheque"]),
        ids(&[&t.capucins])
    );
}

#[test]
fn query_in_capitals_finds_a_name_in_lower_case() {
    let t = three();
    assert_eq!(listed(&t.env, &["-q", "MEDIATHEQUE"]), ids(&[&t.capucins]));
    assert_eq!(listed(&t.env, &["-q", "MÉDIATHÈQUE"]), ids(&[&t.capucins]));
}

#[test]
fn query_with_accents_finds_a_name_without_accents() {
    let env = Env::with_census();
    let id = env.add(&[
        "nom=Mediatheque de Saint-Renan",
        "type=association",
        "commune=Saint-Renan",
    ]);
    assert_eq!(listed(&env, &["-q", "médiathèque"]), ids(&[&id]));
}

#[test]
fn query_is_fuzzy() {
    let t = three();
    assert_eq!(listed(&t.env, &["-q", "mdthq capu"]), ids(&[&t.capucins]));
}

#[test]
fn query_searches_the_commune_and_the_kind_too() {
    let t = three();
    assert_eq!(listed(&t.env, &["-q", "plouzane"]), ids(&[&t.fablab]));
    assert_eq!(
        listed(&t.env, &["-q", "hebergeur alternatif"]),
        ids(&[&t.infini])
    );
}

/// The kind is searched as the interface names it: its English label with
/// `--lang en`, not in French (where it would add stray fuzzy matches).
#[test]
fn query_searches_the_kind_in_the_language_of_the_interface() {
    let t = three();
    assert!(listed(&t.env, &["-q", "media library"]).is_empty());
    let english = t
        .env
        .census_cmd()
        .args([
            "--lang",
            "en",
            "list",
            "-q",
            "media library",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let english = String::from_utf8(english).expect("UTF-8");
    let rows: Vec<&str> = english.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "{english}");
    assert!(rows[0].starts_with(&t.capucins), "{english}");
}

#[test]
fn query_that_matches_nothing_lists_nothing() {
    let t = three();
    assert!(listed(&t.env, &["-q", "zzzz"]).is_empty());
    t.env
        .census_cmd()
        .args(["list", "-q", "zzzz"])
        .assert()
        .success()
        .stderr(contains("0 initiative"));
}

// ---------------------------------------------------------------- filters

#[test]
fn kind_filters_by_id() {
    let t = three();
    assert_eq!(listed(&t.env, &["--kind", "chatons"]), ids(&[&t.infini]));
}

#[test]
fn kind_filters_by_label_with_or_without_accents() {
    let t = three();
    assert_eq!(
        listed(&t.env, &["--kind", "Médiathèque"]),
        ids(&[&t.capucins])
    );
    assert_eq!(
        listed(&t.env, &["--kind", "mediatheque"]),
        ids(&[&t.capucins])
    );
}

#[test]
fn repeated_kinds_are_alternatives() {
    let t = three();
    assert_eq!(
        listed(&t.env, &["--kind", "chatons", "--kind", "fablab"]),
        ids(&[&t.fablab, &t.infini])
    );
}

#[test]
fn an_unknown_kind_is_refused_with_the_kinds() {
    let t = three();
    t.env
        .census_cmd()
        .args(["list", "--kind", "piscine"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "--kind piscine: type inconnu ; types : association, chatons, collectif_libriste",
        ));
}

#[test]
fn commune_filters_without_accents_or_case() {
    let t = three();
    assert_eq!(
        listed(&t.env, &["--commune", "plouzane"]),
        ids(&[&t.fablab])
    );
    assert_eq!(
        listed(&t.env, &["--commune", "BREST"]),
        ids(&[&t.infini, &t.capucins])
    );
}

#[test]
fn commune_is_not_fuzzy() {
    let t = three();
    assert!(listed(&t.env, &["--commune", "Bres"]).is_empty());
}

#[test]
fn filters_and_query_combine() {
    let t = three();
    assert_eq!(
        listed(&t.env, &["--commune", "Brest", "-q", "infini"]),
        ids(&[&t.infini])
    );
    assert!(listed(&t.env, &["--kind", "fablab", "-q", "capucins"]).is_empty());
}

// ---------------------------------------------------------------- --deleted

#[test]
fn deleted_initiatives_are_hidden_unless_asked_for() {
    let t = three();
    t.env
        .census_cmd()
        .args(["delete", &t.infini])
        .assert()
        .success();
    assert_eq!(listed(&t.env, &[]), ids(&[&t.fablab, &t.capucins]));
    assert_eq!(
        listed(&t.env, &["--deleted"]),
        ids(&[&t.fablab, &t.infini, &t.capucins])
    );
    let items = list_json(&t.env, &["--deleted"]);
    let infini = items
        .iter()
        .find(|i| i["id"] == t.infini.as_str())
        .expect("the deleted initiative is listed");
    assert_eq!(infini["deleted"], true);
    assert_eq!(infini["nom"], "Infini");
}
