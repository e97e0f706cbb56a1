//! The follow-up in the terminal interface: `V` verifies a record, the
//! filter « À revérifier » and the dashboard's count agree with the dates
//! written in the census, `E` adds an edition to an event, the network view
//! names the initiatives to invite. Keys go through the keymap to
//! `App::update`; what changed is checked on disk (`reopen`).

use crate::tui_common;

use recense::census::editions::editions;
use recense::census::file;
use recense::census::freshness::verifications;
use recense::census::model::{Census, Initiative, Stamp};
use recense::census::time::Timestamp;
use recense::census::workspace::Workspace;
use recense::tui::app::{Overlay, View};
use recense::tui::screens::dashboard::Target;
use recense::tui::screens::network::Entry;

use tui_common::*;

const INFINI: &str = "Infini (Internet Finistère)";
const WIKI: &str = "Wiki-Brest";
const ANIMACOOP: &str = "Animacoop";

/// The initiatives aged, and the day every one of their entries is moved to.
const AGED: [(&str, &str); 3] = [
    (WIKI, "2025-01-15T09:00:00Z"),
    (ANIMACOOP, "2025-06-01T09:00:00Z"),
    (INFINI, "2024-10-01T09:00:00Z"),
];

fn name(c: &Census, i: &Initiative) -> String {
    let _ = c;
    i.value("nom").unwrap_or("?").to_string()
}

/// The Brest sample with three initiatives last written long ago.
fn aged_census() -> String {
    let text = std::fs::read_to_string(sample_path("pays-de-brest")).expect("sample");
    let (mut census, _) = file::parse(&text, "pays-de-brest.ron").expect("sample parses");
    for i in census.initiatives.iter_mut() {
        let Some((_, at)) = AGED.iter().find(|(n, _)| i.value("nom") == Some(*n)) else {
            continue;
        };
        let at = Timestamp::parse(at).unwrap();
        for es in i.fields.values_mut() {
            for e in es.iter_mut() {
                if let Stamp::Recorded { dot, .. } = e.stamp {
                    e.stamp = Stamp::Recorded { dot, at };
                }
            }
        }
    }
    file::to_canonical(&census)
}

fn named<'a>(ws: &'a Workspace, name: &str) -> &'a Initiative {
    ws.census
        .live()
        .find(|i| i.value("nom") == Some(name))
        .unwrap_or_else(|| panic!("no {name}"))
}

/// The stale ones, computed here: every entry's date older than twelve
/// months before the tests' day (2026-12-01), oldest first.
fn expected_stale(text: &str) -> Vec<String> {
    let (census, _) = file::parse(text, "aged.ron").unwrap();
    let cutoff = Timestamp::parse("2025-12-01T00:00:00Z").unwrap();
    let mut out: Vec<(Timestamp, String)> = census
        .live()
        .filter_map(|i| {
            let newest = i
                .fields
                .iter()
                .flat_map(|(_, es)| es.iter())
                .filter_map(|e| e.stamp.at())
                .max()?;
            (newest < cutoff).then(|| (newest, name(&census, i)))
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, n)| n).collect()
}

fn filter_stale(h: &mut Harness) {
    h.keys("f");
    h.type_text("revérifier");
    h.keys("space enter");
}

#[test]
fn the_stale_filter_agrees_with_the_dates_in_the_file_oldest_first() {
    let text = aged_census();
    let mut h = Harness::from_text(&text, Setup::default());
    filter_stale(&mut h);
    let expected = expected_stale(&text);
    assert_eq!(expected, [INFINI, WIKI, ANIMACOOP]);
    assert_eq!(h.row_names(), expected);
    snap!(&h, "stale_list");
}

#[test]
fn the_dashboard_counts_the_fiches_to_recheck_and_leads_to_them() {
    let mut h = Harness::from_text(&aged_census(), Setup::default());
    h.keys("T");
    let Some(View::Dashboard(d)) = h.app.views.last_mut() else {
        panic!("no dashboard")
    };
    let at = d
        .panels
        .iter()
        .enumerate()
        .find_map(|(p, panel)| {
            let i = panel.items.iter().position(|i| i.target == Target::Stale)?;
            Some((p, i))
        })
        .expect("an item for the fiches to re-check");
    assert_eq!(d.panels[at.0].items[at.1].label, "3 fiches à revérifier");
    d.cursor = at;
    snap!(&h, "dashboard_stale");
    h.keys("enter");
    assert_eq!(h.row_names(), [INFINI, WIKI, ANIMACOOP]);
}

