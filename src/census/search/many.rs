//! Searching many texts at once: the search keys of a whole census, stored
//! end to end, and scored on every core.

use nucleo_matcher::Utf32Str;

use super::{Matcher, config, utf32};

/// Below this many candidates one thread scores them all: starting threads
/// would cost about what they save.
const PARALLEL_FROM: usize = 8_192;

/// At most this many threads score a search (old laptops have 2 to 4 cores).
const MAX_THREADS: usize = 4;

/// Set in a text's letter set when the text is not ASCII.
const NOT_ASCII: u64 = 1 << 63;

/// The ASCII letters and digits of a text, one bit each, and whether it is
/// ASCII: a text that lacks a letter of the query cannot match it.
pub fn letter_set(s: &str) -> u64 {
    s.bytes().fold(0, |set, b| {
        set | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << (26 + b - b'0'),
            b'A'..=b'Z' => 1 << (36 + b - b'A'),
            0x80.. => NOT_ASCII,
            _ => 0,
        }
    })
}

/// Folded texts end to end in one buffer, each with its letter set. A
/// search reads them in memory order rather than chasing one allocation per
/// text, and skips, unread, those lacking a letter of the query.
#[derive(Debug, Default)]
pub struct Texts {
    bytes: String,
    /// Where each text is in `bytes`.
    spans: Vec<(usize, usize)>,
    sets: Vec<u64>,
    /// Bytes of replaced texts still in `bytes`.
    stale: usize,
}

impl Texts {
    /// Adds a text, written by `write` at the end of the buffer.
    pub fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        let span = self.write(write);
        self.spans.push(span);
        self.sets.push(letter_set(&self.bytes[span.0..span.1]));
    }

    /// Replaces text `index` by what `write` writes (nothing if there is no
    /// such text). The old bytes stay until they are half of the buffer.
    pub fn replace_with(&mut self, index: usize, write: impl FnOnce(&mut String)) {
        let Some(&(start, end)) = self.spans.get(index) else {
            return;
        };
        let span = self.write(write);
        self.spans[index] = span;
        self.sets[index] = letter_set(&self.bytes[span.0..span.1]);
        self.stale += end - start;
        if self.stale > self.bytes.len() / 2 {
            self.compact();
        }
    }

    fn write(&mut self, write: impl FnOnce(&mut String)) -> (usize, usize) {
        let start = self.bytes.len();
        write(&mut self.bytes);
        (start, self.bytes.len())
    }

    /// Copies the live texts into a new buffer, in order.
    fn compact(&mut self) {
        let mut bytes = String::with_capacity(self.bytes.len() - self.stale);
        for span in &mut self.spans {
            let start = bytes.len();
            bytes.push_str(&self.bytes[span.0..span.1]);
            *span = (start, bytes.len());
        }
        self.bytes = bytes;
        self.stale = 0;
    }

    pub fn get(&self, index: usize) -> &str {
        let (start, end) = self.spans[index];
        &self.bytes[start..end]
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }
}

