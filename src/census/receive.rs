//! Merging a file received from a colleague, the same for every front end
//! (`recense merge`, the git merge driver, the interface's `:merge`): the
//! join, the territory the result keeps, and the values it brought that
//! `add` would refuse (kept, nothing is dropped, but reported).

use crate::census::exchange::{MergeSummary, adopt_received, merge_adopted};
use crate::census::id::InitiativeId;
use crate::census::merge::MergeError;
use crate::census::model::{Census, Initiative, Seen, system};
use crate::census::ops::{Agent, OpError, check_value};
use crate::census::schema::Schema;
use crate::census::time::Timestamp;

/// What merging one received file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    pub summary: MergeSummary,
    /// The file is a census of another territory.
    pub territory: Option<OtherTerritory>,
    /// Values the file brought that `add` would refuse, kept.
    pub invalid: Vec<InvalidValue>,
    /// Personal data the file still held that was erased: dropped.
    pub erased: Option<crate::census::erase::HeldErased>,
    /// Personal data of ours the file erased (its marks): dropped here too.
    pub erased_here: Option<crate::census::erase::HeldErased>,
}

/// A received census of another territory than `ours`: the result is a
/// census of `kept` (ours, unless the person chose another).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherTerritory {
    pub ours: String,
    pub theirs: String,
    pub kept: String,
}

/// A value of a census that `add` would refuse, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidValue {
    pub initiative: InitiativeId,
    pub field: String,
    pub value: String,
    pub error: OpError,
}

/// Merges `theirs` into `ours` (see [`merge_adopted`]). The result keeps
/// the territory of `ours`, or `territory` when given.
pub fn merge_received(
    ours: &mut Census,
    schema: &Schema,
    theirs: &Census,
    agent: &Agent,
    now: Timestamp,
    territory: Option<&str>,
) -> Result<Received, MergeError> {
    let mut adopted = theirs.clone();
    let hand_edits = adopt_received(&mut adopted, agent, now);
    // A public copy's missing personal fields are unknown, not erased.
    crate::census::erase::public::fill_withheld(&mut adopted, ours);
    let incoming = incoming_values(ours, &adopted, schema);
    let erased_here = crate::census::erase::held_erased(&adopted, ours);
    let before = ours.territory.clone();
    let summary = merge_adopted(ours, schema, &adopted, hand_edits)?;
    let erased = crate::census::erase::held_erased(ours, &adopted);
    // The join keeps one of two territories, the same in every order; a
    // merge into a census keeps that census' own.
    let kept = territory.map_or_else(|| before.clone(), str::to_string);
    ours.territory = kept.clone();
    let territory = (theirs.territory != before).then(|| OtherTerritory {
        ours: before,
        theirs: theirs.territory.clone(),
        kept,
    });
    let invalid = incoming
        .into_iter()
        .filter_map(|(id, field, value)| {
            let i = ours.get(&id).filter(|i| !i.is_deleted())?;
            invalid_value(ours, schema, i, &field, &value)
        })
        .collect();
    Ok(Received {
        summary,
        territory,
        invalid,
        erased,
        erased_here,
    })
}

/// The values of the live initiatives of `census` that `add` would refuse.
pub fn invalid_values(census: &Census, schema: &Schema) -> Vec<InvalidValue> {
    let mut out = Vec::new();
    for i in census.initiatives.iter().filter(|i| !i.is_deleted()) {
        for (field, entries) in i.fields.iter() {
            for e in entries.iter() {
                if let Some(v) = e.value.as_text()
                    && let Some(bad) = invalid_value(census, schema, i, field, v)
                {
                    out.push(bad);
                }
            }
        }
    }
    out
}

/// `value` of `field` checked as `add` checks it; fields of the program
/// (`_…`) and fields unknown to the form are not the form's to check.
fn invalid_value(
    census: &Census,
    schema: &Schema,
    i: &Initiative,
    field: &str,
    value: &str,
) -> Option<InvalidValue> {
    if field.starts_with(system::PREFIX) {
        return None;
    }
    let def = schema.field(field)?;
    let error = check_value(schema, census, def, value, Some(&i.id)).err()?;
    Some(InvalidValue {
        initiative: i.id.clone(),
        field: field.to_string(),
        value: value.to_string(),
        error,
    })
}

/// The values of `theirs` that `ours` has not seen: (initiative, field, value).
fn incoming_values(
    ours: &Census,
    theirs: &Census,
    schema: &Schema,
) -> Vec<(InitiativeId, String, String)> {
    let mut out = Vec::new();
    for i in theirs.initiatives.iter().filter(|i| !i.is_deleted()) {
        let seen = ours.get(&i.id).map(|mine| &mine.seen);
        if seen.is_some_and(|s| covers_all(s, &i.seen)) {
            continue;
        }
        for (field, entries) in i.fields.iter() {
            if field.starts_with(system::PREFIX) || schema.field(field).is_none() {
                continue;
            }
            let new = entries.iter().filter(|e| match (seen, e.stamp.dot()) {
                (Some(s), Some(dot)) => !s.covers(&dot),
                _ => true,
            });
            for e in new {
                if let Some(v) = e.value.as_text() {
                    out.push((i.id.clone(), field.to_string(), v.to_string()));
                }
            }
        }
    }
    out
}

/// Whether `a` has seen every write `b` has.
fn covers_all(a: &Seen, b: &Seen) -> bool {
    b.0.iter().all(|(agent, c)| a.get(agent) >= *c)
}
