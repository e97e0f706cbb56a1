//! The everyday flow in a real terminal (issue 21): drafts kept across
//! restarts and offered by `a`, and Ctrl-C, which quits as `q` does and
//! keeps the entry under way.

use crate::sandbox as e2e;

use e2e::{Sandbox, Session, Terminal, framed};

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

// The everyday flow in a real terminal (issue 21, second part): the Linux
// console draws in ASCII without `--ascii`, and without colour an error is
// marked with a word.

/// Characters the Linux console's fonts often lack: arrows, box drawing,
/// blocks, shapes, ballot boxes, Braille dots.
fn console_missing(screen: &str) -> Vec<char> {
    let mut found: Vec<char> = screen
        .chars()
        .filter(|c| {
            matches!(*c as u32, 0x2190..=0x21FF | 0x2300..=0x23FF | 0x2500..=0x27BF | 0x2800..=0x28FF)
        })
        .collect();
    found.sort();
    found.dedup();
    found
}

/// The Pays de Brest sample, the agent known.
fn brest(sb: &Sandbox) {
    sb.cli_ok(&[
        "init",
        "first.ron",
        "--territory",
        "Pays de Brest",
        "--as",
        "Marie Le Gall",
    ]);
    let sample =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/pays-de-brest.ron");
    std::fs::copy(sample, sb.path("census.ron")).expect("copy the sample");
}

/// `TERM=linux`, colours on, no `--ascii`: the welcome screen, the list,
/// a record, the dashboard, the export screen and a pick list are drawn
/// with what any console font has.
#[test]
fn the_linux_console_draws_in_ascii_by_default() {
    let sb = Sandbox::new();
    let s = Session::start_in(&sb, &[], Terminal::LINUX);
    s.wait_for("Bienvenue dans recense");
    let mut screens = vec![("welcome", s.wait_settled())];
    s.key("Escape");
    assert_eq!(s.wait_exit(), 0);

    brest(&sb);
    let s = Session::start_in(&sb, &["census.ron"], Terminal::LINUX);
    s.wait_for_all(&["· 19 initiatives", "Infini"]);
    screens.push(("list", s.wait_settled()));
    s.key("Enter");
    s.wait_for("— par ");
    screens.push(("record", s.wait_settled()));
    s.key("Escape");
    s.press("T", "Tableau de bord");
    screens.push(("dashboard", s.wait_settled()));
    s.key("Escape");
    s.press("x", "Exporter");
    screens.push(("export", s.wait_settled()));
    s.key("Escape");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);

    for (name, screen) in &screens {
        let found = console_missing(screen);
        assert!(
            found.is_empty(),
            "TERM=linux, {name}: {found:?}\n{}",
            framed(screen)
        );
    }
    assert!(
        screens[4].1.contains("[x] public"),
        "{}",
        framed(&screens[4].1)
    );
}

/// On a console whose font has the glyphs, `--unicode` or `ascii: false`
/// in the configuration turn the ASCII fallback of `TERM=linux` off.
#[test]
fn the_linux_console_may_keep_the_unicode_glyphs() {
    let sb = Sandbox::new();
    brest(&sb);
    let s = Session::start_in(&sb, &["--unicode", "census.ron"], Terminal::LINUX);
    s.wait_for_all(&["· 19 initiatives", "Infini"]);
    let screen = s.wait_settled();
    assert!(!console_missing(&screen).is_empty(), "{}", framed(&screen));
    s.key("q");
    assert_eq!(s.wait_exit(), 0);

    let config = std::fs::read_to_string(sb.config_file()).expect("config");
    let end = config.rfind(')').expect("the config's end");
    let config = format!("{}    ascii: false,\n)\n", &config[..end]);
    std::fs::write(sb.config_file(), config).expect("write config");
    let s = Session::start_in(&sb, &["census.ron"], Terminal::LINUX);
    s.wait_for_all(&["· 19 initiatives", "Infini"]);
    let screen = s.wait_settled();
    assert!(!console_missing(&screen).is_empty(), "{}", framed(&screen));
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
    // `--ascii` still wins over the configuration.
    let s = Session::start_in(&sb, &["--ascii", "census.ron"], Terminal::LINUX);
    s.wait_for_all(&["· 19 initiatives", "Infini"]);
    let screen = s.wait_settled();
    assert!(console_missing(&screen).is_empty(), "{}", framed(&screen));
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
}

/// Without colour, an error on the status line starts with « Erreur : ».
#[test]
fn without_colour_an_error_is_marked_with_a_word() {
    let sb = Sandbox::new();
    brest(&sb);
    let s = Session::start_in(&sb, &["census.ron"], Terminal::LINUX_NO_COLOR);
    s.wait_for("· 19 initiatives");
    s.key(":");
    s.type_text("nimportequoi");
    s.press("Enter", "Erreur : ");
    let screen = s.wait_settled();
    assert!(screen.contains("Erreur : "), "{}", framed(&screen));
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
}
