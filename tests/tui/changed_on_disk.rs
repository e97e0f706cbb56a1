//! The file changed on disk while the interface is open (a git merge through
//! recense's driver, or a command run beside it): quitting after a change
//! merges the session's changes into the file on disk instead of
//! overwriting it; a file on disk that cannot be read is left alone.

use recense::census::InitiativeId;

use crate::tui_common::{Harness, brest, select};

/// « Infini (Internet Finistère) », no telephone in the sample.
const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";

/// The real `recense` changing the census on disk, as a colleague's merge
/// written by the git driver would.
fn change_on_disk(h: &Harness, set: &str) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_recense"))
        .env("XDG_CONFIG_HOME", h.dir.path())
        .env("XDG_DATA_HOME", h.dir.path())
        .env("HOME", h.dir.path())
        .env("LANG", "fr_FR.UTF-8")
        .arg("--file")
        .arg(&h.path)
        .args(["--as", "Yann", "edit", INFINI, "--set", set])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn quitting_after_a_change_keeps_what_changed_on_disk_meanwhile() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("d o");
    change_on_disk(&h, "telephone=+33298000002");
    h.quit();
    let ws = h.reopen();
    let infini = ws
        .census
        .get(&InitiativeId::parse(INFINI).unwrap())
        .unwrap();
    assert_eq!(
        infini.values("telephone"),
        vec!["+33298000002"],
        "the change on disk was reverted"
    );
    assert!(
        !ws.census
            .live()
            .any(|i| i.value("nom") == Some("Animacoop")),
        "the session's change was lost"
    );
    assert_eq!(ws.report.journal, 0);
}

#[test]
fn a_file_on_disk_that_cannot_be_read_is_not_overwritten() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("d o");
    let damaged = "<<<<<<< HEAD\n(\n=======\n)\n>>>>>>> theirs\n";
    std::fs::write(&h.path, damaged).unwrap();
    h.quit();
    assert_eq!(std::fs::read_to_string(&h.path).unwrap(), damaged);
    let message = h.message().unwrap_or_default();
    assert!(message.contains("a changé sur le disque"), "{message}");
    // The change is still in the journal.
    let journal = recense::census::file::journal::journal_path(&h.path);
    assert!(
        std::fs::read_to_string(journal)
            .unwrap()
            .contains("// change ")
    );
}
