//! The everyday flow (issue 21): drafts that wait, Tab that keeps what was
//! typed, undo that says what it undoes, redo and the bin, hints that say
//! what the keys do, Ctrl-C, the evidence date, and status messages that
//! belong to their screen.

use crate::tui_common;

use ratatui::style::Modifier;
use recense::census::InitiativeId;
use recense::census::draft::{Draft, draft_path};
use recense::tui::app::View;
use recense::tui::keymap::Context;

use tui_common::*;

const ANIMACOOP: &str = "01M6B681H0VRVFDRXKA33ZWV9G";

fn id(s: &str) -> InitiativeId {
    InitiativeId::parse(s).expect("initiative id")
}

fn in_wizard(h: &Harness) -> bool {
    matches!(h.app.views.last(), Some(View::Wizard(_)))
}

fn is_live(h: &Harness, s: &str) -> bool {
    h.app
        .core
        .session
        .ws
        .census
        .get(&id(s))
        .is_some_and(|i| i.is_live())
}

/// The names of the drafts kept beside the census.
fn draft_names(h: &Harness) -> Vec<String> {
    Draft::load_all(&h.path)
        .iter()
        .map(|d| d.value("nom").unwrap_or("").to_string())
        .collect()
}

/// The hint bar at 80x24.
fn hints(h: &Harness) -> String {
    h.lines(80, 24)[23].clone()
}

// ------------------------------------------------------------------ drafts

#[test]
fn a_offers_the_drafts_and_an_empty_form_never_replaces_one() {
    let mut h = brest();
    h.keys("a");
    h.type_text("Repair Café");
    h.keys("enter esc");
    assert_eq!(draft_names(&h), ["Repair Café"]);
    // `a` again: the draft is offered, not a blank form.
    h.keys("a");
    assert_eq!(h.app.context(), Context::Drafts);
    let screen = h.screen(80, 24);
    assert!(screen.contains("Reprendre « Repair Café »"), "{screen}");
    assert!(screen.contains("Commencer une fiche vide"), "{screen}");
    // A blank form left at once leaves the draft where it was.
    h.keys("j enter");
    assert!(in_wizard(&h));
    assert!(h.screen(80, 24).contains("Champ 1/16"));
    h.keys("esc");
    assert_eq!(draft_names(&h), ["Repair Café"]);
    // A second entry waits beside the first.
    h.keys("a j enter");
    h.type_text("Mor'Libre");
    h.keys("enter esc");
    assert_eq!(draft_names(&h), ["Repair Café", "Mor'Libre"]);
    h.keys("a");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Reprendre « Mor'Libre »"), "{screen}");
    snap!(&h, "drafts_choice");
    // Taking one up goes on with it, and replaces only it.
    h.keys("enter");
    assert!(h.screen(80, 24).contains("Champ 2/16"));
    h.type_text("tiers");
    h.keys("enter esc");
    assert_eq!(draft_names(&h), ["Repair Café", "Mor'Libre"]);
    assert_eq!(Draft::load_all(&h.path)[0].values.len(), 2);
    // `d` throws one away.
    h.keys("a d");
    assert_eq!(draft_names(&h), ["Mor'Libre"]);
    assert_eq!(
        h.message().as_deref(),
        Some("Brouillon jeté : « Repair Café »")
    );
}

#[test]
fn a_draft_file_of_an_older_version_is_offered_back() {
    let mut h = brest();
    std::fs::write(
        draft_path(&h.path),
        "(\n    values: [\n        (\"nom\", [\"Repair Café\"]),\n    ],\n    step: 0,\n    field: 1,\n)\n",
    )
    .expect("old draft");
    h.restart();
    assert_eq!(h.app.context(), Context::Drafts);
    assert!(h.screen(80, 24).contains("Reprendre « Repair Café »"));
    h.keys("enter");
    assert!(h.screen(80, 24).contains("Champ 2/16"));
}

// ------------------------------------------------------------------ Tab

/// The guided entry up to the phone (`telephone`), through Tab.
fn to_the_phone(h: &mut Harness) {
    h.keys("a");
    h.type_text("Atelier numérique de Lambézellec");
    h.keys("enter");
    h.type_text("espace public");
    h.keys("enter tab");
    h.type_text("Brest");
    h.keys("enter");
    // Code postal, INSEE, adresse, coordonnées, site, courriel: the phone.
    h.keys("tab tab tab tab tab tab");
    assert!(
        h.screen(80, 24).contains("Téléphone"),
        "{}",
        h.screen(80, 24)
    );
}

