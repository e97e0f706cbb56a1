//! Merging as colleagues do it: each edits their own copy of the census, they
//! send each other their files (by e-mail: a copy of the file as it was) and
//! run `recense merge`. Whatever the order, everyone ends with the same bytes;
//! what needs a person (concurrent values, deleted-and-edited, duplicates) is
//! listed and settled with `conflicts`, `resolve`, `duplicates`, `fuse`,
//! `not-duplicate`; damaged or foreign files are refused before anything is
//! written; bundles carry only what changed.

use crate::common;

use std::cell::Cell;

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use common::{Env, assert_located, assert_unchanged, fixture_path, stderr_of, stdout_of};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value as Json;

// Initiatives of the sample census (sample-data/pays-de-brest.ron).
/// « Infini (Internet Finistère) », Brest: roles contributeur and
/// organisateur_espaces, no telephone.
const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";
/// « Wiki-Brest ».
const WIKI: &str = "01M6B5J2D0SQG3VQPNKVEWCE7N";
/// « Réseau des PAPI de Brest »: roles fonction_publique and organisateur_espaces.
const PAPI: &str = "01M6B5NQK0NHARKPEEQMPZZ21T";
/// « Centre social Kaneveden ».
const KANEVEDEN: &str = "01M6B5V7C016BXQQ845SBG3HV7";

/// The clock on `day` of December 2026 (after every date of the sample).
fn at(day: u32) -> String {
    format!("2026-12-{day:02}T10:00:00Z")
}

/// The date `show` and `conflicts` print for `day`.
fn date(day: u32) -> String {
    format!("2026-12-{day:02}")
}

/// Someone with their own copy of the census, who works on given days and
/// sends their file to the others.
struct Colleague<'e> {
    env: &'e Env,
    name: &'static str,
    file: String,
    sent: Cell<u32>,
}

impl<'e> Colleague<'e> {
    /// A colleague starting from the sample census, in `NAME.ron`.
    fn new(env: &'e Env, name: &'static str) -> Colleague<'e> {
        let file = format!("{}.ron", name.to_lowercase());
        env.copy_sample(&file);
        Colleague::on_file(env, name, file)
    }

    fn on_file(env: &'e Env, name: &'static str, file: String) -> Colleague<'e> {
        Colleague {
            env,
            name,
            file,
            sent: Cell::new(0),
        }
    }

    /// The same person on a copy of their file as it is now (`FILE`): to try
    /// two things from the same state.
    fn twin(&self, file: &str) -> Colleague<'e> {
        self.env.write(file, self.bytes());
        Colleague::on_file(self.env, self.name, file.to_string())
    }

    /// `recense --file THEIR_FILE --as NAME`, with the clock on `day`.
    fn on(&self, day: u32) -> Command {
        let mut cmd = self.env.cmd_at(&at(day));
        cmd.args(["--file", self.file.as_str(), "--as", self.name]);
        cmd
    }

    fn edit(&self, day: u32, id: &str, args: &[&str]) {
        self.on(day)
            .args(["edit", id])
            .args(args)
            .assert()
            .success();
    }

    /// Adds an initiative; returns its id.
    fn add(&self, day: u32, sets: &[&str]) -> String {
        let mut cmd = self.on(day);
        cmd.arg("add");
        for s in sets {
            cmd.args(["--set", s]);
        }
        let out = cmd.assert().success().get_output().stdout.clone();
        let id = String::from_utf8(out).expect("UTF-8 id").trim().to_string();
        assert_eq!(id.len(), 26, "add prints a ULID, got {id:?}");
        id
    }

    fn delete(&self, day: u32, id: &str) {
        self.on(day).args(["delete", id]).assert().success();
    }

    /// Sends the file as it is now: an attachment `de-NAME-N.ron` that later
    /// work does not change.
    fn send(&self) -> String {
        self.sent.set(self.sent.get() + 1);
        let name = format!("de-{}-{}.ron", self.name.to_lowercase(), self.sent.get());
        self.env.write(&name, self.bytes());
        name
    }

    /// `recense merge FILES...` into this colleague's census.
    fn merge(&self, day: u32, files: &[&str]) -> Assert {
        self.on(day).arg("merge").args(files).assert()
    }

    /// Merges what `other` sends now; must succeed.
    fn receive(&self, day: u32, other: &Colleague) -> Assert {
        let file = other.send();
        self.merge(day, &[&file]).success()
    }

    fn resolve(&self, day: u32, id: &str, field: &str, how: &[&str]) -> Assert {
        self.on(day).args(["resolve", id, field]).args(how).assert()
    }

    fn bytes(&self) -> Vec<u8> {
        self.env.read(&self.file)
    }

    /// The standard output of a reading command (`conflicts`, `duplicates`…).
    fn output(&self, args: &[&str]) -> String {
        let out = self.on(31).args(args).assert().success();
        stdout_of(out.get_output())
    }

    fn conflicts(&self) -> String {
        self.output(&["conflicts"])
    }

    fn conflicts_json(&self) -> Vec<Json> {
        let text = self.output(&["conflicts", "--format", "json"]);
        match serde_json::from_str(&text).expect("conflicts --format json is JSON") {
            Json::Array(items) => items,
            other => panic!("expected a JSON array, got {other}"),
        }
    }

    fn duplicates(&self) -> String {
        self.output(&["duplicates"])
    }

    /// `show ID --format json`.
    fn shown(&self, id: &str) -> Json {
        let text = self.output(&["show", id, "--format", "json"]);
        serde_json::from_str(&text).expect("show --format json is JSON")
    }

    /// The values of a multi-valued field, sorted.
    fn values(&self, id: &str, field: &str) -> Vec<String> {
        let mut values: Vec<String> = self.shown(id)["fields"][field]
            .as_array()
            .unwrap_or_else(|| panic!("{field} of {id} is not a list"))
            .iter()
            .map(|v| v.as_str().expect("text value").to_string())
            .collect();
        values.sort();
        values
    }

    /// The ids `list` shows (live initiatives).
    fn listed(&self) -> Vec<String> {
        listed_in(self.env, &self.file)
    }
}

/// The ids `recense --file FILE list` shows.
fn listed_in(env: &Env, file: &str) -> Vec<String> {
    let out = env
        .cmd()
        .args(["--file", file, "list", "--format", "json"])
        .assert()
        .success();
    let items: Json = serde_json::from_slice(&out.get_output().stdout).expect("JSON");
    items
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|i| i["id"].as_str().expect("id").to_string())
        .collect()
}

