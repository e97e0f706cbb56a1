//! Finding initiatives: fuzzy search over name, commune and kind, and filters.
//! The CLI's `list` and the TUI's list use the same functions.

use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::census::search::{Matcher, Texts, fold, fold_onto};
use crate::census::status;
use crate::lang::Lang;

/// One folded search key per initiative, computed once; each key begins
/// with the folded name (the sort key by name).
pub struct SearchIndex {
    /// Key `i` is the key of `census.initiatives[i]`.
    keys: Texts,
    /// How many bytes of each key are the folded name.
    name_lens: Vec<usize>,
    /// The language of the kinds' labels in the keys.
    lang: Lang,
    matcher: Matcher,
}

/// Writes the folded search key of an initiative: its name, commune and
/// kind as the interface names it (in `lang`); returns the length of the
/// folded name, its beginning. The parts are folded one by one and joined
/// by an ASCII separator, so that most keys are ASCII: the matcher's fast
/// path.
fn write_key(schema: &Schema, lang: Lang, i: &Initiative, key: &mut String) -> usize {
    let start = key.len();
    fold_onto(i.value(&schema.name_field).unwrap_or(""), key);
    let name_len = key.len() - start;
    let kind = i.value(&schema.kind_field).map(|kind| {
        schema
            .kinds()
            .iter()
            .find(|c| c.id == kind)
            .map_or(kind, |c| c.label.get(lang))
    });
    for part in [i.value("commune").or(Some("")), kind]
        .into_iter()
        .flatten()
    {
        key.push_str(" | ");
        fold_onto(part, key);
    }
    name_len
}

impl SearchIndex {
    pub fn build(census: &Census, schema: &Schema, lang: Lang) -> SearchIndex {
        let mut keys = Texts::default();
        let mut name_lens = Vec::with_capacity(census.initiatives.len());
        for i in &census.initiatives {
            keys.push_with(|key| name_lens.push(write_key(schema, lang, i, key)));
        }
        SearchIndex {
            keys,
            name_lens,
            lang,
            matcher: Matcher::default(),
        }
    }

    /// Updates the key of one initiative after it changed.
    pub fn update(&mut self, census: &Census, schema: &Schema, index: usize) {
        if let (Some(i), Some(name_len)) =
            (census.initiatives.get(index), self.name_lens.get_mut(index))
        {
            let lang = self.lang;
            self.keys
                .replace_with(index, |key| *name_len = write_key(schema, lang, i, key));
        }
    }

    /// The folded name of an initiative (its sort key by name).
    pub fn name(&self, index: usize) -> &str {
        &self.keys.get(index)[..self.name_lens[index]]
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Matches `query` against the given candidates (indexes into the
    /// census), best score first, ties in census order: a total order, the
    /// same list whatever the candidates' order.
    pub fn search(&self, query: &str, candidates: &[usize]) -> Vec<usize> {
        self.matcher
            .rank(&self.keys, candidates, &fold(query.trim()))
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
    pub fn search(&mut self, index: &SearchIndex, query: &str, all: &[usize]) -> &[usize] {
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
                Some((_, kept)) => index.search(query, kept),
                None => index.search(query, all),
            };
            self.levels.push((query.to_string(), hits));
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
    /// Only the fiches last verified before this day, or never (the TUI's
    /// "à revérifier"; see `census::freshness`).
    pub stale_before: Option<crate::census::time::Date>,
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
            && self.stale_before.is_none()
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
            && self.stale_before.is_none_or(|cutoff| {
                crate::census::freshness::last_verified(i).is_none_or(|t| t.date() < cutoff)
            })
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
    let mut candidates: Vec<usize> = (0..census.initiatives.len())
        .filter(|&n| filter.matches(schema, &census.initiatives[n]))
        .collect();
    if query.trim().is_empty() {
        candidates.sort_by(|&a, &b| index.name(a).cmp(index.name(b)));
        candidates
    } else {
        index.search(query, &candidates)
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
        let index = SearchIndex::build(&census, &schema, Lang::Fr);
        let all: Vec<usize> = (0..census.initiatives.len()).collect();
        let fresh = |q: &str| -> Vec<usize> { index.search(q, &all) };
        let mut narrowing = Narrowing::default();
        for word in ["mediatheque", "fablab gare", "brest"] {
            let prefixes: Vec<&str> = (1..=word.len()).map(|k| &word[..k]).collect();
            let back = prefixes.iter().rev().skip(1);
            let mut found_any = false;
            for q in prefixes.iter().chain(back) {
                let got = narrowing.search(&index, q, &all).to_vec();
                found_any |= !got.is_empty();
                assert_eq!(got, fresh(q), "query {q:?}");
            }
            assert!(found_any, "{word} finds something");
            // Another query that is no longer of the previous: searched afresh.
            assert_eq!(narrowing.search(&index, "zzq", &all), fresh("zzq"));
            narrowing.clear();
        }
    }
}
