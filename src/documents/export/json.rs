//! JSON: one initiative as `list`/`show --format json` print it, and the
//! whole census for scripts (`export --format json`).
//!
//! The export's shape (stable; members are never renamed, new ones may be
//! added):
//!
//! ```text
//! {
//!   "format": "recense-export", "version": 1,
//!   "territory": "Pays de Brest",
//!   "schema": {"id": "communs-numeriques", "version": 1},
//!   "modified": "2026-11-05T09:00:00Z",   // the census' last change, or null
//!   "public": false,                      // true: personal fields left out
//!   "count": 19,
//!   "initiatives": [{
//!     "id", "deleted", "nom", "type", "commune",   // shortcuts
//!     "fields": {"FIELD": "value" | ["v1", "v2"]}, // ids and stored values
//!     "conflicts": ["FIELD"],                     // concurrent values
//!     "status": "repere", "score": 0..100,        // score as of "modified"
//!     "evidence": [{"kind", "date", "note", "url", "by", "at"}],
//!     "confirmations": [{"comment", "by", "at"}],
//!     "relations": [{"kind", "to", "name"}]       // fusions followed
//!   }]
//! }
//! ```
//!
//! With `public`, personal fields and fields the schema does not know are
//! left out, and so is `by` (the name of the agent who recorded evidence or
//! confirmed). Members of each object come in alphabetical order.

use std::io::{self, Write};

use serde::ser::{Serialize, Serializer};
use serde_json::{Map, Value as Json, json};

use crate::census::model::{Census, Initiative, Stamp};
use crate::census::network::outgoing;
use crate::census::schema::Schema;
use crate::census::status;
use crate::census::time::{Date, Timestamp};

use super::{Options, Summary, last_modified};

/// What the JSON of one initiative holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemOptions {
    /// `changed`: who changed each field, when.
    pub details: bool,
    /// Personal fields and fields unknown to the schema left out.
    pub public: bool,
    /// The day the score's freshness is counted from.
    pub today: Date,
}

/// Whether a field may appear: always, or when public only the schema's
/// fields not marked personal.
fn shown(schema: &Schema, field: &str, public: bool) -> bool {
    !field.starts_with('_') && (!public || schema.field(field).is_some_and(|d| !d.personal))
}

/// The JSON of a field: a string for single-valued fields, an array for
/// multi-valued ones; records as objects.
fn field_json(schema: &Schema, i: &Initiative, field: &str) -> Json {
    let multi = schema.field(field).is_some_and(|d| d.field_type.is_multi());
    let entries = i.entries(field);
    let all_text = entries.iter().all(|e| e.value.as_text().is_some());
    if !all_text {
        return Json::Array(
            entries
                .iter()
                .map(|e| match &e.value {
                    crate::census::Value::Text(t) => json!(t.as_str()),
                    crate::census::Value::Record(m) => json!(m),
                })
                .collect(),
        );
    }
    if multi {
        json!(i.values(field))
    } else {
        json!(i.value(field))
    }
}

fn stamp_json(census: &Census, stamp: &Stamp) -> Json {
    match (stamp.dot(), stamp.at()) {
        (Some(dot), Some(at)) => json!({
            "agent": dot.agent.as_str(),
            "by": census.agent_name(&dot.agent),
            "at": at.to_string(),
            "hand_edited": stamp.by_hand(),
        }),
        _ => json!({ "hand_edited": true }),
    }
}

/// The stable JSON of an initiative (`list` and `show --format json`):
/// `id`, `deleted`, the name/kind/commune shortcuts, `fields` (every field,
/// unknown ones too unless public), `conflicts` (fields with several
/// concurrent values), `status`, `score` and, with `details`, `changed` (who
/// changed each field, when).
pub fn initiative_json(
    schema: &Schema,
    census: &Census,
    i: &Initiative,
    options: &ItemOptions,
) -> Json {
    let fields: Map<String, Json> = i
        .fields
        .keys()
        .filter(|f| shown(schema, f, options.public))
        .map(|f| (f.to_string(), field_json(schema, i, f)))
        .collect();
    let conflicts: Vec<&str> = i
        .fields
        .keys()
        .filter(|f| shown(schema, f, options.public) || f.starts_with('_'))
        .filter(|f| crate::census::conflicts::in_conflict(schema, i, f))
        .collect();
    let mut obj = json!({
        "id": i.id.as_str(),
        "deleted": i.is_deleted(),
        "nom": i.value(&schema.name_field),
        "type": i.value(&schema.kind_field),
        "commune": i.value("commune"),
        "fields": fields,
        "conflicts": conflicts,
        "status": status::current(i),
        "score": status::score(schema, i, options.today),
    });
    if options.details {
        let changed: Map<String, Json> = i
            .fields
            .keys()
            .filter_map(|f| Some((f.to_string(), stamp_json(census, &i.last_change(f)?))))
            .collect();
        obj["changed"] = Json::Object(changed);
    }
    obj
}

