//! The welcome screen's perimeter: optional, reached with Tab, checked
//! against the referential before the census is created.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::tui::keymap::{Key, KeyMap};

fn press(state: &mut WelcomeState, keys: &str) -> WelcomeProgress {
    let keymap = KeyMap::default();
    let mut last = WelcomeProgress::Editing;
    for spec in keys.split(' ') {
        let key = Key::parse(spec).expect(spec);
        let action = keymap.action(state.context(), key);
        last = state.update(Input { key, action }, Lang::Fr);
    }
    last
}

fn typed(state: &mut WelcomeState, text: &str) {
    for c in text.chars() {
        let key = Key::plain(crate::tui::keymap::KeyCodeOrd::Char(c));
        state.update(Input { key, action: None }, Lang::Fr);
    }
}

fn screen(state: &WelcomeState, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| state.draw(&Theme::new(false, false), Lang::Fr, f))
        .unwrap();
    let buf = t.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let row: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
            row.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn enter_on_the_territory_skips_the_optional_perimeter() {
    let mut s = WelcomeState::new("Marie", "Pays de Morlaix", false);
    press(&mut s, "enter enter");
    let done = press(&mut s, "down down enter");
    assert_eq!(
        done,
        WelcomeProgress::Done {
            name: "Marie".into(),
            territory: "Pays de Morlaix".into(),
            start: Start::Empty,
            perimeter: String::new(),
        }
    );
}

#[test]
fn a_perimeter_typed_is_checked_and_given_canonically() {
    let mut s = WelcomeState::new("Marie", "Pays de Morlaix", false);
    press(&mut s, "tab tab");
    typed(&mut s, "Morlaix");
    assert_eq!(press(&mut s, "enter"), WelcomeProgress::Editing);
    let shown = screen(&s, 80, 24);
    assert!(
        shown.contains("« Morlaix » ne désigne aucun EPCI"),
        "{shown}"
    );
    insta::assert_snapshot!("welcome_perimeter_refused_80x24", shown);
    insta::assert_snapshot!("welcome_perimeter_refused_60x20", screen(&s, 60, 20));
    for _ in 0.."Morlaix".len() {
        press(&mut s, "backspace");
    }
    typed(&mut s, "CA Morlaix Communauté");
    press(&mut s, "enter");
    let done = press(&mut s, "down down enter");
    assert!(
        matches!(&done, WelcomeProgress::Done { perimeter, .. } if perimeter == "epci:242900835"),
        "{done:?}"
    );
}

#[test]
fn a_territory_typed_starts_an_empty_census_by_default() {
    let mut s = WelcomeState::new("Marie", "Morlaix Communauté", false);
    press(&mut s, "enter enter");
    let shown = screen(&s, 80, 24);
    assert!(shown.contains("↑/↓ choisir"), "{shown}");
    insta::assert_snapshot!("welcome_start_empty_80x24", shown);
    insta::assert_snapshot!("welcome_start_empty_60x20", screen(&s, 60, 20));
    let done = press(&mut s, "enter");
    assert!(
        matches!(
            &done,
            WelcomeProgress::Done {
                start: Start::Empty,
                ..
            }
        ),
        "{done:?}"
    );
}

#[test]
fn a_sample_keeps_its_own_territory_name_and_perimeter() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("census.ron");
    let perimeter = crate::census::perimeter::Perimeter::set(
        "epci:242900835",
        "aaaaa",
        crate::census::time::Timestamp(0),
    );
    crate::tui::create_census(
        &path,
        "Morlaix Communauté",
        Start::SampleBrest,
        Some(perimeter),
    )
    .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("territory: \"Pays de Brest\""), "{text:.300}");
    assert!(!text.contains("Morlaix Communauté"), "{text:.300}");
    assert!(!text.contains("242900835"));
}
