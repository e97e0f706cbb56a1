//! Where an initiative stands in the census: spotted, contacted, met,
//! legitimized, supported — or dormant, gone. Changing status records who,
//! when and why; moving up follows the schema's rules.

use std::collections::BTreeMap;

use crate::census::carry::author_of;
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Entry, Initiative, LookupError, Value};
use crate::census::ops::{Agent, OpError};
use crate::census::schema::{Requirement, Schema};
use crate::census::time::{Date, Timestamp};
use crate::census::value;

/// The program's field holding the current status.
pub const STATUS_FIELD: &str = "_status";
/// Every status change: `{"status": …, "comment": …}`.
pub const STATUS_LOG: &str = "_status_log";
/// Evidence: `{"kind": …, "date": …, "note": …, "url": …}`.
pub const EVIDENCE: &str = "_evidence";
/// Colleagues' confirmations: `{"comment": …}`.
pub const CONFIRMATIONS: &str = "_confirmations";
/// The choice list of evidence kinds in the schema.
pub const EVIDENCE_KINDS: &str = "preuves";

/// Where an initiative stands, in ladder order. The list of statuses is
/// written here once: the ids below, [`STATUSES`] and [`LADDER`] come from
/// it, and the labels (in `i18n`) are matched on it by the compiler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Repere,
    Contacte,
    Rencontre,
    Legitime,
    Soutenu,
    EnSommeil,
    Disparu,
}

impl Status {
    /// Every status, in ladder order.
    pub const ALL: [Status; 7] = [
        Status::Repere,
        Status::Contacte,
        Status::Rencontre,
        Status::Legitime,
        Status::Soutenu,
        Status::EnSommeil,
        Status::Disparu,
    ];

    /// The id, fixed (the file holds it, scripts rely on it).
    pub const fn id(self) -> &'static str {
        match self {
            Status::Repere => "repere",
            Status::Contacte => "contacte",
            Status::Rencontre => "rencontre",
            Status::Legitime => "legitime",
            Status::Soutenu => "soutenu",
            Status::EnSommeil => "en_sommeil",
            Status::Disparu => "disparu",
        }
    }

    /// The status of an id, if it is one.
    pub fn from_id(id: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.id() == id)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// The ids of the first `N` statuses, in ladder order.
const fn ids<const N: usize>() -> [&'static str; N] {
    let mut out = [""; N];
    let mut n = 0;
    while n < N {
        out[n] = Status::ALL[n].id();
        n += 1;
    }
    out
}

/// Status ids, fixed (scripts rely on them), in ladder order.
pub const STATUSES: [&str; 7] = ids();
/// The ladder proper, the first five: the others can be set at any time.
pub const LADDER: [&str; 5] = ids();

/// An initiative recorded and nothing more is *spotted*.
pub const DEFAULT_STATUS: &str = Status::Repere.id();

/// The current status of an initiative.
pub fn current(i: &Initiative) -> &str {
    i.value(STATUS_FIELD).unwrap_or(DEFAULT_STATUS)
}

/// The position of a status in the ladder (for sorting).
pub fn rank(status: &str) -> usize {
    STATUSES
        .iter()
        .position(|s| *s == status)
        .unwrap_or(STATUSES.len())
}

/// What an initiative lacks to reach a status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    PublicProblem,
    Argument,
    RecentEvidence { days: u32 },
    Confirmation,
    Support,
    Field(String),
}

/// Why a status change was refused. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusError {
    Op(OpError),
    UnknownStatus(String),
    /// Moving up needs what is listed.
    Refused {
        status: String,
        missing: Vec<Missing>,
    },
    /// Nobody confirms their own record or evidence.
    OwnConfirmation,
    AlreadyConfirmed,
    SameStatus(String),
    /// An evidence date outside `earliest..=latest` (1900, tomorrow): one
    /// far ahead would keep the evidence fresh forever.
    EvidenceDate {
        date: Date,
        earliest: Date,
        latest: Date,
    },
}

impl From<OpError> for StatusError {
    fn from(e: OpError) -> StatusError {
        StatusError::Op(e)
    }
}

/// The dates evidence may bear: from 1900 to tomorrow (a colleague a time
/// zone ahead may already be there).
pub fn evidence_dates(now: Timestamp) -> (Date, Date) {
    let earliest = Date::new(1900, 1, 1).unwrap_or(Date::from_days_since_epoch(-25_567));
    let latest = Date::from_days_since_epoch(now.date().days_since_epoch() + 1);
    (earliest, latest)
}

fn record(pairs: &[(&str, &str)]) -> Value {
    Value::record(
        pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
    )
}

