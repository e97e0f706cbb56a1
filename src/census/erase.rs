//! Erasing personal data so that it stays erased through merges (RGPD).
//!
//! A purge removes the entries of a field and leaves an *erasure mark* in the
//! system field `_erased`: which field, and the dots of the writes erased —
//! never the value. Marks are elements of a multi-valued field: they unite
//! at every merge and are never removed. The join honours them
//! ([`honour`]): an entry whose dot a mark names is dropped, whichever copy
//! brings it, so the join stays commutative, associative and idempotent
//! (it is the join followed by a filter that only ever removes the same
//! entries). A value written after the purge has a dot no mark names, and
//! is kept. See docs/rgpd-erasure.md.

pub mod person;
pub mod public;
pub mod retention;
pub mod unseen;

use std::collections::BTreeMap;

use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, CounterExhausted, Dot, Entry, Initiative, Stamp, Value};
use crate::census::ops::Agent;
use crate::census::time::Timestamp;

/// Erasure marks: `{"field": F, "dots": "agent:counter …"}`.
pub const ERASED: &str = "_erased";

/// What replaces a name or a contact detail erased from a free text.
pub const REDACTED: &str = "[effacé]";

/// Fields whose record values hold free text (notes, comments, a support's
/// giver) that may name a person.
const NOTE_FIELDS: [&str; 4] = ["_evidence", "_status_log", "_confirmations", "_soutiens"];
/// The keys of those records that hold free text.
const NOTE_KEYS: [&str; 3] = ["note", "comment", "from"];

/// One mark, read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub field: String,
    pub dots: Vec<Dot>,
    /// When the purge was made (the mark's own stamp).
    pub at: Option<Timestamp>,
}

fn mark_value(field: &str, dots: &[Dot]) -> Value {
    let text: Vec<String> = dots
        .iter()
        .map(|d| format!("{}:{}", d.agent, d.counter))
        .collect();
    let mut map = BTreeMap::new();
    map.insert("field".to_string(), field.to_string());
    map.insert("dots".to_string(), text.join(" "));
    Value::record(map)
}

fn parse_dots(text: &str) -> Vec<Dot> {
    text.split_whitespace()
        .filter_map(|d| {
            let (agent, counter) = d.rsplit_once(':')?;
            Some(Dot {
                agent: AgentId::parse(agent).ok()?,
                counter: counter.parse().ok()?,
            })
        })
        .collect()
}

/// The erasure marks of an initiative.
pub fn marks(i: &Initiative) -> Vec<Mark> {
    i.entries(ERASED)
        .iter()
        .filter_map(|e| match &e.value {
            Value::Record(r) => Some(Mark {
                field: r.get("field")?.clone(),
                dots: parse_dots(r.get("dots").map_or("", String::as_str)),
                at: e.stamp.at(),
            }),
            Value::Text(_) => None,
        })
        .collect()
}

/// Whether a mark of `marks` names the write of `e` in `field`.
fn erased_by(marks: &[Mark], field: &str, e: &Entry) -> Option<Option<Timestamp>> {
    let dot = e.stamp.dot()?;
    marks
        .iter()
        .find(|m| m.field == field && m.dots.contains(&dot))
        .map(|m| m.at)
}

/// Drops the entries the initiative's marks name; returns how many. A
/// no-op (one lookup) for an initiative without marks.
pub fn honour(i: &mut Initiative) -> usize {
    if !i.fields.contains_key(ERASED) {
        return 0;
    }
    let marks = marks(i);
    let mut dropped = 0;
    i.fields.retain(|field, entries| {
        let before = entries.len();
        entries.retain(|e| erased_by(&marks, field, e).is_none());
        dropped += before - entries.len();
        !entries.is_empty()
    });
    dropped
}

/// What a received copy still held of personal data erased here (or in a
/// copy it was merged with): how many values, and the latest purge date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeldErased {
    pub values: usize,
    pub erased_on: Option<Timestamp>,
}