/// Asserts that two colleagues hold byte-identical files.
#[track_caller]
fn assert_same_file(a: &Colleague, b: &Colleague) {
    assert!(
        a.bytes() == b.bytes(),
        "{} and {} should hold the same file; they differ:\n--- {}\n{}\n--- {}\n{}",
        a.file,
        b.file,
        a.file,
        String::from_utf8_lossy(&a.bytes()),
        b.file,
        String::from_utf8_lossy(&b.bytes()),
    );
}

// ---------------------------------------------------------------- exchanging

/// Anne and Bruno, from the same census, each change it on their own (other
/// fields, the same field differently, additions, a deletion, roles added and
/// removed), then merge each other's file.
fn exchange<'e>(env: &'e Env) -> (Colleague<'e>, Colleague<'e>) {
    let anne = Colleague::new(env, "Anne");
    let bruno = Colleague::new(env, "Bruno");
    anne.edit(1, INFINI, &["--set", "telephone=02 98 00 00 01"]);
    anne.edit(1, WIKI, &["--set", "notes=Vu au forum (Anne)"]);
    anne.add(
        1,
        &[
            "nom=Repair Café du Bourg",
            "type=association",
            "commune=Plouzané",
        ],
    );
    anne.delete(1, KANEVEDEN);
    anne.edit(1, PAPI, &["--remove", "roles=organisateur_espaces"]);

    bruno.edit(2, INFINI, &["--set", "courriel=contact@infini.fr"]);
    bruno.edit(2, WIKI, &["--set", "notes=Vu au festival (Bruno)"]);
    bruno.add(
        2,
        &[
            "nom=Atelier vélo partagé",
            "type=association",
            "commune=Guipavas",
        ],
    );
    bruno.edit(2, PAPI, &["--add", "roles=contributeur"]);

    let from_anne = anne.send();
    let from_bruno = bruno.send();
    anne.merge(3, &[&from_bruno]).success();
    bruno.merge(3, &[&from_anne]).success();
    (anne, bruno)
}

#[test]
fn two_colleagues_who_exchange_their_files_end_with_identical_files() {
    let env = Env::new();
    let (anne, bruno) = exchange(&env);
    assert_same_file(&anne, &bruno);
}

#[test]
fn after_an_exchange_each_has_the_changes_of_both() {
    let env = Env::new();
    let (anne, bruno) = exchange(&env);
    for who in [&anne, &bruno] {
        let infini = who.shown(INFINI);
        assert_eq!(
            infini["fields"]["telephone"], "+33298000001",
            "{}",
            who.name
        );
        assert_eq!(infini["fields"]["courriel"], "contact@infini.fr");
        let listed = who.listed();
        assert!(!listed.contains(&KANEVEDEN.to_string()), "deleted by Anne");
        assert_eq!(listed.len(), 19 - 1 + 2, "two additions, one deletion");
        assert_eq!(
            who.values(PAPI, "roles"),
            ["contributeur", "fonction_publique"]
        );
    }
}

#[test]
fn the_same_field_changed_by_both_keeps_both_values_as_a_conflict() {
    let env = Env::new();
    let (anne, _) = exchange(&env);
    let text = anne.conflicts();
    assert!(
        text.contains("champ « Notes » modifié en parallèle")
            && text.contains("« Vu au forum (Anne) »")
            && text.contains("« Vu au festival (Bruno) »"),
        "{text}"
    );
}

#[test]
fn merging_the_same_file_twice_changes_nothing() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, INFINI, &["--set", "telephone=02 98 00 00 01"]);
    bruno.edit(2, INFINI, &["--set", "telephone=02 98 00 00 02"]);
    bruno.add(
        2,
        &["nom=Atelier vélo", "type=association", "commune=Brest"],
    );
    let from_bruno = bruno.send();
    anne.merge(3, &[&from_bruno]).success();
    let once = anne.bytes();
    anne.merge(4, &[&from_bruno])
        .success()
        .stdout(contains(format!(
            "{from_bruno} : 0 nouvelle, 0 mise à jour, 1 conflit"
        )));
    assert!(anne.bytes() == once, "the second merge changed the file");
}

#[test]
fn three_colleagues_merging_in_different_orders_end_with_identical_files() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    let claire = Colleague::new(&env, "Claire");
    anne.edit(1, INFINI, &["--set", "telephone=02 98 00 00 01"]);
    anne.edit(1, PAPI, &["--remove", "roles=organisateur_espaces"]);
    bruno.edit(2, INFINI, &["--set", "telephone=02 98 00 00 02"]);
    bruno.delete(2, KANEVEDEN);
    claire.edit(3, KANEVEDEN, &["--set", "notes=Rouvert en 2027"]);
    claire.edit(3, PAPI, &["--add", "roles=academique"]);
    claire.add(
        3,
        &[
            "nom=Fablab du Relecq",
            "type=fablab",
            "commune=Le Relecq-Kerhuon",
        ],
    );
    let (a, b, c) = (anne.send(), bruno.send(), claire.send());

    anne.merge(4, &[&b]).success();
    anne.merge(4, &[&c]).success();
    bruno.merge(4, &[&c]).success();
    bruno.merge(4, &[&a]).success();
    claire.merge(4, &[&b, &a]).success();

    assert_same_file(&anne, &bruno);
    assert_same_file(&anne, &claire);
}

// ---------------------------------------------------------------- the summary

#[test]
fn the_summary_counts_new_updated_conflicts_and_duplicates() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, INFINI, &["--set", "telephone=02 98 00 00 01"]);
    // Two initiatives changed: one concurrently with Anne (a conflict).
    bruno.edit(2, INFINI, &["--set", "telephone=02 98 00 00 02"]);
    bruno.edit(2, WIKI, &["--set", "notes=Relu"]);
    // Two new ones, one of them the same as Infini (same website).
    bruno.add(
        2,
        &["nom=Atelier vélo", "type=association", "commune=Guipavas"],
    );
    bruno.add(
        2,
        &[
            "nom=Infini Brest",
            "type=chatons",
            "commune=Brest",
            "site_web=https://www.infini.fr",
        ],
    );
    let from_bruno = bruno.send();
    anne.merge(3, &[&from_bruno])
        .success()
        .stdout(contains(format!(
            "{from_bruno} : 2 nouvelles, 2 mises à jour, 1 conflit, 1 doublon possible"
        )))
        .stderr(contains("reçu de : Bruno"))
        .stderr(contains("Pour régler les conflits : recense conflicts"));
}

