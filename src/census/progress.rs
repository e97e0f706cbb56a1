//! How far a long piece of work has come, for a front end to show: bytes
//! of a census read then parsed, bytes of an import file read. The core
//! counts only while a front end watches ([`watch`]); it never draws.
//!
//! A census load counts its bytes read once and its bytes parsed
//! [`PARSE_WEIGHT`] times (parsing takes about that much longer), so that
//! the share done follows the time spent.
//!
//! `RECENSE_TEST_SLOW_READ_MS` (for tests only: the tmux test of the
//! loading line and of the progress bar) makes a census read sleep that many
//! milliseconds after each piece of [`READ_PIECE`] bytes, so that the line
//! can be seen, and so that a command takes longer than a second.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

static WATCHED: AtomicBool = AtomicBool::new(false);
static DONE: AtomicU64 = AtomicU64::new(0);
static TOTAL: AtomicU64 = AtomicU64::new(0);

/// How many times a parsed byte counts against a read one.
pub const PARSE_WEIGHT: u64 = 4;

/// A watched census is read in pieces of this size.
pub const READ_PIECE: usize = 1 << 20;

/// Starts (or stops) counting, from nothing.
pub fn watch(on: bool) {
    DONE.store(0, Ordering::Relaxed);
    TOTAL.store(0, Ordering::Relaxed);
    WATCHED.store(on, Ordering::Relaxed);
}

/// Whether a front end watches.
pub fn watched() -> bool {
    WATCHED.load(Ordering::Relaxed)
}

/// A new piece of work of `total` units begins.
pub fn begin(total: u64) {
    if watched() {
        DONE.store(0, Ordering::Relaxed);
        TOTAL.store(total, Ordering::Relaxed);
    }
}

/// `n` more units are done.
pub fn advance(n: u64) {
    if watched() {
        DONE.fetch_add(n, Ordering::Relaxed);
    }
}

/// Units done and the total of the current piece of work (total 0: none
/// begun).
pub fn now() -> (u64, u64) {
    let total = TOTAL.load(Ordering::Relaxed);
    (DONE.load(Ordering::Relaxed).min(total), total)
}

/// The share done, in percent.
pub fn percent() -> u64 {
    match now() {
        (_, 0) => 0,
        (done, total) => done * 100 / total,
    }
}

/// The test-only pause after each piece read (see the module's text).
pub fn test_pause() -> Option<std::time::Duration> {
    let ms: u64 = std::env::var("RECENSE_TEST_SLOW_READ_MS")
        .ok()?
        .parse()
        .ok()?;
    Some(std::time::Duration::from_millis(ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_counted_unless_watched_and_the_share_stays_within_the_total() {
        watch(false);
        begin(10);
        advance(5);
        assert_eq!(now(), (0, 0));
        watch(true);
        begin(10);
        advance(4);
        assert_eq!(percent(), 40);
        advance(40);
        assert_eq!(now(), (10, 10));
        watch(false);
    }
}
