//! Every screen of the terminal interface, drawn into ratatui's `TestBackend`
//! at 80x24 (the full layout) and 60x20 (the smallest one drawn), compared
//! with the snapshots in `tests/tui/snapshots/`. Below the text of each screen,
//! the runs of cells drawn reversed (the selection) and underlined (what a
//! search matched), which text alone does not show.
//!
//! After a deliberate change of a screen: `INSTA_UPDATE=always cargo test
//! --test tui screens::` (or `cargo insta review`), then read the new
//! snapshots before keeping them.

use crate::tui_common;

use recense::i18n::Lang;
use recense::tui::app::View;
use recense::tui::keymap::KeyMap;
use recense::tui::theme::Theme;

use tui_common::*;

/// Stands for the id of an initiative created during a test (random), with
/// the same width so that the screen keeps its layout.
const NEW_ID: &str = "<id of the new initiative>";

fn brest_with_setup(setup: Setup) -> Harness {
    Harness::sample_with("pays-de-brest", setup)
}

// ---------------------------------------------------------------- the list

#[test]
fn list() {
    let mut h = brest();
    snap!(&h, "list_sorted_by_name");
    h.keys("s");
    snap!(&h, "list_sorted_by_kind");
    h.keys("S");
    snap!(&h, "list_sorted_by_kind_reversed");
}

#[test]
fn list_selection() {
    let mut h = brest();
    h.keys("j j j j j");
    snap!(&h, "list_selection_moved");
    h.keys("G");
    snap!(&h, "list_selection_last");
}

#[test]
fn search() {
    let mut h = brest();
    h.keys("/");
    snap!(&h, "search_empty");
    h.type_text("mediatheque");
    snap!(&h, "search_mediatheque");
    h.keys("ctrl-u");
    h.type_text("brest");
    snap!(&h, "search_brest");
    h.keys("ctrl-u");
    h.type_text("zzz");
    snap!(&h, "search_no_match");
}

#[test]
fn search_ecole() {
    let mut h = Harness::from_text(&school_census(), Setup::default());
    h.keys("/");
    h.type_text("ecole");
    snap!(&h, "search_ecole");
    h.keys("enter");
    snap!(&h, "search_ecole_kept");
}

#[test]
fn search_cancelled() {
    let mut h = brest();
    h.keys("s");
    select(&mut h, "Maison du Libre (MDL29)");
    h.keys("/");
    h.type_text("botanica");
    h.keys("esc");
    snap!(&h, "search_cancelled");
}

// ----------------------------------------------------------------- filters

#[test]
fn filters() {
    let mut h = brest();
    h.keys("f");
    snap!(&h, "filters_open");
    h.type_text("chatons");
    h.keys("space");
    snap!(&h, "filters_ticked");
    h.keys("enter");
    snap!(&h, "filters_applied");
    h.keys("f");
    h.type_text("montpellier");
    h.keys("space enter");
    snap!(&h, "filters_nothing_left");
    h.keys("F");
    snap!(&h, "filters_cleared");
}

// ------------------------------------------------------------------ record

#[test]
fn record() {
    let mut h = brest();
    select(&mut h, "Infini (Internet Finistère)");
    h.keys("enter");
    snap!(&h, "record_top");
    h.keys("tab");
    snap!(&h, "record_relations");
    h.keys("enter");
    snap!(&h, "record_related");
    h.keys("esc");
    snap!(&h, "record_back_from_related");
}

#[test]
fn record_edit() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("enter e");
    snap!(&h, "record_edit_name");
    h.keys("ctrl-u");
    h.type_text("Animacoop Brest");
    h.keys("enter");
    snap!(&h, "record_edited");
    h.keys("j j j j e ctrl-u");
    h.type_text("29");
    // Checked on Enter, not at every key.
    h.keys("enter");
    snap!(&h, "record_edit_invalid");
    // Back to the top, down to the kind: a list to pick from.
    h.keys("esc g j enter");
    snap!(&h, "record_edit_choice");
}

#[test]
fn copy_as_new() {
    let mut h = brest();
    select(&mut h, "Infini (Internet Finistère)");
    h.keys("enter c");
    snap!(&h, "copy_as_new");
}

