//! The initiatives a report is written on when the list's filters are given
//! (`--query`, `--kind`, `--status`, `--commune`): a census of those alone.
//! `--commune NAME|CODE` names one commune of the official referential, for
//! its maire: the initiatives in it (by [`commune_of`]), and it as the
//! perimeter, so that the coverage section speaks of it.

use crate::census::model::Census;
use crate::census::perimeter::Perimeter;
use crate::census::query::{SearchIndex, find};
use crate::census::territory::{CommuneCache, Resolution, referential};
use crate::census::workspace::Workspace;
use crate::i18n::coverage::coverage_text;
use crate::i18n::fill;

use super::invocation::{Fail, Invocation};
use super::read::{self, Selection};

/// A census cut down to the selected initiatives.
pub struct Selected {
    pub census: Census,
    /// What the report's subtitle adds (the commune).
    pub subtitle: Vec<String>,
}

/// The selected initiatives, or `None` when nothing is selected (the whole
/// census, as before).
pub fn selected(
    ctx: &Invocation,
    ws: &Workspace,
    selection: &Selection,
) -> Result<Option<Selected>, Fail> {
    let nothing = selection.query().trim().is_empty()
        && selection.kind.is_empty()
        && selection.status.is_empty()
        && selection.commune.is_empty();
    if nothing {
        return Ok(None);
    }
    let t = coverage_text(ctx.lang);
    let commune = match selection.commune.as_slice() {
        [] => None,
        [one] => Some(commune_index(ctx, one)?),
        _ => return Err(Fail::new(t.one_commune)),
    };
    let (schema, census) = (&ws.schema, &ws.census);
    let mut filter = read::filter(ctx, schema, selection)?;
    // The commune is matched through the referential, not by its text.
    filter.communes.clear();
    let index = SearchIndex::build(census, schema, ctx.lang);
    let mut kept = find(census, schema, &index, &filter, selection.query());
    let mut out = Census {
        initiatives: Vec::new(),
        ..census.clone()
    };
    let mut subtitle = Vec::new();
    if let Some(k) = commune {
        let mut cache = CommuneCache::default();
        kept.retain(|&n| cache.commune_of(&census.initiatives[n]) == Some(k));
        let c = &referential().communes[k];
        out.perimeter = Perimeter {
            spec: format!("insee:{}", c.insee),
            ..census.perimeter.clone()
        };
        subtitle.push(fill(
            t.commune_subtitle,
            &[("commune", &c.name), ("code", &c.insee), ("n", &kept.len())],
        ));
    }
    kept.sort_unstable();
    out.initiatives = kept
        .iter()
        .map(|&n| census.initiatives[n].clone())
        .collect();
    Ok(Some(Selected {
        census: out,
        subtitle,
    }))
}

/// The commune `--commune` names: an INSEE code (a former one leads to
/// today's commune) or a name, homonyms refused with their labels.
fn commune_index(ctx: &Invocation, text: &str) -> Result<usize, Fail> {
    let r = referential();
    let t = coverage_text(ctx.lang);
    let code = text.trim().to_ascii_uppercase();
    if let Some((c, _)) = r.current_for_code(&code)
        && let Some(k) = r.commune_index(&c.insee)
    {
        return Ok(k);
    }
    match r.resolve(text) {
        Resolution::Found { commune, .. } => Ok(commune),
        Resolution::Ambiguous(list) => {
            let labels: Vec<String> = list.iter().map(|&k| r.label(&r.communes[k])).collect();
            Err(Fail::new(fill(
                t.ambiguous_commune,
                &[("commune", &text), ("list", &labels.join(", "))],
            )))
        }
        Resolution::Unknown => Err(Fail::new(fill(t.unknown_commune, &[("commune", &text)]))),
    }
}