#[test]
fn dry_run_shows_the_summary_and_writes_nothing() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    bruno.edit(2, WIKI, &["--set", "notes=Relu"]);
    let from_bruno = bruno.send();
    let before = env.snapshot();
    anne.on(3)
        .args(["merge", "--dry-run", &from_bruno])
        .assert()
        .success()
        .stdout(contains(format!(
            "{from_bruno} : 0 nouvelle, 1 mise à jour, 0 conflit"
        )))
        .stdout(contains("(essai : rien n'a été écrit)"));
    // Neither the census, nor a backup, nor the record of colleagues.
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn merge_with_output_writes_the_result_and_touches_neither_input() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, INFINI, &["--set", "telephone=02 98 00 00 01"]);
    bruno.edit(2, WIKI, &["--set", "notes=Relu"]);
    let (a, b) = (anne.send(), bruno.send());
    let before = env.snapshot();
    anne.on(3)
        .args(["merge", &a, &b, "-o", "ensemble.ron"])
        .assert()
        .success()
        .stderr(contains("Fusion enregistrée dans ensemble.ron"));
    let after = env.snapshot();
    for (name, bytes) in &before.0 {
        assert!(after.0.get(name) == Some(bytes), "{name} was touched");
    }
    // The same result as merging Bruno's file into Anne's census.
    anne.merge(3, &[&b]).success();
    assert!(env.read("ensemble.ron") == anne.bytes());
}

#[test]
fn merge_with_output_needs_no_agent_since_nothing_of_theirs_is_written() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, INFINI, &["--set", "telephone=02 98 00 00 01"]);
    bruno.edit(2, WIKI, &["--set", "notes=Relu"]);
    let (a, b) = (anne.send(), bruno.send());
    // No --as and no name recorded in the config.
    env.cmd_at(&at(3))
        .args(["merge", &a, &b, "-o", "ensemble.ron"])
        .assert()
        .success()
        .stderr(contains("Fusion enregistrée dans ensemble.ron"));
    anne.merge(3, &[&b]).success();
    assert!(env.read("ensemble.ron") == anne.bytes());
}

#[test]
fn merge_with_output_credits_a_hand_edit_to_the_sender_of_its_file() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, WIKI, &["--set", "notes=Relu"]);
    let a = anne.send();
    let text = env.read_text(&a).replace("\"Relu\"", "\"Relu dans vim\"");
    env.write(&a, text);
    let b = bruno.send();
    env.cmd_at(&at(3))
        .args(["merge", &a, &b, "-o", "ensemble.ron", "--accept-edited"])
        .assert()
        .success();
    let out = env
        .cmd()
        .args(["--file", "ensemble.ron", "show", WIKI])
        .assert()
        .success();
    let shown = stdout_of(out.get_output());
    assert!(
        shown
            .lines()
            .any(|l| l.contains("Relu dans vim") && l.contains("[Anne, ")),
        "{shown}"
    );
}

#[test]
fn merge_refuses_an_output_that_is_also_an_input() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    bruno.edit(2, WIKI, &["--set", "notes=Relu"]);
    let before = env.snapshot();
    anne.on(3)
        .args(["merge", "anne.ron", "bruno.ron", "-o", "./bruno.ron"])
        .assert()
        .code(1)
        .stderr(contains(
            "le fichier de sortie est aussi une entrée : choisissez un autre nom",
        ));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn merging_the_census_into_itself_is_refused() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let before = env.snapshot();
    anne.merge(3, &["anne.ron"])
        .code(1)
        .stderr(contains("c'est le recensement lui-même"));
    assert_unchanged(&before, &env.snapshot());
}

// ---------------------------------------------------------------- conflicts

/// Anne (day 1) and Bruno (day 2) give Infini a telephone each, without
/// seeing each other's; Anne merges Bruno's file (day 3).
fn concurrent_telephones<'e>(env: &'e Env) -> (Colleague<'e>, Colleague<'e>) {
    let anne = Colleague::new(env, "Anne");
    let bruno = Colleague::new(env, "Bruno");
    anne.edit(1, INFINI, &["--set", "telephone=02 98 00 00 01"]);
    bruno.edit(2, INFINI, &["--set", "telephone=02 98 00 00 02"]);
    anne.receive(3, &bruno);
    (anne, bruno)
}

#[test]
fn conflicts_lists_both_values_with_their_authors_and_dates() {
    let env = Env::new();
    let (anne, _) = concurrent_telephones(&env);
    let text = anne.conflicts();
    let expected = [
        format!(
            "{INFINI} Infini (Internet Finistère) — champ « Téléphone générique » modifié en parallèle :"
        ),
        format!("  1. « +33298000002 »  par Bruno, {}", date(2)),
        format!("  2. « +33298000001 »  par Anne, {}", date(1)),
        format!("  → recense resolve {INFINI} telephone --pick N   (ou --set VALEUR)"),
    ];
    for line in &expected {
        assert!(
            text.lines().any(|l| l == line),
            "no line {line:?} in:\n{text}"
        );
    }
}

#[test]
fn conflicts_as_json_lists_both_values_with_their_authors_and_dates() {
    let env = Env::new();
    let (anne, _) = concurrent_telephones(&env);
    let items = anne.conflicts_json();
    assert_eq!(items.len(), 1, "{items:?}");
    let c = &items[0];
    assert_eq!(c["kind"], "field");
    assert_eq!(c["id"], INFINI);
    assert_eq!(c["field"], "telephone");
    let values: Vec<(&str, &str, &str)> = c["values"]
        .as_array()
        .expect("values")
        .iter()
        .map(|v| {
            (
                v["value"].as_str().expect("value"),
                v["by"].as_str().expect("by"),
                v["date"].as_str().expect("date"),
            )
        })
        .collect();
    assert_eq!(
        values,
        [
            ("+33298000002", "Bruno", date(2).as_str()),
            ("+33298000001", "Anne", date(1).as_str()),
        ]
    );
}

