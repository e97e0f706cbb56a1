//! The interface's `:merge` reports what `recense merge` reports beyond its
//! summary: a census of another territory (the census keeps its own), and
//! values `add` would refuse (kept).

use crate::tui_common;

use recense::census::{file, store};
use tui_common::*;

/// The sample census as a colleague of Quimper would send it.
fn of_quimper(h: &Harness) -> std::path::PathBuf {
    let text = std::fs::read_to_string(sample_path("pays-de-brest")).unwrap();
    let (mut theirs, _) = file::parse(&text, "quimper.ron").unwrap();
    theirs.territory = "Quimper".into();
    let path = h.dir.path().join("quimper.ron");
    store::save(&path, &theirs).unwrap();
    path
}

#[test]
fn merging_a_census_of_another_territory_warns_and_keeps_ours() {
    let mut h = Harness::sample("pays-de-brest");
    let theirs = of_quimper(&h);
    h.keys(":")
        .type_text(&format!("merge {}", theirs.display()))
        .keys("enter");
    let message = h.message().unwrap();
    assert!(
        message.contains("ce fichier recense le territoire « Quimper », pas « Pays de Brest » : le recensement garde « Pays de Brest »"),
        "{message}"
    );
    assert_eq!(h.app.core.session.ws.census.territory, "Pays de Brest");
}

#[test]
fn merging_values_add_would_refuse_says_how_many() {
    let mut h = Harness::sample("pays-de-brest");
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/received/invalid-values.ron"
    );
    let text = std::fs::read_to_string(fixture).unwrap();
    let (theirs, _) = file::parse(&text, "invalid-values.ron").unwrap();
    let path = h.dir.path().join("invalid-values.ron");
    store::save(&path, &theirs).unwrap();
    h.keys(":")
        .type_text(&format!("merge {}", path.display()))
        .keys("enter");
    let message = h.message().unwrap();
    assert!(
        message.contains(
            "4 valeurs que « recense add » refuserait, gardées (« recense doctor » les liste)"
        ),
        "{message}"
    );
}
