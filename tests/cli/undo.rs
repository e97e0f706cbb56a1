//! Going back in a way merges keep. Putting an old file back (`git revert`,
//! `git checkout OLD -- FILE`, copying the `.bak`) is undone by the next
//! merge; `recense undo` and `recense restore-from FILE|REV` write the old
//! values as new edits instead, which hold through merges with colleagues'
//! copies, and `doctor` says when a census went back in time.

use crate::common;
use crate::git_common::git;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::{Env, assert_unchanged, fixture_path, stderr_of, stdout_of};
use predicates::prelude::*;
use predicates::str::contains;

/// « Infini (Internet Finistère) » in the sample census: no telephone.
const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";
/// « Wiki-Brest ».
const WIKI: &str = "01M6B5J2D0SQG3VQPNKVEWCE7N";
/// Infini in `tests/fixtures/valid/census-base.ron` and the `undo` fixtures.
const BASE_INFINI: &str = "01M8KBYJ808GACQFDEPG38BYMN";
const CENSUS: &str = "census.ron";

/// `recense --file FILE --as WHO` in the working folder on `day` of December 2026.
fn on(env: &Env, file: &str, who: &str, day: u32) -> Command {
    let mut cmd = env.cmd_at(&format!("2026-12-{day:02}T10:00:00Z"));
    cmd.args(["--file", file, "--as", who]);
    cmd
}

/// What `show` prints of an initiative of `file`.
fn show(env: &Env, file: &str, id: &str) -> String {
    let out = env
        .cmd()
        .args(["--file", file, "show", id])
        .output()
        .expect("show");
    assert!(out.status.success(), "{}", stderr_of(&out));
    stdout_of(&out)
}

/// Anne, on the sample census, gives Infini a telephone; Bruno's copy
/// (`bruno.ron`) received that change.
fn anne_changed_infini(env: &Env) {
    env.copy_sample(CENSUS);
    on(env, CENSUS, "Anne", 1)
        .args(["edit", INFINI, "--set", "telephone=02 98 00 00 01"])
        .assert()
        .success();
    env.write("bruno.ron", env.read(CENSUS));
}

/// Puts `undo/went-back-newer.ron` beside `went-back.ron` as its backup: the
/// version with Marie's change that `went-back.ron` no longer has (`*.bak`
/// files are not kept in the repository).
fn newer_backup(env: &Env) {
    let newer = std::fs::read(fixture_path("undo/went-back-newer.ron")).expect("fixture");
    env.write("went-back.ron.bak", newer);
}

// ---------------------------------------------------------------- undo

#[test]
fn undo_puts_the_last_change_back_and_says_what_it_undid() {
    let env = Env::new();
    anne_changed_infini(&env);
    on(&env, CENSUS, "Anne", 2)
        .arg("undo")
        .assert()
        .success()
        .stdout(contains(
            "Annulé : la dernière modification enregistrée dans census.ron (1 initiative) :",
        ))
        .stdout(contains(format!(
            "  {INFINI} Infini (Internet Finistère) : Téléphone générique « +33298000001 » → « (vide) »"
        )))
        .stdout(contains("elles tiendront aux prochaines fusions"));
    assert!(!show(&env, CENSUS, INFINI).contains("02 98 00 00 01"));
}

#[test]
fn undo_survives_a_merge_with_the_colleague_who_had_the_change() {
    let env = Env::new();
    anne_changed_infini(&env);
    on(&env, CENSUS, "Anne", 2).arg("undo").assert().success();
    on(&env, CENSUS, "Anne", 3)
        .args(["merge", "bruno.ron"])
        .assert()
        .success()
        .stdout(contains("0 conflit"));
    assert!(!show(&env, CENSUS, INFINI).contains("02 98 00 00 01"));
    // And the other way: Bruno takes the undo in.
    env.write("anne.ron", env.read(CENSUS));
    on(&env, "bruno.ron", "Bruno", 3)
        .args(["merge", "anne.ron"])
        .assert()
        .success();
    assert!(!show(&env, "bruno.ron", INFINI).contains("02 98 00 00 01"));
}

#[test]
fn copying_the_backup_back_is_undone_by_the_next_merge() {
    // The defect `undo` answers: the old file loses against the copy that saw
    // the change.
    let env = Env::new();
    anne_changed_infini(&env);
    env.write(CENSUS, env.read("census.ron.bak"));
    on(&env, CENSUS, "Anne", 2)
        .args(["merge", "bruno.ron"])
        .assert()
        .success();
    assert!(show(&env, CENSUS, INFINI).contains("02 98 00 00 01"));
}

