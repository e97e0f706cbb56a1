//! The dashboard, the map and the network view: snapshots at 80x24 and
//! 60x20 (in 16 colours, without colour and in `--ascii`), and the keys
//! driven through `App::update`: every bar leads to exactly the initiatives
//! it counts, the map's cursor selects the nearest initiative, Enter opens.
//!
//! After a deliberate change of a screen: `INSTA_UPDATE=always cargo test
//! --test tui_dashboard`, then read the new snapshots before keeping them.

mod tui_common;

use std::collections::BTreeSet;

use ratatui::style::Color;
use recense::census::geo::coordinates;
use recense::census::search::fold;
use recense::census::status;
use recense::tui::app::View;
use recense::tui::keymap::KeyMap;
use recense::tui::screens::dashboard::{DashboardState, FilterField, Target};
use recense::tui::screens::map::MapState;
use recense::tui::theme::Theme;

use tui_common::*;

fn snap(h: &Harness, name: &str) {
    for (w, hh) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{hh}"), snapshot_text(&h.render(w, hh)));
    }
}

fn setup(colour: bool, ascii: bool) -> Setup {
    Setup {
        theme: Theme::new(colour, ascii),
        ..Setup::default()
    }
}

/// Initiatives around Brest with coordinates, added to the sample (whose
/// few coordinates are mostly the same point), and one without.
const PLACES: [(&str, &str, &str, &str, &str); 9] = [
    ("01M6B5ED705Y7B9BEP3M2CJQ0A", "Fablab de Plouzané", "fablab", "Plouzané", "48.383,-4.619"),
    ("01M6B5ED705Y7B9BEP3M2CJQ0B", "Médiathèque de Guipavas", "mediatheque", "Guipavas", "48.435,-4.399"),
    ("01M6B5ED705Y7B9BEP3M2CJQ0C", "Centre social du Relecq", "centre_social", "Le Relecq-Kerhuon", "48.408,-4.397"),
    ("01M6B5ED705Y7B9BEP3M2CJQ0D", "Libristes de Gouesnou", "collectif_libriste", "Gouesnou", "48.452,-4.465"),
    ("01M6B5ED705Y7B9BEP3M2CJQ0E", "Tiers-lieu de Plougastel", "tiers_lieu", "Plougastel-Daoulas", "48.372,-4.370"),
    ("01M6B5ED705Y7B9BEP3M2CJQ0F", "EPN de Landerneau", "espace_public_numerique", "Landerneau", "48.451,-4.249"),
    ("01M6B5ED705Y7B9BEP3M2CJQ0G", "Médiathèque de Lesneven", "mediatheque", "Lesneven", "48.572,-4.321"),
    ("01M6B5ED705Y7B9BEP3M2CJQ0H", "Association de Crozon", "association", "Crozon", "48.246,-4.489"),
    ("01M6B5ED705Y7B9BEP3M2CJQ0J", "Fablab de Saint-Renan", "fablab", "Saint-Renan", "48.433,-4.621"),
];

fn placed_text() -> String {
    let extra: Vec<(&str, Vec<(&str, &str)>)> = PLACES
        .iter()
        .map(|(id, name, kind, commune, at)| {
            (
                *id,
                vec![
                    ("nom", *name),
                    ("type", *kind),
                    ("commune", *commune),
                    ("coordonnees", *at),
                ],
            )
        })
        .collect();
    let extra: Vec<(&str, &[(&str, &str)])> =
        extra.iter().map(|(id, f)| (*id, f.as_slice())).collect();
    recense::census::file::to_canonical(&brest_with(("carto", "Équipe carte"), &extra))
}

fn placed(setup: Setup) -> Harness {
    Harness::from_text(&placed_text(), setup)
}

fn dashboard(h: &Harness) -> &DashboardState {
    match h.app.views.last() {
        Some(View::Dashboard(d)) => d,
        other => panic!("the dashboard is not open: {other:?}"),
    }
}

fn map(h: &Harness) -> &MapState {
    match h.app.views.last() {
        Some(View::Map(m)) => m,
        other => panic!("the map is not open: {other:?}"),
    }
}

/// `--ascii`: no box-drawing, block, Braille or geometric character, no `…`
/// (the data itself may hold accents and French quotes).
fn assert_no_drawing_glyphs(buf: &ratatui::buffer::Buffer, name: &str) {
    for c in buf.content() {
        for ch in c.symbol().chars() {
            assert!(
                !('\u{2190}'..='\u{2BFF}').contains(&ch) && ch != '…',
                "{name}: `{ch}` drawn in ASCII mode"
            );
        }
    }
}

// ------------------------------------------------------------ snapshots

#[test]
fn dashboard_snapshots() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("T");
    snap(&h, "dashboard");
    h.keys("tab tab tab j");
    snap(&h, "dashboard_problems");
    h.keys("G");
    snap(&h, "dashboard_pending");
}

#[test]
fn dashboard_without_colour_and_in_ascii() {
    for (name, colour, ascii) in [
        ("dashboard_no_colour", false, false),
        ("dashboard_ascii", true, true),
    ] {
        let mut h = Harness::sample_with("pays-de-brest", setup(colour, ascii));
        h.keys("T");
        snap(&h, name);
        let buf = h.render(80, 24);
        if !colour {
            assert!(buf.content().iter().all(|c| c.fg == Color::Reset), "{name}");
        }
        if ascii {
            assert_no_drawing_glyphs(&buf, name);
            assert!(h.screen(80, 24).contains("###"), "bars of #");
        }
    }
}

#[test]
fn map_snapshots() {
    for (name, colour, ascii) in [
        ("map", true, false),
        ("map_no_colour", false, false),
        ("map_ascii", true, true),
    ] {
        let mut h = placed(setup(colour, ascii));
        h.keys("M");
        snap(&h, name);
        if ascii {
            let buf = h.render(80, 24);
            assert_no_drawing_glyphs(&buf, name);
        }
    }
}

#[test]
fn network_snapshots() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("R");
    snap(&h, "network");
    h.keys("tab");
    snap(&h, "network_next_group");
}