#[test]
fn resolve_pick_keeps_the_chosen_value_and_ends_the_conflict() {
    let env = Env::new();
    let (anne, _) = concurrent_telephones(&env);
    anne.resolve(4, INFINI, "telephone", &["--pick", "2"])
        .success()
        .stderr(contains(format!("Conflit réglé : {INFINI} telephone")));
    assert_eq!(anne.conflicts().trim(), "Aucun conflit.");
    let infini = anne.shown(INFINI);
    assert_eq!(infini["fields"]["telephone"], "+33298000001");
    assert_eq!(infini["conflicts"], serde_json::json!([]));
}

#[test]
fn resolve_set_gives_a_new_value_and_ends_the_conflict() {
    let env = Env::new();
    let (anne, _) = concurrent_telephones(&env);
    anne.resolve(4, INFINI, "telephone", &["--set", "02 98 00 00 03"])
        .success();
    assert_eq!(anne.conflicts().trim(), "Aucun conflit.");
    assert_eq!(anne.shown(INFINI)["fields"]["telephone"], "+33298000003");
}

#[test]
fn resolve_pick_beyond_the_listed_values_is_refused() {
    let env = Env::new();
    let (anne, _) = concurrent_telephones(&env);
    let before = env.snapshot();
    anne.resolve(4, INFINI, "telephone", &["--pick", "3"])
        .code(1)
        .stderr(contains("--pick doit être entre 1 et 2"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn resolve_pick_on_a_field_without_conflict_is_refused() {
    let env = Env::new();
    let (anne, _) = concurrent_telephones(&env);
    let before = env.snapshot();
    anne.resolve(4, INFINI, "nom", &["--pick", "1"])
        .code(1)
        .stderr(contains(format!(
            "pas de conflit sur « nom » pour {INFINI} (voir « recense conflicts »)"
        )));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn resolve_set_on_a_field_without_conflict_is_refused() {
    let env = Env::new();
    let (anne, _) = concurrent_telephones(&env);
    let before = env.snapshot();
    anne.resolve(4, INFINI, "nom", &["--set", "Infini"])
        .code(1)
        .stderr(contains(format!(
            "pas de conflit sur « nom » pour {INFINI}"
        )));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn a_write_made_after_seeing_the_other_value_is_not_a_conflict() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, INFINI, &["--set", "telephone=02 98 00 00 01"]);
    bruno.receive(2, &anne);
    // Bruno has seen Anne's number and replaces it.
    bruno.edit(3, INFINI, &["--set", "telephone=02 98 00 00 02"]);
    anne.receive(4, &bruno)
        .stdout(contains("0 nouvelle, 1 mise à jour, 0 conflit"));
    assert_eq!(anne.conflicts().trim(), "Aucun conflit.");
    assert_eq!(anne.shown(INFINI)["fields"]["telephone"], "+33298000002");
}

#[test]
fn a_resolution_reaches_the_colleague_and_the_old_values_do_not_come_back() {
    let env = Env::new();
    let (anne, bruno) = concurrent_telephones(&env);
    let bruno_before = bruno.send();
    anne.resolve(4, INFINI, "telephone", &["--pick", "2"])
        .success();
    bruno.receive(5, &anne);
    assert_eq!(bruno.conflicts().trim(), "Aucun conflit.");
    assert_eq!(bruno.shown(INFINI)["fields"]["telephone"], "+33298000001");
    // Bruno's old file, merged again, does not bring his number back.
    anne.merge(6, &[&bruno_before]).success();
    assert_eq!(anne.conflicts().trim(), "Aucun conflit.");
    assert_same_file(&anne, &bruno);
}

// ---------------------------------------------------------------- deleted and edited

/// Anne deletes Infini (day 1) while Bruno, who has not seen it, gives it a
/// telephone (day 2); each merges the other's file (day 3).
fn deleted_and_edited<'e>(env: &'e Env) -> (Colleague<'e>, Colleague<'e>) {
    let anne = Colleague::new(env, "Anne");
    let bruno = Colleague::new(env, "Bruno");
    anne.delete(1, INFINI);
    bruno.edit(2, INFINI, &["--set", "telephone=02 98 00 00 02"]);
    let (a, b) = (anne.send(), bruno.send());
    anne.merge(3, &[&b]).success();
    bruno.merge(3, &[&a]).success();
    (anne, bruno)
}

#[test]
fn deleted_by_one_and_edited_by_the_other_is_listed_as_such() {
    let env = Env::new();
    let (anne, bruno) = deleted_and_edited(&env);
    for who in [&anne, &bruno] {
        let text = who.conflicts();
        let expected = [
            format!(
                "{INFINI} Infini (Internet Finistère) — supprimée par Anne ({}), modifiée ensuite par Bruno :",
                date(1)
            ),
            format!(
                "  modifié : Téléphone générique = « +33298000002 »  par Bruno, {}",
                date(2)
            ),
            format!(
                "  → recense resolve {INFINI} _deleted --pick 1   (supprimer quand même)   ou --pick 2   (garder)"
            ),
        ];
        for line in &expected {
            assert!(
                text.lines().any(|l| l == line),
                "no line {line:?} in:\n{text}"
            );
        }
    }
}

#[test]
fn deleted_and_edited_as_json_names_who_deleted_and_who_edited() {
    let env = Env::new();
    let (anne, _) = deleted_and_edited(&env);
    let items = anne.conflicts_json();
    assert_eq!(items.len(), 1, "{items:?}");
    let c = &items[0];
    assert_eq!(c["kind"], "deleted_edited");
    assert_eq!(c["id"], INFINI);
    assert_eq!(c["deletions"][0]["by"], "Anne");
    assert_eq!(c["deletions"][0]["date"], date(1));
    assert_eq!(c["edits"][0]["field"], "telephone");
    assert_eq!(c["edits"][0]["edit"]["by"], "Bruno");
    assert_eq!(c["edits"][0]["edit"]["value"], "+33298000002");
}

#[test]
fn resolve_deleted_pick_1_deletes_again_everywhere() {
    let env = Env::new();
    let (anne, bruno) = deleted_and_edited(&env);
    anne.resolve(4, INFINI, "_deleted", &["--pick", "1"])
        .success();
    assert_eq!(anne.conflicts().trim(), "Aucun conflit.");
    assert!(!anne.listed().contains(&INFINI.to_string()));
    bruno.receive(5, &anne);
    assert_eq!(bruno.conflicts().trim(), "Aucun conflit.");
    assert!(!bruno.listed().contains(&INFINI.to_string()));
    assert_same_file(&anne, &bruno);
}

#[test]
fn resolve_deleted_pick_2_keeps_it_everywhere() {
    let env = Env::new();
    let (anne, bruno) = deleted_and_edited(&env);
    anne.resolve(4, INFINI, "_deleted", &["--pick", "2"])
        .success();
    assert_eq!(anne.conflicts().trim(), "Aucun conflit.");
    assert!(anne.listed().contains(&INFINI.to_string()));
    assert_eq!(anne.shown(INFINI)["fields"]["telephone"], "+33298000002");
    bruno.receive(5, &anne);
    assert_eq!(bruno.conflicts().trim(), "Aucun conflit.");
    assert!(bruno.listed().contains(&INFINI.to_string()));
    assert_same_file(&anne, &bruno);
}

// ---------------------------------------------------------------- multi-valued fields

#[test]
fn multi_valued_fields_unite_additions_and_respect_removals() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    // Infini starts with contributeur and organisateur_espaces.
    anne.edit(1, INFINI, &["--remove", "roles=contributeur"]);
    bruno.edit(2, INFINI, &["--add", "roles=academique"]);
    let (a, b) = (anne.send(), bruno.send());
    anne.merge(3, &[&b]).success();
    bruno.merge(3, &[&a]).success();
    for who in [&anne, &bruno] {
        assert_eq!(
            who.values(INFINI, "roles"),
            ["academique", "organisateur_espaces"],
            "{}",
            who.name
        );
    }
}

#[test]
fn the_same_element_added_by_both_is_there_once() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, INFINI, &["--add", "roles=academique"]);
    bruno.edit(2, INFINI, &["--add", "roles=academique"]);
    anne.receive(3, &bruno);
    assert_eq!(
        anne.values(INFINI, "roles"),
        ["academique", "contributeur", "organisateur_espaces"]
    );
    assert_eq!(anne.conflicts().trim(), "Aucun conflit.");
}

