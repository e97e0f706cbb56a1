//! The terminal interface's behaviour: keys go through the keymap to
//! `App::update`, and what changed is checked in the state, on the screen
//! drawn into a `TestBackend` (texts, styles of cells) and on disk.

use crate::tui_common;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use recense::census::InitiativeId;
use recense::census::draft::draft_path;
use recense::census::file::journal::journal_path;
use recense::i18n::Lang;
use recense::tui::app::{Overlay, View};
use recense::tui::keymap::{Context, KeyMap};
use recense::tui::theme::Theme;

use tui_common::*;

const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";
const MDL29: &str = "01M6B60Q50EXBB0G3KZ0DRCBVX";
const VILLE_DE_BREST: &str = "01M6B5ED705Y7B9BEP3M2CJPZP";
const ANIMACOOP: &str = "01M6B681H0VRVFDRXKA33ZWV9G";

/// A tall screen: the whole record fits, nothing is cut.
const TALL: (u16, u16) = (110, 80);

fn id(s: &str) -> InitiativeId {
    InitiativeId::parse(s).expect("initiative id")
}

/// The id of the record on top, if the top view is a record.
fn detail_id(h: &Harness) -> Option<String> {
    match h.app.views.last() {
        Some(View::Detail(d)) => Some(d.id.to_string()),
        _ => None,
    }
}

fn in_wizard(h: &Harness) -> bool {
    matches!(h.app.views.last(), Some(View::Wizard(_)))
}

fn live_count(h: &Harness) -> usize {
    h.app.core.session.ws.census.live().count()
}

// ---------------------------------------------------------------- the list

#[test]
fn the_list_starts_sorted_by_name_with_the_first_row_selected() {
    let h = Harness::sample("pays-de-brest");
    let names = h.row_names();
    assert_eq!(names.len(), 19);
    assert_eq!(names[0], "@-brest (a-brest.net)");
    assert_eq!(names[1], "Animacoop");
    // Accents do not push a name to the end: « Cédérom » sorts among the C.
    assert_eq!(names[3], "Cédérom « Bureau libre Free-EOS »");
    assert_eq!(names[18], "Wiki-Brest");
    assert_eq!(h.app.core.list.selected(), 0);
    let screen = h.screen(80, 24);
    assert!(screen.contains("Nom▲"), "{screen}");
    assert!(screen.contains("19 initiatives"), "{screen}");
}

#[test]
fn sorting_cycles_through_the_columns_and_reverses() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("s");
    let names = h.row_names();
    assert_eq!(&names[..2], ["Outils-Réseaux", "Tela Botanica"], "by kind");
    assert!(h.screen(80, 24).contains("Type▲"));
    h.keys("S");
    assert_eq!(h.row_names()[0], "Wiki-Brest", "by kind, reversed");
    assert!(h.screen(80, 24).contains("Type▼"));
    h.keys("s");
    let names = h.row_names();
    assert_eq!(names[0], "@-brest (a-brest.net)", "by commune: Brest first");
    assert_eq!(&names[17..], ["Outils-Réseaux", "Tela Botanica"]);
    h.keys("s s s");
    assert_eq!(
        h.row_names()[0],
        "@-brest (a-brest.net)",
        "back to the name"
    );
}

#[test]
fn sorting_keeps_the_selected_initiative_selected() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Tela Botanica");
    h.keys("s");
    assert_eq!(h.selected_name().as_deref(), Some("Tela Botanica"));
    assert_eq!(h.app.core.list.selected(), 1);
}

#[test]
fn the_selection_moves_with_vim_keys_arrows_and_pages() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("j j down");
    assert_eq!(h.app.core.list.selected(), 3);
    h.keys("k up");
    assert_eq!(h.app.core.list.selected(), 1);
    h.keys("G");
    assert_eq!(h.selected_name().as_deref(), Some("Wiki-Brest"));
    h.keys("j");
    assert_eq!(h.app.core.list.selected(), 18, "stays on the last row");
    h.keys("g k");
    assert_eq!(h.app.core.list.selected(), 0, "stays on the first row");
    // A page is what the last drawing showed: 15 rows at 60x20.
    h.render(60, 20);
    h.keys("pagedown");
    assert_eq!(h.app.core.list.selected(), 15);
    h.keys("ctrl-u");
    assert_eq!(h.app.core.list.selected(), 0);
}

#[test]
fn the_selected_row_is_drawn_reversed_and_scrolled_into_view() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("G");
    let buf = h.render(60, 20);
    let y = find_row(&buf, "Wiki-Brest").expect("last row in view");
    assert_eq!(y, 17, "the list scrolled to show it above the status line");
    assert!(row_has(&buf, y, Modifier::REVERSED));
    assert!(!row_has(&buf, y - 1, Modifier::REVERSED));
}

// ------------------------------------------------------------------ search

#[test]
fn an_accent_free_query_finds_accented_names_as_you_type() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("/");
    assert_eq!(h.app.context(), Context::Search);
    h.type_text("media");
    assert!(h.row_names().len() > 1, "a short query finds several");
    h.type_text("theque");
    assert_eq!(h.row_names(), ["Réseau des médiathèques de Brest"]);
    assert_eq!(h.app.core.list.query, "mediatheque");
    let screen = h.screen(80, 24);
    assert!(screen.contains("/mediatheque"), "{screen}");
    assert!(screen.contains("1/19 initiatives"), "{screen}");
    // Accents and capitals in the query are ignored too.
    h.keys("ctrl-u");
    h.type_text("MÉDIATHÈQUE");
    assert_eq!(h.row_names(), ["Réseau des médiathèques de Brest"]);
}

#[test]
fn ecole_finds_an_ecole() {
    let mut h = Harness::from_text(&school_census(), Setup::default());
    h.keys("/");
    h.type_text("ecole");
    assert_eq!(h.row_names()[0], "École Jules-Ferry – atelier numérique");
    h.keys("enter enter");
    assert_eq!(detail_id(&h).as_deref(), Some(SCHOOL_ID));
}

#[test]
fn matched_letters_of_the_name_are_underlined() {
    let mut h = Harness::from_text(&school_census(), Setup::default());
    h.keys("/");
    h.type_text("mediatheque");
    let buf = h.render(80, 24);
    let y = find_row(&buf, "Réseau des médiathèques").expect("the match is shown");
    let underlined = styled_text(&buf, y, Modifier::UNDERLINED);
    assert_eq!(underlined, "médiathèque", "the letters of the name matched");
    // The selected row is reversed, and the match still stands out on it.
    assert!(row_has(&buf, y, Modifier::REVERSED));

    // On a row that is not selected, with a capital with an accent.
    h.keys("ctrl-u");
    h.type_text("ecole");
    let buf = h.render(80, 24);
    let y = find_row(&buf, "École Jules-Ferry").expect("the match is shown");
    assert_eq!(styled_text(&buf, y, Modifier::UNDERLINED), "École");
    h.keys("ctrl-u");
    h.type_text("brest");
    let buf = h.render(80, 24);
    let y = find_row(&buf, "Wiki-Brest").expect("shown");
    assert!(
        !row_has(&buf, y, Modifier::REVERSED),
        "not the selected row"
    );
    assert_eq!(styled_text(&buf, y, Modifier::UNDERLINED), "Brest");
    // A row found by its commune only has nothing to underline in its name.
    let y = find_row(&buf, "Animacoop").expect("found by its commune");
    assert_eq!(styled_text(&buf, y, Modifier::UNDERLINED), "");
}

