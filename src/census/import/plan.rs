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

use foldhash::fast::FixedState;

use super::columns::ColumnPlan;
use super::read::read;
use super::record::{EvidenceSpec, Incoming, RowProblem};
use super::{Format, ImportError, Request};
use crate::census::InitiativeId;
use crate::census::duplicates::{Identity, IdentityIndex, Reason};
use crate::census::model::{Census, Initiative, Text};
use crate::census::ops::{Agent, Changes, parse_assignments};
use crate::census::schema::{Field, Schema};
use crate::census::standards::RowCells;
use crate::census::time::Timestamp;

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
pub enum RowFate {
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
    pub outcome: RowFate,
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
    /// Communes written as the official referential has them, codes
    /// filled, or left as the file gave them (see `import/communes.rs`).
    pub communes: Vec<super::communes::CommuneNote>,
    /// The character set a CSV file was read in when it was not UTF-8.
    pub decoded: Option<super::encoding::TextEncoding>,
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
                RowFate::Create { .. } => c.created += 1,
                RowFate::Update { .. } => c.updated += 1,
                RowFate::Unchanged { .. } => c.unchanged += 1,
                RowFate::Likely { .. } => c.likely += 1,
                RowFate::SameAs { .. } => c.same += 1,
                RowFate::Skipped { .. } => c.skipped += 1,
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

/// A checked value and where it came from. Its field is the schema's own
/// definition: fields are compared by address, never looked up again.
#[derive(Debug, Clone)]
pub(super) struct Checked<'a> {
    pub(super) def: &'a Field,
    /// Inline up to 24 bytes: a record's short values need no allocation.
    pub(super) value: Text,
    pub(super) column: Option<usize>,
    /// Given by `--default`: only for records (and initiatives) without it.
    pub(super) default: bool,
}

/// An identity of the index: a live initiative of the census (its place
/// among them) or a record planned for creation (its place among them, not
/// its row: rows that create nothing come in between).
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
        /// Its identity, when identities are not deferred.
        who: Option<Identity>,
    },
}

/// Hash maps of the planner: fast, and nothing depends on their order.
pub(super) type Map<K, V> = HashMap<K, V, FixedState>;

pub(super) struct Planner<'a> {
    pub(super) census: &'a Census,
    pub(super) schema: &'a Schema,
    pub(super) agent: &'a Agent,
    pub(super) now: Timestamp,
    /// `--default` values, by field.
    pub(super) defaults: Vec<(&'a Field, Vec<String>)>,
    pub(super) create_likely: bool,
    /// The live initiatives, and their positions in the census. The index
    /// is built when a first record is not found by its id (a file of our
    /// own export never needs it).
    pub(super) existing: IdentityIndex,
    pub(super) existing_built: bool,
    pub(super) existing_pos: Vec<usize>,
    /// The other way: the place among the live initiatives of each
    /// initiative of the census, `None` for those deleted or fused.
    pub(super) live_index: Vec<Option<u32>>,
    /// The position of each initiative by id, made at the first lookup: a
    /// binary search over a large census is a cache miss per step.
    pub(super) positions: Option<Map<&'a str, usize>>,
    /// The records planned for creation, and their rows. Their identities
    /// are indexed when a record without an id of ours needs them (see
    /// `Planner::index_planned`): a file of our own export never does.
    pub(super) planned: IdentityIndex,
    pub(super) planned_rows: Vec<usize>,
    /// Whether identities of planned records may wait (the fields they
    /// read hold one value each, so the initiative made says the same).
    pub(super) deferred: bool,
    pub(super) planned_ids: Map<InitiativeId, usize>,
    /// Which line took each live initiative (by its place among them), 0
    /// for none yet: direct places rather than a map, a census is large.
    pub(super) claimed_existing: Vec<usize>,
    /// Which line took each record planned (its own, when planned).
    pub(super) claimed_planned: Vec<usize>,
    pub(super) choices: Map<String, Map<String, Option<Text>>>,
    /// Relations to initiatives that only this import creates:
    /// (row, field, target).
    pub(super) pending: Vec<(usize, String, InitiativeId)>,
    /// An empty census where records are tried before being planned.
    pub(super) scratch: Census,
    pub(super) rows: Vec<Row>,
    /// The checked values of the record being planned: one list kept from
    /// row to row.
    pub(super) checked: Vec<Checked<'a>>,
    /// The fields of the previous record's values, in order: the rows of a
    /// file give the same fields in the same order, found again without a
    /// lookup.
    pub(super) last_fields: Vec<&'a Field>,
    /// Communes already settled, by (name, code INSEE, postal code).
    pub(super) communes: Map<(String, String, String), crate::census::communes::Settled>,
    pub(super) commune_notes: Vec<super::communes::CommuneNote>,
}