// ---------------------------------------------------------------- duplicates

/// Anne (day 1) and Bruno (day 2) each record « Petits Débrouillards » in
/// Brest, with different roles, websites and telephones; Anne merges Bruno's
/// file (day 3). Returns Anne's id and Bruno's.
fn same_association_twice<'e>(env: &'e Env) -> (Colleague<'e>, Colleague<'e>, String, String) {
    let anne = Colleague::new(env, "Anne");
    let bruno = Colleague::new(env, "Bruno");
    let keep = anne.add(
        1,
        &[
            "nom=Les Petits Débrouillards Bretagne",
            "type=association",
            "commune=Brest",
            "roles=contributeur",
            "telephone=02 98 00 00 01",
        ],
    );
    let other = bruno.add(
        2,
        &[
            "nom=Petits Débrouillards",
            "type=association",
            "commune=Brest",
            "roles=academique",
            "site_web=lespetitsdebrouillards.org",
            "telephone=02 98 00 00 02",
        ],
    );
    anne.receive(3, &bruno)
        .stdout(contains("1 nouvelle, 0 mise à jour, 0 conflit, 1 doublon"));
    (anne, bruno, keep, other)
}

#[test]
fn a_similar_name_in_the_same_commune_is_listed_as_a_duplicate() {
    let env = Env::new();
    let (anne, _, keep, other) = same_association_twice(&env);
    let text = anne.duplicates();
    assert!(
        text.contains(&keep) && text.contains(&other),
        "both ids in:\n{text}"
    );
    assert!(
        text.contains("  : nom proche dans la même commune"),
        "{text}"
    );
    assert!(
        text.contains(&format!("→ recense fuse {keep} {other}"))
            || text.contains(&format!("→ recense fuse {other} {keep}")),
        "{text}"
    );
}

#[test]
fn the_same_siret_is_listed_as_a_duplicate() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    let a = anne.add(
        1,
        &[
            "nom=Repair Café Brest",
            "type=association",
            "commune=Brest",
            "siret=73282932000074",
        ],
    );
    let b = bruno.add(
        2,
        &[
            "nom=Atelier de réparation",
            "type=association",
            "commune=Guipavas",
            "siret=732 829 320 00074",
        ],
    );
    anne.receive(3, &bruno);
    let items: Json = serde_json::from_str(&anne.output(&["duplicates", "--format", "json"]))
        .expect("duplicates --format json is JSON");
    let pairs = items.as_array().expect("a JSON array");
    assert_eq!(pairs.len(), 1, "{items}");
    let mut ids = [
        pairs[0]["a"].as_str().expect("a").to_string(),
        pairs[0]["b"].as_str().expect("b").to_string(),
    ];
    ids.sort();
    let mut expected = [a, b];
    expected.sort();
    assert_eq!(ids, expected);
    assert_eq!(pairs[0]["reasons"], serde_json::json!(["même SIRET"]));
}

#[test]
fn fuse_unites_multi_values_and_makes_differing_single_values_a_conflict() {
    let env = Env::new();
    let (anne, _, keep, other) = same_association_twice(&env);
    anne.on(4)
        .args(["fuse", &keep, &other])
        .assert()
        .success()
        .stdout(contains(format!("{other} fusionnée dans {keep} :")))
        .stderr(contains(
            "Des valeurs différentes sont devenues des conflits : recense conflicts",
        ));
    assert_eq!(anne.values(&keep, "roles"), ["academique", "contributeur"]);
    let kept = anne.shown(&keep);
    assert_eq!(
        kept["fields"]["site_web"],
        "https://lespetitsdebrouillards.org"
    );
    let conflicts = anne.conflicts();
    assert!(
        conflicts.contains("champ « Téléphone générique » modifié en parallèle")
            && conflicts.contains("« +33298000001 »")
            && conflicts.contains("« +33298000002 »"),
        "{conflicts}"
    );
}

#[test]
fn a_fused_duplicate_leaves_the_list_and_keeps_a_redirect() {
    let env = Env::new();
    let (anne, _, keep, other) = same_association_twice(&env);
    anne.on(4).args(["fuse", &keep, &other]).assert().success();
    let listed = anne.listed();
    assert!(
        listed.contains(&keep) && !listed.contains(&other),
        "{listed:?}"
    );
    assert_eq!(anne.duplicates().trim(), "Aucun doublon possible.");
    // The old record stays in the file, pointing to the one kept.
    let text = String::from_utf8(anne.bytes()).expect("UTF-8");
    assert!(
        text.contains(&format!("id: \"{other}\"")),
        "the record is kept"
    );
    assert!(
        text.contains(&format!("\"_merged_into\": [({{\"into\": \"{keep}\"")),
        "no redirect to {keep} in:\n{text}"
    );
}

