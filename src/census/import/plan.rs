//! Planning an import: every record checked as `recense add` checks values,
//! looked for among the initiatives, and what would happen to it.
//!
//! A record is *the same initiative* as one already there when it carries
//! its id (our own exports), or has the same name in the same commune, or
//! the same SIRET or RNA under a similar name: that initiative is updated,
//! only in the fields that differ (so importing a file twice changes
//! nothing the second time). A record that only *looks like* one (a similar
//! name nearby, the same website…) is reported, not created, unless asked.
//! Empty cells never erase anything.

use std::collections::HashMap;

use super::columns::ColumnPlan;
use super::read::read;
use super::record::{EvidenceSpec, Incoming, RowProblem};
use super::{Format, ImportError, Request};
use crate::census::duplicates::{Identity, IdentityIndex, Reason};
use crate::census::model::{Census, Initiative, LookupError};
use crate::census::ops::{
    Agent, Changes, FieldValues, OpError, check_value, field_def, parse_assignments,
};
use crate::census::schema::{FieldType, Schema};
use crate::census::standards::RowCells;
use crate::census::time::Timestamp;
use crate::census::{InitiativeId, value};

/// What a record may be the same as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Match {
    /// An initiative of the census.
    Existing(InitiativeId),
    /// The record of an earlier line of the file.
    Line(usize),
}

/// An initiative (or earlier record) a record looks like, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub target: Match,
    pub name: String,
    pub reasons: Vec<Reason>,
}

/// What happens to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new initiative, ready to be added (`likely`: what it looks like,
    /// when asked to create likely duplicates all the same).
    Create {
        initiative: Box<Initiative>,
        likely: Vec<Candidate>,
    },
    /// The same initiative as one already there: these fields change.
    Update {
        id: InitiativeId,
        fields: Vec<String>,
        changes: Changes,
        evidence: Vec<EvidenceSpec>,
        status: Option<(String, String)>,
    },
    /// The same initiative, nothing new.
    Unchanged { id: InitiativeId },
    /// Looks like these: reported, not created.
    Likely { candidates: Vec<Candidate> },
    /// The same initiative as the record of an earlier line.
    SameAs { line: usize },
    /// Cannot be imported as it is.
    Skipped { problems: Vec<RowProblem> },
}

/// One record of the file and what happens to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub name: String,
    pub outcome: Outcome,
}

/// What an import would do. Plain data: shown, its mapping changed and
/// planned again, then applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPlan {
    pub format: Format,
    pub file: String,
    /// The columns of the file and where each goes (CSV and standards).
    pub columns: Vec<ColumnPlan>,
    pub rows: Vec<Row>,
}

/// How many records of each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub likely: usize,
    pub same: usize,
    pub skipped: usize,
}

impl ImportPlan {
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for row in &self.rows {
            match row.outcome {
                Outcome::Create { .. } => c.created += 1,
                Outcome::Update { .. } => c.updated += 1,
                Outcome::Unchanged { .. } => c.unchanged += 1,
                Outcome::Likely { .. } => c.likely += 1,
                Outcome::SameAs { .. } => c.same += 1,
                Outcome::Skipped { .. } => c.skipped += 1,
            }
        }
        c
    }

    /// Whether applying it changes the census.
    pub fn changes_anything(&self) -> bool {
        let c = self.counts();
        c.created + c.updated > 0
    }
}

/// A checked value and where it came from.
#[derive(Debug, Clone)]
pub(super) struct Checked {
    pub(super) field: String,
    pub(super) value: String,
    pub(super) column: Option<usize>,
    /// Given by `--default`: only for records (and initiatives) without it.
    pub(super) default: bool,
}

/// An identity of the index: an initiative of the census (its position) or
/// a record planned for creation (its row).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Slot {
    Existing(usize),
    Planned(usize),
}

pub(super) enum Found {
    Existing(usize),
    SameAs(usize),
    Deleted(InitiativeId),
    Likely(Vec<Candidate>),
    New {
        keep_id: Option<InitiativeId>,
        likely: Vec<Candidate>,
        who: Identity,
    },
}

