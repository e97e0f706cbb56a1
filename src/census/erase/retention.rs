//! How long personal data is kept: the retention period after the last
//! contact (`schema.periods.retention_months`), and the grace period after
//! a deletion (`schema.periods.deletion_grace_days`).

use crate::census::id::InitiativeId;
use crate::census::model::{Census, CounterExhausted, Initiative, Value, system};
use crate::census::ops::Agent;
use crate::census::schema::Schema;
use crate::census::status::EVIDENCE;
use crate::census::time::{Date, Timestamp};

use super::person::{personal_fields, purge_initiative};
use super::{ERASED, Erased, Why};

/// Actions taken with an initiative (a meeting, a call…): records whose
/// `date` counts as a contact, when the field exists.
pub const ACTIONS: &str = "_actions";

/// What the last contact with an initiative was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Contact {
    Edit,
    Evidence,
    Action,
}

/// The record key `date` of an entry, as a time (midnight UTC).
fn record_date(value: &Value) -> Option<Timestamp> {
    match value {
        Value::Record(r) => {
            let d = Date::parse(r.get("date")?)?;
            Some(Timestamp(d.days_since_epoch() * 86_400))
        }
        Value::Text(_) => None,
    }
}

/// The last contact with an initiative: its latest edit (any write but an
/// erasure), the latest date of its evidence, or of its actions.
pub fn last_contact(i: &Initiative) -> Option<(Timestamp, Contact)> {
    let mut best: Option<(Timestamp, Contact)> = None;
    let mut consider = |at: Timestamp, how: Contact| {
        if best.is_none_or(|(b, _)| at > b) {
            best = Some((at, how));
        }
    };
    for (field, entries) in i.fields.iter() {
        if field == ERASED {
            continue;
        }
        for e in entries.iter() {
            if let Some(at) = e.stamp.at() {
                consider(at, Contact::Edit);
            }
            let how = match field {
                EVIDENCE => Contact::Evidence,
                ACTIONS => Contact::Action,
                _ => continue,
            };
            if let Some(at) = record_date(&e.value) {
                consider(at, how);
            }
        }
    }
    best
}

/// `date` moved back by `months` calendar months (the day kept when it
/// exists, else the month's last).
pub fn months_before(date: Date, months: u32) -> Date {
    let total = date.year * 12 + i32::from(date.month) - 1 - months as i32;
    let (year, month) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8);
    (1..=date.day)
        .rev()
        .find_map(|d| Date::new(year, month, d))
        .unwrap_or(date)
}

/// A personal value kept past the retention period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expired {
    pub initiative: InitiativeId,
    pub fields: Vec<String>,
    /// The last contact, and what it was (none: nothing is dated).
    pub last: Option<(Timestamp, Contact)>,
}

/// The initiatives holding personal values whose last contact is older than
/// the schema's retention period, oldest first.
pub fn review(census: &Census, schema: &Schema, now: Timestamp) -> Vec<Expired> {
    let personal = personal_fields(schema);
    let limit = months_before(now.date(), schema.periods.retention_months);
    let limit = Timestamp(limit.days_since_epoch() * 86_400);
    let mut out: Vec<Expired> = census
        .initiatives
        .iter()
        .filter_map(|i| {
            let fields: Vec<String> = personal
                .iter()
                .filter(|f| i.fields.contains_key(f))
                .map(|f| f.to_string())
                .collect();
            if fields.is_empty() {
                return None;
            }
            let last = last_contact(i);
            if last.is_some_and(|(at, _)| at >= limit) {
                return None;
            }
            Some(Expired {
                initiative: i.id.clone(),
                fields,
                last,
            })
        })
        .collect();
    out.sort_by_key(|e| (e.last.map(|(at, _)| at), e.initiative.clone()));
    out
}

/// Erases the personal values [`review`] lists.
pub fn purge_expired(
    census: &mut Census,
    schema: &Schema,
    agent: &Agent,
    now: Timestamp,
) -> Result<Vec<Erased>, CounterExhausted> {
    let mut out = Vec::new();
    for e in review(census, schema, now) {
        let why = Why::Expired(e.last.map(|(at, _)| at));
        out.extend(purge_initiative(
            census,
            schema,
            &e.initiative,
            &[],
            agent,
            now,
            why,
        )?);
    }
    Ok(out)
}

/// When an initiative was deleted (its latest deletion), if it is.
fn deleted_at(i: &Initiative) -> Option<Timestamp> {
    i.entries(system::DELETED)
        .iter()
        .filter_map(|e| e.stamp.at())
        .max()
}

/// Erases the personal values of initiatives deleted longer ago than the
/// grace period (`grace_days`; 0 for at once, `delete --purge`), or only
/// of `only` when given.
pub fn purge_deleted(
    census: &mut Census,
    schema: &Schema,
    only: Option<&InitiativeId>,
    grace_days: Option<u32>,
    agent: &Agent,
    now: Timestamp,
) -> Result<Vec<Erased>, CounterExhausted> {
    let personal = personal_fields(schema);
    let grace = i64::from(grace_days.unwrap_or(schema.periods.deletion_grace_days)) * 86_400;
    let due: Vec<(InitiativeId, Option<Timestamp>)> = census
        .initiatives
        .iter()
        .filter(|i| only.is_none_or(|id| *id == i.id) && i.is_deleted())
        .filter(|i| personal.iter().any(|f| i.fields.contains_key(f)))
        .filter_map(|i| {
            let at = deleted_at(i)?;
            (now.0 - at.0 >= grace).then(|| (i.id.clone(), Some(at)))
        })
        .collect();
    let mut out = Vec::new();
    for (id, at) in due {
        out.extend(purge_initiative(
            census,
            schema,
            &id,
            &[],
            agent,
            now,
            Why::Deleted(at),
        )?);
    }
    Ok(out)
}
