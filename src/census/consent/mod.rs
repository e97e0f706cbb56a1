//! Consent to the keeping of personal data (RGPD): for the personal fields
//! of an initiative (those the schema flags `personal`), when the person
//! agreed, by which means, for which purposes, recorded by whom — or when
//! they withdrew. Each consent or withdrawal is one record of the program's
//! field `_consent`, a list united by merges like evidence; the state shown
//! is the latest record, the same in every copy whatever the merge order.

use std::collections::BTreeMap;

use crate::census::carry::author_of;
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Dot, Entry, Initiative, LookupError, Value};
use crate::census::ops::{Agent, OpError};
use crate::census::schema::{Field, Schema};
use crate::census::status::evidence_dates;
use crate::census::time::{Date, Timestamp};

/// The program's field holding consents and withdrawals:
/// `{"date": …, "means": …, "purposes": "a,b"}` or `{"withdrawn": date}`.
pub const CONSENT: &str = "_consent";

/// How the person gave their consent (ids fixed: the file holds them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Means {
    Oral,
    Courriel,
    Formulaire,
    Ecrit,
}

impl Means {
    pub const ALL: [Means; 4] = [
        Means::Oral,
        Means::Courriel,
        Means::Formulaire,
        Means::Ecrit,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Means::Oral => "oral",
            Means::Courriel => "courriel",
            Means::Formulaire => "formulaire",
            Means::Ecrit => "ecrit",
        }
    }

    pub fn from_id(id: &str) -> Option<Means> {
        Means::ALL.into_iter().find(|m| m.id() == id.trim())
    }
}

/// What the person agreed their data is used for (ids fixed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Purpose {
    /// Being contacted about their initiative.
    Contact,
    /// Shared within the administration (colleagues, other services).
    DiffusionInterne,
    /// Invited to the network's events: what `export --contacts` lists.
    Invitations,
}

impl Purpose {
    pub const ALL: [Purpose; 3] = [
        Purpose::Contact,
        Purpose::DiffusionInterne,
        Purpose::Invitations,
    ];

    pub const fn id(self) -> &'static str {
        match self {
            Purpose::Contact => "contact",
            Purpose::DiffusionInterne => "diffusion_interne",
            Purpose::Invitations => "invitations",
        }
    }

    pub fn from_id(id: &str) -> Option<Purpose> {
        Purpose::ALL.into_iter().find(|p| p.id() == id.trim())
    }
}

/// The purpose a mailing list of contacts needs: invitations only (a
/// consent to be contacted about one's initiative is not one to receive
/// the network's invitations — RGPD art. 5.1.b, purpose limitation).
pub const MAILING_PURPOSE: Purpose = Purpose::Invitations;

/// What a person said: agreed (how, for what), or withdrew.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Given {
        /// Ids as recorded (one from a newer version is kept as it is).
        means: String,
        purposes: Vec<String>,
    },
    Withdrawn,
}

/// One consent or withdrawal as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConsentRecord {
    pub decision: Decision,
    /// When the person said it (the record's date, else when recorded).
    pub date: Option<Date>,
    pub by: Option<AgentId>,
    pub at: Option<Timestamp>,
}

impl ConsentRecord {
    /// Whether it is a consent still covering `purpose`.
    pub fn covers(&self, purpose: Purpose) -> bool {
        matches!(&self.decision, Decision::Given { purposes, .. } if purposes.iter().any(|p| p == purpose.id()))
    }

    pub fn is_given(&self) -> bool {
        matches!(self.decision, Decision::Given { .. })
    }
}

fn get<'a>(e: &'a Entry, key: &str) -> Option<&'a str> {
    match &e.value {
        Value::Record(r) => r.get(key).map(String::as_str),
        Value::Text(_) => None,
    }
}

