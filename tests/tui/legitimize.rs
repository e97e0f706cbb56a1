//! Legitimizing in the terminal interface: the record's status, history,
//! evidence, confirmations and neighbours; the forms that change them; the
//! list's score column; marks and actions on many initiatives at once. Keys
//! go through the keymap to `App::update`; what changed is checked on disk,
//! in a workspace read again (`reopen`), against the library's own rules.

use crate::tui_common;

use recense::census::model::Initiative;
use recense::census::status::{self, Missing};
use recense::census::time::Date;
use recense::census::workspace::Workspace;
use recense::i18n::{Lang, status_label};
use recense::tui::app::{Overlay, View};

use tui_common::*;

/// A tall screen: the whole record fits.
const TALL: (u16, u16) = (110, 90);

const INFINI: &str = "Infini (Internet Finistère)";
const MDL29: &str = "Maison du Libre (MDL29)";
const WIKI: &str = "Wiki-Brest";
const ANIMACOOP: &str = "Animacoop";
const KANEVEDEN: &str = "Centre social Kaneveden";
const FABLAB: &str = "Open Factory (fablab de l'UBO)";

fn today() -> Date {
    Date::parse(TODAY).expect("date")
}

/// The initiative of this name in a workspace.
fn named<'a>(ws: &'a Workspace, name: &str) -> &'a Initiative {
    ws.census
        .live()
        .find(|i| i.value(&ws.schema.name_field) == Some(name))
        .unwrap_or_else(|| panic!("no {name}"))
}

fn status_of(ws: &Workspace, name: &str) -> String {
    status::current(named(ws, name)).to_string()
}

fn form_open(h: &Harness) -> bool {
    matches!(h.app.overlay, Some(Overlay::Legit(_)))
}

/// The lines of the screen from the one holding `from` on.
fn lines_from(lines: &[String], from: &str) -> Vec<String> {
    let at = lines
        .iter()
        .position(|l| l.contains(from))
        .unwrap_or_else(|| panic!("no `{from}` in\n{}", lines.join("\n")));
    lines[at..].to_vec()
}

/// Whether `text` shows on the screen once its lines are joined (a long
/// message wraps).
fn shows(h: &Harness, size: (u16, u16), text: &str) -> bool {
    let joined: String = h
        .lines(size.0, size.1)
        .iter()
        .map(|l| l.trim_matches(|c| c == '│' || c == '|').trim())
        .collect::<Vec<_>>()
        .join(" ");
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    squeeze(&joined).contains(&squeeze(text))
}

// ------------------------------------------------------------ the record

#[test]
fn the_record_shows_status_history_evidence_confirmations_and_neighbours() {
    let mut h = brest();
    select(&mut h, INFINI);
    h.keys("enter");
    let ws = h.reopen();
    let infini = named(&ws, INFINI);
    let lines = h.lines(TALL.0, TALL.1);
    let part = lines_from(&lines, "Statut et légitimité");
    let text = part.join("\n");
    // The status, and who set it and when (the file's last status change).
    let stamp = infini
        .last_change(status::STATUS_FIELD)
        .expect("status set");
    let agent_id = stamp.dot().expect("dot").agent;
    let who: String = ws.census.agent_name(&agent_id).chars().take(10).collect();
    let status_line = part
        .iter()
        .find(|l| l.contains(" Statut "))
        .expect("status");
    assert!(status_line.contains("Légitimé"), "{status_line}");
    assert!(
        status_line.contains(&stamp.at().expect("at").date().to_string()),
        "{status_line}"
    );
    assert!(status_line.contains(&who), "{status_line}");
    // What it lacks for the next rung, Soutenu: a support received.
    assert!(text.contains("Pour « Soutenu » il manque"), "{text}");
    // Said with the key that does it, not a command line.
    assert!(
        text.contains("au moins un soutien reçu (touche e, champ"),
        "{text}"
    );
    // The score of the library, for the app's day.
    let score = status::score(&ws.schema, infini, today());
    assert!(text.contains(&format!("{score}/100")), "{text}");
    // History, evidence (newest first), confirmations, as in the file.
    for c in status::history(infini) {
        assert!(text.contains(&c.comment[..30]), "{}\n{text}", c.comment);
    }
    let register = part
        .iter()
        .position(|l| l.contains("Registre officiel"))
        .expect("register evidence");
    let website = part
        .iter()
        .position(|l| l.contains("Site web"))
        .expect("website evidence");
    assert!(
        register < website,
        "the register was added after the website"
    );
    assert!(text.contains("Preuves (2)"), "{text}");
    assert!(text.contains("Confirmations (1)"), "{text}");
    assert!(text.contains("confirmée par Équipe"), "{text}");
    // Neighbours: Infini hosts the Maison du Libre, which shows it the
    // other way, with the inverse label, and opens it.
    assert!(
        lines
            .iter()
            .any(|l| l.contains("héberge") && l.contains(MDL29))
    );
    h.keys("tab enter");
    assert_eq!(h.app.views.len(), 2);
    let lines = h.lines(TALL.0, TALL.1);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("hébergé par") && l.contains(INFINI)),
        "{}",
        lines.join("\n")
    );
}

