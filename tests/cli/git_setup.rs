//! `setup-git` and `doctor` on what real repositories hold: census names with
//! spaces and brackets, the side files recense writes next to a census (which
//! must never be committed), and a repository where the census is found
//! without `--file`. These tests run the real git.

use crate::common;
use crate::git_common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{Env, assert_unchanged, stderr_of, stdout_of};
use git_common::{git, git_output, identify, merge_attribute, repository};
use predicates::prelude::*;
use predicates::str::contains;

/// « Infini (Internet Finistère) » in the sample census.
const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";
/// « Wiki-Brest » in the sample census.
const WIKI: &str = "01M6B5J2D0SQG3VQPNKVEWCE7N";
/// A census name git patterns get wrong unless quoted and escaped.
const ODD: &str = "Recensement [Brest] 2026.ron";

/// `recense --file FILE` run in `dir`.
fn recense(env: &Env, dir: &Path, file: &str) -> Command {
    let mut cmd = env.cmd();
    cmd.current_dir(dir).args(["--file", file]);
    cmd
}

/// `recense` without `--file`, run in `dir`.
fn recense_here(env: &Env, dir: &Path) -> Command {
    let mut cmd = env.cmd();
    cmd.current_dir(dir);
    cmd
}

/// `recense --file FILE --as WHO` in `dir` on `day` of December 2026.
fn recense_as(env: &Env, dir: &Path, file: &str, who: &str, day: u32) -> Command {
    let mut cmd = env.cmd_at(&format!("2026-12-{day:02}T10:00:00Z"));
    cmd.current_dir(dir).args(["--file", file, "--as", who]);
    cmd
}

/// A repository `origin` holding the sample census as `file`, set up with
/// `setup-git` and committed as people do it (`git add -A`).
fn origin(env: &Env, file: &str) -> PathBuf {
    let dir = repository(env, "origin");
    env.copy_sample(&format!("origin/{file}"));
    recense(env, &dir, file).arg("setup-git").assert().success();
    git(env, &dir, &["add", "-A"]);
    git(env, &dir, &["commit", "--quiet", "-m", "Recensement"]);
    dir
}

/// A clone of `origin` with its committer and its own `setup-git`.
fn clone(env: &Env, origin: &Path, name: &str, committer: &str, file: &str) -> PathBuf {
    git(
        env,
        &env.work(),
        &["clone", "--quiet", &origin.display().to_string(), name],
    );
    let dir = env.path(name);
    identify(env, &dir, committer);
    recense(env, &dir, file).arg("setup-git").assert().success();
    dir
}

/// The JSON `show` gives of an initiative.
fn shown(env: &Env, dir: &Path, file: &str, id: &str) -> serde_json::Value {
    let out = recense(env, dir, file)
        .args(["show", id, "--format", "json"])
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).expect("JSON")
}

// ---------------------------------------------------------------- odd names

#[test]
fn setup_git_gives_a_census_named_with_a_space_and_a_bracket_to_recense() {
    let env = Env::new();
    let dir = repository(&env, "depot");
    env.copy_sample(&format!("depot/{ODD}"));
    recense(&env, &dir, ODD)
        .arg("setup-git")
        .assert()
        .success()
        .stdout(contains(
            r#""Recensement \\[Brest] 2026.ron" merge=recense"#,
        ));
    assert_eq!(merge_attribute(&env, &dir, ODD), "recense");
    // The brackets are not a pattern: a neighbour is not given to recense.
    assert_eq!(
        merge_attribute(&env, &dir, "Recensement B 2026.ron"),
        "unspecified"
    );
}

#[test]
fn setup_git_gives_a_census_in_a_folder_with_a_space_to_recense() {
    let env = Env::new();
    let dir = repository(&env, "depot");
    let file = "équipe brest/recensement*.ron";
    env.copy_sample(&format!("depot/{file}"));
    recense(&env, &dir, file)
        .arg("setup-git")
        .assert()
        .success();
    assert_eq!(merge_attribute(&env, &dir, file), "recense");
    assert_eq!(
        merge_attribute(&env, &dir, "équipe brest/recensement-2.ron"),
        "unspecified"
    );
}

