//! The interface's part of merging: `:merge FILE` with its summary, the
//! conflicts badge and screen, the duplicates screen.

use crate::tui_common;

use recense::census::model::Value;
use recense::census::store;
use recense::census::time::Timestamp;
use recense::census::{AgentId, InitiativeId, file};
use recense::tui::app::View;
use tui_common::*;

/// Infini in the Pays de Brest sample.
const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";

/// A colleague's copy of the sample where Yann wrote `telephone` of Infini,
/// saved beside the census as `yann.ron`.
fn colleague_file(h: &Harness, phone: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(sample_path("pays-de-brest")).unwrap();
    let (mut theirs, _) = file::parse(&text, "yann.ron").unwrap();
    let yann = AgentId::parse("yannn").unwrap();
    theirs.agents.insert(yann, "Yann".into());
    let i = theirs
        .get_mut(&InitiativeId::parse(INFINI).unwrap())
        .unwrap();
    let dot = i.next_dot(yann).expect("a small counter");
    i.write(
        "telephone",
        Value::text(phone),
        dot,
        Timestamp::parse("2026-11-30T09:00:00Z").unwrap(),
    );
    let path = h.dir.path().join("yann.ron");
    store::save(&path, &theirs).unwrap();
    path
}

/// The screen at both sizes, as a snapshot (the temporary folder's path
/// replaced, it changes from run to run).
fn snap(h: &Harness, name: &str) {
    let dir = h.dir.path().display().to_string();
    snap!(h, name, &[(dir.as_str(), "TMP")]);
}

/// The sample, Camille's phone of Infini, and Yann's file merged in: one
/// conflict.
fn with_a_conflict() -> Harness {
    let mut h = Harness::sample("pays-de-brest");
    let theirs = colleague_file(&h, "+33298000002");
    let id = InitiativeId::parse(INFINI).unwrap();
    let set = recense::census::ops::parse_assignments(
        &h.app.core.session.ws.schema,
        &h.app.core.session.ws.census,
        &["telephone=02 98 00 00 01".into()],
        Some(&id),
    )
    .unwrap();
    h.app
        .core
        .edit(&id, &recense::census::ops::Changes::set(set))
        .unwrap();
    merge(&mut h, &theirs);
    h
}

#[test]
fn conflicts_screen_snapshot() {
    let mut h = with_a_conflict();
    snap(&h, "merge_summary_and_badge");
    h.keys("C");
    snap(&h, "conflicts");
}

#[test]
fn duplicates_screen_snapshot() {
    let census = brest_with(
        ("annee", "Anne"),
        &[(
            "01M9000000000000000000000A",
            &[
                ("nom", "Infini"),
                ("type", "chatons"),
                ("commune", "Brest"),
                ("telephone", "+33298000009"),
            ],
        )],
    );
    let mut h = Harness::from_text(&file::to_canonical(&census), Setup::default());
    h.keys("D");
    snap(&h, "duplicates");
    h.keys("s");
    snap(&h, "duplicates_swapped");
}

fn merge(h: &mut Harness, path: &std::path::Path) {
    h.keys(":")
        .type_text(&format!("merge {}", path.display()))
        .keys("enter");
}

#[test]
fn merging_from_the_command_line_says_what_it_did_and_shows_the_badge() {
    let mut h = Harness::sample("pays-de-brest");
    let theirs = colleague_file(&h, "+33298000002");
    // Camille changes the same phone, without having seen Yann's change.
    let id = InitiativeId::parse(INFINI).unwrap();
    let set = recense::census::ops::parse_assignments(
        &h.app.core.session.ws.schema,
        &h.app.core.session.ws.census,
        &["telephone=02 98 00 00 01".into()],
        Some(&id),
    )
    .unwrap();
    h.app
        .core
        .edit(&id, &recense::census::ops::Changes::set(set))
        .unwrap();
    assert_eq!(h.app.core.conflicts, 0);

    merge(&mut h, &theirs);
    let message = h.message().expect("a summary");
    assert!(
        message.contains("0 nouvelle, 1 mise à jour, 1 conflit"),
        "{message}"
    );
    assert_eq!(h.app.core.conflicts, 1);
    let screen = h.screen(80, 24);
    assert!(screen.contains("⚠ 1 conflit (C)"), "{screen}");
    // The merge is on disk.
    let ws = h.reopen();
    assert_eq!(ws.census.get(&id).unwrap().values("telephone").len(), 2);
}

