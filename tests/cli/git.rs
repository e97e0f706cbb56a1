//! recense with git: `setup-git` gives the census to recense's merge driver,
//! so that two clones with concurrent commits merge without a text conflict,
//! the concurrent values kept as a conflict in the data; `doctor` checks the
//! set-up. These tests run the real git: without git they fail, saying so.

use crate::common;
use crate::git_common;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use common::{Env, stderr_of, stdout_of};
use git_common::{expected_driver, git, git_output, identify};
use predicates::prelude::*;
use predicates::str::contains;

/// « Infini (Internet Finistère) » in the sample census.
const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";
const CENSUS: &str = "census.ron";

/// `recense --file census.ron` run in `dir`.
fn recense(env: &Env, dir: &Path) -> Command {
    let mut cmd = env.cmd();
    cmd.current_dir(dir).args(["--file", CENSUS]);
    cmd
}

/// `recense` in `dir` as `who` on `day` of December 2026.
fn recense_as(env: &Env, dir: &Path, who: &str, day: u32) -> Command {
    let mut cmd = env.cmd_at(&format!("2026-12-{day:02}T10:00:00Z"));
    cmd.current_dir(dir).args(["--file", CENSUS, "--as", who]);
    cmd
}

/// A repository `origin` holding the sample census, set up with
/// `recense setup-git`, everything committed.
fn origin(env: &Env) -> PathBuf {
    let dir = env.path("origin");
    std::fs::create_dir(&dir).expect("create origin");
    git(env, &dir, &["init", "--quiet", "-b", "main"]);
    identify(env, &dir, "Origine");
    env.copy_sample("origin/census.ron");
    recense(env, &dir).arg("setup-git").assert().success();
    git(env, &dir, &["add", "-A"]);
    git(
        env,
        &dir,
        &["commit", "--quiet", "-m", "Recensement de départ"],
    );
    dir
}

/// A clone of `origin` named `name`, with its committer and its own
/// `setup-git` (the local git config is not cloned).
fn clone(env: &Env, origin: &Path, name: &str, committer: &str) -> PathBuf {
    git(
        env,
        &env.work(),
        &["clone", "--quiet", &origin.display().to_string(), name],
    );
    let dir = env.path(name);
    identify(env, &dir, committer);
    recense(env, &dir).arg("setup-git").assert().success();
    dir
}

/// Two clones of the same census; Anne (clone 1) and Bruno (clone 2) give
/// Infini a telephone each and commit; Bruno also adds an initiative. Anne
/// then pulls Bruno's commit. Returns the clones, the new id and the pull's
/// output.
fn concurrent_commits(env: &Env) -> (PathBuf, PathBuf, String, Output) {
    let origin = origin(env);
    let one = clone(env, &origin, "clone1", "Anne");
    let two = clone(env, &origin, "clone2", "Bruno");
    recense_as(env, &one, "Anne", 1)
        .args(["edit", INFINI, "--set", "telephone=02 98 00 00 01"])
        .assert()
        .success();
    git(
        env,
        &one,
        &["commit", "--quiet", "-am", "Téléphone d'Infini"],
    );
    recense_as(env, &two, "Bruno", 2)
        .args(["edit", INFINI, "--set", "telephone=02 98 00 00 02"])
        .assert()
        .success();
    let out = recense_as(env, &two, "Bruno", 2)
        .args([
            "add",
            "--set",
            "nom=Atelier vélo",
            "--set",
            "type=association",
            "--set",
            "commune=Guipavas",
        ])
        .assert()
        .success();
    let added = stdout_of(out.get_output()).trim().to_string();
    git(
        env,
        &two,
        &["commit", "--quiet", "-am", "Un autre téléphone, un atelier"],
    );
    let pull = git_output(
        env,
        &one,
        &["pull", "--no-rebase", "--no-edit", "../clone2", "main"],
    );
    (one, two, added, pull)
}

// ---------------------------------------------------------------- setup-git

#[test]
fn setup_git_gives_the_census_to_the_recense_merge_driver() {
    let env = Env::new();
    let dir = env.path("depot");
    std::fs::create_dir(&dir).expect("create folder");
    git(&env, &dir, &["init", "--quiet", "-b", "main"]);
    env.copy_sample("depot/census.ron");
    recense(&env, &dir)
        .arg("setup-git")
        .assert()
        .success()
        .stdout(contains(".gitattributes : census.ron merge=recense"))
        .stdout(contains(format!(
            "Configuration git locale : merge.recense.driver = {}",
            expected_driver()
        )));
    assert_eq!(
        env.read_text("depot/.gitattributes"),
        "census.ron merge=recense\n"
    );
    assert_eq!(
        git(&env, &dir, &["config", "merge.recense.driver"]),
        expected_driver()
    );
    assert_eq!(
        git(&env, &dir, &["check-attr", "merge", CENSUS]),
        "census.ron: merge: recense"
    );
}