#[test]
fn tab_keeps_what_was_typed_and_checks_it_like_enter() {
    let mut h = brest();
    to_the_phone(&mut h);
    h.type_text("02 98 00 12 34");
    h.keys("tab");
    assert!(h.screen(80, 24).contains("SIRET"), "next field");
    let draft = std::fs::read_to_string(draft_path(&h.path)).expect("draft");
    assert!(
        draft.contains("\"telephone\", [\"+33298001234\"]"),
        "{draft}"
    );
    h.keys("backtab");
    assert!(h.screen(80, 24).contains("Téléphone"));
    // An invalid value: the field keeps the cursor, with its message.
    h.keys("ctrl-u");
    h.type_text("12");
    h.keys("tab");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Téléphone"), "{screen}");
    assert!(screen.contains("> 12"), "{screen}");
    assert!(screen.contains("numéro invalide"), "{screen}");
    // Shift-Tab keeps what was typed too.
    h.keys("ctrl-u");
    h.type_text("02 98 00 99 99");
    h.keys("backtab");
    let draft = std::fs::read_to_string(draft_path(&h.path)).expect("draft");
    assert!(draft.contains("+33298009999"), "{draft}");
}

#[test]
fn tab_in_a_record_keeps_the_value_typed() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("enter e ctrl-u");
    h.type_text("Animacoop Brest");
    h.keys("tab");
    // Saved, and the next field is open to edit.
    assert!(
        h.screen(80, 24).contains("│Type  (obligatoire)"),
        "{}",
        h.screen(80, 24)
    );
    let ws = h.reopen();
    let i = ws.census.get(&id(ANIMACOOP)).expect("there");
    assert_eq!(i.value("nom"), Some("Animacoop Brest"));
}

// ------------------------------------------------------------------ undo, redo, bin

#[test]
fn undo_says_what_it_undoes_and_ctrl_r_redoes_it() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("d o");
    assert!(!is_live(&h, ANIMACOOP));
    h.keys("u");
    assert_eq!(
        h.message().as_deref(),
        Some("Annulé : suppression de « Animacoop »")
    );
    assert!(is_live(&h, ANIMACOOP));
    h.keys("ctrl-r");
    assert_eq!(
        h.message().as_deref(),
        Some("Rétabli : suppression de « Animacoop »")
    );
    assert!(!is_live(&h, ANIMACOOP));
    assert!(!h.reopen().census.get(&id(ANIMACOOP)).unwrap().is_live());
    h.keys("ctrl-r");
    assert_eq!(h.message().as_deref(), Some("Rien à rétablir"));
    h.keys("u");
    assert!(is_live(&h, ANIMACOOP));
}

#[test]
fn u_in_a_record_does_not_undo_another_initiative() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("d o");
    select(&mut h, "@-brest (a-brest.net)");
    h.keys("enter u");
    assert!(!is_live(&h, ANIMACOOP), "the other one stays deleted");
    assert_eq!(
        h.message().as_deref(),
        Some(
            "La dernière modification concerne « Animacoop » : pour l'annuler, revenez à la liste (Échap) puis u"
        )
    );
    // From the list, it is undone, and said.
    h.keys("esc u");
    assert!(is_live(&h, ANIMACOOP));
}

#[test]
fn the_bin_lists_the_deleted_initiatives_and_restores_them() {
    let mut h = brest();
    h.keys("b");
    assert!(matches!(h.app.views.last(), Some(View::Bin(_))));
    snap!(&h, "bin_empty");
    h.keys("esc");
    select(&mut h, "Animacoop");
    h.keys("d o b");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Animacoop (Brest)"), "{screen}");
    assert!(
        screen.contains(&format!("supprimée le {TODAY} par {AGENT_NAME}")),
        "{screen}"
    );
    snap!(&h, "bin");
    h.keys("enter");
    assert!(is_live(&h, ANIMACOOP));
    assert!(h.reopen().census.get(&id(ANIMACOOP)).unwrap().is_live());
    assert_eq!(
        h.message().as_deref(),
        Some("Restaurée : « Animacoop », de retour dans la liste")
    );
    assert!(h.screen(80, 24).contains("La corbeille est vide"));
    // Undo takes the restoring back.
    h.keys("esc u");
    assert!(!is_live(&h, ANIMACOOP));
    // And `:corbeille` opens it too.
    h.keys(":").type_text("corbeille").keys("enter");
    assert!(matches!(h.app.views.last(), Some(View::Bin(_))));
    assert!(h.screen(80, 24).contains("Animacoop (Brest)"));
}