#[test]
fn show_of_a_fused_duplicate_says_where_it_went() {
    let env = Env::new();
    let (anne, _, keep, other) = same_association_twice(&env);
    anne.on(4).args(["fuse", &keep, &other]).assert().success();
    let text = anne.output(&["show", &other]);
    assert!(
        text.contains("doublon fusionné dans") && text.contains(&keep),
        "{text}"
    );
}

#[test]
fn fusing_into_a_fused_duplicate_says_it_was_fused() {
    let env = Env::new();
    let (anne, _, keep, other) = same_association_twice(&env);
    anne.on(4).args(["fuse", &keep, &other]).assert().success();
    let before = env.snapshot();
    let out = anne.on(5).args(["fuse", &other, &keep]).assert().code(1);
    let stderr = stderr_of(out.get_output());
    assert!(
        stderr.contains("fusionnée") && !stderr.contains("restore"),
        "{stderr}"
    );
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn a_later_edit_of_the_fused_duplicate_shows_as_changes_after_fusion() {
    let env = Env::new();
    let (anne, bruno, keep, other) = same_association_twice(&env);
    anne.on(4).args(["fuse", &keep, &other]).assert().success();
    // Bruno has not seen the fusion and goes on with his record.
    bruno.edit(5, &other, &["--set", "courriel=contact@debrouillards.fr"]);
    anne.receive(6, &bruno);
    let text = anne.conflicts();
    let expected = [
        format!("modifications faites sur le doublon {other} après sa fusion :"),
        format!(
            "  modifié : Courriel générique = « contact@debrouillards.fr »  par Bruno, {}",
            date(5)
        ),
        format!("  → recense fuse {keep} {other}   (reprend ces modifications)"),
    ];
    for line in &expected {
        assert!(text.contains(line.as_str()), "no {line:?} in:\n{text}");
    }
}

#[test]
fn fusing_again_takes_in_the_later_edits_of_the_duplicate() {
    let env = Env::new();
    let (anne, bruno, keep, other) = same_association_twice(&env);
    anne.on(4).args(["fuse", &keep, &other]).assert().success();
    bruno.edit(5, &other, &["--set", "courriel=contact@debrouillards.fr"]);
    anne.receive(6, &bruno);
    anne.on(7)
        .args(["fuse", &keep, &other])
        .assert()
        .success()
        .stdout(contains(format!(
            "{other} fusionnée dans {keep} : 1 valeur reprise"
        )));
    assert_eq!(
        anne.shown(&keep)["fields"]["courriel"],
        "contact@debrouillards.fr"
    );
    assert!(!anne.conflicts().contains("après sa fusion"));
}

#[test]
fn not_duplicate_removes_the_pair_and_is_remembered_in_other_copies() {
    let env = Env::new();
    let (anne, bruno, a, b) = same_association_twice(&env);
    bruno.receive(3, &anne);
    assert!(
        bruno
            .duplicates()
            .contains("nom proche dans la même commune")
    );
    anne.on(4)
        .args(["not-duplicate", &a, &b])
        .assert()
        .success()
        .stdout(contains(format!(
            "Noté : {a} et {b} sont deux initiatives différentes"
        )));
    assert_eq!(anne.duplicates().trim(), "Aucun doublon possible.");
    bruno.receive(5, &anne);
    assert_eq!(bruno.duplicates().trim(), "Aucun doublon possible.");
}

// ---------------------------------------------------------------- refused files

/// Asserts that `merge ARGS` into Anne's census fails with `phrase` and
/// writes nothing; returns the error output.
#[track_caller]
fn assert_merge_refused(env: &Env, anne: &Colleague, args: &[&str], phrase: &str) -> String {
    let before = env.snapshot();
    let out = anne.on(3).arg("merge").args(args).assert().code(1);
    let stderr = stderr_of(out.get_output());
    assert!(
        stderr.contains(phrase),
        "expected « {phrase} » in:\n{stderr}"
    );
    assert!(stdout_of(out.get_output()).is_empty(), "no summary");
    assert_unchanged(&before, &env.snapshot());
    stderr
}

/// The text of the sample census.
fn sample_text() -> String {
    std::fs::read_to_string(common::project_dir().join(common::SAMPLE)).expect("sample census")
}

/// The line where a text ends.
fn last_line(text: &str) -> usize {
    text.matches('\n').count() + 1
}

/// The sample census cut in half, then `offset` bytes after the first `mark`
/// found in the second half: a file received half-way.
fn cut_after_half(mark: &str, offset: usize) -> String {
    let text = sample_text();
    let half = text.len() / 2;
    let mut at = text[half..]
        .find(mark)
        .map(|i| half + i + offset)
        .unwrap_or_else(|| panic!("no {mark:?} after the middle of the sample"));
    while !text.is_char_boundary(at) {
        at += 1;
    }
    text[..at].to_string()
}

#[test]
fn a_truncated_attachment_is_refused_with_its_place_and_nothing_is_written() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    // Cut in half, in the middle of a value: the attachment stops mid-word.
    let truncated = cut_after_half("[(\"", 6);
    env.write("moitie.ron", &truncated);
    let stderr = assert_merge_refused(&env, &anne, &["moitie.ron"], "tronqué");
    assert_located(&stderr, "moitie.ron", last_line(&truncated), "tronqué");
}

#[test]
fn a_copy_cut_after_a_complete_value_is_said_truncated() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    // Cut in half, right after the closing quote of a stamp: every token
    // left is whole; only the end of the file is missing.
    let truncated = cut_after_half("\")", 1);
    env.write("moitie.ron", &truncated);
    let stderr = assert_merge_refused(&env, &anne, &["moitie.ron"], "tronqué");
    assert_located(&stderr, "moitie.ron", last_line(&truncated), "tronqué");
}

#[test]
fn a_copy_cut_at_the_end_of_a_line_is_said_truncated() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let truncated = cut_after_half("        ),\n", "        ),\n".len());
    env.write("moitie.ron", &truncated);
    assert_merge_refused(&env, &anne, &["moitie.ron"], "tronqué");
}

