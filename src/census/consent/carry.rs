//! What a fusion carries of the duplicate's consent (see docs/rgpd.md):
//! its personal values go to the kept record, so does the consent (or the
//! withdrawal) in force for them.
//!
//! Only the record in force moves, as one new write of the person fusing
//! (dots name writes within one initiative, see census::carry), keeping the
//! date the person said it and naming its original author (`by`); its
//! `after` (the records it replaced, by their dots in the duplicate) is
//! left behind, since those dots mean nothing in the kept record. The
//! kept record's own records stay: the consent in force there is then the
//! latest said, as for records written apart and merged.

use crate::census::carry::{BY, author_of};
use crate::census::model::{CounterExhausted, Dot, Entry, Initiative, Value};
use crate::census::ops::next_once;
use crate::census::time::Timestamp;

use super::{CONSENT, heads, order_key};

/// Carries the consent in force in `source` (when `unseen` lets it
/// through: an earlier fusion did not carry it) into `target`; returns
/// how many records were added (0 or 1).
pub fn carry_consent(
    target: &mut Initiative,
    source: &Initiative,
    unseen: &dyn Fn(&Entry) -> bool,
    dot: &mut Option<Dot>,
    agent: crate::census::id::AgentId,
    now: Timestamp,
) -> Result<usize, CounterExhausted> {
    let Some(e) = heads(source).into_iter().max_by_key(|e| order_key(e)) else {
        return Ok(0);
    };
    let (Value::Record(r), Some(author)) = (&e.value, author_of(e)) else {
        return Ok(0);
    };
    if !unseen(e) {
        return Ok(0);
    }
    let mut r = (**r).clone();
    r.remove("after");
    r.insert(BY.to_string(), author.to_string());
    let value = Value::record(r);
    if target.entries(CONSENT).iter().any(|x| x.value == value) {
        return Ok(0);
    }
    let d = next_once(dot, target, agent)?;
    let at = e.stamp.at().unwrap_or(now);
    let list = target.fields.get_or_insert(CONSENT);
    list.push(Entry::new(value, d, at));
    list.sort_by(Entry::canonical_cmp);
    Ok(1)
}