/// The entries of `theirs` that the marks of `merged` (the result of the
/// merge) name: the copy held values erased elsewhere; they were dropped.
pub fn held_erased(merged: &Census, theirs: &Census) -> Option<HeldErased> {
    let marked = |i: &&Initiative| i.fields.contains_key(ERASED);
    // Look up from the smaller side (a bundle, or a census with few marks).
    let pairs: Vec<(&Initiative, &Initiative)> =
        if theirs.initiatives.len() <= merged.initiatives.len() {
            theirs
                .initiatives
                .iter()
                .filter_map(|i| merged.get(&i.id).filter(marked).map(|m| (m, i)))
                .collect()
        } else {
            merged
                .initiatives
                .iter()
                .filter(marked)
                .filter_map(|m| theirs.get(&m.id).map(|i| (m, i)))
                .collect()
        };
    let mut out = HeldErased {
        values: 0,
        erased_on: None,
    };
    for (m, i) in pairs {
        let marks = marks(m);
        for (field, entries) in i.fields.iter() {
            for e in entries.iter() {
                if let Some(at) = erased_by(&marks, field, e) {
                    out.values += 1;
                    out.erased_on = out.erased_on.max(at);
                }
            }
        }
    }
    (out.values > 0).then_some(out)
}

/// Why a value is erased.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Asked for this initiative (and field).
    Asked,
    /// It names the person asked for.
    Person,
    /// Kept past the retention period after the last contact (that date).
    Expired(Option<Timestamp>),
    /// The initiative was deleted longer than the grace period ago (then).
    Deleted(Option<Timestamp>),
}

/// What a purge erased (or would erase) in one initiative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Erased {
    pub initiative: InitiativeId,
    /// Fields whose values were erased.
    pub fields: Vec<String>,
    /// Free texts (fields or notes) where a name or detail was replaced.
    pub redacted: Vec<String>,
    pub why: Why,
}

/// Replaces each needle in `text`; `None` when none occurs.
fn redact(text: &str, needles: &[String]) -> Option<String> {
    let mut out = text.to_string();
    let mut changed = false;
    for n in needles {
        if let Some(r) = person::replace_mentions(&out, n, REDACTED) {
            out = r;
            changed = true;
        }
    }
    changed.then_some(out)
}

/// The redacted form of an entry's value, if a needle occurs in it.
fn redacted_value(
    value: &Value,
    field: &str,
    free_text: &[&str],
    needles: &[String],
) -> Option<Value> {
    match value {
        Value::Text(t) if free_text.contains(&field) => redact(t, needles).map(Value::text),
        Value::Record(r) if NOTE_FIELDS.contains(&field) => {
            let mut map = (**r).clone();
            let mut changed = false;
            for key in NOTE_KEYS {
                if let Some(v) = map.get_mut(key)
                    && let Some(new) = redact(v, needles)
                {
                    *v = new;
                    changed = true;
                }
            }
            changed.then(|| Value::record(map))
        }
        _ => None,
    }
}

