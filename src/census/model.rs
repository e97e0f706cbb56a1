//! The census in memory: initiatives whose fields are sets of stamped entries.
//!
//! Every field, whatever its type, is a set of [`Entry`]: a value plus the
//! [`Dot`] of the write that put it there (agent, counter) and a date for
//! display. Each initiative keeps `seen`, the highest counter of each agent
//! whose writes it has seen. This is what lets two copies be merged without a
//! common ancestor (see `docs/merge.md`).

use std::collections::BTreeMap;

use smallvec::SmallVec;

use crate::census::id::{AgentId, InitiativeId};
use crate::census::time::Timestamp;

/// The version of the file format this program writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Fields the program keeps beside the schema's; their ids start with `_`,
/// which schema field ids may not.
pub mod system {
    /// Tombstone: who deleted, when; its value records what the deletion saw.
    pub const DELETED: &str = "_deleted";
    /// A duplicate fused into another initiative: the survivor's id (`into`)
    /// and what the fusion saw.
    pub const MERGED_INTO: &str = "_merged_into";
    /// Ids of initiatives said not to be duplicates of this one.
    pub const NOT_DUPLICATE: &str = "_not_duplicate";
    /// Who last changed the initiative by removing something (a removal has
    /// no entry of its own to say who and when).
    pub const MODIFIED: &str = "_modified";
    pub const PREFIX: char = '_';
}

/// One write's name: the agent and its counter for this initiative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Dot {
    pub agent: AgentId,
    pub counter: u32,
}

impl Dot {
    /// The highest counter a dot is given. A counter of `u32::MAX` cannot be
    /// followed by another: a file holding one is refused at load (and so at
    /// merge), and no write ever makes one.
    pub const MAX_COUNTER: u32 = u32::MAX - 1;
}

/// No new dot can be made: the agent's counter in this initiative is at
/// [`Dot::MAX_COUNTER`]. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{id}: counter of {agent} exhausted")]
pub struct CounterExhausted {
    pub id: InitiativeId,
    pub agent: AgentId,
}

/// A short string stored inline up to 24 bytes (most values and field ids).
pub type Text = compact_str::CompactString;

/// A value: a text (most fields), or a small record (structured elements such
/// as a tombstone, later evidence or status changes).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    Text(Text),
    Record(Box<BTreeMap<String, String>>),
}

impl Value {
    pub fn text(s: impl AsRef<str>) -> Value {
        Value::Text(Text::new(s.as_ref()))
    }

    pub fn record(map: BTreeMap<String, String>) -> Value {
        Value::Record(Box::new(map))
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            Value::Record(_) => None,
        }
    }

    /// The short hash stored beside the value to notice hand edits.
    pub fn short_hash(&self) -> u32 {
        match self {
            Value::Text(s) => crate::census::hash::short_hash(s.as_bytes()),
            Value::Record(map) => {
                let mut bytes = Vec::new();
                for (k, v) in map.iter() {
                    bytes.extend_from_slice(k.as_bytes());
                    bytes.push(0x1f);
                    bytes.extend_from_slice(v.as_bytes());
                    bytes.push(0x1e);
                }
                crate::census::hash::short_hash(&bytes)
            }
        }
    }

    /// Length in bytes, for the limits on untrusted files.
    pub fn byte_len(&self) -> usize {
        match self {
            Value::Text(s) => s.len(),
            Value::Record(m) => m.iter().map(|(k, v)| k.len() + v.len()).sum(),
        }
    }
}

/// Where an entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stamp {
    /// Written by recense: the dot and the date of the write.
    Recorded { dot: Dot, at: Timestamp },
    /// Its value no longer matches the hash written with it: changed by hand
    /// in the file. `hash` is kept so the change stays visible until adopted.
    HandEdited { dot: Dot, at: Timestamp, hash: u32 },
    /// Added by hand without any stamp.
    Bare,
}

impl Stamp {
    pub fn dot(&self) -> Option<Dot> {
        match self {
            Stamp::Recorded { dot, .. } | Stamp::HandEdited { dot, .. } => Some(*dot),
            Stamp::Bare => None,
        }
    }

