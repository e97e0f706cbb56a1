//! What merging left for a person to decide: a field two colleagues changed
//! without seeing each other's change; an initiative deleted by one and edited
//! by another; edits made on a duplicate after it was fused.

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
    /// Records fused into one another (opposite fusions merged): each with
    /// the fusions that redirect it, in redirect order from `survivor`, the
    /// one shown meanwhile. Settled by choosing the record to keep.
    FusionCycle {
        survivor: InitiativeId,
        records: Vec<(InitiativeId, Vec<Entry>)>,
    },
    /// `absorbed` was fused into `survivor` while someone who had not seen
    /// the fusion said they are two different initiatives.
    FusedNotDuplicate {
        survivor: InitiativeId,
        absorbed: InitiativeId,
        fusions: Vec<Entry>,
        marks: Vec<Entry>,
    },
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

/// The program's fields that hold a person's work on an initiative — its
/// legitimation: they count as edits against a deletion or a fusion that
/// did not see them, like the form's fields. (The status log goes with the
/// status: one write puts an entry in both.)
pub const WORK_FIELDS: [&str; 6] = [
    crate::census::status::STATUS_FIELD,
    crate::census::status::EVIDENCE,
    crate::census::status::CONFIRMATIONS,
    crate::census::actions::ACTIONS,
    crate::census::actions::ACTIONS_DONE,
    crate::census::supports::SUPPORTS,
];

/// The follow-up's fields that are a person's work too: a verification
/// says the fiche is true, an edition that the event took place.
pub const FOLLOWUP_WORK_FIELDS: [&str; 2] = [
    crate::census::freshness::VERIFIED,
    crate::census::editions::EDITIONS,
];

/// Whether entries of `field` are a person's edits (form, unknown and
/// legitimation fields), as opposed to the program's bookkeeping.
pub fn counts_as_edit(field: &str) -> bool {
    !field.starts_with(system::PREFIX)
        || WORK_FIELDS.contains(&field)
        || FOLLOWUP_WORK_FIELDS.contains(&field)
}

/// The entries of the schema's, unknown and legitimation fields that none
/// of `contexts` had seen.
fn unseen_edits(i: &Initiative, contexts: &[Seen]) -> Vec<(String, Entry)> {
    let seen_by_one = |d: &Dot| contexts.iter().any(|c| c.covers(d));
    i.fields
        .iter()
        .filter(|(f, _)| counts_as_edit(f))
        .flat_map(|(f, es)| es.iter().map(move |e| (f, e)))
        .filter(|(_, e)| e.stamp.dot().is_none_or(|d| !seen_by_one(&d)))
        .map(|(f, e)| (f.to_string(), e.clone()))
        .collect()
}

/// Every conflict of a census.
/// Whether a field holds one value, so that two concurrent values are a
/// conflict: the form's single-valued fields, and the status (two colleagues
/// changing it without seeing each other's change). Lists — choices,
/// relations, evidence, confirmations — merge by union instead.
pub fn is_single_valued(schema: &Schema, field: &str) -> bool {
    schema
        .field(field)
        .is_some_and(|f| !f.field_type.is_multi())
        || field == crate::census::status::STATUS_FIELD
}

/// Whether a field of `i` holds concurrent values to choose from.
pub fn in_conflict(schema: &Schema, i: &Initiative, field: &str) -> bool {
    is_single_valued(schema, field) && i.is_conflict(field)
}

pub fn conflicts(census: &Census, schema: &Schema) -> Vec<Conflict> {
    let mut out = Vec::new();
    for i in &census.initiatives {
        if i.cycle_survivor
            && let Some(cycle) = crate::census::cycles::cycle_of(census, &i.id)
        {
            let records = (cycle.into_iter())
                .map(|id| {
                    let fusions = census
                        .get(&id)
                        .map_or_else(Vec::new, |r| r.entries(system::MERGED_INTO).to_vec());
                    (id, fusions)
                })
                .collect();
            out.push(Conflict::FusionCycle {
                survivor: i.id.clone(),
                records,
            });
        }
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
            let Ok(into) = InitiativeId::parse(into) else {
                continue;
            };
            let survivor = census.redirect(&into).clone();
            let marks: Vec<Entry> = (i.entries(system::NOT_DUPLICATE).iter())
                .filter(|e| e.value.as_text() == Some(into.as_str()))
                .filter(|e| {
                    e.stamp
                        .dot()
                        .is_none_or(|d| !contexts.iter().any(|c| c.covers(&d)))
                })
                .cloned()
                .collect();
            if !marks.is_empty() {
                out.push(Conflict::FusedNotDuplicate {
                    survivor: survivor.clone(),
                    absorbed: i.id.clone(),
                    fusions: i.entries(system::MERGED_INTO).to_vec(),
                    marks,
                });
            }
            if !edits.is_empty() {
                out.push(Conflict::AfterFusion {
                    survivor,
                    absorbed: i.id.clone(),
                    edits,
                });
            }
            continue;
        }
        for (field, entries) in i.fields.iter() {
            // One entry cannot conflict: no lookups for most fields.
            if entries.len() > 1 && in_conflict(schema, i, field) {
                let mut entries = entries.to_vec();
                entries.sort_by(|a, b| {
                    (b.stamp.at(), b.stamp.dot()).cmp(&(a.stamp.at(), a.stamp.dot()))
                });
                if field == crate::census::status::STATUS_FIELD {
                    // The highest status on the ladder is proposed first.
                    entries.sort_by_key(|e| std::cmp::Reverse(ladder_rank(e)));
                }
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

/// The rung of a status entry on the ladder (off the ladder: below it).
fn ladder_rank(e: &Entry) -> Option<usize> {
    let status = e.value.as_text()?;
    crate::census::status::LADDER
        .iter()
        .position(|s| *s == status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::AgentId;
    use crate::census::time::Timestamp;

    /// Two entries side by side in one field, as a merge leaves them.
    fn two_entries(field: &str, a: &str, b: &str) -> Initiative {
        let mut i = Initiative::new(InitiativeId::generate(0));
        let dot = |agent: &str| Dot {
            agent: AgentId::parse(agent).unwrap(),
            counter: 1,
        };
        i.write(field, Value::text(a), dot("anne"), Timestamp(1));
        let second = Entry::new(Value::text(b), dot("bruno"), Timestamp(2));
        i.fields.get_or_insert(field).push(second);
        i
    }

    #[test]
    fn only_single_valued_fields_and_the_status_conflict() {
        let s = Schema::default_schema();
        let phone = two_entries("telephone", "+33298000001", "+33298000002");
        assert!(in_conflict(&s, &phone, "telephone"));
        let status = two_entries(crate::census::status::STATUS_FIELD, "contacte", "rencontre");
        assert!(in_conflict(
            &s,
            &status,
            crate::census::status::STATUS_FIELD
        ));
        // Lists merge by union: several values are not a conflict.
        let problems = two_entries("problemes_publics", "democratie", "souverainete");
        assert!(!in_conflict(&s, &problems, "problemes_publics"));
        let evidence = two_entries(crate::census::status::EVIDENCE, "a", "b");
        assert!(!in_conflict(&s, &evidence, crate::census::status::EVIDENCE));
        // A field the form does not know is never offered as a conflict.
        let unknown = two_entries("ancien_champ", "x", "y");
        assert!(!in_conflict(&s, &unknown, "ancien_champ"));
    }
}
