//! What the census holds about one person (RGPD art. 15, right of access):
//! the personal values of the initiatives whose personal fields name them,
//! the free-text values (form fields, evidence notes, status comments,
//! confirmations, supports' givers and notes) that name them, their consent, and the agents of that
//! name. Names are matched word for word, without accents or case, in any
//! order: « camille fictive » finds « Fictive, Camille ». Deleted and fused
//! initiatives are searched too: they are still in the file.

use crate::census::consent::{self, ConsentRecord};
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Entry, Initiative, Value};
use crate::census::schema::{FieldType, Schema};
use crate::census::search::fold;
use crate::census::status::{CONFIRMATIONS, EVIDENCE, STATUS_LOG};
use crate::census::supports::SUPPORTS;
use crate::census::time::Timestamp;

/// One value held: where, what, who wrote it, since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub field: String,
    /// The field is flagged `personal` by the schema.
    pub personal: bool,
    pub value: String,
    pub by: Option<AgentId>,
    pub since: Option<Timestamp>,
}

/// An initiative holding something about the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concerned {
    pub id: InitiativeId,
    pub name: String,
    pub deleted: bool,
    pub values: Vec<Held>,
    /// Every consent and withdrawal, oldest first; the last is in force.
    pub consent: Vec<ConsentRecord>,
}

/// Everything found about a person.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Access {
    pub initiatives: Vec<Concerned>,
    /// Agents of that name (their name is written in the file, and on
    /// every value they wrote), and how many values they wrote.
    pub agents: Vec<(AgentId, String, usize)>,
}

/// The folded words of a text.
fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// Whether `text` names the person of `wanted` (every word of the name is
/// a word of the text).
fn names(text: &str, wanted: &[String]) -> bool {
    if wanted.is_empty() {
        return false;
    }
    let have = words(text);
    wanted.iter().all(|w| have.contains(w))
}

/// The free text an entry of a field holds.
fn text_of(field: &str, e: &Entry) -> Option<String> {
    match &e.value {
        Value::Text(t) => Some(t.to_string()),
        Value::Record(r) => {
            let key = match field {
                EVIDENCE => "note",
                STATUS_LOG | CONFIRMATIONS => "comment",
                // From whom (a donor may be a person) and the note.
                SUPPORTS => {
                    let texts: Vec<&str> = ["from", "note"]
                        .iter()
                        .filter_map(|k| r.get(*k).map(String::as_str))
                        .filter(|t| !t.is_empty())
                        .collect();
                    return (!texts.is_empty()).then(|| texts.join(" · "));
                }
                _ => return None,
            };
            r.get(key).cloned()
        }
    }
}

fn held(field: &str, personal: bool, e: &Entry, value: String) -> Held {
    Held {
        field: field.to_string(),
        personal,
        value,
        by: crate::census::carry::author_of(e),
        since: e.stamp.at(),
    }
}

/// Whether the field holds free text a name may be written in.
fn free_text(schema: &Schema, field: &str) -> bool {
    match schema.field(field) {
        Some(f) => matches!(f.field_type, FieldType::Text | FieldType::LongText),
        None => {
            [EVIDENCE, STATUS_LOG, CONFIRMATIONS, SUPPORTS].contains(&field)
                || !field.starts_with('_')
        }
    }
}

fn concerned(schema: &Schema, i: &Initiative, wanted: &[String]) -> Option<Concerned> {
    let personal: Vec<&str> = consent::personal_fields(schema, i)
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    let named_in_personal = personal.iter().any(|f| {
        i.entries(f)
            .iter()
            .any(|e| e.value.as_text().is_some_and(|t| names(t, wanted)))
    });
    let mut values = Vec::new();
    for (field, entries) in i.fields.iter() {
        let is_personal = personal.contains(&field);
        for e in entries.iter() {
            let Some(text) = text_of(field, e) else {
                continue;
            };
            let keep = (is_personal && named_in_personal)
                || (free_text(schema, field) && names(&text, wanted));
            if keep {
                values.push(held(field, is_personal, e, text));
            }
        }
    }
    if values.is_empty() {
        return None;
    }
    Some(Concerned {
        id: i.id.clone(),
        name: i.value(&schema.name_field).unwrap_or("?").to_string(),
        deleted: i.is_deleted(),
        consent: if named_in_personal {
            consent::records(i)
        } else {
            Vec::new()
        },
        values,
    })
}

/// Everything the census holds about the person named `name`.
pub fn access(schema: &Schema, census: &Census, name: &str) -> Access {
    let wanted = words(name);
    let mut out = Access::default();
    for i in &census.initiatives {
        if let Some(c) = concerned(schema, i, &wanted) {
            out.initiatives.push(c);
        }
    }
    for (id, agent_name) in &census.agents {
        if names(agent_name, &wanted) {
            let writes = census
                .initiatives
                .iter()
                .flat_map(|i| i.fields.iter())
                .flat_map(|(_, es)| es.iter())
                .filter(|e| e.stamp.dot().is_some_and(|d| d.agent.hand_owner() == *id))
                .count();
            out.agents.push((*id, agent_name.clone(), writes));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::ops::{Agent, parse_assignments};

    #[test]
    fn a_person_is_found_in_personal_and_free_text_fields_without_accents_or_case() {
        let s = Schema::default_schema();
        let mut c = Census::new("T", &s.id, s.version);
        let marie = Agent {
            id: AgentId::parse("marie").unwrap(),
            name: "Marie Agent".into(),
        };
        let now = Timestamp::parse("2026-02-01").unwrap();
        let add = |c: &mut Census, set: &[&str]| {
            let set: Vec<String> = set.iter().map(|x| x.to_string()).collect();
            let v = parse_assignments(&s, c, &set, None).unwrap();
            c.add_initiative(&s, &marie, &v, now).unwrap()
        };
        let a = add(
            &mut c,
            &[
                "nom=Infini",
                "type=chatons",
                "commune=Brest",
                "contact_nom=Hélène Fictive",
                "contact_courriel=contact@example.org",
            ],
        );
        let b = add(
            &mut c,
            &[
                "nom=Fablab",
                "type=fablab",
                "commune=Brest",
                "description=Animé par FICTIVE Helene depuis 2020",
            ],
        );
        add(
            &mut c,
            &[
                "nom=Autre",
                "type=fablab",
                "commune=Brest",
                "description=Hélènes",
            ],
        );
        let found = access(&s, &c, "helene fictive");
        let ids: Vec<&InitiativeId> = found.initiatives.iter().map(|x| &x.id).collect();
        assert_eq!(ids.len(), 2, "{found:?}");
        assert!(ids.contains(&&a) && ids.contains(&&b));
        let first = found.initiatives.iter().find(|x| x.id == a).unwrap();
        let fields: Vec<&str> = first.values.iter().map(|h| h.field.as_str()).collect();
        assert_eq!(
            fields,
            ["contact_courriel", "contact_nom"],
            "the e-mail goes with the name"
        );
        assert_eq!(first.values[0].by, Some(marie.id));
        let second = found.initiatives.iter().find(|x| x.id == b).unwrap();
        assert_eq!(second.values.len(), 1);
        assert!(!second.values[0].personal);
        assert!(found.agents.is_empty());
        let agent = access(&s, &c, "marie agent");
        assert_eq!(agent.agents.len(), 1);
        assert!(agent.agents[0].2 > 0);
        assert_eq!(access(&s, &c, "  ").initiatives.len(), 0);
    }
}
