//! Search as you type: "st martin des champs 29" finds
//! Saint-Martin-des-Champs (29). Names are compared folded (no accents, no
//! case, hyphens and apostrophes as spaces); a two- or three-character code
//! (`29`, `2A`, `971`) narrows to a département, five digits to an INSEE or
//! postal code. One pass over the ~42,000 names and codes, no index: well
//! under a millisecond a key.

use super::{Commune, Referential, fold_place};

/// A commune found by a lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index into [`Referential::communes`]: the current commune.
    pub commune: usize,
    /// Index into [`Referential::formers`] when the match is a former name
    /// or code of that commune.
    pub former: Option<usize>,
    /// How well the name matched: 0 the whole name, 1 its beginning, 2 the
    /// beginnings of its words; with no name typed, 3 its INSEE code (or a
    /// former one), 4 one of its postal codes.
    pub level: u8,
}

/// A query split into name words and codes.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Query {
    /// The name part, folded, words joined by single spaces.
    pub name: String,
    pub departement: Option<String>,
    /// Five characters: an INSEE or postal code.
    pub code: Option<String>,
}

impl Query {
    pub(super) fn parse(text: &str) -> Query {
        let mut q = Query::default();
        let folded = fold_place(text);
        let mut words = Vec::new();
        for w in folded.split(' ').filter(|w| !w.is_empty()) {
            if is_code(w) {
                q.code = Some(w.to_ascii_uppercase());
            } else if is_departement(w) {
                q.departement = Some(w.to_ascii_uppercase());
            } else {
                words.push(w);
            }
        }
        q.name = words.join(" ");
        q
    }

    fn is_empty(&self) -> bool {
        self.name.is_empty() && self.departement.is_none() && self.code.is_none()
    }
}

fn is_code(w: &str) -> bool {
    w.len() == 5
        && (w.bytes().all(|b| b.is_ascii_digit())
            || (w.starts_with("2a") || w.starts_with("2b"))
                && w[2..].bytes().all(|b| b.is_ascii_digit()))
}

fn is_departement(w: &str) -> bool {
    matches!(w.len(), 2 | 3) && w.bytes().all(|b| b.is_ascii_digit()) || w == "2a" || w == "2b"
}

/// How a folded name matches the folded name part of a query.
pub(super) fn name_level(folded: &str, query: &str) -> Option<u8> {
    if query.is_empty() {
        return Some(3);
    }
    if folded == query {
        return Some(0);
    }
    if folded.starts_with(query) {
        return Some(1);
    }
    // Each query word starts a word of the name, in order.
    let mut words = folded.split(' ');
    query
        .split(' ')
        .all(|q| words.any(|w| w.starts_with(q)))
        .then_some(2)
}

impl Referential {
    /// Communes matching a typed text, best first: how well the name
    /// matches, current names before former ones, larger population first.
    /// At most `limit` results.
    pub fn search(&self, text: &str, limit: usize) -> Vec<Match> {
        let query = Query::parse(text);
        let mut found = self.matches(&query);
        let key = |m: &Match| {
            let c = &self.communes[m.commune];
            (
                m.level,
                m.former.is_some(),
                std::cmp::Reverse(c.population),
                m.commune,
            )
        };
        // One key per result, and only the best `limit` sorted: a one-letter
        // query matches thousands of names.
        if found.len() > limit && limit > 0 {
            found.select_nth_unstable_by_key(limit - 1, key);
            found.truncate(limit);
        }
        found.sort_unstable_by_key(key);
        found.truncate(limit);
        found
    }

    /// Every match of a parsed query, unsorted; a commune appears once (its
    /// best way of matching).
    pub(super) fn matches(&self, query: &Query) -> Vec<Match> {
        if query.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<Match> = Vec::new();
        for (i, c) in self.communes.iter().enumerate() {
            if !self.passes(c, query, None) {
                continue;
            }
            if let Some(level) = name_level(&c.folded, &query.name) {
                let level = if level == 3 && query.code.as_ref().is_some_and(|q| *q != c.insee) {
                    4
                } else {
                    level
                };
                found.push(Match {
                    commune: i,
                    former: None,
                    level,
                });
            }
        }
        let mut seen: Vec<bool> = vec![false; self.communes.len()];
        for m in &found {
            seen[m.commune] = true;
        }
        for (i, f) in self.formers.iter().enumerate() {
            let c = &self.communes[f.commune];
            if seen[f.commune] || !self.passes(c, query, Some(&f.code)) {
                continue;
            }
            // A bare old code matches only by its code.
            let level = if f.name.is_empty() {
                (query.name.is_empty() && query.code.as_deref() == Some(f.code.as_str()))
                    .then_some(3)
            } else {
                name_level(&f.folded, &query.name)
            };
            if let Some(level) = level {
                seen[f.commune] = true;
                found.push(Match {
                    commune: f.commune,
                    former: Some(i),
                    level,
                });
            }
        }
        found
    }

    /// Whether a commune passes the query's codes (département, INSEE or
    /// postal code; `former_code` also counts for the INSEE code).
    pub(super) fn passes(&self, c: &Commune, query: &Query, former_code: Option<&str>) -> bool {
        if let Some(d) = &query.departement
            && c.departement != d
        {
            return false;
        }
        if let Some(code) = &query.code {
            return c.insee == code
                || former_code == Some(code.as_str())
                || c.postal_codes.iter().any(|p| p == code);
        }
        true
    }
}
