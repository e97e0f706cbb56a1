//! A commune typed as text, resolved to the official one: what `add` and
//! `edit --set commune=…`, imports and `fix-communes` rely on. Only a whole
//! name (accents, case and hyphens aside) resolves; "Saint-Martin-des-Champs
//! (29)" or the label `Morlaix (29) · 29600` narrow homonyms.

use super::Referential;
use super::lookup::{Match, Query};

/// What a typed commune designates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// One commune. `former` is set when the text named a former commune
    /// (déléguée, associée, arrondissement) or an old code of it.
    Found {
        commune: usize,
        former: Option<usize>,
    },
    /// Several communes bear that name: indices, largest population first.
    Ambiguous(Vec<usize>),
    /// Not in the referential (a foreign or unusual place).
    Unknown,
}

impl Referential {
    /// Resolves a typed commune name (with an optional département or
    /// postal code) to one commune.
    pub fn resolve(&self, text: &str) -> Resolution {
        let query = Query::parse(text);
        if query.name.is_empty() {
            return Resolution::Unknown;
        }
        let exact: Vec<Match> = self
            .matches(&query)
            .into_iter()
            .filter(|m| m.level == 0)
            .collect();
        // A current commune of that name wins over former ones.
        let current: Vec<&Match> = exact.iter().filter(|m| m.former.is_none()).collect();
        let chosen: Vec<&Match> = if current.is_empty() {
            exact.iter().collect()
        } else {
            current
        };
        match chosen.as_slice() {
            [] => Resolution::Unknown,
            [one] => Resolution::Found {
                commune: one.commune,
                former: one.former,
            },
            many => {
                let mut ids: Vec<usize> = many.iter().map(|m| m.commune).collect();
                ids.sort_by_key(|&i| std::cmp::Reverse(self.communes[i].population));
                ids.dedup();
                if ids.len() == 1 {
                    Resolution::Found {
                        commune: ids[0],
                        former: many[0].former,
                    }
                } else {
                    Resolution::Ambiguous(ids)
                }
            }
        }
    }

    /// An EPCI whose name is exactly `text` (folded), or whose SIREN it is.
    pub fn epci_named(&self, text: &str) -> Vec<usize> {
        let t = super::fold_place(text);
        (0..self.epcis.len())
            .filter(|&i| self.epcis[i].siren == text.trim() || self.epcis[i].folded == t)
            .collect()
    }

    /// A département whose name is exactly `text` (folded), or whose code it is.
    pub fn departement_named(&self, text: &str) -> Vec<usize> {
        let t = super::fold_place(text);
        let code = text.trim().to_ascii_uppercase();
        (0..self.departements.len())
            .filter(|&i| self.departements[i].code == code || self.departements[i].folded == t)
            .collect()
    }
}