fn record_of(e: &Entry) -> ConsentRecord {
    let (decision, date) = match get(e, "withdrawn") {
        Some(d) => (Decision::Withdrawn, Date::parse(d)),
        None => (
            Decision::Given {
                means: get(e, "means").unwrap_or("").to_string(),
                purposes: get(e, "purposes")
                    .unwrap_or("")
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(String::from)
                    .collect(),
            },
            get(e, "date").and_then(Date::parse),
        ),
    };
    ConsentRecord {
        date: date.or_else(|| e.stamp.at().map(Timestamp::date)),
        decision,
        by: author_of(e),
        at: e.stamp.at(),
    }
}

/// The order of records, latest last: by the date the person said it;
/// on the same day a withdrawal comes after a consent (the person's
/// protection first); then when it was recorded, then by the write's dot.
fn order_key(e: &Entry) -> (Option<Date>, bool, Option<Timestamp>, Option<Dot>) {
    let r = record_of(e);
    (r.date, !r.is_given(), r.at, e.stamp.dot())
}

/// How a record names the write of another: `agent:counter`.
fn dot_text(d: Dot) -> String {
    format!("{}:{}", d.agent, d.counter)
}

/// The records no later record supersedes: each record names (`after`)
/// those in force where it was written, which it replaces whatever their
/// dates (a colleague who saw a withdrawal and records a new consent).
fn heads(i: &Initiative) -> Vec<&Entry> {
    let entries = i.entries(CONSENT);
    let superseded: Vec<&str> = entries
        .iter()
        .filter_map(|e| get(e, "after"))
        .flat_map(|a| a.split(','))
        .collect();
    entries
        .iter()
        .filter(|e| {
            !e.stamp
                .dot()
                .is_some_and(|d| superseded.contains(&dot_text(d).as_str()))
        })
        .collect()
}

/// Every consent and withdrawal, oldest first.
pub fn records(i: &Initiative) -> Vec<ConsentRecord> {
    let mut entries: Vec<&Entry> = i.entries(CONSENT).iter().collect();
    entries.sort_by_key(|e| (e.stamp.at(), e.stamp.dot()));
    entries.into_iter().map(record_of).collect()
}

/// The consent in force: among the records no later one replaced, the
/// latest said ([`order_key`]) — records written apart, then merged, are
/// ordered by their dates. Entries are the same in every copy once merged,
/// so the consent in force is too, whatever the merge order.
pub fn state(i: &Initiative) -> Option<ConsentRecord> {
    heads(i)
        .into_iter()
        .max_by_key(|e| order_key(e))
        .map(record_of)
}

/// Whether the consent in force covers `purpose`.
pub fn consents_to(i: &Initiative, purpose: Purpose) -> bool {
    state(i).is_some_and(|s| s.covers(purpose))
}

/// The personal fields of the schema that hold a value in `i`.
pub fn personal_fields<'a>(schema: &'a Schema, i: &Initiative) -> Vec<&'a Field> {
    schema
        .fields
        .iter()
        .filter(|f| f.personal && i.fields.contains_key(&f.id))
        .collect()
}

/// Personal values kept with no consent in force (never given, or withdrawn).
pub fn lacks_consent(schema: &Schema, i: &Initiative) -> bool {
    PersonalFields::of(schema).lack_consent(i)
}

/// The ids of the schema's personal fields, found once to check many
/// initiatives (the dashboard, the record of processing).
pub struct PersonalFields<'a>(Vec<&'a str>);

impl<'a> PersonalFields<'a> {
    pub fn of(schema: &'a Schema) -> PersonalFields<'a> {
        PersonalFields(
            schema
                .fields
                .iter()
                .filter(|f| f.personal)
                .map(|f| f.id.as_str())
                .collect(),
        )
    }

    /// `i` holds a value in one of them.
    pub fn held_by(&self, i: &Initiative) -> bool {
        self.0.iter().any(|f| i.fields.contains_key(f))
    }

    /// `i` holds personal values with no consent in force.
    pub fn lack_consent(&self, i: &Initiative) -> bool {
        self.held_by(i) && !state(i).is_some_and(|s| s.is_given())
    }
}

/// How many initiatives in the census (not deleted) hold personal values
/// with no consent in force.
pub fn count_without_consent(schema: &Schema, census: &Census) -> usize {
    let personal = PersonalFields::of(schema);
    census.live().filter(|i| personal.lack_consent(i)).count()
}

/// What to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsentChange {
    Give {
        means: Means,
        purposes: Vec<Purpose>,
    },
    Withdraw,
}

