//! A real `git merge`, through recense's merge driver, while the interface
//! is open on the census: quitting after a change keeps what the merge
//! brought and the session's change (before, the merge was reverted).

use std::path::Path;
use std::process::Command;

use recense::census::InitiativeId;

use crate::tui_common::{brest, select};

/// « Infini (Internet Finistère) », no telephone in the sample.
const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";

fn run(dir: &Path, program: &str, args: &[&str]) {
    let mut cmd = match program {
        "recense" => Command::new(env!("CARGO_BIN_EXE_recense")),
        other => Command::new(other),
    };
    let out = cmd
        .current_dir(dir)
        .env("XDG_CONFIG_HOME", dir)
        .env("XDG_DATA_HOME", dir)
        .env("HOME", dir)
        .env("LANG", "fr_FR.UTF-8")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Yann")
        .env("GIT_AUTHOR_EMAIL", "yann@example.org")
        .env("GIT_COMMITTER_NAME", "Yann")
        .env("GIT_COMMITTER_EMAIL", "yann@example.org")
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_git_merge_while_the_interface_is_open_is_kept_on_quitting() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("skipped: no git");
        return;
    }
    let mut h = brest();
    let dir = h.dir.path().to_path_buf();
    run(&dir, "git", &["init", "-q", "-b", "main"]);
    run(
        &dir,
        "recense",
        &["--file", "census.ron", "--as", "Camille", "setup-git"],
    );
    run(&dir, "git", &["add", "-A"]);
    run(&dir, "git", &["commit", "-q", "-m", "census"]);
    run(&dir, "git", &["checkout", "-q", "-b", "yann"]);
    let phone = "telephone=+33298000002";
    let edit = [
        "--file",
        "census.ron",
        "--as",
        "Yann",
        "edit",
        INFINI,
        "--set",
        phone,
    ];
    run(&dir, "recense", &edit);
    run(&dir, "git", &["commit", "-q", "-am", "Yann"]);
    run(&dir, "git", &["checkout", "-q", "main"]);
    // Main changed meanwhile, so that git calls the driver.
    let other = [
        "--file",
        "census.ron",
        "--as",
        "Anne",
        "edit",
        INFINI,
        "--set",
        "notes=Vu",
    ];
    run(&dir, "recense", &other);
    run(&dir, "git", &["commit", "-q", "-am", "Anne"]);
    // The interface opens the census; a change; then the merge on disk.
    h.restart();
    select(&mut h, "Animacoop");
    h.keys("d o");
    run(&dir, "git", &["merge", "-q", "--no-edit", "yann"]);
    h.quit();
    let ws = h.reopen();
    let infini = ws
        .census
        .get(&InitiativeId::parse(INFINI).unwrap())
        .unwrap();
    assert_eq!(
        infini.values("telephone"),
        vec!["+33298000002"],
        "the merge was reverted"
    );
    assert_eq!(infini.values("notes"), vec!["Vu"]);
    assert!(
        !ws.census
            .live()
            .any(|i| i.value("nom") == Some("Animacoop")),
        "the session's change was lost"
    );
}
