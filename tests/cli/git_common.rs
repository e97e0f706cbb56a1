//! What the git tests share: the real git, run with the isolation of the
//! tests, and committers for the repositories they make.

use std::path::Path;
use std::process::Output;

use crate::common::{Env, stderr_of, stdout_of};

/// git, run in `dir` with the isolation of the tests (no system or personal
/// config). Fails the test when git cannot be run at all.
pub fn git_output(env: &Env, dir: &Path, args: &[&str]) -> Output {
    env.program("git", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .args(args)
        .output()
        .unwrap_or_else(|e| {
            panic!("these tests need git, and `git` could not be run ({e}): install git")
        })
}

/// git that must succeed; its trimmed standard output.
#[track_caller]
pub fn git(env: &Env, dir: &Path, args: &[&str]) -> String {
    let out = git_output(env, dir, args);
    assert!(
        out.status.success(),
        "git {} failed in {}:\n{}{}",
        args.join(" "),
        dir.display(),
        stdout_of(&out),
        stderr_of(&out)
    );
    stdout_of(&out).trim().to_string()
}

/// Gives the clone or repository `dir` a committer.
pub fn identify(env: &Env, dir: &Path, name: &str) {
    git(env, dir, &["config", "user.name", name]);
    git(
        env,
        dir,
        &[
            "config",
            "user.email",
            &format!("{}@example.org", name.to_lowercase()),
        ],
    );
}

/// An empty repository `name` in the working folder, with a committer.
pub fn repository(env: &Env, name: &str) -> std::path::PathBuf {
    let dir = env.path(name);
    std::fs::create_dir_all(&dir).expect("create folder");
    git(env, &dir, &["init", "--quiet", "-b", "main"]);
    identify(env, &dir, "Origine");
    dir
}

/// The value git gives the attribute `merge` of `path` (`recense` once the
/// census is given to recense's driver, `unspecified` when no line matches).
pub fn merge_attribute(env: &Env, dir: &Path, path: &str) -> String {
    let out = git(env, dir, &["check-attr", "-z", "merge", "--", path]);
    out.split('\0').nth(2).unwrap_or_default().to_string()
}

/// The driver command `setup-git` writes: this very binary (the static one
/// when the release check runs the tests against it, see
/// `dist/static-runner.sh`).
pub fn expected_driver() -> String {
    let binary = std::env::var("RECENSE_STATIC")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_recense").to_string());
    format!("'{binary}' git-merge-driver %O %A %B %P")
}
