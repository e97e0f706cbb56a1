//! Fusions and deletions between colleagues, as they run them: opposite
//! fusions merged, the legitimation work of a fused duplicate, a deletion
//! meeting a colleague's status, evidence or confirmation, a `not-duplicate`
//! meeting a `fuse`, links to records that are gone. Nothing a colleague did
//! disappears without the merge saying so.

use crate::common;

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use common::{Env, assert_unchanged, stderr_of, stdout_of};
use serde_json::Value as Json;

// Initiatives of the sample census (sample-data/pays-de-brest.ron).
/// « Infini (Internet Finistère) », Brest, status « légitimé ».
const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";
/// « Wiki-Brest ».
const WIKI: &str = "01M6B5J2D0SQG3VQPNKVEWCE7N";
/// « Réseau des PAPI de Brest ».
const PAPI: &str = "01M6B5NQK0NHARKPEEQMPZZ21T";

// Initiatives of the fixtures census-fusion-cycle.ron and
// census-deleted-and-fused.ron.
/// « Petits Débrouillards »: in the cycle, the smaller id, shown.
const FIRST: &str = "01M8RGR080JVPC5R8K4YW2DHJX";
/// « Les Petits Débrouillards Bretagne »: fused into FIRST (and, in the
/// cycle, FIRST into it).
const SECOND: &str = "01M8RGR080S8ZDZSFK1H2J83PT";
/// « Repair Café », deleted in census-deleted-and-fused.ron.
const REPAIR: &str = "01M8RGR080C9PGAG1PNFMTSHW4";
/// « Fablab des Fourneaux », live in census-deleted-and-fused.ron.
const FABLAB: &str = "01M8RGR080CEB8Z04DPJR9SPWT";

fn at(day: u32) -> String {
    format!("2026-12-{day:02}T10:00:00Z")
}

fn date(day: u32) -> String {
    format!("2026-12-{day:02}")
}

/// Someone with their own copy of the census.
struct Colleague<'e> {
    env: &'e Env,
    name: &'static str,
    file: String,
}

impl<'e> Colleague<'e> {
    /// A colleague starting from the sample census, in `NAME.ron`.
    fn new(env: &'e Env, name: &'static str) -> Colleague<'e> {
        let file = format!("{}.ron", name.to_lowercase());
        env.copy_sample(&file);
        Colleague { env, name, file }
    }

    fn on(&self, day: u32) -> Command {
        let mut cmd = self.env.cmd_at(&at(day));
        cmd.args(["--file", self.file.as_str(), "--as", self.name]);
        cmd
    }

    fn run(&self, day: u32, args: &[&str]) -> Assert {
        self.on(day).args(args).assert()
    }

    fn ok(&self, day: u32, args: &[&str]) {
        self.run(day, args).success();
    }

    fn add(&self, day: u32, sets: &[&str]) -> String {
        let mut cmd = self.on(day);
        cmd.arg("add");
        for s in sets {
            cmd.args(["--set", s]);
        }
        let out = cmd.assert().success().get_output().stdout.clone();
        String::from_utf8(out).expect("UTF-8 id").trim().to_string()
    }

    /// Merges `other`'s file as it is now; returns the summary (stdout).
    fn receive(&self, day: u32, other: &Colleague) -> String {
        let name = format!("de-{}-{day}.ron", other.name.to_lowercase());
        self.env.write(&name, other.bytes());
        stdout_of(self.run(day, &["merge", &name]).success().get_output())
    }

    fn bytes(&self) -> Vec<u8> {
        self.env.read(&self.file)
    }

    fn output(&self, args: &[&str]) -> String {
        stdout_of(self.run(31, args).success().get_output())
    }

    fn json(&self, args: &[&str]) -> Json {
        serde_json::from_str(&self.output(args)).expect("JSON output")
    }

    fn listed(&self) -> Vec<String> {
        let items = self.json(&["list", "--format", "json"]);
        (items.as_array().expect("a JSON array").iter())
            .map(|i| i["id"].as_str().expect("id").to_string())
            .collect()
    }

    /// The events of `history ID --format json`.
    fn history(&self, id: &str) -> Vec<Json> {
        match self.json(&["history", id, "--format", "json"]) {
            Json::Array(items) => items,
            other => panic!("expected a JSON array, got {other}"),
        }
    }
}