#[test]
fn esc_gives_back_the_list_as_it_was() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("s");
    select(&mut h, "Maison du Libre (MDL29)");
    let before = h.row_names();
    let screen_before = h.screen(80, 24);
    h.keys("/");
    h.type_text("botanica");
    assert_eq!(h.row_names(), ["Tela Botanica"]);
    h.keys("esc");
    assert_eq!(h.app.context(), Context::List);
    assert_eq!(h.app.core.list.query, "");
    assert_eq!(h.row_names(), before, "same rows, same order");
    assert_eq!(
        h.selected_name().as_deref(),
        Some("Maison du Libre (MDL29)")
    );
    assert_eq!(h.screen(80, 24), screen_before);
}

#[test]
fn enter_keeps_the_search_and_one_key_clears_it() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("/");
    h.type_text("patronage");
    h.keys("enter");
    assert_eq!(h.app.context(), Context::List);
    assert_eq!(h.row_names().len(), 2);
    // The list keys work again on the results.
    h.keys("j");
    assert_eq!(
        h.selected_name().as_deref(),
        Some("Patronage laïque de Recouvrance")
    );
    h.keys("F");
    assert_eq!(h.row_names().len(), 19);
    assert_eq!(h.app.core.list.query, "");
    assert_eq!(h.message().as_deref(), Some("tous les filtres effacés"));
}

// ----------------------------------------------------------------- filters

#[test]
fn filters_open_tick_apply_show_and_clear() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("f");
    assert!(matches!(h.app.overlay, Some(Overlay::Filters(_))));
    assert_eq!(h.app.context(), Context::Picker);
    // Typing narrows the choices; Space ticks the one under the cursor.
    h.type_text("montpellier");
    h.keys("space");
    assert!(h.screen(80, 24).contains("☑ Montpellier"));
    h.keys("enter");
    assert!(h.app.overlay.is_none());
    assert_eq!(h.row_names(), ["Outils-Réseaux", "Tela Botanica"]);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Filtres : Commune=Montpellier  (F : tout voir)"),
        "{screen}"
    );
    assert!(screen.contains("2/19 initiatives"), "{screen}");

    // Filters add up: a kind too.
    h.keys("f");
    h.type_text("montpellier");
    assert!(h.screen(80, 24).contains("☑ Montpellier"), "ticks are kept");
    h.keys("ctrl-u");
    h.type_text("association");
    h.keys("space enter");
    assert_eq!(h.row_names(), ["Outils-Réseaux", "Tela Botanica"]);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Type=Association │ Commune=Montpellier"),
        "{screen}"
    );

    h.keys("F");
    assert_eq!(h.row_names().len(), 19);
    assert!(h.app.core.list.filter.is_empty());
    assert!(h.screen(80, 24).contains("Filtres : aucun filtre"));
}

#[test]
fn esc_closes_the_filters_without_applying_them() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("f");
    h.type_text("chatons");
    h.keys("space esc");
    assert!(h.app.overlay.is_none());
    assert_eq!(h.row_names().len(), 19);
    assert!(h.app.core.list.filter.is_empty());
}

#[test]
fn a_long_filter_is_cut_and_the_key_to_clear_it_stays_in_view() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("f");
    h.type_text("chatons");
    h.keys("space enter");
    assert_eq!(h.row_names(), ["Infini (Internet Finistère)"]);
    let line = &h.lines(60, 20)[1];
    assert!(line.ends_with("…  (F : tout voir)"), "{line}");
    assert!(
        line.starts_with(" Filtres : Type=Membre des CHATONS"),
        "{line}"
    );
}

// ------------------------------------------------------------------ record

#[test]
fn the_record_shows_every_field_by_step_with_who_and_when() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Infini (Internet Finistère)");
    h.keys("enter");
    assert_eq!(detail_id(&h).as_deref(), Some(INFINI));
    assert_eq!(h.app.context(), Context::Detail);
    let lines = h.lines(TALL.0, TALL.1);
    let row = |text: &str| {
        lines
            .iter()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no `{text}` in\n{}", lines.join("\n")))
    };
    // The steps in their order, each followed by its fields.
    let steps = [
        "│Identifier",
        "│Qualifier",
        "│Légitimer",
        "│Soutenir",
        "│Relier",
    ];
    let at: Vec<usize> = steps.iter().map(|s| row(s)).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    assert!(row(" Nom ") > at[0] && row(" Nom ") < at[1]);
    assert!(row("Services hébergés (CHATONS)") > at[1]);
    assert!(row("Problèmes publics") > at[2]);
    assert!(row("Soutiens reçus") > at[3]);
    assert!(row(" Notes ") > at[4]);
    // Who changed each field, and when.
    assert!(lines[row(" Nom ")].contains("2026-11-01 Équipe recen…"));
    assert!(lines[row(" Relations  ")].contains("2026-11-05 Équipe recen…"));
    // The line under the cursor, in full, with its author.
    assert!(
        lines
            .iter()
            .any(|l| l
                .contains("Infini (Internet Finistère) — par Équipe recense Brest, 2026-11-01")),
        "{}",
        lines.join("\n")
    );
    // Choices show their labels, not their ids.
    assert!(lines[row(" Type ")].contains("Membre des CHATONS (hébergeur alternatif)"));
}

#[test]
fn the_record_shows_relations_both_ways() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Infini (Internet Finistère)");
    h.keys("enter");
    let relations = relation_lines(&h);
    let has = |kind: &str, name: &str| {
        relations
            .iter()
            .any(|l| l.starts_with(kind) && l.contains(name))
    };
    // Its own, as written in its record…
    assert!(has("héberge", "Maison du Libre (MDL29)"), "{relations:#?}");
    // …and those of others towards it, with the inverse label.
    assert!(has("partenaire de", "Ville de Brest"), "{relations:#?}");
    assert!(
        has("membre de", "Réseau des PAPI de Brest"),
        "{relations:#?}"
    );
}

#[test]
fn a_related_initiative_opens_and_esc_comes_back() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Infini (Internet Finistère)");
    h.keys("enter tab");
    // Tab jumped to the first relation: « héberge Maison du Libre ».
    h.keys("enter");
    assert_eq!(detail_id(&h).as_deref(), Some(MDL29));
    assert_eq!(h.app.views.len(), 2);
    assert!(h.screen(80, 24).contains("┌ Maison du Libre (MDL29) "));
    // And back from there, following the relation the other way.
    let lines = h.lines(TALL.0, TALL.1);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("hébergé par") && l.contains("Infini (Internet Finistère)")),
        "{}",
        lines.join("\n")
    );
    h.keys("esc");
    assert_eq!(detail_id(&h).as_deref(), Some(INFINI));
    assert_eq!(h.app.views.len(), 1);
    h.keys("esc");
    assert!(h.app.views.is_empty());
    assert_eq!(
        h.selected_name().as_deref(),
        Some("Infini (Internet Finistère)"),
        "the list kept its selection"
    );
}

/// The relation lines at the end of a record, as drawn on a tall screen.
fn relation_lines(h: &Harness) -> Vec<String> {
    let lines = h.lines(TALL.0, TALL.1);
    let section = lines
        .iter()
        .rposition(|l| l.starts_with("│Relations"))
        .expect("a relations section");
    lines[section + 1..]
        .iter()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' ').to_string())
        .take_while(|l| !l.is_empty())
        .collect()
}

