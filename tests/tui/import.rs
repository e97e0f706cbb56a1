//! Importing from the interface (issue #6): the file and its guessed format,
//! the plan with each column's destination (changed here for a CSV) and what
//! happens to each row, then one save. Driven through keys; the census is
//! checked as a later session reads it from disk.

use crate::tui_common;

use std::path::{Path, PathBuf};

use recense::census::import::{self, Format, Request};
use recense::tui::app::View;
use tui_common::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Opens the import screen from the list and reads `path`.
fn import_file(h: &mut Harness, path: &Path) {
    h.keys("i");
    h.type_text(&path.display().to_string());
    h.keys("enter");
}

fn names(h: &Harness) -> Vec<String> {
    let ws = h.reopen();
    ws.census
        .live()
        .filter_map(|i| i.value("nom").map(String::from))
        .collect()
}

/// The screen with the temporary folder's path written the same way on
/// every run (same length, so the layout does not move).
fn screen_redacted(h: &Harness, path: &Path, w: u16, hh: u16) -> String {
    let shown = path.display().to_string();
    let stand_in: String = "<fichier>"
        .chars()
        .chain(std::iter::repeat('_'))
        .take(shown.chars().count())
        .collect();
    snapshot_text(&h.render(w, hh)).replace(&shown, &stand_in)
}

#[test]
fn a_csv_column_is_sent_to_a_field_chosen_in_the_list_then_imported() {
    let mut h = Harness::sample("pays-de-brest");
    let before = names(&h).len();
    let path = h.dir.path().join("liste.csv");
    std::fs::copy(fixture("import/unknown-columns.csv"), &path).unwrap();
    import_file(&mut h, &path);
    assert!(matches!(h.app.views.last(), Some(View::Import(_))));
    let screen = h.screen(80, 24);
    assert!(screen.contains("Référent → (non importée)"), "{screen}");
    // Column 5 ("Référent") into the contact person's name.
    h.keys("G enter");
    h.type_text("personne a contacter");
    let picked = h.screen(80, 24);
    assert!(picked.contains("Où va la colonne « Référent »"), "{picked}");
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Référent → Personne à contacter"),
        "{screen}"
    );
    // Nothing is written before `w`.
    assert_eq!(names(&h).len(), before);
    h.keys("w");
    assert!(h.app.views.is_empty(), "the list again");
    let ws = h.reopen();
    let new = ws
        .census
        .live()
        .find(|i| i.value("nom") == Some("Atelier vélo libre"))
        .expect("imported and on disk");
    assert_eq!(new.value("contact_nom"), Some("Jeanne"));
    assert_eq!(new.value("commune"), Some("Brest"));
    assert_eq!(ws.census.live().count(), before + 1);
    let message = h.message().unwrap();
    assert!(message.contains("1 nouvelle"), "{message}");
}

#[test]
fn importing_the_same_file_again_changes_nothing() {
    let mut h = Harness::sample("pays-de-brest");
    let path = fixture("import/initiatives-semicolon.csv");
    import_file(&mut h, &path);
    h.keys("w");
    let bytes = std::fs::read(&h.path).unwrap();
    import_file(&mut h, &path);
    let screen = h.screen(80, 24);
    assert!(screen.contains("0 nouvelle"), "{screen}");
    h.keys("w");
    assert_eq!(std::fs::read(&h.path).unwrap(), bytes, "not rewritten");
    assert!(h.message().unwrap().contains("rien de nouveau"));
}

#[test]
fn the_plan_shown_is_the_library_plan_and_bad_rows_are_marked_with_their_line() {
    let mut h = Harness::sample("pays-de-brest");
    let path = fixture("import/bad-rows.csv");
    import_file(&mut h, &path);
    let core = &h.app.core;
    let plan = import::plan(
        &core.session.ws.census,
        &core.session.ws.schema,
        &core.session.agent,
        core.session.clock.now(),
        &Request::new(Format::Csv, &path),
    )
    .unwrap();
    let skipped: Vec<usize> = plan
        .rows
        .iter()
        .filter(|r| matches!(r.outcome, import::RowFate::Skipped { .. }))
        .map(|r| r.line)
        .collect();
    assert!(!skipped.is_empty());
    // The rows pane, with room for every row.
    h.keys("tab");
    let lines = h.lines(120, 40);
    for line in &skipped {
        let at = format!(":{line}: ligne ignorée");
        assert!(
            lines.iter().any(|l| l.contains(&at) && l.contains("! ")),
            "{at} in\n{}",
            lines.join("\n")
        );
    }
    let created_before = h.reopen().census.live().count();
    h.keys("w");
    let after = h.reopen().census.live().count();
    assert_eq!(after, created_before + plan.counts().created);
}

#[test]
fn a_mednum_file_is_recognised_and_its_columns_are_fixed() {
    let mut h = Harness::sample("pays-de-brest");
    let path = fixture("standards/lieux-mediation-numerique.exemple-valide.csv");
    h.keys("i");
    h.type_text(&path.display().to_string());
    let screen = h.screen(100, 24);
    let marked = format!("{} mednum", h.app.core.theme.pointer());
    assert!(
        screen.lines().any(|l| l.contains(&marked)),
        "the guessed format is marked:\n{screen}"
    );
    h.keys("enter enter");
    assert!(h.message().unwrap().contains("fixées par le standard"));
    let before = h.reopen().census.live().count();
    h.keys("w");
    assert_eq!(h.reopen().census.live().count(), before + 1);
}

#[test]
fn a_file_that_cannot_be_read_says_why_and_changes_nothing() {
    let mut h = Harness::sample("pays-de-brest");
    let bytes = std::fs::read(&h.path).unwrap();
    import_file(&mut h, &fixture("import/unterminated-quote.csv"));
    let screen = h.screen(80, 24);
    assert!(screen.contains("unterminated-quote.csv:"), "{screen}");
    assert!(matches!(h.app.views.last(), Some(View::Import(_))));
    h.keys("ctrl-u");
    h.type_text("/nonexistent/liste.csv");
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(screen.contains("/nonexistent/liste.csv"), "{screen}");
    h.keys("esc");
    assert!(h.app.views.is_empty());
    assert_eq!(std::fs::read(&h.path).unwrap(), bytes);
}

#[test]
fn the_import_screens_at_both_sizes() {
    let mut h = Harness::sample("pays-de-brest");
    let path = h.dir.path().join("liste.csv");
    std::fs::copy(fixture("import/unknown-columns.csv"), &path).unwrap();
    h.keys("i");
    h.type_text(&path.display().to_string());
    for (w, hh) in SIZES {
        insta::assert_snapshot!(
            format!("import_source_{w}x{hh}"),
            screen_redacted(&h, &path, w, hh)
        );
    }
    h.keys("enter");
    for (w, hh) in SIZES {
        insta::assert_snapshot!(
            format!("import_review_{w}x{hh}"),
            screen_redacted(&h, &path, w, hh)
        );
    }
}
