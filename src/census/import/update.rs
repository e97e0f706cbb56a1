//! A record found again: what changes in the initiative, only the fields
//! that differ (importing the same file twice changes nothing).

use smallvec::SmallVec;

use super::decide::{problem, with_lines};
use super::plan::{Checked, Planner, RowFate};
use super::record::{EvidenceSpec, Incoming};
use crate::census::model::Initiative;
use crate::census::ops::{Changes, FieldValues};
use crate::census::schema::{Field, FieldType};
use crate::census::search::fold;
use crate::census::standards::RowCells;
use crate::census::status;
use crate::census::time::Date;

/// The distinct values of one field among `values`, in their order.
fn values_of<'v>(values: &'v [Checked], def: &Field) -> SmallVec<[&'v str; 8]> {
    let mut out: SmallVec<[&str; 8]> = SmallVec::new();
    for v in values.iter().filter(|v| std::ptr::eq(v.def, def)) {
        if !out.contains(&v.value.as_str()) {
            out.push(&v.value);
        }
    }
    out
}

/// Whether an initiative holds this evidence already (same kind, same date).
fn has_evidence(i: &Initiative, e: &EvidenceSpec) -> bool {
    let date = Date::parse(&e.date);
    status::evidence(i)
        .iter()
        .any(|x| x.kind == e.kind && x.date == date)
}

impl Planner<'_> {
    /// What changes in the initiative at `pos`: only the fields that differ.
    pub(super) fn update(
        &mut self,
        pos: usize,
        inc: &mut Incoming,
        values: &mut Vec<Checked>,
        cells: Option<RowCells>,
    ) -> RowFate {
        let (schema, census) = (self.schema, self.census);
        let existing = &census.initiatives[pos];
        let mut notes: Vec<&str> = inc.notes.iter().map(|n| n.text.as_str()).collect();
        if let Some(cells) = &cells {
            let same = cells.same_columns(census, schema, existing);
            let kept = |c: &Option<usize>| c.is_none_or(|c| !same.contains(&c));
            values.retain(|v| kept(&v.column));
            notes = inc
                .notes
                .iter()
                .filter(|n| kept(&n.column))
                .map(|n| n.text.as_str())
                .collect();
        }
        values.retain(|v| !v.default || existing.entries(&v.def.id).is_empty());
        let given_notes = values
            .iter()
            .find(|v| v.def.id == "notes")
            .map(|v| v.value.as_str());
        // Compared field by field without building anything: most records
        // of a file imported again change nothing.
        let mut changes: Vec<FieldValues> = Vec::new();
        for (n, first) in values.iter().enumerate() {
            let def = first.def;
            if def.id == "notes" || values[..n].iter().any(|v| std::ptr::eq(v.def, def)) {
                continue;
            }
            let incoming = values_of(&values[n..], def);
            let current = existing
                .entries(&def.id)
                .iter()
                .filter_map(|e| e.value.as_text());
            let same = if def.field_type.is_multi() {
                // Both sets hold each value once: the same size and one in
                // the other make them equal.
                let mut have: SmallVec<[&str; 8]> = SmallVec::new();
                for c in current {
                    if !have.contains(&c) {
                        have.push(c);
                    }
                }
                have.len() == incoming.len() && incoming.iter().all(|v| have.contains(v))
            } else {
                // A file in capitals or without accents does not rewrite a
                // text typed with care: `recense edit` corrects such things.
                let text = matches!(def.field_type, FieldType::Text | FieldType::LongText);
                let incoming = incoming[0];
                current.clone().any(|c| c == incoming)
                    || (text && current.into_iter().any(|c| fold(c) == fold(incoming)))
            };
            if !same {
                changes.push(FieldValues {
                    field: def.id.clone(),
                    values: incoming.iter().map(|v| v.to_string()).collect(),
                });
            }
        }
        // Without a line to add nor notes given, the notes stay as they are.
        let base = given_notes.or(existing.value("notes"));
        if (!notes.is_empty() || given_notes.is_some())
            && let Some(text) = with_lines(base, &notes)
            && existing.value("notes") != Some(text.as_str())
        {
            changes.push(FieldValues {
                field: "notes".into(),
                values: vec![text],
            });
        }
        let evidence: Vec<EvidenceSpec> = std::mem::take(&mut inc.evidence)
            .into_iter()
            .filter(|e| !has_evidence(existing, e))
            .collect();
        let new_status = (inc.status.take()).filter(|(s, _)| status::current(existing) != s);
        if changes.is_empty() && evidence.is_empty() && new_status.is_none() {
            return RowFate::Unchanged {
                id: existing.id.clone(),
            };
        }
        // Tried on a copy: a change that `recense edit` would refuse is
        // reported now, not when applying.
        let id = existing.id.clone();
        self.scratch.initiatives = vec![existing.clone()];
        let changes = Changes::set(changes);
        let (agent, now) = (self.agent, self.now);
        let tried = self
            .scratch
            .edit_initiative(schema, &id, agent, &changes, now)
            .map_err(problem)
            .and_then(|_| self.try_extras(&id, &evidence, &new_status));
        if let Err(p) = tried {
            return RowFate::Skipped { problems: vec![p] };
        }
        RowFate::Update {
            id,
            fields: changes.set.iter().map(|fv| fv.field.clone()).collect(),
            changes,
            evidence,
            status: new_status,
        }
    }
}