/// Anne keeps INFINI and fuses WIKI into it; Bruno, apart, keeps WIKI and
/// fuses INFINI into it; then they exchange their files.
fn opposite_fusions(env: &Env) -> (Colleague<'_>, Colleague<'_>) {
    let anne = Colleague::new(env, "Anne");
    let bruno = Colleague::new(env, "Bruno");
    anne.ok(1, &["fuse", INFINI, WIKI]);
    bruno.ok(2, &["fuse", WIKI, INFINI]);
    let (from_anne, from_bruno) = (anne.bytes(), bruno.bytes());
    env.write("de-anne.ron", from_anne);
    env.write("de-bruno.ron", from_bruno);
    anne.ok(3, &["merge", "de-bruno.ron"]);
    bruno.ok(3, &["merge", "de-anne.ron"]);
    (anne, bruno)
}

// ---------------------------------------------------------------- opposite fusions

#[test]
fn opposite_fusions_leave_one_record_listed_the_same_in_both_copies() {
    let env = Env::new();
    let (anne, bruno) = opposite_fusions(&env);
    assert_eq!(anne.bytes(), bruno.bytes(), "the same file in both orders");
    let listed = anne.listed();
    let kept: Vec<&String> = listed
        .iter()
        .filter(|i| *i == INFINI || *i == WIKI)
        .collect();
    assert_eq!(kept, [INFINI], "one survivor, the smaller id: {listed:?}");
    assert_eq!(bruno.listed(), listed);
    // It can be shown, edited and searched like any record.
    anne.ok(4, &["edit", INFINI, "--set", "notes=Vu au forum"]);
    let found = anne.json(&["list", "-q", "Infini", "--format", "json"]);
    assert!(found.to_string().contains(INFINI), "{found}");
}

#[test]
fn opposite_fusions_are_a_conflict_to_settle_with_resolve() {
    let env = Env::new();
    let (anne, _) = opposite_fusions(&env);
    let text = anne.output(&["conflicts"]);
    assert!(
        text.contains("fusionnées l'une dans l'autre")
            && text.contains(&format!("recense resolve {INFINI} _merged_into --pick N")),
        "{text}"
    );
    let items = anne.json(&["conflicts", "--format", "json"]);
    let cycle = (items.as_array().expect("array").iter())
        .find(|c| c["kind"] == "fusion_cycle")
        .unwrap_or_else(|| panic!("no fusion_cycle in {items}"));
    assert_eq!(cycle["id"], INFINI);
    assert_eq!(cycle["records"][1]["id"], WIKI);
    // Keep the other one: Wiki-Brest stays, Infini redirects to it.
    anne.run(5, &["resolve", INFINI, "_merged_into", "--pick", "2"])
        .success();
    let listed = anne.listed();
    assert!(listed.contains(&WIKI.to_string()) && !listed.contains(&INFINI.to_string()));
    assert!(!anne.output(&["conflicts"]).contains("l'une dans l'autre"));
}

#[test]
fn the_merge_counts_opposite_fusions_as_a_conflict() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.ok(1, &["fuse", INFINI, WIKI]);
    bruno.ok(2, &["fuse", WIKI, INFINI]);
    let summary = anne.receive(3, &bruno);
    assert!(summary.contains(" conflit"), "{summary}");
    let conflicts = anne.output(&["conflicts"]);
    assert!(
        conflicts.contains("fusionnées l'une dans l'autre"),
        "{conflicts}"
    );
}

#[test]
fn validate_and_doctor_flag_a_cycle_of_fusions_in_a_file() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-fusion-cycle.ron");
    let out = env.cmd().args(["validate", &name]).assert().success();
    let stderr = stderr_of(out.get_output());
    assert!(
        stderr.contains(&format!("fusions en cycle : {FIRST} → {SECOND} → {FIRST}"))
            && stderr.contains(&format!("recense resolve {FIRST} _merged_into --pick N")),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("{name}:")), "a place: {stderr}");
    let out = env
        .cmd()
        .args(["--file", &name, "--as", "Anne", "doctor"])
        .assert()
        .code(1);
    let stdout = stdout_of(out.get_output());
    assert!(
        stdout.contains(&format!(
            "[à voir] fusions en cycle : {FIRST} → {SECOND} → {FIRST}"
        )),
        "{stdout}"
    );
}

