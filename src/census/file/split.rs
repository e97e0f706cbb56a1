//! Reading a large canonical file on several cores.
//!
//! In the canonical layout every initiative starts with the same two lines
//! (`        (` then `            id: "…"`), and no string holds a raw line
//! break. The list is cut at those lines and each initiative is parsed by
//! `ron` on its own, the pieces shared between threads. Any surprise (a file
//! laid out by hand, a syntax error) makes this return `None`: the caller then
//! parses the whole text the usual way, which gives the precise error.

use super::de::{CensusFile, InitiativeFile};

const LIST_OPEN: &str = "\n    initiatives: [\n";
const LIST_CLOSE: &str = "\n    ],\n";
const INITIATIVE_START: &str = "\n        (\n            id: ";

/// Below this size one thread is as fast.
pub const MIN_PARALLEL_BYTES: usize = 1 << 20;

pub(super) fn parse_parallel(source: &str, threads: usize) -> Option<CensusFile> {
    let open = source.find(LIST_OPEN)? + LIST_OPEN.len() - 1;
    let close = source.rfind(LIST_CLOSE)?;
    if close < open {
        return None;
    }
    let body = &source[open..close + 1];
    let mut starts: Vec<usize> = body
        .match_indices(INITIATIVE_START)
        .map(|(i, _)| i + 1)
        .collect();
    starts.push(body.len());
    // The list must hold initiatives and nothing else before the first one.
    if starts.first() != Some(&1) {
        return None;
    }
    let pieces: Vec<&str> = starts
        .windows(2)
        .map(|w| body[w[0]..w[1]].trim_end().trim_end_matches(','))
        .collect();

    // The rest of the file, with an empty list, gives the header fields.
    let header = format!("{}{}", &source[..open], &source[close + 1..]);
    let parse_piece = |piece: &&str| {
        ron::Options::default()
            .from_str::<InitiativeFile>(piece)
            .ok()
    };
    let chunk = pieces.len().div_ceil(threads.max(1)).max(1);
    let results: Vec<Option<Vec<InitiativeFile>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pieces
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    (part.iter())
                        .map(|piece| {
                            let parsed = parse_piece(piece);
                            let weight = crate::census::progress::PARSE_WEIGHT;
                            crate::census::progress::advance(piece.len() as u64 * weight);
                            parsed
                        })
                        .collect::<Option<Vec<_>>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().ok().flatten())
            .collect()
    });
    let mut file: CensusFile = ron::Options::default().from_str(&header).ok()?;
    let mut initiatives = Vec::with_capacity(pieces.len());
    for part in results {
        initiatives.extend(part?);
    }
    file.initiatives = initiatives;
    Some(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::Schema;

    #[test]
    fn a_canonical_file_splits_and_gives_the_same_census() {
        let census = crate::dev::generate(&Schema::default_schema(), 50, 3);
        let text = crate::census::file::to_canonical(&census);
        let parallel = parse_parallel(&text, 3).expect("canonical text splits");
        assert_eq!(parallel.initiatives.len(), 50);
        let (sequential, _) = crate::census::file::parse(&text, "t").unwrap();
        let ids: Vec<_> = parallel
            .initiatives
            .iter()
            .map(|i| i.id.id.clone())
            .collect();
        let expected: Vec<_> = sequential
            .initiatives
            .iter()
            .map(|i| i.id.clone())
            .collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn a_file_laid_out_by_hand_is_left_to_the_sequential_reader() {
        let census = crate::dev::generate(&Schema::default_schema(), 5, 3);
        let text = crate::census::file::to_canonical(&census)
            .replace("    initiatives: [\n", "    initiatives: [ // hand\n");
        assert!(parse_parallel(&text, 2).is_none());
        // A piece that does not parse alone also gives up.
        let text = crate::census::file::to_canonical(&census).replacen("seen: {", "seen: {{", 1);
        assert!(parse_parallel(&text, 2).is_none());
    }
}
