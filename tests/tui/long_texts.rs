//! Long texts: a description, an argument, notes are edited in a wrapped
//! text area (Enter breaks the line, Ctrl-s or Alt-Entrée validates, Tab
//! leaves and checks); Ctrl-e hands the text to the person's own editor,
//! whose result is checked as a typed value.

use recense::tui::app::View;
use recense::tui::external::{ExternalEdit, ExternalError};
use recense::tui::keymap::Context;

use crate::tui_common::{Harness, select, snap};

const NAME: &str = "Maison du Libre (MDL29)";

/// The record of `NAME`, its description's editor open.
fn editing_description() -> Harness {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, NAME);
    h.keys("enter");
    assert!(matches!(h.app.views.last(), Some(View::Detail(_))));
    // Name, kind, description.
    h.keys("j j e");
    assert_eq!(h.app.context(), Context::TextArea);
    h
}

fn description(h: &Harness) -> String {
    let ws = h.reopen();
    let i = ws
        .census
        .live()
        .find(|i| i.value("nom") == Some(NAME))
        .expect("the initiative");
    i.value("description").unwrap_or_default().to_string()
}

#[test]
fn enter_breaks_the_line_and_ctrl_s_saves_the_paragraphs() {
    let mut h = editing_description();
    h.keys("ctrl-home");
    h.type_text("Le Libre au quotidien.");
    h.keys("enter enter");
    // Still editing: Enter is a new line, not a validation.
    assert_eq!(h.app.context(), Context::TextArea);
    h.keys("ctrl-s");
    assert_eq!(h.app.context(), Context::Detail);
    assert_eq!(h.message().as_deref(), Some("Champ enregistré"));
    let text = description(&h);
    assert!(text.starts_with("Le Libre au quotidien.\n\n"), "{text}");
}

#[test]
fn arrows_home_end_and_word_moves_edit_where_the_cursor_is() {
    let mut h = editing_description();
    // Emptied line by line: Ctrl-Home, then Ctrl-k until nothing is left.
    h.keys("ctrl-home");
    for _ in 0..5 {
        h.keys("ctrl-k delete");
    }
    h.type_text("deux mots");
    h.keys("enter");
    h.type_text("fin");
    // Up, Home, Ctrl-→: at the start of "mots"; End: at the end of the
    // first line.
    h.keys("up home ctrl-right");
    h.type_text("petits ");
    h.keys("end");
    h.type_text(".");
    // Ctrl-← from the end of the second line: before "fin".
    h.keys("down end ctrl-left");
    h.type_text("la ");
    h.keys("alt-enter");
    assert_eq!(h.app.context(), Context::Detail);
    assert_eq!(description(&h), "deux petits mots.\nla fin");
}

#[test]
fn tab_leaves_and_checks_escape_keeps_the_old_text() {
    let mut h = editing_description();
    let before = description(&h);
    h.type_text(" Ajout.");
    h.keys("esc");
    assert_eq!(h.app.context(), Context::Detail);
    assert_eq!(description(&h), before, "Échap: nothing written");
    // In the entry, Tab goes to the next field past the description.
    let mut h = Harness::sample("pays-de-brest");
    h.keys("a");
    h.type_text("Atelier");
    h.keys("enter");
    h.type_text("association");
    h.keys("enter");
    assert_eq!(h.app.context(), Context::TextArea);
    h.type_text("Une ligne.");
    h.keys("enter");
    h.type_text("Une autre.");
    h.keys("tab");
    assert_ne!(h.app.context(), Context::TextArea);
    // Kept: back on the description, the text is there.
    h.keys("backtab");
    assert_eq!(h.app.context(), Context::TextArea);
    let screen = h.screen(80, 24);
    assert!(screen.contains("│Une ligne."), "{screen}");
    assert!(screen.contains("│Une autre."), "{screen}");
}

#[test]
fn the_hint_bar_says_the_keys_of_the_text_area() {
    let h = editing_description();
    let screen = h.screen(80, 24);
    let hints = screen.lines().last().expect("a hint bar");
    for key in ["Ctrl-s", "Entrée", "Ctrl-e", "Tab", "Échap"] {
        assert!(hints.contains(key), "{key} in the hints: {hints}");
    }
}

#[test]
fn the_text_area_wraps_at_both_sizes() {
    let mut h = editing_description();
    h.keys("enter");
    h.type_text("Deuxième paragraphe, écrit dans la zone de texte.");
    snap!(h, "description_text_area");
}

#[test]
fn the_text_area_in_ascii_and_without_colour() {
    let setup = crate::tui_common::Setup {
        theme: recense::tui::theme::Theme::new(false, true),
        ..Default::default()
    };
    let mut h = Harness::sample_with("pays-de-brest", setup);
    select(&mut h, NAME);
    h.keys("enter j j e");
    let screen = h.screen(80, 24);
    assert!(screen.contains("+----"), "ASCII borders: {screen}");
    assert!(screen.contains("|Association brestoise"), "{screen}");
}

// ------------------------------------------------------------------ Ctrl-e

#[test]
fn ctrl_e_asks_for_the_editor_with_the_field_text() {
    let mut h = editing_description();
    let before = description(&h);
    h.keys("ctrl-e");
    assert_eq!(
        h.app.external,
        Some(ExternalEdit {
            text: before,
            name: "description".into()
        })
    );
    // A one-line field too.
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, NAME);
    h.keys("enter e");
    assert_eq!(h.app.context(), Context::Wizard);
    h.keys("ctrl-e");
    assert_eq!(h.app.external.as_ref().map(|e| e.text.as_str()), Some(NAME));
}