    pub fn at(&self) -> Option<Timestamp> {
        match self {
            Stamp::Recorded { at, .. } | Stamp::HandEdited { at, .. } => Some(*at),
            Stamp::Bare => None,
        }
    }

    /// Changed by hand in the file and not yet adopted.
    pub fn is_hand_edit(&self) -> bool {
        !matches!(self, Stamp::Recorded { .. })
    }

    /// Changed by hand in the file: not yet adopted, or adopted under a
    /// hand-edit agent (`k3x9q~`). What the views show as « à la main ».
    pub fn by_hand(&self) -> bool {
        self.is_hand_edit() || self.dot().is_some_and(|d| d.agent.is_hand())
    }
}

/// A value with the stamp of the write that put it there.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entry {
    pub value: Value,
    pub stamp: Stamp,
}

impl Entry {
    pub fn new(value: Value, dot: Dot, at: Timestamp) -> Entry {
        Entry {
            value,
            stamp: Stamp::Recorded { dot, at },
        }
    }

    /// The canonical order of entries in a field: by dot, then value.
    pub fn canonical_cmp(&self, other: &Entry) -> std::cmp::Ordering {
        (self.stamp.dot(), &self.value).cmp(&(other.stamp.dot(), &other.value))
    }
}

/// Per agent, the highest counter whose writes this copy has seen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Seen(pub Vec<(AgentId, u32)>);

impl Seen {
    pub fn get(&self, agent: &AgentId) -> u32 {
        self.0
            .binary_search_by(|(a, _)| a.cmp(agent))
            .map_or(0, |i| self.0[i].1)
    }

    pub fn covers(&self, dot: &Dot) -> bool {
        dot.counter <= self.get(&dot.agent)
    }

    /// Raises the counter of `agent` to at least `counter`.
    pub fn raise(&mut self, agent: AgentId, counter: u32) {
        match self.0.binary_search_by(|(a, _)| a.cmp(&agent)) {
            Ok(i) => self.0[i].1 = self.0[i].1.max(counter),
            Err(i) => self.0.insert(i, (agent, counter)),
        }
    }

    /// The per-agent maximum of both.
    pub fn join(&mut self, other: &Seen) {
        for (agent, counter) in &other.0 {
            self.raise(*agent, *counter);
        }
    }
}

/// The entries of one field; a single entry needs no heap allocation.
pub type Entries = SmallVec<[Entry; 1]>;

/// Field ids in byte order, as `str::cmp`. Ids are short and most differ
/// in their first bytes: a byte loop answers before a call to `memcmp`
/// would have begun (lookups by field id are the hottest code of exports
/// and imports).
pub(crate) fn compare_ids(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// Entries by field id, sorted by id; no empty list. A sorted vector: an
/// initiative has a dozen fields, and this is the smallest layout.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fields(Vec<(Text, Entries)>);

impl Fields {
    fn find(&self, field: &str) -> Result<usize, usize> {
        let field = field.as_bytes();
        self.0
            .binary_search_by(|(k, _)| compare_ids(k.as_bytes(), field))
    }

    pub fn get(&self, field: &str) -> Option<&Entries> {
        self.find(field).ok().map(|i| &self.0[i].1)
    }

    pub fn get_mut(&mut self, field: &str) -> Option<&mut Entries> {
        self.find(field).ok().map(move |i| &mut self.0[i].1)
    }

    pub fn contains_key(&self, field: &str) -> bool {
        self.find(field).is_ok()
    }

    /// The entries of `field`, created empty if missing.
    pub fn get_or_insert(&mut self, field: &str) -> &mut Entries {
        let i = match self.find(field) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (Text::new(field), Entries::new()));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn insert(&mut self, field: &str, entries: Entries) {
        *self.get_or_insert(field) = entries;
    }

    pub fn remove(&mut self, field: &str) -> Option<Entries> {
        self.find(field).ok().map(|i| self.0.remove(i).1)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Entries)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut Entries> {
        self.0.iter_mut().map(|(_, v)| v)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&str, &mut Entries) -> bool) {
        self.0.retain_mut(|(k, v)| keep(k, v));
    }

    /// Builds from pairs in any order (later duplicates are appended).
    pub fn from_pairs(mut pairs: Vec<(Text, Entries)>) -> Fields {
        pairs.sort_by(|a, b| compare_ids(a.0.as_bytes(), b.0.as_bytes()));
        pairs.dedup_by(|later, kept| {
            if later.0 == kept.0 {
                kept.1.extend(later.1.drain(..));
                true
            } else {
                false
            }
        });
        Fields(pairs)
    }
}

