//! The dashboard, the map and the network view: snapshots at 80x24 and
//! 60x20 (in 16 colours, without colour and in `--ascii`), and the keys
//! driven through `App::update`: every bar leads to exactly the initiatives
//! it counts, the map's cursor selects the nearest initiative, Enter opens.
//!
//! After a deliberate change of a screen: `INSTA_UPDATE=always cargo test
//! --test tui dashboard::`, then read the new snapshots before keeping them.

use crate::tui_common;

use std::collections::BTreeSet;

use ratatui::style::Color;
use recense::census::search::fold;
use recense::census::status;
use recense::tui::app::View;
use recense::tui::screens::dashboard::{DashboardState, FilterField, Target};
use recense::tui::screens::map::MapState;
use recense::tui::theme::Theme;

use tui_common::*;

fn setup(colour: bool, ascii: bool) -> Setup {
    Setup {
        theme: Theme::new(colour, ascii),
        ..Setup::default()
    }
}

/// Initiatives around Brest with coordinates, added to the sample (whose
/// few coordinates are mostly the same point), and one without.
const PLACES: [(&str, &str, &str, &str, &str); 9] = [
    (
        "01M6B5ED705Y7B9BEP3M2CJQ0A",
        "Fablab de Plouzané",
        "fablab",
        "Plouzané",
        "48.383,-4.619",
    ),
    (
        "01M6B5ED705Y7B9BEP3M2CJQ0B",
        "Médiathèque de Guipavas",
        "mediatheque",
        "Guipavas",
        "48.435,-4.399",
    ),
    (
        "01M6B5ED705Y7B9BEP3M2CJQ0C",
        "Centre social du Relecq",
        "centre_social",
        "Le Relecq-Kerhuon",
        "48.408,-4.397",
    ),
    (
        "01M6B5ED705Y7B9BEP3M2CJQ0D",
        "Libristes de Gouesnou",
        "collectif_libriste",
        "Gouesnou",
        "48.452,-4.465",
    ),
    (
        "01M6B5ED705Y7B9BEP3M2CJQ0E",
        "Tiers-lieu de Plougastel",
        "tiers_lieu",
        "Plougastel-Daoulas",
        "48.372,-4.370",
    ),
    (
        "01M6B5ED705Y7B9BEP3M2CJQ0F",
        "EPN de Landerneau",
        "espace_public_numerique",
        "Landerneau",
        "48.451,-4.249",
    ),
    (
        "01M6B5ED705Y7B9BEP3M2CJQ0G",
        "Médiathèque de Lesneven",
        "mediatheque",
        "Lesneven",
        "48.572,-4.321",
    ),
    (
        "01M6B5ED705Y7B9BEP3M2CJQ0H",
        "Association de Crozon",
        "association",
        "Crozon",
        "48.246,-4.489",
    ),
    (
        "01M6B5ED705Y7B9BEP3M2CJQ0J",
        "Fablab de Saint-Renan",
        "fablab",
        "Saint-Renan",
        "48.433,-4.621",
    ),
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
    snap!(&h, "dashboard");
    h.keys("tab tab tab j");
    snap!(&h, "dashboard_problems");
    h.keys("G");
    snap!(&h, "dashboard_pending");
}

