//! Load and save benchmarks on generated censuses of 1k, 10k and 100k
//! initiatives: medians, and peak heap memory against the file size.
//!
//! `cargo bench --bench census` (add `-- 1000 10000` to pick sizes).

mod common;

use common::{median, mib, ms, peak_of};

use recense::census::{Schema, file, store};

fn main() {
    let sizes = common::sizes(&[1_000, 10_000, 100_000]);
    let schema = Schema::default_schema();
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "| initiatives | file size | ron alone | parse, 1 thread | load (read + parse) | parse (1 thread) / ron | save | peak memory (load) | peak / file |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let runs = common::runs(n);
        let path = dir.path().join(format!("census-{n}.ron"));
        let census = recense::dev::generate(&schema, n, 42);
        store::save(&path, &census).expect("save");
        drop(census);
        let size = std::fs::metadata(&path).expect("size").len() as usize;
        let text = std::fs::read_to_string(&path).expect("read");

        // Interleaved, so that a slow moment of this shared machine weighs on
        // every operation alike.
        let mut times = [Vec::new(), Vec::new(), Vec::new()];
        for _ in 0..runs {
            times[0].push(median(1, || file::deserialize_only(&text).expect("ron")));
            times[1].push(median(1, || {
                file::parse_with_threads(&text, "bench", 1).expect("parse")
            }));
            times[2].push(median(1, || store::load(&path).expect("load")));
        }
        let [ron_alone, load_one_thread, load] = times.map(|mut t| {
            t.sort();
            t[t.len() / 2]
        });
        let ((census, _), peak) = peak_of(|| store::load(&path).expect("load"));
        let save = median(runs, || store::save(&path, &census).expect("save"));
        println!(
            "| {n} | {} | {} | {} | {} | {:.2} | {} | {} | {:.2} |",
            mib(size),
            ms(ron_alone),
            ms(load_one_thread),
            ms(load),
            load_one_thread.as_secs_f64() / ron_alone.as_secs_f64(),
            ms(save),
            mib(peak),
            peak as f64 / size as f64,
        );
    }
}
