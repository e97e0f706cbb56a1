//! The initiative a command's ID argument names: the whole id (fastest), a
//! unique beginning or end of it, or a name (`census::lookup`); when it
//! names several, the candidates with their name and commune.

use crate::census::InitiativeId;
use crate::census::lookup::{by_name, looks_like_id};
use crate::census::model::{Census, LookupError};
use crate::census::ops::OpError;
use crate::census::workspace::Workspace;
use crate::display::inert;
use crate::i18n::fill;
use crate::i18n::lookup::lookup as words;

use super::invocation::{Among, Fail, Invocation};

/// Where an initiative is looked for: a census alone (ids only), or a
/// workspace, whose form says which field is the name (ids and names).
pub trait Within {
    fn census(&self) -> &Census;
    fn name_field(&self) -> Option<&str>;
}

impl Within for Census {
    fn census(&self) -> &Census {
        self
    }
    fn name_field(&self) -> Option<&str> {
        None
    }
}

impl Within for Workspace {
    fn census(&self) -> &Census {
        &self.census
    }
    fn name_field(&self) -> Option<&str> {
        Some(&self.schema.name_field)
    }
}

impl<T: Within + ?Sized> Within for &T {
    fn census(&self) -> &Census {
        (**self).census()
    }
    fn name_field(&self) -> Option<&str> {
        (**self).name_field()
    }
}

impl<T: Within + ?Sized> Within for &mut T {
    fn census(&self) -> &Census {
        (**self).census()
    }
    fn name_field(&self) -> Option<&str> {
        (**self).name_field()
    }
}

/// Candidates shown when a text names several initiatives.
const SHOWN: usize = 10;

/// [`Invocation::resolve`]: ids first (whole, beginning, end), then names.
pub fn resolve(
    ctx: &Invocation,
    within: &(impl Within + ?Sized),
    text: &str,
    among: Among,
) -> Result<InitiativeId, Fail> {
    let census = within.census();
    let live = census.resolve_with(text, false);
    let deleted = census.resolve_with(text, true);
    let nowhere =
        |r: &Result<&InitiativeId, LookupError>| matches!(r, Err(LookupError::NotFound(_)));
    let found = if nowhere(&live) && nowhere(&deleted) {
        by_names(ctx, within, text, among)?
    } else {
        let found = match among {
            Among::Live => match (live, deleted) {
                (Err(LookupError::NotFound(_)), Ok(id)) => {
                    return Err(ctx.fail(&OpError::Deleted(id.clone())));
                }
                (live, _) => live,
            },
            Among::Deleted => match (deleted, live) {
                (Err(LookupError::NotFound(_)), Ok(id)) => {
                    return Err(ctx.fail(&OpError::NotDeleted(id.clone())));
                }
                (deleted, _) => deleted,
            },
            Among::Any => match live {
                Err(LookupError::NotFound(_)) => deleted,
                live => live,
            },
        };
        match found {
            Ok(id) => id.clone(),
            Err(LookupError::Ambiguous { candidates, .. }) => {
                let ids: Vec<&InitiativeId> = candidates.iter().collect();
                return Err(several(
                    ctx,
                    within,
                    text,
                    &ids,
                    words(ctx.lang).several_ids,
                ));
            }
            Err(e) => return Err(ctx.fail(&e)),
        }
    };
    // A fused duplicate is a redirect: changes go to the survivor.
    if among == Among::Live
        && let Some(into) = census.get(&found).and_then(|i| i.merged_into())
    {
        return Err(ctx.fail(&OpError::AlreadyFused {
            id: found,
            into: into.to_string(),
        }));
    }
    Ok(found)
}

/// The initiative `text` names by its name, among those `among` allows.
fn by_names(
    ctx: &Invocation,
    within: &(impl Within + ?Sized),
    text: &str,
    among: Among,
) -> Result<InitiativeId, Fail> {
    let t = words(ctx.lang);
    let census = within.census();
    let (live, deleted) = match within.name_field() {
        Some(field) => (
            by_name(census, field, text, false),
            by_name(census, field, text, true),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let (wanted, other) = match among {
        Among::Live | Among::Any => (live, deleted),
        Among::Deleted => (deleted, live),
    };
    let wanted = match (among, wanted.is_empty(), other.as_slice()) {
        (Among::Any, true, _) => other,
        (Among::Live, true, [one]) => return Err(ctx.fail(&OpError::Deleted((*one).clone()))),
        (Among::Deleted, true, [one]) => {
            return Err(ctx.fail(&OpError::NotDeleted((*one).clone())));
        }
        _ => wanted,
    };
    match wanted.as_slice() {
        [one] => Ok((*one).clone()),
        [] => {
            let message = if looks_like_id(text) {
                t.unknown_id
            } else {
                t.unknown_name
            };
            Err(Fail::new(fill(message, &[("text", &text.trim())])))
        }
        several_ids => Err(several(ctx, within, text, several_ids, t.several_names)),
    }
}

/// The message for a text that names several initiatives: one line each,
/// id, name and commune.
fn several(
    ctx: &Invocation,
    within: &(impl Within + ?Sized),
    text: &str,
    ids: &[&InitiativeId],
    head: &str,
) -> Fail {
    let census = within.census();
    let mut message = fill(head, &[("text", &text.trim())]);
    for id in ids.iter().take(SHOWN) {
        let i = census.get(id);
        let value = |field: &str| i.and_then(|i| i.value(field)).unwrap_or("");
        let name = within.name_field().map_or("", value);
        let commune = value("commune");
        message.push_str(&format!("\n  {id}  {}", inert(name)));
        if !commune.is_empty() {
            message.push_str(&format!(" ({})", inert(commune)));
        }
    }
    if ids.len() >= SHOWN {
        message.push('\n');
        message.push_str(words(ctx.lang).more_candidates);
    }
    Fail::new(message)
}