#[test]
fn clones_merge_a_census_named_with_a_space_and_a_bracket_without_markers() {
    let env = Env::new();
    let origin = origin(&env, ODD);
    let one = clone(&env, &origin, "clone1", "Anne", ODD);
    let two = clone(&env, &origin, "clone2", "Bruno", ODD);
    recense_as(&env, &one, ODD, "Anne", 1)
        .args(["edit", INFINI, "--set", "telephone=02 98 00 00 01"])
        .assert()
        .success();
    git(&env, &one, &["commit", "--quiet", "-am", "Téléphone"]);
    recense_as(&env, &two, ODD, "Bruno", 2)
        .args(["edit", WIKI, "--set", "notes=Relu par Bruno"])
        .assert()
        .success();
    git(&env, &two, &["commit", "--quiet", "-am", "Notes"]);
    let pull = git_output(
        &env,
        &one,
        &["pull", "--no-rebase", "--no-edit", "../clone2", "main"],
    );
    let census = std::fs::read_to_string(one.join(ODD)).expect("census");
    assert!(
        !census.contains("<<<<<<<") && pull.status.success(),
        "git merged the census as text:\n{}{}",
        stdout_of(&pull),
        stderr_of(&pull)
    );
    assert_eq!(
        shown(&env, &one, ODD, INFINI)["fields"]["telephone"],
        "+33298000001"
    );
    assert_eq!(
        shown(&env, &one, ODD, WIKI)["fields"]["notes"],
        "Relu par Bruno"
    );
}

#[test]
fn setup_git_replaces_the_line_an_earlier_version_wrote_for_an_odd_name() {
    let env = Env::new();
    let dir = repository(&env, "depot");
    env.copy_sample(&format!("depot/{ODD}"));
    env.write(
        "depot/.gitattributes",
        format!("*.png binary\n{ODD} merge=recense\n"),
    );
    recense(&env, &dir, ODD).arg("setup-git").assert().success();
    assert_eq!(
        env.read_text("depot/.gitattributes"),
        "*.png binary\n\"Recensement \\\\[Brest] 2026.ron\" merge=recense\n"
    );
}

#[test]
fn doctor_says_a_voir_when_git_does_not_apply_the_driver_to_the_census() {
    let env = Env::new();
    let dir = repository(&env, "depot");
    env.copy_sample(&format!("depot/{ODD}"));
    recense(&env, &dir, ODD).arg("setup-git").assert().success();
    // The line an earlier version wrote: git reads the pattern `Recensement`.
    env.write("depot/.gitattributes", format!("{ODD} merge=recense\n"));
    assert_eq!(merge_attribute(&env, &dir, ODD), "unspecified");
    recense(&env, &dir, ODD)
        .args(["--as", "Anne", "doctor"])
        .assert()
        .code(1)
        .stdout(contains(format!(
            "[à voir] git : .gitattributes ne confie pas {ODD} à recense (recense setup-git)"
        )));
}

// ---------------------------------------------------------------- side files

/// What `setup-git` writes in `.gitignore` for `census.ron`.
const IGNORED: &str = "/census.ron.bak\n/census.ron.lock\n/census.ron.journal\n\
/census.ron.peers.ron\n/census.ron.draft\n/census.ron.tmp-*\n/census.ron.rescue-*.ron\n/census.ron.lock.*\n/census.ron.journal.*\n/census.ron.presence\n";

#[test]
fn setup_git_ignores_the_side_files_of_the_census() {
    let env = Env::new();
    let dir = repository(&env, "depot");
    env.copy_sample("depot/census.ron");
    recense(&env, &dir, "census.ron")
        .arg("setup-git")
        .assert()
        .success()
        .stdout(contains("Ajouté à"));
    let ignore = env.read_text("depot/.gitignore");
    assert!(ignore.ends_with(IGNORED), "{ignore}");
    // Side files made by real commands: a backup, the record of colleagues.
    recense_as(&env, &dir, "census.ron", "Anne", 1)
        .args(["edit", INFINI, "--set", "telephone=02 98 00 00 01"])
        .assert()
        .success();
    env.copy_sample("de-bruno.ron");
    recense_as(&env, &dir, "census.ron", "Anne", 2)
        .args(["merge", "../de-bruno.ron", "--from", "Équipe recense Brest"])
        .assert()
        .success();
    for side in ["census.ron.bak", "census.ron.peers.ron"] {
        assert!(dir.join(side).exists(), "{side} was not made");
    }
    env.write("depot/census.ron.lock", "");
    env.write("depot/census.ron.journal", "");
    git(&env, &dir, &["add", "-A"]);
    assert_eq!(
        git(&env, &dir, &["ls-files"]),
        ".gitattributes\n.gitignore\ncensus.ron"
    );
}

#[test]
fn setup_git_a_second_time_keeps_one_copy_of_the_ignore_lines() {
    let env = Env::new();
    let dir = repository(&env, "depot");
    env.copy_sample("depot/census.ron");
    env.write("depot/.gitignore", "target/\n/census.ron.bak");
    recense(&env, &dir, "census.ron")
        .arg("setup-git")
        .assert()
        .success();
    let first = env.read_text("depot/.gitignore");
    assert!(first.starts_with("target/\n/census.ron.bak\n"), "{first}");
    assert_eq!(first.matches("/census.ron.bak").count(), 1, "{first}");
    assert!(first.contains("/census.ron.peers.ron\n"), "{first}");
    recense(&env, &dir, "census.ron")
        .arg("setup-git")
        .assert()
        .success()
        .stdout(contains("a déjà les lignes qui ignorent"));
    assert_eq!(env.read_text("depot/.gitignore"), first);
}