fn field<'a>(e: &'a Entry, key: &str) -> Option<&'a str> {
    match &e.value {
        Value::Record(r) => r.get(key).map(String::as_str),
        Value::Text(_) => None,
    }
}

/// The earliest write of a form field: when and by whom the initiative was
/// created.
fn first_write(i: &Initiative) -> Option<(Timestamp, crate::census::model::Dot)> {
    i.fields
        .iter()
        .filter(|(f, _)| !f.starts_with('_'))
        .flat_map(|(_, es)| es.iter())
        .filter_map(|e| Some((e.stamp.at()?, e.stamp.dot()?)))
        .min()
}

/// Who created an initiative: the author of its earliest write.
pub fn creator(i: &Initiative) -> Option<AgentId> {
    first_write(i).map(|(_, d)| d.agent.hand_owner())
}

/// When an initiative reached its current status: the last status change,
/// or its creation while it was never changed.
pub fn since(i: &Initiative) -> Option<Timestamp> {
    i.last_change(STATUS_FIELD)
        .and_then(|s| s.at())
        .or_else(|| first_write(i).map(|(at, _)| at))
}

/// A piece of evidence as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    pub kind: String,
    pub date: Option<Date>,
    pub note: String,
    pub url: String,
    pub by: Option<AgentId>,
    pub at: Option<Timestamp>,
}

pub fn evidence(i: &Initiative) -> Vec<Evidence> {
    let mut out: Vec<Evidence> = i
        .entries(EVIDENCE)
        .iter()
        .map(|e| Evidence {
            kind: field(e, "kind").unwrap_or("").to_string(),
            date: field(e, "date").and_then(Date::parse),
            note: field(e, "note").unwrap_or("").to_string(),
            url: field(e, "url").unwrap_or("").to_string(),
            by: author_of(e),
            at: e.stamp.at(),
        })
        .collect();
    out.sort_by_key(|e| std::cmp::Reverse((e.date, e.at)));
    out
}

/// Who confirmed an initiative, with their comment and when.
pub fn confirmations(i: &Initiative) -> Vec<(AgentId, String, Option<Timestamp>)> {
    i.entries(CONFIRMATIONS)
        .iter()
        .filter_map(|e| {
            Some((
                author_of(e)?,
                field(e, "comment").unwrap_or("").to_string(),
                e.stamp.at(),
            ))
        })
        .collect()
}

/// One status change: to what, who, when, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub status: String,
    pub comment: String,
    pub by: Option<AgentId>,
    pub at: Option<Timestamp>,
}

/// The status changes, oldest first.
pub fn history(i: &Initiative) -> Vec<Change> {
    let mut out: Vec<Change> = i
        .entries(STATUS_LOG)
        .iter()
        .map(|e| Change {
            status: field(e, "status").unwrap_or("").to_string(),
            comment: field(e, "comment").unwrap_or("").to_string(),
            by: author_of(e),
            at: e.stamp.at(),
        })
        .collect();
    out.sort_by_key(|c| (c.at, c.by));
    out
}

/// The newest evidence date, or when it was recorded.
fn newest_evidence(i: &Initiative) -> Option<i64> {
    evidence(i)
        .iter()
        .filter_map(|e| {
            e.date
                .map(Date::days_since_epoch)
                .or_else(|| e.at.map(|t| t.date().days_since_epoch()))
        })
        .max()
}

/// What `i` lacks for the rules of `status` (empty: nothing).
pub fn missing_for(schema: &Schema, i: &Initiative, status: &str, today: Date) -> Vec<Missing> {
    let mut out = Vec::new();
    for rule in schema.status_rules.iter().filter(|r| r.status == status) {
        for req in &rule.require {
            match req {
                Requirement::PublicProblemArgued => {
                    if i.values("problemes_publics").is_empty() {
                        out.push(Missing::PublicProblem);
                    }
                    if i.value("argument_politique").is_none()
                        && i.value("argument_technique").is_none()
                    {
                        out.push(Missing::Argument);
                    }
                }
                Requirement::RecentEvidence(days) => {
                    let recent = newest_evidence(i)
                        .is_some_and(|d| today.days_since_epoch() - d <= i64::from(*days));
                    if !recent {
                        out.push(Missing::RecentEvidence { days: *days });
                    }
                }
                Requirement::ConfirmedByOther => {
                    let by = creator(i);
                    if !confirmations(i).iter().any(|(a, _, _)| Some(*a) != by) {
                        out.push(Missing::Confirmation);
                    }
                }
                Requirement::SupportReceived => {
                    if i.values("soutiens_recus").is_empty() {
                        out.push(Missing::Support);
                    }
                }
                Requirement::FieldFilled(f) => {
                    if !i.fields.contains_key(f) {
                        out.push(Missing::Field(f.clone()));
                    }
                }
            }
        }
    }
    out
}