/// An initiative of the export: [`initiative_json`] with its evidence,
/// confirmations and relations.
/// A public export names agents by their pseudonyms (`pseudonyms`).
fn export_item(
    schema: &Schema,
    census: &Census,
    i: &Initiative,
    options: &ItemOptions,
    pseudonyms: &Pseudonyms,
) -> Json {
    let mut obj = initiative_json(schema, census, i, options);
    let by = |agent: Option<crate::census::AgentId>| -> Json {
        match agent {
            Some(a) if !options.public => json!(census.agent_name(&a)),
            Some(a) => json!(pseudonyms.get(&a)),
            None => Json::Null,
        }
    };
    let at = |t: Option<Timestamp>| t.map(|t| t.to_string());
    let evidence: Vec<Json> = status::evidence(i)
        .into_iter()
        .map(|e| {
            json!({
                "kind": e.kind,
                "date": e.date.map(|d| d.to_string()),
                "note": e.note,
                "url": e.url,
                "by": by(e.by),
                "at": at(e.at),
            })
        })
        .collect();
    let confirmations: Vec<Json> = status::confirmations(i)
        .into_iter()
        .map(|(agent, comment, when)| json!({"comment": comment, "by": by(Some(agent)), "at": at(when)}))
        .collect();
    let relations: Vec<Json> = outgoing(schema, i)
        .map(|link| {
            let to = crate::census::InitiativeId::parse(link.to)
                .ok()
                .map(|id| census.redirect(&id).clone());
            let name = to
                .as_ref()
                .and_then(|id| census.get(id))
                .and_then(|t| t.value(&schema.name_field));
            json!({
                "kind": link.kind,
                "to": to.as_ref().map_or(link.to, |id| id.as_str()),
                "name": name,
            })
        })
        .collect();
    obj["evidence"] = Json::Array(evidence);
    obj["confirmations"] = Json::Array(confirmations);
    obj["relations"] = Json::Array(relations);
    obj
}

/// Agents' pseudonyms in a public export (empty otherwise).
type Pseudonyms = std::collections::BTreeMap<crate::census::AgentId, String>;

/// The list of initiatives, serialised one at a time as the output goes.
struct Items<'a> {
    census: &'a Census,
    schema: &'a Schema,
    selection: &'a [&'a Initiative],
    options: ItemOptions,
    pseudonyms: Pseudonyms,
}

impl Serialize for Items<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.selection
                .iter()
                .map(|i| export_item(self.schema, self.census, i, &self.options, &self.pseudonyms)),
        )
    }
}

#[derive(serde::Serialize)]
struct SchemaRef<'a> {
    id: &'a str,
    version: u32,
}

#[derive(serde::Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    territory: &'a str,
    schema: SchemaRef<'a>,
    modified: Option<String>,
    public: bool,
    count: usize,
    initiatives: Items<'a>,
}

pub(super) fn write_json(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
    mut out: &mut dyn Write,
) -> io::Result<Summary> {
    let modified = last_modified(census);
    let doc = Document {
        format: "recense-export",
        version: 1,
        territory: &census.territory,
        schema: SchemaRef {
            id: &census.schema_id,
            version: census.schema_version,
        },
        modified: modified.map(|t| t.to_string()),
        public: options.is_public(),
        count: selection.len(),
        initiatives: Items {
            census,
            schema,
            selection,
            options: ItemOptions {
                details: false,
                public: options.is_public(),
                today: modified.unwrap_or_default().date(),
            },
            pseudonyms: if options.is_public() {
                crate::census::erase::public::pseudonyms_in(census, selection)
            } else {
                Pseudonyms::new()
            },
        },
    };
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n")?;
    Ok(Summary {
        written: selection.len(),
        ..Summary::default()
    })
}