#[test]
fn undo_twice_puts_the_change_back() {
    let env = Env::new();
    anne_changed_infini(&env);
    on(&env, CENSUS, "Anne", 2).arg("undo").assert().success();
    on(&env, CENSUS, "Anne", 3).arg("undo").assert().success();
    assert!(show(&env, CENSUS, INFINI).contains("02 98 00 00 01"));
}

#[test]
fn undo_of_an_add_deletes_the_new_initiative() {
    let env = Env::new();
    env.copy_sample(CENSUS);
    let out = on(&env, CENSUS, "Anne", 1)
        .args([
            "add",
            "--set",
            "nom=Atelier vélo",
            "--set",
            "type=association",
        ])
        .args(["--set", "commune=Guipavas"])
        .output()
        .expect("add");
    let id = stdout_of(&out).trim().to_string();
    on(&env, CENSUS, "Anne", 2)
        .arg("undo")
        .assert()
        .success()
        .stdout(contains(format!(
            "  {id} Atelier vélo : supprimée (créée par la modification annulée ; « recense restore {id} » la ramène)"
        )));
    env.cmd()
        .args(["--file", CENSUS, "list"])
        .assert()
        .success()
        .stdout(contains("Atelier vélo").not());
}

#[test]
fn undo_in_english() {
    let env = Env::new();
    anne_changed_infini(&env);
    on(&env, CENSUS, "Anne", 2)
        .args(["--lang", "en", "undo"])
        .assert()
        .success()
        .stdout(contains(
            "Undone: the last change saved in census.ron (1 initiative):",
        ))
        .stdout(contains("`+33298000001` → `(empty)`"));
}

#[test]
fn undo_of_one_initiative_takes_only_its_last_change() {
    let env = Env::new();
    anne_changed_infini(&env);
    on(&env, CENSUS, "Anne", 2)
        .args(["edit", WIKI, "--set", "notes=Vu au forum"])
        .assert()
        .success();
    let before = env.snapshot();
    on(&env, CENSUS, "Anne", 3)
        .args(["undo", "--initiative", INFINI])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "rien à annuler pour {INFINI} : sa dernière modification n'est pas dans la sauvegarde census.ron.bak"
        )))
        .stderr(contains(format!(
            "recense restore-from FICHIER|RÉVISION --initiative {INFINI}"
        )));
    assert_unchanged(&before, &env.snapshot());
    on(&env, CENSUS, "Anne", 3)
        .args(["undo", "--initiative", WIKI])
        .assert()
        .success()
        .stdout(contains("(1 initiative)"));
    assert!(show(&env, CENSUS, WIKI).contains("Cité dans l'étude"));
    assert!(show(&env, CENSUS, INFINI).contains("02 98 00 00 01"));
}