#[test]
fn tab_goes_to_the_relations_then_to_the_status_then_back_to_the_top() {
    let mut h = brest();
    select(&mut h, INFINI);
    h.keys("enter tab");
    assert!(!h.screen(80, 24).contains("│Statut — Légitimé"));
    h.keys("tab");
    assert!(
        h.screen(80, 24).contains("│Statut — Légitimé"),
        "the status, in full"
    );
    h.keys("tab");
    assert!(h.screen(80, 24).contains("│Identifier"), "back at the top");
}

// ------------------------------------------------------ status from the record

#[test]
fn a_status_change_from_the_record_is_saved_and_shows_at_once_in_the_history() {
    let mut h = brest();
    select(&mut h, INFINI);
    h.keys("enter t");
    assert!(form_open(&h));
    h.type_text("sommeil");
    h.keys("enter");
    h.type_text("Plus de réponse depuis un an");
    h.keys("enter");
    assert!(!form_open(&h), "done: the form closes");
    assert_eq!(h.message().as_deref(), Some("Statut changé : En sommeil"));
    // At once in the record: the newest change at the top of the history.
    let lines = h.lines(TALL.0, TALL.1);
    let history = lines_from(&lines, "Historique du statut");
    assert!(history[1].contains("En sommeil"), "{}", history[1]);
    assert!(history[1].contains("Plus de réponse depuis un an"));
    assert!(history[1].contains(&format!("{TODAY} {AGENT_NAME}")));
    // On disk.
    let ws = h.reopen();
    let infini = named(&ws, INFINI);
    assert_eq!(status::current(infini), "en_sommeil");
    let last = status::history(infini).pop().expect("a change");
    assert_eq!(last.status, "en_sommeil");
    assert_eq!(last.comment, "Plus de réponse depuis un an");
    assert_eq!(last.by, Some(agent().id));
    // Undo: the status before comes back, as a new change of the history.
    h.keys("u");
    let ws = h.reopen();
    let infini = named(&ws, INFINI);
    assert_eq!(status::current(infini), "legitime");
    assert_eq!(status::history(infini).len(), 3);
}

