//! How the census covers its perimeter: for each commune of the perimeter,
//! its population, its initiatives, its *structures relais* and its
//! initiatives by status; the initiatives outside the perimeter apart.
//! What `recense communes`, the dashboard's white zones and the reports'
//! "couverture du territoire" read. Nothing is computed when the census
//! declares no perimeter (not even the referential is read).

use std::collections::HashMap;

use serde::Serialize;

use crate::census::id::InitiativeId;
use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::census::status;
use crate::census::territory::{self, referential};

/// One commune of the perimeter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommuneCoverage {
    /// Index into the referential's communes.
    #[serde(skip)]
    pub index: usize,
    pub code_insee: String,
    pub commune: String,
    pub population: u32,
    pub initiatives: usize,
    /// Initiatives whose kind is one of the schema's `relay_kinds`.
    pub relays: usize,
    /// Initiatives per status, in the order of [`status::STATUSES`].
    pub by_status: Vec<usize>,
}

impl CommuneCoverage {
    /// A white zone: neither initiative nor relay.
    pub fn is_white(&self) -> bool {
        self.initiatives == 0 && self.relays == 0
    }
}

/// An initiative outside the perimeter (or whose commune is not known).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outside {
    pub id: InitiativeId,
    pub name: String,
    /// The commune as typed (empty when unset).
    pub commune: String,
    /// The INSEE code of the commune it resolves to, if any.
    pub code_insee: Option<String>,
}

/// The coverage of the perimeter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// The perimeter's canonical text.
    pub perimeter: String,
    /// Every commune of the perimeter, largest population first (then by
    /// INSEE code).
    pub communes: Vec<CommuneCoverage>,
    pub outside: Vec<Outside>,
    /// Population of the perimeter.
    pub population: u64,
    /// Initiatives inside the perimeter.
    pub inside: usize,
}

impl Coverage {
    /// Communes with at least one initiative.
    pub fn covered(&self) -> usize {
        self.communes.iter().filter(|c| c.initiatives > 0).count()
    }

    /// The white zones, largest population first.
    pub fn white(&self) -> impl Iterator<Item = &CommuneCoverage> {
        self.communes.iter().filter(|c| c.is_white())
    }

    /// Population of the white zones.
    pub fn white_population(&self) -> u64 {
        self.white().map(|c| u64::from(c.population)).sum()
    }

    /// Initiatives per 10,000 inhabitants of the perimeter, in tenths
    /// (rounded); `None` for a perimeter with no population.
    pub fn per_10k_tenths(&self) -> Option<u64> {
        let p = self.population;
        (p > 0).then(|| (self.inside as u64 * 100_000 + p / 2) / p)
    }
}

/// The coverage of the perimeter by the live initiatives among `kept`
/// (indexes into `census.initiatives`); `None` when no perimeter is set.
pub fn coverage(census: &Census, schema: &Schema, kept: &[usize]) -> Option<Coverage> {
    if !census.perimeter.is_set() {
        return None;
    }
    let r = referential();
    let indices = r.perimeter_communes(&census.perimeter.spec);
    let mut rows: Vec<CommuneCoverage> = indices
        .iter()
        .map(|&k| {
            let c = &r.communes[k];
            CommuneCoverage {
                index: k,
                code_insee: c.insee.to_string(),
                commune: c.name.to_string(),
                population: c.population,
                initiatives: 0,
                relays: 0,
                by_status: vec![0; status::STATUSES.len()],
            }
        })
        .collect();
    let row_of: HashMap<usize, usize> = indices.iter().enumerate().map(|(n, &k)| (k, n)).collect();
    let mut cache = territory::CommuneCache::default();
    let mut outside = Vec::new();
    let mut inside = 0;
    for i in kept.iter().map(|&k| &census.initiatives[k]) {
        if !i.is_live() {
            continue;
        }
        let found = cache.commune_of(i);
        match found.and_then(|k| row_of.get(&k)) {
            Some(&n) => {
                inside += 1;
                count(&mut rows[n], i, schema);
            }
            None => outside.push(Outside {
                id: i.id.clone(),
                name: i.value(&schema.name_field).unwrap_or("").to_string(),
                commune: i.value("commune").unwrap_or("").to_string(),
                code_insee: found.map(|k| r.communes[k].insee.to_string()),
            }),
        }
    }
    let population = rows.iter().map(|c| u64::from(c.population)).sum();
    rows.sort_by(|a, b| {
        b.population
            .cmp(&a.population)
            .then_with(|| a.code_insee.cmp(&b.code_insee))
    });
    Some(Coverage {
        perimeter: census.perimeter.spec.clone(),
        communes: rows,
        outside,
        population,
        inside,
    })
}

fn count(row: &mut CommuneCoverage, i: &Initiative, schema: &Schema) {
    row.initiatives += 1;
    let relay = i
        .value(&schema.kind_field)
        .is_some_and(|k| schema.relay_kinds.iter().any(|r| r == k));
    row.relays += usize::from(relay);
    if let Some(s) = status::STATUSES
        .iter()
        .position(|s| *s == status::current(i))
    {
        row.by_status[s] += 1;
    }
}