#[test]
fn delete_and_undo() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("d");
    snap!(&h, "delete_confirm");
    h.keys("o");
    snap!(&h, "delete_done");
    h.keys("u");
    snap!(&h, "delete_undone");
}

// ---------------------------------------------------------- guided entry

#[test]
fn entry_first_step() {
    let mut h = brest();
    h.keys("a");
    snap!(&h, "entry_name");
    h.keys("ctrl-n");
    snap!(&h, "entry_required_missing");
    h.type_text("Maison du libre");
    h.keys("enter");
    snap!(&h, "entry_kind");
    h.type_text("collectif");
    snap!(&h, "entry_kind_typed");
    h.keys("enter tab");
    h.type_text("Brest");
    h.keys("enter tab tab tab tab tab tab tab");
    h.type_text("1234");
    // Checked on leaving the field: the cursor stays.
    h.keys("tab");
    snap!(&h, "entry_siret_invalid");
    h.keys("ctrl-u ctrl-n");
    snap!(&h, "entry_duplicate");
}

/// An entry named like an existing initiative of the same commune, up to
/// the duplicate check.
fn to_duplicate_check() -> Harness {
    let mut h = brest();
    h.keys("a");
    h.type_text("Maison du libre");
    h.keys("enter");
    h.type_text("collectif");
    h.keys("enter tab");
    h.type_text("Brest");
    h.keys("enter ctrl-n");
    h
}

#[test]
fn entry_duplicate_answers() {
    // « It is a different one »: on to the next step.
    let mut h = to_duplicate_check();
    h.keys("enter");
    snap!(&h, "entry_different_one");
    // « Open the existing one »: its record instead of the entry.
    let mut h = to_duplicate_check();
    h.keys("o");
    snap!(&h, "entry_open_existing");
}

#[test]
fn entry_every_step_and_save() {
    let mut h = brest();
    h.keys("a");
    h.type_text("Atelier numérique de Lambézellec");
    h.keys("enter");
    h.type_text("espace public");
    h.keys("enter tab");
    // Brest picked in the official list: its postal code and code INSEE
    // come with it.
    h.type_text("Brest");
    h.keys("enter ctrl-n");
    snap!(&h, "entry_step_2_qualifier");
    h.type_text("logiciel");
    h.keys("space ctrl-u");
    h.type_text("savoirs");
    h.keys("space enter enter");
    h.type_text("2019-05-01");
    h.keys("enter");
    h.type_text("demarches");
    h.keys("space enter");
    h.type_text("Mo-Fr 09:00-12:00");
    // Audiences, fees, national programmes, access, booking, networks: none.
    h.keys("enter enter enter enter enter enter enter");
    snap!(&h, "entry_step_3_legitimer");
    h.type_text("fracture");
    h.keys("space enter");
    h.type_text("Réduire la fracture numérique du quartier.");
    // Long texts: Enter is a new line, Ctrl-s validates.
    h.keys("ctrl-s ctrl-s");
    snap!(&h, "entry_step_4_soutenir");
    h.type_text("locaux");
    h.keys("space enter");
    h.type_text("materiel");
    h.keys("space enter ctrl-s");
    snap!(&h, "entry_step_5_relier");
    h.type_text("papi");
    h.keys("space");
    snap!(&h, "entry_relation_ticked");
    h.keys("enter");
    h.type_text("Saisi pendant les tests.");
    h.keys("ctrl-s");
    snap!(&h, "entry_summary");
    h.keys("tab tab tab tab tab tab tab tab tab");
    snap!(&h, "entry_summary_scrolled");
    h.keys("enter");
    let id = match h.app.views.last() {
        Some(View::Detail(d)) => d.id.to_string(),
        _ => panic!("the new record is shown"),
    };
    // The border shows the id's end only (`…` and eight characters).
    let (end, new_end) = (&id[id.len() - 8..], &NEW_ID[NEW_ID.len() - 8..]);
    snap!(&h, "entry_saved", &[(&id, NEW_ID), (end, new_end)]);
}

#[test]
fn draft_offered_back() {
    let mut h = brest();
    h.keys("a");
    h.type_text("Atelier numérique de Lambézellec");
    h.keys("enter esc");
    h.restart();
    snap!(&h, "draft_offered");
    h.keys("enter");
    snap!(&h, "draft_resumed");
}

