//! End to end, in a real terminal (tmux, 80×24): three initiatives of the
//! Pays de Brest sample marked in the list, their status changed in one
//! action, then the saved file checked with the command line.

use crate::sandbox as e2e;

use e2e::{Sandbox, Session, framed, json};

const AGENT: &str = "Marie Le Gall";
const MARKED: [&str; 3] = ["Animacoop", "Centre social Kaneveden", "Festival Brest en"];

#[test]
fn three_marked_initiatives_change_status_in_one_action() {
    let sb = Sandbox::new();
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/sample-data/pays-de-brest.ron");
    std::fs::copy(sample, sb.path("census.ron")).expect("copy the sample");
    let file = sb.path("census.ron").display().to_string();
    let statuses = |sb: &Sandbox| -> Vec<(String, String, String)> {
        let list = json(&sb.cli_ok(&["--file", &file, "list", "--format", "json"]));
        list.as_array()
            .expect("a JSON array")
            .iter()
            .map(|i| {
                let text = |k: &str| i[k].as_str().unwrap_or_default().to_string();
                (text("id"), text("nom"), text("status"))
            })
            .collect()
    };
    let before = statuses(&sb);

    let s = Session::start(&sb, &["--as", AGENT, "census.ron"]);
    s.wait_for_all(&["19 initiatives", "Score"]);
    for name in MARKED {
        s.select_line("j", name, 20);
        s.key("Space");
        s.wait_until(&format!("« {name} » marked"), |screen| {
            screen
                .lines()
                .any(|l| l.starts_with("* ") && l.contains(name))
        });
    }
    s.wait_for("19 initiatives · 3 marquées");
    s.press("t", "3 initiatives marquées");
    s.type_text("contacte");
    s.wait_for("> contacte");
    s.press("Enter", "▶ Commentaire");
    s.type_text("Appel de la tournée d'automne");
    s.wait_for("tournée d'automne");
    let screen = s.press("Enter", "Fait pour 3 sur 3");
    assert!(!screen.contains("Refusé pour"), "{}", framed(&screen));
    s.key("Escape");
    s.wait_gone("Fait pour 3 sur 3");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);

    // The file, read by the command line: the three are Contacté, with the
    // comment and the agent in their history; the others did not change.
    let after = statuses(&sb);
    assert_eq!(after.len(), before.len());
    let mut changed = 0;
    for ((id, name, status), (_, _, was)) in after.iter().zip(&before) {
        if !MARKED.iter().any(|m| name.starts_with(m)) {
            assert_eq!(status, was, "{name} was not marked");
            continue;
        }
        assert_eq!(status, "contacte", "{name}");
        let history = json(&sb.cli_ok(&["--file", &file, "history", id, "--format", "json"]));
        let last = history
            .as_array()
            .and_then(|h| h.iter().rev().find(|e| e["event"] == "status"))
            .expect("a status change");
        assert_eq!(last["status"], "contacte");
        assert_eq!(last["comment"], "Appel de la tournée d'automne");
        assert_eq!(last["by"], AGENT);
        changed += 1;
    }
    assert_eq!(changed, 3);
}
