//! French formats on the interface (issue #21, points 11 and 12): a phone
//! stored in E.164 is shown nationally in the record; opening hours typed
//! in French show, under the field, the OpenStreetMap form they will be
//! saved as.

use crate::tui_common;

use ratatui::style::Modifier;
use recense::census::file;
use recense::tui::app::View;
use tui_common::*;

const ID: &str = "01M9000000000000000000000D";
const NAME: &str = "Atelier du vélo";

fn with_phone_and_hours() -> Harness {
    let census = brest_with(
        ("annee", "Anne"),
        &[(
            ID,
            &[
                ("nom", NAME),
                ("type", "association"),
                ("commune", "Brest"),
                ("telephone", "+33298881234"),
                ("horaires", "Tu 14:00-18:00"),
            ],
        )],
    );
    Harness::from_text(&file::to_canonical(&census), Setup::default())
}

/// Opens the record and selects the row whose label holds `label`.
fn open_on(h: &mut Harness, label: &str) {
    select(h, NAME);
    h.keys("enter");
    assert!(matches!(h.app.views.last(), Some(View::Detail(_))));
    for _ in 0..40 {
        let selected = styled_runs(&h.render(80, 24), Modifier::REVERSED);
        if selected.iter().any(|(_, _, text)| text.contains(label)) {
            return;
        }
        h.keys("j");
    }
    panic!("no {label} in\n{}", h.screen(80, 24));
}

#[test]
fn the_record_shows_a_phone_in_the_national_form() {
    let mut h = with_phone_and_hours();
    open_on(&mut h, "Téléphone");
    let screen = h.screen(80, 24);
    assert!(screen.contains("02 98 88 12 34"), "{screen}");
    assert!(!screen.contains("+33298881234"), "{screen}");
    // Stored as it was.
    let ws = h.reopen();
    let id = recense::census::InitiativeId::parse(ID).unwrap();
    assert_eq!(
        ws.census.get(&id).unwrap().value("telephone"),
        Some("+33298881234")
    );
}

#[test]
fn hours_typed_in_french_show_the_form_saved_and_are_saved_so() {
    let mut h = with_phone_and_hours();
    open_on(&mut h, "Horaires");
    h.keys("enter ctrl-u");
    h.type_text("mardi 14h-18h, samedi 10h-12h");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Sera enregistré comme « Tu 14:00-18:00; Sa 10:00-12:00 »"),
        "{screen}"
    );
    for (w, hh) in [(80, 24), (60, 20)] {
        insta::assert_snapshot!(
            format!("hours_preview_{w}x{hh}"),
            snapshot_text(&h.render(w, hh))
        );
    }
    h.keys("enter");
    let ws = h.reopen();
    let id = recense::census::InitiativeId::parse(ID).unwrap();
    assert_eq!(
        ws.census.get(&id).unwrap().value("horaires"),
        Some("Tu 14:00-18:00; Sa 10:00-12:00")
    );
}
