//! What merging left for a person to decide: a field two colleagues changed
//! without seeing each other's change; an initiative deleted by one and edited
//! by another; edits made on a duplicate after it was fused.

use std::collections::BTreeMap;

use crate::census::id::InitiativeId;
use crate::census::model::{Census, Dot, Entry, Initiative, Seen, Value, system};
use crate::census::schema::Schema;

/// One decision to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// A single-valued field holding several values written concurrently,
    /// most recently dated first (the date decides only the order).
    Field {
        id: InitiativeId,
        field: String,
        entries: Vec<Entry>,
    },
    /// Deleted by someone who had not seen these edits.
    DeletedEdited {
        id: InitiativeId,
        deletions: Vec<Entry>,
        edits: Vec<(String, Entry)>,
    },
    /// Edits made on `absorbed` after it was fused into `survivor`.
    AfterFusion {
        survivor: InitiativeId,
        absorbed: InitiativeId,
        edits: Vec<(String, Entry)>,
    },
}

impl Conflict {
    /// The initiative the person deals with.
    pub fn initiative(&self) -> &InitiativeId {
        match self {
            Conflict::Field { id, .. } | Conflict::DeletedEdited { id, .. } => id,
            Conflict::AfterFusion { survivor, .. } => survivor,
        }
    }
}

/// What a record value (a deletion, a fusion) says it had seen.
pub fn context_of(value: &Value) -> Seen {
    let mut seen = Seen::default();
    if let Value::Record(r) = value {
        for (agent, counter) in r.iter() {
            if let (Ok(a), Ok(c)) = (crate::census::id::AgentId::parse(agent), counter.parse()) {
                seen.raise(a, c);
            }
        }
    }
    seen
}

/// The entries of the schema's and unknown fields (not the program's own)
/// that none of `contexts` had seen.
fn unseen_edits(i: &Initiative, contexts: &[Seen]) -> Vec<(String, Entry)> {
    let seen_by_one = |d: &Dot| contexts.iter().any(|c| c.covers(d));
    i.fields
        .iter()
        .filter(|(f, _)| !f.starts_with(system::PREFIX))
        .flat_map(|(f, es)| es.iter().map(move |e| (f, e)))
        .filter(|(_, e)| e.stamp.dot().is_none_or(|d| !seen_by_one(&d)))
        .map(|(f, e)| (f.to_string(), e.clone()))
        .collect()
}

/// Every conflict of a census.
pub fn conflicts(census: &Census, schema: &Schema) -> Vec<Conflict> {
    let mut out = Vec::new();
    for i in &census.initiatives {
        if i.is_deleted() {
            let deletions: Vec<Entry> = i.entries(system::DELETED).to_vec();
            let contexts: Vec<Seen> = deletions.iter().map(|e| context_of(&e.value)).collect();
            let edits = unseen_edits(i, &contexts);
            if !edits.is_empty() {
                out.push(Conflict::DeletedEdited {
                    id: i.id.clone(),
                    deletions,
                    edits,
                });
            }
            continue;
        }
        if let Some(into) = i.merged_into() {
            let contexts: Vec<Seen> = i
                .entries(system::MERGED_INTO)
                .iter()
                .map(|e| context_of(&e.value))
                .collect();
            let edits = unseen_edits(i, &contexts);
            if let (false, Ok(survivor)) = (edits.is_empty(), InitiativeId::parse(into)) {
                out.push(Conflict::AfterFusion {
                    survivor: census.redirect(&survivor).clone(),
                    absorbed: i.id.clone(),
                    edits,
                });
            }
            continue;
        }
        for (field, entries) in i.fields.iter() {
            // The status is single-valued too: two colleagues changing it
            // without seeing each other's change is a conflict.
            let single = schema
                .field(field)
                .is_some_and(|f| !f.field_type.is_multi())
                || field == crate::census::status::STATUS_FIELD;
            if single && i.is_conflict(field) {
                let mut entries = entries.to_vec();
                entries.sort_by(|a, b| {
                    (b.stamp.at(), b.stamp.dot()).cmp(&(a.stamp.at(), a.stamp.dot()))
                });
                out.push(Conflict::Field {
                    id: i.id.clone(),
                    field: field.to_string(),
                    entries,
                });
            }
        }
    }
    out
}

/// How many conflicts each initiative has (for badges and summaries).
pub fn count_by_initiative(conflicts: &[Conflict]) -> BTreeMap<InitiativeId, usize> {
    let mut out = BTreeMap::new();
    for c in conflicts {
        *out.entry(c.initiative().clone()).or_insert(0) += 1;
    }
    out
}