impl Matcher {
    /// The candidates (indexes into `texts`) that `folded_query` matches,
    /// best score first (`Matcher::score`'s), ties in index order.
    ///
    /// The texts are read in memory order (the ranking does not depend on
    /// the candidates' order, and texts read one after the other are in
    /// cache), many candidates shared among threads; the matches are then
    /// ordered by a counting sort, nucleo's scores being small integers.
    pub fn rank(&self, texts: &Texts, candidates: &[usize], folded_query: &str) -> Vec<usize> {
        let mut chars = Vec::new();
        let needle = utf32(folded_query, &mut chars);
        // A text lacking a letter of the query cannot match it.
        let letters = letter_set(folded_query) & !NOT_ASCII;
        let in_order;
        let candidates = if candidates.is_sorted() {
            candidates
        } else {
            in_order = index_order(candidates);
            &in_order
        };
        let threads = if candidates.len() < PARALLEL_FROM {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
        };
        let mut engines: Vec<nucleo_matcher::Matcher> =
            (0..threads).map(|_| self.take_worker()).collect();
        let chunk = candidates.len().div_ceil(threads).max(1);
        let mut parts = candidates.chunks(chunk).zip(engines.iter_mut());
        // The parts follow each other in index order, and so do their matches.
        let mut matches = Vec::new();
        std::thread::scope(|scope| {
            let first = parts.next();
            let others: Vec<_> = parts
                .map(|(part, engine)| {
                    scope.spawn(move || score_part(engine, texts, part, needle, letters))
                })
                .collect();
            if let Some((part, engine)) = first {
                matches = score_part(engine, texts, part, needle, letters);
            }
            for other in others {
                match other.join() {
                    Ok(more) => matches.extend(more),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        });
        if let Ok(mut workers) = self.workers.lock() {
            workers.extend(engines);
        }
        best_first(&matches)
    }

    /// A scratch space for one thread: a kept one, or a new one.
    fn take_worker(&self) -> nucleo_matcher::Matcher {
        self.workers
            .lock()
            .ok()
            .and_then(|mut workers| workers.pop())
            .unwrap_or_else(|| nucleo_matcher::Matcher::new(config()))
    }
}

/// Distinct indexes in increasing order, in linear time (a bit set).
fn index_order(indexes: &[usize]) -> Vec<usize> {
    let words = indexes.iter().max().map_or(0, |&max| max / 64 + 1);
    let mut bits = vec![0u64; words];
    for &i in indexes {
        bits[i / 64] |= 1 << (i % 64);
    }
    let mut out = Vec::with_capacity(indexes.len());
    for (w, &word) in bits.iter().enumerate() {
        let mut word = word;
        while word != 0 {
            out.push(w * 64 + word.trailing_zeros() as usize);
            word &= word - 1;
        }
    }
    out
}

/// The matches (in index order) best score first, ties in index order: a
/// stable counting sort on the score.
fn best_first(matches: &[(usize, u16)]) -> Vec<usize> {
    let Some(best) = matches.iter().map(|&(_, s)| s).max() else {
        return Vec::new();
    };
    let worst = matches.iter().map(|&(_, s)| s).min().unwrap_or(best);
    // `next[k]`: where the next match `k` points below the best goes.
    let mut next = vec![0usize; usize::from(best - worst) + 1];
    for &(_, s) in matches {
        next[usize::from(best - s)] += 1;
    }
    let mut at = 0;
    for slot in &mut next {
        (*slot, at) = (at, at + *slot);
    }
    let mut out = vec![0; matches.len()];
    for &(i, s) in matches {
        let slot = &mut next[usize::from(best - s)];
        out[*slot] = i;
        *slot += 1;
    }
    out
}

/// Scores part of the candidates, in their order.
fn score_part(
    engine: &mut nucleo_matcher::Matcher,
    texts: &Texts,
    candidates: &[usize],
    needle: Utf32Str<'_>,
    letters: u64,
) -> Vec<(usize, u16)> {
    let mut chars = Vec::new();
    let mut matches = Vec::new();
    for &i in candidates {
        let (Some(&set), Some(&(start, end))) = (texts.sets.get(i), texts.spans.get(i)) else {
            continue;
        };
        if letters & !set != 0 {
            continue;
        }
        let text = &texts.bytes[start..end];
        let haystack = if set & NOT_ASCII == 0 {
            Utf32Str::Ascii(text.as_bytes())
        } else {
            chars.clear();
            chars.extend(text.chars());
            Utf32Str::Unicode(&chars)
        };
        if let Some(score) = engine.fuzzy_match(haystack, needle) {
            matches.push((i, score));
        }
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::search::fold;

    fn texts(all: &[&str]) -> Texts {
        let mut texts = Texts::default();
        for t in all {
            texts.push_with(|out| out.push_str(&fold(t)));
        }
        texts
    }

    #[test]
    fn replaced_texts_read_back_and_the_buffer_is_compacted() {
        let mut t = texts(&["alpha", "beta", "gamma"]);
        for round in 0..50 {
            t.replace_with(1, |out| out.push_str(&format!("beta {round}")));
        }
        assert_eq!(t.get(0), "alpha");
        assert_eq!(t.get(1), "beta 49");
        assert_eq!(t.get(2), "gamma");
        assert!(
            t.bytes.len() < 2 * ("alphabeta 49gamma".len() + 10),
            "{}",
            t.bytes.len()
        );
        t.replace_with(7, |out| out.push_str("nowhere"));
        assert_eq!(t.len(), 3);
    }

    /// The ranking is `Matcher::score` text by text, sorted by score then
    /// index, whether the letter sets skip a text or not, in one thread or
    /// several.
    #[test]
    fn rank_agrees_with_score_one_by_one() {
        let words = [
            "Médiathèque des Capucins",
            "brest",
            "Œuvre sociale · Zoé",
            "fablab 29 gare",
            "CHATONS … libre",
            "",
            "x",
        ];
        let all: Vec<&str> = (0..PARALLEL_FROM * 3)
            .map(|i| words[i % words.len()])
            .collect();
        let t = texts(&all);
        let m = Matcher::default();
        let few: Vec<usize> = (0..3000).rev().step_by(2).collect();
        assert!(few.len() < PARALLEL_FROM);
        // Distinct indexes (as the rows of a list), not in order.
        let many: Vec<usize> = (0..t.len()).map(|i| (i * 7) % t.len()).collect();
        assert!(many.len() >= PARALLEL_FROM && !many.is_sorted());
        for q in [
            "m",
            "me",
            "mediatheque",
            "oe",
            "zoe",
            "29",
            "b t",
            "...",
            "é",
            "zz",
            "",
        ] {
            let q = fold(q);
            for set in [&few, &many] {
                let mut expected: Vec<(std::cmp::Reverse<i64>, usize)> = set
                    .iter()
                    .filter_map(|&i| m.score(t.get(i), &q).map(|s| (std::cmp::Reverse(s), i)))
                    .collect();
                expected.sort();
                let expected: Vec<usize> = expected.into_iter().map(|(_, i)| i).collect();
                assert_eq!(m.rank(&t, set, &q), expected, "query {q:?}");
            }
        }
    }
}