#[test]
fn a_conflict_is_settled_from_its_screen_and_the_badge_goes() {
    let mut h = Harness::sample("pays-de-brest");
    let theirs = colleague_file(&h, "+33298000002");
    let id = InitiativeId::parse(INFINI).unwrap();
    let set = recense::census::ops::parse_assignments(
        &h.app.core.session.ws.schema,
        &h.app.core.session.ws.census,
        &["telephone=02 98 00 00 01".into()],
        Some(&id),
    )
    .unwrap();
    h.app
        .core
        .edit(&id, &recense::census::ops::Changes::set(set))
        .unwrap();
    merge(&mut h, &theirs);

    h.keys("C");
    assert!(matches!(h.app.views.last(), Some(View::Conflicts(_))));
    let screen = h.screen(80, 24);
    assert!(screen.contains("Conflits à régler"), "{screen}");
    assert!(
        screen.contains("« Téléphone générique » modifié en parallèle"),
        "{screen}"
    );
    // Both values, with who and when; the most recently dated first.
    let yann = screen
        .lines()
        .position(|l| l.contains("+33298000002") && l.contains("Yann"))
        .expect("Yann's value");
    let camille = screen
        .lines()
        .position(|l| l.contains("+33298000001") && l.contains("Camille"))
        .expect("Camille's value");
    assert!(camille < yann, "Camille's is the latest: {screen}");
    // Keep Yann's value (the second choice).
    h.keys("j enter");
    assert_eq!(h.message().as_deref(), Some("Conflit réglé"));
    assert_eq!(h.app.core.conflicts, 0);
    assert!(h.screen(80, 24).contains("Aucun conflit"));
    assert!(!h.screen(80, 24).contains("⚠"));
    let ws = h.reopen();
    assert_eq!(
        ws.census.get(&id).unwrap().values("telephone"),
        vec!["+33298000002"]
    );
}

#[test]
fn a_new_value_can_settle_a_conflict() {
    let mut h = Harness::sample("pays-de-brest");
    let theirs = colleague_file(&h, "+33298000002");
    let id = InitiativeId::parse(INFINI).unwrap();
    let set = recense::census::ops::parse_assignments(
        &h.app.core.session.ws.schema,
        &h.app.core.session.ws.census,
        &["telephone=02 98 00 00 01".into()],
        Some(&id),
    )
    .unwrap();
    h.app
        .core
        .edit(&id, &recense::census::ops::Changes::set(set))
        .unwrap();
    merge(&mut h, &theirs);
    h.keys("C j j enter");
    assert!(h.screen(80, 24).contains("Modifier"), "an editor opens");
    h.keys("ctrl-u").type_text("02 98 11 11 11").keys("enter");
    assert_eq!(h.app.core.conflicts, 0);
    assert_eq!(
        h.reopen().census.get(&id).unwrap().values("telephone"),
        vec!["+33298111111"]
    );
}

#[test]
fn a_file_that_cannot_be_merged_is_explained_and_nothing_changes() {
    let mut h = Harness::sample("pays-de-brest");
    let before = std::fs::read(&h.path).unwrap();
    let theirs = colleague_file(&h, "+33298000002");
    let text = std::fs::read_to_string(&theirs).unwrap();
    std::fs::write(&theirs, &text[..text.len() / 2]).unwrap();
    merge(&mut h, &theirs);
    let message = h.message().unwrap();
    assert!(message.contains("tronqué"), "{message}");
    assert_eq!(std::fs::read(&h.path).unwrap(), before);
    h.keys(":").type_text("merge").keys("enter");
    assert!(h.message().unwrap().contains("Usage : :merge FICHIER"));
}