#[test]
fn a_refused_status_says_exactly_what_is_missing_and_changes_nothing() {
    let mut h = brest();
    let before = std::fs::read(&h.path).expect("census");
    select(&mut h, ANIMACOOP);
    h.keys("enter t");
    h.type_text("legitime");
    h.keys("enter");
    // Before confirming: what the library says is missing, item by item.
    let ws = h.reopen();
    let animacoop = named(&ws, ANIMACOOP);
    let missing = status::missing_to_reach(&ws.schema, animacoop, "legitime", today());
    assert_eq!(
        missing,
        [Missing::RecentEvidence { days: 730 }, Missing::Confirmation]
    );
    // Said with the keys that do it, never a command line.
    let evidence = "une preuve de moins de 2 ans (touche p)";
    let confirmation = "la confirmation d'un collègue (sur sa copie, il touche v sur cette fiche, puis :merge de son fichier ici ; aide : :collègues)";
    for text in [evidence, confirmation] {
        assert!(shows(&h, TALL, text), "{text}");
    }
    h.keys("enter");
    // Refused, in a dialog, in the same words.
    let refusal = format!("pas encore « Légitimé » : il manque {evidence} ; {confirmation}.");
    assert!(shows(&h, TALL, &refusal), "{}", h.screen(TALL.0, TALL.1));
    assert!(!h.screen(TALL.0, TALL.1).contains("(recense "));
    assert!(h.screen(80, 24).contains("Refusé : rien n'a changé"));
    h.keys("enter");
    assert!(!form_open(&h));
    assert_eq!(std::fs::read(&h.path).expect("census"), before);
    assert_eq!(status_of(&h.reopen(), ANIMACOOP), "repere");
    assert_eq!(
        status_of(&Workspace::open(&h.path).unwrap(), ANIMACOOP),
        "repere"
    );
}

#[test]
fn esc_leaves_the_status_form_without_a_change() {
    let mut h = brest();
    select(&mut h, INFINI);
    h.keys("enter t down enter");
    h.type_text("rien");
    h.keys("esc");
    assert!(!form_open(&h));
    assert_eq!(status::history(named(&h.reopen(), INFINI)).len(), 1);
}

// ------------------------------------------------------------------ evidence

#[test]
fn evidence_is_added_with_today_as_default_date_and_a_checked_link() {
    let mut h = brest();
    select(&mut h, ANIMACOOP);
    h.keys("enter p");
    h.type_text("visite");
    h.keys("enter");
    // The date field starts at today.
    let lines = h.lines(80, 24);
    let date = lines
        .iter()
        .find(|l| l.contains("Date "))
        .expect("date field");
    assert!(
        date.trim_end_matches('│')
            .trim_end()
            .ends_with(&format!(": {TODAY}")),
        "{date}"
    );
    h.keys("enter");
    h.type_text("Rencontre à la Maison du Libre");
    // The note is a text area: Tab goes on (Enter would break the line).
    h.keys("tab");
    h.type_text("animacoop.net/session");
    h.keys("enter");
    assert!(!form_open(&h));
    assert_eq!(h.message().as_deref(), Some("Preuve ajoutée"));
    let ws = h.reopen();
    let evidence = status::evidence(named(&ws, ANIMACOOP));
    let e = evidence
        .iter()
        .find(|e| e.note == "Rencontre à la Maison du Libre")
        .expect("saved");
    assert_eq!(e.kind, "visite");
    assert_eq!(e.date, Some(today()));
    assert_eq!(
        e.url, "https://animacoop.net/session",
        "normalised as the CLI does"
    );
    assert_eq!(e.by, Some(agent().id));
    // And at once at the top of the record's evidence.
    let lines = h.lines(TALL.0, TALL.1);
    let part = lines_from(&lines, "Preuves (");
    assert!(part[1].contains("Visite") && part[1].contains("Rencontre à la Maison"));
}

#[test]
fn a_bad_date_or_link_is_said_in_the_form_and_nothing_is_written() {
    let mut h = brest();
    let before = std::fs::read(&h.path).expect("census");
    select(&mut h, ANIMACOOP);
    h.keys("enter p enter ctrl-u");
    h.type_text("hier");
    h.keys("enter tab enter");
    assert!(form_open(&h), "the form stays open");
    assert!(
        h.screen(80, 24)
            .contains("Date illisible : « hier ». Écrivez le jour comme 28/11/2026"),
        "{}",
        h.screen(80, 24)
    );
    // Fix the date; a link with a space is refused too.
    h.keys("backtab backtab ctrl-u");
    h.type_text("2026-11-30");
    h.keys("tab tab");
    h.type_text("pas une adresse");
    h.keys("enter");
    assert!(form_open(&h));
    assert!(h.screen(80, 24).contains("adresse web invalide"));
    assert_eq!(std::fs::read(&h.path).expect("census"), before);
    h.keys("ctrl-u enter");
    assert!(!form_open(&h));
    let ws = h.reopen();
    let evidence = status::evidence(named(&ws, ANIMACOOP));
    assert!(evidence.iter().any(|e| e.date == Date::parse("2026-11-30")));
}