#[test]
fn dashboard_without_colour_and_in_ascii() {
    for (name, colour, ascii) in [
        ("dashboard_no_colour", false, false),
        ("dashboard_ascii", true, true),
    ] {
        let mut h = Harness::sample_with("pays-de-brest", setup(colour, ascii));
        h.keys("T");
        snap!(&h, name);
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
        h.keys("L");
        snap!(&h, name);
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
    snap!(&h, "network");
    h.keys("tab");
    snap!(&h, "network_next_group");
}

// ------------------------------------------------------ driving the keys

/// Moves the dashboard's cursor to item `item` of panel `panel`.
fn go_to(h: &mut Harness, panel: usize, item: usize) {
    h.keys("g");
    for _ in 0..panel {
        h.keys("tab");
    }
    for _ in 0..item {
        h.keys("j");
    }
    assert_eq!(dashboard(h).cursor, (panel, item));
}

/// The ids of the live initiatives having `value` for what `field` filters,
/// read from the census directly.
fn having(h: &Harness, field: FilterField, value: &str) -> BTreeSet<String> {
    let core = &h.app.core;
    let schema = &core.session.ws.schema;
    core.session
        .ws
        .census
        .live()
        .filter(|i| match field {
            FilterField::Kind => i.value(&schema.kind_field) == Some(value),
            FilterField::Status => status::current(i) == value,
            FilterField::Commune => i.value("commune").map(fold) == Some(fold(value)),
            FilterField::Problem => i.values("problemes_publics").contains(&value),
            FilterField::Commons => i.values("communs_produits").contains(&value),
            FilterField::Support => i.values("soutiens_recus").contains(&value),
            FilterField::Need => i.values("besoins").contains(&value),
        })
        .map(|i| i.id.to_string())
        .collect()
}

fn shown(h: &Harness) -> BTreeSet<String> {
    let core = &h.app.core;
    core.list
        .rows()
        .iter()
        .map(|&n| core.session.ws.census.initiatives[n].id.to_string())
        .collect()
}

#[test]
fn every_bar_leads_to_exactly_the_initiatives_it_counts() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("T");
    let panels: Vec<(usize, usize)> = dashboard(&h)
        .panels
        .iter()
        .enumerate()
        .flat_map(|(p, panel)| {
            (0..panel.items.len())
                .filter(move |&i| panel.items[i].n.is_some())
                .map(move |i| (p, i))
        })
        .collect();
    // The bars at 0 are folded into one line per panel, not bars.
    assert!(panels.len() > 30, "bars of every tally: {}", panels.len());
    let mut fields = BTreeSet::new();
    for (p, i) in panels {
        let mut h = Harness::sample("pays-de-brest");
        h.keys("T");
        go_to(&mut h, p, i);
        let item = dashboard(&h).panels[p].items[i].clone();
        let Target::Filter(field, value) = item.target.clone() else {
            panic!("a bar filters: {item:?}");
        };
        fields.insert(format!("{field:?}"));
        h.keys("enter");
        assert!(h.app.views.is_empty(), "back to the list");
        let expected = having(&h, field, &value);
        assert_eq!(shown(&h), expected, "{field:?}={value}");
        assert_eq!(item.n, Some(expected.len()), "the bar counts them");
        // The filter bar says so, and F clears it as usual.
        let screen = h.screen(80, 24);
        let label: String = item.label.chars().take(12).collect();
        assert!(screen.lines().nth(1).unwrap().contains(&label), "{screen}");
        h.keys("F");
        assert_eq!(h.app.core.list.rows().len(), 19);
    }
    // No initiative of the sample says its needs: that panel holds only
    // its line of bars at 0, folded.
    assert_eq!(
        fields,
        ["Commons", "Commune", "Kind", "Problem", "Status", "Support"]
            .map(String::from)
            .into(),
        "kind, status, commune, problem, commons, support"
    );
}

#[test]
fn bars_of_a_filtered_list_count_within_it() {
    let mut h = placed(Setup::default());
    // Fablabs first, then one of their communes.
    h.keys("T");
    let kinds = 0;
    let fablab = dashboard(&h).panels[kinds]
        .items
        .iter()
        .position(|i| i.target == Target::Filter(FilterField::Kind, "fablab".into()))
        .expect("a fablab bar");
    go_to(&mut h, kinds, fablab);
    h.keys("enter T");
    assert_eq!(dashboard(&h).total, 3, "the dashboard of the filtered list");
    let communes = 2;
    go_to(&mut h, communes, 0);
    let item = dashboard(&h).panels[communes].items[0].clone();
    h.keys("enter");
    let Target::Filter(FilterField::Commune, commune) = item.target else {
        panic!("{item:?}");
    };
    let expected: BTreeSet<String> = having(&h, FilterField::Kind, "fablab")
        .intersection(&having(&h, FilterField::Commune, &commune))
        .cloned()
        .collect();
    assert_eq!(shown(&h), expected);
    assert_eq!(item.n, Some(expected.len()));
}

#[test]
fn enter_on_a_waiting_initiative_opens_it() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("T");
    let (p, i, id) = dashboard(&h)
        .panels
        .iter()
        .enumerate()
        .find_map(|(p, panel)| {
            panel
                .items
                .iter()
                .enumerate()
                .find_map(|(i, item)| match &item.target {
                    Target::Open(id) => Some((p, i, id.clone())),
                    _ => None,
                })
        })
        .expect("someone is waiting");
    go_to(&mut h, p, i);
    h.keys("enter");
    match h.app.views.last() {
        Some(View::Detail(d)) => assert_eq!(d.id, id),
        other => panic!("the record is open: {other:?}"),
    }
    h.keys("esc");
    assert!(matches!(h.app.views.last(), Some(View::Dashboard(_))));
}