#[test]
fn setup_git_a_second_time_keeps_one_attribute_line() {
    let env = Env::new();
    let dir = origin(&env);
    recense(&env, &dir)
        .arg("setup-git")
        .assert()
        .success()
        .stdout(contains("a déjà : census.ron merge=recense"));
    assert_eq!(
        env.read_text("origin/.gitattributes"),
        "census.ron merge=recense\n"
    );
}

#[test]
fn setup_git_keeps_the_other_attributes() {
    let env = Env::new();
    let dir = env.path("depot");
    std::fs::create_dir(&dir).expect("create folder");
    git(&env, &dir, &["init", "--quiet", "-b", "main"]);
    env.copy_sample("depot/census.ron");
    env.write("depot/.gitattributes", "*.png binary");
    recense(&env, &dir).arg("setup-git").assert().success();
    assert_eq!(
        env.read_text("depot/.gitattributes"),
        "*.png binary\ncensus.ron merge=recense\n"
    );
}

#[test]
fn setup_git_outside_a_repository_says_so() {
    let env = Env::new();
    env.copy_sample(CENSUS);
    let before = env.snapshot();
    recense(&env, &env.work())
        .arg("setup-git")
        .assert()
        .code(1)
        .stderr(contains(
            "n'est pas dans un dépôt git (« git init » d'abord)",
        ));
    common::assert_unchanged(&before, &env.snapshot());
}

// ---------------------------------------------------------------- merging clones

#[test]
fn concurrent_commits_merge_without_a_text_conflict() {
    let env = Env::new();
    let (one, _, _, pull) = concurrent_commits(&env);
    assert!(
        pull.status.success(),
        "git pull failed:\n{}{}",
        stdout_of(&pull),
        stderr_of(&pull)
    );
    let census = std::fs::read_to_string(one.join(CENSUS)).expect("census");
    assert!(
        !census.contains("<<<<<<<"),
        "text conflict markers:\n{census}"
    );
    // The merge is committed: nothing left to resolve for git.
    assert_eq!(git(&env, &one, &["ls-files", "--unmerged"]), "");
    assert_eq!(git(&env, &one, &["status", "--porcelain", CENSUS]), "");
    env.cmd()
        .current_dir(&one)
        .args(["validate", CENSUS])
        .assert()
        .success()
        .stdout(contains("census.ron: valide"));
}

#[test]
fn concurrent_commits_keep_both_edits_and_record_the_conflict() {
    let env = Env::new();
    let (one, _, added, _) = concurrent_commits(&env);
    recense(&env, &one)
        .args(["show", &added])
        .assert()
        .success()
        .stdout(contains("Atelier vélo"));
    recense(&env, &one)
        .arg("conflicts")
        .assert()
        .success()
        .stdout(contains(format!(
            "{INFINI} Infini (Internet Finistère) — champ « Téléphone générique » modifié en parallèle :"
        )))
        .stdout(contains("1. « +33298000002 »  par Bruno, 2026-12-02"))
        .stdout(contains("2. « +33298000001 »  par Anne, 2026-12-01"));
}

#[test]
fn after_pulling_back_both_clones_hold_the_same_census() {
    let env = Env::new();
    let (one, two, _, _) = concurrent_commits(&env);
    git(
        &env,
        &two,
        &["pull", "--no-rebase", "--no-edit", "../clone1", "main"],
    );
    assert!(
        std::fs::read(one.join(CENSUS)).expect("clone 1")
            == std::fs::read(two.join(CENSUS)).expect("clone 2")
    );
}

#[test]
fn a_conflict_settled_in_one_clone_reaches_the_other() {
    let env = Env::new();
    let (one, two, _, _) = concurrent_commits(&env);
    recense_as(&env, &one, "Anne", 3)
        .args(["resolve", INFINI, "telephone", "--pick", "2"])
        .assert()
        .success();
    git(&env, &one, &["commit", "--quiet", "-am", "Conflit réglé"]);
    git(
        &env,
        &two,
        &["pull", "--no-rebase", "--no-edit", "../clone1", "main"],
    );
    recense(&env, &two)
        .arg("conflicts")
        .assert()
        .success()
        .stdout(contains("Aucun conflit."));
    recense(&env, &two)
        .args(["show", INFINI])
        .assert()
        .success()
        .stdout(contains("02 98 00 00 01").and(contains("02 98 00 00 02").not()));
}

#[test]
fn a_git_merge_leaves_no_stray_file_in_the_work_tree() {
    let env = Env::new();
    let (one, _, _, pull) = concurrent_commits(&env);
    assert!(pull.status.success());
    let stray: Vec<String> = std::fs::read_dir(&one)
        .expect("clone 1")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".merge_file"))
        .collect();
    assert!(stray.is_empty(), "left behind: {stray:?}");
}