/// What `i` lacks to move to `status`: the rules of that status and of every
/// rung below it (reaching *Soutenu* also needs what *Légitimé* needs).
pub fn missing_to_reach(
    schema: &Schema,
    i: &Initiative,
    status: &str,
    today: Date,
) -> Vec<Missing> {
    let Some(target) = LADDER.iter().position(|s| *s == status) else {
        return Vec::new();
    };
    let from = LADDER
        .iter()
        .position(|s| *s == current(i))
        .map_or(0, |p| p + 1);
    let mut out: Vec<Missing> = Vec::new();
    for rung in LADDER.iter().take(target + 1).skip(from.min(target)) {
        for m in missing_for(schema, i, rung, today) {
            if !out.contains(&m) {
                out.push(m);
            }
        }
    }
    out
}

/// 0–100: how complete and how fresh a record is. 70 % the share of useful
/// fields filled; 30 % the freshness of its newest evidence or explicit
/// verification (`recense verify`), full under six months and falling to
/// nothing at two years.
pub fn score(schema: &Schema, i: &Initiative, today: Date) -> u8 {
    let completeness = f64::from(crate::census::quality::completeness(schema, i)) / 100.0;
    let verified = crate::census::freshness::last_explicit(i).map(|t| t.date().days_since_epoch());
    let freshness = match newest_evidence(i).max(verified) {
        None => 0.0,
        Some(d) => {
            let age = (today.days_since_epoch() - d) as f64;
            if age <= 183.0 {
                1.0
            } else if age >= 730.0 {
                0.0
            } else {
                (730.0 - age) / (730.0 - 183.0)
            }
        }
    };
    ((0.7 * completeness + 0.3 * freshness) * 100.0).round() as u8
}

fn live_mut<'a>(
    census: &'a mut Census,
    id: &InitiativeId,
) -> Result<&'a mut Initiative, StatusError> {
    let i = census
        .get_mut(id)
        .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))?;
    if !i.is_live() {
        return Err(OpError::Deleted(id.clone()).into());
    }
    Ok(i)
}

/// Why `agent` may not confirm `i`, checked before anything is asked:
/// nobody confirms their own record or the evidence they brought, nor
/// confirms twice.
pub fn confirmation_refused(i: &Initiative, agent: AgentId) -> Option<StatusError> {
    let own_evidence = evidence(i).iter().any(|e| e.by == Some(agent));
    if creator(i) == Some(agent) || own_evidence {
        return Some(StatusError::OwnConfirmation);
    }
    if confirmations(i).iter().any(|(a, _, _)| *a == agent) {
        return Some(StatusError::AlreadyConfirmed);
    }
    None
}