#[test]
fn duplicates_are_shown_side_by_side_and_fused() {
    // A second record of Infini, by another agent, with a different phone.
    let census = brest_with(
        ("annee", "Anne"),
        &[(
            "01M9000000000000000000000A",
            &[
                ("nom", "Infini"),
                ("type", "chatons"),
                ("commune", "Brest"),
                ("telephone", "+33298000009"),
                ("roles", "academique"),
            ],
        )],
    );
    let mut h = Harness::from_text(&file::to_canonical(&census), Setup::default());
    let before = h.app.core.session.ws.census.live().count();
    h.keys("D");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Doublons possibles"), "{screen}");
    assert!(
        screen.contains("Infini") && screen.contains("nom proche dans la même commune"),
        "{screen}"
    );
    assert!(
        screen.contains("Gardée") && screen.contains("Reprise dedans"),
        "{screen}"
    );
    assert!(
        screen.contains("02 98 00 00 09"),
        "the other record's values are shown: {screen}"
    );
    h.keys("f");
    assert!(
        h.message().unwrap().starts_with("Fusionnées"),
        "{:?}",
        h.message()
    );
    assert_eq!(h.app.core.session.ws.census.live().count(), before - 1);
    assert!(h.screen(80, 24).contains("Aucun doublon possible"));
    // The fusion is on disk, with its redirect.
    let ws = h.reopen();
    assert_eq!(ws.census.live().count(), before - 1);
}

#[test]
fn not_a_duplicate_is_remembered() {
    let census = brest_with(
        ("annee", "Anne"),
        &[(
            "01M9000000000000000000000A",
            &[("nom", "Infini"), ("type", "chatons"), ("commune", "Brest")],
        )],
    );
    let mut h = Harness::from_text(&file::to_canonical(&census), Setup::default());
    h.keys("D n");
    assert!(
        h.message()
            .unwrap()
            .contains("deux initiatives différentes")
    );
    h.keys("esc D");
    assert!(
        h.screen(80, 24).contains("Aucun doublon possible"),
        "the pair is not proposed again"
    );
    let ws = h.reopen();
    assert_eq!(
        recense::census::duplicates::all_pairs(&ws.census, &ws.schema).len(),
        0
    );
}

#[test]
fn merging_names_a_block_deleted_by_hand_that_comes_back() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/received");
    let text = std::fs::read_to_string(format!("{fixtures}/census-hand-deleted.ron")).unwrap();
    let mut h = Harness::from_text(&text, Setup::default());
    merge(
        &mut h,
        std::path::Path::new(&format!("{fixtures}/census-with-footer.ron")),
    );
    let message = h.message().expect("a summary");
    assert!(
        message.contains(
            "« Médiathèque des Capucins » (01M8KBYJ80YC2KZ7P4Z8FE4ZYJ) avait été supprimée à la main du fichier"
        ),
        "{message}"
    );
}

#[test]
fn merging_keeps_a_value_changed_by_hand_in_the_census_open_in_the_interface() {
    // The census open in the interface had Infini's name changed in vim
    // (the stamp kept, the value new); Yann's copy holds the old name, which
    // he has seen. The merge must adopt the hand edit first, as `recense
    // merge` does, or the join drops both names.
    let text = std::fs::read_to_string(sample_path("pays-de-brest"))
        .unwrap()
        .replacen(
            "(\"Infini (Internet Finistère)\", \"ch2nf:1",
            "(\"Infini\", \"ch2nf:1",
            1,
        );
    let mut h = Harness::from_text(&text, Setup::default());
    let theirs = colleague_file(&h, "+33298000002");
    merge(&mut h, &theirs);
    let id = InitiativeId::parse(INFINI).unwrap();
    let ws = h.reopen();
    assert_eq!(ws.census.get(&id).unwrap().values("nom"), vec!["Infini"]);
}
