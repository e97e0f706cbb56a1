//! The commune field completes from the official list of communes: in the
//! guided entry and in a record's edit, at 80x24 and 60x20.

use crate::tui_common;

use recense::tui::app::View;
use tui_common::*;

/// The guided entry, up to the commune field.
fn to_commune() -> Harness {
    let mut h = brest();
    h.keys("a");
    h.type_text("Club informatique du Viaduc");
    h.keys("enter");
    h.type_text("collectif");
    h.keys("enter tab");
    h
}

#[test]
fn entry_commune_completes_as_you_type() {
    let mut h = to_commune();
    h.type_text("Morl");
    snap!(&h, "commune_completion");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Morlaix (29) · 29600"), "{screen}");
    // Chosen: the official name, and the next field already has the code.
    h.keys("enter");
    snap!(&h, "commune_chosen_postal_code_filled");
    let screen = h.screen(80, 24);
    assert!(screen.contains("> 29600"), "{screen}");
}

#[test]
fn entry_commune_homonyms_show_their_departement() {
    let mut h = to_commune();
    h.type_text("saint martin des champs");
    snap!(&h, "commune_homonyms");
    let screen = h.screen(80, 24);
    for dep in ["(29)", "(77)", "(18)", "(78)", "(89)"] {
        assert!(
            screen.contains(&format!("Saint-Martin-des-Champs {dep}")),
            "{dep}\n{screen}"
        );
    }
}

#[test]
fn entry_commune_with_several_postal_codes_asks_which() {
    let mut h = to_commune();
    h.type_text("grenoble");
    h.keys("enter");
    snap!(&h, "commune_postal_code_asked");
    h.keys("down enter");
    let screen = h.screen(80, 24);
    assert!(screen.contains("> 38100"), "{screen}");
}

#[test]
fn entry_commune_outside_the_list_is_kept_with_a_warning() {
    let mut h = to_commune();
    h.type_text("Genève");
    snap!(&h, "commune_unknown_warning");
    h.keys("enter");
    // Kept: on to the next field, empty.
    let screen = h.screen(80, 24);
    assert!(screen.contains("Code postal"), "{screen}");
}

#[test]
fn record_edit_of_the_commune_fills_its_codes() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("enter");
    let id = match h.app.views.last() {
        Some(View::Detail(d)) => d.id.clone(),
        _ => panic!("the record is shown"),
    };
    // Down to the commune row, then edit it.
    let mut found = false;
    for _ in 0..12 {
        let selected = styled_runs(&h.render(80, 24), ratatui::style::Modifier::REVERSED);
        if selected.iter().any(|(_, _, text)| text.contains("Commune")) {
            found = true;
            break;
        }
        h.keys("j");
    }
    assert!(found, "a commune row: {}", h.screen(80, 24));
    h.keys("e ctrl-u");
    h.type_text("Morl");
    snap!(&h, "record_edit_commune");
    h.keys("enter");
    let ws = h.reopen();
    let i = ws.census.get(&id).expect("still there");
    assert_eq!(i.value("commune"), Some("Morlaix"));
    assert_eq!(i.value("code_insee"), Some("29151"));
    assert_eq!(i.value("code_postal"), Some("29600"));
}
