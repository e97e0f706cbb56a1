//! Reading a census file through `ron`, into typed structs only.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::MAX_VALUE_BYTES;
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Dot, Entries, Entry, Fields, Seen, Stamp, Text, Value, system};
use crate::census::time::Timestamp;

/// A value that may be a record: in fields whose id starts with `_` (the
/// program's own: tombstones, evidence, status changes…).
struct AnyValue(Value);

impl<'de> Deserialize<'de> for AnyValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AnyValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value: \"text\" or {\"key\": \"text\"}")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<AnyValue, E> {
                Ok(AnyValue(Value::Text(Text::new(s))))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnyValue, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                Ok(AnyValue(Value::record(out)))
            }
        }
        d.deserialize_any(V)
    }
}

/// A text value: every field of the schema holds texts. Read with
/// `deserialize_str`, which is much faster in `ron` than `deserialize_any`.
struct TextValue(Value);

impl<'de> Deserialize<'de> for TextValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TextValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text in quotes")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<TextValue, E> {
                Ok(TextValue(Value::Text(Text::new(s))))
            }
        }
        d.deserialize_str(V)
    }
}

/// A counter that no write may follow (`u32::MAX`): refused where it is
/// read, in a stamp or in `seen`, before a next edit could wrap it to 0.
fn counter_at_max<E: de::Error>(agent: &str, counter: u32) -> Result<(), E> {
    match counter > Dot::MAX_COUNTER {
        true => Err(E::custom(crate::census::error::tagged(
            "counter",
            &format!("{agent}:{counter}"),
        ))),
        false => Ok(()),
    }
}

/// `agent:counter date hash`, e.g. `k3x9q:2 2026-11-29T13:31:27Z 5e2a9c`.
fn parse_stamp(s: &str) -> Option<(Dot, Timestamp, u32)> {
    let mut parts = s.split(' ');
    let (agent, counter) = parts.next()?.split_once(':')?;
    let at = parts.next()?;
    let at = Timestamp::parse_canonical(at).or_else(|| Timestamp::parse(at))?;
    let hash = u32::from_str_radix(parts.next()?, 16).ok()?;
    if parts.next().is_some() {
        return None;
    }
    let dot = Dot {
        agent: AgentId::parse(agent).ok()?,
        counter: counter.parse().ok().filter(|c| *c > 0)?,
    };
    Some((dot, at, hash))
}

struct StampText(Option<(Dot, Timestamp, u32)>);

impl<'de> Deserialize<'de> for StampText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StampText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a stamp \"agent:counter date hash\"")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<StampText, E> {
                let stamp = parse_stamp(s)
                    .ok_or_else(|| E::custom(crate::census::error::tagged("stamp", s)))?;
                counter_at_max(stamp.0.agent.as_str(), stamp.0.counter)?;
                Ok(StampText(Some(stamp)))
            }
        }
        d.deserialize_str(V)
    }
}

/// Reads one entry `(value, stamp)`; `records` says whether the value may be
/// a record.
#[derive(Clone, Copy)]
struct EntrySeed {
    records: bool,
}

impl<'de> DeserializeSeed<'de> for EntrySeed {
    type Value = Entry;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Entry, D::Error> {
        d.deserialize_tuple(2, self)
    }
}

impl<'de> Visitor<'de> for EntrySeed {
    type Value = Entry;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an entry (\"value\", \"stamp\")")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
        let value = if self.records {
            seq.next_element::<AnyValue>()?.map(|v| v.0)
        } else {
            seq.next_element::<TextValue>()?.map(|v| v.0)
        };
        let value = value.ok_or_else(|| de::Error::invalid_length(0, &self))?;
        if value.byte_len() > MAX_VALUE_BYTES {
            return Err(de::Error::custom(crate::census::error::tagged(
                "too_long", "",
            )));
        }
        let stamp = match seq.next_element::<StampText>()? {
            None | Some(StampText(None)) => Stamp::Bare,
            Some(StampText(Some((dot, at, hash)))) => {
                if value.short_hash() == hash {
                    Stamp::Recorded { dot, at }
                } else {
                    Stamp::HandEdited { dot, at, hash }
                }
            }
        };
        Ok(Entry { value, stamp })
    }
}

/// Reads the entries of one field `[(value, stamp), …]`.
#[derive(Clone, Copy)]
struct EntriesSeed {
    records: bool,
}

impl<'de> DeserializeSeed<'de> for EntriesSeed {
    type Value = Entries;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Entries, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EntriesSeed {
    type Value = Entries;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of entries [(\"value\", \"stamp\")]")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entries, A::Error> {
        let mut entries = Entries::new();
        let entry = EntrySeed {
            records: self.records,
        };
        while let Some(e) = seq.next_element_seed(entry)? {
            entries.push(e);
        }
        Ok(entries)
    }
}

impl<'de> Deserialize<'de> for Seen {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Seen;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of counters {\"agent\": counter}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Seen, A::Error> {
                let mut seen = BTreeMap::new();
                while let Some((agent, counter)) = map.next_entry::<AgentId, u32>()? {
                    counter_at_max(agent.as_str(), counter)?;
                    seen.insert(agent, counter);
                }
                Ok(Seen(seen.into_iter().collect()))
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of fields {\"field\": [entries]}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(16));
                while let Some(key) = map.next_key::<FieldKey>()? {
                    let records = key.0.starts_with(system::PREFIX);
                    pairs.push((key.0, map.next_value_seed(EntriesSeed { records })?));
                }
                Ok(Fields::from_pairs(pairs))
            }
        }
        d.deserialize_map(V)
    }
}

struct FieldKey(Text);

impl<'de> Deserialize<'de> for FieldKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FieldKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field id")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<FieldKey, E> {
                Ok(FieldKey(Text::new(s)))
            }
        }
        d.deserialize_str(V)
    }
}

/// An initiative id as the file writes it: a ULID, in capitals or not
/// (`typed` keeps the small letters written, to say where it was changed).
pub(super) struct FileId {
    pub id: InitiativeId,
    pub typed: Option<Box<str>>,
}

impl<'de> Deserialize<'de> for FileId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FileId;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an initiative id (ULID)")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<FileId, E> {
                match InitiativeId::parse_ulid(s) {
                    Ok((id, false)) => Ok(FileId { id, typed: None }),
                    Ok((id, true)) => Ok(FileId {
                        id,
                        typed: Some(s.into()),
                    }),
                    Err(_) => Err(E::custom(crate::census::error::tagged("id", s))),
                }
            }
        }
        d.deserialize_str(V)
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct InitiativeFile {
    pub id: FileId,
    pub seen: Seen,
    #[serde(default)]
    pub fields: Fields,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CensusFile {
    pub format: u32,
    pub territory: String,
    #[serde(default)]
    pub perimeter: PerimeterFile,
    pub schema: String,
    pub schema_version: u32,
    #[serde(default)]
    pub agents: BTreeMap<AgentId, String>,
    pub initiatives: Vec<InitiativeFile>,
    #[serde(default)]
    pub checksum: String,
}

/// The perimeter in the header, when one was ever set.
#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct PerimeterFile {
    pub spec: String,
    pub at: i64,
    pub by: String,
}

impl From<PerimeterFile> for crate::census::perimeter::Perimeter {
    fn from(f: PerimeterFile) -> Self {
        crate::census::perimeter::Perimeter {
            at: Timestamp(f.at),
            by: f.by,
            spec: f.spec,
        }
    }
}
