//! Exports and reports from the interface (issues #5 and #6): `x` (or
//! `:export`, `:rapport`) opens the screen; the list's search and filters
//! choose the initiatives; the file is written beside the census unless
//! another is typed, replaced only when asked, never the census itself.

use crate::tui_common;

use std::collections::BTreeSet;
use std::path::Path;

use recense::census::file;
use recense::documents::report::{self, Audience, Format};
use recense::tui::app::View;
use tui_common::*;

const SECRET_ID: &str = "01M9000000000000000000000B";
const SECRET_NAME: &str = "Jeanne Secrète";

/// The Brest sample and an association with a contact person.
fn with_contact() -> Harness {
    let census = brest_with(
        ("annee", "Anne"),
        &[(
            SECRET_ID,
            &[
                ("nom", "Atelier du vélo"),
                ("type", "association"),
                ("commune", "Brest"),
                ("contact_nom", SECRET_NAME),
                ("contact_courriel", "jeanne.secrete@example.org"),
            ],
        )],
    );
    Harness::from_text(&file::to_canonical(&census), Setup::default())
}

fn csv_names(path: &Path) -> BTreeSet<String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_path(path)
        .expect("the export is a CSV");
    let headers = reader.headers().unwrap().clone();
    let name = headers
        .iter()
        .position(|h| h == "Nom")
        .expect("a Nom column");
    reader
        .records()
        .map(|r| r.expect("a well-formed row")[name].to_string())
        .collect()
}

#[test]
fn the_list_search_chooses_what_is_exported_beside_the_census() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("/").type_text("mediatheque").keys("enter");
    let shown: BTreeSet<String> = h.row_names().into_iter().collect();
    assert!(!shown.is_empty() && shown.len() < h.reopen().census.live().count());
    h.keys("x");
    assert!(matches!(h.app.views.last(), Some(View::Export(_))));
    h.keys("enter");
    // Public by default: a file leaving the service.
    let path = h.dir.path().join("census-public.csv");
    assert_eq!(csv_names(&path), shown);
    // The count and the whole path on the export screen; the status line
    // names the file.
    let screen = h.lines(120, 30).join("\n");
    assert!(
        screen.contains(&format!(
            "{} {}",
            shown.len(),
            if shown.len() < 2 {
                "initiative"
            } else {
                "initiatives"
            }
        )),
        "{screen}"
    );
    assert_eq!(
        h.message().as_deref(),
        Some("Fichier écrit : census-public.csv")
    );
}

#[test]
fn public_leaves_the_contact_person_out_and_says_so_in_the_name() {
    let mut h = with_contact();
    // Public first: two explicit choices, each saying its own state.
    h.keys("x");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("☑ public : sans donnée personnelle"),
        "{screen}"
    );
    assert!(
        screen.contains("☐ interne : CONTIENT des données"),
        "{screen}"
    );
    h.keys("enter");
    let public = std::fs::read_to_string(h.dir.path().join("census-public.csv")).unwrap();
    assert!(!public.contains(SECRET_NAME));
    assert!(!public.contains("jeanne.secrete@example.org"));
    assert!(public.contains("Atelier du vélo"));
    h.keys("space");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("☐ public : sans donnée personnelle"),
        "{screen}"
    );
    assert!(
        screen.contains("☑ interne : CONTIENT des données"),
        "{screen}"
    );
    h.keys("enter");
    let full = std::fs::read_to_string(h.dir.path().join("census.csv")).unwrap();
    assert!(full.contains(SECRET_NAME), "the working copy holds it");
}

#[test]
fn an_existing_file_is_replaced_only_on_a_second_enter() {
    let mut h = Harness::sample("pays-de-brest");
    let path = h.dir.path().join("census-public.csv");
    std::fs::write(&path, "précieux").unwrap();
    h.keys("x enter");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "précieux");
    assert!(h.screen(80, 24).contains("existe déjà"));
    h.keys("enter");
    assert_ne!(std::fs::read_to_string(&path).unwrap(), "précieux");
    // Moving to another format asks again for another file.
    h.keys("j enter");
    assert!(h.dir.path().join("census-public.json").exists());
}

#[test]
fn the_census_itself_is_never_overwritten() {
    let mut h = Harness::sample("pays-de-brest");
    let before = std::fs::read(&h.path).unwrap();
    h.keys("x tab ctrl-u");
    h.type_text(&h.path.display().to_string());
    h.keys("enter enter enter");
    assert_eq!(std::fs::read(&h.path).unwrap(), before);
    let screen = h.lines(120, 30).join("\n");
    assert!(screen.contains("est le recensement lui-même"), "{screen}");
}

#[test]
fn a_standard_names_each_initiative_it_leaves_out() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("x");
    // Down to the mednum line.
    let mednum = recense::documents::export::Format::ALL
        .iter()
        .position(|f| f.id() == "mednum")
        .unwrap();
    for _ in 0..mednum {
        h.keys("j");
    }
    h.keys("enter");
    assert!(h.dir.path().join("census-mednum.csv").exists());
    let screen = h.lines(120, 40).join("\n");
    assert!(screen.contains("laissée de côté"), "{screen}");
    assert!(screen.contains("manque"), "{screen}");
}

#[test]
fn a_report_is_the_same_document_as_recense_report_writes() {
    let mut h = with_contact();
    h.keys(":").type_text("rapport").keys("enter");
    h.keys("enter");
    let written = std::fs::read_to_string(h.dir.path().join("census-public-elus.html")).unwrap();
    let core = &h.app.core;
    let options = report::Options {
        lang: core.lang,
        public: true,
        today: core.session.clock.now().date(),
    };
    let expected = report::report(
        &core.session.ws.census,
        &core.session.ws.schema,
        Audience::Elus,
        Format::Html,
        &options,
    );
    assert_eq!(written, expected);
    assert!(!written.contains(SECRET_NAME));
}

#[test]
fn the_export_screen_at_both_sizes() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("x");
    let dir = h.dir.path().display().to_string();
    let stand_in: String = "<dossier>"
        .chars()
        .chain(std::iter::repeat('_'))
        .take(dir.chars().count())
        .collect();
    for (w, hh) in SIZES {
        insta::assert_snapshot!(
            format!("export_{w}x{hh}"),
            snapshot_text(&h.render(w, hh)).replace(&dir, &stand_in)
        );
    }
}
