//! The join-on-save path: sessions of the interface sharing one census
//! file, with commands writing it meanwhile.

use std::path::{Path, PathBuf};

use super::*;
use crate::census::file::journal;
use crate::census::id::AgentId;
use crate::census::ops::parse_assignments;
use crate::census::session::Undone;
use crate::census::store;

fn agent(id: &str, name: &str) -> Agent {
    Agent {
        id: AgentId::parse(id).unwrap(),
        name: name.into(),
    }
}

/// A census of three generated initiatives in a folder of its own.
fn census() -> (tempfile::TempDir, PathBuf, InitiativeId) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.ron");
    let schema = crate::census::Schema::default_schema();
    let census = crate::dev::generate(&schema, 3, 1);
    let id = census.initiatives[0].id.clone();
    store::create(&path, &census).unwrap();
    (dir, path, id)
}

/// Sets `field=value` on `id` in session `s` and writes it as the
/// interface does (`persist`).
fn set(s: &mut Session, id: &InitiativeId, field: &str, value: &str) {
    let changes = changes(s, id, field, value);
    assert!(s.edit(id, &changes).unwrap());
    s.persist(id).unwrap();
}

fn changes(s: &Session, id: &InitiativeId, field: &str, value: &str) -> Changes {
    let a = [format!("{field}={value}")];
    Changes::set(parse_assignments(&s.ws.schema, &s.ws.census, &a, Some(id)).unwrap())
}

fn on_disk(path: &Path, id: &InitiativeId, field: &str) -> Vec<String> {
    let (census, _) = store::load(path).unwrap();
    let i = census.get(id).unwrap();
    i.values(field).into_iter().map(String::from).collect()
}

/// Only what is in the file itself, journals aside.
fn in_file(path: &Path, id: &InitiativeId, field: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let (census, _) = crate::census::file::parse(&text, "c.ron").unwrap();
    let i = census.get(id).unwrap();
    i.values(field).into_iter().map(String::from).collect()
}

/// The pid of a process that has ended.
fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

#[test]
fn alone_a_session_journals_and_every_reader_sees_it() {
    let (_dir, path, id) = census();
    let mut a = Session::open_shared(&path, agent("aaaaa", "Marie")).unwrap();
    assert!(!store::lock_path(&path).exists(), "the lock is not held");
    set(&mut a, &id, "notes", "vu au forum");
    // Alone: the change is in its own journal, not yet in the file…
    assert!(a.own_journal().unwrap().exists());
    assert_ne!(in_file(&path, &id, "notes"), vec!["vu au forum"]);
    // …and every reader sees it.
    assert_eq!(on_disk(&path, &id, "notes"), vec!["vu au forum"]);
    a.save_changes().unwrap();
    assert_eq!(in_file(&path, &id, "notes"), vec!["vu au forum"]);
    assert!(!a.own_journal().unwrap().exists(), "the journal is emptied");
    a.leave();
    assert!(!presence::presence_path(&path).exists());
}

#[test]
fn two_sessions_and_a_command_lose_nothing() {
    let (_dir, path, id) = census();
    let mut a = Session::open_shared(&path, agent("aaaaa", "Marie")).unwrap();
    set(&mut a, &id, "notes", "de Marie");
    let mut b = Session::open_shared(&path, agent("bbbbb", "Pierre")).unwrap();
    assert_eq!(b.others().len(), 1);
    assert_eq!(b.others()[0].name, "Marie");
    // B opened after A's change: it has it (from A's journal).
    assert_eq!(
        b.ws.census.get(&id).unwrap().values("notes"),
        vec!["de Marie"]
    );
    // Someone else is there: B's change goes into the file at once.
    set(&mut b, &id, "adresse", "1 rue de Pierre");
    assert_eq!(in_file(&path, &id, "adresse"), vec!["1 rue de Pierre"]);
    // A command writes meanwhile, as `recense edit` does.
    let mut cli = Session::open_for_writing(&path, agent("ccccc", "Script")).unwrap();
    let c = changes(&cli, &id, "description", "du script");
    cli.edit(&id, &c).unwrap();
    cli.save().unwrap();
    cli.close();
    // A sees both without doing anything but refresh.
    assert!(a.refresh().unwrap());
    let i = a.ws.census.get(&id).unwrap();
    assert_eq!(i.values("adresse"), vec!["1 rue de Pierre"]);
    assert_eq!(i.values("description"), vec!["du script"]);
    assert_eq!(i.values("notes"), vec!["de Marie"]);
    set(&mut a, &id, "telephone", "+33298000000");
    a.save_changes().unwrap();
    b.save_changes().unwrap();
    for (field, value) in [
        ("notes", "de Marie"),
        ("adresse", "1 rue de Pierre"),
        ("description", "du script"),
        ("telephone", "+33298000000"),
    ] {
        assert_eq!(in_file(&path, &id, field), vec![value], "{field}");
    }
    let (census, _) = store::load(&path).unwrap();
    let schema = crate::census::Schema::default_schema();
    assert!(crate::census::conflicts::conflicts(&census, &schema).is_empty());
}

