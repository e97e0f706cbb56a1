//! Finding an initiative from what a person types: its whole id, a unique
//! beginning or end of it (see [`Census::resolve_with`]), or its name.
//!
//! Ids are ULIDs: their first ten characters are the creation time, so
//! initiatives added in the same minute share them; the end is random, and
//! four characters of it almost always tell initiatives apart. `recense
//! list` shows that shortest unique end ([`suffix_lengths`]).
//!
//! A name matches ([`by_name`]) when, accents, case and punctuation aside,
//! the text typed is the whole name, or one or more whole words of it in
//! their order: `capucins` and `des capucins` name « Médiathèque des
//! Capucins », `capu` does not. A whole-name match wins over word matches.

use crate::census::InitiativeId;
use crate::census::model::Census;
use crate::census::search::fold;

/// The shortest length (at least `min`, at most the id's) of the end of each
/// initiative's id that no other id of the census ends with, in the order of
/// `census.initiatives`.
pub fn suffix_lengths(census: &Census, min: usize) -> Vec<usize> {
    let ids: Vec<&[u8]> = (census.initiatives.iter())
        .map(|i| i.id.as_str().as_bytes())
        .collect();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_unstable_by(|&a, &b| ids[a].iter().rev().cmp(ids[b].iter().rev()));
    let common = |a: &[u8], b: &[u8]| {
        let same = a.iter().rev().zip(b.iter().rev());
        same.take_while(|(x, y)| x.eq_ignore_ascii_case(y)).count()
    };
    let mut lengths = vec![0; ids.len()];
    for (n, &i) in order.iter().enumerate() {
        let before = n
            .checked_sub(1)
            .map_or(0, |p| common(ids[order[p]], ids[i]));
        let after = order.get(n + 1).map_or(0, |&q| common(ids[q], ids[i]));
        lengths[i] = (before.max(after) + 1).max(min).min(ids[i].len());
    }
    lengths
}

/// The words of a text, folded (no accents, no case), as names are matched.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How well a name matches the words typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum NameMatch {
    Words,
    Whole,
}

fn name_match(name: &[String], typed: &[String]) -> Option<NameMatch> {
    if name == typed {
        Some(NameMatch::Whole)
    } else if name.windows(typed.len()).any(|w| w == typed) {
        Some(NameMatch::Words)
    } else {
        None
    }
}

/// The initiatives whose name (`name_field`) is `text`, or holds it as whole
/// words; among live initiatives, or with `deleted` among deleted ones
/// (fused duplicates are never named). When one name is `text` entirely,
/// that initiative alone; several whole names, all of them.
pub fn by_name<'a>(
    census: &'a Census,
    name_field: &str,
    text: &str,
    deleted: bool,
) -> Vec<&'a InitiativeId> {
    let typed = words(text);
    if typed.is_empty() {
        return Vec::new();
    }
    let found: Vec<(NameMatch, &InitiativeId)> = (census.initiatives.iter())
        .filter(|i| i.merged_into().is_none() && i.is_deleted() == deleted)
        .filter_map(|i| {
            let name = words(i.value(name_field)?);
            Some((name_match(&name, &typed)?, &i.id))
        })
        .collect();
    let best = found.iter().map(|(m, _)| *m).max();
    (found.into_iter())
        .filter(|(m, _)| Some(*m) == best)
        .map(|(_, id)| id)
        .collect()
}

/// Whether `text` could be (part of) an id: only the characters of a ULID
/// (Crockford's base32, any case). Such a text that names nothing is said
/// to be an unknown id rather than an unknown name.
pub fn looks_like_id(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b.is_ascii_alphabetic() && !b"ILOUilou".contains(&b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::model::{Initiative, Value};
    use crate::census::time::Timestamp;

    fn census(rows: &[(&str, &str)]) -> Census {
        let mut c = Census::new("T", "s", 1);
        for (id, name) in rows {
            let mut i = Initiative::new(InitiativeId::parse(id).unwrap());
            let dot = i.next_dot(crate::census::AgentId::parse("aaaaa").unwrap());
            let dot = dot.unwrap();
            i.write("nom", Value::text(name), dot, Timestamp(1));
            c.insert(i);
        }
        c
    }

    #[test]
    fn suffixes_are_as_short_as_unique_and_never_under_the_minimum() {
        let c = census(&[
            ("01AAAAXYZ1", "a"),
            ("01BBBBXYZ1", "b"),
            ("01CCCC0042", "c"),
        ]);
        // Sorted by id: the two ending in XYZ1 need 5 characters (AXYZ1, BXYZ1).
        assert_eq!(suffix_lengths(&c, 4), vec![5, 5, 4]);
        assert_eq!(suffix_lengths(&c, 1), vec![5, 5, 1]);
    }

    #[test]
    fn names_match_whole_or_by_whole_words_without_accents_or_case() {
        let c = census(&[
            ("01A", "Médiathèque des Capucins"),
            ("01B", "Fablab des Capucins"),
            ("01C", "Infini"),
            ("01D", "Infini Brest"),
        ]);
        let ids = |v: Vec<&InitiativeId>| v.iter().map(|i| i.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(by_name(&c, "nom", "MEDIATHEQUE", false)), ["01A"]);
        assert_eq!(ids(by_name(&c, "nom", "capucins", false)), ["01A", "01B"]);
        assert_eq!(ids(by_name(&c, "nom", "fablab des", false)), ["01B"]);
        assert!(by_name(&c, "nom", "capu", false).is_empty());
        assert!(by_name(&c, "nom", "des fablab", false).is_empty());
        // The whole name wins over a word of another.
        assert_eq!(ids(by_name(&c, "nom", "infini", false)), ["01C"]);
        assert!(by_name(&c, "nom", "  ", false).is_empty());
    }

    #[test]
    fn id_looking_texts_are_base32() {
        assert!(looks_like_id("4ZYJ"));
        assert!(looks_like_id("01m8kbyj80"));
        assert!(!looks_like_id("capucins"));
        assert!(!looks_like_id("fab lab"));
        assert!(!looks_like_id(""));
    }
}
