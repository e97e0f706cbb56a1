//! The official geography of France: current communes with their INSEE and
//! postal codes, population, département, région and EPCI; EPCI with their
//! members; former communes (déléguées, associées, old codes) and municipal
//! arrondissements resolving to the commune they belong to.
//!
//! The data is `communes.tsv.gz`, embedded in the binary and regenerated
//! each year by `regenerate.sh` from `@etalab/decoupage-administratif` (its
//! first line names the version). It is inflated and read on the first
//! lookup only: a program that never looks a commune up pays nothing.

mod load;
mod lookup;
mod perimeter;
mod place;
mod resolve;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::census::model::Text;

pub use lookup::Match;
pub use perimeter::{CommuneCache, Part, PerimeterError, commune_of};
pub use resolve::Resolution;

/// The compressed data, embedded.
const DATA: &[u8] = include_bytes!("communes.tsv.gz");

/// A current commune.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commune {
    /// INSEE code (`29151`), the commune's identity.
    pub insee: Text,
    /// Official name (`Morlaix`).
    pub name: Text,
    /// Département code (`29`, `2A`, `971`).
    pub departement: Text,
    /// Index of its EPCI in [`Referential::epcis`], if it belongs to one.
    pub epci: Option<usize>,
    /// Population municipale.
    pub population: u32,
    /// Postal codes, sorted.
    pub postal_codes: Vec<Text>,
    /// The name folded for lookups: lower case, no accents, hyphens and
    /// apostrophes as spaces.
    pub(crate) folded: Text,
}

/// An EPCI à fiscalité propre (communauté de communes, d'agglomération,
/// urbaine, métropole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Epci {
    /// SIREN (`242900645`).
    pub siren: String,
    /// `CA`, `CC`, `CU`, `METRO` or `MET69`.
    pub kind: String,
    pub name: String,
    /// Indices of its member communes in [`Referential::communes`].
    pub members: Vec<usize>,
    pub(crate) folded: String,
}

/// A département.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Departement {
    pub code: String,
    pub region: String,
    pub name: String,
    pub(crate) folded: String,
}

/// How a former name or code relates to the current commune.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormerKind {
    /// Commune déléguée of a commune nouvelle.
    Deleguee,
    /// Commune associée.
    Associee,
    /// Arrondissement municipal (Paris, Lyon, Marseille).
    Arrondissement,
    /// An INSEE code no longer in use.
    OldCode,
}

/// A name or code that resolves to a current commune without being one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Former {
    pub kind: FormerKind,
    pub code: String,
    /// Empty for a bare old code.
    pub name: String,
    /// Index of the current commune in [`Referential::communes`].
    pub commune: usize,
    pub(crate) folded: String,
}

/// The whole referential, read once.
#[derive(Debug, Default)]
pub struct Referential {
    /// The source line: package and version.
    pub source: String,
    pub regions: Vec<(String, String)>,
    pub departements: Vec<Departement>,
    pub epcis: Vec<Epci>,
    /// Sorted by INSEE code.
    pub communes: Vec<Commune>,
    pub formers: Vec<Former>,
    formers_by_code: HashMap<String, Vec<usize>, foldhash::fast::FixedState>,
    /// Current and former names, folded, to their matches: built on the
    /// first whole-name resolution.
    by_name: OnceLock<Vec<(u64, Match)>>,
}

/// The referential embedded in the binary, read on first use.
pub fn referential() -> &'static Referential {
    static CELL: OnceLock<Referential> = OnceLock::new();
    CELL.get_or_init(|| load::read(DATA).expect("the embedded geography is checked by its tests"))
}

impl Referential {
    /// The current commune of an INSEE code.
    pub fn commune(&self, insee: &str) -> Option<&Commune> {
        self.commune_index(insee).map(|i| &self.communes[i])
    }

    /// Index of the current commune of an INSEE code.
    pub fn commune_index(&self, insee: &str) -> Option<usize> {
        // The communes are sorted by INSEE code (checked by a test).
        (self.communes)
            .binary_search_by(|c| c.insee.as_str().cmp(insee))
            .ok()
    }

