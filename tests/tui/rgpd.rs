//! Personal data in the interface: the dashboard counts the records keeping
//! personal values past the retention period, and `:merge` of a copy still
//! holding values erased here says they were dropped (the same words as
//! `recense merge` and the git driver).

use crate::tui_common;

use recense::census::erase::person::purge_person;
use recense::census::{Agent, AgentId, store};
use recense::tui::screens::dashboard::{DashboardState, Target};
use tui_common::*;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/rgpd/contacts.ron"
);
const INFINI: &str = "01FS1PWA80EW25Y7AE0XZ6AKMF";

fn contacts() -> Harness {
    Harness::from_text(&std::fs::read_to_string(FIXTURE).unwrap(), Setup::default())
}

#[test]
fn the_dashboard_counts_personal_data_past_retention_and_opens_the_oldest() {
    let h = contacts();
    let d = DashboardState::new(&h.app.core);
    let item = d
        .panels
        .iter()
        .flat_map(|p| p.items.iter())
        .find(|i| {
            i.label
                .contains("Données personnelles au-delà de la durée de conservation : 1 fiche")
        })
        .expect("the count of expired personal data");
    assert!(matches!(&item.target, Target::Open(id) if id.as_str() == INFINI));
}

#[test]
fn merging_a_copy_holding_erased_values_says_they_were_dropped() {
    let mut h = contacts();
    let old = h.dir.path().join("old.ron");
    std::fs::copy(&h.path, &old).unwrap();
    let marie = Agent {
        id: AgentId::from_name("Marie Kerjean"),
        name: "Marie Kerjean".into(),
    };
    let (mut census, _) = store::load(&h.path).unwrap();
    let schema = h.app.core.session.ws.schema.clone();
    let now = recense::census::time::Timestamp::parse(NOW).unwrap();
    let erased = purge_person(&mut census, &schema, "Jérôme Le Gall", &marie, now).unwrap();
    assert!(!erased.is_empty());
    store::save(&h.path, &census).unwrap();
    h.restart();
    h.keys(":")
        .type_text(&format!("merge {}", old.display()))
        .keys("enter");
    let message = h.message().unwrap();
    assert!(
        message.contains("cette copie contenait des données personnelles effacées le 2026-12-01"),
        "{message}"
    );
    let text = recense::census::file::to_canonical(&h.app.core.session.ws.census);
    assert!(
        !text.contains("Le Gall") && !text.contains("legall@"),
        "{text}"
    );
}
