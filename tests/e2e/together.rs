//! Several people on one census at once (docs/concurrency.md): two
//! interface sessions in their own terminals and a command-line writer in a
//! loop, on one file. Every acknowledged change ends in the file; the only
//! conflict is the one edit of a field made while another session changed
//! it; each session sees the others' changes without a key pressed.

use crate::sandbox as e2e;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use e2e::{Sandbox, Session, json, selected_lines};

const FILE: &str = "census.ron";
const NAMES: [&str; 3] = ["Alpha Numérique", "Bêta Fablab", "Gamma Médiathèque"];

/// A census of the three initiatives of [`NAMES`]; their ids, in order.
fn census(sb: &Sandbox) -> Vec<String> {
    sb.cli_ok(&["init", FILE, "--territory", "Pays de Brest", "--as", "Yann"]);
    NAMES
        .iter()
        .map(|name| {
            sb.cli_ok(&[
                "--file",
                FILE,
                "--as",
                "Yann",
                "add",
                "--set",
                &format!("nom={name}"),
                "--set",
                "type=fablab",
                "--set",
                "commune=Brest",
            ])
            .trim()
            .to_string()
        })
        .collect()
}

/// A small deterministic sequence of picks (no clock, no OS randomness:
/// a failure replays the same).
struct Picks(u64);

