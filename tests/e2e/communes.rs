//! The commune field end to end: the real binary in tmux (80×24), a record's
//! commune typed as a prefix, completed from the official list and picked;
//! the census then holds the official name, the code INSEE and the postal
//! code, as `recense show` says.

use crate::sandbox as e2e;

use e2e::{Sandbox, Session, json};

#[test]
fn a_commune_prefix_is_completed_and_picked_with_its_codes() {
    let sb = Sandbox::new();
    sb.cli_ok(&[
        "init",
        "census.ron",
        "--territory",
        "Pays de Morlaix",
        "--as",
        "Marie Le Gall",
    ]);
    let id = sb
        .cli_ok(&[
            "--file",
            "census.ron",
            "add",
            "--set",
            "nom=Club informatique du Viaduc",
            "--set",
            "type=association",
            "--set",
            "commune=Genève",
        ])
        .trim()
        .to_string();

    let s = Session::start(&sb, &["census.ron"]);
    s.wait_for("Club informatique du Via");
    s.press("Enter", "Commune");
    // Name, kind, description, commune: the fourth field.
    s.key("j");
    s.key("j");
    s.key("j");
    s.press("e", "> Genève");
    s.key("C-u");
    s.type_text("Morl");
    s.wait_for("Morlaix (29) · 29600");
    s.key("Enter");
    s.wait_for("29151");
    s.press("Escape", "Nom▲");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);

    let shown = json(&sb.cli_ok(&["--file", "census.ron", "show", &id, "--format", "json"]));
    let field = |f: &str| shown["fields"][f].clone();
    assert_eq!(field("commune"), "Morlaix", "{shown}");
    assert_eq!(field("code_insee"), "29151", "{shown}");
    assert_eq!(field("code_postal"), "29600", "{shown}");
}
