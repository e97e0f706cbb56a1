//! The census file: UTF-8 RON, one canonical form.
//!
//! Reading goes through `ron` into typed structs; writing is done here by hand
//! so that the output is canonical (sorted, fixed layout, one entry per line):
//! saving the same data twice gives the same bytes, and changing one field
//! changes only the lines around it.

mod de;
pub(crate) mod footer;
pub mod journal;
pub(crate) mod received;
mod ser;
mod split;

use crate::census::error::{LoadError, SyntaxError};
use crate::census::locate::{Location, SourceText};
use crate::census::model::{Census, FORMAT_VERSION, Initiative, Stamp};

pub use ser::{initiative_canonical, to_canonical, write_str_literal};

/// Largest file read (a census of 100 000 initiatives is about 150 MiB).
pub const MAX_FILE_BYTES: u64 = 1 << 30;
/// Longest single value, in bytes.
pub const MAX_VALUE_BYTES: usize = 1 << 20;

pub(crate) const HEADER: &str = "// recense: census of digital commons (recensement des communs numériques).\n\
// Values may be edited by hand: recense notices and records such edits.\n";

/// What loading noticed without refusing the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// The file's checksum is missing or does not match: it was changed
    /// outside recense (by hand, or damaged in transit).
    pub checksum: ChecksumState,
    /// Changes replayed from the journal (`FILE.journal`).
    pub journal: usize,
    /// Where a value was cut by a mail program (when the checksum does not
    /// match because of it): the file travelled in the body of a message.
    pub wrapped: Option<Location>,
    /// The footer of a file from which initiative blocks were deleted by
    /// hand (what it recorded), to tell how many and, at a merge, which.
    pub deleted_by_hand: Option<footer::Recorded>,
    /// Journal records cut or damaged (a crash or a full disk during an
    /// append), skipped at replay.
    pub journal_skipped: Vec<Location>,
    /// Initiative ids written in small letters, read (and written back) in
    /// capitals: where, as written.
    pub ids_in_small_letters: Vec<(Location, String)>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ChecksumState {
    #[default]
    Valid,
    Missing,
    Mismatch,
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

/// Only the `ron` deserialisation of a census text into the file's types,
/// without any of the checks of [`parse`]: the baseline the benchmarks
/// compare loading with. Returns the number of initiatives.
#[doc(hidden)]
pub fn deserialize_only(source: &str) -> Result<impl Sized, ron::error::SpannedError> {
    ron::Options::default().from_str::<de::CensusFile>(source)
}

/// Reads a census from its text. `name` is used in messages (`name:line:col`).
pub fn parse(source: &str, name: &str) -> Result<(Census, LoadReport), LoadError> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    parse_with_threads(source, name, threads)
}

