//! What the benchmarks share: a heap counter to measure peak memory,
//! medians, the sizes asked for and the runs per size. Each bench is its own
//! binary and includes this module.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::{Duration, Instant};

/// Counts live heap bytes and their peak, only while `COUNTING` is on: shared
/// counters updated by every allocation of several threads would slow the
/// timed runs down.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            let size = layout.size() as isize;
            let now = LIVE.fetch_add(size, Ordering::Relaxed) + size;
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        unsafe { System.dealloc(p, layout) };
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Runs `f` `runs` times; returns the median duration. What `f` returns is
/// dropped after the clock stops: freeing is not part of the operation.
pub fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let out = f();
            let elapsed = t.elapsed();
            drop(out);
            elapsed
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// Runs `f` with the counter on: what it returns, its peak heap bytes and
/// the bytes still allocated when it returns (what it frees is counted off).
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::SeqCst);
    let out = f();
    COUNTING.store(false, Ordering::SeqCst);
    let peak = PEAK.load(Ordering::Relaxed).max(0) as usize;
    let live = LIVE.load(Ordering::Relaxed).max(0) as usize;
    (out, peak, live)
}

/// Peak heap bytes allocated by `f` (what it frees is counted off).
pub fn peak_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let (out, peak, _) = measure(f);
    (out, peak)
}

pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

pub fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// The census sizes given on the command line (`cargo bench --bench B --
/// 1000 10000`), else `default`.
pub fn sizes(default: &[usize]) -> Vec<usize> {
    let given: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if given.is_empty() {
        default.to_vec()
    } else {
        given
    }
}

/// How many runs a median takes at `n` initiatives: fewer for large
/// censuses, whose runs are long and steady.
pub fn runs(n: usize) -> usize {
    if n >= 100_000 {
        5
    } else if n >= 10_000 {
        11
    } else {
        31
    }
}
