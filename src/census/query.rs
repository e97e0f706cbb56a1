//! Finding initiatives: fuzzy search over name, commune and kind, and filters.
//! The CLI's `list` and the TUI's list use the same functions.

use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::census::search::{Matcher, fold, fold_into};
use crate::census::status;

/// One folded search key per initiative, computed once, and the folded name
/// (the sort key by name).
pub struct SearchIndex {
    /// `keys[i]` is the key of `census.initiatives[i]`.
    keys: Vec<String>,
    names: Vec<String>,
    matcher: Matcher,
}

/// The searched parts of an initiative: name, commune, kind (id and labels).
fn search_parts<'a>(schema: &'a Schema, i: &'a Initiative) -> Vec<&'a str> {
    let mut parts = vec![
        i.value(&schema.name_field).unwrap_or(""),
        i.value("commune").unwrap_or(""),
    ];
    if let Some(kind) = i.value(&schema.kind_field) {
        match schema.kinds().iter().find(|c| c.id == kind) {
            Some(c) => {
                parts.push(&c.label.fr);
                if c.label.en != c.label.fr {
                    parts.push(&c.label.en);
                }
            }
            None => parts.push(kind),
        }
    }
    parts
}

/// The searched text of an initiative: name, commune, kind (id and labels).
pub fn search_text(schema: &Schema, i: &Initiative) -> String {
    search_parts(schema, i).join(" · ")
}

/// The folded key and name. The parts are folded one by one and joined by
/// an ASCII separator, so that most keys are ASCII: the matcher's fast path.
fn keys_of(schema: &Schema, i: &Initiative, buf: &mut Vec<u32>) -> (String, String) {
    let mut key = String::new();
    for (n, part) in search_parts(schema, i).into_iter().enumerate() {
        if n > 0 {
            key.push_str(" | ");
        }
        buf.clear();
        fold_into(part, &mut key, buf);
    }
    (key, fold(i.value(&schema.name_field).unwrap_or("")))
}

impl SearchIndex {
    pub fn build(census: &Census, schema: &Schema) -> SearchIndex {
        let mut buf = Vec::new();
        let (keys, names) = census
            .initiatives
            .iter()
            .map(|i| keys_of(schema, i, &mut buf))
            .unzip();
        SearchIndex {
            keys,
            names,
            matcher: Matcher::default(),
        }
    }

    /// Updates the keys of one initiative after it changed.
    pub fn update(&mut self, census: &Census, schema: &Schema, index: usize) {
        if let (Some(i), Some(key), Some(name)) = (
            census.initiatives.get(index),
            self.keys.get_mut(index),
            self.names.get_mut(index),
        ) {
            (*key, *name) = keys_of(schema, i, &mut Vec::new());
        }
    }

    pub fn key(&self, index: usize) -> &str {
        &self.keys[index]
    }