pub(super) struct Planner<'a> {
    pub(super) census: &'a Census,
    pub(super) schema: &'a Schema,
    pub(super) agent: &'a Agent,
    pub(super) now: Timestamp,
    pub(super) defaults: Vec<FieldValues>,
    pub(super) create_likely: bool,
    /// The live initiatives, and their positions in the census. The index
    /// is built when a first record is not found by its id (a file of our
    /// own export never needs it).
    pub(super) existing: IdentityIndex,
    pub(super) existing_built: bool,
    pub(super) existing_pos: Vec<usize>,
    /// The records planned for creation, and their rows.
    pub(super) planned: IdentityIndex,
    pub(super) planned_rows: Vec<usize>,
    pub(super) planned_ids: HashMap<InitiativeId, usize>,
    /// Who is already taken by an earlier record: slot → line.
    pub(super) claimed: HashMap<Slot, usize>,
    pub(super) choices: HashMap<String, HashMap<String, Option<String>>>,
    /// Relations to initiatives that only this import creates:
    /// (row, field, target).
    pub(super) pending: Vec<(usize, String, InitiativeId)>,
    /// An empty census where records are tried before being planned.
    pub(super) scratch: Census,
    pub(super) rows: Vec<Row>,
}

/// Plans an import of `req` into `census`, as `agent` at `now`.
pub fn plan(
    census: &Census,
    schema: &Schema,
    agent: &Agent,
    now: Timestamp,
    req: &Request,
) -> Result<ImportPlan, ImportError> {
    let defaults =
        parse_assignments(schema, census, &req.defaults, None).map_err(ImportError::Default)?;
    let existing_pos = (census.initiatives.iter().enumerate())
        .filter(|(_, i)| i.is_live())
        .map(|(pos, _)| pos)
        .collect();
    let mut planner = Planner {
        census,
        schema,
        agent,
        now,
        defaults,
        create_likely: req.create_likely,
        existing: IdentityIndex::default(),
        existing_built: false,
        existing_pos,
        planned: IdentityIndex::default(),
        planned_rows: Vec::new(),
        planned_ids: HashMap::new(),
        claimed: HashMap::new(),
        choices: HashMap::new(),
        pending: Vec::new(),
        scratch: Census::new(&census.territory, &census.schema_id, census.schema_version),
        rows: Vec::new(),
    };
    let mut columns = Vec::new();
    read(schema, req, &mut columns, |inc, cells| {
        planner.process(inc, cells)
    })?;
    planner.check_relations();
    Ok(ImportPlan {
        format: req.format,
        file: req.path.display().to_string(),
        columns,
        rows: planner.rows,
    })
}

