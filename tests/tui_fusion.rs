//! The interface's part of fusions gone wrong between colleagues: records
//! fused into one another are shown as one and settled from the conflicts
//! screen, like `recense resolve`.

mod tui_common;

use recense::census::InitiativeId;
use recense::tui::app::View;
use tui_common::*;

/// « Petits Débrouillards », the smaller id of the cycle of
/// tests/fixtures/valid/census-fusion-cycle.ron.
const FIRST: &str = "01M8RGR080JVPC5R8K4YW2DHJX";
/// « Les Petits Débrouillards Bretagne », the other record of the cycle.
const SECOND: &str = "01M8RGR080S8ZDZSFK1H2J83PT";

fn cycle() -> Harness {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/valid/census-fusion-cycle.ron");
    let text = std::fs::read_to_string(path).expect("fixture");
    Harness::from_text(&text, Setup::default())
}

#[test]
fn records_fused_into_one_another_show_one_in_the_list() {
    let h = cycle();
    let names = h.row_names();
    assert!(
        names.iter().any(|n| n == "Petits Débrouillards"),
        "{names:?}"
    );
    assert!(
        !names
            .iter()
            .any(|n| n == "Les Petits Débrouillards Bretagne"),
        "{names:?}"
    );
}

#[test]
fn records_fused_into_one_another_are_settled_from_the_conflicts_screen() {
    let mut h = cycle();
    h.keys("C");
    assert!(matches!(h.app.views.last(), Some(View::Conflicts(_))));
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("fusionnée avec son doublon dans les deux sens"),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("1. garder {FIRST}"))
            && screen.contains(&format!("2. garder {SECOND}")),
        "{screen}"
    );
    // Keep the other record (the second choice).
    h.keys("j enter");
    assert_eq!(h.message().as_deref(), Some("Conflit réglé"));
    assert!(!h.screen(100, 30).contains("dans les deux sens"));
    let ws = h.reopen();
    let id = |s: &str| InitiativeId::parse(s).unwrap();
    assert!(ws.census.get(&id(SECOND)).unwrap().is_live());
    assert!(!ws.census.get(&id(FIRST)).unwrap().is_live());
    assert_eq!(ws.census.redirect(&id(FIRST)), &id(SECOND));
}
