//! The dashboard's white zones: the communes of the perimeter without any
//! initiative nor relay, largest population first (checked against the data
//! file read here), the initiatives per 10,000 inhabitants, Enter filtering
//! the list to the commune and offering to add an initiative there.

use crate::tui_common;

use std::io::Read;

use recense::census::perimeter::Perimeter;
use recense::census::time::Timestamp;
use recense::tui::app::View;
use recense::tui::screens::dashboard::{DashboardState, Target};

use tui_common::*;

/// Brest Métropole.
const BREST_METROPOLE: &str = "242900314";

/// `(insee, name, population)` of an EPCI's communes, from the data file.
fn members(siren: &str) -> Vec<(String, String, u64)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/census/territory/communes.tsv.gz");
    let gz = std::fs::read(path).expect("data file");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .expect("gzip");
    text.lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() == 7 && c[0] == "C" && c[4] == siren)
        .map(|c| (c[1].to_string(), c[2].to_string(), c[5].parse().unwrap()))
        .collect()
}

/// The Brest sample with Brest Métropole as its perimeter.
fn metropole() -> Harness {
    let mut census = brest_with(("carto", "Équipe carte"), &[]);
    census.perimeter = Perimeter::set(
        &format!("epci:{BREST_METROPOLE}"),
        "carto",
        Timestamp::parse("2026-11-20T08:00:00Z").unwrap(),
    );
    Harness::from_text(
        &recense::census::file::to_canonical(&census),
        Setup::default(),
    )
}

fn dashboard(h: &Harness) -> &DashboardState {
    match h.app.views.last() {
        Some(View::Dashboard(d)) => d,
        other => panic!("the dashboard is not open: {other:?}"),
    }
}

/// Opens the dashboard with the cursor on the white zones' first commune.
fn on_white_zones(h: &mut Harness) -> usize {
    h.keys("T");
    let panel = dashboard(h)
        .panels
        .iter()
        .position(|p| p.title.starts_with("Zones blanches"))
        .expect("a white zones panel");
    while dashboard(h).cursor.0 < panel {
        h.keys("tab");
    }
    h.keys("j");
    panel
}

#[test]
fn white_zones_are_the_communes_without_initiative_largest_first() {
    let mut h = metropole();
    let panel = on_white_zones(&mut h);
    let d = dashboard(&h);
    let items = &d.panels[panel].items;
    // Every initiative of the sample in the metropole is in Brest.
    let census = &h.app.core.session.ws.census;
    let in_brest = census
        .live()
        .filter(|i| i.value("commune") == Some("Brest"))
        .count() as u64;
    let mut expected = members(BREST_METROPOLE);
    let population: u64 = expected.iter().map(|m| m.2).sum();
    expected.retain(|m| m.1 != "Brest");
    expected.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let names: Vec<&str> = items[1..].iter().map(|i| i.label.as_str()).collect();
    let want: Vec<&str> = expected.iter().map(|m| m.1.as_str()).collect();
    assert_eq!(names, want);
    assert!(d.panels[panel].title.contains(&format!(
        "{} {} sur 8",
        want.len(),
        if want.len() < 2 {
            "commune"
        } else {
            "communes"
        }
    )));
    let tenths = (in_brest * 100_000 + population / 2) / population;
    assert_eq!(items[0].note, format!("{},{}", tenths / 10, tenths % 10));
    assert!(matches!(&items[1].target, Target::WhiteZone(z) if z.name == want[0]));
    snap!(&h, "white_zones");
}

#[test]
fn enter_on_a_white_zone_filters_the_list_and_offers_to_add_one_there() {
    let mut h = metropole();
    on_white_zones(&mut h);
    let first = dashboard(&h).current().unwrap().label.clone();
    h.keys("enter");
    assert!(
        h.row_names().is_empty(),
        "the list shows the commune: empty"
    );
    assert!(
        h.screen(80, 24)
            .contains(&format!("Aucune initiative à {first}"))
    );
    snap!(&h, "white_zones_offer");
    h.keys("o");
    assert!(matches!(h.app.views.last(), Some(View::Wizard(_))));
    let insee = members(BREST_METROPOLE)
        .into_iter()
        .find(|m| m.1 == first)
        .unwrap()
        .0;
    // Only the name and the kind are left to fill in: the commune is there.
    h.keys("pagedown");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Il manque : Nom, Type\n") || screen.contains("Il manque : Nom, Type "),
        "{screen}"
    );
    // Field by field: the commune, then its INSEE code.
    h.keys("tab tab tab");
    let mut seen = String::new();
    for _ in 0..6 {
        seen.push_str(&h.screen(80, 24));
        h.keys("tab");
    }
    assert!(seen.contains(&format!("> {first}")), "{seen}");
    assert!(seen.contains(&format!("> {insee}")), "{seen}");
}

#[test]
fn no_perimeter_no_panel() {
    let mut h = brest_with_no_perimeter();
    h.keys("T");
    assert!(
        dashboard(&h)
            .panels
            .iter()
            .all(|p| !p.title.starts_with("Zones blanches"))
    );
}

fn brest_with_no_perimeter() -> Harness {
    let mut census = brest_with(("carto", "Équipe carte"), &[]);
    census.perimeter = Perimeter::default();
    Harness::from_text(
        &recense::census::file::to_canonical(&census),
        Setup::default(),
    )
}

#[test]
fn the_map_names_the_communes_without_initiative() {
    let mut h = metropole();
    h.keys("L");
    let mut expected = members(BREST_METROPOLE);
    expected.retain(|m| m.1 != "Brest");
    expected.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let want: Vec<String> = expected.into_iter().map(|m| m.1).collect();
    match h.app.views.last() {
        Some(View::Map(m)) => assert_eq!(m.white, want),
        other => panic!("the map is not open: {other:?}"),
    }
    let screen = h.screen(80, 24);
    assert!(screen.contains("Sans initiative (7)"), "{screen}");
    assert!(screen.contains(&want[0]), "{screen}");
    snap!(&h, "map_white_zones");
}
