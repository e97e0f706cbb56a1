//! A command line refused before any command runs (an unknown option, a
//! value missing or refused) is said in the reader's language, with the
//! usage line and where to find help; exit code 2, as before, and nothing
//! written.

use crate::common::{self, Env};
use predicates::prelude::*;
use predicates::str::contains;

/// Runs `args` on the census; the refusal's stderr, after checking exit code
/// 2, an empty stdout and an untouched census.
fn refused(env: &Env, args: &[&str]) -> String {
    let before = env.snapshot();
    let out = env.census_cmd().args(args).output().expect("recense runs");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    common::assert_unchanged(&before, &env.snapshot());
    String::from_utf8(out.stderr).expect("UTF-8")
}

#[test]
fn an_unknown_option_is_said_in_french_with_the_close_one() {
    let env = Env::with_census();
    let err = refused(&env, &["list", "--statut", "legitime"]);
    assert_eq!(
        err,
        "recense: option inconnue « --statut » ; voulez-vous dire « --status » ?\n\
         \n\
         Utilisation : recense list --status <STATUT>\n\
         Plus d'aide : recense list --help\n"
    );
    let err = refused(&env, &["--lang", "en", "list", "--statut", "legitime"]);
    assert!(
        err.starts_with("recense: unknown option `--statut`; did you mean `--status`?\n"),
        "{err}"
    );
    assert!(
        err.contains("\nUsage: recense list --status <STATUS>\n"),
        "{err}"
    );
    assert!(err.contains("More help: recense list --help"), "{err}");
}

#[test]
fn a_value_out_of_the_list_names_the_possible_ones() {
    let env = Env::with_census();
    let err = refused(&env, &["export", "--format", "xls"]);
    assert!(
        err.starts_with("recense: valeur « xls » invalide pour --format <FORMAT> ; valeurs possibles : csv, json,"),
        "{err}"
    );
    let err = refused(&env, &["list", "--status"]);
    assert_eq!(err, "recense: --status <STATUT> attend une valeur\n");
}

#[test]
fn a_missing_argument_and_a_conflict_are_said_in_the_readers_language() {
    let env = Env::with_census();
    let err = refused(&env, &["report"]);
    assert!(
        err.starts_with("recense: il manque --audience <AUDIENCE>\n"),
        "{err}"
    );
    assert!(err.contains("Plus d'aide : recense report --help"), "{err}");
    let err = refused(&env, &["--lang", "en", "report"]);
    assert!(
        err.starts_with("recense: missing --audience <AUDIENCE>\n"),
        "{err}"
    );
    let err = refused(&env, &["--ascii", "--unicode", "list"]);
    assert!(
        err.starts_with("recense: --unicode ne va pas avec --ascii")
            || err.starts_with("recense: --ascii ne va pas avec --unicode"),
        "{err}"
    );
}

#[test]
fn a_refused_global_value_is_explained_in_the_readers_language() {
    let env = Env::with_census();
    let err = refused(&env, &["--lang", "en", "--wait=soon", "list"]);
    assert_eq!(
        err,
        "recense: value `soon` refused for --wait[=<SECONDS>]: a number of seconds \
         (for example --wait=30), or --wait alone to wait without limit\n"
    );
    let err = refused(&env, &["--lang", "de", "list"]);
    assert_eq!(
        err,
        "recense: valeur « de » refusée pour --lang <fr|en> : écrivez fr ou en\n"
    );
}

#[test]
fn the_help_and_the_version_are_still_printed_as_asked() {
    let env = Env::with_census();
    env.census_cmd()
        .args(["list", "--help"])
        .assert()
        .success()
        .stdout(contains("Utilisation : recense list"));
    env.census_cmd()
        .arg("--version")
        .assert()
        .success()
        .stdout(contains("recense 0."));
    env.census_cmd()
        .args(["--lang", "en", "list", "--help"])
        .assert()
        .success()
        .stdout(contains("Usage: recense list").and(contains("List the initiatives")));
}