/// One initiative of the territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initiative {
    pub id: InitiativeId,
    pub seen: Seen,
    pub fields: Fields,
    /// Derived, never saved: this initiative's redirect closes a cycle of
    /// fusions (opposite fusions merged) and it is the member shown in the
    /// cycle's stead, its own redirect set aside until someone settles the
    /// cycle. Set by [`crate::census::cycles::mark`] from the ids and
    /// redirects alone, so every copy and every merge order agree.
    pub cycle_survivor: bool,
}

impl Initiative {
    pub fn new(id: InitiativeId) -> Initiative {
        Initiative {
            id,
            seen: Seen::default(),
            fields: Fields::default(),
            cycle_survivor: false,
        }
    }

    pub fn entries(&self, field: &str) -> &[Entry] {
        self.fields.get(field).map(|e| e.as_slice()).unwrap_or(&[])
    }

    /// The value shown for a single-valued field: when colleagues wrote it
    /// concurrently (a conflict), the most recently dated one — the others are
    /// still there, see [`Initiative::is_conflict`].
    pub fn value(&self, field: &str) -> Option<&str> {
        self.displayed_entry(field).and_then(|e| e.value.as_text())
    }

    pub fn displayed_entry(&self, field: &str) -> Option<&Entry> {
        self.entries(field)
            .iter()
            .max_by(|a, b| (a.stamp.at(), a.stamp.dot()).cmp(&(b.stamp.at(), b.stamp.dot())))
    }

    /// The distinct text values of a field, in canonical order.
    pub fn values(&self, field: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for e in self.entries(field) {
            if let Some(t) = e.value.as_text()
                && !out.contains(&t)
            {
                out.push(t);
            }
        }
        out
    }

    /// A single-valued field holding two or more different values.
    pub fn is_conflict(&self, field: &str) -> bool {
        let entries = self.entries(field);
        entries.iter().skip(1).any(|e| e.value != entries[0].value)
    }

    /// The most recent stamp among a field's entries: who changed it, when.
    pub fn last_change(&self, field: &str) -> Option<Stamp> {
        self.entries(field)
            .iter()
            .map(|e| e.stamp)
            .max_by_key(|s| (s.at(), s.dot()))
    }

    pub fn is_deleted(&self) -> bool {
        self.fields.contains_key(system::DELETED)
    }

    /// The survivor this duplicate was fused into, if it was. The survivor
    /// of a cycle of fusions is not redirected (see `cycle_survivor`).
    pub fn merged_into(&self) -> Option<&str> {
        if self.cycle_survivor {
            return None;
        }
        self.redirect_target()
    }

    /// The id its fusion redirects to, as written, cycle or not.
    pub fn redirect_target(&self) -> Option<&str> {
        self.entries(system::MERGED_INTO)
            .iter()
            .filter_map(|e| match &e.value {
                Value::Record(r) => r.get("into").map(String::as_str),
                Value::Text(_) => None,
            })
            .max()
    }

    /// Neither deleted nor fused into another: shown in lists.
    pub fn is_live(&self) -> bool {
        !self.is_deleted() && self.merged_into().is_none()
    }

    /// The next dot of `agent` in this initiative (and records it as seen).
    /// Never wraps: past [`Dot::MAX_COUNTER`] it is refused.
    pub fn next_dot(&mut self, agent: AgentId) -> Result<Dot, CounterExhausted> {
        let counter = (self.seen.get(&agent).checked_add(1))
            .filter(|c| *c <= Dot::MAX_COUNTER)
            .ok_or_else(|| CounterExhausted {
                id: self.id.clone(),
                agent,
            })?;
        self.seen.raise(agent, counter);
        Ok(Dot { agent, counter })
    }

