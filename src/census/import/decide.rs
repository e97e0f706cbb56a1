//! Deciding what happens to a checked record: which initiative it is, or
//! what it would be when created (what changes in one found again:
//! `update.rs`).

use std::collections::HashSet;

use foldhash::fast::FixedState;

use super::plan::{Candidate, Checked, Found, Match, Planner, RowFate, Slot};
use super::record::{EvidenceSpec, Incoming, RowProblem};
use crate::census::duplicates::Identity;
use crate::census::model::{Initiative, LookupError, Text};
use crate::census::ops::{FieldTexts, OpError, check_value, new_initiative_of};
use crate::census::{InitiativeId, status};

/// Values grouped by field, in the order the fields first come, each once;
/// `values` is emptied (its texts are moved, not copied).
fn group<'a>(values: &mut Vec<Checked<'a>>) -> Vec<FieldTexts<'a>> {
    let mut out: Vec<FieldTexts> = Vec::with_capacity(values.len());
    for c in values.drain(..) {
        match out.iter_mut().find(|(def, _)| std::ptr::eq(*def, c.def)) {
            Some((_, texts)) if !texts.contains(&c.value) => texts.push(c.value),
            Some(_) => {}
            None => out.push((c.def, smallvec::smallvec![c.value])),
        }
    }
    out
}

/// `base` with the lines it does not hold yet.
pub(super) fn with_lines(base: Option<&str>, lines: &[&str]) -> Option<String> {
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

pub(super) fn problem(e: OpError) -> RowProblem {
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
        let taken = match slot {
            Slot::Existing(n) => &mut self.claimed_existing[n],
            Slot::Planned(n) => &mut self.claimed_planned[n],
        };
        if *taken != 0 {
            return Found::SameAs(*taken);
        }
        *taken = line;
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
                let live = pos.and_then(|pos| self.live_index[pos]).map(|n| n as usize);
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
                RowFate::Create { initiative, .. } => Identity::of(self.schema, initiative),
                // Only creations are planned.
                _ => Identity::default(),
            };
            self.planned.push(who);
        }
    }

    /// Evidence and status, tried on the scratch census.
    pub(super) fn try_extras(
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
        let mut initiative = new_initiative_of(schema, self.agent, id, group(values), self.now)
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
                    RowFate::Create { initiative, .. } => Some(&initiative.id),
                    _ => None,
                })
                .collect();
            let broken: Vec<(usize, String, InitiativeId)> = self
                .pending
                .iter()
                .filter(|(row, _, target)| {
                    !created.contains(target)
                        && !matches!(self.rows[*row].outcome, RowFate::Skipped { .. })
                })
                .cloned()
                .collect();
            if broken.is_empty() {
                return;
            }
            for (row, field, target) in broken {
                self.rows[row].outcome = RowFate::Skipped {
                    problems: vec![RowProblem::Op(OpError::RelationTarget {
                        field,
                        error: LookupError::NotFound(target.to_string()),
                    })],
                };
            }
        }
    }
}