#[test]
fn an_incoming_relation_opens_its_source() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Infini (Internet Finistère)");
    h.keys("enter");
    let relations = relation_lines(&h);
    let n = relations
        .iter()
        .position(|l| l.starts_with("partenaire de") && l.contains("Ville de Brest"))
        .expect("Ville de Brest names Infini as its partner");
    h.keys("tab");
    for _ in 0..n {
        h.keys("j");
    }
    h.keys("enter");
    assert_eq!(detail_id(&h).as_deref(), Some(VILLE_DE_BREST));
    h.keys("esc");
    assert_eq!(detail_id(&h).as_deref(), Some(INFINI));
}

// ---------------------------------------------------------- guided entry

/// Starts an entry and fills the three required fields of the first step.
fn fill_identity(h: &mut Harness, name: &str, kind: &str, commune: &str) {
    h.keys("a");
    assert!(in_wizard(h));
    h.type_text(name);
    h.keys("enter");
    h.type_text(kind);
    h.keys("enter");
    h.keys("tab"); // description
    h.type_text(commune);
    h.keys("enter");
}

#[test]
fn required_fields_block_the_next_step() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("a");
    // Enter on an empty required field: refused, said, and we stay.
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Nom : obligatoire"), "{screen}");
    assert!(screen.contains("Champ 1/16"), "{screen}");
    // Skipping the step: refused, with the list of what is missing.
    h.keys("ctrl-n");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Il manque : Nom, Type, Commune"),
        "{screen}"
    );
    assert!(screen.contains("Champ 1/16"), "{screen}");
    h.type_text("Atelier numérique de Lambézellec");
    h.keys("enter");
    h.type_text("espace public");
    h.keys("enter ctrl-n");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Il manque : Commune"), "{screen}");
    // And the field on screen is the first one missing.
    assert!(screen.contains("Commune  (obligatoire)"), "{screen}");
    // The step bar marks the step still missing something.
    let buf = h.render(80, 24);
    let y = find_row(&buf, "1.Identifier").expect("step bar");
    assert!(row_has(&buf, y, Modifier::REVERSED), "current step");
}

#[test]
fn values_are_checked_on_enter_and_on_leaving_not_mid_word() {
    let mut h = Harness::sample("pays-de-brest");
    fill_identity(
        &mut h,
        "Atelier numérique de Lambézellec",
        "espace public",
        "Brest",
    );
    // Code postal, INSEE, adresse, coordonnées, site, courriel, téléphone: to SIRET.
    h.keys("tab tab tab tab tab tab tab");
    assert!(h.screen(80, 24).contains("SIRET  (facultatif)"));
    // Half typed: no complaint at every key.
    h.type_text("1234");
    let screen = h.screen(80, 24);
    assert!(!screen.contains("SIRET invalide"), "{screen}");
    // Leaving the field (Tab) checks it: refused, said, the field stays.
    h.keys("tab");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("SIRET invalide : quatorze chiffres attendus"),
        "{screen}"
    );
    assert!(screen.contains("SIRET  (facultatif)"), "{screen}");
    // Typing again takes the message away until the next check.
    h.type_text("5678901234");
    let screen = h.screen(80, 24);
    assert!(!screen.contains("SIRET invalide"), "{screen}");
    // Enter on an invalid value (the checksum now): refused, the field stays.
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(screen.contains("SIRET invalide"), "the checksum: {screen}");
    assert!(screen.contains("SIRET  (facultatif)"));
    h.keys("backspace");
    h.type_text("7");
    let screen = h.screen(80, 24);
    assert!(!screen.contains("SIRET invalide"), "{screen}");
    h.keys("enter");
    assert!(h.screen(80, 24).contains("Numéro RNA"), "next field");
    // Spaces in a SIRET are accepted and removed.
    h.keys("esc");
    let draft = std::fs::read_to_string(draft_path(&h.path)).expect("draft kept");
    assert!(draft.contains("\"12345678901237\""), "{draft}");
}

#[test]
fn a_similar_name_in_the_same_commune_offers_the_existing_one() {
    let mut h = Harness::sample("pays-de-brest");
    fill_identity(&mut h, "Maison du libre", "collectif", "Brest");
    h.keys("ctrl-n");
    assert_eq!(h.app.context(), Context::Dialog);
    let screen = h.screen(80, 24);
    assert!(screen.contains("Doublon possible"), "{screen}");
    assert!(
        screen.contains("Maison du Libre (MDL29) (Brest) — nom proche dans la même commune"),
        "{screen}"
    );
    // « Open the existing one »: its record, nothing created, no draft left.
    h.keys("o");
    assert_eq!(detail_id(&h).as_deref(), Some(MDL29));
    assert_eq!(h.app.views.len(), 1, "the entry was replaced by the record");
    assert_eq!(live_count(&h), 19);
    assert!(!draft_path(&h.path).exists());
}

#[test]
fn it_is_a_different_one_goes_on_with_the_entry() {
    let mut h = Harness::sample("pays-de-brest");
    fill_identity(&mut h, "Maison du libre", "collectif", "Brest");
    h.keys("ctrl-n");
    assert!(h.screen(80, 24).contains("Doublon possible"));
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Communs produits ou entretenus"),
        "{screen}"
    );
    assert!(screen.contains("Champ 1/11"), "{screen}");
    // Going back to the first step and on again does not ask twice.
    h.keys("ctrl-p ctrl-n");
    assert!(h.screen(80, 24).contains("Communs produits ou entretenus"));
}

#[test]
fn no_goes_back_to_the_fields() {
    let mut h = Harness::sample("pays-de-brest");
    fill_identity(&mut h, "Maison du libre", "collectif", "Brest");
    h.keys("ctrl-n n");
    assert_eq!(h.app.context(), Context::Wizard);
    let screen = h.screen(80, 24);
    assert!(screen.contains("1.Identifier"), "{screen}");
    assert!(!screen.contains("Doublon possible"), "{screen}");
}

/// A whole entry, every step, up to the summary.
fn enter_a_whole_initiative(h: &mut Harness) {
    fill_identity(
        h,
        "Atelier numérique de Lambézellec",
        "espace public",
        "Brest",
    );
    // The postal code came with the commune.
    // Straight to the next step: no similar initiative, no question.
    h.keys("ctrl-n");
    assert!(
        h.screen(80, 24).contains("Champ 1/11"),
        "{}",
        h.screen(80, 24)
    );
    // Qualifier: communs (several), roles, date, then the digital inclusion
    // fields of the national standard: services, opening hours, audiences,
    // fees, national programmes, access, online booking, networks.
    h.type_text("logiciel");
    h.keys("space");
    h.keys("ctrl-u");
    h.type_text("savoirs");
    h.keys("space enter");
    h.keys("enter"); // no role
    h.type_text("2019-05-01");
    h.keys("enter");
    h.type_text("demarches");
    h.keys("space enter");
    h.type_text("Mo-Fr 09:00-12:00; Sa 10:00-12:00");
    h.keys("enter");
    h.keys("enter"); // every audience
    h.type_text("gratuit");
    h.keys("space enter");
    h.type_text("conseillers");
    h.keys("space enter");
    h.keys("enter enter enter"); // no access stated, no booking site, no network
    // Légitimer: problems, two arguments.
    assert!(h.screen(80, 24).contains("Problèmes publics"));
    h.type_text("fracture");
    h.keys("space enter");
    h.type_text("Réduire la fracture numérique du quartier.");
    // Long texts: Enter is a new line, Ctrl-s validates.
    h.keys("ctrl-s ctrl-s");
    // Soutenir: received, needs, details.
    h.type_text("locaux");
    h.keys("space enter");
    h.type_text("materiel");
    h.keys("space enter ctrl-s");
    // Relier: a relation, found by typing, then notes.
    assert!(
        h.screen(80, 24)
            .contains("Type de relation : partenaire de")
    );
    h.type_text("papi");
    h.keys("space enter");
    h.type_text("Saisi pendant les tests.");
    h.keys("ctrl-s");
}

