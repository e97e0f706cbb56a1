//! Public copies: without personal fields, with agents' names replaced by
//! pseudonyms (« Agent 1 », « Agent 2 », in order of first appearance),
//! and free texts that look like they hold an e-mail address or a phone
//! number flagged (left out when strict).
//!
//! A field left out is listed in the initiative's `_withheld` entry: a copy
//! receiving the public one takes it for unknown, not for erased
//! ([`fill_withheld`]): absence is not deletion.

use std::collections::BTreeMap;

use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Entries, Entry, Initiative, Stamp, Value};
use crate::census::schema::Schema;

use super::person::{free_text_fields, personal_fields};

/// The fields a public copy left out of an initiative, space-separated.
pub const WITHHELD: &str = "_withheld";
/// Consent records (personal data about personal data): never public.
const CONSENT: &str = "_consent";
/// Supports: « from whom » may name a private donor, and a record cannot
/// lose that key without becoming another record for the merge, so public
/// copies leave them out whole (their kinds stay in `soutiens_recus`).
const SUPPORTS: &str = crate::census::supports::SUPPORTS;
/// Record fields whose notes are checked.
const NOTES: [(&str, &str); 3] = [
    ("_evidence", "note"),
    ("_status_log", "comment"),
    ("_confirmations", "comment"),
];

/// What looks like personal data in a free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Looks {
    Email,
    Phone,
}

/// A free text that looks like it holds personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flagged {
    pub initiative: InitiativeId,
    pub field: String,
    pub looks: Looks,
}

