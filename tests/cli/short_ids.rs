//! Ids a person can type: a unique beginning or end of an id, or a name
//! (`census::lookup`); the candidates when it names several; `list` shows
//! the shortest unique end of each id and fits the width (`COLUMNS`).

use crate::common;

use common::{Env, stdout_of};
use predicates::prelude::*;
use predicates::str::contains;

/// The médiathèque and the fablab share the word « des »; Infini is alone.
fn census() -> (Env, String, String, String) {
    let env = Env::with_census();
    let capucins = env.add_capucins();
    let infini = env.add_infini();
    let fablab = env.add_fablab();
    (env, capucins, infini, fablab)
}

#[test]
fn the_end_of_an_id_names_its_initiative_in_any_case() {
    let (env, capucins, _, _) = census();
    let end = &capucins[capucins.len() - 6..];
    env.census_cmd()
        .args(["show", &end.to_lowercase()])
        .assert()
        .success()
        .stdout(contains("Médiathèque des Capucins").and(contains(capucins.as_str())));
    // Commands that change take it too.
    env.census_cmd()
        .args(["status", end, "contacte"])
        .assert()
        .success();
}

#[test]
fn the_beginning_of_an_id_still_names_its_initiative() {
    let (env, _, infini, _) = census();
    env.census_cmd()
        .args(["show", &infini[..20]])
        .assert()
        .success()
        .stdout(contains("Infini"));
}

#[test]
fn a_name_or_a_whole_word_of_it_names_one_initiative_without_accents_or_case() {
    let (env, capucins, infini, fablab) = census();
    env.census_cmd()
        .args(["show", "capucins"])
        .assert()
        .success()
        .stdout(contains(capucins.as_str()));
    env.census_cmd()
        .args(["show", "MEDIATHEQUE DES"])
        .assert()
        .success()
        .stdout(contains(capucins.as_str()));
    env.census_cmd()
        .args(["edit", "fablab des fourneaux", "--set", "commune=Brest"])
        .assert()
        .success();
    let shown = env.census_cmd().args(["show", &fablab]).output().unwrap();
    assert!(stdout_of(&shown).contains("Brest"), "{}", stdout_of(&shown));
    env.census_cmd()
        .args(["confirm", "infini", "--as", "Yann"])
        .assert()
        .success();
    env.census_cmd()
        .args(["history", &infini])
        .assert()
        .success()
        .stdout(contains("Yann"));
    // A part of a word is no name.
    env.census_cmd()
        .args(["show", "capu"])
        .assert()
        .code(1)
        .stderr(contains("aucune initiative ne s'appelle « capu »"));
}

#[test]
fn a_name_of_several_initiatives_lists_them_with_their_commune() {
    let (env, capucins, _, fablab) = census();
    env.census_cmd()
        .args(["show", "des"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(
            contains("« des » désigne plusieurs initiatives")
                .and(contains(format!(
                    "{capucins}  Médiathèque des Capucins (Brest)"
                )))
                .and(contains(format!(
                    "{fablab}  Fablab des Fourneaux (Plouzané)"
                ))),
        );
}

#[test]
fn a_beginning_shared_by_several_ids_lists_the_candidates() {
    let (env, capucins, infini, _) = census();
    // Ids made in the same minute share their first characters.
    let shared = &capucins[..6];
    assert_eq!(shared, &infini[..6]);
    env.census_cmd()
        .args(["--lang", "en", "delete", shared])
        .assert()
        .code(1)
        .stderr(
            contains(format!("`{shared}` names several initiatives"))
                .and(contains(format!("{infini}  Infini (Brest)"))),
        );
    assert!(!env.read_text(common::CENSUS).contains("_deleted"));
}

#[test]
fn an_id_or_a_name_that_names_nothing_says_so() {
    let (env, ..) = census();
    env.census_cmd()
        .args(["show", "ZZZZ"])
        .assert()
        .code(1)
        .stderr(contains(
            "aucune initiative n'a d'identifiant qui commence ou finit par « ZZZZ »",
        ));
    env.census_cmd()
        .args(["--lang", "en", "show", "piscine"])
        .assert()
        .code(1)
        .stderr(contains("no initiative is called `piscine`"));
}

/// The rows of `list` (table) at a width given by `COLUMNS`.
fn table_at(env: &Env, columns: &str) -> String {
    let out = env
        .census_cmd()
        .arg("list")
        .env("COLUMNS", columns)
        .output()
        .unwrap();
    assert!(out.status.success());
    stdout_of(&out)
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn list_shows_the_shortest_unique_end_of_each_id_which_every_command_takes() {
    let (env, capucins, ..) = census();
    let table = table_at(&env, "80");
    let row = table
        .lines()
        .find(|l| l.contains("Médiathèque des Capucins"))
        .expect("a row");
    let short = row.split_whitespace().next().unwrap();
    assert!(short.len() >= 4 && short.len() < 26, "{table}");
    assert!(
        capucins.ends_with(short),
        "{short} is not the end of {capucins}"
    );
    env.census_cmd()
        .args(["show", short])
        .assert()
        .success()
        .stdout(contains(capucins.as_str()));
}

#[test]
fn list_fits_the_width_cutting_names_then_dropping_the_kind_then_the_commune() {
    let env = Env::with_census();
    let long = "Association pour la promotion et la défense des logiciels libres du Finistère";
    env.add(&[
        &format!("nom={long}"),
        "type=association",
        "commune=Saint-Martin-des-Champs (29)",
    ]);
    let wide = table_at(&env, "200");
    assert!(wide.contains(long) && wide.contains("TYPE"), "{wide}");
    let at_80 = table_at(&env, "80");
    assert!(widest(&at_80) <= 80, "{at_80}");
    assert!(at_80.contains('…') && at_80.contains("TYPE"), "{at_80}");
    let at_60 = table_at(&env, "60");
    assert!(widest(&at_60) <= 60, "{at_60}");
    assert!(at_60.contains("Association pour l…"), "{at_60}");
    // Narrower, the kind goes first, then the commune.
    let at_45 = table_at(&env, "45");
    assert!(widest(&at_45) <= 45, "{at_45}");
    assert!(
        !at_45.contains("TYPE") && at_45.contains("COMMUNE"),
        "{at_45}"
    );
    let at_30 = table_at(&env, "30");
    assert!(widest(&at_30) <= 30, "{at_30}");
    assert!(
        !at_30.contains("COMMUNE") && at_30.contains("NOM"),
        "{at_30}"
    );
    // CSV is never cut.
    env.census_cmd()
        .args(["list", "--format", "csv"])
        .env("COLUMNS", "60")
        .assert()
        .success()
        .stdout(contains(long));
}
