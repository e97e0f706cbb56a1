//! Deciding what happens to a checked record: which initiative it is, what
//! changes, or what it would be when created.

use std::collections::HashSet;

use foldhash::fast::FixedState;
use smallvec::SmallVec;

use super::plan::{Candidate, Checked, Found, Match, Outcome, Planner, Slot};
use super::record::{EvidenceSpec, Incoming, RowProblem};
use crate::census::duplicates::Identity;
use crate::census::model::{Initiative, LookupError, Text};
use crate::census::ops::{Changes, FieldValues, OpError, check_value, new_initiative};
use crate::census::schema::{Field, FieldType};
use crate::census::search::fold;
use crate::census::standards::RowCells;
use crate::census::time::Date;
use crate::census::{InitiativeId, status};

/// Values grouped by field, in the order the fields first come, each once;
/// `values` is emptied (its strings are moved, not copied).
fn group(values: &mut Vec<Checked>) -> Vec<FieldValues> {
    let mut defs: SmallVec<[&Field; 32]> = SmallVec::new();
    let mut out: Vec<FieldValues> = Vec::with_capacity(values.len());
    for c in values.drain(..) {
        match defs.iter().position(|d| std::ptr::eq(*d, c.def)) {
            Some(n) if !out[n].values.iter().any(|v| *v == c.value) => {
                out[n].values.push(c.value.into_string())
            }
            Some(_) => {}
            None => {
                defs.push(c.def);
                out.push(FieldValues {
                    field: c.def.id.clone(),
                    values: vec![c.value.into_string()],
                });
            }
        }
    }
    out
}

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

/// `base` with the lines it does not hold yet.
fn with_lines(base: Option<&str>, lines: &[&str]) -> Option<String> {
    let mut out = base.unwrap_or_default().to_string();
    for line in lines {
        if !out.contains(line) {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(line);
        }
    }
    (!out.is_empty()).then_some(out)
}

fn problem(e: OpError) -> RowProblem {
    match e {
        OpError::MissingRequired { fields } => RowProblem::MissingRequired(fields),
        e => RowProblem::Op(e),
    }
}

fn status_problem(e: status::StatusError) -> RowProblem {
    match e {
        status::StatusError::Op(e) => problem(e),
        other => RowProblem::Status(other),
    }
}

/// Whether an initiative holds this evidence already (same kind, same date).
fn has_evidence(i: &Initiative, e: &EvidenceSpec) -> bool {
    let date = Date::parse(&e.date);
    status::evidence(i)
        .iter()
        .any(|x| x.kind == e.kind && x.date == date)
}

impl<'a> Planner<'a> {
    /// The initiative at a slot: its id or line, and its name.
    fn candidate(&self, slot: Slot, reasons: Vec<crate::census::duplicates::Reason>) -> Candidate {
        match slot {
            Slot::Existing(n) => {
                let i = &self.census.initiatives[self.existing_pos[n]];
                Candidate {
                    target: Match::Existing(i.id.clone()),
                    name: i.value(&self.schema.name_field).unwrap_or("").to_string(),
                    reasons,
                }
            }
            Slot::Planned(n) => {
                let row = &self.rows[self.planned_rows[n]];
                Candidate {
                    target: Match::Line(row.line),
                    name: row.name.clone(),
                    reasons,
                }
            }
        }
    }

    /// Takes an initiative for this record, unless an earlier one did.
    fn claim(&mut self, slot: Slot, line: usize) -> Found {
        if let Some(&earlier) = self.claimed.get(&slot) {
            return Found::SameAs(earlier);
        }
        self.claimed.insert(slot, line);
        match slot {
            Slot::Existing(n) => Found::Existing(self.existing_pos[n]),
            Slot::Planned(n) => Found::SameAs(self.rows[self.planned_rows[n]].line),
        }
    }

