//! Consent in the interface: the record marks the personal values kept
//! without consent and shows the consent in force after the contact fields;
//! the consent key opens a form (decision, means, purposes ticked, date)
//! that records it through the session; the dashboard counts the records
//! lacking consent. On the fixture of fictitious contacts of `tests/cli`.

use crate::tui_common;

use ratatui::style::Modifier;
use recense::census::consent::{self, Decision, Purpose};
use recense::census::model::Initiative;
use recense::census::workspace::Workspace;
use recense::tui::app::{Overlay, View};

use tui_common::*;

const NOE: &str = "Médiathèque (fictive)";
const CAMILLE: &str = "Infini (fictif)";

fn fixture() -> Harness {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rgpd/contacts-fictifs.ron");
    Harness::from_text(
        &std::fs::read_to_string(path).expect("fixture"),
        Setup::default(),
    )
}

fn named<'a>(ws: &'a Workspace, name: &str) -> &'a Initiative {
    ws.census
        .live()
        .find(|i| i.value(&ws.schema.name_field) == Some(name))
        .unwrap_or_else(|| panic!("no {name}"))
}

/// Opens the record and brings its contact fields into view.
fn open_contacts(h: &mut Harness, name: &str) {
    select(h, name);
    h.keys("enter");
    assert!(matches!(h.app.views.last(), Some(View::Detail(_))));
    // Down to the consent line, below the contact fields.
    for _ in 0..40 {
        let selected = styled_runs(&h.render(80, 24), Modifier::REVERSED);
        if selected
            .iter()
            .any(|(_, _, text)| text.contains("Consentement"))
        {
            return;
        }
        h.keys("j");
    }
    panic!("no consent line in\n{}", h.screen(80, 24));
}

#[test]
fn a_record_marks_personal_values_kept_without_consent() {
    let mut h = fixture();
    open_contacts(&mut h, NOE);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("⚠ Noé Exemple") && screen.contains("⚠ noe.exemple@"),
        "{screen}"
    );
    assert!(screen.contains("sans consentement enregistré"), "{screen}");
    snap!(h, "record_without_consent");
    let mut h = fixture();
    open_contacts(&mut h, CAMILLE);
    let screen = h.screen(80, 24);
    assert!(!screen.contains('⚠'), "{screen}");
    assert!(
        screen.contains("consentement oral du 2026-11-02"),
        "{screen}"
    );
}

#[test]
fn the_consent_key_records_a_consent_with_its_means_and_purposes() {
    let mut h = fixture();
    open_contacts(&mut h, NOE);
    h.keys("a");
    assert!(matches!(h.app.overlay, Some(Overlay::Consent(_))));
    // Consent; means: by e-mail; purposes: contact and invitations.
    h.keys("enter down enter space down down space");
    snap!(h, "consent_form");
    h.keys("enter enter");
    assert!(h.app.overlay.is_none(), "{}", h.screen(80, 24));
    let ws = h.reopen();
    let state = consent::state(named(&ws, NOE)).expect("a consent");
    assert_eq!(
        state.decision,
        Decision::Given {
            means: "courriel".into(),
            purposes: vec!["contact".into(), "invitations".into()]
        }
    );
    assert_eq!(state.date.unwrap().to_string(), TODAY);
    assert_eq!(state.by.unwrap().to_string(), AGENT_ID);
    assert!(consent::consents_to(named(&ws, NOE), Purpose::Invitations));
    let screen = h.screen(80, 24);
    assert!(!screen.contains('⚠'), "{screen}");
    assert!(
        h.message()
            .unwrap_or_default()
            .contains("Consentement enregistré")
    );
}

#[test]
fn a_withdrawal_skips_means_and_purposes_and_marks_the_values_again() {
    let mut h = fixture();
    open_contacts(&mut h, CAMILLE);
    h.keys("enter down");
    assert!(
        matches!(h.app.overlay, Some(Overlay::Consent(_))),
        "Enter on the consent line opens the form"
    );
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(
        !screen.contains("Moyen"),
        "a withdrawal asks no means: {screen}"
    );
    h.keys("enter");
    let ws = h.reopen();
    assert_eq!(
        consent::state(named(&ws, CAMILLE)).unwrap().decision,
        Decision::Withdrawn
    );
    assert!(h.screen(80, 24).contains("⚠ Camille Fictive"));
}

#[test]
fn a_consent_without_purpose_is_refused_in_the_form_and_nothing_written() {
    let mut h = fixture();
    open_contacts(&mut h, NOE);
    let before = std::fs::read(&h.path).unwrap();
    h.keys("a enter enter enter enter");
    assert!(matches!(h.app.overlay, Some(Overlay::Consent(_))));
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("dites pour quoi la personne a consenti"),
        "{screen}"
    );
    h.keys("esc");
    assert_eq!(std::fs::read(&h.path).unwrap(), before);
    assert!(consent::state(named(&h.reopen(), NOE)).is_none());
}

#[test]
fn the_dashboard_counts_the_records_with_personal_data_without_consent() {
    let mut h = fixture();
    h.keys("T");
    assert_eq!(
        lacking_line(&h),
        "2 fiches avec des données personnelles sans consentement"
    );
    // Down to the line: Enter opens the first record lacking consent.
    h.keys("G");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("2 fiches avec des données personnelles sans consentement"),
        "{screen}"
    );
    snap!(h, "dashboard_without_consent");
    // Enter on the line opens the first record lacking consent.
    h.keys("k enter");
    match h.app.views.last() {
        Some(View::Detail(d)) => assert_eq!(
            name_of(&h.app, d.id.as_str()).as_deref(),
            Some("Fablab (fictif)")
        ),
        _ => panic!("no record opened:\n{}", h.screen(80, 24)),
    }
    h.keys("esc esc");
    select(&mut h, NOE);
    h.keys("enter a enter enter space enter enter esc T");
    assert_eq!(
        lacking_line(&h),
        "1 fiche avec des données personnelles sans consentement"
    );
}

/// The dashboard's line of records lacking consent.
fn lacking_line(h: &Harness) -> String {
    let Some(View::Dashboard(d)) = h.app.views.last() else {
        panic!("not on the dashboard:\n{}", h.screen(80, 24));
    };
    d.panels
        .iter()
        .flat_map(|p| p.items.iter())
        .map(|i| i.label.clone())
        .find(|l| l.contains("sans consentement"))
        .unwrap_or_default()
}
