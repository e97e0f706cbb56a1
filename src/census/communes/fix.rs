//! `recense fix-communes`: every initiative's commune settled against the
//! referential, as ordinary edits; what could not be decided is listed.

use crate::census::id::InitiativeId;
use crate::census::model::Census;
use crate::census::ops::{Changes, OpError};
use crate::census::schema::Schema;
use crate::census::session::Session;

use super::{CODE_INSEE, CODE_POSTAL, COMMUNE, Known, Outcome, Settled, emptied, settle};

/// One initiative and what became of its commune.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub id: InitiativeId,
    /// Its name, for the person reading.
    pub name: String,
    pub settled: Settled,
}

/// What `fix-communes` does and leaves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FixPlan {
    /// Initiatives whose commune or codes change, in census order.
    pub changes: Vec<Fixed>,
    /// Homonyms the codes present do not settle.
    pub ambiguous: Vec<Fixed>,
    /// Names outside the referential.
    pub unknown: Vec<Fixed>,
}

/// Settles the commune of every live initiative. The codes already in a
/// record choose between homonyms and are never replaced; only missing ones
/// are filled. Empty when the form has no commune field.
pub fn plan(census: &Census, schema: &Schema) -> FixPlan {
    let mut out = FixPlan::default();
    if schema.field(COMMUNE).is_none() {
        return out;
    }
    for i in census.live() {
        let Some(typed) = i.value(COMMUNE).filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        let known = Known {
            insee: i.value(CODE_INSEE),
            postal: i.value(CODE_POSTAL),
            insee_given: true,
            postal_given: true,
        };
        let mut settled = settle(typed, known);
        settled.writes.retain(|w| schema.field(&w.field).is_some());
        let fixed = Fixed {
            id: i.id.clone(),
            name: i.value(&schema.name_field).unwrap_or_default().to_string(),
            settled,
        };
        match fixed.settled.outcome {
            Outcome::Ambiguous(_) => out.ambiguous.push(fixed),
            Outcome::Unknown => out.unknown.push(fixed),
            Outcome::Found { .. } if !fixed.settled.writes.is_empty() => out.changes.push(fixed),
            Outcome::Found { .. } => {}
        }
    }
    out
}

/// The edit that writes one settlement.
pub fn changes(schema: &Schema, settled: &Settled) -> Changes {
    let mut set = settled.writes.clone();
    set.retain(|w| !w.values.is_empty());
    Changes {
        set,
        unset: emptied(schema, settled),
        ..Changes::default()
    }
}

/// Writes the plan's changes through the session, one signed edit per
/// initiative; returns how many changed.
pub fn apply(session: &mut Session, plan: &FixPlan) -> Result<usize, OpError> {
    let mut n = 0;
    for f in &plan.changes {
        let changes = changes(&session.ws.schema, &f.settled);
        if session.edit(&f.id, &changes)? {
            n += 1;
        }
    }
    Ok(n)
}
