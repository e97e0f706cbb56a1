//! The census file: UTF-8 RON, one canonical form.
//!
//! Reading goes through `ron` into typed structs; writing is done here by hand
//! so that the output is canonical (sorted, fixed layout, one entry per line):
//! saving the same data twice gives the same bytes, and changing one field
//! changes only the lines around it.

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::census::error::{LoadError, SyntaxError};
use crate::census::id::{AgentId, InitiativeId};
use crate::census::locate::SourceText;
use crate::census::model::{Census, Dot, Entry, FORMAT_VERSION, Initiative, Seen, Stamp, Value};
use crate::census::time::Timestamp;

/// Largest file read (a census of 100 000 initiatives is about 150 MiB).
pub const MAX_FILE_BYTES: u64 = 1 << 30;
/// Longest single value, in bytes.
pub const MAX_VALUE_BYTES: usize = 1 << 20;

const HEADER: &str = "// recense: census of digital commons (recensement des communs numériques).\n\
// Values may be edited by hand: recense notices and records such edits.\n";

/// What loading noticed without refusing the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// The file's checksum is missing or does not match: it was changed
    /// outside recense (by hand, or damaged in transit).
    pub checksum: ChecksumState,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ChecksumState {
    #[default]
    Valid,
    Missing,
    Mismatch,
}