#[test]
fn v_verifies_the_record_in_the_list_and_in_the_record() {
    let mut h = Harness::from_text(&aged_census(), Setup::default());
    filter_stale(&mut h);
    select(&mut h, WIKI);
    h.keys("V");
    assert_eq!(
        h.message().as_deref(),
        Some("Vérifiée aujourd'hui : Wiki-Brest")
    );
    // Fresh again: no longer in the list of fiches to re-check.
    assert_eq!(h.row_names(), [INFINI, ANIMACOOP]);
    select(&mut h, INFINI);
    h.keys("enter V");
    let ws = h.reopen();
    for n in [WIKI, INFINI] {
        let v = verifications(named(&ws, n));
        assert_eq!(v.len(), 1, "{n}");
        assert_eq!(v[0].by.map(|a| a.to_string()).as_deref(), Some(AGENT_ID));
        assert_eq!(v[0].at, Some(Timestamp::parse(NOW).unwrap()));
    }
    assert!(verifications(named(&ws, ANIMACOOP)).is_empty());
    // The record says when it was verified, and by whom.
    let screen = h.lines(110, 90).join("\n");
    let line = screen
        .lines()
        .find(|l| l.contains("Vérifiée le"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(line.contains(&format!("{TODAY} · à jour")), "{line}");
    assert!(line.contains(AGENT_NAME), "{line}");
}

#[test]
fn e_adds_an_edition_to_an_event_and_the_others_are_to_invite() {
    let mut h = brest();
    select(&mut h, ANIMACOOP);
    let before = editions(named(&h.reopen(), ANIMACOOP)).len();
    h.keys("enter E");
    assert!(matches!(h.app.overlay, Some(Overlay::Edition(_))));
    snap!(&h, "edition_form");
    h.keys("tab");
    h.type_text("La Casemate");
    h.keys("tab");
    h.type_text("douze");
    h.keys("enter");
    // Not a number: said, nothing written.
    assert!(matches!(h.app.overlay, Some(Overlay::Edition(_))));
    assert!(h.screen(80, 24).contains("Participants : un nombre entier"));
    for _ in 0.."douze".len() {
        h.keys("backspace");
    }
    h.type_text("12");
    h.keys("tab");
    h.type_text("session de printemps");
    h.keys("enter");
    assert!(h.app.overlay.is_none());
    let ws = h.reopen();
    let list = editions(named(&ws, ANIMACOOP));
    assert_eq!(list.len(), before + 1);
    let list: Vec<_> = list
        .into_iter()
        .filter(|e| e.place == "La Casemate")
        .collect();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].place, "La Casemate");
    assert_eq!(list[0].participants, Some(12));
    assert_eq!(list[0].note, "session de printemps");
    assert_eq!(list[0].date.map(|d| d.to_string()).as_deref(), Some(TODAY));
    let screen = h.lines(110, 90).join("\n");
    assert!(
        screen.contains(&format!("Éditions ({})", before + 1)),
        "{screen}"
    );
    assert!(
        screen.contains("2026-12-01                    La Casemate · 12 participants · session de"),
        "{screen}"
    );
    // The network view now lists who took part in nothing this year.
    h.keys("esc R");
    let Some(View::Network(n)) = h.app.views.last() else {
        panic!("no network view")
    };
    let header = n
        .entries
        .iter()
        .find_map(|e| match e {
            Entry::InviteHeader(count, year) => Some((*count, *year)),
            _ => None,
        })
        .expect("the initiatives to invite");
    assert_eq!(header.1, 2026);
    let invited = n
        .entries
        .iter()
        .filter(|e| matches!(e, Entry::Invite(_)))
        .count();
    assert_eq!(invited, header.0);
    assert!(invited > 0);
}

#[test]
fn e_on_what_is_not_an_event_says_why() {
    let mut h = brest();
    select(&mut h, WIKI);
    h.keys("enter E");
    assert!(h.app.overlay.is_none());
    let message = h.message().unwrap_or_default();
    assert!(
        message.contains("n'est ni un événement ni une formation"),
        "{message}"
    );
}
