//! A census's perimeter read against the referential: the parts a person
//! types (`epci:SIREN`, `dep:CODE`, `insee:CODE`, or the name of one EPCI
//! or département), their canonical text, the communes they cover; and the
//! one place that says which commune an initiative is in.

use std::collections::HashMap;

use super::{Referential, Resolution, fold_place, referential};
use crate::census::model::Initiative;

/// One part of a perimeter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// Index into [`Referential::epcis`].
    Epci(usize),
    /// Index into [`Referential::departements`].
    Departement(usize),
    /// Index into [`Referential::communes`].
    Commune(usize),
}

/// Why a typed perimeter was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PerimeterError {
    /// Nothing typed.
    Empty,
    /// A part names nothing; `candidates` are names that come close.
    Unknown {
        part: String,
        candidates: Vec<String>,
    },
    /// A name matches several EPCI or départements.
    Ambiguous {
        part: String,
        candidates: Vec<String>,
    },
}

/// How many candidates a refusal lists.
const CANDIDATES: usize = 8;

impl Referential {
    /// Reads a typed perimeter: parts separated by commas.
    pub fn parse_perimeter(&self, text: &str) -> Result<Vec<Part>, PerimeterError> {
        let mut parts = Vec::new();
        for raw in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            parts.push(self.parse_part(raw)?);
        }
        if parts.is_empty() {
            return Err(PerimeterError::Empty);
        }
        parts.sort();
        parts.dedup();
        Ok(parts)
    }

    fn parse_part(&self, raw: &str) -> Result<Part, PerimeterError> {
        let unknown = |candidates| PerimeterError::Unknown {
            part: raw.to_string(),
            candidates,
        };
        if let Some((prefix, code)) = raw.split_once(':') {
            let code = code.trim();
            let found = match prefix.trim().to_ascii_lowercase().as_str() {
                "epci" => self
                    .epcis
                    .iter()
                    .position(|e| e.siren == code)
                    .map(Part::Epci),
                "dep" => {
                    let code = code.to_ascii_uppercase();
                    let found = self.departements.iter().position(|d| d.code == code);
                    found.map(Part::Departement)
                }
                "insee" => self
                    .current_for_code(&code.to_ascii_uppercase())
                    .and_then(|(c, _)| self.commune_index(&c.insee))
                    .map(Part::Commune),
                _ => None,
            };
            return found.ok_or_else(|| unknown(Vec::new()));
        }
        let epcis = self.epci_named(raw);
        let deps = self.departement_named(raw);
        let found: Vec<Part> = epcis
            .iter()
            .map(|&e| Part::Epci(e))
            .chain(deps.iter().map(|&d| Part::Departement(d)))
            .collect();
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(unknown(self.close_to(raw))),
            many => Err(PerimeterError::Ambiguous {
                part: raw.to_string(),
                candidates: many.iter().map(|&p| self.part_code(p)).collect(),
            }),
        }
    }

    /// EPCI and départements whose names hold every word typed.
    fn close_to(&self, raw: &str) -> Vec<String> {
        let folded = fold_place(raw);
        let words: Vec<&str> = folded.split(' ').filter(|w| w.len() > 2).collect();
        if words.is_empty() {
            return Vec::new();
        }
        let holds = |name: &str| words.iter().all(|w| name.contains(w));
        let epcis = (0..self.epcis.len())
            .filter(|&i| holds(&self.epcis[i].folded))
            .map(Part::Epci);
        let deps = (0..self.departements.len())
            .filter(|&i| holds(&self.departements[i].folded))
            .map(Part::Departement);
        epcis
            .chain(deps)
            .take(CANDIDATES)
            .map(|p| self.part_code(p))
            .collect()
    }

    /// A part as typed canonically, with its name: `epci:242900314 (Brest
    /// Métropole)`.
    pub fn part_code(&self, part: Part) -> String {
        format!("{} ({})", self.part_key(part), self.part_name(part))
    }

    /// A part's canonical key: `epci:242900314`, `dep:29`, `insee:29019`.
    pub fn part_key(&self, part: Part) -> String {
        match part {
            Part::Epci(i) => format!("epci:{}", self.epcis[i].siren),
            Part::Departement(i) => format!("dep:{}", self.departements[i].code),
            Part::Commune(i) => format!("insee:{}", self.communes[i].insee),
        }
    }

    /// A part's name.
    pub fn part_name(&self, part: Part) -> String {
        match part {
            Part::Epci(i) => self.epcis[i].name.clone(),
            Part::Departement(i) => self.departements[i].name.clone(),
            Part::Commune(i) => self.label(&self.communes[i]),
        }
    }

    /// The communes of a part, in INSEE order.
    pub fn part_communes(&self, part: Part) -> Vec<usize> {
        match part {
            Part::Epci(i) => self.epcis[i].members.clone(),
            Part::Departement(i) => self.communes_of_departement(&self.departements[i].code),
            Part::Commune(i) => vec![i],
        }
    }

    /// The canonical text of parts, what the census stores.
    pub fn perimeter_spec(&self, parts: &[Part]) -> String {
        let keys: Vec<String> = parts.iter().map(|&p| self.part_key(p)).collect();
        keys.join(",")
    }

    /// The communes of a stored perimeter, sorted by index (INSEE order),
    /// each once. A part the referential no longer knows (a newer file) is
    /// left out.
    pub fn perimeter_communes(&self, spec: &str) -> Vec<usize> {
        let mut all: Vec<usize> = spec
            .split(',')
            .filter_map(|p| self.parse_part(p.trim()).ok())
            .flat_map(|p| self.part_communes(p))
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// The commune an initiative is in: its `code_insee` when it holds one the
/// referential knows (a former code leads to today's commune), else its
/// `commune` text when that names exactly one commune. The one rule every
/// count by commune of the perimeter follows.
pub fn commune_of(initiative: &Initiative) -> Option<usize> {
    CommuneCache::default().commune_of(initiative)
}

/// [`commune_of`] over many initiatives: each commune text is resolved
/// once (a census names the same communes again and again).
#[derive(Debug, Default)]
pub struct CommuneCache {
    resolved: HashMap<String, Option<usize>>,
}

impl CommuneCache {
    /// The commune an initiative is in (see [`commune_of`]).
    pub fn commune_of(&mut self, initiative: &Initiative) -> Option<usize> {
        let r = referential();
        if let Some(code) = initiative.value("code_insee")
            && let Some((c, _)) = r.current_for_code(code.trim())
        {
            return r.commune_index(&c.insee);
        }
        let text = initiative.value("commune")?;
        if let Some(&known) = self.resolved.get(text) {
            return known;
        }
        let found = match r.resolve(text) {
            Resolution::Found { commune, .. } => Some(commune),
            _ => None,
        };
        self.resolved.insert(text.to_string(), found);
        found
    }
}
