//! End to end, in a real terminal (tmux, 80×24): a description edited in the
//! person's own editor (Ctrl-e), `EDITOR` being a small script that writes a
//! known paragraph; the terminal given back and the census file checked with
//! the command line. A failing editor leaves the field as it was.

use crate::sandbox as e2e;

use e2e::{Sandbox, Session, TTY_RESTORED, framed, json};

const AGENT: &str = "Marie Le Gall";
const NAME: &str = "Maison du Libre (MDL29)";
const PARAGRAPH: &str =
    "Écrit dans l'éditeur : un atelier chaque mardi.\n\nEt un second paragraphe.";

/// An executable script in the working folder, named as `EDITOR` gives it
/// (short, so that a message naming it fits the status line).
fn script(sb: &Sandbox, name: &str, body: &str) -> String {
    let path = sb.work().join(name);
    std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the editor");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    format!("./{name}")
}

fn description(sb: &Sandbox, file: &str) -> String {
    let list = json(&sb.cli_ok(&["--file", file, "list", "--format", "json"]));
    let i = list
        .as_array()
        .expect("a JSON array")
        .iter()
        .find(|i| i["nom"] == NAME)
        .expect("the initiative")
        .clone();
    i["fields"]["description"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The record of `NAME`, its description's text area open.
fn open_description<'a>(sb: &'a Sandbox, editor: &str) -> Session<'a> {
    let s = Session::start_with_env(sb, &["--as", AGENT, "census.ron"], &[("EDITOR", editor)]);
    s.wait_for_all(&["19 initiatives", "Score"]);
    s.select_line("j", NAME, 20);
    s.press("Enter", "Collectif libriste ·");
    s.key("j");
    s.key("j");
    s.press("e", "Ctrl-e éditeur");
    s
}

fn census(sb: &Sandbox) -> String {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data/pays-de-brest.ron");
    std::fs::copy(sample, sb.path("census.ron")).expect("copy the sample");
    sb.path("census.ron").display().to_string()
}

#[test]
fn ctrl_e_edits_the_description_in_editor_and_saves_it() {
    let sb = Sandbox::new();
    let file = census(&sb);
    let seen = sb.root().join("seen.txt");
    let editor = script(
        &sb,
        "editor.sh",
        &format!(
            "cp \"$1\" '{}'\nprintf '%s\\n' '{}' > \"$1\"",
            seen.display(),
            PARAGRAPH.replace('\'', "'\\''")
        ),
    );
    let before = description(&sb, &file);
    assert!(before.starts_with("Association brestoise"), "{before}");
    let s = open_description(&sb, &editor);
    s.key("C-e");
    let screen = s.wait_for("Champ enregistré");
    assert!(
        screen.contains("Écrit dans l'éditeur"),
        "{}",
        framed(&screen)
    );
    assert_eq!(
        s.format("#{alternate_on}"),
        "1",
        "back on the interface's screen"
    );
    // The editor was given the field's text, with a final line break.
    assert_eq!(e2e::read_text(&seen), format!("{before}\n"));
    s.key("Escape");
    s.wait_for("19 initiatives");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(s.transcript().contains(TTY_RESTORED), "{}", s.transcript());
    assert_eq!(description(&sb, &file), PARAGRAPH);
}

#[test]
fn a_failing_editor_is_said_and_the_description_is_kept() {
    let sb = Sandbox::new();
    let file = census(&sb);
    let editor = script(&sb, "broken.sh", "printf 'gâché' > \"$1\"\nexit 3");
    let before = description(&sb, &file);
    let s = open_description(&sb, &editor);
    s.key("C-e");
    let screen = s.wait_for("« ./broken.sh » a échoué");
    assert!(
        screen.contains("Ctrl-e éditeur"),
        "still editing: {}",
        framed(&screen)
    );
    assert!(!screen.contains("gâché"), "{}", framed(&screen));
    // The interface still answers: Échap leaves the field, then the
    // record; q quits.
    s.key("Escape");
    s.wait_gone("Ctrl-e éditeur");
    s.key("Escape");
    s.wait_gone("Collectif libriste ·");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(s.transcript().contains(TTY_RESTORED), "{}", s.transcript());
    assert_eq!(description(&sb, &file), before);
}