// ------------------------------------------------------------- confirmation

#[test]
fn a_colleague_confirms_and_nobody_confirms_their_own_evidence() {
    let mut h = brest();
    select(&mut h, MDL29);
    h.keys("enter v");
    h.type_text("Vu au forum");
    h.keys("enter");
    assert_eq!(h.message().as_deref(), Some("Confirmation enregistrée"));
    let ws = h.reopen();
    let confirmations = status::confirmations(named(&ws, MDL29));
    assert!(
        confirmations
            .iter()
            .any(|(a, c, _)| *a == agent().id && c == "Vu au forum")
    );
    // Twice: refused at once, before a comment is asked, in the
    // interface's words.
    h.keys("v");
    assert!(!form_open(&h));
    let message = h.message().unwrap_or_default();
    assert!(message.starts_with("Vous avez déjà confirmé"), "{message}");
    // Evidence brought by this agent: they cannot confirm it.
    h.keys("esc");
    select(&mut h, ANIMACOOP);
    h.keys("enter p enter enter tab enter v");
    assert!(!form_open(&h));
    let message = h.message().unwrap_or_default();
    assert!(message.contains("Un collègue, sur sa copie"), "{message}");
    assert!(status::confirmations(named(&h.reopen(), ANIMACOOP)).is_empty());
}

// ------------------------------------------------------------ link, unlink

#[test]
fn link_then_unlink_from_the_record() {
    let mut h = brest();
    select(&mut h, ANIMACOOP);
    h.keys("enter r");
    h.type_text("forme");
    h.keys("enter");
    h.type_text("wiki brest");
    h.keys("enter");
    assert_eq!(h.message().as_deref(), Some("Relation ajoutée"));
    let ws = h.reopen();
    let wiki = named(&ws, WIKI).id.to_string();
    let relations = named(&ws, ANIMACOOP).values("relations");
    assert!(
        relations.contains(&format!("forme:{wiki}").as_str()),
        "{relations:?}"
    );
    // Shown both ways: « formé par Animacoop » on the Wiki's record.
    assert!(
        h.lines(TALL.0, TALL.1)
            .iter()
            .any(|l| l.contains("forme") && l.contains(WIKI))
    );
    // Unlink: the current relations, pick one.
    h.keys("R");
    h.type_text("wiki");
    h.keys("enter");
    assert_eq!(h.message().as_deref(), Some("Relation retirée"));
    let ws = h.reopen();
    let relations = named(&ws, ANIMACOOP).values("relations");
    assert!(
        !relations.iter().any(|r| r.ends_with(&wiki)),
        "{relations:?}"
    );
}

// ------------------------------------------------------------------ the list

#[test]
fn the_score_column_is_the_library_score_and_sorts() {
    let mut h = brest();
    let ws = h.reopen();
    let lines = h.lines(80, 24);
    assert!(lines[2].ends_with("Score"), "{}", lines[2]);
    for (row, name) in h.row_names().iter().enumerate().take(19) {
        let score = status::score(&ws.schema, named(&ws, name), today());
        let line = &lines[3 + row];
        assert!(
            line.ends_with(&format!(" {score}")),
            "{name}: {score} vs {line}"
        );
    }
    // Sort by score: the fourth press of `s` (name, kind, commune, status, score).
    h.keys("s s s s");
    assert!(h.screen(80, 24).contains("Score▲"));
    let scores: Vec<u8> = h
        .row_names()
        .iter()
        .map(|n| status::score(&ws.schema, named(&ws, n), today()))
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(scores[0] > scores[18]);
}