#[test]
fn a_whole_entry_ends_on_a_summary_and_is_saved_on_disk() {
    let mut h = Harness::sample("pays-de-brest");
    enter_a_whole_initiative(&mut h);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Entrée enregistre"),
        "the summary: {screen}"
    );
    for text in [
        "Atelier numérique de Lambézellec",
        "Espace public numérique",
        "Logiciel libre · Savoirs, formations",
        "2019-05-01",
        "Conseillers numériques",
    ] {
        assert!(screen.contains(text), "{text} in the summary: {screen}");
    }
    // It does not all fit: the rest is below, Tab scrolls to it.
    assert!(screen.contains("│…"), "{screen}");
    h.keys("tab tab tab");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Fracture sociale et numérique"), "{screen}");
    h.keys("tab tab tab tab tab");
    let screen = h.screen(80, 24);
    assert!(!screen.contains("│…"), "{screen}");
    assert!(
        screen.contains("Relations                  partenaire de Réseau des PAPI de Brest"),
        "the relation by its kind and name: {screen}"
    );
    assert!(screen.contains("Saisi pendant les tests."), "{screen}");
    assert!(screen.contains("Entrée enregistre"), "{screen}");
    assert!(draft_path(&h.path).exists(), "a draft all along");
    h.keys("enter");

    // Saved: in the census, the record on screen, on disk, no draft.
    assert_eq!(live_count(&h), 20);
    let new_id = detail_id(&h).expect("the new record is shown");
    assert_eq!(h.message().as_deref(), Some("Initiative enregistrée"));
    assert!(h.app.core.session.saved);
    assert!(journal_path(&h.path).exists());
    assert!(!draft_path(&h.path).exists());

    let ws = h.reopen();
    let i = ws.census.get(&id(&new_id)).expect("on disk");
    assert_eq!(i.value("nom"), Some("Atelier numérique de Lambézellec"));
    assert_eq!(i.value("type"), Some("espace_public_numerique"));
    assert_eq!(i.value("commune"), Some("Brest"));
    assert_eq!(i.value("code_postal"), Some("29200"));
    assert_eq!(i.value("date_creation"), Some("2019-05-01"));
    assert_eq!(
        i.values("communs_produits"),
        ["logiciel_libre", "savoirs_formations"]
    );
    assert_eq!(
        i.values("services_mediation"),
        ["aide_demarches_administratives"]
    );
    assert_eq!(
        i.value("horaires"),
        Some("Mo-Fr 09:00-12:00; Sa 10:00-12:00")
    );
    assert_eq!(i.values("frais"), ["gratuit"]);
    assert_eq!(i.values("problemes_publics"), ["fracture_numerique"]);
    assert_eq!(i.values("soutiens_recus"), ["locaux"]);
    assert_eq!(i.values("besoins"), ["materiel"]);
    assert_eq!(i.values("relations").len(), 1);
    assert!(i.values("relations")[0].starts_with("partenaire:"));
    assert_eq!(i.value("notes"), Some("Saisi pendant les tests."));
    // Recorded by this agent, at the fixed time.
    let stamp = i.last_change("nom").expect("stamped");
    assert_eq!(
        stamp.at().map(|t| t.date().to_string()).as_deref(),
        Some(TODAY)
    );
    assert_eq!(
        ws.census.agent_name(&stamp.dot().expect("dot").agent),
        AGENT_NAME
    );
}

#[test]
fn the_summary_can_go_back_to_the_last_field() {
    let mut h = Harness::sample("pays-de-brest");
    enter_a_whole_initiative(&mut h);
    // Scrolled down, Shift-Tab first scrolls back up… (as in the real loop,
    // the screen is drawn before a key: drawing knows how far it scrolls)
    h.render(80, 24);
    h.keys("tab tab backtab backtab");
    assert!(h.screen(80, 24).contains("Entrée enregistre"));
    // …then goes back to the last field.
    h.keys("backtab");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Notes"), "{screen}");
    // A long text: in its text area.
    assert!(screen.contains("│Saisi pendant les tests."), "{screen}");
}

#[test]
fn leaving_an_entry_keeps_a_draft_and_creates_nothing() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("a");
    h.type_text("Brouillon");
    h.keys("enter esc");
    assert!(h.app.views.is_empty());
    assert_eq!(live_count(&h), 19);
    assert!(draft_path(&h.path).exists());
    assert_eq!(
        h.message().as_deref(),
        Some("Brouillon gardé pour le prochain démarrage")
    );
    // An entry left before anything was typed leaves no draft.
    let mut h = Harness::sample("pays-de-brest");
    h.keys("a esc");
    assert!(!draft_path(&h.path).exists());
}

#[test]
fn a_draft_is_offered_back_at_the_next_start() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("a");
    h.type_text("Atelier numérique de Lambézellec");
    h.keys("enter");
    h.type_text("espace public");
    h.keys("enter esc");
    h.restart();
    assert_eq!(h.app.context(), Context::Drafts);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Reprendre « Atelier numérique de Lambézellec »"),
        "{screen}"
    );
    h.keys("enter");
    assert!(in_wizard(&h));
    let screen = h.screen(80, 24);
    // Taken up where it was left: the third field, the first two filled.
    assert!(screen.contains("Champ 3/16"), "{screen}");
    h.keys("backtab backtab");
    assert!(
        h.screen(80, 24)
            .contains("> Atelier numérique de Lambézellec")
    );
    // Later (Esc) keeps it; `d` throws it away.
    h.keys("esc");
    h.restart();
    h.keys("esc");
    assert!(h.app.overlay.is_none());
    assert!(draft_path(&h.path).exists());
    h.restart();
    h.keys("d esc");
    assert!(!draft_path(&h.path).exists());
    h.restart();
    assert!(h.app.overlay.is_none(), "not offered twice");
}

#[test]
fn a_draft_cut_off_resumes_at_the_next_field() {
    // The connection drops after Enter on the name: no Esc, no quit.
    let mut h = Harness::sample("pays-de-brest");
    h.keys("a");
    h.type_text("Atelier numérique de Lambézellec");
    h.keys("enter");
    h.restart();
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Champ 2/16"), "{screen}");
    assert!(screen.contains("Type  (obligatoire)"), "{screen}");
}

#[test]
fn changes_survive_a_session_that_did_not_end() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Animacoop");
    h.keys("enter e ctrl-u");
    h.type_text("Animacoop Brest");
    h.keys("enter");
    // No `:w`, no quit: only the journal has it.
    h.restart();
    assert!(h.row_names().contains(&"Animacoop Brest".to_string()));
}