/// Plans an import of `req` into `census`, as `agent` at `now`.
pub fn plan(
    census: &Census,
    schema: &Schema,
    agent: &Agent,
    now: Timestamp,
    req: &Request,
) -> Result<ImportPlan, ImportError> {
    let defaults = parse_assignments(schema, census, &req.defaults, None)
        .map_err(ImportError::Default)?
        .into_iter()
        // Checked fields: the schema has them.
        .filter_map(|fv| Some((schema.field(&fv.field)?, fv.values)))
        .collect();
    let existing_pos: Vec<usize> = (census.initiatives.iter().enumerate())
        .filter(|(_, i)| i.is_live())
        .map(|(pos, _)| pos)
        .collect();
    let mut live_index = vec![None; census.initiatives.len()];
    for (n, &pos) in existing_pos.iter().enumerate() {
        live_index[pos] = u32::try_from(n).ok();
    }
    let mut planner = Planner {
        census,
        schema,
        agent,
        now,
        defaults,
        create_likely: req.create_likely,
        existing: IdentityIndex::default(),
        existing_built: false,
        claimed_existing: vec![0; existing_pos.len()],
        existing_pos,
        live_index,
        positions: None,
        planned: IdentityIndex::default(),
        planned_rows: Vec::new(),
        deferred: crate::census::duplicates::single_valued(schema),
        planned_ids: Map::default(),
        claimed_planned: Vec::new(),
        choices: Map::default(),
        pending: Vec::new(),
        scratch: Census::new(&census.territory, &census.schema_id, census.schema_version),
        rows: Vec::new(),
        checked: Vec::new(),
        last_fields: Vec::new(),
        communes: Map::default(),
        commune_notes: Vec::new(),
    };
    let mut columns = Vec::new();
    let decoded = read(schema, req, &mut columns, |inc, cells| {
        planner.process(inc, cells)
    })?;
    planner.check_relations();
    Ok(ImportPlan {
        format: req.format,
        file: req.path.display().to_string(),
        columns,
        rows: planner.rows,
        communes: planner.commune_notes,
        decoded,
    })
}

impl<'a> Planner<'a> {
    fn push(&mut self, line: usize, name: String, outcome: RowFate) {
        self.rows.push(Row {
            line,
            name,
            outcome,
        });
    }

    /// The position of the initiative with this id in the census.
    pub(super) fn position(&mut self, id: &str) -> Option<usize> {
        let census = self.census;
        let positions = self.positions.get_or_insert_with(|| {
            let mut map =
                Map::with_capacity_and_hasher(census.initiatives.len(), FixedState::default());
            map.extend(
                (census.initiatives.iter().enumerate()).map(|(pos, i)| (i.id.as_str(), pos)),
            );
            map
        });
        positions.get(id).copied()
    }

    /// Plans one record. What it holds is taken (its lists keep their room
    /// for the next record).
    fn process(&mut self, inc: &mut Incoming, cells: Option<RowCells>) {
        let line = inc.line;
        let name = inc.value(&self.schema.name_field).unwrap_or("").to_string();
        let mut problems = std::mem::take(&mut inc.problems);
        let own = inc.id.as_deref().and_then(super::our_id);
        let mut values = std::mem::take(&mut self.checked);
        values.clear();
        self.settle_commune(inc);
        self.check_values(inc, own.as_ref(), &mut values, &mut problems);
        for (def, given) in &self.defaults {
            if !values.iter().any(|v| std::ptr::eq(v.def, *def)) {
                values.extend(given.iter().map(|v| Checked {
                    def,
                    value: Text::new(v),
                    column: None,
                    default: true,
                }));
            }
        }
        let outcome = self.outcome(inc, own, &mut values, problems, cells);
        self.checked = values;
        if !matches!(outcome, RowFate::Create { .. } | RowFate::Update { .. }) {
            // This row's pending relations were pushed last, while it was
            // checked: dropping them does not walk the others.
            let row = self.rows.len();
            while self.pending.last().is_some_and(|(r, _, _)| *r == row) {
                self.pending.pop();
            }
        }
        self.push(line, name, outcome);
    }

    fn outcome(
        &mut self,
        inc: &mut Incoming,
        own: Option<InitiativeId>,
        values: &mut Vec<Checked<'a>>,
        problems: Vec<RowProblem>,
        cells: Option<RowCells>,
    ) -> RowFate {
        if !problems.is_empty() {
            return RowFate::Skipped { problems };
        }
        let line = inc.line;
        match self.find(own, line, values) {
            Found::Existing(pos) => self.update(pos, inc, values, cells),
            Found::SameAs(line) => RowFate::SameAs { line },
            Found::Deleted(id) => RowFate::Skipped {
                problems: vec![RowProblem::Deleted(id)],
            },
            Found::Likely(candidates) => RowFate::Likely { candidates },
            Found::New { likely, .. } if !likely.is_empty() && !self.create_likely => {
                RowFate::Likely { candidates: likely }
            }
            Found::New {
                keep_id,
                likely,
                who,
            } => match self.create(keep_id, inc, values) {
                Ok(initiative) => {
                    let row = self.rows.len();
                    self.planned_ids.insert(initiative.id.clone(), line);
                    if let Some(who) = who {
                        self.planned.push(who);
                    }
                    // Its slot is its place among the records planned, as
                    // the index of planned identities counts them.
                    self.claimed_planned.push(line);
                    self.planned_rows.push(row);
                    RowFate::Create {
                        initiative: Box::new(initiative),
                        likely,
                    }
                }
                Err(problems) => RowFate::Skipped { problems },
            },
        }
    }
}
