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

use recense::census::status;
use recense::census::time::Date;
use recense::i18n::Lang;
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
pub(crate) fn to_the_phone(h: &mut Harness) {
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

// The everyday flow (issue 21, second part): one score everywhere, the
// refusals worded in the interface's keys, the dialogs that start empty,
// the pick lists that say when nothing matches. Keys go through the live
// keymap to `App::update`.

const INFINI: &str = "Infini (Internet Finistère)";
const TALL: (u16, u16) = (110, 90);

/// The header, the status section and the list show the same figure, named
/// and written the same way: the measure of `status::score`.
#[test]
fn one_score_in_the_header_the_status_section_and_the_list() {
    let mut h = brest();
    select(&mut h, INFINI);
    let ws = h.reopen();
    let i = ws
        .census
        .live()
        .find(|i| i.value(&ws.schema.name_field) == Some(INFINI))
        .unwrap();
    let score = status::score(&ws.schema, i, Date::parse(TODAY).unwrap());
    let list = h.screen(80, 24);
    let row = list.lines().find(|l| l.contains("Infini")).unwrap();
    assert!(row.trim_end().ends_with(&format!(" {score}")), "{row}");
    h.keys("enter");
    let named = recense::i18n::score::score_named(score, Lang::Fr);
    let record = h.screen(TALL.0, TALL.1);
    let header = record
        .lines()
        .find(|l| l.contains(" · Légitimé · "))
        .unwrap();
    assert!(header.contains(&named), "{record}");
    let section = record
        .lines()
        .find(|l| l.contains("/100 (complétude"))
        .unwrap();
    assert!(section.contains(" Score "), "{section}");
    assert!(section.contains(&format!(" {score}/100 ")), "{section}");
    assert!(!header.contains('%'), "{record}");
    snap!(h, "record_header_score");
}

/// `v` on a record whose evidence this agent brought: refused at once,
/// before a comment is asked, saying what a colleague does in the interface
/// and where the help is; never a command line to type.
#[test]
fn v_on_ones_own_record_refuses_before_asking_in_the_interface_terms() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("enter p enter enter tab enter");
    h.keys("v");
    assert!(h.app.overlay.is_none(), "no comment is asked");
    let message = h.message().unwrap_or_default();
    for words in [
        "Un collègue, sur sa copie",
        "touche v",
        ":merge",
        ":collègues",
    ] {
        assert!(message.contains(words), "{words}: {message}");
    }
    assert!(!message.contains("recense "), "{message}");
    // The status section says what is missing with the keys too.
    let record = h.screen(TALL.0, TALL.1);
    assert!(!record.contains("(recense "), "{record}");
}

/// What a record lacks for a status is said with the key that does it: the
/// confirmation by a colleague's `v` and `:merge`, in the status form.
#[test]
fn the_missing_confirmation_names_the_keys() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("enter");
    let ws = h.reopen();
    let i = ws
        .census
        .live()
        .find(|i| i.value(&ws.schema.name_field) == Some("Animacoop"))
        .unwrap();
    let today = Date::parse(TODAY).unwrap();
    let missing = status::missing_to_reach(&ws.schema, i, "legitime", today);
    assert!(
        missing.contains(&status::Missing::Confirmation),
        "{missing:?}"
    );
    h.keys("t");
    h.type_text("legit");
    h.keys("enter");
    let form = h.screen(TALL.0, TALL.1);
    assert!(
        form.contains("la confirmation d'un collègue (sur sa"),
        "{form}"
    );
    assert!(!form.contains("recense confirm"), "{form}");
}

/// The help page on working with colleagues: named at the end of the keys'
/// help, opened by `:collègues`, its keys from the keymap.
#[test]
fn the_colleagues_help_page_from_the_help_and_the_command_line() {
    let mut h = brest();
    h.keys("?");
    let help = h.screen(TALL.0, TALL.1);
    assert!(help.contains(":collègues"), "{help}");
    h.keys("esc");
    h.type_text(":collègues");
    h.keys("enter");
    let page = h.screen(TALL.0, TALL.1);
    assert!(page.contains("Travailler à plusieurs"), "{page}");
    assert!(page.contains("touche v"), "{page}");
    snap!(h, "colleagues_help");
    h.keys("esc");
    assert!(h.app.overlay.is_none());
}