impl Picks {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Sets the flag when dropped, even by a panic.
struct StopOnDrop<'a>(&'a AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Goes to the top, where `first` is: waited for, so that a key sent next
/// is not handled before.
fn top(s: &Session, first: &str) {
    s.key("g");
    s.wait_until_styled(&format!("{first} selected"), |sc| {
        selected_lines(sc).iter().any(|l| l.contains(first))
    });
}

/// Opens the record `name` from the list.
fn open(s: &Session, name: &str) {
    top(s, NAMES[0]);
    s.select_line("Down", name, 5);
    s.key("Enter");
    // The record's title, and who changed the selected line beneath it.
    s.wait_for_all(&[&format!("┌ {name} "), "— par"]);
}

/// Opens the editor of the field `label` of the open record.
fn start_editing(s: &Session, label: &str) {
    top(s, "Nom");
    s.select_line("Down", label, 30);
    s.press("e", "┌ Modifier");
    s.key("C-u");
}

/// Types `value` into the open editor and validates it; waits until the
/// record shows it.
fn validate(s: &Session, label: &str, value: &str) {
    s.type_text(value);
    // A long text (the description) is a text area: Enter breaks the line
    // there, Ctrl-s validates.
    if label == "Description" {
        s.wait_for(value);
        s.key("C-s");
    } else {
        s.wait_for(&format!("> {value}"));
        s.key("Enter");
    }
    s.wait_until(&format!("{label} = {value} saved and shown"), |sc| {
        !sc.contains("┌ Modifier") && sc.lines().any(|l| l.contains(label) && l.contains(value))
    });
}

/// Changes one field of one record, from the list and back to it.
fn edit(s: &Session, name: &str, label: &str, value: &str) {
    open(s, name);
    start_editing(s, label);
    validate(s, label, value);
    s.press("Escape", "Nom▲");
}

fn field(sb: &Sandbox, id: &str, field: &str) -> serde_json::Value {
    let shown = json(&sb.cli_ok(&["--file", FILE, "show", id, "--format", "json"]));
    shown["fields"][field].clone()
}

#[test]
fn two_sessions_and_a_command_line_writer_lose_nothing() {
    let sb = Sandbox::new();
    let ids = census(&sb);
    let a = Session::start(&sb, &["--as", "Marie", FILE]);
    a.wait_for("Gamma Médiathèque");
    let b = Session::start(&sb, &["--as", "Pierre", FILE]);
    // Each says who else is there; Marie's without a key pressed.
    b.wait_for("aussi ouvert par : Marie");
    a.wait_for("aussi ouvert par : Pierre");
    assert!(
        !sb.path("census.ron.lock").exists(),
        "the lock is held only while writing"
    );

    // (initiative, field) → the last value acknowledged.
    let mut expected: BTreeMap<(usize, &str), String> = BTreeMap::new();
    let stop = AtomicBool::new(false);
    let mut picks = Picks(20);
    let (mut by_a, mut by_b) = (0, 0);
    let script = std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            let mut picks = Picks(7);
            let mut last: BTreeMap<usize, String> = BTreeMap::new();
            let (mut written, mut refused) = (0, 0);
            while !stop.load(Ordering::SeqCst) {
                let n = picks.next(ids.len());
                let value = format!("script-{written}");
                let out = sb.cli(&[
                    "--file",
                    FILE,
                    "--as",
                    "Script",
                    "edit",
                    &ids[n],
                    "--set",
                    &format!("notes={value}"),
                ]);
                if out.status.success() {
                    last.insert(n, value);
                    written += 1;
                } else {
                    refused += 1;
                    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
                }
                // A script's pace, not a denial of service on two cores.
                std::thread::sleep(Duration::from_millis(150));
            }
            (last, written, refused)
        });
        // A failed step stops the writer too (the scope waits for it).
        let _stop = StopOnDrop(&stop);
        for round in 0..6 {
            let n = picks.next(NAMES.len());
            eprintln!("round {round}");
            let value = format!("a{round}-adresse");
            edit(&a, NAMES[n], "Adresse", &value);
            expected.insert((n, "adresse"), value);
            by_a += 1;
            let n = picks.next(NAMES.len());
            let value = format!("b{round}-description");
            edit(&b, NAMES[n], "Description", &value);
            expected.insert((n, "description"), value);
            by_b += 1;
        }
        // The same field, one after the other: no conflict.
        edit(&b, NAMES[0], "Adresse", "b-apres-a");
        expected.insert((0, "adresse"), "b-apres-a".into());
        by_b += 1;
        // The same field at the same time: Marie's editor is open while
        // Pierre changes it.
        expected.remove(&(2, "adresse"));
        open(&a, NAMES[2]);
        start_editing(&a, "Adresse");
        edit(&b, NAMES[2], "Adresse", "b-en-meme-temps");
        validate(&a, "Adresse", "a-en-meme-temps");
        by_a += 1;
        by_b += 1;
        stop.store(true, Ordering::SeqCst);
        writer.join().expect("the writer")
    });
    let (notes, written, refused) = script;
    assert_eq!(refused, 0, "a write of the command line was refused");
    assert!(written > 0);

    // Marie sees a change of the command line without a key pressed.
    sb.cli_ok(&[
        "--file",
        FILE,
        "--as",
        "Script",
        "edit",
        &ids[2],
        "--set",
        "description=vu-sans-touche",
    ]);
    a.wait_for("vu-sans-touche");
    expected.insert((2, "description"), "vu-sans-touche".into());

    a.press("Escape", "Nom▲");
    a.key("q");
    b.key("q");
    assert_eq!(a.wait_exit(), 0);
    assert_eq!(b.wait_exit(), 0);

    // Every acknowledged change is in the file.
    for ((n, f), value) in &expected {
        assert_eq!(field(&sb, &ids[*n], f), value.as_str(), "{} {f}", NAMES[*n]);
    }
    for (n, value) in &notes {
        assert_eq!(
            field(&sb, &ids[*n], "notes"),
            value.as_str(),
            "{} notes",
            NAMES[*n]
        );
    }
    // The conflicts are exactly the edit made at the same time.
    let conflicts = json(&sb.cli_ok(&["--file", FILE, "conflicts", "--format", "json"]));
    let conflicts = conflicts.as_array().expect("a list");
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    assert_eq!(conflicts[0]["id"], ids[2].as_str());
    assert_eq!(conflicts[0]["field"], "adresse");
    let mut values: Vec<String> = conflicts[0]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_str().unwrap_or_default().to_string())
        .collect();
    values.sort();
    assert_eq!(values, ["a-en-meme-temps", "b-en-meme-temps"]);
    // Nothing left beside the census: no lock, journal or presence.
    let left: Vec<String> = sb
        .files_in(&sb.work())
        .into_iter()
        .filter(|f| f.contains(".lock") || f.contains(".journal") || f.contains(".presence"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    eprintln!(
        "sessions: 2 interfaces + 1 command line; edits: {by_a} + {by_b} + {} acknowledged, lost 0",
        written + 1
    );
}