#[test]
fn space_in_a_single_choice_keeps_the_choice() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("a");
    h.type_text("Infini");
    h.keys("enter down space");
    let buf = h.render(80, 24);
    let y = find_row(&buf, "Membre des CHATONS (hébergeur alternatif)").expect("shown");
    assert!(row_has(&buf, y, Modifier::REVERSED), "still the choice");
    h.keys("enter");
    h.keys("esc");
    let draft = std::fs::read_to_string(draft_path(&h.path)).expect("draft");
    assert!(draft.contains("\"chatons\""), "{draft}");
    // A space between two words still goes into the filter.
    let mut h = Harness::sample("pays-de-brest");
    h.keys("a");
    h.type_text("Infini");
    h.keys("enter");
    h.type_text("ressource commune");
    let screen = h.screen(80, 24);
    assert!(screen.contains("> ressource commune"), "{screen}");
    assert!(
        screen.contains("Ressource commune (wiki, logiciel, données)"),
        "{screen}"
    );
}

#[test]
fn one_initiative_is_said_in_the_singular() {
    use recense::census::file;
    let text = std::fs::read_to_string(sample_path("pays-de-brest")).expect("sample");
    let (mut census, _) = file::parse(&text, "sample").expect("parses");
    census.initiatives.truncate(1);
    let h = Harness::from_text(&file::to_canonical(&census), Setup::default());
    let header = h.lines(80, 24)[0].clone();
    assert!(header.ends_with("· 1 initiative"), "{header}");
}

// ------------------------------------------------ edit, copy, delete, undo

#[test]
fn a_field_is_edited_from_the_record_and_saved() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Animacoop");
    h.keys("enter");
    // The cursor starts on the name; `e` opens its editor.
    h.keys("e");
    assert_eq!(h.app.context(), Context::Wizard);
    assert!(h.screen(80, 24).contains("┌ Modifier "));
    h.keys("ctrl-u");
    h.type_text("Animacoop Brest");
    h.keys("enter");
    assert_eq!(h.app.context(), Context::Detail);
    assert_eq!(h.message().as_deref(), Some("Champ enregistré"));
    let lines = h.lines(TALL.0, TALL.1);
    let name_line = lines
        .iter()
        .find(|l| l.contains(" Nom "))
        .expect("name line");
    assert!(name_line.contains("Animacoop Brest"), "{name_line}");
    assert!(
        name_line.contains(&format!("{TODAY} {AGENT_NAME}")),
        "{name_line}"
    );

    // A choice: down to the kind, Enter edits it too.
    h.keys("j enter");
    assert_eq!(h.app.context(), Context::Picker);
    h.type_text("fablab");
    h.keys("enter");
    let ws = h.reopen();
    let i = ws.census.get(&id(ANIMACOOP)).expect("still there");
    assert_eq!(i.value("nom"), Some("Animacoop Brest"));
    assert_eq!(i.value("type"), Some("fablab"));
}

#[test]
fn an_invalid_edit_is_refused_and_changes_nothing() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Animacoop");
    h.keys("enter");
    // Down to the postal code.
    h.keys("j j j j e");
    assert!(h.screen(80, 24).contains("Code postal"));
    h.keys("ctrl-u");
    h.type_text("29");
    assert!(!h.screen(80, 24).contains("invalide"), "not mid-word");
    h.keys("enter");
    assert!(
        h.screen(80, 24).contains("invalide"),
        "{}",
        h.screen(80, 24)
    );
    assert_eq!(h.app.context(), Context::Wizard, "still editing");
    h.keys("esc");
    assert_eq!(h.app.context(), Context::Detail);
    let i = h
        .app
        .core
        .session
        .ws
        .census
        .get(&id(ANIMACOOP))
        .expect("there");
    assert_eq!(i.value("code_postal"), Some("29200"));
    assert!(!journal_path(&h.path).exists(), "nothing written");
}

#[test]
fn e_in_the_list_opens_the_record_in_edit_mode() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Animacoop");
    h.keys("e");
    assert_eq!(detail_id(&h).as_deref(), Some(ANIMACOOP));
    assert_eq!(h.app.context(), Context::Wizard);
    assert!(h.screen(80, 24).contains("> Animacoop"));
}

#[test]
fn copy_as_new_starts_an_entry_with_the_values_of_the_record() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Infini (Internet Finistère)");
    h.keys("enter c");
    assert!(in_wizard(&h));
    let screen = h.screen(80, 24);
    assert!(screen.contains("Nouvelle initiative (copie)"), "{screen}");
    assert!(screen.contains("> Infini (Internet Finistère)"), "{screen}");
    // A branch of the same network: another name, the rest copied.
    h.keys("ctrl-u");
    h.type_text("Infini – antenne de Morlaix");
    h.keys("enter enter tab");
    assert!(h.screen(80, 24).contains("> Brest"), "commune copied");
    h.keys("ctrl-u");
    h.type_text("Morlaix");
    h.keys("enter");
    // Same website as Infini: the duplicate check says so.
    h.keys("ctrl-n");
    let screen = h.screen(80, 24);
    assert!(screen.contains("même site web"), "{screen}");
    h.keys("enter ctrl-n ctrl-n ctrl-n ctrl-n");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Entrée enregistre"), "{screen}");
    h.keys("enter");
    let new_id = detail_id(&h).expect("the copy is shown");
    assert_ne!(new_id, INFINI);
    let ws = h.reopen();
    let copy = ws.census.get(&id(&new_id)).expect("on disk");
    let original = ws.census.get(&id(INFINI)).expect("untouched");
    assert_eq!(copy.value("nom"), Some("Infini – antenne de Morlaix"));
    assert_eq!(copy.value("commune"), Some("Morlaix"));
    assert_eq!(copy.value("type"), original.value("type"));
    assert_eq!(copy.value("site_web"), original.value("site_web"));
    assert_eq!(original.value("nom"), Some("Infini (Internet Finistère)"));
}

#[test]
fn delete_asks_first_and_undo_brings_it_back() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Animacoop");
    h.keys("d");
    assert_eq!(h.app.context(), Context::Dialog);
    let screen = h.screen(80, 24);
    assert!(screen.contains("Supprimer « Animacoop » ?"), "{screen}");
    assert!(screen.contains("o : oui · n : non"), "{screen}");
    // No: nothing happens.
    h.keys("n");
    assert!(h.app.overlay.is_none());
    assert_eq!(live_count(&h), 19);
    // Any other key leaves the question open.
    h.keys("d x j");
    assert_eq!(h.app.context(), Context::Dialog);
    h.keys("o");
    assert_eq!(live_count(&h), 18);
    assert!(!h.row_names().contains(&"Animacoop".to_string()));
    assert_eq!(
        h.selected_name().as_deref(),
        Some("Appel à projets « usages du numérique » de la Ville de Brest"),
        "the next one is selected, not the top of the list"
    );
    assert_eq!(h.message().as_deref(), Some("Supprimée (u pour annuler)"));
    let ws = h.reopen();
    assert!(
        ws.census
            .get(&id(ANIMACOOP))
            .expect("a tombstone")
            .is_deleted()
    );

    h.keys("u");
    assert_eq!(live_count(&h), 19);
    assert_eq!(
        h.message().as_deref(),
        Some("Annulé : suppression de « Animacoop »")
    );
    assert_eq!(
        h.selected_name().as_deref(),
        Some("Animacoop"),
        "what came back"
    );
    let ws = h.reopen();
    assert!(!ws.census.get(&id(ANIMACOOP)).expect("there").is_deleted());
}