// ------------------------------------------------------------------ hints

#[test]
fn hints_say_what_the_keys_do_here() {
    let mut h = brest();
    h.keys("a");
    let bar = hints(&h);
    assert!(bar.contains("Échap garder en brouillon"), "{bar}");
    assert!(bar.contains("Maj-Tab précédent"), "{bar}");
    assert!(!bar.contains("annuler"), "{bar}");
    // A single choice: Enter chooses, Space ticks nothing.
    h.type_text("Le Quai");
    h.keys("enter");
    let bar = hints(&h);
    assert!(bar.contains("Entrée choisir"), "{bar}");
    assert!(!bar.contains("cocher"), "{bar}");
    // Several choices: Space ticks.
    h.keys("esc");
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("enter");
    let bar = hints(&h);
    assert!(bar.contains("Entrée modifier"), "{bar}");
    assert!(!bar.contains("ouvrir"), "{bar}");
}

// ------------------------------------------------------------------ Ctrl-C

#[test]
fn ctrl_c_quits_from_anywhere_and_keeps_the_entry_as_a_draft() {
    let mut h = brest();
    h.keys("ctrl-c");
    assert!(h.app.quit, "from the list");
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("d ctrl-c");
    assert!(h.app.quit, "from a question");
    assert!(is_live(&h, ANIMACOOP), "the question was not answered");
    // In the guided entry, even what is typed in the field is kept.
    let mut h = brest();
    h.keys("a");
    h.type_text("Repair Café");
    h.keys("enter");
    h.type_text("tiers");
    h.keys("enter");
    h.type_text("Un atelier");
    h.keys("ctrl-c");
    assert!(h.app.quit);
    let _ = h.app.end();
    let d = &Draft::load_all(&h.path)[0];
    assert_eq!(d.value("nom"), Some("Repair Café"));
    assert_eq!(d.value("description"), Some("Un atelier"));
    h.restart();
    assert_eq!(h.app.context(), Context::Drafts);
}

// ------------------------------------------------------------------ evidence date

#[test]
fn the_evidence_date_is_replaced_by_typing_and_checked_on_leaving() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("enter p enter");
    // Today's date, filled in beforehand, shows selected: typing replaces it.
    let runs = styled_runs(&h.render(80, 24), Modifier::REVERSED);
    assert!(runs.iter().any(|(_, _, t)| t.contains(TODAY)), "{runs:?}");
    h.type_text("28/11/2026");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Date              : 28/11/2026 "),
        "{screen}"
    );
    h.keys("ctrl-u");
    h.type_text("32/11/2026");
    h.keys("tab");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Date illisible : « 32/11/2026 ». Écrivez le jour comme"),
        "{screen}"
    );
    assert!(screen.contains("▶ Date"), "the cursor stays: {screen}");
    assert!(!screen.contains("date="), "{screen}");
}

// ------------------------------------------------------------------ small things

#[test]
fn a_message_belongs_to_the_screen_it_was_said_on() {
    let mut h = brest();
    h.keys("F");
    assert_eq!(h.message().as_deref(), Some("tous les filtres effacés"));
    h.keys("enter");
    assert_eq!(h.message(), None, "not inside the record opened next");
    // Said by the key that opens the screen: kept there.
    h.keys("esc a");
    h.type_text("Repair Café");
    h.keys("enter");
    h.type_text("tiers");
    h.keys("enter tab");
    h.type_text("Brest");
    h.keys("enter ctrl-n ctrl-n ctrl-n ctrl-n ctrl-n enter");
    assert!(matches!(h.app.views.last(), Some(View::Detail(_))));
    assert_eq!(h.message().as_deref(), Some("Initiative enregistrée"));
    h.keys("esc");
    assert_eq!(h.message(), None, "not in the list");
}

#[test]
fn the_command_line_hides_the_hints_under_it() {
    let mut h = brest();
    h.keys(":");
    h.type_text("merge");
    assert_eq!(hints(&h), ":merge");
}

#[test]
fn a_list_key_in_a_record_says_where_it_works() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("enter T");
    assert_eq!(
        h.message().as_deref(),
        Some("« T » (tableau) s'utilise depuis la liste : Échap pour y revenir")
    );
    assert!(matches!(h.app.views.last(), Some(View::Detail(_))));
}