/// Bruno's file with Infini renamed in the text, its checksum left as it was.
fn edited_by_hand(env: &Env) -> String {
    let bruno = Colleague::new(env, "Bruno");
    bruno.edit(2, WIKI, &["--set", "notes=Relu"]);
    let text = String::from_utf8(bruno.bytes()).expect("UTF-8");
    let edited = text.replacen(
        "\"Infini (Internet Finistère)\"",
        "\"Infini – Internet Finistère\"",
        1,
    );
    assert_ne!(edited, text, "the sample names Infini");
    env.write("retouche.ron", edited);
    "retouche.ron".to_string()
}

#[test]
fn a_file_whose_checksum_does_not_match_is_refused() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let file = edited_by_hand(&env);
    assert_merge_refused(
        &env,
        &anne,
        &[&file],
        "retouche.ron : la somme de contrôle ne correspond pas",
    );
    assert_merge_refused(&env, &anne, &[&file], "--accept-edited");
}

#[test]
fn a_file_without_checksum_is_refused() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let text: String = sample_text()
        .lines()
        .filter(|l| !l.trim_start().starts_with("checksum:"))
        .map(|l| format!("{l}\n"))
        .collect();
    env.write("sans-somme.ron", text);
    assert_merge_refused(
        &env,
        &anne,
        &["sans-somme.ron"],
        "sans-somme.ron : pas de somme de contrôle",
    );
}

#[test]
fn accept_edited_merges_a_hand_edited_file_and_keeps_the_hand_edit() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let file = edited_by_hand(&env);
    anne.on(3)
        .args(["merge", "--accept-edited", &file])
        .assert()
        .success()
        .stdout(contains(
            "retouche.ron : 1 initiative modifiée à la main dans ce fichier, gardée comme modification à la main",
        ));
    assert_eq!(anne.shown(INFINI)["nom"], "Infini – Internet Finistère");
    assert_eq!(anne.shown(WIKI)["fields"]["notes"], "Relu");
}

#[test]
fn accept_edited_hand_edit_is_marked_by_hand_in_show() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let file = edited_by_hand(&env);
    anne.on(3)
        .args(["merge", "--accept-edited", &file])
        .assert()
        .success();
    let text = anne.output(&["show", INFINI]);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Nom ") && l.contains("Infini – Internet Finistère"))
        .unwrap_or_else(|| panic!("no name line in:\n{text}"));
    assert!(line.contains("à la main"), "{line}");
}

#[test]
fn a_file_of_a_newer_format_is_refused() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let text = sample_text();
    assert!(text.contains("    format: 1,\n"));
    env.write(
        "futur.ron",
        text.replacen("    format: 1,\n", "    format: 2,\n", 1),
    );
    let stderr = assert_merge_refused(
        &env,
        &anne,
        &["futur.ron"],
        "ce fichier est au format 2, plus récent que celui que cette version de recense comprend",
    );
    assert_located(&stderr, "futur.ron", 4, "au format 2");
}

#[test]
fn a_census_of_another_form_is_refused() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    env.write(
        "schemas/mini-test.ron",
        std::fs::read(fixture_path("valid/schema-minimal.ron")).expect("fixture"),
    );
    env.cmd()
        .args(["init", "autre.ron", "--territory", "Brest", "--as", "Yann"])
        .args(["--schema", "schemas/mini-test.ron"])
        .assert()
        .success();
    assert_merge_refused(
        &env,
        &anne,
        &["autre.ron"],
        "ces recensements n'utilisent pas le même formulaire (communs-numeriques ici, mini-test dans l'autre) : ils ne peuvent pas être fusionnés",
    );
}

#[test]
fn one_bad_file_among_several_stops_the_whole_merge() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    bruno.edit(2, WIKI, &["--set", "notes=Relu"]);
    let good = bruno.send();
    let bad = edited_by_hand(&env);
    assert_merge_refused(
        &env,
        &anne,
        &[&good, &bad],
        "la somme de contrôle ne correspond pas",
    );
}

// ---------------------------------------------------------------- hand edits

/// Anne changes Infini's name in her own file with a text editor (the value
/// only, not its stamp); Bruno's copy is older.
fn hand_edit_in_the_local_census<'e>(env: &'e Env) -> (Colleague<'e>, Colleague<'e>) {
    let anne = Colleague::new(env, "Anne");
    let bruno = Colleague::new(env, "Bruno");
    let text = String::from_utf8(anne.bytes()).expect("UTF-8");
    env.write(
        "anne.ron",
        text.replacen("\"Infini (Internet Finistère)\"", "\"Infini Brest\"", 1),
    );
    bruno.edit(2, WIKI, &["--set", "notes=Relu"]);
    (anne, bruno)
}

#[test]
fn a_hand_edit_of_the_local_census_survives_merging_an_older_copy() {
    let env = Env::new();
    let (anne, bruno) = hand_edit_in_the_local_census(&env);
    anne.receive(3, &bruno);
    assert_eq!(anne.shown(INFINI)["nom"], "Infini Brest");
    // And it reaches Bruno as any other change.
    bruno.receive(4, &anne);
    assert_eq!(bruno.shown(INFINI)["nom"], "Infini Brest");
    assert_same_file(&anne, &bruno);
}

#[test]
fn a_hand_edit_of_the_local_census_is_shown_as_such_before_merging() {
    let env = Env::new();
    let (anne, _) = hand_edit_in_the_local_census(&env);
    let text = anne.output(&["show", INFINI]);
    assert!(
        text.lines()
            .any(|l| l.contains("Infini Brest") && l.contains("modifié à la main")),
        "{text}"
    );
}

#[test]
fn a_hand_edit_of_the_local_census_still_shows_as_a_hand_edit_after_merging() {
    let env = Env::new();
    let (anne, bruno) = hand_edit_in_the_local_census(&env);
    anne.receive(3, &bruno);
    let text = anne.output(&["show", INFINI]);
    assert!(
        text.lines()
            .any(|l| l.contains("Infini Brest") && l.contains("à la main")),
        "{text}"
    );
}

// ---------------------------------------------------------------- bundles

/// The ids in a census file, sorted.
fn ids_in(env: &Env, file: &str) -> Vec<String> {
    let mut ids = listed_in(env, file);
    ids.sort();
    ids
}