#[test]
fn deleting_from_the_record_closes_it() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Animacoop");
    h.keys("enter d y");
    assert!(h.app.views.is_empty(), "back to the list");
    assert_eq!(live_count(&h), 18);
}

#[test]
fn undo_gives_back_the_value_before_an_edit() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("u");
    assert_eq!(
        h.message().as_deref(),
        Some("Rien à annuler dans cette session")
    );
    select(&mut h, "Animacoop");
    h.keys("enter e ctrl-u");
    h.type_text("Autre nom");
    h.keys("enter");
    assert_eq!(
        h.app
            .core
            .session
            .ws
            .census
            .get(&id(ANIMACOOP))
            .and_then(|i| i.value("nom")),
        Some("Autre nom")
    );
    h.keys("u");
    let ws = h.reopen();
    assert_eq!(
        ws.census.get(&id(ANIMACOOP)).and_then(|i| i.value("nom")),
        Some("Animacoop")
    );
}

#[test]
fn undo_of_a_creation_deletes_it() {
    let mut h = Harness::sample("pays-de-brest");
    enter_a_whole_initiative(&mut h);
    h.keys("enter");
    let new_id = detail_id(&h).expect("created");
    h.keys("u");
    assert_eq!(live_count(&h), 19);
    // The record of a deleted initiative closes on the next key.
    h.keys("j");
    assert!(h.app.views.is_empty());
    assert!(
        h.reopen()
            .census
            .get(&id(&new_id))
            .expect("tombstone")
            .is_deleted()
    );
}

// -------------------------------------------------------------------- help

/// The lines of the help popup, scrolled to show them all.
fn help_text(h: &mut Harness) -> String {
    let mut text = String::new();
    for _ in 0..5 {
        text.push_str(&h.screen(80, 24));
        h.keys("pagedown");
    }
    text
}

#[test]
fn the_help_lists_the_keys_of_the_screen_below() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("?");
    assert!(matches!(h.app.overlay, Some(Overlay::Help(_))));
    assert_eq!(h.app.screen_context(), Context::List);
    let text = help_text(&mut h);
    for line in [
        " /                  chercher (sans accents ni majuscules)",
        " f                  filtrer par type, commune, problème, besoin, stat…",
        " u                  annuler la dernière modification",
        " ?, F1              aide : les touches de cet écran",
    ] {
        assert!(text.contains(line), "`{line}` in\n{text}");
    }
    h.keys("esc");
    assert!(h.app.overlay.is_none());
    // In the record, the record's keys.
    h.keys("enter ?");
    let text = help_text(&mut h);
    assert!(text.contains("Tab "), "{text}");
    assert!(text.contains("passer au panneau suivant"), "{text}");
    assert!(!text.contains("filtrer par type"), "{text}");
}

#[test]
fn the_help_scrolls_when_it_does_not_fit() {
    let mut h = Harness::sample("pays-de-brest");
    // As many lines as the list has keys (with those of every screen): the
    // help shows 16 at a time at 80x24.
    let total = h
        .app
        .core
        .keymap
        .bindings(Context::List)
        .filter(|(_, keys)| !keys.is_empty())
        .count()
        // And the line that leads to the page on working with colleagues.
        + 1;
    assert!(total > 16, "the list has more keys than fit");
    h.keys("?");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains(&format!("Échap, ?, q : retour · 1-16/{total}")),
        "{screen}"
    );
    assert!(!screen.contains("ligne de commande"), "{screen}");
    h.keys("j");
    assert!(h.screen(80, 24).contains(&format!("· 2-17/{total}")));
    h.keys("G");
    let screen = h.screen(80, 24);
    let last = format!("· {}-{total}/{total}", total - 15);
    assert!(screen.contains(&last), "{screen}");
    assert!(screen.contains("ligne de commande"), "{screen}");
    h.keys("j");
    assert!(h.screen(80, 24).contains(&last), "no further than the end");
    h.keys("g");
    assert!(h.screen(80, 24).contains(&format!("· 1-16/{total}")));
    h.keys("q");
    assert!(
        h.app.overlay.is_none(),
        "q closes the help, it does not quit"
    );
    assert!(!h.app.quit);
}

#[test]
fn a_remapped_key_changes_the_help_and_the_hints() {
    let (keymap, problems) =
        KeyMap::default().patched("(list: {\"search\": [\"ctrl-f\"]})", "keys.ron");
    assert!(problems.is_empty(), "{problems:?}");
    let mut h = Harness::sample_with(
        "pays-de-brest",
        Setup {
            keymap,
            ..Setup::default()
        },
    );
    let hints = h.lines(80, 24)[23].clone();
    assert!(hints.contains("Ctrl-f chercher"), "{hints}");
    assert!(!hints.contains("/ chercher"), "{hints}");
    h.keys("?");
    let text = help_text(&mut h);
    assert!(
        text.contains(" Ctrl-f             chercher (sans accents ni majuscules)"),
        "{text}"
    );
    assert!(!text.contains(" /  "), "{text}");
    h.keys("esc /");
    assert_eq!(
        h.app.context(),
        Context::List,
        "`/` does not search any more"
    );
    h.keys("ctrl-f");
    assert_eq!(h.app.context(), Context::Search);
}

#[test]
fn hints_and_help_never_show_a_key_that_types_text() {
    // In a text field `?` and `q` are letters: the hints show F1, and F1 works.
    let mut h = Harness::sample("pays-de-brest");
    h.keys("a");
    h.type_text("Le Quai ?");
    assert!(h.screen(80, 24).contains("> Le Quai ?"));
    assert!(h.app.overlay.is_none());
    h.keys("enter");
    // The kind: a list to pick from, typing narrows it.
    assert_eq!(h.app.context(), Context::Picker);
    let hints = h.lines(80, 24)[23].clone();
    assert!(hints.contains("F1 aide"), "{hints}");
    assert!(!hints.contains("? aide"), "{hints}");
    h.keys("f1");
    assert!(matches!(h.app.overlay, Some(Overlay::Help(_))));
    let text = h.screen(80, 24);
    assert!(text.contains(" F1 "), "{text}");
    assert!(!text.contains("?, F1"), "{text}");
    assert!(!text.contains("│ q "), "{text}");
    h.keys("esc");
    // The filters overlay types text too.
    let mut h = Harness::sample("pays-de-brest");
    h.keys("f");
    let hints = h.lines(60, 20)[19].clone();
    assert!(hints.contains("F1 aide"), "{hints}");
}

// ------------------------------------------------------------ command line

#[test]
fn the_command_line_saves_and_quits() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys(":");
    assert!(matches!(h.app.overlay, Some(Overlay::Command(_))));
    h.type_text("w");
    assert!(h.lines(80, 24)[23].starts_with(":w"));
    h.keys("enter");
    assert_eq!(h.message().as_deref(), Some("enregistré"));
    h.keys(":");
    h.type_text("zz");
    h.keys("enter");
    assert_eq!(h.message().as_deref(), Some("Commande inconnue : zz"));
    assert!(!h.app.quit);
    h.keys(":");
    h.type_text("q");
    h.keys("enter");
    assert!(h.app.quit);
    let mut h = Harness::sample("pays-de-brest");
    h.keys("q");
    assert!(h.app.quit);
}

