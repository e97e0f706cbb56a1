//! The dated editions of the network's events and trainings (the study's
//! *animer le réseau*): when, where, how many came, who took part; and the
//! initiatives that took part in nothing this year, to invite.
//!
//! An edition is an element of the system field [`EDITIONS`] of an
//! initiative of kind `evenement` or `formation`, merged by union like
//! evidence. The initiatives that took part are named in the edition
//! (`with`) and each gets the relation [`TOOK_PART`] to the event, so that
//! the network view and its exports show the link.

use std::collections::{BTreeMap, HashSet};

use crate::census::carry::author_of;
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Initiative, LookupError, Value};
use crate::census::ops::{Agent, OpError};
use crate::census::schema::{FieldType, Schema};
use crate::census::status::{self, Status};
use crate::census::time::{Date, Timestamp};

/// Editions: `{"date", "place", "participants", "note", "with"}`.
pub const EDITIONS: &str = "_editions";
/// The relation from a participant to the event or training.
pub const TOOK_PART: &str = "participe_a";
/// The kinds that have editions.
pub const EVENT_KINDS: [&str; 2] = ["evenement", "formation"];

/// One edition as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    pub date: Option<Date>,
    pub place: String,
    pub participants: Option<u32>,
    pub note: String,
    /// The initiatives that took part (ids).
    pub with: Vec<String>,
    pub by: Option<AgentId>,
    pub at: Option<Timestamp>,
}

/// What an edition says, before it is recorded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditionSpec {
    pub date: Option<Date>,
    pub place: String,
    pub participants: Option<u32>,
    pub note: String,
    pub with: Vec<InitiativeId>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditionError {
    Op(OpError),
    /// Only events and trainings have editions.
    NotAnEvent(InitiativeId),
}

impl From<OpError> for EditionError {
    fn from(e: OpError) -> EditionError {
        EditionError::Op(e)
    }
}

/// Whether an initiative is an event or a training.
pub fn is_event(schema: &Schema, i: &Initiative) -> bool {
    i.value(&schema.kind_field)
        .is_some_and(|k| EVENT_KINDS.contains(&k))
}

/// The editions of an initiative, latest first.
pub fn editions(i: &Initiative) -> Vec<Edition> {
    let mut out: Vec<Edition> = i
        .entries(EDITIONS)
        .iter()
        .filter_map(|e| {
            let Value::Record(r) = &e.value else {
                return None;
            };
            let get = |k: &str| r.get(k).cloned().unwrap_or_default();
            Some(Edition {
                date: r.get("date").and_then(|d| Date::parse(d)),
                place: get("place"),
                participants: r.get("participants").and_then(|n| n.parse().ok()),
                note: get("note"),
                with: get("with")
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                by: author_of(e),
                at: e.stamp.at(),
            })
        })
        .collect();
    out.sort_by_key(|e| std::cmp::Reverse((e.date, e.at)));
    out
}

/// Whether an initiative is asked to take part: present, not dormant, not
/// itself an event or a training.
fn to_bring(schema: &Schema, i: &Initiative) -> bool {
    let s = status::current(i);
    i.is_live() && s != Status::Disparu.id() && s != Status::EnSommeil.id() && !is_event(schema, i)
}

/// The ids that took part in something in `year`: named by an edition of
/// that year, or given the relation [`TOOK_PART`] that year.
pub fn took_part(census: &Census, schema: &Schema, year: i32) -> HashSet<String> {
    let relation_fields: Vec<&str> = schema
        .fields
        .iter()
        .filter(|f| matches!(f.field_type, FieldType::Relations(_)))
        .map(|f| f.id.as_str())
        .collect();
    let prefix = format!("{TOOK_PART}:");
    let mut out = HashSet::new();
    for i in census.live() {
        for e in editions(i)
            .into_iter()
            .filter(|e| e.date.is_some_and(|d| d.year == year))
        {
            out.extend(e.with);
        }
        for f in &relation_fields {
            let that_year = i.entries(f).iter().any(|e| {
                e.value.as_text().is_some_and(|v| v.starts_with(&prefix))
                    && e.stamp.at().is_some_and(|t| t.date().year == year)
            });
            if that_year {
                out.insert(i.id.to_string());
            }
        }
    }
    out
}

/// The initiatives that took part in no edition in `year`, to invite
/// (positions in the census, in file order).
pub fn to_invite(census: &Census, schema: &Schema, year: i32) -> Vec<usize> {
    let came = took_part(census, schema, year);
    census
        .initiatives
        .iter()
        .enumerate()
        .filter(|(_, i)| to_bring(schema, i) && !came.contains(i.id.as_str()))
        .map(|(n, _)| n)
        .collect()
}

