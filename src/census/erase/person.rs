//! Purges by initiative or by person: which values to erase, which names
//! and contact details to replace in the free texts of the whole file.
//! A person is found whatever the accents and the case, as a whole word.

use crate::census::id::InitiativeId;
use crate::census::model::{Census, CounterExhausted, Initiative, Value};
use crate::census::ops::Agent;
use crate::census::schema::{FieldType, Schema};
use crate::census::search::fold_into;
use crate::census::time::Timestamp;

use super::{Erased, Why, erase_in};

/// A needle shorter than this (folded) is not searched in free texts: it
/// would replace parts of ordinary words.
pub const MIN_NEEDLE: usize = 3;

fn folded(s: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(s.len());
    let mut origin = Vec::with_capacity(s.len());
    fold_into(s, &mut out, &mut origin);
    (out, origin)
}

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// The char ranges of `text` where `needle` occurs as whole words (accents
/// and case aside).
fn mentions(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let (n, _) = folded(needle.trim());
    if n.chars().count() < MIN_NEEDLE {
        return Vec::new();
    }
    let (t, origin) = folded(text);
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let index_of = |byte: usize| chars.partition_point(|(b, _)| *b < byte);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = t[from..].find(&n) {
        let start = from + pos;
        let end = start + n.len();
        let before = t[..start].chars().next_back();
        let after = t[end..].chars().next();
        let (ci, ce) = (index_of(start), index_of(end));
        if !is_word(before) && !is_word(after) && ce > ci {
            let first = origin[ci] as usize;
            let last = origin[ce - 1] as usize + 1;
            out.push((first, last));
        }
        from = start + t[start..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// Whether `needle` occurs in `text` as whole words, accents and case aside.
pub fn names(text: &str, needle: &str) -> bool {
    !mentions(text, needle).is_empty()
}

/// `text` with each mention of `needle` replaced; `None` when there is none.
pub fn replace_mentions(text: &str, needle: &str, with: &str) -> Option<String> {
    let found = mentions(text, needle);
    if found.is_empty() {
        return None;
    }
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (first, last) in found {
        let (b0, b1) = (bytes[first], bytes[last.min(bytes.len() - 1)]);
        if b0 < at {
            continue;
        }
        out.push_str(&text[at..b0]);
        out.push_str(with);
        at = b1;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// The schema's personal fields.
pub fn personal_fields(schema: &Schema) -> Vec<&str> {
    schema
        .fields
        .iter()
        .filter(|f| f.personal)
        .map(|f| f.id.as_str())
        .collect()
}

/// The free-text fields a name may appear in: texts that are not personal.
pub fn free_text_fields(schema: &Schema) -> Vec<&str> {
    schema
        .fields
        .iter()
        .filter(|f| !f.personal && matches!(f.field_type, FieldType::Text | FieldType::LongText))
        .map(|f| f.id.as_str())
        .collect()
}

/// The text values of `fields` in `i`, every entry (conflicts too).
fn values_of(i: &Initiative, fields: &[&str]) -> Vec<String> {
    fields
        .iter()
        .flat_map(|f| i.entries(f).iter())
        .filter_map(|e| match &e.value {
            Value::Text(t) => Some(t.to_string()),
            Value::Record(_) => None,
        })
        .collect()
}

/// Replaces `needles` in the free texts of every initiative but `skip`
/// (nothing erased there).
fn redact_everywhere(
    census: &mut Census,
    schema: &Schema,
    needles: &[String],
    skip: &[InitiativeId],
    agent: &Agent,
    (now, why): (Timestamp, Why),
) -> Result<Vec<Erased>, CounterExhausted> {
    let free = free_text_fields(schema);
    let mut out = Vec::new();
    for i in census
        .initiatives
        .iter_mut()
        .filter(|i| !skip.contains(&i.id))
    {
        out.extend(erase_in(i, &[], &free, needles, agent, now, why)?);
    }
    Ok(out)
}

/// Erases `fields` (default: every personal field) of initiative `id`, and
/// the erased values wherever a free text repeats them in the file.
pub fn purge_initiative(
    census: &mut Census,
    schema: &Schema,
    id: &InitiativeId,
    fields: &[&str],
    agent: &Agent,
    now: Timestamp,
    why: Why,
) -> Result<Vec<Erased>, CounterExhausted> {
    let personal = personal_fields(schema);
    let fields = if fields.is_empty() {
        &personal[..]
    } else {
        fields
    };
    let free = free_text_fields(schema);
    let mut out = Vec::new();
    let Some(i) = census.get_mut(id) else {
        return Ok(out);
    };
    let needles = values_of(i, fields);
    let own_free: Vec<&str> = free
        .iter()
        .copied()
        .filter(|f| !fields.contains(f))
        .collect();
    out.extend(erase_in(i, fields, &own_free, &needles, agent, now, why)?);
    let skip = std::slice::from_ref(id);
    note_agent(census, agent);
    out.extend(redact_everywhere(
        census,
        schema,
        &needles,
        skip,
        agent,
        (now, why),
    )?);
    Ok(out)
}

/// Records the name of the agent purging (who `show` and `history` name).
fn note_agent(census: &mut Census, agent: &Agent) {
    if census.agents.get(&agent.id) != Some(&agent.name) {
        census.agents.insert(agent.id, agent.name.clone());
    }
}

/// Erases every value naming `person`: the personal fields of each
/// initiative whose personal values name them (their contact details with
/// them), and the name and those details wherever a free text holds them.
pub fn purge_person(
    census: &mut Census,
    schema: &Schema,
    person: &str,
    agent: &Agent,
    now: Timestamp,
) -> Result<Vec<Erased>, CounterExhausted> {
    let personal = personal_fields(schema);
    let free = free_text_fields(schema);
    let mut needles = vec![person.trim().to_string()];
    let hit: Vec<InitiativeId> = census
        .initiatives
        .iter()
        .filter(|i| values_of(i, &personal).iter().any(|v| names(v, person)))
        .map(|i| i.id.clone())
        .collect();
    for id in &hit {
        if let Some(i) = census.get(id) {
            needles.extend(values_of(i, &personal));
        }
    }
    needles.sort();
    needles.dedup();
    note_agent(census, agent);
    let mut out = Vec::new();
    for id in &hit {
        if let Some(i) = census.get_mut(id) {
            out.extend(erase_in(
                i,
                &personal,
                &free,
                &needles,
                agent,
                now,
                Why::Person,
            )?);
        }
    }
    out.extend(redact_everywhere(
        census,
        schema,
        &needles,
        &hit,
        agent,
        (now, Why::Person),
    )?);
    Ok(out)
}

/// Whether a name is long enough to be searched for.
pub fn searchable(person: &str) -> bool {
    folded(person.trim()).0.chars().count() >= MIN_NEEDLE
}
