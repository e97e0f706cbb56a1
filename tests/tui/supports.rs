//! `$` on a record: a support received, with its year, amount and giver,
//! recorded as `recense support add` records it (checked on disk).

use crate::tui_common;

use recense::census::supports::supports;
use recense::tui::app::Overlay;

use tui_common::*;

const MDL: &str = "Maison du Libre (MDL29)";

#[test]
fn dollar_records_a_support_with_its_amount() {
    let mut h = brest();
    select(&mut h, MDL);
    let ws = h.reopen();
    let before = ws
        .census
        .live()
        .find(|i| i.value("nom") == Some(MDL))
        .map(|i| supports(i).len())
        .unwrap();
    h.keys("enter $");
    assert!(matches!(h.app.overlay, Some(Overlay::Support(_))));
    snap!(&h, "support_form");
    h.type_text("Subvention de fonctionnement");
    h.keys("tab tab");
    h.type_text("mille");
    h.keys("enter");
    // Not an amount: said, nothing written.
    assert!(matches!(h.app.overlay, Some(Overlay::Support(_))));
    assert!(h.screen(80, 24).contains("montant « mille » illisible"));
    for _ in 0.."mille".len() {
        h.keys("backspace");
    }
    h.type_text("2 500");
    h.keys("tab");
    h.type_text("Ville de Brest");
    h.keys("enter");
    assert!(h.app.overlay.is_none(), "{}", h.screen(80, 24));
    let ws = h.reopen();
    let mdl = ws
        .census
        .live()
        .find(|i| i.value("nom") == Some(MDL))
        .unwrap();
    let all = supports(mdl);
    assert_eq!(all.len(), before + 1);
    let new = all.iter().find(|s| s.from == "Ville de Brest").unwrap();
    assert_eq!(new.kind, "subvention_fonctionnement");
    assert_eq!(new.amount, Some(250_000));
    assert_eq!(new.year, Some(2026), "this year by default");
    assert!(
        mdl.values("soutiens_recus")
            .contains(&"subvention_fonctionnement")
    );
}