// ---------------------------------------------------------------- reading

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value: \"text\" or {\"key\": \"text\"}")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
                Ok(Value::Text(s.to_string()))
            }
            fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
                Ok(Value::Text(s))
            }
            // Numbers typed by hand without quotes are taken as text.
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
                Ok(Value::Text(n.to_string()))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
                Ok(Value::Text(n.to_string()))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Value, E> {
                Ok(Value::Text(n.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    out.insert(k, v);
                }
                Ok(Value::Record(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// `agent:counter date hash`, e.g. `k3x9q:2 2026-11-29T13:31:27Z 5e2a9c`.
fn parse_stamp(s: &str) -> Option<(Dot, Timestamp, u32)> {
    let mut parts = s.split(' ');
    let (agent, counter) = parts.next()?.split_once(':')?;
    let at = Timestamp::parse(parts.next()?)?;
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
                parse_stamp(s).map(|p| StampText(Some(p))).ok_or_else(|| {
                    E::custom(format!("stamp {s:?}: expected \"agent:counter date hash\""))
                })
            }
        }
        d.deserialize_str(V)
    }
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Entry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an entry (\"value\", \"stamp\")")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Entry, A::Error> {
                let value: Value = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                if value.byte_len() > MAX_VALUE_BYTES {
                    return Err(de::Error::custom(format!(
                        "value longer than {MAX_VALUE_BYTES} bytes"
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
        d.deserialize_tuple(2, V)
    }
}

impl<'de> Deserialize<'de> for Seen {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<AgentId, u32>::deserialize(d)?;
        Ok(Seen(map.into_iter().collect()))
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct InitiativeFile {
    id: InitiativeId,
    seen: Seen,
    #[serde(default)]
    fields: BTreeMap<String, Vec<Entry>>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CensusFile {
    format: u32,
    territory: String,
    schema: String,
    schema_version: u32,
    #[serde(default)]
    agents: BTreeMap<AgentId, String>,
    initiatives: Vec<InitiativeFile>,
    #[serde(default)]
    checksum: String,
}

/// The format version declared near the top of a file, read before parsing so
/// that a newer file is refused instead of misread.
fn peek_format(source: &str) -> Option<u32> {
    let text = SourceText::new("", source);
    let at = text.find_key("format", 0)?;
    let rest = source[at + "format".len()..].trim_start_matches([' ', '\t', ':']);
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Reads a census from its text. `name` is used in messages (`name:line:col`).
pub fn parse(source: &str, name: &str) -> Result<(Census, LoadReport), LoadError> {
    let text = SourceText::new(name, source);
    if let Some(found) = peek_format(source)
        && found > FORMAT_VERSION
    {
        return Err(LoadError::NewerFormat {
            path: name.into(),
            found,
        });
    }
    let file: CensusFile =
        ron::Options::default()
            .from_str(source)
            .map_err(|e| LoadError::Syntax {
                location: text.location_of_span(&e.span),
                error: SyntaxError::from_ron(&e.code),
            })?;
    if file.format > FORMAT_VERSION {
        return Err(LoadError::NewerFormat {
            path: name.into(),
            found: file.format,
        });
    }
    let checksum = if file.checksum.is_empty() {
        ChecksumState::Missing
    } else if checksum_region(source).map(checksum_of) == Some(file.checksum.clone()) {
        ChecksumState::Valid
    } else {
        ChecksumState::Mismatch
    };

    let mut initiatives: Vec<Initiative> = file
        .initiatives
        .into_iter()
        .map(|f| {
            let mut i = Initiative {
                id: f.id,
                seen: f.seen,
                fields: f.fields,
            };
            i.normalize();
            i
        })
        .collect();
    // Files edited by hand may be out of order; the canonical order is by id.
    if !initiatives.is_sorted_by(|a, b| a.id < b.id) {
        initiatives.sort_by(|a, b| a.id.cmp(&b.id));
        if let Some(w) = initiatives.windows(2).find(|w| w[0].id == w[1].id) {
            let id = w[0].id.clone();
            let first = text.find_string(id.as_str(), 0).unwrap_or(0);
            let second = text.find_string(id.as_str(), first + 1).unwrap_or(first);
            return Err(LoadError::DuplicateInitiative {
                location: text.location(second),
                id,
            });
        }
    }
    let census = Census {
        territory: file.territory,
        schema_id: file.schema,
        schema_version: file.schema_version,
        agents: file.agents,
        initiatives,
    };
    Ok((census, LoadReport { checksum }))
}

// ---------------------------------------------------------------- writing

/// The part of a file its checksum covers: everything before the checksum line.
fn checksum_region(source: &str) -> Option<&str> {
    source.rfind("\n    checksum: \"").map(|i| &source[..=i])
}

fn checksum_of(region: &str) -> String {
    format!("{:016x}", crate::census::hash::fnv1a64(region.as_bytes()))
}

/// Writes a RON string literal; control characters are escaped so that every
/// entry stays on one line and nothing in a value can act on a terminal.
pub fn write_str_literal(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_value(out: &mut String, v: &Value) {
    match v {
        Value::Text(s) => write_str_literal(out, s),
        Value::Record(map) => {
            out.push('{');
            for (n, (k, v)) in map.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                write_str_literal(out, k);
                out.push_str(": ");
                write_str_literal(out, v);
            }
            out.push('}');
        }
    }
}

fn write_entry(out: &mut String, e: &Entry) {
    out.push('(');
    write_value(out, &e.value);
    let stamp = match e.stamp {
        Stamp::Recorded { dot, at } => Some((dot, at, e.value.short_hash())),
        // An edit not yet adopted keeps its old hash, so it stays visible.
        Stamp::HandEdited { dot, at, hash } => Some((dot, at, hash)),
        Stamp::Bare => None,
    };
    if let Some((dot, at, hash)) = stamp {
        let _ = write!(out, ", \"{}:{} {at} {hash:06x}\"", dot.agent, dot.counter);
    }
    out.push(')');
}

fn write_initiative(out: &mut String, i: &Initiative) {
    out.push_str("        (\n            id: ");
    write_str_literal(out, i.id.as_str());
    out.push_str(",\n            seen: {");
    for (n, (agent, counter)) in i.seen.0.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "\"{agent}\": {counter}");
    }
    out.push_str("},\n            fields: {\n");
    for (field, entries) in &i.fields {
        out.push_str("                ");
        write_str_literal(out, field);
        out.push_str(": [");
        if let [one] = entries.as_slice() {
            write_entry(out, one);
        } else {
            out.push('\n');
            for e in entries {
                out.push_str("                    ");
                write_entry(out, e);
                out.push_str(",\n");
            }
            out.push_str("                ");
        }
        out.push_str("],\n");
    }
    out.push_str("            },\n        ),\n");
}

/// The canonical text of one initiative, as it stands in the file.
pub fn initiative_canonical(i: &Initiative) -> String {
    let mut out = String::new();
    write_initiative(&mut out, i);
    out
}

/// The canonical text of a census.
pub fn to_canonical(census: &Census) -> String {
    let estimate = 256 + census.initiatives.len() * 1400;
    let mut out = String::with_capacity(estimate);
    out.push_str(HEADER);
    let _ = writeln!(out, "(\n    format: {FORMAT_VERSION},");
    out.push_str("    territory: ");
    write_str_literal(&mut out, &census.territory);
    out.push_str(",\n    schema: ");
    write_str_literal(&mut out, &census.schema_id);
    let _ = writeln!(out, ",\n    schema_version: {},", census.schema_version);
    out.push_str("    agents: {");
    if !census.agents.is_empty() {
        out.push('\n');
        for (id, name) in &census.agents {
            let _ = write!(out, "        \"{id}\": ");
            write_str_literal(&mut out, name);
            out.push_str(",\n");
        }
        out.push_str("    ");
    }
    out.push_str("},\n    initiatives: [");
    if !census.initiatives.is_empty() {
        out.push('\n');
        for i in &census.initiatives {
            write_initiative(&mut out, i);
        }
        out.push_str("    ");
    }
    out.push_str("],\n");
    let sum = checksum_of(&out);
    let _ = writeln!(out, "    checksum: \"{sum}\",\n)");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Census {
        let mut c = Census::new("Pays de Brest", "communs-numeriques", 1);
        let a = AgentId::parse("k3x9q").unwrap();
        c.agents.insert(a, "Marie \"Mimi\" Le Gall".into());
        let mut i = Initiative::new(InitiativeId::parse("01JDQ3B8R2V6TXYZAB00000001").unwrap());
        let d = i.next_dot(a);
        let t = Timestamp::parse("2026-11-29T13:31:27Z").unwrap();
        i.write("nom", Value::text("Infini"), d, t);
        i.write(
            "notes",
            Value::text("ligne 1\nligne \"2\"\t\u{1b}[2J"),
            d,
            t,
        );
        i.add_element("roles", Value::text("contributeur"), d, t);
        i.add_element("roles", Value::text("academique"), d, t);
        let mut rec = BTreeMap::new();
        rec.insert("kind".to_string(), "visite".to_string());
        i.write("_x", Value::Record(rec), d, t);
        c.insert(i);
        c
    }

    #[test]
    fn round_trip_is_byte_identical() {
        let c = sample();
        let text = to_canonical(&c);
        let (back, report) = parse(&text, "t.ron").unwrap();
        assert_eq!(back, c);
        assert_eq!(report.checksum, ChecksumState::Valid);
        assert_eq!(to_canonical(&back), text);
        // Control characters are escaped, never raw in the file.
        assert!(text.contains("\\u{1b}[2J"));
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn a_value_changed_by_hand_is_noticed() {
        let text = to_canonical(&sample()).replace("\"Infini\"", "\"Infini Brest\"");
        let (c, report) = parse(&text, "t.ron").unwrap();
        assert_eq!(report.checksum, ChecksumState::Mismatch);
        let hand = c.hand_edits();
        assert_eq!(hand.len(), 1);
        assert_eq!(hand[0].1, "nom");
        assert_eq!(c.initiatives[0].value("nom"), Some("Infini Brest"));
        // Saving keeps the edit visible (old hash kept) until it is adopted.
        let (again, _) = parse(&to_canonical(&c), "t.ron").unwrap();
        assert_eq!(again.hand_edits().len(), 1);
    }

    #[test]
    fn newer_format_is_refused_before_parsing() {
        let text = to_canonical(&sample()).replace("format: 1,", "format: 2, surprise: [1,");
        assert!(matches!(
            parse(&text, "t.ron"),
            Err(LoadError::NewerFormat { found: 2, .. })
        ));
    }

    #[test]
    fn truncated_file_is_a_located_error() {
        let text = to_canonical(&sample());
        let cut = &text[..text.len() / 2];
        match parse(cut, "t.ron") {
            Err(LoadError::Syntax { location, .. }) => assert!(location.line > 1),
            other => panic!("{other:?}"),
        }
    }
}