/// [`parse`] on at most `threads` threads (1: all on the calling thread).
pub fn parse_with_threads(
    source: &str,
    name: &str,
    threads: usize,
) -> Result<(Census, LoadReport), LoadError> {
    let text = SourceText::new(name, source);
    if let Some(found) = peek_format(source)
        && found > FORMAT_VERSION
    {
        return Err(LoadError::NewerFormat {
            location: text.location(text.find_key("format", 0).unwrap_or(0)),
            found,
        });
    }
    let large = threads > 1 && source.len() >= split::MIN_PARALLEL_BYTES;
    // A large file is parsed in pieces on every core, its checksum computed
    // meanwhile; a small one in one go.
    let (parallel, computed) = std::thread::scope(|scope| {
        let sum = large.then(|| scope.spawn(|| checksum_region(source).map(checksum_of)));
        let parallel = large
            .then(|| split::parse_parallel(source, threads))
            .flatten();
        (parallel, sum.and_then(|h| h.join().ok()))
    });
    let file: de::CensusFile = match parallel {
        Some(file) => file,
        None => ron::Options::default().from_str(source).map_err(|e| {
            let line = e.span.start.line;
            let error = at_the_end(source, line, SyntaxError::from_ron(&e.code));
            received::diagnose(source, name, line, &error).unwrap_or_else(|| LoadError::Syntax {
                location: text.location_of_span(&e.span),
                error,
            })
        })?,
    };
    if file.format > FORMAT_VERSION {
        return Err(LoadError::NewerFormat {
            location: text.location(text.find_key("format", 0).unwrap_or(0)),
            found: file.format,
        });
    }
    let bytes_match = computed
        .unwrap_or_else(|| checksum_region(source).map(checksum_of))
        .as_deref()
        == Some(file.checksum.as_str());
    let recorded = file.checksum;

    let mut small = Vec::new();
    let mut initiatives: Vec<Initiative> = file
        .initiatives
        .into_iter()
        .map(|f| {
            if let Some(typed) = f.id.typed {
                small.push(typed);
            }
            let mut i = Initiative {
                id: f.id.id,
                seen: f.seen,
                fields: f.fields,
                cycle_survivor: false,
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
            // A copy in small letters is the same initiative.
            let copy = (small.iter()).find(|t| t.eq_ignore_ascii_case(id.as_str()));
            let second = match copy {
                Some(t) => text.find_string(t, 0),
                None => text.find_string(id.as_str(), first + 1),
            };
            let second = second.unwrap_or(first);
            return Err(LoadError::DuplicateInitiative {
                location: text.location(second),
                id,
            });
        }
    }
    let mut census = Census {
        territory: file.territory,
        perimeter: file.perimeter.into(),
        schema_id: file.schema,
        schema_version: file.schema_version,
        agents: file.agents,
        initiatives,
    };
    // The checksum covers the content: a file only laid out differently
    // (re-indented, tabs, joined lines) holds the census recense wrote when
    // its canonical text gives the recorded sum. A canonical file's bytes
    // are that text, so the comparison of bytes settles the common case.
    let checksum = if recorded.is_empty() {
        ChecksumState::Missing
    } else if bytes_match
        || (stamps_intact(&census) && ser::canonical_checksums(&census).contains(&recorded))
    {
        ChecksumState::Valid
    } else {
        ChecksumState::Mismatch
    };
    // Blocks deleted by hand change the content: only then is the footer read.
    let ids = (checksum != ChecksumState::Valid)
        .then(|| footer::read(source))
        .flatten()
        .filter(|recorded| footer::deleted_by_hand(*recorded, &census) > 0);
    let wrapped = (checksum == ChecksumState::Mismatch)
        .then(|| received::wrapped_value(&census, source))
        .flatten()
        .map(|at| text.location(at));
    crate::census::cycles::mark(&mut census);
    Ok((
        census,
        LoadReport {
            checksum,
            journal: 0,
            wrapped,
            deleted_by_hand: ids,
            journal_skipped: Vec::new(),
            ids_in_small_letters: (small.into_iter())
                .map(|t| {
                    (
                        text.location(text.find_string(&t, 0).unwrap_or(0)),
                        t.into(),
                    )
                })
                .collect(),
        },
    ))
}

/// Whether every value still matches its stamp: a value edited or added by
/// hand changes the content, whatever the layout, so the canonical text need
/// not be written to know that the checksum cannot match.
fn stamps_intact(census: &Census) -> bool {
    census.initiatives.iter().all(|i| {
        i.fields
            .iter()
            .all(|(_, es)| es.iter().all(|e| matches!(e.stamp, Stamp::Recorded { .. })))
    })
}

/// A syntax error on the last lines of a file without its closing checksum
/// line is, almost always, a file cut short (an attachment truncated).
fn at_the_end(source: &str, line: usize, error: SyntaxError) -> SyntaxError {
    let lines = source.trim_end().lines().count();
    let ends_whole = source.contains("\n    checksum: \"");
    match error {
        SyntaxError::Expected(_) | SyntaxError::UnexpectedChar(_)
            if !ends_whole && line + 1 >= lines =>
        {
            SyntaxError::UnexpectedEnd
        }
        other => other,
    }
}

/// The part of a file its checksum covers: everything before the checksum line.
fn checksum_region(source: &str) -> Option<&str> {
    source.rfind("\n    checksum: \"").map(|i| &source[..=i])
}

pub(crate) fn checksum_of(region: &str) -> String {
    format!("{:016x}", crate::census::hash::fnv1a64(region.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::id::{AgentId, InitiativeId};
    use crate::census::model::Value;
    use crate::census::time::Timestamp;
    use std::collections::BTreeMap;

    fn sample() -> Census {
        let mut c = Census::new("Pays de Brest", "communs-numeriques", 1);
        let a = AgentId::parse("k3x9q").unwrap();
        c.agents.insert(a, "Marie \"Mimi\" Le Gall".into());
        let mut i = Initiative::new(InitiativeId::parse("01JDQ3B8R2V6TXYZAB00000001").unwrap());
        let d = i.next_dot(a).expect("a small counter");
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
        i.write("_x", Value::record(rec), d, t);
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
    fn the_checksum_covers_the_content_not_the_layout() {
        let text = to_canonical(&sample());
        let tabs = text.replace("    ", "\t");
        assert_ne!(tabs, text);
        assert_eq!(
            parse(&tabs, "t.ron").unwrap().1.checksum,
            ChecksumState::Valid
        );
        // Written before the footer line existed: still intact.
        let start = text.find("    // recense: ").unwrap();
        let end = start + text[start..].find('\n').unwrap() + 1;
        let mut old = format!("{}{}", &text[..start], &text[end..]);
        let region = checksum_region(&old).unwrap().len();
        let sum = checksum_of(&old[..region]);
        let at = old.rfind("checksum: \"").unwrap() + "checksum: \"".len();
        old.replace_range(at..at + 16, &sum);
        assert_eq!(
            parse(&old, "t.ron").unwrap().1.checksum,
            ChecksumState::Valid
        );
        let old_tabs = old.replace("    ", "\t");
        assert_eq!(
            parse(&old_tabs, "t.ron").unwrap().1.checksum,
            ChecksumState::Valid
        );
        // A real change of content is not.
        let changed = tabs.replace("\"academique\"", "\"contributeur\"");
        assert_eq!(
            parse(&changed, "t.ron").unwrap().1.checksum,
            ChecksumState::Mismatch
        );
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
