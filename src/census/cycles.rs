//! Cycles of fusions. Colleague A fuses Y into X while colleague B, apart,
//! fuses X into Y: once merged, each record redirects to the other. The join
//! stays a pure join (it writes nothing): the cycle is *shown* as one
//! survivor, its smallest id — the same in every copy and every merge order,
//! since it depends on the ids and the redirects alone — and listed as a
//! conflict until someone chooses which record to keep.

use std::collections::HashMap;

use crate::census::id::InitiativeId;
use crate::census::locate::SourceText;
use crate::census::model::{Census, system};
use crate::census::validate::{Diagnostic, Problem};

/// Where each redirect of the census leads, by position (only initiatives
/// with a redirect to an initiative of the census), and which initiatives
/// are marked as survivors now: one pass over the census.
fn redirects(census: &Census) -> (HashMap<usize, usize>, Vec<usize>) {
    let mut next = HashMap::new();
    let mut marked = Vec::new();
    for (k, i) in census.initiatives.iter().enumerate() {
        if i.cycle_survivor {
            marked.push(k);
        }
        if !i.fields.contains_key(system::MERGED_INTO) {
            continue;
        }
        let target = i
            .redirect_target()
            .and_then(|into| InitiativeId::parse(into).ok())
            .and_then(|into| census.position(&into));
        if let Some(t) = target {
            next.insert(k, t);
        }
    }
    (next, marked)
}

/// Every cycle of redirects, as positions in redirect order starting from
/// the smallest id (the survivor shown).
fn cycle_positions(next: &HashMap<usize, usize>) -> Vec<Vec<usize>> {
    // 1: on the path being followed, 2: done.
    let mut state: HashMap<usize, u8> = HashMap::with_capacity(next.len());
    let mut starts: Vec<usize> = next.keys().copied().collect();
    starts.sort_unstable();
    let mut out = Vec::new();
    for start in starts {
        let mut path = Vec::new();
        let mut at = start;
        loop {
            match state.get(&at) {
                Some(1) => {
                    let from = path.iter().position(|&p| p == at).unwrap_or(0);
                    let mut cycle = path[from..].to_vec();
                    // Positions follow id order: the smallest id comes first.
                    let first = (0..cycle.len()).min_by_key(|&n| cycle[n]).unwrap_or(0);
                    cycle.rotate_left(first);
                    out.push(cycle);
                    break;
                }
                Some(_) => break,
                None => {}
            }
            let Some(&to) = next.get(&at) else { break };
            state.insert(at, 1);
            path.push(at);
            at = to;
        }
        for p in path {
            state.insert(p, 2);
        }
    }
    out.sort();
    out
}

/// Every cycle of fusions of the census, in redirect order from the
/// survivor shown (its smallest id): `[X, Y]` when X redirects to Y and Y
/// to X.
pub fn fusion_cycles(census: &Census) -> Vec<Vec<InitiativeId>> {
    cycle_positions(&redirects(census).0)
        .into_iter()
        .map(|c| {
            c.into_iter()
                .map(|k| census.initiatives[k].id.clone())
                .collect()
        })
        .collect()
}

/// Marks the survivor of every cycle of fusions (and only them). Called
/// wherever a census is read or joined, and after a fusion is written or
/// settled.
pub fn mark(census: &mut Census) {
    let (next, marked) = redirects(census);
    for k in marked {
        census.initiatives[k].cycle_survivor = false;
    }
    for cycle in cycle_positions(&next) {
        census.initiatives[cycle[0]].cycle_survivor = true;
    }
}

/// The cycle `id` belongs to, from its survivor.
pub fn cycle_of(census: &Census, id: &InitiativeId) -> Option<Vec<InitiativeId>> {
    fusion_cycles(census).into_iter().find(|c| c.contains(id))
}

/// A warning for every cycle of fusions, placed at the record shown.
pub fn diagnostics(census: &Census, text: &SourceText) -> Vec<Diagnostic> {
    fusion_cycles(census)
        .into_iter()
        .map(|cycle| Diagnostic {
            location: text.location(text.find_string(cycle[0].as_str(), 0).unwrap_or(0)),
            initiative: Some(cycle[0].clone()),
            field: Some(system::MERGED_INTO.to_string()),
            problem: Problem::FusionCycle { cycle },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::AgentId;
    use crate::census::merge::join;
    use crate::census::model::{Initiative, Value};
    use crate::census::ops::Agent;
    use crate::census::time::Timestamp;

    fn agent(name: &str) -> Agent {
        Agent {
            id: AgentId::parse(name).unwrap(),
            name: name.into(),
        }
    }

    fn census(ids: &[&str]) -> Census {
        let mut c = Census::new("T", "s", 1);
        for id in ids {
            let mut i = Initiative::new(InitiativeId::parse(id).unwrap());
            let d = i.next_dot(agent("aaaaa").id).expect("a small counter");
            i.write("nom", Value::text(*id), d, Timestamp(1));
            c.insert(i);
        }
        c
    }

    fn id(s: &str) -> InitiativeId {
        InitiativeId::parse(s).unwrap()
    }

    #[test]
    fn opposite_fusions_show_the_smaller_id_in_every_merge_order() {
        let start = census(&["X1", "Y1"]);
        let (mut a, mut b) = (start.clone(), start);
        let s = crate::census::Schema::default_schema();
        a.fuse(&s, &id("X1"), &id("Y1"), &agent("aaaaa"), Timestamp(2))
            .unwrap();
        b.fuse(&s, &id("Y1"), &id("X1"), &agent("bbbbb"), Timestamp(3))
            .unwrap();
        let (ab, ba) = (join(&a, &b).unwrap(), join(&b, &a).unwrap());
        assert_eq!(ab, ba);
        let live: Vec<&str> = ab.live().map(|i| i.id.as_str()).collect();
        assert_eq!(live, ["X1"]);
        assert_eq!(ab.redirect(&id("Y1")), &id("X1"));
        assert_eq!(fusion_cycles(&ab), vec![vec![id("X1"), id("Y1")]]);
    }

    #[test]
    fn a_cycle_of_three_is_found_from_its_smallest_id() {
        let mut c = census(&["A1", "B1", "C1", "D1"]);
        let who = agent("aaaaa");
        // B1 → C1 → A1 → B1, and D1 → B1 feeds into the cycle.
        for (from, to) in [("B1", "C1"), ("C1", "A1"), ("A1", "B1"), ("D1", "B1")] {
            let i = c.get_mut(&id(from)).unwrap();
            let mut r = std::collections::BTreeMap::new();
            r.insert("into".to_string(), to.to_string());
            let d = i.next_dot(who.id).expect("a small counter");
            i.write(system::MERGED_INTO, Value::record(r), d, Timestamp(2));
        }
        mark(&mut c);
        assert_eq!(fusion_cycles(&c), vec![vec![id("A1"), id("B1"), id("C1")]]);
        let live: Vec<&str> = c.live().map(|i| i.id.as_str()).collect();
        assert_eq!(live, ["A1"]);
        assert_eq!(c.redirect(&id("D1")), &id("A1"));
        assert_eq!(cycle_of(&c, &id("C1")).map(|c| c.len()), Some(3));
    }
}