    /// The folded name of an initiative (its sort key by name).
    pub fn name(&self, index: usize) -> &str {
        &self.names[index]
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Matches `query` against the given candidates (indexes into the
    /// census), best score first, ties in census order.
    pub fn search(
        &self,
        query: &str,
        candidates: impl Iterator<Item = usize>,
    ) -> Vec<(usize, i64)> {
        let q = fold(query.trim());
        let mut hits: Vec<(usize, i64)> = candidates
            .filter_map(|i| self.matcher.score(&self.keys[i], &q).map(|s| (i, s)))
            .collect();
        // A total order: the same list whatever the candidates' order.
        hits.sort_unstable_by_key(|&(i, s)| (std::cmp::Reverse(s), i));
        hits
    }
}

/// Search as you type: the matches of each query typed so far, each query a
/// prefix of the next. A longer query only looks among the matches of the
/// last one (a fuzzy match of `abc` is a match of `ab`); erasing a letter
/// gives back the matches kept for the shorter query without searching.
#[derive(Debug, Default)]
pub struct Narrowing {
    /// (trimmed query, its matches best first), shortest query first.
    levels: Vec<(String, Vec<usize>)>,
}

impl Narrowing {
    /// Forgets every match (the census or the filter changed).
    pub fn clear(&mut self) {
        self.levels.clear();
    }

    /// The matches of `query`, best first, among `all()` (the candidates
    /// when nothing kept applies, e.g. the filtered initiatives).
    pub fn search<I: Iterator<Item = usize>>(
        &mut self,
        index: &SearchIndex,
        query: &str,
        all: impl FnOnce() -> I,
    ) -> &[usize] {
        let query = query.trim();
        while self
            .levels
            .last()
            .is_some_and(|(q, _)| !query.starts_with(q.as_str()))
        {
            self.levels.pop();
        }
        if self.levels.last().is_none_or(|(q, _)| q != query) {
            let hits = match self.levels.last() {
                Some((_, kept)) => index.search(query, kept.iter().copied()),
                None => index.search(query, all()),
            };
            let rows = hits.into_iter().map(|(n, _)| n).collect();
            self.levels.push((query.to_string(), rows));
        }
        self.levels.last().map_or(&[], |(_, rows)| rows)
    }
}

/// Filters combined with AND; each list is an OR of its elements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub kinds: Vec<String>,
    /// Folded commune names.
    pub communes: Vec<String>,
    pub problems: Vec<String>,
    pub needs: Vec<String>,
    /// Commons produced (`communs_produits`).
    pub commons: Vec<String>,
    /// Support received (`soutiens_recus`).
    pub supports: Vec<String>,
    pub statuses: Vec<String>,
    pub include_deleted: bool,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
            && self.communes.is_empty()
            && self.problems.is_empty()
            && self.needs.is_empty()
            && self.commons.is_empty()
            && self.supports.is_empty()
            && self.statuses.is_empty()
    }

    pub fn matches(&self, schema: &Schema, i: &Initiative) -> bool {
        if !i.is_live() && !self.include_deleted {
            return false;
        }
        let any_of = |field: &str, wanted: &[String]| {
            wanted.is_empty()
                || i.values(field)
                    .iter()
                    .any(|v| wanted.iter().any(|w| w == v))
        };
        any_of(&schema.kind_field, &self.kinds)
            && (self.communes.is_empty()
                || i.value("commune")
                    .is_some_and(|c| self.communes.contains(&fold(c))))
            && any_of("problemes_publics", &self.problems)
            && any_of("besoins", &self.needs)
            && any_of("communs_produits", &self.commons)
            && any_of("soutiens_recus", &self.supports)
            && (self.statuses.is_empty() || self.statuses.iter().any(|s| s == status::current(i)))
    }
}

/// The indexes of initiatives matching a filter and a query, best first
/// (by folded name when there is no query).
pub fn find(
    census: &Census,
    schema: &Schema,
    index: &SearchIndex,
    filter: &Filter,
    query: &str,
) -> Vec<usize> {
    let candidates =
        (0..census.initiatives.len()).filter(|&n| filter.matches(schema, &census.initiatives[n]));
    if query.trim().is_empty() {
        let mut all: Vec<usize> = candidates.collect();
        all.sort_by(|&a, &b| index.name(a).cmp(index.name(b)));
        all
    } else {
        index
            .search(query, candidates)
            .into_iter()
            .map(|(n, _)| n)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Typing then erasing gives, at each step, what searching all the
    /// initiatives afresh gives.
    #[test]
    fn narrowing_matches_a_fresh_search_both_ways() {
        let schema = Schema::default_schema();
        let census = crate::dev::generate(&schema, 2_000, 7);
        let index = SearchIndex::build(&census, &schema);
        let all = || 0..census.initiatives.len();
        let fresh = |q: &str| -> Vec<usize> {
            index.search(q, all()).into_iter().map(|(n, _)| n).collect()
        };
        let mut narrowing = Narrowing::default();
        for word in ["mediatheque", "fablab gare", "brest"] {
            let prefixes: Vec<&str> = (1..=word.len()).map(|k| &word[..k]).collect();
            let back = prefixes.iter().rev().skip(1);
            let mut found_any = false;
            for q in prefixes.iter().chain(back) {
                let got = narrowing.search(&index, q, all).to_vec();
                found_any |= !got.is_empty();
                assert_eq!(got, fresh(q), "query {q:?}");
            }
            assert!(found_any, "{word} finds something");
            // Another query that is no longer of the previous: searched afresh.
            assert_eq!(narrowing.search(&index, "zzq", all), fresh("zzq"));
            narrowing.clear();
        }
    }
}
