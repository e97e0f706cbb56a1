//! `list --stale`: the fiches to re-check, oldest verification first, with
//! the date each was last verified.

use crate::census::freshness::{last_verified, stale};
use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::i18n::Lang;
use crate::i18n::followup::followup;

/// The positions of `found` that are stale, in the order of
/// [`crate::census::freshness::stale`].
pub fn only_stale(census: &Census, schema: &Schema, found: &[usize]) -> Vec<usize> {
    let wanted: std::collections::HashSet<usize> = found.iter().copied().collect();
    stale(census, schema, super::followup::today())
        .into_iter()
        .filter(|n| wanted.contains(n))
        .collect()
}

/// The date last verified, `AAAA-MM-JJ`, or empty when never.
pub fn verified_date(i: &Initiative) -> String {
    last_verified(i).map_or(String::new(), |t| t.date().to_string())
}

/// The date last verified, or "jamais".
pub fn verified_text(i: &Initiative, lang: Lang) -> String {
    last_verified(i).map_or(followup(lang).never.to_string(), |t| t.date().to_string())
}

/// "N fiches à revérifier …".
pub fn count_text(schema: &Schema, n: usize, lang: Lang) -> String {
    let months = schema.periods.freshness_months;
    crate::i18n::fill(
        followup(lang).stale_count,
        &[("n", &n), ("months", &months)],
    )
}
