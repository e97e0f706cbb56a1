//! What changed between two censuses: `recense compare OLD NEW` on two
//! generated censuses of `n` initiatives a year apart (5 % moved on the
//! ladder, 2 % deleted, 3 % new, 5 % given a support), against loading the
//! two files; and the stamps read back on one census (`report --since`'s
//! part).
//!
//! `cargo bench --bench compare` (add `-- 1000` for another size).

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use recense::census::changes::{compare, since};
use recense::census::model::{Census, Value};
use recense::census::time::{Date, Timestamp};
use recense::census::{AgentId, Schema, store};

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

/// Last year's census and this year's.
fn years(schema: &Schema, n: usize) -> (Census, Census) {
    let all = recense::dev::generate(schema, n + n * 3 / 100, 11);
    let mut old = all.clone();
    let ids: Vec<_> = all.initiatives.iter().map(|i| i.id.clone()).collect();
    let fresh = &ids[n..];
    old.initiatives.retain(|i| !fresh.contains(&i.id));
    let mut new = all;
    let agent = AgentId::parse("marie").unwrap();
    let at = Timestamp::parse("2027-06-01T10:00:00Z").unwrap();
    for (k, id) in ids[..n].iter().enumerate() {
        let i = new.get_mut(id).unwrap();
        // Only the tenth that changes is written (a write raises `seen`).
        if k % 100 >= 12 {
            continue;
        }
        let d = i.next_dot(agent).expect("a small counter");
        match k % 100 {
            0..5 => i.write("_status", Value::text("rencontre"), d, at),
            5..7 => i.write("_deleted", Value::text(""), d, at),
            7..12 => i.add_element("soutiens_recus", Value::text("locaux"), d, at),
            _ => {}
        }
    }
    (old, new)
}

fn main() {
    let schema = Schema::default_schema();
    let bin = env!("CARGO_BIN_EXE_recense");
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "| initiatives | compare (core) | since (core) | load OLD + load NEW | `recense compare --format json` | beyond the loads |"
    );
    println!("|---:|---:|---:|---:|---:|---:|");
    for n in common::sizes(&[10_000]) {
        let (old, new) = years(&schema, n);
        let (po, pn) = (dir.path().join("old.ron"), dir.path().join("new.ron"));
        store::save(&po, &old).expect("save old");
        store::save(&pn, &new).expect("save new");
        let runs = common::runs(n);
        let core = common::median(runs, || compare(&old, &new, &schema));
        let day = Date::parse("2027-01-01").unwrap();
        let back = common::median(runs, || since(&new, &schema, day));
        let loads = common::median(runs, || {
            (
                store::load(&po).expect("load").0,
                store::load(&pn).expect("load").0,
            )
        });
        let process = common::median(runs, || {
            let t = Instant::now();
            let out = Command::new(bin)
                .args(["compare", "--format", "json"])
                .arg(&po)
                .arg(&pn)
                .env("XDG_CONFIG_HOME", dir.path().join("config"))
                .env("XDG_DATA_HOME", dir.path().join("data"))
                .output()
                .expect("run recense");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            t.elapsed()
        });
        println!(
            "| {n} | {} | {} | {} | {} | {} |",
            ms(core),
            ms(back),
            ms(loads),
            ms(process),
            ms(process.saturating_sub(loads))
        );
    }
}
