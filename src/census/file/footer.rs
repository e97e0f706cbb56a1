//! The last line recense writes before the checksum: how many initiatives the
//! file holds and a digest of their ids, e.g.
//! `    // recense: 2 initiatives, ids 5c1e0b9d2f7a4c38`. It is a comment, so
//! that older versions read the file as before; it lets a block deleted by
//! hand be noticed (and, at a merge, recognised when a colleague's copy
//! brings it back).

use std::fmt::Write as _;

use crate::census::hash::fnv1a64;
use crate::census::id::InitiativeId;
use crate::census::model::{Census, Initiative};

const WORDS: &str = " initiatives, ids ";

/// What the footer of a file recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    pub count: usize,
    pub digest: u64,
}

fn id_hash(id: &InitiativeId) -> u64 {
    fnv1a64(id.as_str().as_bytes())
}

/// The digest of a set of ids: independent of their order.
pub fn digest<'a>(ids: impl IntoIterator<Item = &'a InitiativeId>) -> u64 {
    ids.into_iter().fold(0, |d, id| d ^ id_hash(id))
}

/// Writes the footer line of `census`.
pub(super) fn write(out: &mut String, census: &Census) {
    let ids = census.initiatives.iter().map(|i| &i.id);
    let _ = writeln!(
        out,
        "    // recense: {}{WORDS}{:016x}",
        census.initiatives.len(),
        digest(ids)
    );
}

/// The footer of a file, when it has one.
pub fn read(source: &str) -> Option<Recorded> {
    let at = source.rfind(WORDS)?;
    let before = source[..at].trim_end_matches(|c: char| c.is_ascii_digit());
    let count = source[before.len()..at].parse().ok()?;
    let hex = source.get(at + WORDS.len()..at + WORDS.len() + 16)?;
    let digest = u64::from_str_radix(hex, 16).ok()?;
    before
        .ends_with("// recense: ")
        .then_some(Recorded { count, digest })
}

/// How many initiatives were deleted by hand from a file whose footer says
/// `recorded`: the ids differ and fewer remain.
pub fn deleted_by_hand(recorded: Recorded, census: &Census) -> usize {
    let now = digest(census.initiatives.iter().map(|i| &i.id));
    if now == recorded.digest {
        return 0;
    }
    recorded.count.saturating_sub(census.initiatives.len())
}

/// Among `incoming` (initiatives a merge brings that the file did not
/// hold), those that are the blocks deleted by hand: the sets of one or two
/// of them that give back the recorded digest.
pub fn brought_back<'a>(
    recorded: Recorded,
    census: &Census,
    incoming: &[&'a Initiative],
) -> Vec<&'a Initiative> {
    let missing = digest(census.initiatives.iter().map(|i| &i.id)) ^ recorded.digest;
    if missing == 0 {
        return Vec::new();
    }
    let by_hash: std::collections::HashMap<u64, &'a Initiative> =
        incoming.iter().map(|i| (id_hash(&i.id), *i)).collect();
    if let Some(one) = by_hash.get(&missing) {
        return vec![*one];
    }
    for a in incoming {
        if let Some(b) = by_hash.get(&(missing ^ id_hash(&a.id)))
            && b.id != a.id
        {
            return vec![*a, *b];
        }
    }
    Vec::new()
}

/// What a merge did with the blocks deleted by hand from a census.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BroughtBack {
    /// These initiatives (id, name) came back from a colleague's copy.
    Named(Vec<(InitiativeId, String)>),
    /// This many were deleted; none recognised among what came.
    Unrecognised(usize),
}

/// Compares a census whose footer showed blocks deleted by hand (`before`)
/// with the result of merging into it; `name_field` names initiatives.
pub fn after_merge(
    recorded: Recorded,
    before: &Census,
    after: &Census,
    name_field: &str,
) -> BroughtBack {
    let incoming: Vec<&Initiative> = after
        .initiatives
        .iter()
        .filter(|i| before.get(&i.id).is_none())
        .collect();
    let back = brought_back(recorded, before, &incoming);
    if back.is_empty() {
        return BroughtBack::Unrecognised(deleted_by_hand(recorded, before));
    }
    BroughtBack::Named(
        back.into_iter()
            .map(|i| {
                let name = i.value(name_field).unwrap_or(i.id.as_str());
                (i.id.clone(), name.to_string())
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_footer_reads_back_what_was_written() {
        let census = crate::dev::generate(&crate::census::Schema::default_schema(), 3, 1);
        let mut out = String::from("    ],\n");
        write(&mut out, &census);
        let recorded = read(&out).expect("footer");
        assert_eq!(recorded.count, 3);
        assert_eq!(deleted_by_hand(recorded, &census), 0);
        let mut less = census.clone();
        let gone = less.initiatives.remove(1);
        assert_eq!(deleted_by_hand(recorded, &less), 1);
        let back = brought_back(recorded, &less, &[&census.initiatives[0], &gone]);
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].id, gone.id);
    }
}
