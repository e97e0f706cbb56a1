//! Whether a fiche is still true: when someone last verified it, which fiches
//! are to be re-checked, and every web address of the census for a link
//! checker run outside (recense itself never opens a connection).
//!
//! A verification is an element of the system field [`VERIFIED`], merged by
//! union like evidence. Any write to the form's fields counts too: the date
//! is read from the entries' stamps, nothing more is written for it.

use std::collections::BTreeMap;

use crate::census::carry::author_of;
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Initiative, LookupError, Value, system};
use crate::census::ops::{Agent, OpError};
use crate::census::schema::{FieldType, Schema};
use crate::census::status::{self, StatusError};
use crate::census::time::{Date, Timestamp};

/// Verifications: `{"note": …}`, one element per verification.
pub const VERIFIED: &str = "_verified";

/// One explicit verification: who, when, with what note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub by: Option<AgentId>,
    pub at: Option<Timestamp>,
    pub note: String,
}

/// The explicit verifications of an initiative, oldest first.
pub fn verifications(i: &Initiative) -> Vec<Verification> {
    let mut out: Vec<Verification> = i
        .entries(VERIFIED)
        .iter()
        .map(|e| Verification {
            by: author_of(e),
            at: e.stamp.at(),
            note: match &e.value {
                Value::Record(r) => r.get("note").cloned().unwrap_or_default(),
                Value::Text(_) => String::new(),
            },
        })
        .collect();
    out.sort_by_key(|v| (v.at, v.by));
    out
}

/// The last time the fiche was verified: an explicit verification, or the
/// newest write to one of the form's fields (or a removal, `_modified`).
pub fn last_verified(i: &Initiative) -> Option<Timestamp> {
    i.fields
        .iter()
        .filter(|(f, _)| !f.starts_with(system::PREFIX) || *f == VERIFIED || *f == system::MODIFIED)
        .flat_map(|(_, es)| es.iter())
        .filter_map(|e| e.stamp.at())
        .max()
}

/// The last explicit verification only (the score counts it beside evidence).
pub fn last_explicit(i: &Initiative) -> Option<Timestamp> {
    i.entries(VERIFIED)
        .iter()
        .filter_map(|e| e.stamp.at())
        .max()
}

/// The day `months` months before `today` (the 31st becomes the month's last
/// day).
pub fn months_before(today: Date, months: u32) -> Date {
    let total = i64::from(today.year) * 12 + i64::from(today.month) - 1 - i64::from(months);
    let (year, month) = (
        total.div_euclid(12) as i32,
        (total.rem_euclid(12) + 1) as u8,
    );
    (1..=today.day)
        .rev()
        .find_map(|d| Date::new(year, month, d))
        .unwrap_or(today)
}

/// Whether `i` is to be re-checked: never verified, or last verified before
/// the schema's freshness period.
pub fn is_stale(schema: &Schema, i: &Initiative, today: Date) -> bool {
    let cutoff = months_before(today, schema.periods.freshness_months);
    last_verified(i).is_none_or(|t| t.date() < cutoff)
}

/// The live initiatives to re-check (positions in the census), oldest
/// verification first, never verified before all; ties by id.
pub fn stale(census: &Census, schema: &Schema, today: Date) -> Vec<usize> {
    let mut out: Vec<(Option<Timestamp>, &InitiativeId, usize)> = census
        .initiatives
        .iter()
        .enumerate()
        .filter(|(_, i)| i.is_live() && is_stale(schema, i, today))
        .map(|(n, i)| (last_verified(i), &i.id, n))
        .collect();
    out.sort();
    out.into_iter().map(|(_, _, n)| n).collect()
}

/// One web address of the census, where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlAt {
    pub id: InitiativeId,
    /// The field id, or `_evidence` for an evidence's link.
    pub field: String,
    pub url: String,
}