impl Census {
    /// Changes the status of an initiative, with a comment; refused, saying
    /// exactly what is missing, when the schema's rules are not met.
    pub fn set_status(
        &mut self,
        schema: &Schema,
        id: &InitiativeId,
        status: &str,
        comment: &str,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<(), StatusError> {
        if !STATUSES.contains(&status) {
            return Err(StatusError::UnknownStatus(status.to_string()));
        }
        let i = live_mut(self, id)?;
        if current(i) == status && !i.is_conflict(STATUS_FIELD) {
            return Err(StatusError::SameStatus(status.to_string()));
        }
        let up = rank(status) > rank(current(i)) && LADDER.contains(&status);
        if up {
            let missing = missing_to_reach(schema, i, status, now.date());
            if !missing.is_empty() {
                return Err(StatusError::Refused {
                    status: status.to_string(),
                    missing,
                });
            }
        }
        let dot = i.next_dot(agent.id).map_err(OpError::from)?;
        i.write(STATUS_FIELD, Value::text(status), dot, now);
        i.add_element(
            STATUS_LOG,
            record(&[("status", status), ("comment", comment.trim())]),
            dot,
            now,
        );
        self.agents.insert(agent.id, agent.name.clone());
        Ok(())
    }

    /// Attaches a piece of evidence: its kind (from the schema's list), its
    /// date (default today), a note and a link.
    #[allow(clippy::too_many_arguments)]
    pub fn add_evidence(
        &mut self,
        schema: &Schema,
        id: &InitiativeId,
        kind: &str,
        date: Option<&str>,
        note: &str,
        url: &str,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<(), StatusError> {
        let kind = value::choice(schema, EVIDENCE_KINDS, kind).ok_or_else(|| OpError::Invalid {
            field: "kind".into(),
            value: kind.to_string(),
            error: value::ValueError::NotInList {
                accepted: schema
                    .choices(EVIDENCE_KINDS)
                    .iter()
                    .map(|c| c.id.clone())
                    .collect(),
            },
        })?;
        let date = match date {
            Some(d) => Date::parse(d).ok_or_else(|| OpError::Invalid {
                field: "date".into(),
                value: d.to_string(),
                error: value::ValueError::Date,
            })?,
            None => now.date(),
        };
        let (earliest, latest) = evidence_dates(now);
        if !(earliest..=latest).contains(&date) {
            return Err(StatusError::EvidenceDate {
                date,
                earliest,
                latest,
            });
        }
        let url = if url.trim().is_empty() {
            String::new()
        } else {
            let def = schema.field("site_web").cloned();
            match def {
                Some(def) => {
                    value::normalize(schema, &def, url).map_err(|error| OpError::Invalid {
                        field: "url".into(),
                        value: url.to_string(),
                        error,
                    })?
                }
                None => url.trim().to_string(),
            }
        };
        let note = note.trim();
        if note.chars().any(|c| c.is_control() && c != '\n') {
            return Err(OpError::Invalid {
                field: "note".into(),
                value: note.to_string(),
                error: value::ValueError::ControlCharacter,
            }
            .into());
        }
        let i = live_mut(self, id)?;
        let dot = i.next_dot(agent.id).map_err(OpError::from)?;
        let date = date.to_string();
        i.add_element(
            EVIDENCE,
            record(&[
                ("kind", &kind),
                ("date", &date),
                ("note", note),
                ("url", &url),
            ]),
            dot,
            now,
        );
        self.agents.insert(agent.id, agent.name.clone());
        Ok(())
    }

    /// A colleague confirms the initiative is real and rightly described.
    /// Nobody confirms their own record or the evidence they brought.
    pub fn confirm(
        &mut self,
        id: &InitiativeId,
        comment: &str,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<(), StatusError> {
        let i = live_mut(self, id)?;
        if let Some(refused) = confirmation_refused(i, agent.id) {
            return Err(refused);
        }
        let dot = i.next_dot(agent.id).map_err(OpError::from)?;
        i.add_element(
            CONFIRMATIONS,
            record(&[("comment", comment.trim())]),
            dot,
            now,
        );
        self.agents.insert(agent.id, agent.name.clone());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::ops::{Changes, parse_assignments};

    #[test]
    fn the_status_ids_are_the_fixed_ones_in_ladder_order() {
        let ids = [
            "repere",
            "contacte",
            "rencontre",
            "legitime",
            "soutenu",
            "en_sommeil",
            "disparu",
        ];
        assert_eq!(STATUSES, ids);
        assert_eq!(LADDER, ids[..5]);
        assert_eq!(DEFAULT_STATUS, "repere");
        for (n, id) in ids.iter().enumerate() {
            let status = Status::from_id(id).unwrap();
            assert_eq!(status.id(), *id);
            assert_eq!(status.to_string(), *id);
            assert_eq!(rank(id), n);
        }
        assert_eq!(Status::from_id("Légitimé"), None);
        assert_eq!(Status::from_id("legitime "), None);
    }

    fn setup() -> (Schema, Census, Agent, Agent, InitiativeId) {
        let s = Schema::default_schema();
        let mut c = Census::new("T", &s.id, s.version);
        let marie = Agent {
            id: AgentId::parse("marie").unwrap(),
            name: "Marie".into(),
        };
        let yann = Agent {
            id: AgentId::parse("yannn").unwrap(),
            name: "Yann".into(),
        };
        let v = parse_assignments(
            &s,
            &c,
            &[
                "nom=Infini".into(),
                "type=chatons".into(),
                "commune=Brest".into(),
            ],
            None,
        )
        .unwrap();
        let id = c.add_initiative(&s, &marie, &v, day("2026-01-10")).unwrap();
        (s, c, marie, yann, id)
    }

    fn day(d: &str) -> Timestamp {
        Timestamp::parse(d).unwrap()
    }

    #[test]
    fn moving_up_the_ladder_says_exactly_what_is_missing() {
        let (s, mut c, marie, yann, id) = setup();
        c.set_status(&s, &id, "contacte", "appel", &marie, day("2026-02-01"))
            .unwrap();
        c.set_status(
            &s,
            &id,
            "rencontre",
            "visite au local",
            &marie,
            day("2026-02-10"),
        )
        .unwrap();
        match c.set_status(&s, &id, "legitime", "", &marie, day("2026-03-01")) {
            Err(StatusError::Refused { missing, .. }) => assert_eq!(
                missing,
                vec![
                    Missing::PublicProblem,
                    Missing::Argument,
                    Missing::RecentEvidence { days: 730 },
                    Missing::Confirmation
                ]
            ),
            other => panic!("{other:?}"),
        }
        let set = parse_assignments(
            &s,
            &c,
            &[
                "problemes_publics=souverainete".into(),
                "argument_politique=Hébergement éthique".into(),
            ],
            Some(&id),
        )
        .unwrap();
        c.edit_initiative(&s, &id, &marie, &Changes::set(set), day("2026-03-02"))
            .unwrap();
        c.add_evidence(
            &s,
            &id,
            "visite",
            Some("2026-02-10"),
            "Local rue Fautras",
            "",
            &marie,
            day("2026-03-02"),
        )
        .unwrap();
        // Marie created it and brought the evidence: she cannot confirm.
        assert_eq!(
            c.confirm(&id, "", &marie, day("2026-03-03")),
            Err(StatusError::OwnConfirmation)
        );
        c.confirm(&id, "Je les connais", &yann, day("2026-03-03"))
            .unwrap();
        assert_eq!(
            c.confirm(&id, "", &yann, day("2026-03-04")),
            Err(StatusError::AlreadyConfirmed)
        );
        c.set_status(&s, &id, "legitime", "tout y est", &marie, day("2026-03-05"))
            .unwrap();
        // Soutenu needs a support received.
        assert!(
            matches!(c.set_status(&s, &id, "soutenu", "", &marie, day("2026-03-06")), Err(StatusError::Refused { missing, .. }) if missing == vec![Missing::Support])
        );
        // Dormant or gone: at any time.
        c.set_status(
            &s,
            &id,
            "en_sommeil",
            "plus d'activité",
            &yann,
            day("2026-04-01"),
        )
        .unwrap();
        let h = history(c.get(&id).unwrap());
        assert_eq!(
            h.iter().map(|x| x.status.as_str()).collect::<Vec<_>>(),
            ["contacte", "rencontre", "legitime", "en_sommeil"]
        );
        assert_eq!(h[3].comment, "plus d'activité");
        assert_eq!(h[3].by, Some(yann.id));
    }

    #[test]
    fn old_evidence_is_not_enough() {
        let (s, mut c, marie, yann, id) = setup();
        let set = parse_assignments(
            &s,
            &c,
            &[
                "problemes_publics=democratie".into(),
                "argument_technique=Moins cher".into(),
            ],
            Some(&id),
        )
        .unwrap();
        c.edit_initiative(&s, &id, &marie, &Changes::set(set), day("2026-01-11"))
            .unwrap();
        c.add_evidence(
            &s,
            &id,
            "presse",
            Some("2023-05-01"),
            "Article",
            "https://example.org/a",
            &yann,
            day("2026-01-11"),
        )
        .unwrap();
        let missing = missing_to_reach(
            &s,
            c.get(&id).unwrap(),
            "legitime",
            Date::parse("2026-03-01").unwrap(),
        );
        assert_eq!(
            missing,
            vec![Missing::RecentEvidence { days: 730 }, Missing::Confirmation]
        );
        assert!(
            c.add_evidence(&s, &id, "rumeur", None, "", "", &yann, day("2026-01-11"))
                .is_err()
        );
        assert!(
            c.add_evidence(
                &s,
                &id,
                "visite",
                Some("hier"),
                "",
                "",
                &yann,
                day("2026-01-11")
            )
            .is_err()
        );
    }

    #[test]
    fn the_score_weighs_completeness_and_fresh_evidence() {
        let (s, mut c, marie, _, id) = setup();
        let today = Date::parse("2026-06-01").unwrap();
        let bare = score(&s, c.get(&id).unwrap(), today);
        c.add_evidence(
            &s,
            &id,
            "visite",
            Some("2026-05-01"),
            "",
            "",
            &marie,
            day("2026-05-01"),
        )
        .unwrap();
        let fresh = score(&s, c.get(&id).unwrap(), today);
        assert_eq!(fresh - bare, 30, "fresh evidence gives its full 30 points");
        let in_a_year = Date::parse("2027-05-01").unwrap();
        let older = score(&s, c.get(&id).unwrap(), in_a_year);
        assert!(older > bare && older < fresh, "{bare} {older} {fresh}");
        assert_eq!(
            score(&s, c.get(&id).unwrap(), Date::parse("2028-06-01").unwrap()),
            bare,
            "nothing left at two years"
        );
    }
}