/// Why a consent was not recorded. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsentError {
    Op(OpError),
    UnknownMeans(String),
    UnknownPurpose(String),
    NoPurpose,
    /// Neither consent nor withdrawal asked (or both).
    NothingAsked,
    BadDate(String),
    /// A date before 1900 or after tomorrow.
    DateOutOfRange {
        date: Date,
        earliest: Date,
        latest: Date,
    },
}

impl From<OpError> for ConsentError {
    fn from(e: OpError) -> ConsentError {
        ConsentError::Op(e)
    }
}

/// `oral`, `courriel`…: the means of an id.
pub fn parse_means(text: &str) -> Result<Means, ConsentError> {
    Means::from_id(text).ok_or_else(|| ConsentError::UnknownMeans(text.trim().to_string()))
}

/// `contact,invitations`: the purposes of a list (at least one; each once,
/// in their fixed order).
pub fn parse_purposes(text: &str) -> Result<Vec<Purpose>, ConsentError> {
    let mut out = Vec::new();
    for p in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let purpose =
            Purpose::from_id(p).ok_or_else(|| ConsentError::UnknownPurpose(p.to_string()))?;
        if !out.contains(&purpose) {
            out.push(purpose);
        }
    }
    if out.is_empty() {
        return Err(ConsentError::NoPurpose);
    }
    out.sort();
    Ok(out)
}

/// A date typed (AAAA-MM-JJ or JJ/MM/AAAA), from 1900 to tomorrow.
pub fn parse_date(text: &str, now: Timestamp) -> Result<Date, ConsentError> {
    let date = Date::parse(text.trim()).ok_or_else(|| ConsentError::BadDate(text.to_string()))?;
    let (earliest, latest) = evidence_dates(now);
    if !(earliest..=latest).contains(&date) {
        return Err(ConsentError::DateOutOfRange {
            date,
            earliest,
            latest,
        });
    }
    Ok(date)
}

impl Census {
    /// Records a consent or its withdrawal on a live initiative, said on
    /// `date` (today when none), by `agent`.
    pub fn record_consent(
        &mut self,
        id: &InitiativeId,
        change: &ConsentChange,
        date: Option<Date>,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<(), ConsentError> {
        let date = date.unwrap_or(now.date());
        let (earliest, latest) = evidence_dates(now);
        if !(earliest..=latest).contains(&date) {
            return Err(ConsentError::DateOutOfRange {
                date,
                earliest,
                latest,
            });
        }
        let i = self
            .get_mut(id)
            .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))?;
        if !i.is_live() {
            return Err(OpError::Deleted(id.clone()).into());
        }
        let mut r = BTreeMap::new();
        let after: Vec<String> = heads(i)
            .iter()
            .filter_map(|e| e.stamp.dot())
            .map(dot_text)
            .collect();
        if !after.is_empty() {
            r.insert("after".to_string(), after.join(","));
        }
        match change {
            ConsentChange::Give { means, purposes } => {
                if purposes.is_empty() {
                    return Err(ConsentError::NoPurpose);
                }
                let purposes: Vec<&str> = purposes.iter().map(|p| p.id()).collect();
                r.insert("date".to_string(), date.to_string());
                r.insert("means".to_string(), means.id().to_string());
                r.insert("purposes".to_string(), purposes.join(","));
            }
            ConsentChange::Withdraw => {
                r.insert("withdrawn".to_string(), date.to_string());
            }
        }
        let dot = i.next_dot(agent.id).map_err(OpError::from)?;
        i.add_element(CONSENT, Value::record(r), dot, now);
        self.agents.insert(agent.id, agent.name.clone());
        Ok(())
    }
}

#[cfg(test)]
mod tests;