fn live<'a>(census: &'a Census, id: &InitiativeId) -> Result<&'a Initiative, OpError> {
    let i = census
        .get(id)
        .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))?;
    if !i.is_live() {
        return Err(OpError::Deleted(id.clone()));
    }
    Ok(i)
}

impl Census {
    /// Records an edition of an event or training; each initiative that took
    /// part gets the relation [`TOOK_PART`] to it (when the schema has that
    /// relation). Everything is checked before anything is written.
    pub fn add_edition(
        &mut self,
        schema: &Schema,
        id: &InitiativeId,
        spec: &EditionSpec,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<(), EditionError> {
        if !is_event(schema, live(self, id)?) {
            return Err(EditionError::NotAnEvent(id.clone()));
        }
        let has_relation = schema.choice(
            crate::census::network::relation_field(schema)
                .and_then(|f| f.field_type.choice_list())
                .unwrap_or(""),
            TOOK_PART,
        );
        let mut links = Vec::new();
        for p in &spec.with {
            live(self, p)?;
            if has_relation.is_some() && p != id {
                let changes = crate::census::network::link_changes(
                    schema,
                    self,
                    p,
                    TOOK_PART,
                    id.as_str(),
                    true,
                )?;
                links.push((p.clone(), changes));
            }
        }
        let date = spec.date.unwrap_or(now.date()).to_string();
        let participants = spec.participants.map(|n| n.to_string()).unwrap_or_default();
        let with: Vec<&str> = spec.with.iter().map(InitiativeId::as_str).collect();
        let with = with.join(",");
        let r: BTreeMap<String, String> = [
            ("date", date.as_str()),
            ("place", spec.place.trim()),
            ("participants", &participants),
            ("note", spec.note.trim()),
            ("with", &with),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        for (p, changes) in links {
            self.edit_initiative(schema, &p, agent, &changes, now)?;
        }
        let i = self
            .get_mut(id)
            .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))?;
        let dot = i.next_dot(agent.id).map_err(OpError::from)?;
        i.add_element(EDITIONS, Value::record(r), dot, now);
        self.agents.insert(agent.id, agent.name.clone());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::ops::{Changes, parse_assignments};

    fn day(d: &str) -> Timestamp {
        Timestamp::parse(d).unwrap()
    }

    #[test]
    fn who_took_part_this_year_is_not_to_invite() {
        let s = Schema::default_schema();
        let mut c = Census::new("T", &s.id, s.version);
        let a = Agent {
            id: AgentId::parse("marie").unwrap(),
            name: "Marie".into(),
        };
        let add = |c: &mut Census, name: &str, kind: &str| {
            let v = parse_assignments(
                &s,
                c,
                &[
                    format!("nom={name}"),
                    format!("type={kind}"),
                    "commune=Brest".into(),
                ],
                None,
            )
            .unwrap();
            c.add_initiative(&s, &a, &v, day("2025-01-01")).unwrap()
        };
        let forum = add(&mut c, "Forum", "evenement");
        let came = add(&mut c, "Venue", "association");
        let linked = add(&mut c, "Reliée", "association");
        let absent = add(&mut c, "Absente", "association");
        let spec = EditionSpec {
            date: Date::parse("2026-03-14"),
            participants: Some(40),
            with: vec![came.clone()],
            ..EditionSpec::default()
        };
        c.add_edition(&s, &forum, &spec, &a, day("2026-03-15"))
            .unwrap();
        // A relation given by hand in 2026 counts too; one of 2025 does not.
        let set = parse_assignments(
            &s,
            &c,
            &[format!("relations=participe_a:{forum}")],
            Some(&linked),
        )
        .unwrap();
        c.edit_initiative(
            &s,
            &linked,
            &a,
            &Changes {
                add: set,
                ..Default::default()
            },
            day("2026-05-01"),
        )
        .unwrap();
        let names = |ns: Vec<usize>| -> Vec<String> {
            ns.into_iter()
                .map(|n| c.initiatives[n].value("nom").unwrap().to_string())
                .collect()
        };
        assert_eq!(names(to_invite(&c, &s, 2026)), ["Absente"]);
        assert_eq!(names(to_invite(&c, &s, 2025)).len(), 3);
        let e = &editions(c.get(&forum).unwrap())[0];
        assert_eq!(
            (e.participants, e.with.clone()),
            (Some(40), vec![came.to_string()])
        );
        assert!(
            c.get(&came)
                .unwrap()
                .values("relations")
                .contains(&format!("participe_a:{forum}").as_str())
        );
        // Only events and trainings have editions.
        assert_eq!(
            c.add_edition(&s, &absent, &spec, &a, day("2026-03-15")),
            Err(EditionError::NotAnEvent(absent.clone()))
        );
    }
}