/// The sample and a second « Wiki-Brest », a likely duplicate.
fn with_a_duplicate() -> Harness {
    let census = brest_with(
        ("dup", "Équipe doublons"),
        &[(
            "01M6B5ED705Y7B9BEP3M2CJQ1A",
            &[
                ("nom", "Wiki-Brest"),
                ("type", "ressource_commune"),
                ("commune", "Brest"),
            ],
        )],
    );
    Harness::from_text(
        &recense::census::file::to_canonical(&census),
        Setup::default(),
    )
}

#[test]
fn the_pending_duplicates_open_their_screen_and_the_figures_follow_a_fusion() {
    let mut h = with_a_duplicate();
    h.keys("T");
    let total = dashboard(&h).total;
    let pending = dashboard(&h).panels.len() - 1;
    let item = &dashboard(&h).panels[pending].items[0];
    assert_eq!(item.target, Target::Duplicates, "{item:?}");
    assert!(item.note.contains('D'), "the key of the screen: {item:?}");
    h.keys("G enter");
    assert!(matches!(h.app.views.last(), Some(View::Duplicates(_))));
    h.keys("f esc");
    let d = dashboard(&h);
    assert_eq!(d.total, total - 1, "computed again after the fusion");
}

#[test]
fn dashboard_map_and_network_open_from_commands_and_each_other() {
    let mut h = Harness::sample("pays-de-brest");
    for (command, title) in [
        ("tableau", "Tableau de bord"),
        ("carte", "Carte"),
        ("reseau", "Réseau"),
    ] {
        h.keys(":").type_text(command).keys("enter");
        assert_eq!(h.app.views.len(), 1, "{command}");
        assert!(h.message().is_none(), "{command}: {:?}", h.message());
        let screen = h.screen(80, 24);
        assert!(screen.lines().nth(2).unwrap().contains(title), "{screen}");
        h.keys("esc");
        assert!(h.app.views.is_empty());
    }
    h.keys("T L");
    assert!(matches!(h.app.views.last(), Some(View::Map(_))));
    h.keys("R");
    assert!(matches!(h.app.views.last(), Some(View::Network(_))));
    h.keys("T");
    assert!(matches!(h.app.views.last(), Some(View::Dashboard(_))));
    assert_eq!(h.app.views.len(), 1, "each replaces the other");
}

// ------------------------------------------------------------------ map

/// Great-circle distance in metres.
fn haversine((lat1, lon1): (f64, f64), (lat2, lon2): (f64, f64)) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6_371_000.0 * a.sqrt().asin()
}

/// The initiatives of the list with their coordinates, read from the census.
fn list_points(h: &Harness) -> Vec<(String, (f64, f64))> {
    let core = &h.app.core;
    core.list
        .rows()
        .iter()
        .filter_map(|&n| {
            let i = &core.session.ws.census.initiatives[n];
            let (lat, lon) = i.value("coordonnees")?.split_once(',')?;
            Some((i.id.to_string(), (lat.parse().ok()?, lon.parse().ok()?)))
        })
        .collect()
}

#[test]
fn the_map_cursor_selects_the_nearest_initiative_and_enter_opens_it() {
    let mut h = placed(Setup::default());
    h.keys("L");
    let points = list_points(&h);
    assert_eq!(map(&h).placed.points.len(), points.len());
    let mut last = map(&h).cursor_lat_lon();
    for keys in ["l", "L", "j", "J", "k K K", "h", "H H", "L L L L", "J J J"] {
        h.keys(keys);
        let m = map(&h);
        let cursor = m.cursor_lat_lon();
        assert_ne!(cursor, last, "{keys} moves the cursor");
        last = cursor;
        let selected = m.selected_id(&h.app.core).expect("a selection").to_string();
        let best = points
            .iter()
            .map(|(_, at)| haversine(cursor, *at))
            .fold(f64::MAX, f64::min);
        let (_, at) = points.iter().find(|(id, _)| *id == selected).unwrap();
        assert!(
            haversine(cursor, *at) <= best * 1.01 + 1.0,
            "{keys}: {selected} is {} m away, the nearest {best} m",
            haversine(cursor, *at)
        );
    }
    // H goes five times as far as h.
    let before = map(&h).cursor.0;
    h.keys("h");
    let small = before - map(&h).cursor.0;
    let before = map(&h).cursor.0;
    h.keys("H");
    let far = before - map(&h).cursor.0;
    assert!((far - 5.0 * small).abs() < 1e-9, "{small} {far}");

    let selected = map(&h).selected_id(&h.app.core).unwrap();
    h.keys("enter");
    match h.app.views.last() {
        Some(View::Detail(d)) => assert_eq!(d.id, selected),
        other => panic!("the record is open: {other:?}"),
    }
}

