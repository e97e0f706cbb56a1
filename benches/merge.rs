//! Merging two 10k-initiative censuses that share 9k initiatives, with 1k
//! concurrent edits: the join itself, and the whole `recense merge -o`
//! process against loading both files and saving one.
//!
//! `cargo bench --bench merge` (add `-- 1000` for another size).

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use recense::census::merge::join;
use recense::census::model::{Census, Value};
use recense::census::time::Timestamp;
use recense::census::{AgentId, Schema, store};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let out = f();
    (out, t.elapsed())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Two copies of a census of `n` initiatives: 90 % shared, 10 % each one's
/// own, and 10 % of the shared ones edited on both sides concurrently.
fn copies(n: usize) -> (Census, Census) {
    let schema = Schema::default_schema();
    let shared = n * 9 / 10;
    let own = n - shared;
    let all = recense::dev::generate(&schema, shared + 2 * own, 7);
    let mut a = all.clone();
    let mut b = all;
    // Initiatives are sorted by id: give each side a different tenth.
    let ids: Vec<_> = a.initiatives.iter().map(|i| i.id.clone()).collect();
    let (mine, theirs) = (&ids[..own], &ids[own..2 * own]);
    a.initiatives.retain(|i| !theirs.contains(&i.id));
    b.initiatives.retain(|i| !mine.contains(&i.id));
    let (marie, yann) = (
        AgentId::parse("marie").unwrap(),
        AgentId::parse("yannn").unwrap(),
    );
    let at = Timestamp::parse("2027-01-01T10:00:00Z").unwrap();
    for (k, id) in ids[2 * own..].iter().enumerate().take(own) {
        for (copy, agent, v) in [(&mut a, marie, "A"), (&mut b, yann, "B")] {
            let i = copy.get_mut(id).unwrap();
            let d = i.next_dot(agent).expect("a small counter");
            i.write("notes", Value::text(format!("{v} {k}")), d, at);
        }
    }
    (a, b)
}

fn main() {
    let sizes = common::sizes(&[10_000]);
    let bin = env!("CARGO_BIN_EXE_recense");
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "| initiatives per copy | join | load A + load B + save | `recense merge A B -o OUT` | process / (loads + save) |"
    );
    println!("|---:|---:|---:|---:|---:|");
    for n in sizes {
        let (a, b) = copies(n);
        let (pa, pb, out) = (
            dir.path().join("a.ron"),
            dir.path().join("b.ron"),
            dir.path().join("out.ron"),
        );
        store::save(&pa, &a).expect("save a");
        store::save(&pb, &b).expect("save b");
        let runs = 7;
        let joins: Vec<Duration> = (0..runs)
            .map(|_| time(|| join(&a, &b).expect("join")).1)
            .collect();
        let mut baseline = Vec::new();
        let mut process = Vec::new();
        for _ in 0..runs {
            let ((x, y), load) = time(|| {
                (
                    store::load(&pa).expect("load").0,
                    store::load(&pb).expect("load").0,
                )
            });
            let merged = join(&x, &y).expect("join");
            let (_, save) = time(|| store::save(&out, &merged).expect("save"));
            baseline.push(load + save);
            let _ = std::fs::remove_file(&out);
            let (status, t) = time(|| {
                Command::new(bin)
                    .args(["--as", "Bench", "merge"])
                    .arg(&pa)
                    .arg(&pb)
                    .arg("-o")
                    .arg(&out)
                    .env("XDG_CONFIG_HOME", dir.path().join("config"))
                    .env("XDG_DATA_HOME", dir.path().join("data"))
                    .output()
                    .expect("run recense")
            });
            assert!(
                status.status.success(),
                "{}",
                String::from_utf8_lossy(&status.stderr)
            );
            process.push(t);
            let _ = std::fs::remove_file(&out);
        }
        assert!(Path::new(&pa).exists());
        let (j, base, proc_) = (median(joins), median(baseline), median(process));
        println!(
            "| {n} | {} | {} | {} | {:.2} |",
            ms(j),
            ms(base),
            ms(proc_),
            proc_.as_secs_f64() / base.as_secs_f64()
        );
    }
}