#[test]
fn the_editor_text_is_checked_and_saved_as_if_typed() {
    let mut h = editing_description();
    h.keys("ctrl-e");
    h.app.external.take().expect("asked");
    h.app
        .external_done(Ok("Premier paragraphe.\n\nSecond paragraphe.".into()));
    assert_eq!(h.app.context(), Context::Detail);
    assert_eq!(description(&h), "Premier paragraphe.\n\nSecond paragraphe.");
}

#[test]
fn an_invalid_text_from_the_editor_is_refused_and_the_field_stays_open() {
    // The name is one line: a line break is refused, the editor stays open
    // with the message.
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, NAME);
    h.keys("enter e ctrl-e");
    h.app.external.take().expect("asked");
    h.app.external_done(Ok("Deux\nlignes".into()));
    assert_eq!(h.app.context(), Context::Wizard, "still editing the name");
    let screen = h.screen(80, 24);
    assert!(screen.contains("caractère de contrôle"), "{screen}");
    assert_eq!(h.selected_name().as_deref(), Some(NAME));
}

#[test]
fn a_failed_editor_is_said_and_the_field_keeps_its_text() {
    let mut h = editing_description();
    h.type_text(" Tapé avant.");
    h.keys("ctrl-e");
    let request = h.app.external.take().expect("asked");
    let result = recense::tui::external::edit("false", &request);
    assert!(matches!(result, Err(ExternalError::Failed { .. })));
    h.app.external_done(result);
    assert_eq!(h.app.context(), Context::TextArea, "still editing");
    let message = h.message().expect("a message");
    assert!(message.contains("« false » a échoué (code 1)"), "{message}");
    assert!(message.contains("le champ garde son texte"), "{message}");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Tapé avant."), "{screen}");
    // A missing editor says how to choose one.
    h.keys("ctrl-e");
    let request = h.app.external.take().expect("asked");
    h.app.external_done(recense::tui::external::edit(
        "recense-no-such-editor",
        &request,
    ));
    let message = h.message().expect("a message");
    assert!(message.contains("Réglez VISUAL ou EDITOR"), "{message}");
}

// ------------------------------------------------------ the record, wrapped

#[test]
fn the_record_wraps_its_values_at_80_columns() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, NAME);
    h.keys("enter j j");
    snap!(h, "record_wrapped");
    let screen = h.screen(80, 24);
    // The whole description, over several lines, and who changed it under
    // the record.
    assert!(screen.contains("libre Libr@net."), "{screen}");
    assert!(
        screen.contains("par Équipe recense Brest, 2026-11-01"),
        "{screen}"
    );
}

#[test]
fn a_wide_terminal_keeps_one_line_per_field_and_the_author_column() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, NAME);
    h.keys("enter j j");
    let lines = h.lines(120, 30);
    let description = lines
        .iter()
        .find(|l| l.contains(" Description "))
        .expect("the description's line");
    assert!(
        description.contains("Association brestoise"),
        "{description}"
    );
    assert!(description.contains("2026-11-01 Équipe"), "{description}");
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("la messagerie libre Libr@net.")),
        "cut to its column"
    );
}

#[test]
fn selection_and_scrolling_follow_rows_of_several_lines() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, NAME);
    h.keys("enter");
    // Down to the last row, drawing as the real loop does after each key:
    // the selected row is always in view, whole.
    for _ in 0..80 {
        h.keys("j");
        let buf = h.render(80, 24);
        let selected = crate::tui_common::styled_runs(&buf, ratatui::style::Modifier::REVERSED);
        assert!(
            selected.iter().any(|(y, _, _)| (4..19).contains(y)),
            "the selected row is on screen:\n{}",
            h.screen(80, 24)
        );
    }
    // Up again to the top: the step's title shows.
    h.keys("g");
    h.render(80, 24);
    assert!(
        h.screen(80, 24).contains("│Identifier"),
        "{}",
        h.screen(80, 24)
    );
    // The political argument, long, reads whole at 80 columns.
    let mut seen = false;
    for _ in 0..40 {
        h.keys("j");
        let screen = h.screen(80, 24);
        if screen.contains("Argument politique") {
            assert!(
                screen.contains("exploités par des sociétés privées."),
                "{screen}"
            );
            seen = true;
            break;
        }
    }
    assert!(seen, "the argument came into view");
}

#[test]
fn an_evidence_note_takes_several_lines() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, NAME);
    h.keys("p");
    h.type_text("visite");
    h.keys("enter enter");
    assert_eq!(h.app.context(), Context::TextArea, "the note");
    h.type_text("Visite du local.");
    h.keys("enter");
    h.type_text("Douze personnes présentes.");
    h.keys("tab enter");
    assert_eq!(h.message().as_deref(), Some("Preuve ajoutée"));
    let ws = h.reopen();
    let i = ws
        .census
        .live()
        .find(|i| i.value("nom") == Some(NAME))
        .expect("the initiative");
    let notes: Vec<String> = recense::census::status::evidence(i)
        .into_iter()
        .map(|e| e.note)
        .collect();
    assert!(
        notes.contains(&"Visite du local.\nDouze personnes présentes.".to_string()),
        "{notes:?}"
    );
}