#[test]
fn the_map_shows_the_filtered_list_and_counts_the_ones_without_coordinates() {
    let mut h = placed(Setup::default());
    // Only médiathèques, through the dashboard's bar.
    h.keys("T");
    let p = dashboard(&h).panels[0]
        .items
        .iter()
        .position(|i| i.target == Target::Filter(FilterField::Kind, "mediatheque".into()))
        .unwrap();
    go_to(&mut h, 0, p);
    h.keys("enter L");
    let rows = h.app.core.list.rows().len();
    let with = list_points(&h).len();
    assert!(with >= 2 && rows > with, "{rows} {with}");
    let m = map(&h);
    assert_eq!(m.placed.points.len(), with);
    assert_eq!(m.placed.missing, rows - with);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains(&format!("{} sans coordonnées", rows - with)),
        "{screen}"
    );
    // On the map itself (the legend names the perimeter's communes
    // without initiative, Crozon among them).
    let drawn: String = screen
        .lines()
        .map(|l| l.chars().take(54).collect::<String>() + "\n")
        .collect();
    assert!(
        drawn.contains("Guipavas") && !drawn.contains("Crozon"),
        "{screen}"
    );
}

#[test]
fn map_proportions_follow_the_ground() {
    // Lesneven (north) to Crozon (south) is 36 km; Saint-Renan (west) to
    // Landerneau (east) 28 km: on screen, with cells twice as tall as
    // wide, the two distances keep that proportion.
    let h = {
        let mut h = placed(Setup::default());
        h.keys("L");
        h
    };
    let buf = h.render(80, 24);
    let find = |name: &str| {
        let y = find_row(&buf, name).unwrap_or_else(|| panic!("{name} on the map"));
        let line = &buffer_lines(&buf)[y as usize];
        let x = line[..line.find(name).unwrap()].chars().count() + name.chars().count() / 2;
        (x as f64, y as f64)
    };
    let (les, cro) = (find("Lesneven"), find("Crozon"));
    let (ren, lan) = (find("Saint-Renan"), find("Landerneau"));
    let north_south = (cro.1 - les.1) * 2.0;
    let west_east = lan.0 - ren.0;
    let ground =
        haversine((48.433, -4.621), (48.433, -4.249)) / haversine((48.572, -4.4), (48.246, -4.4));
    let ratio = west_east / north_south;
    assert!(
        (ratio - ground).abs() < 0.2,
        "screen {ratio}, ground {ground}"
    );
}

// -------------------------------------------------------------- network

#[test]
fn the_network_lists_groups_then_isolated_and_enter_opens() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("R");
    h.keys("G enter");
    let Some(View::Detail(d)) = h.app.views.last() else {
        panic!("the record is open");
    };
    let name = name_of(&h.app, &d.id.to_string()).unwrap();
    assert_eq!(name, "Patronage laïque de Recouvrance", "the isolated one");
    let core = &h.app.core;
    let i = core.session.ws.census.get(&d.id).unwrap();
    assert!(i.values("relations").is_empty());
    assert!(
        core.session.ws.census.live().all(|o| !o
            .values("relations")
            .iter()
            .any(|r| r.ends_with(&d.id.to_string()))),
        "no one points to it either"
    );
}

#[test]
fn help_lists_the_keys_of_the_new_screens_in_english() {
    let mut h = Harness::sample_with(
        "pays-de-brest",
        Setup {
            lang: recense::i18n::Lang::En,
            ..Setup::default()
        },
    );
    h.keys("L ?");
    snap!(&h, "english_map_help");
    let screen = h.screen(80, 24);
    for what in ["move far left", "open the record", "dashboard"] {
        assert!(screen.contains(what), "{what}:\n{screen}");
    }
}