    /// Whether [`Initiative::next_dot`] would succeed, without making the
    /// dot: an action that writes to several initiatives checks them all
    /// before changing any.
    pub fn check_next_dot(&self, agent: AgentId) -> Result<(), CounterExhausted> {
        match self.seen.get(&agent) < Dot::MAX_COUNTER {
            true => Ok(()),
            false => Err(CounterExhausted {
                id: self.id.clone(),
                agent,
            }),
        }
    }

    /// Writes a single value: every entry of the field is superseded.
    pub fn write(&mut self, field: &str, value: Value, dot: Dot, at: Timestamp) {
        let mut entries = Entries::new();
        entries.push(Entry::new(value, dot, at));
        self.fields.insert(field, entries);
    }

    /// Adds one element to a multi-valued field (nothing if already there).
    pub fn add_element(&mut self, field: &str, value: Value, dot: Dot, at: Timestamp) {
        let list = self.fields.get_or_insert(field);
        if !list.iter().any(|e| e.value == value) {
            list.push(Entry::new(value, dot, at));
            list.sort_by(Entry::canonical_cmp);
        }
    }

    /// Removes one element (all its entries) from a multi-valued field.
    pub fn remove_element(&mut self, field: &str, value: &Value) {
        if let Some(list) = self.fields.get_mut(field) {
            list.retain(|e| &e.value != value);
            if list.is_empty() {
                self.fields.remove(field);
            }
        }
    }

    /// Removes every entry of a field.
    pub fn clear(&mut self, field: &str) {
        self.fields.remove(field);
    }

    /// Records that `agent` changed the initiative now, for a change that
    /// leaves no entry of its own (a removal, a restore): bundles "since a
    /// date" and "who sent this file" see it.
    pub fn touch(&mut self, agent: AgentId, at: Timestamp) -> Result<(), CounterExhausted> {
        let dot = self.next_dot(agent)?;
        self.write(system::MODIFIED, Value::text(""), dot, at);
        Ok(())
    }

    /// Entries changed by hand in the file and not yet adopted.
    pub fn hand_edited_fields(&self) -> impl Iterator<Item = &str> {
        self.fields
            .iter()
            .filter(|(_, es)| es.iter().any(|e| e.stamp.is_hand_edit()))
            .map(|(f, _)| f)
    }

    /// Puts entries in canonical order, drops empty fields and exact
    /// duplicates, and makes `seen` cover every dot present.
    pub fn normalize(&mut self) {
        self.fields.retain(|_, list| !list.is_empty());
        let seen = &mut self.seen;
        for list in self.fields.values_mut() {
            list.sort_by(Entry::canonical_cmp);
            list.dedup_by(|a, b| a.value == b.value && a.stamp.dot() == b.stamp.dot());
            for e in list.iter() {
                if let Some(dot) = e.stamp.dot() {
                    seen.raise(dot.agent, dot.counter);
                }
            }
        }
    }
}

/// The census: the initiatives of a territory, and who edited them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Census {
    pub territory: String,
    /// The communes the territory covers, as last set.
    pub perimeter: crate::census::perimeter::Perimeter,
    pub schema_id: String,
    pub schema_version: u32,
    /// Display names of the agents whose ids appear in the file.
    pub agents: BTreeMap<AgentId, String>,
    /// Sorted by id.
    pub initiatives: Vec<Initiative>,
}

/// A prefix that names no initiative, or several.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LookupError {
    NotFound(String),
    Ambiguous {
        prefix: String,
        candidates: Vec<InitiativeId>,
    },
}

impl Census {
    pub fn new(territory: &str, schema_id: &str, schema_version: u32) -> Census {
        Census {
            territory: territory.to_string(),
            perimeter: Default::default(),
            schema_id: schema_id.to_string(),
            schema_version,
            agents: BTreeMap::new(),
            initiatives: Vec::new(),
        }
    }

    pub fn position(&self, id: &InitiativeId) -> Option<usize> {
        self.initiatives.binary_search_by(|i| i.id.cmp(id)).ok()
    }

    pub fn get(&self, id: &InitiativeId) -> Option<&Initiative> {
        self.position(id).map(|i| &self.initiatives[i])
    }

    pub fn get_mut(&mut self, id: &InitiativeId) -> Option<&mut Initiative> {
        self.position(id).map(move |i| &mut self.initiatives[i])
    }

