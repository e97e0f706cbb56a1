//! Applying a plan: the new initiatives added in one go, the updates made
//! through the same edits as `recense edit`, by the agent of the import.

use super::plan::{ImportPlan, RowFate};
use super::record::RowProblem;
use crate::census::InitiativeId;
use crate::census::model::Census;
use crate::census::ops::{Agent, OpError};
use crate::census::schema::Schema;
use crate::census::status::StatusError;
use crate::census::time::Timestamp;

/// What applying did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    pub created: usize,
    pub updated: usize,
    /// Updates refused after all (the census changed since the plan): the
    /// line and why.
    pub failed: Vec<(usize, RowProblem)>,
}

fn status_problem(e: StatusError) -> RowProblem {
    match e {
        StatusError::Op(e) => RowProblem::Op(e),
        e => RowProblem::Status(e),
    }
}

/// Applies a plan made for this census (see [`super::plan()`]).
pub fn apply(
    census: &mut Census,
    schema: &Schema,
    agent: &Agent,
    now: Timestamp,
    plan: ImportPlan,
) -> Applied {
    let mut applied = Applied::default();
    let mut created = Vec::new();
    let mut updates = Vec::new();
    for row in plan.rows {
        match row.outcome {
            RowFate::Create { initiative, .. } => created.push(*initiative),
            RowFate::Update {
                id,
                changes,
                evidence,
                status,
                ..
            } => updates.push((row.line, id, changes, evidence, status)),
            _ => {}
        }
    }
    if !created.is_empty() || !updates.is_empty() {
        census.agents.insert(agent.id, agent.name.clone());
    }
    applied.created = created.len();
    for i in &mut created {
        while census.get(&i.id).is_some() {
            i.id = InitiativeId::generate(now.unix_millis());
        }
    }
    // One sort instead of one insertion each: the initiatives stay in id
    // order. Ids are distinct, so an unstable sort gives the same order
    // (in place: no buffer of half the census).
    census.initiatives.extend(created);
    census.initiatives.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    for (line, id, changes, evidence, status) in updates {
        let done = census
            .edit_initiative(schema, &id, agent, &changes, now)
            .map_err(|e: OpError| RowProblem::Op(e))
            .and_then(|_| {
                for e in &evidence {
                    census
                        .add_evidence(
                            schema,
                            &id,
                            &e.kind,
                            Some(&e.date),
                            &e.note,
                            &e.url,
                            agent,
                            now,
                        )
                        .map_err(status_problem)?;
                }
                if let Some((s, comment)) = &status {
                    census
                        .set_status(schema, &id, s, comment, agent, now)
                        .map_err(status_problem)?;
                }
                Ok(())
            });
        match done {
            Ok(()) => applied.updated += 1,
            Err(p) => applied.failed.push((line, p)),
        }
    }
    applied
}
