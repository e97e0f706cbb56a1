//! End to end, in a real terminal (tmux, 80×24): an action with a next step
//! added to a record with `A`, found in "À faire" (`w`), marked done with
//! `x`; then the saved file checked with the command line.

use crate::sandbox as e2e;

use e2e::{Sandbox, Session, framed, json};

const AGENT: &str = "Marie Le Gall";
const STEP: &str = "Relancer pour la charte";

#[test]
fn an_action_with_a_next_step_is_found_in_todo_and_marked_done() {
    let sb = Sandbox::new();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data/pays-de-brest.ron");
    std::fs::copy(sample, sb.path("census.ron")).expect("copy the sample");
    let file = sb.path("census.ron").display().to_string();

    let s = Session::start(&sb, &["--as", AGENT, "census.ron"]);
    s.wait_for("19 initiatives");
    s.select_line("j", "Infini", 20);
    s.press("A", "Ajouter une action");
    s.type_text("visite");
    s.wait_for("> visite");
    s.press("Enter", "▶ Note");
    s.type_text("Vu le bureau");
    s.key("Tab");
    s.wait_for("▶ Prochaine étape");
    s.type_text(STEP);
    s.key("Tab");
    s.wait_for("▶ Échéance");
    s.type_text("+7j");
    s.wait_for("+7j");
    let screen = s.press("Enter", "Action enregistrée");
    assert!(
        !screen.contains("Ajouter une action"),
        "{}",
        framed(&screen)
    );

    s.press("w", "À faire");
    s.wait_for(STEP);
    s.select_line("j", STEP, 30);
    s.key("x");
    let screen = s.wait_for("Fait : Relancer");
    assert!(
        !screen
            .lines()
            .any(|l| l.contains(STEP) && !l.contains("Fait :")),
        "still listed:\n{}",
        framed(&screen)
    );
    // Back in the list first: Esc and q sent together read as Alt-q.
    s.press("Escape", "Nom▲");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);

    // The file, read by the command line: the action and its closing are
    // in the history, and `todo` no longer lists the step.
    let todo = json(&sb.cli_ok(&["--file", &file, "todo", "--format", "json"]));
    assert!(
        !todo
            .as_array()
            .expect("a list")
            .iter()
            .any(|t| t["next"] == STEP),
        "{todo}"
    );
    let list = json(&sb.cli_ok(&["--file", &file, "list", "--format", "json"]));
    let id = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|i| i["nom"].as_str().is_some_and(|n| n.starts_with("Infini")))
        .and_then(|i| i["id"].as_str())
        .expect("Infini")
        .to_string();
    let history = json(&sb.cli_ok(&["--file", &file, "history", &id, "--format", "json"]));
    let events = history.as_array().expect("a list");
    let action = events
        .iter()
        .find(|e| e["event"] == "action" && e["next"] == STEP)
        .expect("the action");
    assert_eq!(action["kind"], "visite");
    assert_eq!(action["note"], "Vu le bureau");
    assert_eq!(action["by"], AGENT);
    assert!(
        events
            .iter()
            .any(|e| e["event"] == "done" && e["action"] == action["id"] && e["by"] == AGENT),
        "{history}"
    );
}