    /// Initiatives that are neither deleted nor fused into another.
    pub fn live(&self) -> impl Iterator<Item = &Initiative> {
        self.initiatives.iter().filter(|i| i.is_live())
    }

    /// Follows fusions: the initiative that now stands for `id`.
    pub fn redirect<'a>(&'a self, id: &'a InitiativeId) -> &'a InitiativeId {
        let mut current = id;
        // A fusion chain is short; the bound guards against a cycle written by hand.
        for _ in 0..16 {
            let next = self
                .get(current)
                .and_then(|i| i.merged_into())
                .and_then(|into| InitiativeId::parse(into).ok())
                .and_then(|into| self.get(&into).map(|i| &i.id));
            match next {
                Some(n) if n != current => current = n,
                _ => break,
            }
        }
        current
    }

    /// Finds an initiative by its id or any unique beginning or end of it
    /// (any case).
    /// Deleted or fused initiatives are found only by their whole id.
    pub fn resolve(&self, prefix: &str) -> Result<&InitiativeId, LookupError> {
        self.resolve_with(prefix, false)
    }

    /// Like [`Census::resolve`]; with `deleted`, prefixes find only deleted
    /// initiatives (to restore one).
    pub fn resolve_with(&self, prefix: &str, deleted: bool) -> Result<&InitiativeId, LookupError> {
        let wanted = prefix.trim().to_ascii_uppercase();
        if let Ok(id) = InitiativeId::parse(prefix.trim())
            && let Some(i) = self.get(&id)
        {
            return Ok(&i.id);
        }
        if wanted.is_empty() {
            return Err(LookupError::NotFound(prefix.to_string()));
        }
        // The id first: comparing a few bytes in place is much cheaper than
        // looking up an initiative's fields, and most ids differ at once.
        // A beginning or an end: the end of a ULID is its random part.
        let starts_or_ends_with = |id: &str| {
            let (id, n) = (id.as_bytes(), wanted.len());
            id.len() >= n
                && (id[..n].eq_ignore_ascii_case(wanted.as_bytes())
                    || id[id.len() - n..].eq_ignore_ascii_case(wanted.as_bytes()))
        };
        let candidates: Vec<&Initiative> = self
            .initiatives
            .iter()
            .filter(|i| starts_or_ends_with(i.id.as_str()) && i.is_live() != deleted)
            .take(10)
            .collect();
        match candidates.as_slice() {
            [one] => Ok(&one.id),
            [] => Err(LookupError::NotFound(prefix.to_string())),
            many => Err(LookupError::Ambiguous {
                prefix: prefix.to_string(),
                candidates: many.iter().map(|i| i.id.clone()).collect(),
            }),
        }
    }

    /// Inserts an initiative in id order (replacing one with the same id).
    pub fn insert(&mut self, initiative: Initiative) {
        match self
            .initiatives
            .binary_search_by(|i| i.id.cmp(&initiative.id))
        {
            Ok(i) => self.initiatives[i] = initiative,
            Err(i) => self.initiatives.insert(i, initiative),
        }
    }

    /// The display name of an agent (its id when unknown).
    pub fn agent_name<'a>(&'a self, agent: &'a AgentId) -> &'a str {
        self.agents
            .get(agent)
            .map_or(agent.as_str(), String::as_str)
    }

