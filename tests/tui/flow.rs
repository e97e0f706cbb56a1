//! The everyday flow (issue 21, second part): one score everywhere, the
//! refusals worded in the interface's keys, the dialogs that start empty,
//! the pick lists that say when nothing matches. Keys go through the live
//! keymap to `App::update`.

use crate::tui_common;

use recense::census::status;
use recense::census::time::Date;
use recense::i18n::Lang;

use tui_common::*;

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
    h.keys("enter p enter enter enter enter");
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
    let full = format!("exportée(s) au format csv dans {}", file.display());
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
    h.keys("enter enter enter enter");
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
