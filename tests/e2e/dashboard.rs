//! The dashboard end to end: the real binary in tmux (80×24), the Pays de
//! Brest sample opened, the dashboard, a bar of the statuses, and the list
//! it leads to, checked against `recense list --status`.

use crate::sandbox as e2e;

use e2e::{Sandbox, Session, json};

#[test]
fn a_bar_of_the_dashboard_filters_the_list() {
    let sb = Sandbox::new();
    // The agent is known (as after a first start), then the sample copied.
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

    let s = Session::start(&sb, &["census.ron"]);
    s.wait_for("· 19 initiatives");
    s.press("T", "Tableau de bord");
    s.wait_for("▶ Ressource commune");
    // The statuses: second panel; Légitimé is the third bar (the statuses
    // at 0 are folded into one line after the bars).
    s.press("Tab", "▶ Repéré");
    s.key("j");
    s.press("j", "▶ Légitimé");
    s.key("Enter");
    let screen = s.wait_for("Statut=Légitimé");
    assert!(!screen.contains("Tableau de bord"), "{screen}");

    let listed = json(&sb.cli_ok(&[
        "--file",
        "census.ron",
        "list",
        "--status",
        "legitime",
        "--format",
        "json",
    ]));
    let names: Vec<String> = listed
        .as_array()
        .expect("a list")
        .iter()
        .map(|i| i["nom"].as_str().expect("a name").to_string())
        .collect();
    assert!(!names.is_empty());
    let screen = s.wait_for(&format!("· {}/19 initiatives", names.len()));
    for name in &names {
        let start: String = name.chars().take(20).collect();
        assert!(screen.contains(&start), "{name} listed:\n{screen}");
    }
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
}