#[test]
fn a_file_with_a_cycle_of_fusions_shows_its_survivor() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-fusion-cycle.ron");
    let out = env
        .cmd()
        .args(["--file", &name, "list", "--format", "json"])
        .assert()
        .success();
    let text = stdout_of(out.get_output());
    assert!(text.contains(FIRST) && !text.contains(SECOND), "{text}");
}

// ---------------------------------------------------------------- fuse keeps the legitimation work

/// Anne and Bruno each record the same association; Bruno gathers evidence
/// and a status on his record, Anne confirms it; Anne then fuses it into hers.
fn legitimized_duplicate(env: &Env) -> (Colleague<'_>, Colleague<'_>, String, String) {
    let anne = Colleague::new(env, "Anne");
    let bruno = Colleague::new(env, "Bruno");
    let keep = anne.add(
        1,
        &[
            "nom=Les Petits Débrouillards Bretagne",
            "type=association",
            "commune=Brest",
        ],
    );
    let other = bruno.add(
        2,
        &[
            "nom=Petits Débrouillards",
            "type=association",
            "commune=Brest",
        ],
    );
    bruno.ok(
        3,
        &[
            "evidence",
            "add",
            &other,
            "--kind",
            "visite",
            "--note",
            "Local rue Fautras",
        ],
    );
    bruno.ok(3, &["status", &other, "contacte", "--comment", "appel"]);
    anne.receive(4, &bruno);
    anne.ok(4, &["confirm", &other, "--comment", "Je les connais"]);
    anne.ok(5, &["fuse", &keep, &other]);
    (anne, bruno, keep, other)
}

#[test]
fn fuse_carries_status_evidence_and_confirmations_with_their_authors_and_dates() {
    let env = Env::new();
    let (anne, _, keep, _) = legitimized_duplicate(&env);
    let events = anne.history(&keep);
    let find = |kind: &str| {
        events
            .iter()
            .find(|e| e["event"] == kind)
            .unwrap_or_else(|| panic!("no {kind} in {events:?}"))
            .clone()
    };
    let evidence = find("evidence");
    assert_eq!(evidence["kind"], "visite");
    assert_eq!(evidence["by"], "Bruno");
    assert!(evidence["at"].as_str().unwrap().starts_with(&date(3)));
    let status = find("status");
    assert_eq!(status["status"], "contacte");
    assert_eq!(status["by"], "Bruno");
    assert!(status["at"].as_str().unwrap().starts_with(&date(3)));
    let confirmation = find("confirmation");
    assert_eq!(confirmation["by"], "Anne");
    assert!(confirmation["at"].as_str().unwrap().starts_with(&date(4)));
    let shown = anne.json(&["show", &keep, "--format", "json"]);
    assert_eq!(shown["status"], "contacte", "{shown}");
}

#[test]
fn differing_statuses_become_a_conflict_proposing_the_higher_one() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    // Both are « légitimé » in the sample; Wiki-Brest goes back to « contacté ».
    anne.ok(1, &["status", WIKI, "contacte", "--comment", "à revoir"]);
    anne.ok(2, &["fuse", INFINI, WIKI]);
    let items = anne.json(&["conflicts", "--format", "json"]);
    let status = (items.as_array().expect("array").iter())
        .find(|c| c["field"] == "_status")
        .unwrap_or_else(|| panic!("no status conflict in {items}"));
    assert_eq!(status["id"], INFINI);
    assert_eq!(status["values"][0]["value"], "legitime", "{status}");
    assert_eq!(status["values"][1]["value"], "contacte", "{status}");
}

#[test]
fn legitimation_added_to_the_duplicate_after_its_fusion_is_listed_and_taken_in() {
    let env = Env::new();
    let (anne, bruno, keep, other) = legitimized_duplicate(&env);
    // Bruno has not seen the fusion and brings a press article.
    bruno.ok(
        6,
        &[
            "evidence",
            "add",
            &other,
            "--kind",
            "presse",
            "--note",
            "Article du Télégramme",
        ],
    );
    anne.receive(7, &bruno);
    let text = anne.output(&["conflicts"]);
    assert!(
        text.contains(&format!(
            "modifications faites sur le doublon {other} après sa fusion"
        )) && text.contains("Article du Télégramme"),
        "{text}"
    );
    anne.ok(8, &["fuse", &keep, &other]);
    let events = anne.history(&keep);
    assert!(
        events
            .iter()
            .any(|e| e["note"] == "Article du Télégramme" && e["by"] == "Bruno"),
        "{events:?}"
    );
    assert!(!anne.output(&["conflicts"]).contains("après sa fusion"));
}