    /// Which initiative a record is: by its id, then the same name in the
    /// same commune or the same SIRET/RNA, then what it looks like. Records
    /// carrying an id of ours are distinct from each other (their census
    /// said so); they are only compared with the initiatives already here.
    /// `own` is the id of ours the record carries, `line` where it starts.
    pub(super) fn find(
        &mut self,
        own: Option<InitiativeId>,
        line: usize,
        values: &[Checked],
    ) -> Found {
        let mut keep_id = None;
        if let Some(id) = own {
            if let Some(pos) = self.position(id.as_str()) {
                let census = self.census;
                let i = &census.initiatives[pos];
                if i.is_deleted() {
                    return Found::Deleted(id);
                }
                let (target, pos) = match i.merged_into() {
                    None => (id, Some(pos)),
                    Some(_) => {
                        let target = census.redirect(&id).clone();
                        let pos = self.position(target.as_str());
                        (target, pos)
                    }
                };
                let live = pos.and_then(|pos| self.existing_pos.binary_search(&pos).ok());
                return match live {
                    Some(n) => self.claim(Slot::Existing(n), line),
                    None => Found::Deleted(target),
                };
            }
            if let Some(&line) = self.planned_ids.get(&id) {
                return Found::SameAs(line);
            }
            keep_id = Some(id);
        }
        let own = keep_id.is_some();
        let (schema, census) = (self.schema, self.census);
        if !self.existing_built {
            for i in census.initiatives.iter().filter(|i| i.is_live()) {
                self.existing.push(Identity::of(schema, i));
            }
            self.existing_built = true;
        }
        // A record with an id of ours is only compared with the census: into
        // a census without live initiatives, it needs no identity now (the
        // records planned are indexed when one without an id comes).
        if own && self.existing.is_empty() && self.deferred {
            return Found::New {
                keep_id,
                likely: Vec::new(),
                who: None,
            };
        }
        if !own {
            self.index_planned();
        }
        let owned = Identity::from_values(schema, |f| {
            values
                .iter()
                .find(|v| v.def.id == f)
                .map(|v| v.value.to_string())
        });
        let who = &owned;
        let existing = &self.existing;
        let mut exact: Vec<Slot> = Vec::new();
        existing.same_keys(who, |n| {
            if who.is_same(existing.get(n)) && !exact.contains(&Slot::Existing(n)) {
                exact.push(Slot::Existing(n));
            }
        });
        if !own {
            self.planned.same_keys(who, |n| {
                if who.is_same(self.planned.get(n)) && !exact.contains(&Slot::Planned(n)) {
                    exact.push(Slot::Planned(n));
                }
            });
        }
        match exact.as_slice() {
            [one] => return self.claim(*one, line),
            [] => {}
            many => {
                let candidates = many
                    .iter()
                    .map(|&s| {
                        let reasons = match s {
                            Slot::Existing(n) => existing.reasons(who, n),
                            Slot::Planned(n) => self.planned.reasons(who, n),
                        };
                        self.candidate(s, reasons)
                    })
                    .collect();
                return Found::Likely(candidates);
            }
        }
        let mut near: Vec<Slot> = Vec::new();
        existing.candidates(who, |n| near.push(Slot::Existing(n)));
        if !own {
            self.planned
                .candidates(who, |n| near.push(Slot::Planned(n)));
        }
        near.sort_by_key(|s| match s {
            Slot::Existing(n) => (0, *n),
            Slot::Planned(n) => (1, *n),
        });
        near.dedup();
        let mut likely: Vec<Candidate> = near
            .into_iter()
            .filter_map(|s| {
                let reasons = match s {
                    Slot::Existing(n) => existing.reasons(who, n),
                    Slot::Planned(n) => self.planned.reasons(who, n),
                };
                (!reasons.is_empty()).then(|| self.candidate(s, reasons))
            })
            .collect();
        likely.sort_by(|a, b| a.reasons.iter().min().cmp(&b.reasons.iter().min()));
        Found::New {
            keep_id,
            likely,
            who: (!self.deferred).then_some(owned),
        }
    }

    /// Indexes the identities of the records planned and not indexed yet,
    /// from the initiatives they make (the same values: see
    /// `duplicates::single_valued`).
    fn index_planned(&mut self) {
        while self.planned.len() < self.planned_rows.len() {
            let row = &self.rows[self.planned_rows[self.planned.len()]];
            let who = match &row.outcome {
                Outcome::Create { initiative, .. } => Identity::of(self.schema, initiative),
                // Only creations are planned.
                _ => Identity::default(),
            };
            self.planned.push(who);
        }
    }

