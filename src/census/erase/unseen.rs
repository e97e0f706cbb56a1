//! Writes a copy's `seen` counts but that it never received: the personal
//! values a public copy left out (see docs/rgpd-erasure.md).
//!
//! A public copy keeps the sender's `seen`, which covers the dots of the
//! personal writes it withheld. Were these dots taken as seen, a colleague
//! who merged the public copy would later drop the real values from the
//! sender's full copy (seen, not held: overwritten). So the public copy
//! lists them in the system field `_unseen`, one entry per withheld entry:
//! the field's id as value, the withheld write's stamp as stamp (its dot is
//! the dot not seen; never the value).
//!
//! What a copy *knows* is then `seen` minus its `_unseen` dots, and the join
//! is the usual one over that knowledge: an entry is kept if the other copy
//! holds it or does not know its dot. The knowledge of the join is the union
//! of both: an `_unseen` dot stays listed while neither side knows it, and
//! goes once a copy that received the real write is merged. This is the
//! join of causal sets of dots (a version vector with holes): commutative,
//! associative and idempotent, and merging a public copy, then the full
//! one, in any order, gives what merging the full one alone gives
//! (property-tested in tests/cli/public_laws.rs).

use crate::census::merge::{holds, join_fields};
use crate::census::model::{Dot, Entries, Entry, Initiative, Seen, Value};

/// Dots counted by `seen` but not received, with the field they wrote.
pub const UNSEEN: &str = "_unseen";

/// Whether the initiative lists writes it has not received.
pub fn has_gaps(i: &Initiative) -> bool {
    i.fields.contains_key(UNSEEN)
}

/// The dots `i` counts in `seen` without having received them.
fn gaps(i: &Initiative) -> Vec<Dot> {
    let mut out: Vec<Dot> = i
        .entries(UNSEEN)
        .iter()
        .filter_map(|e| e.stamp.dot())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// What a copy knows: its `seen`, but for its gaps.
struct Knows<'a> {
    seen: &'a Seen,
    gaps: Vec<Dot>,
}

impl Knows<'_> {
    fn of(i: &Initiative) -> Knows<'_> {
        Knows {
            seen: &i.seen,
            gaps: gaps(i),
        }
    }

    fn dot(&self, d: &Dot) -> bool {
        self.seen.covers(d) && self.gaps.binary_search(d).is_err()
    }

    fn entry(&self, e: &Entry) -> bool {
        e.stamp.dot().is_some_and(|d| self.dot(&d))
    }
}

/// The `_unseen` entries for the entries of `fields` that a public copy of
/// `i` leaves out (one per entry with a dot).
pub fn withheld(i: &Initiative, fields: &[String]) -> Entries {
    let mut out: Entries = Entries::new();
    for f in fields {
        for e in i.entries(f) {
            if let (Some(dot), Some(at)) = (e.stamp.dot(), e.stamp.at()) {
                out.push(Entry::new(Value::text(f), dot, at));
            }
        }
    }
    // Gaps it already had (it received a public copy itself) stay.
    out.extend(i.entries(UNSEEN).iter().cloned());
    out.sort_by(Entry::canonical_cmp);
    out.dedup_by(|a, b| a.value == b.value && a.stamp.dot() == b.stamp.dot());
    out
}

/// The entries of one field kept by the join, each side judged by what
/// the other knows.
fn join_entries(a: &[Entry], ka: &Knows, b: &[Entry], kb: &Knows) -> Entries {
    let mut out: Entries = a
        .iter()
        .filter(|e| holds(b, e) || !kb.entry(e))
        .cloned()
        .collect();
    for e in b {
        if (holds(a, e) || !ka.entry(e)) && !holds(&out, e) {
            out.push(e.clone());
        }
    }
    out.sort_by(Entry::canonical_cmp);
    out
}

/// The gaps of the join: those neither side knows.
fn join_gaps(a: &Initiative, ka: &Knows, b: &Initiative, kb: &Knows) -> Entries {
    let mut out: Entries = a
        .entries(UNSEEN)
        .iter()
        .filter(|e| !kb.entry(e))
        .chain(b.entries(UNSEEN).iter().filter(|e| !ka.entry(e)))
        .cloned()
        .collect();
    out.sort_by(Entry::canonical_cmp);
    out.dedup_by(|x, y| x.value == y.value && x.stamp.dot() == y.stamp.dot());
    out
}

/// The join of two copies of an initiative of which one at least lists
/// gaps (called by [`crate::census::merge::join_initiative`]).
pub fn join_initiative(a: &Initiative, b: &Initiative) -> Initiative {
    let (ka, kb) = (Knows::of(a), Knows::of(b));
    join_fields(a, b, |f| {
        if f == UNSEEN {
            join_gaps(a, &ka, b, &kb)
        } else {
            join_entries(a.entries(f), &ka, b.entries(f), &kb)
        }
    })
}

/// What a copy of `i` can be said to have received, as a version vector:
/// `seen` lowered below its first gap of each agent (what colleagues are
/// known to have, for `bundle --for`: asking too little would lose).
pub fn received(i: &Initiative) -> Seen {
    let mut seen = i.seen.clone();
    for d in gaps(i) {
        if let Ok(k) = seen.0.binary_search_by(|(a, _)| a.cmp(&d.agent)) {
            seen.0[k].1 = seen.0[k].1.min(d.counter.saturating_sub(1));
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::id::{AgentId, InitiativeId};
    use crate::census::merge::join_initiative as join;
    use crate::census::time::Timestamp;

    fn agent(s: &str) -> AgentId {
        AgentId::parse(s).unwrap()
    }

    /// Marie's full copy (contact written at dot 2) and its public copy.
    fn full_and_public() -> (Initiative, Initiative, Initiative) {
        let mut old = Initiative::new(InitiativeId::parse("I1").unwrap());
        let d = old.next_dot(agent("aaaaa")).unwrap();
        old.write("nom", Value::text("Infini"), d, Timestamp(1));
        old.write("contact_nom", Value::text("Anne"), d, Timestamp(1));
        let mut full = old.clone();
        let d2 = full.next_dot(agent("aaaaa")).unwrap();
        full.write("contact_nom", Value::text("Anne B"), d2, Timestamp(2));
        let mut public = full.clone();
        let gaps = withheld(&full, &["contact_nom".to_string()]);
        assert_eq!(gaps[0].stamp.dot(), Some(d2));
        public.clear("contact_nom");
        public.fields.insert(UNSEEN, gaps);
        (old, full, public)
    }

    #[test]
    fn a_copy_that_merged_the_public_one_still_takes_the_full_one() {
        let (old, full, public) = full_and_public();
        let mut filled = public.clone();
        filled.fields.insert(
            "contact_nom",
            old.fields.get("contact_nom").unwrap().clone(),
        );
        let step = join(&old, &filled);
        assert_eq!(step.values("contact_nom"), vec!["Anne"]);
        assert!(has_gaps(&step));
        let end = join(&step, &full);
        assert_eq!(end, join(&old, &full));
        assert_eq!(end.values("contact_nom"), vec!["Anne B"]);
        assert!(!has_gaps(&end), "the real write arrived");
        assert_eq!(join(&full, &step), end);
    }

    #[test]
    fn what_a_copy_received_stops_below_its_first_gap() {
        let (_, _, public) = full_and_public();
        assert_eq!(public.seen.get(&agent("aaaaa")), 2);
        assert_eq!(received(&public).get(&agent("aaaaa")), 1);
    }
}