    /// Former communes, arrondissements or old codes with this code.
    pub fn formers_with_code(&self, code: &str) -> impl Iterator<Item = &Former> {
        self.formers_by_code
            .get(code)
            .into_iter()
            .flatten()
            .map(|&i| &self.formers[i])
    }

    /// The commune an INSEE code designates today: itself if current, else
    /// the commune it was merged into (with how).
    pub fn current_for_code(&self, code: &str) -> Option<(&Commune, Option<&Former>)> {
        if let Some(c) = self.commune(code) {
            return Some((c, None));
        }
        let f = self.formers_with_code(code).next()?;
        Some((&self.communes[f.commune], Some(f)))
    }

    /// Communes whose postal codes include `postal_code`.
    pub fn communes_with_postal_code(&self, postal_code: &str) -> Vec<&Commune> {
        self.communes
            .iter()
            .filter(|c| c.postal_codes.iter().any(|p| p == postal_code))
            .collect()
    }

    /// The EPCI of a commune.
    pub fn epci_of(&self, commune: &Commune) -> Option<&Epci> {
        commune.epci.map(|i| &self.epcis[i])
    }

    /// An EPCI by SIREN.
    pub fn epci(&self, siren: &str) -> Option<&Epci> {
        self.epcis.iter().find(|e| e.siren == siren)
    }

    /// A département by code.
    pub fn departement(&self, code: &str) -> Option<&Departement> {
        self.departements.iter().find(|d| d.code == code)
    }

    /// A région's name by code.
    pub fn region_name(&self, code: &str) -> Option<&str> {
        self.regions
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, n)| n.as_str())
    }

    /// The commune's région code (from its département).
    pub fn region_of(&self, commune: &Commune) -> Option<&str> {
        self.departement(&commune.departement)
            .map(|d| d.region.as_str())
    }

    /// Communes of a département, in INSEE order.
    pub fn communes_of_departement(&self, code: &str) -> Vec<usize> {
        (0..self.communes.len())
            .filter(|&i| self.communes[i].departement == code)
            .collect()
    }

    /// How the commune is shown to a person choosing it: `Morlaix (29) ·
    /// 29600`, postal codes abbreviated past two.
    pub fn label(&self, commune: &Commune) -> String {
        let mut s = format!("{} ({})", commune.name, commune.departement);
        match commune.postal_codes.as_slice() {
            [] => {}
            [one] => s.push_str(&format!(" · {one}")),
            [a, b] => s.push_str(&format!(" · {a}, {b}")),
            [a, rest @ ..] => s.push_str(&format!(" · {a}… (+{})", rest.len())),
        }
        s
    }
}

/// Folds a place name for lookups: the search fold (lower case, no accents,
/// ligatures expanded), hyphens, apostrophes and punctuation as single
/// spaces, and the usual abbreviations of Saint/Sainte written out.
pub fn fold_place(s: &str) -> String {
    let mut folded = String::with_capacity(s.len() + 8);
    // Most of the 42,000 names are ASCII: folded without the Unicode path.
    if !s.is_ascii() {
        crate::census::search::fold_onto(s, &mut folded);
    }
    let source = if s.is_ascii() { s } else { folded.as_str() };
    let mut out = String::with_capacity(source.len() + 8);
    for w in source.split(|c: char| !c.is_alphanumeric()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let lower_is = |t: &str| w.eq_ignore_ascii_case(t);
        if lower_is("st") {
            out.push_str("saint");
        } else if lower_is("ste") {
            out.push_str("sainte");
        } else if lower_is("sts") {
            out.push_str("saints");
        } else if lower_is("stes") {
            out.push_str("saintes");
        } else {
            out.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        }
    }
    out
}

#[cfg(test)]
mod tests;

/// The first line of the embedded data (package, version, licences), read
/// without inflating the rest: what `recense --version` names.
pub fn embedded_source() -> String {
    use std::io::BufRead;
    let mut line = String::new();
    let mut reader = std::io::BufReader::new(flate2::read::GzDecoder::new(DATA));
    match reader.read_line(&mut line) {
        Ok(_) => line.trim_start_matches('#').trim().to_string(),
        Err(_) => String::new(),
    }
}