impl Planner<'_> {
    fn push(&mut self, line: usize, name: String, outcome: Outcome) {
        self.rows.push(Row {
            line,
            name,
            outcome,
        });
    }

    fn process(&mut self, mut inc: Incoming, cells: Option<RowCells>) {
        let line = inc.line;
        let name = inc.value(&self.schema.name_field).unwrap_or("").to_string();
        let mut problems = std::mem::take(&mut inc.problems);
        let mut values = self.check_values(&inc, &mut problems);
        for d in &self.defaults {
            if !values.iter().any(|v| v.field == d.field) {
                values.extend(d.values.iter().map(|v| Checked {
                    field: d.field.clone(),
                    value: v.clone(),
                    column: None,
                    default: true,
                }));
            }
        }
        if !problems.is_empty() {
            self.pending.retain(|(row, _, _)| *row != self.rows.len());
            return self.push(line, name, Outcome::Skipped { problems });
        }
        let outcome = match self.find(&inc, &values) {
            Found::Existing(pos) => self.update(pos, inc, values, cells),
            Found::SameAs(line) => Outcome::SameAs { line },
            Found::Deleted(id) => Outcome::Skipped {
                problems: vec![RowProblem::Deleted(id)],
            },
            Found::Likely(candidates) => Outcome::Likely { candidates },
            Found::New { likely, .. } if !likely.is_empty() && !self.create_likely => {
                Outcome::Likely { candidates: likely }
            }
            Found::New {
                keep_id,
                likely,
                who,
            } => match self.create(keep_id, &inc, values) {
                Ok(initiative) => {
                    let row = self.rows.len();
                    self.planned_ids.insert(initiative.id.clone(), line);
                    self.planned.push(who);
                    self.planned_rows.push(row);
                    self.claimed.insert(Slot::Planned(row), line);
                    Outcome::Create {
                        initiative: Box::new(initiative),
                        likely,
                    }
                }
                Err(problems) => Outcome::Skipped { problems },
            },
        };
        if !matches!(outcome, Outcome::Create { .. } | Outcome::Update { .. }) {
            self.pending.retain(|(row, _, _)| *row != self.rows.len());
        }
        self.push(line, name, outcome);
    }

    /// A choice by id or label, remembered: a file repeats the same few.
    fn choice(&mut self, list: &str, raw: &str) -> Option<String> {
        if let Some(found) = self.choices.get(list).and_then(|m| m.get(raw)) {
            return found.clone();
        }
        let found = value::choice(self.schema, list, raw);
        self.choices
            .entry(list.to_string())
            .or_default()
            .insert(raw.to_string(), found.clone());
        found
    }

    /// Every value checked as `recense add` checks it.
    fn check_values(&mut self, inc: &Incoming, problems: &mut Vec<RowProblem>) -> Vec<Checked> {
        let (schema, census) = (self.schema, self.census);
        let own = inc.id.as_deref().and_then(super::our_id);
        let mut out: Vec<Checked> = Vec::with_capacity(inc.values.len());
        for a in &inc.values {
            let def = match field_def(schema, &a.field) {
                Ok(def) => def,
                Err(e) => {
                    problems.push(RowProblem::Op(e));
                    continue;
                }
            };
            let mut push = |value: String| {
                out.push(Checked {
                    field: a.field.clone(),
                    value,
                    column: a.column,
                    default: false,
                })
            };
            match &def.field_type {
                FieldType::Choice(list) | FieldType::Choices(list) => {
                    match self.choice(list, a.value.trim()) {
                        Some(id) => push(id),
                        None if def.field_type.is_multi() && a.value.contains(',') => {
                            match parse_assignments(
                                schema,
                                census,
                                &[format!("{}={}", a.field, a.value)],
                                None,
                            ) {
                                Ok(fvs) => {
                                    fvs.into_iter().flat_map(|fv| fv.values).for_each(&mut push)
                                }
                                Err(e) => problems.push(RowProblem::Op(e)),
                            }
                        }
                        None => match check_value(schema, census, def, &a.value, None) {
                            Ok(v) => push(v),
                            Err(e) => problems.push(RowProblem::Op(e)),
                        },
                    }
                }
                FieldType::Relations(_) => {
                    let invalid = |error| OpError::Invalid {
                        field: a.field.clone(),
                        value: a.value.clone(),
                        error,
                    };
                    let v = match value::normalize(schema, def, &a.value) {
                        Ok(v) => v,
                        Err(e) => {
                            problems.push(RowProblem::Op(invalid(e)));
                            continue;
                        }
                    };
                    let (kind, target) = value::split_relation(&v).unwrap_or(("", &v));
                    let resolved = match census.resolve(target) {
                        Ok(id) => Ok(id.clone()),
                        Err(LookupError::NotFound(t)) => match InitiativeId::parse(&t) {
                            Ok(id) => {
                                self.pending
                                    .push((self.rows.len(), a.field.clone(), id.clone()));
                                Ok(id)
                            }
                            Err(_) => Err(LookupError::NotFound(t)),
                        },
                        Err(e) => Err(e),
                    };
                    match resolved {
                        Ok(id) if Some(&id) == own.as_ref() => {
                            problems.push(RowProblem::Op(OpError::RelationToItself {
                                field: a.field.clone(),
                            }))
                        }
                        Ok(id) => push(format!("{kind}:{id}")),
                        Err(error) => problems.push(RowProblem::Op(OpError::RelationTarget {
                            field: a.field.clone(),
                            error,
                        })),
                    }
                }
                _ => match check_value(schema, census, def, &a.value, None) {
                    Ok(v) => push(v),
                    Err(e) => problems.push(RowProblem::Op(e)),
                },
            }
        }
        for (n, c) in out.iter().enumerate() {
            // The rare case first: the schema is only asked when a field has
            // several different values.
            let differ = || out.iter().any(|d| d.field == c.field && d.value != c.value);
            let first = || out.iter().position(|d| d.field == c.field) == Some(n);
            let single = || {
                schema
                    .field(&c.field)
                    .is_some_and(|f| !f.field_type.is_multi())
            };
            if differ() && first() && single() {
                problems.push(RowProblem::Op(OpError::NotMulti {
                    field: c.field.clone(),
                }));
            }
        }
        out
    }
}