// ------------------------------------------------------------------- sizes

#[test]
fn below_60x20_a_message_asks_for_a_larger_terminal() {
    let h = Harness::sample("pays-de-brest");
    for (w, hh) in [(59, 19), (59, 20), (60, 19), (59, 24), (80, 19), (40, 10)] {
        let screen = h.screen(w, hh);
        assert!(
            screen.starts_with("Terminal trop petit"),
            "{w}x{hh}:\n{screen}"
        );
        assert!(!screen.contains("initiatives"), "{w}x{hh}:\n{screen}");
    }
    let screen = h.screen(60, 20);
    assert!(!screen.contains("Terminal trop petit"), "{screen}");
    let h = Harness::sample_with(
        "pays-de-brest",
        Setup {
            lang: Lang::En,
            ..Setup::default()
        },
    );
    assert!(
        h.screen(59, 19)
            .starts_with("Terminal too small: enlarge it (at least 60×20).")
    );
}

/// Every screen worth drawing, each in its own app.
fn every_screen() -> Vec<(&'static str, Harness)> {
    let mut screens = Vec::new();
    let mut add = |name: &'static str, keys: &str, text: &str| {
        let mut h = Harness::from_text(&hostile_census(), Setup::default());
        h.keys(keys);
        h.type_text(text);
        screens.push((name, h));
    };
    add("list", "", "");
    add("search", "/", "mediatheque");
    add("no match", "/", "zzzz");
    add("filters", "f", "");
    add("help", "?", "");
    add("delete", "d", "");
    add("command", ":", "w");
    add("detail", "enter", "");
    add("detail bottom", "enter G", "");
    add("edit", "enter e", "");
    add("wizard", "a", "Maison du libre");
    add("wizard picker", "a", "");
    screens.last_mut().expect("added").1.keys("enter");
    let mut h = Harness::from_text(&hostile_census(), Setup::default());
    fill_identity(&mut h, "Maison du libre", "collectif", "Brest");
    h.keys("ctrl-n");
    screens.push(("duplicates", h));
    let mut h = Harness::from_text(&hostile_census(), Setup::default());
    fill_identity(&mut h, "Médiathèque pirate", "mediatheque", "Brest");
    h.keys("ctrl-n enter ctrl-n ctrl-n ctrl-n ctrl-n");
    screens.push(("summary", h));
    let mut h = Harness::from_text(&hostile_census(), Setup::default());
    h.keys("a ctrl-n ctrl-n ctrl-n ctrl-n");
    screens.push(("relations", h));
    screens
}

/// Draws `h` at `w`x`hh` in `terminal` (resized: faster than a new one);
/// says which screen and size if drawing panics.
fn draws(terminal: &mut Terminal<TestBackend>, name: &str, h: &Harness, w: u16, hh: u16) {
    terminal.backend_mut().resize(w, hh);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        terminal
            .draw(|f| recense::tui::draw::draw(&h.app, f))
            .map(|_| ())
    }));
    assert!(
        matches!(result, Ok(Ok(()))),
        "drawing {name} at {w}x{hh} failed"
    );
    assert_eq!(terminal.backend().buffer().area, Rect::new(0, 0, w, hh));
}

fn test_terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(1, 1)).expect("test terminal")
}

/// Whether a size is looked at by the quick sweep: every size where only the
/// "too small" message is drawn; where the full layout is drawn, every width
/// at a few heights, every height at the widths where the layout changes,
/// and a grid in between.
fn quick_size(w: u16, hh: u16) -> bool {
    w < 60
        || hh < 20
        || [20, 21, 24].contains(&hh)
        || [60, 61, 71, 72, 75, 76, 80].contains(&w)
        || (w.is_multiple_of(20) && hh.is_multiple_of(10))
}

#[test]
fn no_size_from_1x1_to_200x60_makes_drawing_panic() {
    // Each size is drawn from one of the screens in turn. A full layout takes
    // milliseconds to draw in a debug build: every screen at every size is
    // the ignored test below (`cargo test --release -- --ignored`).
    let screens = every_screen();
    let mut terminals: Vec<_> = screens.iter().map(|_| test_terminal()).collect();
    let mut n = 0;
    for w in 1..=200u16 {
        for hh in 1..=60u16 {
            if quick_size(w, hh) {
                let k = n % screens.len();
                n += 1;
                let (name, h) = &screens[k];
                draws(&mut terminals[k], name, h, w, hh);
            }
        }
    }
    // And every screen around the sizes where the layout changes.
    for ((name, h), terminal) in screens.iter().zip(&mut terminals) {
        for (w, hh) in [
            (1, 1),
            (2, 2),
            (59, 19),
            (60, 20),
            (61, 21),
            (71, 24),
            (72, 24),
            (75, 22),
            (76, 22),
            (80, 24),
            (200, 60),
        ] {
            draws(terminal, name, h, w, hh);
        }
    }
}

#[test]
#[ignore = "minutes in a debug build: run with --release -- --ignored"]
fn no_size_from_1x1_to_200x60_makes_any_screen_panic() {
    for (name, h) in &every_screen() {
        let mut terminal = test_terminal();
        for w in 1..=200u16 {
            for hh in 1..=60u16 {
                draws(&mut terminal, name, h, w, hh);
            }
        }
    }
}

// ------------------------------------------- language, ASCII, no colour

#[test]
fn english_throughout() {
    let mut h = Harness::sample_with(
        "pays-de-brest",
        Setup {
            lang: Lang::En,
            ..Setup::default()
        },
    );
    let screen = h.screen(80, 24);
    for text in [
        "Filters: no filter",
        "Name▲",
        "Kind",
        "Municipality",
        "saved",
        "? help",
        "Spotted",
    ] {
        assert!(screen.contains(text), "`{text}` in\n{screen}");
    }
    h.keys("enter");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Identify"), "{screen}");
    assert!(
        screen.contains("— by Équipe recense Brest, 2026-11-01"),
        "{screen}"
    );
    h.keys("esc d");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Delete `@-brest (a-brest.net)`?"),
        "{screen}"
    );
    // The answers are those of the keymap, in English.
    assert!(screen.contains("o: yes · n: no"), "{screen}");
    h.keys("n a ctrl-n");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Missing: Name, Kind, Municipality"),
        "{screen}"
    );
}

/// Characters that need a font with box drawing, blocks or symbols.
fn is_fancy(c: char) -> bool {
    matches!(c as u32, 0x2190..=0x21FF | 0x2300..=0x23FF | 0x2500..=0x25FF | 0x2600..=0x26FF)
}

fn fancy_cells(buf: &Buffer) -> Vec<(u16, u16, String)> {
    let area = buf.area;
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let s = buf[(x, y)].symbol();
            if s.chars().any(is_fancy) {
                out.push((x, y, s.to_string()));
            }
        }
    }
    out
}

