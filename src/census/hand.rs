//! Adopting values changed by hand in a census file: the hand edits of an
//! initiative become one write of a hand-edit agent (`k3x9q~`), so that
//! merging keeps them instead of taking them for the values they replaced.
//!
//! That write is a function of the initiative's content alone (its `seen`,
//! its hand-edited values, the dates it records): whoever adopts the same
//! hand edit (the colleague who typed it, each colleague who receives their
//! file) makes the same write, with the same dot, date and value, and the
//! join sees one write.

use crate::census::hash::fnv1a64;
use crate::census::id::AgentId;
use crate::census::model::{Census, Dot, Initiative, Stamp};
use crate::census::time::Timestamp;

/// How far past `seen` the adoption's counter may go. The counter depends on
/// the hand-edited values, so that two different hand edits of one
/// initiative made from the same state (its owner edits it again by hand
/// after sending the file) do not reuse one dot for two values.
const SPREAD: u64 = 1 << 16;

impl Census {
    /// Gives the hand edits of each initiative one write of `owner`'s
    /// hand-edit agent (`owner~`, named `name` in the file), dated by the
    /// latest change the initiative records (the hand edit came later), or
    /// `fallback` when it records none (written entirely by hand). Returns
    /// how many initiatives had hand edits.
    pub fn adopt_hand_edits_of(
        &mut self,
        owner: AgentId,
        name: &str,
        fallback: Timestamp,
    ) -> usize {
        let hand = owner.hand();
        let mut count = 0;
        for i in &mut self.initiatives {
            let Some(dot) = adoption_dot(i, hand) else {
                continue;
            };
            let at = latest_date(i).unwrap_or(fallback);
            for entries in i.fields.values_mut() {
                for e in entries.iter_mut().filter(|e| e.stamp.is_hand_edit()) {
                    e.stamp = Stamp::Recorded { dot, at };
                }
            }
            i.normalize();
            count += 1;
        }
        if count > 0 {
            self.agents.entry(hand).or_insert_with(|| name.to_string());
        }
        count
    }
}

/// The dot adopting the hand edits of `i` gets; `None` without hand edits.
fn adoption_dot(i: &Initiative, hand: AgentId) -> Option<Dot> {
    let mut bytes = Vec::new();
    for (field, entries) in i.fields.iter() {
        for e in entries.iter().filter(|e| e.stamp.is_hand_edit()) {
            bytes.extend_from_slice(field.as_bytes());
            bytes.push(0x1f);
            bytes.extend_from_slice(&e.value.short_hash().to_le_bytes());
            bytes.push(0x1e);
        }
    }
    if bytes.is_empty() {
        return None;
    }
    let spread = u32::try_from(fnv1a64(&bytes) % SPREAD).unwrap_or(0);
    let counter = i.seen.get(&hand).saturating_add(1).saturating_add(spread);
    Some(Dot {
        agent: hand,
        counter,
    })
}

/// The latest date among the entries of `i`.
fn latest_date(i: &Initiative) -> Option<Timestamp> {
    i.fields
        .iter()
        .flat_map(|(_, es)| es.iter())
        .filter_map(|e| e.stamp.at())
        .max()
}