#[test]
fn the_kept_record_keeps_its_own_name() {
    let env = Env::new();
    let (anne, _, keep, _) = legitimized_duplicate(&env);
    let shown = anne.json(&["show", &keep, "--format", "json"]);
    assert_eq!(shown["fields"]["nom"], "Les Petits Débrouillards Bretagne");
}

// ---------------------------------------------------------------- deletions and legitimation

#[test]
fn a_deletion_does_not_hide_a_concurrent_status_evidence_or_confirmation() {
    let cases: [&[&str]; 3] = [
        &["status", INFINI, "en_sommeil", "--comment", "fermé l'été"],
        &[
            "evidence", "add", INFINI, "--kind", "presse", "--note", "Article",
        ],
        &["confirm", INFINI, "--comment", "Toujours actifs"],
    ];
    for work in cases {
        let env = Env::new();
        let anne = Colleague::new(&env, "Anne");
        let bruno = Colleague::new(&env, "Bruno");
        anne.ok(1, &["delete", INFINI]);
        bruno.ok(2, work);
        let summary = anne.receive(3, &bruno);
        assert!(summary.contains(", 1 conflit"), "{work:?}: {summary}");
        let text = anne.output(&["conflicts"]);
        assert!(
            text.contains("supprimée par Anne") && text.contains("modifiée ensuite par Bruno"),
            "{work:?}: {text}"
        );
    }
}

// ---------------------------------------------------------------- not-duplicate against fuse

#[test]
fn not_duplicate_made_while_the_pair_was_fused_is_reported() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let bruno = Colleague::new(&env, "Bruno");
    anne.ok(1, &["fuse", INFINI, WIKI]);
    bruno.ok(2, &["not-duplicate", INFINI, WIKI]);
    let count = |c: &Colleague| {
        c.json(&["conflicts", "--format", "json"])
            .as_array()
            .map_or(0, Vec::len)
    };
    let before = count(&anne);
    let summary = anne.receive(3, &bruno);
    assert!(
        summary.contains(&format!(", {} conflit", before + 1)),
        "{summary}"
    );
    let text = anne.output(&["conflicts"]);
    assert!(
        text.contains("fusionnées par Anne")
            && text.contains("deux initiatives différentes selon Bruno")
            && text.contains(&format!("recense resolve {INFINI} _not_duplicate --pick 1")),
        "{text}"
    );
    // Bruno was right: undo the fusion, both records are listed again.
    anne.run(4, &["resolve", INFINI, "_not_duplicate", "--pick", "2"])
        .success();
    let listed = anne.listed();
    assert!(listed.contains(&INFINI.to_string()) && listed.contains(&WIKI.to_string()));
    assert!(!anne.output(&["conflicts"]).contains("selon Bruno"));
}

// ---------------------------------------------------------------- links to records that are gone

#[test]
fn link_to_a_deleted_initiative_is_refused_with_the_reason() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-deleted-and-fused.ron");
    let before = env.snapshot();
    let out = env
        .cmd()
        .args([
            "--file", &name, "--as", "Anne", "link", FABLAB, "heberge", REPAIR,
        ])
        .assert()
        .code(1);
    let stderr = stderr_of(out.get_output());
    assert!(
        stderr.contains(&format!("{REPAIR} est supprimée"))
            && stderr.contains(&format!("recense restore {REPAIR}")),
        "{stderr}"
    );
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn link_to_a_fused_initiative_names_the_one_it_was_fused_into() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-deleted-and-fused.ron");
    let before = env.snapshot();
    let out = env
        .cmd()
        .args([
            "--lang", "en", "--file", &name, "--as", "Anne", "link", FABLAB, "heberge", SECOND,
        ])
        .assert()
        .code(1);
    let stderr = stderr_of(out.get_output());
    assert!(
        stderr.contains(&format!("{SECOND} was fused into {FIRST}"))
            && stderr.contains(&format!("link to {FIRST}")),
        "{stderr}"
    );
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn unlink_from_a_deleted_initiative_still_works() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    anne.ok(1, &["link", PAPI, "heberge", WIKI]);
    anne.ok(2, &["delete", WIKI]);
    anne.ok(3, &["unlink", PAPI, "heberge", WIKI]);
}