#[test]
fn ascii_mode_draws_no_box_drawing_or_symbol_glyph() {
    let setup = || Setup {
        theme: Theme::new(true, true),
        ..Setup::default()
    };
    let mut checked = 0;
    // Keys, then a text typed, then keys again.
    for (keys, text, then) in [
        ("", "", ""),
        ("enter", "", ""),
        ("enter tab", "", ""),
        ("/", "pirate", "enter enter"),
        ("f", "", ""),
        ("f space down", "", ""),
        ("?", "", ""),
        ("d", "", ""),
        ("a", "x", ""),
        ("a", "Médiathèque pirate", "enter"),
        ("a", "Médiathèque pirate", "enter enter tab"),
        ("a ctrl-n ctrl-n ctrl-n ctrl-n", "papi", ""),
        ("S", "", ""),
    ] {
        // The census with a long text on several lines (and worse).
        let mut h = Harness::from_text(&hostile_census(), setup());
        h.keys(keys);
        h.type_text(text);
        h.keys(then);
        for (w, hh) in SIZES {
            let buf = h.render(w, hh);
            let fancy = fancy_cells(&buf);
            assert!(
                fancy.is_empty(),
                "`{keys}` at {w}x{hh}: {fancy:?}\n{}",
                h.screen(w, hh)
            );
            checked += 1;
        }
    }
    assert_eq!(checked, 26);
    // Cut names end with three dots.
    let h = Harness::sample_with("pays-de-brest", setup());
    let screen = h.screen(80, 24);
    assert!(!screen.contains('…'), "{screen}");
    assert!(screen.contains("Ressource commune... Brest"), "{screen}");
    // A line break in a long text is marked with ASCII too.
    let mut h = Harness::from_text(&hostile_census(), setup());
    h.keys("/");
    h.type_text("pirate");
    h.keys("enter enter");
    assert!(
        h.screen(120, 40).contains("Ligne 1 / Ligne 2"),
        "{}",
        h.screen(120, 40)
    );
    // The same screens without --ascii do use such glyphs: the check sees them.
    let mut h = Harness::sample("pays-de-brest");
    h.keys("f space");
    assert!(!fancy_cells(&h.render(80, 24)).is_empty());
}

#[test]
fn without_colour_the_selection_is_still_visible() {
    let setup = || Setup {
        theme: Theme::new(false, false),
        ..Setup::default()
    };
    let colourless = |buf: &Buffer| {
        buf.content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    };
    // The list: the selected row, cell by cell, reversed and bold.
    let mut h = Harness::sample_with("pays-de-brest", setup());
    h.keys("j j");
    let buf = h.render(80, 24);
    assert!(colourless(&buf));
    let y = find_row(&buf, "Appel à projets").expect("selected row");
    for x in 0..80 {
        let m = buf[(x, y)].modifier;
        assert!(
            m.contains(Modifier::REVERSED | Modifier::BOLD),
            "cell {x}: {m:?}"
        );
    }
    for other in [y - 1, y + 1] {
        assert!(!row_has(&buf, other, Modifier::REVERSED));
    }
    // The record, the filters, the guided entry and its pickers.
    h.keys("enter j");
    let buf = h.render(80, 24);
    assert!(colourless(&buf));
    let y = find_row(&buf, " Type ").expect("the line under the cursor");
    assert!(row_has(&buf, y, Modifier::REVERSED | Modifier::BOLD));
    h.keys("esc f down");
    let buf = h.render(80, 24);
    assert!(colourless(&buf));
    let y = find_row(&buf, "Membre des CHATONS").expect("filter choice");
    assert!(row_has(&buf, y, Modifier::REVERSED | Modifier::BOLD));
    h.keys("esc a");
    h.type_text("Le Quai");
    h.keys("enter");
    let buf = h.render(80, 24);
    assert!(colourless(&buf));
    let y = buffer_lines(&buf)
        .iter()
        .position(|l| l.starts_with("│Association "))
        .expect("first kind") as u16;
    assert!(row_has(&buf, y, Modifier::REVERSED | Modifier::BOLD));
    let y = find_row(&buf, "1.Identifier").expect("step bar");
    assert_eq!(styled_text(&buf, y, Modifier::REVERSED), "1.Identifier");
}

// ----------------------------------------------------------- untrusted text

fn control_cells(buf: &Buffer) -> Vec<(u16, u16, String)> {
    let area = buf.area;
    let mut out = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let s = buf[(x, y)].symbol();
            if s.chars().any(char::is_control) {
                out.push((x, y, s.escape_debug().to_string()));
            }
        }
    }
    out
}

#[test]
fn escape_sequences_in_the_census_are_shown_inert() {
    for (name, h) in every_screen() {
        for (w, hh) in [(80, 24), (60, 20), (160, 50)] {
            let buf = h.render(w, hh);
            let bad = control_cells(&buf);
            assert!(bad.is_empty(), "{name} at {w}x{hh}: {bad:?}");
        }
    }
    // The name is there, as text.
    let mut h = Harness::from_text(&hostile_census(), Setup::default());
    assert!(
        h.screen(80, 24)
            .contains("Médiathèque \\u{1b}[2J\\u{… Médiathèque")
    );
    assert!(
        h.screen(80, 24)
            .contains("Pays de Brest\\u{1b}]0;titre\\u{7}")
    );
    h.keys("/");
    h.type_text("pirate");
    h.keys("enter enter");
    assert_eq!(detail_id(&h).as_deref(), Some(HOSTILE_ID));
    let screen = h.screen(120, 40);
    assert!(
        screen.contains("┌ Médiathèque \\u{1b}[2J\\u{7}pirate ─"),
        "{screen}"
    );
    assert!(
        screen.contains("Ligne 1 ⏎ Ligne 2\\u{d}\\u{1b}[1A\\u{9b}31m"),
        "{screen}"
    );
    assert!(screen.contains("Mallory\\u{1b}[31m"), "{screen}");
}

#[test]
fn escape_sequences_typed_in_a_field_are_shown_inert() {
    let mut h = Harness::sample("pays-de-brest");
    h.keys("a");
    h.type_text("Nom \u{1b}[2J piégé");
    let buf = h.render(80, 24);
    assert!(control_cells(&buf).is_empty());
    assert!(h.screen(80, 24).contains("> Nom \\u{1b}[2J piégé"));
    h.keys("esc /");
    h.type_text("\u{1b}[31m");
    assert!(control_cells(&h.render(80, 24)).is_empty());
}

// ------------------------------------------------------------------ helpers

fn row_has(buf: &Buffer, y: u16, modifier: Modifier) -> bool {
    (buf.area.left()..buf.area.right()).any(|x| buf[(x, y)].modifier.contains(modifier))
}

/// The text of the cells of a row having `modifier`, trimmed.
fn styled_text(buf: &Buffer, y: u16, modifier: Modifier) -> String {
    styled_runs(buf, modifier)
        .into_iter()
        .filter(|(row, _, _)| *row == y)
        .map(|(_, _, text)| text)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn journal_and_reopen_agree_after_several_changes() {
    let mut h = Harness::sample("pays-de-brest");
    select(&mut h, "Tela Botanica");
    h.keys("d o");
    select(&mut h, "Wiki-Brest");
    h.keys("enter e ctrl-u");
    h.type_text("Wiki-Brest (wiki de territoire)");
    h.keys("enter esc");
    let ws = h.reopen();
    assert_eq!(
        ws.report.journal, 2,
        "two changes replayed from the journal"
    );
    assert_eq!(ws.census.live().count(), 18);
    let names: Vec<&str> = ws.census.live().filter_map(|i| i.value("nom")).collect();
    assert!(names.contains(&"Wiki-Brest (wiki de territoire)"));
    // Writing the whole file empties the journal.
    h.keys(":");
    h.type_text("w");
    h.keys("enter");
    assert!(!journal_path(&h.path).exists());
    assert_eq!(h.reopen().census.live().count(), 18);
}
