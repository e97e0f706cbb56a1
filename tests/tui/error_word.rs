//! Without colour, bold alone does not tell an error: the errors of forms
//! and fields are led by the word « Erreur : » (issue 21, small things).

use crate::tui_common;

use recense::tui::theme::Theme;
use tui_common::*;

fn colourless() -> Harness {
    Harness::sample_with(
        "pays-de-brest",
        Setup {
            theme: Theme::new(false, false),
            ..Setup::default()
        },
    )
}

#[test]
fn a_field_error_is_led_by_a_word_without_colour() {
    let mut h = colourless();
    crate::flow::to_the_phone(&mut h);
    h.type_text("12");
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Erreur : "), "{screen}");
    assert!(screen.contains("numéro invalide"), "{screen}");
    // With colour, the colour tells it: no word added.
    let mut h = brest();
    crate::flow::to_the_phone(&mut h);
    h.type_text("12");
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(screen.contains("numéro invalide"), "{screen}");
    assert!(!screen.contains("Erreur : "), "{screen}");
}

#[test]
fn a_form_error_is_led_by_a_word_without_colour() {
    let mut h = colourless();
    select(&mut h, "Maison du Libre (MDL29)");
    h.keys("enter $");
    h.type_text("Subvention de fonctionnement");
    h.keys("tab tab");
    h.type_text("mille");
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Erreur : montant « mille » illisible"),
        "{screen}"
    );
}

#[test]
fn the_missing_fields_of_the_guided_entry_are_led_by_a_word_without_colour() {
    let mut h = colourless();
    h.keys("a");
    h.type_text("Atelier du lundi");
    h.keys("pagedown");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("│Erreur : Il manque : Type, Commune"),
        "{screen}"
    );
}