#[test]
fn undo_without_a_backup_refuses_and_writes_nothing() {
    let env = Env::new();
    env.copy_sample(CENSUS);
    let before = env.snapshot();
    on(&env, CENSUS, "Anne", 1)
        .arg("undo")
        .assert()
        .code(1)
        .stderr(contains(
            "rien à annuler : pas de sauvegarde census.ron.bak (recense n'a encore rien modifié dans ce recensement ici)",
        ));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn undo_when_the_census_is_its_backup_refuses() {
    let env = Env::new();
    anne_changed_infini(&env);
    env.write(CENSUS, env.read("census.ron.bak"));
    let before = env.snapshot();
    on(&env, CENSUS, "Anne", 2)
        .arg("undo")
        .assert()
        .code(1)
        .stderr(contains(
            "rien à annuler : le recensement est le même que sa sauvegarde census.ron.bak",
        ));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn undo_after_the_file_was_replaced_by_an_older_one_refuses() {
    let env = Env::new();
    let file = env.copy_fixture("undo/went-back.ron");
    newer_backup(&env);
    let before = env.snapshot();
    on(&env, &file, "Anne", 2)
        .arg("undo")
        .assert()
        .code(1)
        .stderr(contains(
            "went-back.ron a été remplacé depuis la dernière modification faite par recense",
        ))
        .stderr(contains("Rien n'a été écrit."));
    assert_unchanged(&before, &env.snapshot());
}

// ---------------------------------------------------------------- restore-from FILE

#[test]
fn restore_from_a_file_writes_its_values_as_new_edits_that_survive_a_merge() {
    let env = Env::new();
    anne_changed_infini(&env);
    env.copy_sample("old.ron");
    on(&env, CENSUS, "Anne", 2)
        .args(["restore-from", "old.ron"])
        .assert()
        .success()
        .stdout(contains("Repris de old.ron : 1 initiative modifiée :"))
        .stdout(contains(
            "Téléphone générique « +33298000001 » → « (vide) »",
        ));
    on(&env, CENSUS, "Anne", 3)
        .args(["merge", "bruno.ron"])
        .assert()
        .success()
        .stdout(contains("0 conflit"));
    assert!(!show(&env, CENSUS, INFINI).contains("02 98 00 00 01"));
}

#[test]
fn restore_from_with_nothing_different_writes_nothing() {
    let env = Env::new();
    env.copy_sample(CENSUS);
    env.copy_sample("old.ron");
    let before = env.snapshot();
    on(&env, CENSUS, "Anne", 2)
        .args(["restore-from", "old.ron"])
        .assert()
        .success()
        .stdout(contains(
            "Rien à reprendre : le recensement a déjà les valeurs de old.ron ; rien n'a été écrit.",
        ));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn restore_from_one_field_of_one_initiative_leaves_the_rest() {
    let env = Env::new();
    env.copy_sample(CENSUS);
    env.copy_sample("old.ron");
    on(&env, CENSUS, "Anne", 1)
        .args(["edit", INFINI, "--set", "telephone=02 98 00 00 01"])
        .args(["--set", "notes=Vu"])
        .assert()
        .success();
    on(&env, CENSUS, "Anne", 1)
        .args(["edit", WIKI, "--set", "telephone=02 98 00 00 02"])
        .assert()
        .success();
    on(&env, CENSUS, "Anne", 2)
        .args(["restore-from", "old.ron", "--initiative", INFINI])
        .args(["--field", "telephone"])
        .assert()
        .success()
        .stdout(contains("1 initiative modifiée"));
    let infini = show(&env, CENSUS, INFINI);
    assert!(!infini.contains("02 98 00 00 01") && infini.contains("Vu"));
    assert!(show(&env, CENSUS, WIKI).contains("02 98 00 00 02"));
}

#[test]
fn restore_from_brings_back_a_deleted_initiative_and_leaves_a_new_one() {
    let env = Env::new();
    env.copy_sample(CENSUS);
    env.copy_sample("old.ron");
    on(&env, CENSUS, "Anne", 1)
        .args(["delete", WIKI])
        .assert()
        .success();
    let out = on(&env, CENSUS, "Anne", 1)
        .args([
            "add",
            "--set",
            "nom=Atelier vélo",
            "--set",
            "type=association",
        ])
        .args(["--set", "commune=Guipavas"])
        .output()
        .expect("add");
    let id = stdout_of(&out).trim().to_string();
    on(&env, CENSUS, "Anne", 2)
        .args(["restore-from", "old.ron"])
        .assert()
        .success()
        .stdout(contains(format!(
            "  {WIKI} Wiki-Brest : restaurée (supprimée depuis)"
        )))
        .stdout(contains(format!(
            "1 initiative créée depuis old.ron, laissée telle quelle : {id} Atelier vélo"
        )));
    env.cmd()
        .args(["--file", CENSUS, "list"])
        .assert()
        .success()
        .stdout(contains("Wiki-Brest").and(contains("Atelier vélo")));
}

#[test]
fn restore_from_an_unknown_field_refuses() {
    let env = Env::new();
    env.copy_sample(CENSUS);
    env.copy_sample("old.ron");
    let before = env.snapshot();
    on(&env, CENSUS, "Anne", 2)
        .args(["restore-from", "old.ron", "--field", "couleur"])
        .assert()
        .code(1)
        .stderr(contains("champ inconnu « couleur »"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn restore_from_an_unreadable_file_says_where() {
    let env = Env::new();
    env.copy_sample(CENSUS);
    let old = env.copy_fixture("invalid/census-truncated.ron");
    let before = env.snapshot();
    on(&env, CENSUS, "Anne", 2)
        .args(["restore-from", &old])
        .assert()
        .code(1)
        .stderr(contains("census-truncated.ron:"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn restore_from_neither_a_file_nor_a_revision_refuses() {
    let env = Env::new();
    env.copy_sample(CENSUS);
    let before = env.snapshot();
    on(&env, CENSUS, "Anne", 2)
        .args(["restore-from", "absent.ron"])
        .assert()
        .code(1)
        .stderr(contains(
            "« absent.ron » n'est ni un fichier ni une révision git de census.ron",
        ));
    assert_unchanged(&before, &env.snapshot());
}

// ---------------------------------------------------------------- doctor

#[test]
fn doctor_says_the_census_went_back_against_a_colleagues_file() {
    let env = Env::new();
    let file = env.copy_fixture("undo/went-back-peer.ron");
    env.copy_fixture("undo/went-back-peer.ron.peers.ron");
    env.cmd()
        .args(["--file", &file, "--as", "Anne", "doctor"])
        .assert()
        .code(1)
        .stdout(contains(
            "[à voir] went-back-peer.ron est revenu en arrière : il a vu moins de modifications de Marie Le Gall, yannn que le fichier déjà reçu de yannn (1 initiative)",
        ))
        .stdout(contains("Fusionnez à nouveau le fichier de yannn"));
}

#[test]
fn doctor_says_the_census_went_back_against_its_backup() {
    let env = Env::new();
    let file = env.copy_fixture("undo/went-back.ron");
    newer_backup(&env);
    env.cmd()
        .args(["--file", &file, "--as", "Anne", "--lang", "en", "doctor"])
        .assert()
        .code(1)
        .stdout(contains(
            "[to check] went-back.ron went back in time: it has seen fewer changes by Marie Le Gall than its backup went-back.ron.bak (1 initiative)",
        ))
        .stdout(contains("recense merge went-back.ron.bak"));
}

#[test]
fn restore_from_refuses_on_a_census_that_went_back() {
    let env = Env::new();
    let file = env.copy_fixture("undo/went-back-peer.ron");
    env.copy_fixture("undo/went-back-peer.ron.peers.ron");
    env.copy_fixture("valid/census-base.ron");
    env.cmd()
        .args(["--file", &file, "--as", "Anne", "edit", BASE_INFINI])
        .args(["--set", "notes=x"])
        .assert()
        .success();
    let before = env.snapshot();
    on(&env, &file, "Anne", 2)
        .args(["restore-from", "census-base.ron"])
        .assert()
        .code(1)
        .stderr(contains("est revenu en arrière"))
        .stderr(contains("Rien n'a été écrit."));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn doctor_says_nothing_of_a_census_that_only_moved_forward() {
    let env = Env::new();
    anne_changed_infini(&env);
    on(&env, CENSUS, "Anne", 2)
        .args(["merge", "bruno.ron"])
        .assert()
        .success();
    env.cmd()
        .args(["--file", CENSUS, "--as", "Anne", "doctor"])
        .assert()
        .stdout(contains("revenu en arrière").not());
}

// ---------------------------------------------------------------- git

/// `recense --file census.ron --as WHO` in `dir` on `day` of December 2026.
fn recense(env: &Env, dir: &Path, who: &str, day: u32) -> Command {
    let mut cmd = on(env, CENSUS, who, day);
    cmd.current_dir(dir);
    cmd
}

/// A clone `name` of `origin` with its committer and `setup-git`.
fn clone(env: &Env, origin: &Path, name: &str) -> PathBuf {
    let origin = origin.display().to_string();
    git(env, &env.work(), &["clone", "--quiet", &origin, name]);
    let dir = env.path(name);
    git(env, &dir, &["config", "user.name", name]);
    git(
        env,
        &dir,
        &["config", "user.email", &format!("{name}@example.org")],
    );
    recense(env, &dir, name, 1)
        .arg("setup-git")
        .assert()
        .success();
    dir
}

/// Two clones of the sample census. Anne gives Infini a telephone and
/// commits; Bruno pulls it, then changes Wiki-Brest and commits. Returns
/// Anne's and Bruno's clones.
fn anne_and_bruno(env: &Env) -> (PathBuf, PathBuf) {
    let origin = env.path("origin");
    std::fs::create_dir(&origin).expect("origin");
    git(env, &origin, &["init", "--quiet", "-b", "main"]);
    git(env, &origin, &["config", "user.name", "Origine"]);
    git(env, &origin, &["config", "user.email", "o@example.org"]);
    env.copy_sample("origin/census.ron");
    recense(env, &origin, "Origine", 1)
        .arg("setup-git")
        .assert()
        .success();
    git(env, &origin, &["add", CENSUS, ".gitattributes"]);
    git(env, &origin, &["commit", "--quiet", "-m", "Départ"]);
    let anne = clone(env, &origin, "anne");
    let bruno = clone(env, &origin, "bruno");
    recense(env, &anne, "Anne", 2)
        .args(["edit", INFINI, "--set", "telephone=02 98 00 00 01"])
        .assert()
        .success();
    git(
        env,
        &anne,
        &["commit", "--quiet", "-am", "Téléphone d'Infini"],
    );
    git(
        env,
        &bruno,
        &[
            "pull",
            "--quiet",
            "--no-rebase",
            "--no-edit",
            "../anne",
            "main",
        ],
    );
    recense(env, &bruno, "Bruno", 3)
        .args(["edit", WIKI, "--set", "notes=Vu au forum"])
        .assert()
        .success();
    git(env, &bruno, &["commit", "--quiet", "-am", "Wiki-Brest"]);
    (anne, bruno)
}

fn pull_bruno(env: &Env, anne: &Path) {
    git(
        env,
        anne,
        &[
            "pull",
            "--quiet",
            "--no-rebase",
            "--no-edit",
            "../bruno",
            "main",
        ],
    );
}

fn anne_shows(env: &Env, anne: &Path) -> String {
    show(env, &anne.join(CENSUS).display().to_string(), INFINI)
}

#[test]
fn git_revert_is_undone_by_the_next_merge_and_doctor_says_why() {
    let env = Env::new();
    let (anne, _) = anne_and_bruno(&env);
    git(&env, &anne, &["revert", "--no-edit", "HEAD"]);
    assert!(!anne_shows(&env, &anne).contains("02 98 00 00 01"));
    recense(&env, &anne, "Anne", 4)
        .arg("doctor")
        .assert()
        .code(1)
        .stdout(contains(
            "[à voir] census.ron est revenu en arrière : il a vu moins de modifications de Anne que sa version HEAD~1 dans git (1 initiative)",
        ))
        .stdout(contains("git checkout HEAD~1 -- census.ron"));
    pull_bruno(&env, &anne);
    // The defect: the reverted value is back.
    assert!(anne_shows(&env, &anne).contains("02 98 00 00 01"));
}

#[test]
fn recense_undo_survives_a_git_merge_with_the_colleague() {
    let env = Env::new();
    let (anne, _) = anne_and_bruno(&env);
    recense(&env, &anne, "Anne", 4)
        .arg("undo")
        .assert()
        .success();
    git(&env, &anne, &["commit", "--quiet", "-am", "Annulé"]);
    pull_bruno(&env, &anne);
    let shown = anne_shows(&env, &anne);
    assert!(!shown.contains("02 98 00 00 01"), "{shown}");
    assert!(show(&env, &anne.join(CENSUS).display().to_string(), WIKI).contains("Vu au forum"));
}

#[test]
fn restore_from_a_git_revision_survives_a_git_merge_with_the_colleague() {
    let env = Env::new();
    let (anne, _) = anne_and_bruno(&env);
    recense(&env, &anne, "Anne", 4)
        .args(["restore-from", "HEAD~1"])
        .assert()
        .success()
        .stdout(contains(
            "Repris de HEAD~1:census.ron : 1 initiative modifiée :",
        ));
    git(
        &env,
        &anne,
        &["commit", "--quiet", "-am", "Repris de HEAD~1"],
    );
    pull_bruno(&env, &anne);
    assert!(!anne_shows(&env, &anne).contains("02 98 00 00 01"));
    recense(&env, &anne, "Anne", 5)
        .arg("doctor")
        .assert()
        .stdout(contains("revenu en arrière").not());
}

#[test]
fn after_a_git_revert_the_doctors_way_back_holds() {
    let env = Env::new();
    let (anne, _) = anne_and_bruno(&env);
    git(&env, &anne, &["revert", "--no-edit", "HEAD"]);
    git(&env, &anne, &["checkout", "HEAD~1", "--", CENSUS]);
    recense(&env, &anne, "Anne", 4)
        .args(["restore-from", "HEAD~2"])
        .assert()
        .success();
    git(
        &env,
        &anne,
        &["commit", "--quiet", "-am", "Repris de HEAD~2"],
    );
    pull_bruno(&env, &anne);
    assert!(!anne_shows(&env, &anne).contains("02 98 00 00 01"));
}

#[test]
fn restore_from_an_unknown_revision_says_what_git_said() {
    let env = Env::new();
    let (anne, _) = anne_and_bruno(&env);
    recense(&env, &anne, "Anne", 4)
        .args(["restore-from", "v9.9"])
        .assert()
        .code(1)
        .stderr(contains(
            "« v9.9 » n'est ni un fichier ni une révision git de census.ron (git : fatal:",
        ));
}