#[test]
fn marks_toggle_mark_all_filtered_and_clear() {
    let mut h = brest();
    h.keys("space space");
    assert_eq!(h.app.core.list.selected(), 2, "Space marks and moves down");
    assert!(h.screen(80, 24).contains("19 initiatives · 2 marquées"));
    let lines = h.lines(80, 24);
    assert!(lines[3].starts_with("* @-brest"), "{}", lines[3]);
    assert!(lines[4].starts_with("* Animacoop"), "{}", lines[4]);
    assert!(lines[5].starts_with("  Appel"), "{}", lines[5]);
    h.keys("k space");
    assert!(h.screen(80, 24).contains("· 1 marquée"));
    // Mark all the filtered ones: those of the search.
    h.keys("/");
    h.type_text("patronage");
    h.keys("enter M");
    let shown = h.row_names().len();
    assert_eq!(shown, 2);
    assert_eq!(h.app.core.list.marks.len(), 3);
    h.keys("X");
    assert!(h.app.core.list.marks.is_empty());
    assert!(!h.screen(80, 24).contains("marquée"));
}

// --------------------------------------------------------- many at once

/// Marks these initiatives in the list.
fn mark(h: &mut Harness, names: &[&str]) {
    for name in names {
        select(h, name);
        h.keys("m");
    }
}

#[test]
fn a_status_for_the_marked_ones_does_those_it_can_and_says_why_not_for_the_others() {
    let mut h = brest();
    mark(&mut h, &[ANIMACOOP, MDL29, WIKI]);
    h.keys("t");
    assert!(h.screen(80, 24).contains("3 initiatives marquées"));
    h.type_text("legitime");
    h.keys("enter");
    h.type_text("Revue de printemps");
    h.keys("enter");
    // Animacoop lacks what Légitimé needs; the two Soutenu go down to it.
    let ws = h.reopen();
    assert_eq!(status_of(&ws, MDL29), "legitime");
    assert_eq!(status_of(&ws, WIKI), "legitime");
    assert_eq!(status_of(&ws, ANIMACOOP), "repere");
    for name in [MDL29, WIKI] {
        let last = status::history(named(&ws, name)).pop().expect("change");
        assert_eq!(last.comment, "Revue de printemps");
    }
    assert!(
        !recense::census::file::journal::journal_path(&h.path).exists(),
        "one save of the whole census, no journal left"
    );
    let screen = h.screen(TALL.0, TALL.1);
    assert!(screen.contains("Fait pour 2 sur 3"), "{screen}");
    assert!(screen.contains("Refusé pour 1"), "{screen}");
    assert!(screen.contains(&format!("- {ANIMACOOP} : pas encore « Légitimé »")));
    h.keys("enter");
    assert!(!form_open(&h));
    // Undo: both back to Soutenu, as one step.
    h.keys("u");
    let ws = h.reopen();
    assert_eq!(status_of(&ws, MDL29), "soutenu");
    assert_eq!(status_of(&ws, WIKI), "soutenu");
    let last = status::history(named(&ws, WIKI)).pop().expect("change");
    assert_eq!(last.comment, "annulation");
}

#[test]
fn the_same_evidence_for_the_marked_ones_and_undo_says_it_stays() {
    let mut h = brest();
    mark(&mut h, &[KANEVEDEN, FABLAB, ANIMACOOP]);
    h.keys("p");
    h.type_text("evenement");
    h.keys("enter ctrl-u");
    h.type_text("2026-10-15");
    h.keys("enter");
    h.type_text("Forum des usages coopératifs");
    h.keys("tab enter");
    assert!(h.screen(TALL.0, TALL.1).contains("Fait pour 3 sur 3"));
    h.keys("esc u");
    let message = h.message().unwrap_or_default();
    assert!(message.contains("ne s'annulent pas"), "{message}");
    let ws = h.reopen();
    for name in [KANEVEDEN, FABLAB, ANIMACOOP] {
        let evidence = status::evidence(named(&ws, name));
        assert!(
            evidence.iter().any(|e| e.kind == "evenement"
                && e.note == "Forum des usages coopératifs"
                && e.date == Date::parse("2026-10-15")),
            "{name}: {evidence:?}"
        );
    }
}