/// An export lands in `~/Documents/recense/` (made when missing), and its
/// whole path stays on the export screen after the write, the cursor moved
/// or not; the CSV for a colleague ends with the status and the score.
#[test]
fn an_export_goes_to_documents_recense_and_its_full_path_stays() {
    let mut h = brest();
    let docs = h.dir.path().join("Documents").join("recense");
    h.app.core.export_dir = docs.clone();
    h.keys("x");
    h.keys("enter");
    let file = docs.join("census-public.csv");
    assert!(file.is_file(), "{}", h.screen(TALL.0, TALL.1));
    let shown = |h: &Harness| {
        let screen = h.screen(80, 24);
        screen
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("")
            .replace('│', "")
    };
    let full = format!("au format csv dans {}", file.display());
    assert!(
        shown(&h).replace(' ', "").contains(&full.replace(' ', "")),
        "{}",
        h.screen(80, 24)
    );
    h.keys("j");
    assert!(
        shown(&h).replace(' ', "").contains(&full.replace(' ', "")),
        "{}",
        h.screen(80, 24)
    );
    let csv = std::fs::read_to_string(&file).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(";Statut;Score"), "{header}");
    let infini = csv
        .lines()
        .find(|l| l.contains(";Infini (Internet Finistère);"))
        .unwrap();
    assert!(infini.contains(";Légitimé;"), "{infini}");
    h.keys("k");
    let dir = h.dir.path().display().to_string();
    snap!(h, "export_written", &[(dir.as_str(), "/tmp/test")]);
}

/// `r` then Enter, Enter: the target starts empty, so nothing is linked and
/// the form says what to do, the cursor on the target.
#[test]
fn the_relation_dialog_starts_with_no_target() {
    let mut h = brest();
    let before = std::fs::read(&h.path).unwrap();
    select(&mut h, "Animacoop");
    h.keys("enter r enter");
    snap!(h, "link_target_empty");
    h.keys("enter");
    assert!(h.app.overlay.is_some(), "the form stays open");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Choisissez l'initiative à relier"),
        "{screen}"
    );
    assert_eq!(std::fs::read(&h.path).unwrap(), before, "nothing linked");
    // Moving down picks the first one on purpose.
    h.keys("down enter");
    assert_eq!(h.message().as_deref(), Some("Relation ajoutée"));
}

/// A pick list says so when the filter matches nothing, and knows obvious
/// synonyms: an evidence « réunion » is an « entretien ».
#[test]
fn a_pick_list_says_when_nothing_matches_and_knows_synonyms() {
    let mut h = brest();
    select(&mut h, "Animacoop");
    h.keys("enter p");
    h.type_text("zzz");
    let screen = h.screen(80, 24);
    assert!(screen.contains("aucun choix ne correspond"), "{screen}");
    snap!(h, "pick_nothing_matches");
    h.keys("backspace backspace backspace");
    h.type_text("réunion");
    h.keys("enter enter tab enter");
    let ws = h.reopen();
    let i = ws
        .census
        .live()
        .find(|i| i.value(&ws.schema.name_field) == Some("Animacoop"))
        .unwrap();
    let kinds: Vec<String> = status::evidence(i).into_iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&"entretien".to_string()), "{kinds:?}");
}

/// The record's border shows a short id, not the 26 characters; the help of
/// the technical argument gives a technical example; the actor typology
/// speaks plain words.
#[test]
fn a_short_id_plain_words_and_a_technical_example() {
    let mut h = brest();
    select(&mut h, INFINI);
    h.keys("enter");
    let ws = h.reopen();
    let i = ws
        .census
        .live()
        .find(|i| i.value(&ws.schema.name_field) == Some(INFINI))
        .unwrap();
    let id = i.id.to_string();
    let screen = h.screen(80, 24);
    assert!(!screen.contains(&id), "{screen}");
    assert!(
        screen.contains(&format!("…{}", &id[id.len() - 8..])),
        "{screen}"
    );
    let technical = ws.schema.field("argument_technique").unwrap();
    assert!(
        technical
            .help
            .fr
            .contains("Ex. : « logiciel sous licence libre")
    );
    let organiser = ws.schema.choice("roles", "organisateur_espaces").unwrap();
    assert!(!organiser.label.fr.contains("opportunité"));
}

/// At 60 columns the list keeps the status, before the score.
#[test]
fn at_60_columns_the_status_comes_before_the_score() {
    let h = brest();
    let screen = h.screen(60, 20);
    let header = screen.lines().find(|l| l.contains("Score")).unwrap();
    let status = header.find("Statut").expect("a Statut column");
    assert!(status < header.find("Score").unwrap(), "{header}");
    let infini = screen.lines().find(|l| l.contains("Infini")).unwrap();
    assert!(infini.contains("Légitimé"), "{infini}");
}
