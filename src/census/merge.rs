//! Merging colleagues' copies: one join for every field, commutative,
//! associative and idempotent, losing nothing (see docs/merge.md).
//!
//! An entry of one copy is kept if the other copy has it too, or has not seen
//! its dot: an entry the other copy has seen but no longer holds was
//! overwritten or removed there. `seen` becomes the per-agent maximum.

use std::cmp::Ordering;

use crate::census::model::{Census, Entries, Entry, Fields, Initiative, Seen, Text};

/// Whether `list` holds the same entry (same dot, same value).
pub(crate) fn holds(list: &[Entry], e: &Entry) -> bool {
    list.iter()
        .any(|x| x.value == e.value && x.stamp.dot() == e.stamp.dot())
}

/// Whether a copy whose knowledge is `seen` has seen the write of `e`.
fn has_seen(seen: &Seen, e: &Entry) -> bool {
    e.stamp.dot().is_some_and(|d| seen.covers(&d))
}

fn join_entries(a: &[Entry], a_seen: &Seen, b: &[Entry], b_seen: &Seen) -> Entries {
    let mut out: Entries = a
        .iter()
        .filter(|e| holds(b, e) || !has_seen(b_seen, e))
        .cloned()
        .collect();
    for e in b {
        if (holds(a, e) || !has_seen(a_seen, e)) && !holds(&out, e) {
            out.push(e.clone());
        }
    }
    out.sort_by(Entry::canonical_cmp);
    out
}

/// The join of two copies of the same initiative.
pub fn join_initiative(a: &Initiative, b: &Initiative) -> Initiative {
    // Writes a public copy left out are not seen (see census::erase::unseen).
    if crate::census::erase::unseen::has_gaps(a) || crate::census::erase::unseen::has_gaps(b) {
        return crate::census::erase::unseen::join_initiative(a, b);
    }
    join_fields(a, b, |f| {
        join_entries(a.entries(f), &a.seen, b.entries(f), &b.seen)
    })
}

/// `a` and `b` joined field by field, each field's entries given by `field`
/// (none drops the field), their `seen` joined, erased values kept erased.
pub(crate) fn join_fields(
    a: &Initiative,
    b: &Initiative,
    mut field: impl FnMut(&str) -> Entries,
) -> Initiative {
    let mut keys: Vec<&str> = a.fields.keys().chain(b.fields.keys()).collect();
    keys.sort_unstable();
    keys.dedup();
    let pairs = keys
        .into_iter()
        .filter_map(|f| {
            let joined = field(f);
            (!joined.is_empty()).then(|| (Text::new(f), joined))
        })
        .collect();
    let mut seen = a.seen.clone();
    seen.join(&b.seen);
    let mut joined = Initiative {
        id: a.id.clone(),
        seen,
        fields: Fields::from_pairs(pairs),
        cycle_survivor: false,
    };
    // Values erased on either side stay erased (see census::erase).
    crate::census::erase::honour(&mut joined);
    joined
}

/// Why two censuses cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// They use different forms.
    Schema { ours: String, theirs: String },
}

/// The join of two censuses: initiatives only one side has are kept, those
/// both have are joined; display names of agents are united.
pub fn join(a: &Census, b: &Census) -> Result<Census, MergeError> {
    if a.schema_id != b.schema_id {
        return Err(MergeError::Schema {
            ours: a.schema_id.clone(),
            theirs: b.schema_id.clone(),
        });
    }
    let mut initiatives = Vec::with_capacity(a.initiatives.len().max(b.initiatives.len()));
    let (mut ia, mut ib) = (
        a.initiatives.iter().peekable(),
        b.initiatives.iter().peekable(),
    );
    loop {
        match (ia.peek(), ib.peek()) {
            (None, None) => break,
            (Some(x), Some(y)) => match x.id.cmp(&y.id) {
                Ordering::Less => initiatives.extend(ia.next().cloned()),
                Ordering::Greater => initiatives.extend(ib.next().cloned()),
                Ordering::Equal => {
                    if let (Some(x), Some(y)) = (ia.next(), ib.next()) {
                        initiatives.push(if x == y {
                            x.clone()
                        } else {
                            join_initiative(x, y)
                        });
                    }
                }
            },
            (Some(_), None) => initiatives.extend(ia.next().cloned()),
            (None, Some(_)) => initiatives.extend(ib.next().cloned()),
        }
    }
    let mut agents = a.agents.clone();
    for (id, name) in &b.agents {
        // Two names for one id (a renamed person): keep one, the same
        // whichever side is merged into which.
        let keep = match agents.get(id) {
            Some(mine) if mine >= name => mine.clone(),
            _ => name.clone(),
        };
        agents.insert(*id, keep);
    }
    let mut joined = Census {
        territory: a.territory.clone().max(b.territory.clone()),
        perimeter: crate::census::perimeter::Perimeter::join(&a.perimeter, &b.perimeter),
        schema_id: a.schema_id.clone(),
        schema_version: a.schema_version.max(b.schema_version),
        agents,
        initiatives,
    };
    // Opposite fusions make a cycle of redirects: shown as one survivor,
    // chosen from the ids alone (nothing is written).
    crate::census::cycles::mark(&mut joined);
    Ok(joined)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::id::{AgentId, InitiativeId};
    use crate::census::model::Value;
    use crate::census::time::Timestamp;

    fn agent(s: &str) -> AgentId {
        AgentId::parse(s).unwrap()
    }

    fn base() -> Initiative {
        let mut i = Initiative::new(InitiativeId::parse("I1").unwrap());
        let d = i.next_dot(agent("aaaaa")).expect("a small counter");
        i.write("nom", Value::text("Infini"), d, Timestamp(1));
        i.add_element("roles", Value::text("contributeur"), d, Timestamp(1));
        i
    }

    #[test]
    fn concurrent_writes_become_a_conflict_and_a_later_write_supersedes() {
        let (mut a, mut b) = (base(), base());
        let da = a.next_dot(agent("aaaaa")).expect("a small counter");
        a.write("nom", Value::text("Infini Brest"), da, Timestamp(2));
        let db = b.next_dot(agent("bbbbb")).expect("a small counter");
        b.write("nom", Value::text("Infini 29"), db, Timestamp(3));
        let j = join_initiative(&a, &b);
        assert!(j.is_conflict("nom"));
        assert_eq!(j.values("nom").len(), 2);
        assert_eq!(j, join_initiative(&b, &a));
        // Resolving after seeing both supersedes both.
        let mut r = j.clone();
        let dr = r.next_dot(agent("bbbbb")).expect("a small counter");
        r.write("nom", Value::text("Infini"), dr, Timestamp(4));
        let j2 = join_initiative(&j, &r);
        assert_eq!(j2.values("nom"), vec!["Infini"]);
        assert_eq!(
            join_initiative(&a, &r).values("nom"),
            vec!["Infini"],
            "a's write was seen by r"
        );
    }

    #[test]
    fn removals_are_respected_and_additions_kept() {
        let (mut a, mut b) = (base(), base());
        a.remove_element("roles", &Value::text("contributeur"));
        let db = b.next_dot(agent("bbbbb")).expect("a small counter");
        b.add_element("roles", Value::text("academique"), db, Timestamp(2));
        let j = join_initiative(&a, &b);
        assert_eq!(j.values("roles"), vec!["academique"]);
        assert_eq!(join_initiative(&j, &j), j);
    }
}
