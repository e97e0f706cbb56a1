//! Several sessions on one census (docs/concurrency.md): the time of one
//! validated edit in the interface (`Core::edit`: the change, then its
//! write) on a generated census, alone as before (journal only, no lock),
//! alone as now (the short lock around the journal), with a second session
//! open (the file written at each edit, joined with the disk), and with a
//! command-line writer (`recense edit` in a loop) changing the file
//! meanwhile; then the time another session takes to see it.
//!
//! `cargo bench --bench sharing` (add `-- 1000` to pick sizes; default 10k).

mod common;

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::ms;

use recense::census::ops::{Changes, FieldValues};
use recense::census::workspace::Workspace;
use recense::census::{Agent, AgentId, InitiativeId, Schema, store};
use recense::i18n::Lang;
use recense::tui::app::Core;
use recense::tui::keymap::KeyMap;
use recense::tui::theme::Theme;

const EDITS: usize = 15;

fn agent(name: &str) -> Agent {
    Agent {
        id: AgentId::from_name(name),
        name: name.to_string(),
    }
}

/// The interface over the census, shared with other sessions.
fn shared(path: &Path, name: &str) -> Core {
    Core::open(
        path,
        agent(name),
        Lang::Fr,
        Theme::new(true, false),
        KeyMap::default(),
    )
    .expect("open")
}

/// The interface over the census as before: no sharing, journal only.
fn unshared(path: &Path) -> Core {
    let ws = Workspace::open(path).expect("open");
    Core::new(
        ws,
        agent("Seule"),
        Lang::Fr,
        Theme::new(true, false),
        KeyMap::default(),
        None,
    )
}

fn note(value: String) -> Changes {
    Changes::set(vec![FieldValues {
        field: "notes".into(),
        values: vec![value],
    }])
}

/// Median and slowest of `EDITS` edits of `core`, the initiatives in turn.
fn edits(core: &mut Core, ids: &[InitiativeId], tag: &str) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..EDITS)
        .map(|k| {
            let id = &ids[k % ids.len()];
            let start = Instant::now();
            core.edit(id, &note(format!("{tag}-{k}"))).expect("edit");
            start.elapsed()
        })
        .collect();
    assert!(core.session.saved, "an edit was not saved");
    times.sort();
    (times[times.len() / 2], times[times.len() - 1])
}

fn main() {
    let sizes = common::sizes(&[10_000]);
    let schema = Schema::default_schema();
    println!(
        "| initiatives | case | edit, median | edit, slowest | writes of the command line meanwhile |"
    );
    println!("|---:|---|---:|---:|---:|");
    for n in sizes {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("census.ron");
        let census = recense::dev::generate(&schema, n, 42);
        let ids: Vec<InitiativeId> = census.initiatives[..5]
            .iter()
            .map(|i| i.id.clone())
            .collect();
        store::save(&path, &census).expect("save");
        drop(census);
        let row = |case: &str, (median, slowest): (Duration, Duration), writes: usize| {
            println!(
                "| {n} | {case} | {} | {} | {writes} |",
                ms(median),
                ms(slowest)
            );
        };

        let mut before = unshared(&path);
        row(
            "alone, as before (journal)",
            edits(&mut before, &ids, "avant"),
            0,
        );
        before.save_changes();
        drop(before);

        let mut alone = shared(&path, "Marie");
        row(
            "alone, shared (lock + journal)",
            edits(&mut alone, &ids, "seule"),
            0,
        );
        alone.save_changes();

        let mut other = shared(&path, "Pierre");
        row(
            "two sessions (file written)",
            edits(&mut alone, &ids, "deux"),
            0,
        );

        let stop = AtomicBool::new(false);
        let writes = AtomicUsize::new(0);
        let timed = std::thread::scope(|scope| {
            scope.spawn(|| {
                let target = ids[ids.len() - 1].to_string();
                let file = path.display().to_string();
                while !stop.load(Ordering::SeqCst) {
                    let k = writes.load(Ordering::SeqCst);
                    let out = std::process::Command::new(env!("CARGO_BIN_EXE_recense"))
                        .args(["--file", &file, "--as", "Script", "edit", &target])
                        .args(["--set", &format!("description=script-{k}")])
                        .output()
                        .expect("recense edit");
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                    writes.fetch_add(1, Ordering::SeqCst);
                }
            });
            let timed = edits(&mut alone, &ids[..4], "concurrent");
            stop.store(true, Ordering::SeqCst);
            timed
        });
        row(
            "two sessions + a command-line writer",
            timed,
            writes.load(Ordering::SeqCst),
        );
        // The other session takes in what came (a notification's work).
        let start = Instant::now();
        assert!(other.take_in_others(), "nothing came in");
        println!(
            "| {n} | the other session takes it in | {} | | |",
            ms(start.elapsed())
        );
        other.save_changes();
        alone.save_changes();
        other.session.leave();
        alone.session.leave();
    }
}