#[test]
fn doctor_warns_when_a_side_file_is_tracked_and_says_how_to_untrack_it() {
    let env = Env::new();
    let dir = origin(&env, ODD);
    let backup = format!("{ODD}.bak");
    env.copy_sample(&format!("origin/{backup}"));
    git(&env, &dir, &["add", "--force", &backup]);
    git(&env, &dir, &["commit", "--quiet", "-m", "Sauvegarde"]);
    recense(&env, &dir, ODD)
        .args(["--as", "Anne", "doctor"])
        .assert()
        .code(1)
        .stdout(contains(format!(
            "[à voir] git : {backup} est suivi par git alors qu'il est propre à cette copie"
        )))
        .stdout(contains(
            "git rm --cached -- 'Recensement [Brest] 2026.ron.bak'",
        ));
    git(&env, &dir, &["rm", "--quiet", "--cached", "--", &backup]);
    recense(&env, &dir, ODD)
        .args(["--as", "Anne", "doctor"])
        .assert()
        .success()
        .stdout(contains("[à voir]").not());
}

#[test]
fn doctor_says_a_voir_when_the_side_files_are_not_ignored() {
    let env = Env::new();
    let dir = origin(&env, "census.ron");
    std::fs::remove_file(dir.join(".gitignore")).expect("remove .gitignore");
    recense(&env, &dir, "census.ron")
        .args(["--as", "Anne", "doctor"])
        .assert()
        .code(1)
        .stdout(contains(
            "[à voir] git : les fichiers de travail de census.ron (census.ron.bak, .lock, .journal, .peers.ron, .draft, .tmp-*, .rescue-*.ron, .lock.*, .journal.*, .presence) ne sont pas ignorés (recense setup-git)",
        ));
}

// ---------------------------------------------------------------- without --file

#[test]
fn setup_git_without_file_uses_the_only_census_of_the_repository() {
    let env = Env::new();
    let dir = repository(&env, "depot");
    env.copy_sample("depot/recensement.ron");
    // Not censuses: a form, a record of colleagues, a backup.
    std::fs::copy(
        common::project_dir().join("tests/fixtures/valid/schema-minimal.ron"),
        dir.join("formulaire.ron"),
    )
    .expect("copy form");
    env.write(
        "depot/notes.ron",
        "// recense: what each colleague is known to have\n{}\n",
    );
    env.copy_sample("depot/recensement.ron.bak");
    std::fs::create_dir(dir.join("docs")).expect("create docs");
    recense_here(&env, &dir.join("docs"))
        .arg("setup-git")
        .assert()
        .success()
        .stdout(contains("Recensement de ce dépôt : ../recensement.ron"))
        .stdout(contains("recensement.ron merge=recense"));
    assert_eq!(merge_attribute(&env, &dir, "recensement.ron"), "recense");
}

#[test]
fn setup_git_without_file_finds_a_census_by_its_content() {
    let env = Env::new();
    let dir = repository(&env, "depot");
    env.copy_sample("depot/donnees/communs");
    recense_here(&env, &dir).arg("setup-git").assert().success();
    assert_eq!(merge_attribute(&env, &dir, "donnees/communs"), "recense");
}

#[test]
fn setup_git_without_file_lists_the_censuses_and_asks_for_one() {
    let env = Env::new();
    let dir = repository(&env, "depot");
    env.copy_sample("depot/brest.ron");
    env.copy_sample("depot/archives/2025.ron");
    let before = env.snapshot();
    recense_here(&env, &dir)
        .arg("setup-git")
        .assert()
        .code(1)
        .stderr(contains(
            "ce dépôt git contient plusieurs recensements : archives/2025.ron, brest.ron ; choisissez-en un avec --file",
        ));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn setup_git_without_file_in_a_repository_without_census_says_so() {
    let env = Env::new();
    let dir = repository(&env, "depot");
    env.write("depot/LISEZMOI.md", "Nos recensements\n");
    // A form is a `.ron` file too, not a census.
    let form = common::fixture_path("valid/schema-minimal.ron");
    std::fs::copy(form, dir.join("formulaire.ron")).expect("copy form");
    let before = env.snapshot();
    recense_here(&env, &dir)
        .arg("setup-git")
        .assert()
        .code(1)
        .stderr(contains("aucun recensement dans ce dépôt git"))
        .stderr(contains("recense init FICHIER --territory NOM"))
        .stderr(contains("git init").not());
    assert_unchanged(&before, &env.snapshot());
}