// ---------------------------------------------------------------- the driver itself

#[test]
fn the_driver_merges_theirs_into_ours() {
    let env = Env::new();
    env.copy_sample("base.ron");
    env.copy_sample("ours.ron");
    env.copy_sample("theirs.ron");
    env.cmd_at("2026-12-02T10:00:00Z")
        .args(["--file", "theirs.ron", "--as", "Bruno"])
        .args(["edit", INFINI, "--set", "telephone=02 98 00 00 02"])
        .assert()
        .success();
    env.cmd()
        .args([
            "git-merge-driver",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            CENSUS,
        ])
        .assert()
        .success();
    env.cmd()
        .args(["--file", "ours.ron", "show", INFINI])
        .assert()
        .success()
        .stdout(contains("02 98 00 00 02"));
}

#[test]
fn the_driver_fails_when_theirs_is_missing_and_leaves_ours_alone() {
    let env = Env::new();
    env.copy_sample("base.ron");
    env.copy_sample("ours.ron");
    let before = env.snapshot();
    env.cmd()
        .args([
            "git-merge-driver",
            "base.ron",
            "ours.ron",
            "absent.ron",
            CENSUS,
        ])
        .assert()
        .failure()
        .stderr(contains("fusion git de census.ron impossible"))
        .stderr(contains(
            "census.ron (l'autre version): fichier introuvable",
        ));
    common::assert_unchanged(&before, &env.snapshot());
}

#[test]
fn the_driver_fails_when_theirs_cannot_be_read_and_leaves_ours_alone() {
    let env = Env::new();
    env.copy_sample("base.ron");
    env.copy_sample("ours.ron");
    env.write("theirs.ron", "(\n    format: 1,\n    territory: \"Pays");
    let before = env.snapshot();
    env.cmd()
        .args([
            "git-merge-driver",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            CENSUS,
        ])
        .assert()
        .failure()
        .stderr(contains("fusion git de census.ron impossible"))
        .stderr(contains("tronqué"));
    common::assert_unchanged(&before, &env.snapshot());
}

#[test]
fn the_driver_fails_when_ours_is_missing() {
    let env = Env::new();
    env.copy_sample("base.ron");
    env.copy_sample("theirs.ron");
    let before = env.snapshot();
    env.cmd()
        .args([
            "git-merge-driver",
            "base.ron",
            "absent.ron",
            "theirs.ron",
            CENSUS,
        ])
        .assert()
        .failure()
        .stderr(contains("fusion git de census.ron impossible"));
    common::assert_unchanged(&before, &env.snapshot());
}

// ---------------------------------------------------------------- doctor

#[test]
fn doctor_is_ok_after_setup_git() {
    let env = Env::new();
    let dir = origin(&env);
    recense(&env, &dir)
        .args(["--as", "Anne", "doctor"])
        .assert()
        .success()
        .stdout(contains(
            "[ok] git : .gitattributes confie census.ron à recense",
        ))
        .stdout(contains(format!(
            "[ok] git : pilote de fusion {}",
            expected_driver()
        )))
        .stdout(contains("[à voir]").not());
}

#[test]
fn doctor_says_a_voir_when_the_census_is_not_given_to_recense() {
    let env = Env::new();
    let dir = env.path("depot");
    std::fs::create_dir(&dir).expect("create folder");
    git(&env, &dir, &["init", "--quiet", "-b", "main"]);
    env.copy_sample("depot/census.ron");
    recense(&env, &dir)
        .args(["--as", "Anne", "doctor"])
        .assert()
        .code(1)
        .stdout(contains(
            "[à voir] git : .gitattributes ne confie pas census.ron à recense (recense setup-git)",
        ))
        .stdout(contains(
            "[à voir] git : pilote de fusion absent de la configuration (recense setup-git)",
        ));
}

#[test]
fn doctor_in_a_fresh_clone_says_the_driver_is_missing() {
    let env = Env::new();
    let origin = origin(&env);
    git(
        &env,
        &env.work(),
        &["clone", "--quiet", &origin.display().to_string(), "copie"],
    );
    let dir = env.path("copie");
    recense(&env, &dir)
        .args(["--as", "Anne", "doctor"])
        .assert()
        .code(1)
        .stdout(contains(
            "[ok] git : .gitattributes confie census.ron à recense",
        ))
        .stdout(contains(
            "[à voir] git : pilote de fusion absent de la configuration (recense setup-git)",
        ));
}

#[test]
fn doctor_says_a_voir_when_the_merge_conflicts_are_not_settled() {
    let env = Env::new();
    let (one, _, _, _) = concurrent_commits(&env);
    recense(&env, &one)
        .args(["--as", "Anne", "doctor"])
        .assert()
        .code(1)
        .stdout(contains("[à voir] 1 conflit à régler (recense conflicts)"));
}
