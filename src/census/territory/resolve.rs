//! A commune typed as text, resolved to the official one: what `add` and
//! `edit --set commune=…`, imports and `fix-communes` rely on. Only a whole
//! name (accents, case and hyphens aside) resolves; "Saint-Martin-des-Champs
//! (29)" or the label `Morlaix (29) · 29600` narrow homonyms.

use std::collections::HashMap;

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
            .names()
            .get(&query.name)
            .into_iter()
            .flatten()
            .filter(|m| {
                let code = m.former.map(|f| self.formers[f].code.as_str());
                self.passes(&self.communes[m.commune], &query, code)
            })
            .copied()
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

    /// Every whole name, folded, with the communes it designates (a
    /// commune once per name: a former name equal to its current one is
    /// not repeated).
    fn names(&self) -> &HashMap<String, Vec<Match>> {
        self.by_name.get_or_init(|| {
            let mut map: HashMap<String, Vec<Match>> = HashMap::new();
            for (i, c) in self.communes.iter().enumerate() {
                map.entry(c.folded.clone()).or_default().push(Match {
                    commune: i,
                    former: None,
                    level: 0,
                });
            }
            for (i, f) in self.formers.iter().enumerate() {
                if f.name.is_empty() {
                    continue;
                }
                let list = map.entry(f.folded.clone()).or_default();
                if !list.iter().any(|m| m.commune == f.commune) {
                    list.push(Match {
                        commune: f.commune,
                        former: Some(i),
                        level: 0,
                    });
                }
            }
            map
        })
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
