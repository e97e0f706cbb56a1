//! The record lists its supports (`$`, `recense support add`): kind, year,
//! amount in euros, from whom, newest year first, with who recorded each;
//! no section when none is recorded.

use crate::tui_common;

use recense::census::supports::NewSupport;
use recense::census::time::Timestamp;
use recense::census::{Agent, AgentId, InitiativeId, Schema, file};
use recense::i18n::Lang;
use tui_common::*;

const ID: &str = "01M9000000000000000000000S";
const NAME: &str = "Fablab des Capucins";

/// The Brest sample and a fablab with two supports, recorded by Anne.
fn with_supports(lang: Lang) -> Harness {
    let mut census = brest_with(
        ("annee", "Anne"),
        &[(
            ID,
            &[("nom", NAME), ("type", "fablab"), ("commune", "Brest")],
        )],
    );
    let schema = Schema::default_schema();
    let anne = Agent {
        id: AgentId::parse("annee").unwrap(),
        name: "Anne".into(),
    };
    let id = InitiativeId::parse(ID).unwrap();
    let grants = [
        (
            "subvention_fonctionnement",
            2025,
            Some(150_000),
            "Région Bretagne",
            "",
        ),
        ("materiel", 2026, None, "Ville de Brest", "dix ordinateurs"),
    ];
    for (n, (kind, year, amount, from, note)) in grants.into_iter().enumerate() {
        let new = NewSupport {
            kind: kind.into(),
            year,
            amount,
            from: from.into(),
            note: note.into(),
        };
        let at = Timestamp::parse(&format!("2026-11-2{}T09:00:00Z", n + 1)).unwrap();
        census
            .add_support(&schema, &id, &new, &anne, at)
            .expect("a support");
    }
    let setup = Setup {
        lang,
        ..Setup::default()
    };
    Harness::from_text(&file::to_canonical(&census), setup)
}

/// The record of the fablab, scrolled to its end, the oldest support
/// selected: the focus line gives it whole, with who recorded it and when.
fn record_end(h: &mut Harness) {
    select(h, NAME);
    h.keys("enter G k");
}

#[test]
fn the_record_lists_its_supports_newest_year_first_with_euros() {
    let mut h = with_supports(Lang::Fr);
    record_end(&mut h);
    let screen = h.screen(80, 24);
    let at = screen
        .find("Soutiens (2) — récents d'abord")
        .unwrap_or_else(|| panic!("a section: {screen}"));
    let after = &screen[at..];
    let material = after.find("Prêt ou don de matériel").expect("2026");
    // The label may be cut to its column: « Subvention de fonctionn… ».
    let grant = after.find("Subvention de fonct").expect("2025");
    assert!(material < grant, "newest year first: {screen}");
    assert!(after.contains("1\u{202f}500\u{a0}€"), "{screen}");
    assert!(after.contains("Région Bretagne"), "{screen}");
    // The focus line, wrapped: the whole label, who recorded it and when.
    assert!(
        screen.contains(
            "Subvention de fonctionnement — 2025 · 1\u{202f}500\u{a0}€ · de qui : Région Bretagne —"
        ) && screen.contains("2026-11-21 Anne"),
        "the focus line: {screen}"
    );
    snap!(&h, "record_supports");
}

#[test]
fn the_record_lists_its_supports_in_english() {
    let mut h = with_supports(Lang::En);
    record_end(&mut h);
    let screen = h.screen(80, 24);
    assert!(screen.contains("Supports (2) — newest first"), "{screen}");
    assert!(screen.contains("€1,500"), "{screen}");
    insta::assert_snapshot!("record_supports_en_80x24", snapshot_text(&h.render(80, 24)));
}

#[test]
fn a_record_without_supports_has_no_section() {
    let mut h = with_supports(Lang::Fr);
    select(&mut h, "Animacoop");
    h.keys("enter G");
    let mut seen = String::new();
    // Every row of the record, from its end up.
    for _ in 0..80 {
        seen.push_str(&h.screen(80, 24));
        h.keys("k");
    }
    assert!(!seen.contains("Soutiens ("), "{seen}");
}
