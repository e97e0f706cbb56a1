//! A commune typed as text, resolved to the official one: what `add` and
//! `edit --set commune=…`, imports and `fix-communes` rely on. Only a whole
//! name (accents, case and hyphens aside) resolves; "Saint-Martin-des-Champs
//! (29)" or the label `Morlaix (29) · 29600` narrow homonyms.

use std::hash::BuildHasher;

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
            .named(&query.name)
            .filter(|m| {
                let code = m.former.map(|f| self.formers[f].code.as_str());
                self.passes(&self.communes[m.commune], &query, code)
            })
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

    /// The communes a whole folded name designates (a commune once per
    /// name: a former name equal to its current one is not repeated).
    fn named<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = Match> + 'a {
        let names = self.names();
        let hash = name_hash(folded);
        let start = names.partition_point(|(h, _)| *h < hash);
        names[start..]
            .iter()
            .take_while(move |(h, _)| *h == hash)
            .map(|(_, m)| *m)
            .filter(move |m| self.folded_name(m) == folded)
    }

    fn folded_name(&self, m: &Match) -> &str {
        match m.former {
            Some(f) => &self.formers[f].folded,
            None => &self.communes[m.commune].folded,
        }
    }

    /// Every whole name by the hash of its folded form, sorted: built on
    /// the first resolution, no name copied (a few hundred kilobytes for
    /// the 42,000 names, where a map of strings took megabytes).
    fn names(&self) -> &[(u64, Match)] {
        self.by_name.get_or_init(|| {
            let mut names: Vec<(u64, Match)> =
                Vec::with_capacity(self.communes.len() + self.formers.len());
            for (i, c) in self.communes.iter().enumerate() {
                names.push((
                    name_hash(&c.folded),
                    Match {
                        commune: i,
                        former: None,
                        level: 0,
                    },
                ));
            }
            for (i, f) in self.formers.iter().enumerate() {
                if f.name.is_empty() || f.folded == self.communes[f.commune].folded {
                    continue;
                }
                names.push((
                    name_hash(&f.folded),
                    Match {
                        commune: f.commune,
                        former: Some(i),
                        level: 0,
                    },
                ));
            }
            names.sort_unstable_by_key(|(h, m)| (*h, m.commune, m.former));
            // A commune once per name (two former names alike, say).
            names.dedup_by(|b, a| {
                a.0 == b.0
                    && a.1.commune == b.1.commune
                    && self.folded_name(&a.1) == self.folded_name(&b.1)
            });
            names
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

/// The hash of a folded name (fixed: the same in every run).
fn name_hash(folded: &str) -> u64 {
    foldhash::fast::FixedState::with_seed(0).hash_one(folded)
}