#[test]
fn confirming_the_marked_ones_refuses_those_with_own_evidence() {
    let mut h = brest();
    // Evidence brought by this agent on Animacoop: they cannot confirm it.
    select(&mut h, ANIMACOOP);
    h.keys("enter p enter enter tab enter esc");
    mark(&mut h, &[ANIMACOOP, KANEVEDEN]);
    h.keys("v");
    h.type_text("Connus du réseau");
    h.keys("enter");
    let screen = h.screen(TALL.0, TALL.1);
    assert!(screen.contains("Fait pour 1 sur 2"), "{screen}");
    // In the interface's words: what a colleague does, on their copy.
    let own = "- Animacoop : Vous avez créé cette fiche ou apporté une de ses preuves";
    assert!(screen.contains(own), "{screen}");
    let ws = h.reopen();
    assert!(status::confirmations(named(&ws, ANIMACOOP)).is_empty());
    assert_eq!(status::confirmations(named(&ws, KANEVEDEN)).len(), 1);
}

#[test]
fn the_new_keys_are_in_the_help_and_english_works() {
    let mut h = brest();
    h.keys("?");
    let help = h.screen(TALL.0, TALL.1);
    for text in [
        "marquer ou démarquer",
        "changer le statut",
        "ajouter une preuve",
    ] {
        assert!(help.contains(text), "{help}");
    }
    h.keys("esc");
    select(&mut h, INFINI);
    h.keys("enter ?");
    let help = h.screen(TALL.0, TALL.1);
    for text in ["relier à une autre", "retirer une relation", "confirmer"] {
        assert!(help.contains(text), "{help}");
    }
    let mut en = Harness::sample_with(
        "pays-de-brest",
        Setup {
            lang: Lang::En,
            ..Setup::default()
        },
    );
    select(&mut en, INFINI);
    en.keys("enter");
    let screen = en.screen(TALL.0, TALL.1);
    assert!(screen.contains("Status and legitimacy"), "{screen}");
    assert!(screen.contains(status_label("legitime", Lang::En)));
    assert!(matches!(en.app.views.last(), Some(View::Detail(_))));
}

// ---------------------------------------------------------------- snapshots

/// Snapshots the screen at both sizes, as `NAME_80x24` and `NAME_60x20`.
fn ascii() -> Setup {
    Setup {
        theme: recense::tui::theme::Theme::new(false, true),
        ..Setup::default()
    }
}

#[test]
fn snapshots_of_the_record_and_its_forms() {
    let mut h = brest();
    select(&mut h, INFINI);
    h.keys("enter tab tab");
    snap!(&h, "record_legitimacy");
    // The last confirmation (the verification and the actions come after it).
    h.keys("G k k");
    snap!(&h, "record_evidence_confirmations");
    h.keys("t");
    snap!(&h, "status_picker");
    h.keys("esc");
    h.keys("p");
    h.type_text("vis");
    snap!(&h, "evidence_kind");
    h.keys("enter enter");
    h.type_text("Visite du local");
    snap!(&h, "evidence_form");
    h.keys("esc esc");
    select(&mut h, ANIMACOOP);
    h.keys("enter t");
    h.type_text("legitime");
    h.keys("enter");
    snap!(&h, "status_missing");
    h.keys("enter");
    snap!(&h, "status_refused");
}

#[test]
fn snapshots_of_marks_and_a_batch() {
    let mut h = brest();
    mark(&mut h, &[ANIMACOOP, MDL29, WIKI]);
    snap!(&h, "list_marked");
    h.keys("t");
    h.type_text("legitime");
    h.keys("enter");
    h.type_text("Revue");
    h.keys("enter");
    snap!(&h, "batch_result");
}

#[test]
fn snapshots_in_ascii() {
    let mut h = Harness::sample_with("pays-de-brest", ascii());
    mark(&mut h, &[ANIMACOOP, KANEVEDEN]);
    snap!(&h, "ascii_list_marked");
    select(&mut h, INFINI);
    h.keys("enter tab tab");
    snap!(&h, "ascii_record_legitimacy");
    h.keys("t");
    snap!(&h, "ascii_status_picker");
}
