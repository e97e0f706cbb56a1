//! The export dialog warns, as `recense export --public` does, when free
//! texts going out in a public file look like they hold an e-mail address
//! or a phone number (issue #17).

use crate::tui_common;

use recense::census::file;
use tui_common::*;

const SHARED_ID: &str = "01M9000000000000000000000C";

/// The Brest sample and an association whose description gives an e-mail
/// address and a phone number.
fn with_free_text_contact() -> Harness {
    let census = brest_with(
        ("annee", "Anne"),
        &[(
            SHARED_ID,
            &[
                ("nom", "Atelier du vélo"),
                ("type", "association"),
                ("commune", "Brest"),
                (
                    "description",
                    "Réparations ; écrire à jeanne.secrete@example.org ou 02 98 00 11 22",
                ),
            ],
        )],
    );
    Harness::from_text(&file::to_canonical(&census), Setup::default())
}

#[test]
fn a_public_export_warns_of_free_texts_that_look_personal() {
    let mut h = with_free_text_contact();
    // Public (the dialog's first choice): the warning names the initiative
    // and the field.
    h.keys("x enter");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("1 texte libre de ce fichier public semble contenir un"),
        "{screen}"
    );
    assert!(screen.contains("un téléphone, à relire"), "{screen}");
    assert!(
        screen.contains(&format!("{SHARED_ID} description")),
        "{screen}"
    );
    let public = h.render(80, 24);
    let public_small = h.render(60, 20);
    // Internal export: no warning (the file holds personal data anyway).
    h.keys("space enter");
    assert!(!h.screen(80, 24).contains("semblent contenir"));
    let dir = h.dir.path().display().to_string();
    let stand_in: String = "<dossier>"
        .chars()
        .chain(std::iter::repeat('_'))
        .take(dir.chars().count())
        .collect();
    for (w, h2, screen) in [(80, 24, public), (60, 20, public_small)] {
        insta::assert_snapshot!(
            format!("export_public_warning_{w}x{h2}"),
            snapshot_text(&screen).replace(&dir, &stand_in)
        );
    }
}