#[test]
fn bundle_since_holds_only_what_changed_since_the_date_and_is_a_valid_census() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    anne.edit(1, INFINI, &["--set", "telephone=02 98 00 00 01"]);
    anne.edit(5, WIKI, &["--set", "notes=Relu"]);
    let added = anne.add(
        6,
        &["nom=Atelier vélo", "type=association", "commune=Brest"],
    );
    anne.on(7)
        .args(["bundle", "--since", "2026-12-05", "-o", "paquet.ron"])
        .assert()
        .success()
        .stdout(contains("2 initiatives dans le paquet paquet.ron"));
    let mut expected = vec![WIKI.to_string(), added];
    expected.sort();
    assert_eq!(ids_in(&env, "paquet.ron"), expected);
    env.cmd()
        .args(["validate", "paquet.ron"])
        .assert()
        .success()
        .stdout(contains("paquet.ron: valide"));
}

#[test]
fn merging_a_bundle_gives_the_same_file_as_merging_the_whole_census() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, INFINI, &["--set", "telephone=02 98 00 00 01"]);
    anne.delete(1, KANEVEDEN);
    bruno.edit(2, INFINI, &["--set", "telephone=02 98 00 00 02"]);
    anne.on(3)
        .args(["bundle", "--since", "2026-12-01", "-o", "paquet.ron"])
        .assert()
        .success()
        .stdout(contains("2 initiatives dans le paquet"));
    let bruno_bis = bruno.twin("bruno-bis.ron");
    bruno
        .merge(4, &["paquet.ron"])
        .success()
        .stdout(contains("0 nouvelle, 2 mises à jour, 1 conflit"));
    bruno_bis.receive(4, &anne);
    assert_same_file(&bruno, &bruno_bis);
}

#[test]
fn bundle_for_a_colleague_holds_only_what_they_lack() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    bruno.edit(2, INFINI, &["--set", "telephone=02 98 00 00 02"]);
    anne.receive(3, &bruno).stderr(contains("reçu de : Bruno"));
    // Right after Bruno's whole file: he has everything.
    anne.on(3)
        .args(["bundle", "--for", "Bruno", "-o", "pour-bruno.ron"])
        .assert()
        .success()
        .stdout(contains("0 initiative dans le paquet pour-bruno.ron"));
    assert_eq!(ids_in(&env, "pour-bruno.ron"), Vec::<String>::new());
    // Then only what changed since.
    anne.edit(4, WIKI, &["--set", "notes=Relu"]);
    anne.on(4)
        .args(["bundle", "--for", "Bruno", "-o", "pour-bruno.ron"])
        .assert()
        .success()
        .stdout(contains("1 initiative dans le paquet pour-bruno.ron"));
    assert_eq!(ids_in(&env, "pour-bruno.ron"), [WIKI]);
}

#[test]
fn bundle_for_a_colleague_we_know_nothing_of_holds_everything() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    bruno.edit(2, INFINI, &["--set", "telephone=02 98 00 00 02"]);
    anne.receive(3, &bruno);
    let out = anne
        .on(4)
        .args(["bundle", "--for", "Zoé", "-o", "pour-zoe.ron"])
        .assert()
        .success()
        .stdout(contains("19 initiatives dans le paquet pour-zoe.ron"));
    let stderr = stderr_of(out.get_output());
    assert_eq!(
        stderr,
        "Zoé n'a encore rien envoyé ici : le paquet contient tout le recensement.\n"
    );
    assert_eq!(ids_in(&env, "pour-zoe.ron"), ids_in(&env, "anne.ron"));
    // What Zoé receives is the whole census: merged, she has it all.
    let zoe = Colleague::on_file(&env, "Zoé", "zoe.ron".to_string());
    env.cmd()
        .args([
            "init",
            "zoe.ron",
            "--territory",
            "Pays de Brest",
            "--as",
            "Zoé",
        ])
        .assert()
        .success();
    zoe.merge(5, &["pour-zoe.ron"]).success();
    assert_eq!(ids_in(&env, "zoe.ron"), ids_in(&env, "anne.ron"));
}

#[test]
fn bundle_needs_a_date_or_a_colleague() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let before = env.snapshot();
    anne.on(4)
        .args(["bundle", "-o", "paquet.ron"])
        .assert()
        .code(1)
        .stderr(contains("donnez --since DATE ou --for AGENT"));
    assert_unchanged(&before, &env.snapshot());
}

// ---------------------------------------------------------------- who sent it

#[test]
fn a_file_whose_last_change_is_a_removal_is_said_to_come_from_its_author() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, INFINI, &["--remove", "roles=contributeur"]);
    bruno.receive(2, &anne).stderr(contains("reçu de : Anne"));
}

#[test]
fn merge_from_names_the_sender_when_the_guess_could_be_wrong() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, WIKI, &["--set", "notes=Relu"]);
    bruno.receive(2, &anne);
    // Anne's last change leaves no date to guess the sender from.
    anne.edit(3, INFINI, &["--remove", "roles=contributeur"]);
    let file = anne.send();
    bruno
        .on(4)
        .args(["merge", "--from", "Anne", &file])
        .assert()
        .success()
        .stderr(contains("reçu de : Anne"));
    // Bruno now knows what Anne has: a bundle for her is empty.
    bruno
        .on(4)
        .args(["bundle", "--for", "Anne", "-o", "pour-anne.ron"])
        .assert()
        .success()
        .stdout(contains("0 initiative dans le paquet pour-anne.ron"));
}

#[test]
fn merge_from_accepts_a_colleague_named_only_in_the_received_file() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.edit(1, WIKI, &["--set", "notes=Relu"]);
    let file = anne.send();
    bruno
        .on(2)
        .args(["merge", "--from", "Anne", &file])
        .assert()
        .success()
        .stderr(contains("reçu de : Anne"));
}

#[test]
fn merge_output_is_in_english_with_lang_en() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    bruno.edit(2, WIKI, &["--set", "notes=Relu"]);
    let file = bruno.send();
    anne.on(3)
        .args(["--lang", "en", "merge", &file])
        .assert()
        .success()
        .stdout(contains(format!(
            "{file}: 0 new, 1 updated, 0 conflicts, 0 possible duplicates"
        )))
        .stderr(contains("Merge saved in anne.ron").and(contains("received from: Bruno")));
}