#[test]
fn the_same_field_edited_at_once_is_a_conflict_and_only_then() {
    let (_dir, path, id) = census();
    let mut a = Session::open_shared(&path, agent("aaaaa", "Marie")).unwrap();
    let mut b = Session::open_shared(&path, agent("bbbbb", "Pierre")).unwrap();
    // Marie opens the editor of the name; Pierre changes it meanwhile.
    a.note_editing(&id);
    set(&mut b, &id, "nom", "Nom de Pierre");
    assert!(a.refresh().unwrap());
    let c = changes(&a, &id, "nom", "Nom de Marie");
    assert!(a.edit_as_seen(&id, &c).unwrap());
    a.persist(&id).unwrap();
    let i = a.ws.census.get(&id).unwrap();
    assert!(i.is_conflict("nom"), "{:?}", i.values("nom"));
    let mut names = on_disk(&path, &id, "nom");
    names.sort();
    assert_eq!(names, vec!["Nom de Marie", "Nom de Pierre"]);
    // Opened after Pierre's change was shown: an ordinary write.
    b.refresh().unwrap();
    b.note_editing(&id);
    let c = changes(&b, &id, "nom", "Nom réglé");
    assert!(b.edit_as_seen(&id, &c).unwrap());
    b.persist(&id).unwrap();
    assert_eq!(on_disk(&path, &id, "nom"), vec!["Nom réglé"]);
    // A different field edited at once merges without a conflict.
    a.refresh().unwrap();
    a.note_editing(&id);
    set(&mut b, &id, "adresse", "2 rue");
    a.refresh().unwrap();
    let c = changes(&a, &id, "notes", "à jour");
    a.edit_as_seen(&id, &c).unwrap();
    a.persist(&id).unwrap();
    let i = a.ws.census.get(&id).unwrap();
    assert!(!i.is_conflict("adresse") && !i.is_conflict("notes") && !i.is_conflict("nom"));
    assert_eq!(i.values("adresse"), vec!["2 rue"]);
}

#[test]
fn one_person_in_two_sessions_never_reuses_a_dot() {
    let (_dir, path, id) = census();
    let marie = agent("aaaaa", "Marie");
    let mut a = Session::open_shared(&path, marie.clone()).unwrap();
    set(&mut a, &id, "notes", "première fenêtre");
    let mut b = Session::open_shared(&path, marie.clone()).unwrap();
    set(&mut b, &id, "adresse", "seconde fenêtre");
    // A command of the same person, between the two.
    let mut cli = Session::open_for_writing(&path, marie).unwrap();
    let c = changes(&cli, &id, "description", "commande");
    cli.edit(&id, &c).unwrap();
    cli.save().unwrap();
    cli.close();
    a.begin_key().unwrap();
    set(&mut a, &id, "telephone", "+33298000001");
    a.end_key();
    assert!(!store::lock_path(&path).exists());
    a.save_changes().unwrap();
    b.save_changes().unwrap();
    for (field, value) in [
        ("notes", "première fenêtre"),
        ("adresse", "seconde fenêtre"),
        ("description", "commande"),
        ("telephone", "+33298000001"),
    ] {
        assert_eq!(in_file(&path, &id, field), vec![value], "{field}");
    }
}

#[test]
fn undo_takes_back_only_the_sessions_own_change() {
    let (_dir, path, id) = census();
    let mut a = Session::open_shared(&path, agent("aaaaa", "Marie")).unwrap();
    let mut b = Session::open_shared(&path, agent("bbbbb", "Pierre")).unwrap();
    let before = a.ws.census.get(&id).unwrap().values("notes").join("");
    set(&mut a, &id, "notes", "de Marie");
    b.refresh().unwrap();
    set(&mut b, &id, "adresse", "3 rue de Pierre");
    a.refresh().unwrap();
    assert!(matches!(a.undo(), Undone::Initiative(_, Ok(()))));
    a.persist(&id).unwrap();
    assert_eq!(on_disk(&path, &id, "notes").join(""), before);
    assert_eq!(on_disk(&path, &id, "adresse"), vec!["3 rue de Pierre"]);
}

#[test]
fn a_session_that_died_is_recovered_and_a_running_one_is_left_alone() {
    let (_dir, path, id) = census();
    let mut a = Session::open_shared(&path, agent("aaaaa", "Marie")).unwrap();
    set(&mut a, &id, "notes", "avant la panne");
    // Marie's session dies: its journal stays, under a process gone.
    let dead = dead_pid();
    let host = store::host_tag();
    let dead_journal = path.with_file_name(format!("c.ron.journal.{dead}-{host}"));
    std::fs::rename(a.own_journal().unwrap(), &dead_journal).unwrap();
    drop(a);
    // A running session (pid 1 runs) has a change in its journal too.
    let running = path.with_file_name(format!("c.ron.journal.1-{host}"));
    let mut other = store::load(&path).unwrap().0;
    let schema = crate::census::Schema::default_schema();
    let a2 = [String::from("adresse=en cours")];
    let c = Changes::set(parse_assignments(&schema, &other, &a2, Some(&id)).unwrap());
    let pierre = agent("bbbbb", "Pierre");
    other
        .edit_initiative(&schema, &id, &pierre, &c, crate::census::time::Timestamp(9))
        .unwrap();
    journal::append_to(&running, &other, &id).unwrap();

    let mut b = Session::open_shared(&path, agent("ccccc", "Yann")).unwrap();
    assert_eq!(in_file(&path, &id, "notes"), vec!["avant la panne"]);
    assert!(
        !dead_journal.exists(),
        "the dead session's journal is written"
    );
    assert!(running.exists(), "a running session's journal is its own");
    let i = b.ws.census.get(&id).unwrap();
    assert_eq!(i.values("adresse"), vec!["en cours"]);
    b.leave();
}