/// Erases `fields` of `i` and replaces `needles` in its free texts
/// (`free_text` fields, notes and comments), as one write of `agent` that
/// leaves marks. Returns what was erased, or `None` when nothing was there.
pub fn erase_in(
    i: &mut Initiative,
    fields: &[&str],
    free_text: &[&str],
    needles: &[String],
    agent: &Agent,
    now: Timestamp,
    why: Why,
) -> Result<Option<Erased>, CounterExhausted> {
    let mut erased: Vec<(String, Vec<Dot>)> = Vec::new();
    let mut redacted: Vec<(String, Vec<(Entry, Value)>)> = Vec::new();
    for (field, entries) in i.fields.iter() {
        if field.starts_with('_') && !NOTE_FIELDS.contains(&field) {
            continue;
        }
        if fields.contains(&field) {
            erased.push((
                field.to_string(),
                entries.iter().filter_map(|e| e.stamp.dot()).collect(),
            ));
            continue;
        }
        let changed: Vec<(Entry, Value)> = entries
            .iter()
            .filter_map(|e| {
                let value = redacted_value(&e.value, field, free_text, needles)?;
                Some((e.clone(), value))
            })
            .collect();
        if !changed.is_empty() {
            redacted.push((field.to_string(), changed));
        }
    }
    if erased.is_empty() && redacted.is_empty() {
        return Ok(None);
    }
    let dot = i.next_dot(agent.id)?;
    let mut report = Erased {
        initiative: i.id.clone(),
        fields: Vec::new(),
        redacted: Vec::new(),
        why,
    };
    for (field, dots) in erased {
        i.clear(&field);
        if !dots.is_empty() {
            i.add_element(ERASED, mark_value(&field, &dots), dot, now);
        }
        report.fields.push(field);
    }
    for (field, changed) in redacted {
        let old: Vec<Dot> = changed.iter().filter_map(|(e, _)| e.stamp.dot()).collect();
        let list = i.fields.get_or_insert(&field);
        for (before, value) in changed {
            // The old entry goes, the redacted one is a new write; a
            // record keeps its original author.
            list.retain(|x| *x != before);
            let value = keep_author(value, before.stamp);
            if !list.iter().any(|x| x.value == value) {
                list.push(Entry::new(value, dot, now));
            }
        }
        // Another value written by the same write is not erased: it becomes
        // part of this write, so that the mark names no value left.
        for x in list.iter_mut() {
            if x.stamp.dot().is_some_and(|d| old.contains(&d)) {
                *x = Entry::new(keep_author(x.value.clone(), x.stamp), dot, now);
            }
        }
        list.sort_by(Entry::canonical_cmp);
        list.dedup_by(|a, b| a.value == b.value && a.stamp.dot() == b.stamp.dot());
        if !old.is_empty() {
            i.add_element(ERASED, mark_value(&field, &old), dot, now);
        }
        report.redacted.push(field);
    }
    Ok(Some(report))
}

/// A redacted record names its original author (`by`), as a fusion's
/// carried records do.
fn keep_author(value: Value, stamp: Stamp) -> Value {
    match value {
        Value::Record(mut r) => {
            if let Some(dot) = stamp.dot() {
                r.entry("by".to_string())
                    .or_insert_with(|| dot.agent.hand_owner().to_string());
            }
            Value::Record(r)
        }
        text => text,
    }
}

/// `old` (an older census that `restore-from` or `undo` takes values
/// from) with the fields that `current` erased since given `current`'s
/// own entries: going back never brings an erased value back.
pub fn shield(old: &Census, current: &Census) -> Option<Census> {
    let marked = |i: &Initiative| i.fields.contains_key(ERASED);
    if !current.initiatives.iter().any(marked) {
        return None;
    }
    let mut out = old.clone();
    for i in &mut out.initiatives {
        let Some(now) = current.get(&i.id).filter(|c| marked(c)) else {
            continue;
        };
        for m in marks(now) {
            let named = i
                .entries(&m.field)
                .iter()
                .any(|e| erased_by(std::slice::from_ref(&m), &m.field, e).is_some());
            if named {
                match now.fields.get(&m.field) {
                    Some(entries) => i.fields.insert(&m.field, entries.clone()),
                    None => i.clear(&m.field),
                }
            }
        }
    }
    Some(out)
}

/// Rewrites the backup of the census at `path` as the census now is: the
/// previous version held values just erased. (A save empties the journal.)
pub fn scrub_backup(path: &std::path::Path) -> Result<(), std::io::Error> {
    let bak = crate::census::store::backup_path(path);
    if bak.exists() {
        std::fs::remove_file(&bak)?;
        // A copy keeps the census' permissions (owner only).
        std::fs::copy(path, &bak)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
