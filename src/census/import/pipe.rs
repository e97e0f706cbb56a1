//! Reading while planning: the records of a large file are read and parsed
//! on a thread of their own, in batches, while the caller plans the records
//! already read. On two cores this hides the reading (a third of the plan of
//! a 100k-row CSV) behind the planning. The records come in file order,
//! whatever the threads do, so the plan is the same as read in one go; the
//! thread ends with the file (nothing runs once the import is planned).

use std::sync::mpsc;

use super::record::Incoming;

/// Records per batch: enough for each hand-over between the threads to be
/// rare, few enough for the first batch to come at once.
const BATCH: usize = 128;

/// Batches read ahead at most: the reader never holds much of the file.
const AHEAD: usize = 4;

/// Calls `each` on every record that `next` reads, in order. `next` runs on
/// another thread: it fills the record it is given (one that already served,
/// so that its lists keep their room) and says whether there was one, `false`
/// at the end of the file. Its first error ends the reading: `each` has been
/// called on every record before it, as when reading in one go, and the
/// error is returned.
pub fn read_ahead<E: Send>(
    next: impl FnMut(&mut Incoming) -> Result<bool, E> + Send,
    mut each: impl FnMut(&mut Incoming),
) -> Result<(), E> {
    let (full, batches) = mpsc::sync_channel::<Result<Vec<Incoming>, E>>(AHEAD);
    let (spent, reuse) = mpsc::channel::<Vec<Incoming>>();
    std::thread::scope(|scope| {
        scope.spawn(move || reader(next, full, reuse));
        for batch in batches {
            let mut batch = batch?;
            batch.iter_mut().for_each(&mut each);
            // The reader may have stopped already: the batch is then dropped.
            let _ = spent.send(batch);
        }
        Ok(())
    })
}

/// The reading thread: batches filled with `next` and sent to the planner,
/// until the end of the file, an error, or the planner gone.
fn reader<E>(
    mut next: impl FnMut(&mut Incoming) -> Result<bool, E>,
    full: mpsc::SyncSender<Result<Vec<Incoming>, E>>,
    reuse: mpsc::Receiver<Vec<Incoming>>,
) {
    loop {
        let mut batch = reuse.try_recv().unwrap_or_default();
        let mut filled = 0;
        let mut failed = None;
        while filled < BATCH {
            if filled == batch.len() {
                batch.push(Incoming::default());
            }
            match next(&mut batch[filled]) {
                Ok(true) => filled += 1,
                Ok(false) => break,
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            }
        }
        batch.truncate(filled);
        let last = filled < BATCH;
        if filled > 0 && full.send(Ok(batch)).is_err() {
            return;
        }
        if let Some(e) = failed {
            let _ = full.send(Err(e));
            return;
        }
        if last {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader of `n` records numbered by their line, failing at `fail`.
    fn lines(n: usize, fail: Option<usize>) -> impl FnMut(&mut Incoming) -> Result<bool, usize> {
        let mut line = 0;
        move |inc| {
            line += 1;
            if Some(line) == fail {
                return Err(line);
            }
            inc.reuse(line);
            inc.set("nom", &format!("row {line}"), Some(0));
            Ok(line <= n)
        }
    }

    #[test]
    fn every_record_comes_once_in_file_order() {
        for n in [0, 1, BATCH - 1, BATCH, BATCH + 1, 10 * BATCH + 7] {
            let mut seen = Vec::new();
            let done = read_ahead(lines(n, None), |inc| {
                assert_eq!(inc.values.len(), 1, "a reused record keeps nothing");
                seen.push((inc.line, inc.value("nom").unwrap().to_string()));
            });
            assert_eq!(done, Ok(()));
            let expected: Vec<_> = (1..=n).map(|l| (l, format!("row {l}"))).collect();
            assert_eq!(seen, expected, "{n} records");
        }
    }

    #[test]
    fn an_error_comes_after_every_record_before_it() {
        for fail in [1, 2, BATCH, BATCH + 1, 5 * BATCH + 3] {
            let mut seen = Vec::new();
            let done = read_ahead(lines(usize::MAX, Some(fail)), |inc| seen.push(inc.line));
            assert_eq!(done, Err(fail));
            assert_eq!(seen, (1..fail).collect::<Vec<_>>(), "failing at {fail}");
        }
    }
}