    /// Whether any entry was changed by hand in the file.
    pub fn hand_edits(&self) -> Vec<(&InitiativeId, &str)> {
        self.initiatives
            .iter()
            .flat_map(|i| i.hand_edited_fields().map(move |f| (&i.id, f)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent(s: &str) -> AgentId {
        AgentId::parse(s).unwrap()
    }

    #[test]
    fn field_ids_compare_as_strings_do() {
        let schema = crate::census::Schema::default_schema();
        let mut ids: Vec<&str> = schema.fields.iter().map(|f| f.id.as_str()).collect();
        ids.extend([
            "",
            "_deleted",
            "_merged_into",
            "a",
            "ab",
            "abc",
            "Nom",
            "é",
            "e\u{301}",
            "zz",
        ]);
        for a in &ids {
            for b in &ids {
                assert_eq!(
                    compare_ids(a.as_bytes(), b.as_bytes()),
                    a.cmp(b),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    proptest::proptest! {
        /// Ids compare as their bytes do, with long shared beginnings.
        #[test]
        fn ids_compare_as_their_bytes_do(a in "[ab_é]{0,20}", b in "[ab_é]{0,20}") {
            proptest::prop_assert_eq!(compare_ids(a.as_bytes(), b.as_bytes()), a.cmp(&b));
            let longer = format!("{a}{b}");
            proptest::prop_assert_eq!(compare_ids(a.as_bytes(), longer.as_bytes()), a.cmp(&longer));
        }
    }

    #[test]
    fn writes_supersede_and_count() {
        let mut i = Initiative::new(InitiativeId::parse("A1").unwrap());
        let a = agent("aaaaa");
        let d1 = i.next_dot(a).expect("a small counter");
        i.write("nom", Value::text("Infini"), d1, Timestamp(10));
        let d2 = i.next_dot(a).expect("a small counter");
        i.write("nom", Value::text("Infini Brest"), d2, Timestamp(20));
        assert_eq!(d2.counter, 2);
        assert_eq!(i.value("nom"), Some("Infini Brest"));
        assert_eq!(i.entries("nom").len(), 1);
        assert_eq!(i.seen.get(&a), 2);
        assert!(!i.is_conflict("nom"));
    }

    #[test]
    fn the_counter_never_wraps() {
        let mut i = Initiative::new(InitiativeId::parse("A1").unwrap());
        let a = agent("aaaaa");
        i.seen.raise(a, Dot::MAX_COUNTER - 1);
        assert_eq!(i.next_dot(a).map(|d| d.counter), Ok(Dot::MAX_COUNTER));
        assert!(i.check_next_dot(a).is_err());
        let before = i.clone();
        let refused = CounterExhausted {
            id: i.id.clone(),
            agent: a,
        };
        assert_eq!(i.next_dot(a), Err(refused.clone()));
        assert_eq!(i.touch(a, Timestamp(1)), Err(refused));
        assert_eq!(i, before, "a refused dot changes nothing");
        // Another agent still writes.
        assert_eq!(i.next_dot(agent("bbbbb")).map(|d| d.counter), Ok(1));
    }

    #[test]
    fn multi_values_add_and_remove() {
        let mut i = Initiative::new(InitiativeId::parse("A1").unwrap());
        let d = i.next_dot(agent("aaaaa")).expect("a small counter");
        i.add_element("roles", Value::text("contributeur"), d, Timestamp(1));
        i.add_element("roles", Value::text("academique"), d, Timestamp(1));
        i.add_element("roles", Value::text("academique"), d, Timestamp(1));
        assert_eq!(i.values("roles"), vec!["academique", "contributeur"]);
        i.remove_element("roles", &Value::text("academique"));
        i.remove_element("roles", &Value::text("contributeur"));
        assert!(!i.fields.contains_key("roles"));
    }

    #[test]
    fn prefixes_resolve_uniquely() {
        let mut c = Census::new("T", "s", 1);
        for id in ["01AAA", "01AAB", "01BBB"] {
            c.insert(Initiative::new(InitiativeId::parse(id).unwrap()));
        }
        assert_eq!(c.resolve("01b").unwrap().as_str(), "01BBB");
        assert!(matches!(
            c.resolve("01A"),
            Err(LookupError::Ambiguous { .. })
        ));
        assert!(matches!(c.resolve("02"), Err(LookupError::NotFound(_))));
        assert_eq!(c.resolve("01AAA").unwrap().as_str(), "01AAA");
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;

    /// The in-memory census must stay within 4× the file size: these sizes
    /// are what makes that hold (see docs/performance.md).
    #[test]
    fn entries_stay_small() {
        assert!(
            std::mem::size_of::<Value>() <= 24,
            "{}",
            std::mem::size_of::<Value>()
        );
        assert!(
            std::mem::size_of::<Stamp>() <= 32,
            "{}",
            std::mem::size_of::<Stamp>()
        );
        assert!(
            std::mem::size_of::<Entry>() <= 56,
            "{}",
            std::mem::size_of::<Entry>()
        );
    }
}
