//! Load and save benchmarks on generated censuses of 1k, 10k and 100k
//! initiatives: medians, and peak heap memory against the file size.
//!
//! `cargo bench --bench census` (add `-- 1000 10000` to pick sizes).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use recense::census::{Schema, file, store};

/// Counts live heap bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Runs `f` `runs` times; returns the median duration.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// Peak heap bytes above what was live before `f`.
fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let out = f();
    (out, PEAK.load(Ordering::Relaxed) - base)
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes
    };
    let schema = Schema::default_schema();
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "| initiatives | file size | ron alone | load | load / ron | save | peak memory (load) | peak / file |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let runs = if n >= 100_000 {
            5
        } else if n >= 10_000 {
            11
        } else {
            31
        };
        let path = dir.path().join(format!("census-{n}.ron"));
        let census = recense::dev::generate(&schema, n, 42);
        store::save(&path, &census).expect("save");
        drop(census);
        let size = std::fs::metadata(&path).expect("size").len() as usize;
        let text = std::fs::read_to_string(&path).expect("read");

        let ron_alone = median(runs, || {
            file::deserialize_only(&text).expect("ron");
        });
        let load = median(runs, || {
            store::load(&path).expect("load");
        });
        let ((census, _), peak) = peak_of(|| store::load(&path).expect("load"));
        let save = median(runs, || store::save(&path, &census).expect("save"));
        println!(
            "| {n} | {} | {} | {} | {:.2} | {} | {} | {:.2} |",
            mib(size),
            ms(ron_alone),
            ms(load),
            load.as_secs_f64() / ron_alone.as_secs_f64(),
            ms(save),
            mib(peak),
            peak as f64 / size as f64,
        );
    }
}