// -------------------------------------------------------------------- help

#[test]
fn help() {
    let mut h = brest();
    h.keys("?");
    snap!(&h, "help_list");
    h.keys("G");
    snap!(&h, "help_list_end");
    h.keys("esc enter ?");
    snap!(&h, "help_record");
    h.keys("esc esc a f1");
    snap!(&h, "help_entry");
}

#[test]
fn help_remapped() {
    let src = "(list: {\"search\": [\"ctrl-f\"], \"filter\": [\"F2\"]})";
    let (keymap, problems) = KeyMap::default().patched(src, "keys.ron");
    assert!(problems.is_empty(), "{problems:?}");
    let mut h = brest_with_setup(Setup {
        keymap,
        ..Setup::default()
    });
    snap!(&h, "remapped_list");
    h.keys("?");
    snap!(&h, "remapped_help");
}

// ------------------------------------------------------------------- sizes

#[test]
fn too_small() {
    let h = brest();
    for (w, hh) in [(59, 19), (59, 24), (80, 19), (30, 8)] {
        insta::assert_snapshot!(
            format!("too_small_{w}x{hh}"),
            snapshot_text(&h.render(w, hh))
        );
    }
}

// ------------------------------------------- language, ASCII, no colour

#[test]
fn english() {
    let mut h = Harness::sample_with(
        "grenoble",
        Setup {
            lang: Lang::En,
            ..Setup::default()
        },
    );
    snap!(&h, "english_list");
    h.keys("enter");
    snap!(&h, "english_record");
    h.keys("esc a");
    h.type_text("GUILDE");
    h.keys("enter");
    snap!(&h, "english_entry_kind");
    h.keys("esc d");
    snap!(&h, "english_delete");
}

#[test]
fn ascii() {
    let setup = || Setup {
        theme: Theme::new(true, true),
        ..Setup::default()
    };
    let mut h = brest_with_setup(setup());
    snap!(&h, "ascii_list");
    select(&mut h, "Infini (Internet Finistère)");
    h.keys("enter");
    snap!(&h, "ascii_record");
    h.keys("esc f space");
    snap!(&h, "ascii_filters");
    h.keys("esc a");
    h.type_text("x");
    h.keys("enter");
    snap!(&h, "ascii_entry_kind");
}

#[test]
fn no_colour() {
    let mut h = brest_with_setup(Setup {
        theme: Theme::new(false, false),
        ..Setup::default()
    });
    h.keys("j j");
    snap!(&h, "no_colour_list");
    h.keys("enter j");
    snap!(&h, "no_colour_record");
}

// ----------------------------------------------------------- untrusted text

#[test]
fn untrusted_text() {
    let mut h = Harness::from_text(&hostile_census(), Setup::default());
    snap!(&h, "untrusted_list");
    h.keys("/");
    h.type_text("pirate");
    h.keys("enter enter");
    snap!(&h, "untrusted_record");
    h.keys("esc d");
    snap!(&h, "untrusted_delete");
}

/// A bidi override (U+202E shows the text after it reversed) in a name and
/// in an agent's name is drawn inert, in the list and in the record's title.
#[test]
fn bidi_override_is_drawn_inert() {
    let census = brest_with(
        ("evil1", "Mallory\u{202e}yrollaM"),
        &[(
            HOSTILE_ID,
            &[
                ("nom", "Médiathèque \u{202e}etarip"),
                ("type", "mediatheque"),
                ("commune", "Brest\u{2066}"),
            ],
        )],
    );
    let mut h = Harness::from_text(
        &recense::census::file::to_canonical(&census),
        Setup::default(),
    );
    let list = h.screen(100, 30);
    h.keys("/");
    h.type_text("etarip");
    h.keys("enter enter");
    let record = h.screen(100, 30);
    for (what, text) in [("list", &list), ("record", &record)] {
        assert!(
            !text.contains(['\u{202e}', '\u{2066}', '\u{1b}']),
            "{what}:\n{text}"
        );
    }
    assert!(record.contains("\\u{202e}etarip"), "{record}");
}