/// Whether `text` holds something like an e-mail address or a phone number.
pub fn looks_personal(text: &str) -> Option<Looks> {
    let email = text
        .split(|c: char| c.is_whitespace() || "<>()[],;:\"'".contains(c))
        .any(|w| {
            w.split_once('@').is_some_and(|(user, host)| {
                !user.is_empty()
                    && host.contains('.')
                    && !host.starts_with('.')
                    && !host.ends_with('.')
            })
        });
    if email {
        return Some(Looks::Email);
    }
    // Runs of digits, spaces, dots and dashes: 10 digits starting with 0,
    // or an international number (+ and 10 to 13 digits).
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let plus = chars[i] == '+';
        if plus || chars[i].is_ascii_digit() {
            let start = i + usize::from(plus);
            let mut digits = String::new();
            let mut j = start;
            while j < chars.len() && (chars[j].is_ascii_digit() || " .-".contains(chars[j])) {
                if chars[j].is_ascii_digit() {
                    digits.push(chars[j]);
                }
                j += 1;
            }
            let phone = if plus {
                (10..=13).contains(&digits.len())
            } else {
                digits.len() == 10 && digits.starts_with('0')
            };
            if phone {
                return Some(Looks::Phone);
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// The free texts of `i` that look personal.
fn flags(i: &Initiative, free: &[&str]) -> Vec<Flagged> {
    let mut out = Vec::new();
    let mut flag = |field: &str, text: &str| {
        if let Some(looks) = looks_personal(text)
            && !out.iter().any(|f: &Flagged| f.field == field)
        {
            out.push(Flagged {
                initiative: i.id.clone(),
                field: field.to_string(),
                looks,
            });
        }
    };
    for f in free {
        for v in i.values(f) {
            flag(f, v);
        }
    }
    for (field, key) in NOTES {
        for e in i.entries(field) {
            if let Value::Record(r) = &e.value
                && let Some(text) = r.get(key)
            {
                flag(field, text);
            }
        }
    }
    out
}

/// A public copy of a census and what it flagged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicCopy {
    pub census: Census,
    pub flagged: Vec<Flagged>,
}

/// Pseudonyms for every agent of `census`, in order of first appearance
/// (initiatives, fields and entries in file order, then the others).
pub fn pseudonyms(census: &Census) -> BTreeMap<AgentId, String> {
    pseudonyms_in(census, &census.initiatives.iter().collect::<Vec<_>>())
}

/// Pseudonyms for every agent of `census`, in order of first appearance in
/// `shown` (the initiatives an output holds, in its order: their writes and
/// the authors their records name), then the others: the same name gets
/// the same pseudonym everywhere in that output.
pub fn pseudonyms_in(census: &Census, shown: &[&Initiative]) -> BTreeMap<AgentId, String> {
    let mut order: Vec<AgentId> = Vec::new();
    let mut see = |a: AgentId| {
        if !order.contains(&a) {
            order.push(a);
        }
    };
    for i in shown {
        for (_, entries) in i.fields.iter() {
            for e in entries.iter() {
                if let Some(d) = e.stamp.dot() {
                    see(d.agent.hand_owner());
                }
                if let Value::Record(r) = &e.value
                    && let Some(by) = r.get("by").and_then(|b| AgentId::parse(b).ok())
                {
                    see(by.hand_owner());
                }
            }
        }
    }
    for a in census.agents.keys() {
        see(*a);
    }
    order
        .into_iter()
        .filter(|a| census.agents.contains_key(a))
        .enumerate()
        .map(|(n, a)| (a, format!("Agent {}", n + 1)))
        .collect()
}

/// The public copy of `census`: personal fields, consent and supports left
/// out (and, when `strict`, the free texts flagged), each initiative listing
/// what it left out; agents' names replaced by pseudonyms.
pub fn public_copy(census: &Census, schema: &Schema, strict: bool) -> PublicCopy {
    let mut personal = personal_fields(schema);
    personal.push(CONSENT);
    personal.push(SUPPORTS);
    let free = free_text_fields(schema);
    let mut flagged = Vec::new();
    let mut out = census.clone();
    out.agents = pseudonyms(census);
    for i in &mut out.initiatives {
        let found = flags(i, &free);
        let mut left: Vec<String> = personal.iter().map(|f| f.to_string()).collect();
        if strict {
            left.extend(found.iter().map(|f| f.field.clone()));
        }
        flagged.extend(found);
        let latest = i
            .fields
            .iter()
            .flat_map(|(_, es)| es.iter())
            .filter_map(|e| Some((e.stamp.dot()?, e.stamp.at()?)))
            .max()
            .map(|(dot, at)| Stamp::Recorded { dot, at });
        // The writes left out are not seen through this copy.
        let gaps = super::unseen::withheld(i, &left);
        for f in &left {
            i.clear(f);
        }
        if !gaps.is_empty() {
            i.fields.insert(super::unseen::UNSEEN, gaps);
        }
        // Which fields were left out, so a receiver keeps its own values;
        // under the initiative's latest write (no new dot: the copy claims
        // no write its census has not made).
        if let Some(stamp) = latest {
            left.sort();
            left.dedup();
            let mut entries = Entries::new();
            entries.push(Entry {
                value: Value::text(left.join(" ")),
                stamp,
            });
            i.fields.insert(WITHHELD, entries);
        }
    }
    PublicCopy {
        census: out,
        flagged,
    }
}

/// Makes a received public copy mergeable without erasing anything: each
/// field it left out takes the values `other` holds (none if `other` lacks
/// the initiative), and its pseudonyms give way to `other`'s names (those
/// `other` does not know are dropped). Returns whether `census` was public.
pub fn fill_withheld(census: &mut Census, other: &Census) -> bool {
    // Two public copies merged keep what they left out listed.
    if is_public(other) {
        return false;
    }
    let mut public = false;
    for i in &mut census.initiatives {
        let Some(entries) = i.fields.remove(WITHHELD) else {
            continue;
        };
        public = true;
        let mut left: Vec<String> = entries
            .iter()
            .filter_map(|e| e.value.as_text())
            .flat_map(|t| t.split_whitespace().map(str::to_string))
            .collect();
        left.sort();
        left.dedup();
        let theirs = other.get(&i.id);
        for f in &left {
            let held = theirs.map(|o| o.entries(f)).unwrap_or(&[]);
            if held.is_empty() {
                i.clear(f);
            } else {
                i.fields.insert(f, held.iter().cloned().collect());
            }
        }
    }
    if public {
        census.agents.retain(|id, _| other.agents.contains_key(id));
        for (id, name) in census.agents.iter_mut() {
            if let Some(real) = other.agents.get(id) {
                name.clone_from(real);
            }
        }
    }
    public
}

/// Whether a census is a public copy (some initiative lists fields left out).
pub fn is_public(census: &Census) -> bool {
    census
        .initiatives
        .iter()
        .any(|i| i.fields.contains_key(WITHHELD))
}

/// The free texts of `selection` that look personal.
pub fn flag_selection(schema: &Schema, selection: &[&Initiative]) -> Vec<Flagged> {
    let free = free_text_fields(schema);
    selection.iter().flat_map(|i| flags(i, &free)).collect()
}

/// `census` without the flagged free texts (`--strict-public`).
pub fn without_flagged(census: &Census, flagged: &[Flagged]) -> Census {
    let mut out = census.clone();
    for f in flagged {
        if let Some(i) = out.get_mut(&f.initiative) {
            i.clear(&f.field);
        }
    }
    out
}
