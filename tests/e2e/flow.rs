//! The everyday flow in a real terminal (issue 21): drafts kept across
//! restarts and offered by `a`, and Ctrl-C, which quits as `q` does and
//! keeps the entry under way.

use crate::sandbox as e2e;

use e2e::{Sandbox, Session, framed};

const AGENT: &str = "Marie Le Gall";

fn census(sb: &Sandbox) {
    sb.cli_ok(&[
        "init",
        "census.ron",
        "--territory",
        "Pays de Brest",
        "--as",
        AGENT,
    ]);
}

fn draft_text(sb: &Sandbox) -> String {
    std::fs::read_to_string(sb.path("census.ron.draft")).unwrap_or_default()
}

#[test]
fn drafts_wait_across_restarts_and_a_offers_them() {
    let sb = Sandbox::new();
    census(&sb);
    let s = Session::start(&sb, &["census.ron"]);
    s.wait_for("0 initiative");
    s.press("a", "Nom  (obligatoire)");
    s.type_text("Repair Café");
    s.wait_for("> Repair Café");
    s.press("Enter", "Type  (obligatoire)");
    s.press("Escape", "Brouillon gardé");
    // A second entry, left empty at once: the first draft stays.
    s.press("a", "Brouillons gardés");
    s.press("Down", "▶ Commencer une fiche vide");
    s.press("Enter", "Nom  (obligatoire)");
    s.key("Escape");
    s.wait_gone("Nom  (obligatoire)");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(
        draft_text(&sb).contains("Repair Café"),
        "{}",
        draft_text(&sb)
    );

    // Next start: offered; later (Esc) keeps it; `a` offers it again.
    let s2 = Session::start(&sb, &["census.ron"]);
    s2.wait_for_all(&["Brouillons gardés", "Reprendre « Repair Café »"]);
    s2.key("Escape");
    s2.wait_for("Brouillons gardés : a pour");
    s2.wait_gone("Reprendre « Repair Café »");
    s2.press("a", "Reprendre « Repair Café »");
    s2.key("Enter");
    let screen = s2.wait_for("Type  (obligatoire)");
    assert!(
        screen.contains("Champ 2/16"),
        "resumed where it was left:\n{}",
        framed(&screen)
    );
}

#[test]
fn ctrl_c_leaves_the_welcome_screen() {
    let sb = Sandbox::new();
    let s = Session::start(&sb, &["new.ron"]);
    s.wait_for("Bienvenue");
    s.key("C-c");
    assert_eq!(s.wait_exit(), 0);
    assert!(!sb.path("new.ron").exists(), "nothing created");
}

#[test]
fn ctrl_c_quits_and_keeps_what_was_typed() {
    let sb = Sandbox::new();
    census(&sb);
    let s = Session::start(&sb, &["census.ron"]);
    s.wait_for("0 initiative");
    s.press("a", "Nom  (obligatoire)");
    s.type_text("Mor'Libre");
    s.wait_for("> Mor'Libre");
    s.key("C-c");
    assert_eq!(s.wait_exit(), 0, "Ctrl-C ends the program as q does");
    assert!(draft_text(&sb).contains("Mor'Libre"), "{}", draft_text(&sb));
    let s2 = Session::start(&sb, &["census.ron"]);
    s2.wait_for_all(&["Brouillons gardés", "Reprendre « Mor'Libre »"]);
}
