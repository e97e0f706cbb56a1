//! What a fusion carries from the duplicate to the kept record besides the
//! form's values: the legitimation work — status, status log, evidence,
//! confirmations — and the follow-up (actions and their closings).
//!
//! Dots count each agent's writes *per initiative*, so an entry cannot keep
//! its dot when it moves to another initiative: the kept record's copies
//! may already hold another write under that dot, and a join would then
//! take the moved entry for one they had overwritten. Copies are therefore
//! new writes of the person fusing (one dot for the fusion), keeping their
//! original date, and evidence, confirmations and status changes name their
//! original author in their record (`by`), which the views show.

use crate::census::actions::{ACTIONS, ACTIONS_DONE};
use crate::census::id::AgentId;
use crate::census::model::{CounterExhausted, Dot, Entry, Initiative, Value};
use crate::census::ops::next_once;
use crate::census::status::{self, CONFIRMATIONS, EVIDENCE, STATUS_FIELD, STATUS_LOG};
use crate::census::time::Timestamp;

/// The record key naming the original author of work carried by a fusion.
pub const BY: &str = "by";

/// Who did a piece of work: the author its record names (carried by a
/// fusion), else the writer of its entry.
pub fn author_of(e: &Entry) -> Option<AgentId> {
    if let Value::Record(r) = &e.value
        && let Some(a) = r.get(BY).and_then(|a| AgentId::parse(a).ok())
    {
        return Some(a);
    }
    e.stamp.dot().map(|d| d.agent)
}

/// The record without its author, to compare two pieces of work.
fn content(value: &Value) -> Option<Vec<(&str, &str)>> {
    match value {
        Value::Record(r) => Some(
            r.iter()
                .filter(|(k, _)| k.as_str() != BY)
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
        ),
        Value::Text(_) => None,
    }
}

/// Whether `list` already holds this work: the same confirmer, or the same
/// record by the same author.
fn holds_work(field: &str, list: &[Entry], e: &Entry) -> bool {
    let author = author_of(e);
    list.iter().any(|x| {
        author_of(x) == author && (field == CONFIRMATIONS || content(&x.value) == content(&e.value))
    })
}

/// Carries the legitimation work of `source` that `unseen` lets through
/// (what an earlier fusion did not see) into `target`; returns how many
/// entries were added. `dot` is the fusion's dot, taken on first use.
pub fn carry_work(
    target: &mut Initiative,
    source: &Initiative,
    unseen: &dyn Fn(&Entry) -> bool,
    dot: &mut Option<Dot>,
    agent: AgentId,
    now: Timestamp,
) -> Result<usize, CounterExhausted> {
    let mut added = 0;
    let followup = crate::census::conflicts::FOLLOWUP_WORK_FIELDS;
    let supports = crate::census::supports::SUPPORTS;
    for field in [
        EVIDENCE,
        CONFIRMATIONS,
        STATUS_LOG,
        ACTIONS,
        ACTIONS_DONE,
        supports,
    ]
    .into_iter()
    .chain(followup)
    {
        for e in source.entries(field).iter().filter(|e| unseen(e)) {
            let (Value::Record(r), Some(author)) = (&e.value, author_of(e)) else {
                continue;
            };
            if holds_work(field, target.entries(field), e) {
                continue;
            }
            let mut r = (**r).clone();
            r.insert(BY.to_string(), author.to_string());
            let d = next_once(dot, target, agent)?;
            let at = e.stamp.at().unwrap_or(now);
            let list = target.fields.get_or_insert(field);
            list.push(Entry::new(Value::record(r), d, at));
            list.sort_by(Entry::canonical_cmp);
            added += 1;
        }
    }
    // The status: taken when the kept record has none; a different one
    // becomes a conflict (the higher on the ladder proposed first).
    let have: Vec<String> = target
        .values(STATUS_FIELD)
        .iter()
        .map(|s| s.to_string())
        .collect();
    for e in source.entries(STATUS_FIELD).iter().filter(|e| unseen(e)) {
        let Some(value) = e.value.as_text() else {
            continue;
        };
        if have.iter().any(|h| h == value) || !status::STATUSES.contains(&value) {
            continue;
        }
        let d = next_once(dot, target, agent)?;
        let at = e.stamp.at().unwrap_or(now);
        let list = target.fields.get_or_insert(STATUS_FIELD);
        if !list.iter().any(|x| x.value == e.value) {
            list.push(Entry::new(e.value.clone(), d, at));
            list.sort_by(Entry::canonical_cmp);
            added += 1;
        }
    }
    Ok(added)
}