/// Every URL of the live initiatives: the schema's Url fields, then the
/// evidence links; by initiative in file order.
pub fn urls(census: &Census, schema: &Schema) -> Vec<UrlAt> {
    let url_fields: Vec<&str> = schema
        .fields
        .iter()
        .filter(|f| matches!(f.field_type, FieldType::Url))
        .map(|f| f.id.as_str())
        .collect();
    let mut out = Vec::new();
    for i in census.live() {
        for f in &url_fields {
            for url in i.values(f) {
                out.push(UrlAt {
                    id: i.id.clone(),
                    field: f.to_string(),
                    url: url.to_string(),
                });
            }
        }
        let mut seen = Vec::new();
        for e in status::evidence(i) {
            if !e.url.is_empty() && !seen.contains(&e.url) {
                seen.push(e.url.clone());
                out.push(UrlAt {
                    id: i.id.clone(),
                    field: status::EVIDENCE.to_string(),
                    url: e.url,
                });
            }
        }
    }
    out
}

impl Census {
    /// Records that `agent` verified the fiche today, with a note.
    pub fn verify(
        &mut self,
        id: &InitiativeId,
        note: &str,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<(), StatusError> {
        let i = self
            .get_mut(id)
            .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))?;
        if !i.is_live() {
            return Err(OpError::Deleted(id.clone()).into());
        }
        let mut r = BTreeMap::new();
        if !note.trim().is_empty() {
            r.insert("note".to_string(), note.trim().to_string());
        }
        let dot = i.next_dot(agent.id).map_err(OpError::from)?;
        i.add_element(VERIFIED, Value::record(r), dot, now);
        self.agents.insert(agent.id, agent.name.clone());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::ops::parse_assignments;

    fn day(d: &str) -> Timestamp {
        Timestamp::parse(d).unwrap()
    }

    fn setup() -> (Schema, Census, Agent, InitiativeId) {
        let s = Schema::default_schema();
        let mut c = Census::new("T", &s.id, s.version);
        let marie = Agent {
            id: AgentId::parse("marie").unwrap(),
            name: "Marie".into(),
        };
        let v = parse_assignments(
            &s,
            &c,
            &[
                "nom=Infini".into(),
                "type=chatons".into(),
                "commune=Brest".into(),
                "site_web=https://infini.fr".into(),
            ],
            None,
        )
        .unwrap();
        let id = c.add_initiative(&s, &marie, &v, day("2025-01-10")).unwrap();
        (s, c, marie, id)
    }

    #[test]
    fn months_before_keeps_the_day_or_the_month_end() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(months_before(d("2026-03-15"), 12), d("2025-03-15"));
        assert_eq!(months_before(d("2026-03-31"), 1), d("2026-02-28"));
        assert_eq!(months_before(d("2026-01-10"), 2), d("2025-11-10"));
        assert_eq!(months_before(d("2024-02-29"), 12), d("2023-02-28"));
    }

    #[test]
    fn an_edit_or_a_verification_makes_a_fiche_fresh() {
        let (s, mut c, marie, id) = setup();
        let today = Date::parse("2026-03-01").unwrap();
        assert!(is_stale(&s, c.get(&id).unwrap(), today));
        assert_eq!(stale(&c, &s, today), vec![0]);
        c.verify(&id, " vu au forum ", &marie, day("2026-02-01"))
            .unwrap();
        let i = c.get(&id).unwrap();
        assert!(!is_stale(&s, i, today));
        assert_eq!(last_verified(i), Some(day("2026-02-01")));
        assert_eq!(verifications(i)[0].note, "vu au forum");
        assert_eq!(verifications(i)[0].by, Some(marie.id));
        // Thirteen months later it is stale again.
        assert!(is_stale(&s, i, Date::parse("2027-03-01").unwrap()));
        assert_eq!(
            urls(&c, &s),
            vec![UrlAt {
                id: id.clone(),
                field: "site_web".into(),
                url: "https://infini.fr".into()
            }]
        );
    }

    #[test]
    fn the_score_counts_a_recent_verification() {
        let (s, mut c, marie, id) = setup();
        let today = Date::parse("2026-06-01").unwrap();
        let before = status::score(&s, c.get(&id).unwrap(), today);
        c.verify(&id, "", &marie, day("2026-05-01")).unwrap();
        let after = status::score(&s, c.get(&id).unwrap(), today);
        assert_eq!(
            after - before,
            30,
            "a fresh verification gives the 30 points"
        );
    }
}