    /// What changes in the initiative at `pos`: only the fields that differ.
    pub(super) fn update(
        &mut self,
        pos: usize,
        inc: &mut Incoming,
        values: &mut Vec<Checked>,
        cells: Option<RowCells>,
    ) -> Outcome {
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
            return Outcome::Unchanged {
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
            return Outcome::Skipped { problems: vec![p] };
        }
        Outcome::Update {
            id,
            fields: changes.set.iter().map(|fv| fv.field.clone()).collect(),
            changes,
            evidence,
            status: new_status,
        }
    }

    /// Evidence and status, tried on the scratch census.
    fn try_extras(
        &mut self,
        id: &InitiativeId,
        evidence: &[EvidenceSpec],
        new_status: &Option<(String, String)>,
    ) -> Result<(), RowProblem> {
        let (schema, agent, now) = (self.schema, self.agent, self.now);
        for e in evidence {
            self.scratch
                .add_evidence(
                    schema,
                    id,
                    &e.kind,
                    Some(&e.date),
                    &e.note,
                    &e.url,
                    agent,
                    now,
                )
                .map_err(status_problem)?;
        }
        if let Some((s, comment)) = new_status {
            self.scratch
                .set_status(schema, id, s, comment, agent, now)
                .map_err(status_problem)?;
        }
        Ok(())
    }

    /// The new initiative a record makes, built as `recense add` builds it.
    pub(super) fn create(
        &mut self,
        keep_id: Option<InitiativeId>,
        inc: &Incoming,
        values: &mut Vec<Checked<'a>>,
    ) -> Result<Initiative, Vec<RowProblem>> {
        let schema = self.schema;
        let lines: Vec<&str> = inc.notes.iter().map(|n| n.text.as_str()).collect();
        if !lines.is_empty() {
            let base = values
                .iter()
                .find(|v| v.def.id == "notes")
                .map(|v| v.value.to_string());
            values.retain(|v| v.def.id != "notes");
            if let (Some(text), Some(def)) =
                (with_lines(base.as_deref(), &lines), schema.field("notes"))
            {
                let checked = check_value(schema, self.census, def, &text, None)
                    .map_err(|e| vec![problem(e)])?;
                values.push(Checked {
                    def,
                    value: Text::from(checked),
                    column: None,
                    default: false,
                });
            }
        }
        let id = match keep_id {
            Some(id) => id,
            None => {
                let mut id = InitiativeId::generate(self.now.unix_millis());
                while self.position(id.as_str()).is_some() || self.planned_ids.contains_key(&id) {
                    id = InitiativeId::generate(self.now.unix_millis());
                }
                id
            }
        };
        let mut initiative = new_initiative(schema, self.agent, id, group(values), self.now)
            .map_err(|e| vec![problem(e)])?;
        if !inc.evidence.is_empty() || inc.status.is_some() {
            // Tried on the scratch census, as `recense` would do them.
            let id = initiative.id.clone();
            self.scratch.initiatives = vec![initiative];
            self.try_extras(&id, &inc.evidence, &inc.status)
                .map_err(|p| vec![p])?;
            initiative = self.scratch.initiatives.pop().ok_or_else(Vec::new)?;
        }
        Ok(initiative)
    }

    /// Relations to initiatives this import creates: a record whose target
    /// is not created after all is skipped (and so on, until none is).
    pub(super) fn check_relations(&mut self) {
        loop {
            let created: HashSet<&InitiativeId, FixedState> = self
                .rows
                .iter()
                .filter_map(|r| match &r.outcome {
                    Outcome::Create { initiative, .. } => Some(&initiative.id),
                    _ => None,
                })
                .collect();
            let broken: Vec<(usize, String, InitiativeId)> = self
                .pending
                .iter()
                .filter(|(row, _, target)| {
                    !created.contains(target)
                        && !matches!(self.rows[*row].outcome, Outcome::Skipped { .. })
                })
                .cloned()
                .collect();
            if broken.is_empty() {
                return;
            }
            for (row, field, target) in broken {
                self.rows[row].outcome = Outcome::Skipped {
                    problems: vec![RowProblem::Op(OpError::RelationTarget {
                        field,
                        error: LookupError::NotFound(target.to_string()),
                    })],
                };
            }
        }
    }
}
