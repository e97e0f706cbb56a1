//! The journal: changes appended to `FILE.journal` and fsynced one by one, so
//! that saving a change costs the size of one initiative, not of the census.
//!
//! Each record is the whole initiative after the change, with the display
//! names of the agents, and replaying a record replaces the initiative: the
//! same record applied twice gives the same census. A record is framed:
//!
//! ```text
//! // change LENGTH CHECKSUM
//! (agents: {…}, initiative: (…))
//! // end of change
//! ```
//!
//! LENGTH is the byte length of the body and CHECKSUM its FNV-1a hash, so a
//! record cut by a crash or a full disk is recognised wherever it is, even
//! when a later append succeeded: it is skipped (and said), the records
//! before and after it are replayed. Journals written before the frame (a
//! body ended by the end line) still replay. The journal is emptied by the
//! next full save.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::de::InitiativeFile;
use super::ser::{write_initiative, write_str_literal};
use crate::census::error::{LoadError, SaveError};
use crate::census::hash::fnv1a64;
use crate::census::id::{AgentId, InitiativeId};
use crate::census::locate::Location;
use crate::census::model::{Census, Initiative};

/// Ends every record: a record without it was being written during a crash.
const END: &str = "// end of change\n";
/// Starts every framed record, followed by its length and checksum.
const HEADER: &str = "// change ";

/// What a replay did: the changes applied, and where records that were cut
/// or damaged (never acknowledged as saved) were skipped.
#[derive(Debug, Default)]
pub struct Replayed {
    pub count: usize,
    pub skipped: Vec<Location>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    agents: BTreeMap<AgentId, String>,
    initiative: InitiativeFile,
}

/// The journal of a census file: `FILE.journal`.
pub fn journal_path(census: &Path) -> PathBuf {
    let mut name = census.file_name().unwrap_or_default().to_os_string();
    name.push(".journal");
    census.with_file_name(name)
}

/// Appends the current state of one initiative, and fsyncs.
pub fn append(census_path: &Path, census: &Census, id: &InitiativeId) -> Result<(), SaveError> {
    append_to(&journal_path(census_path), census, id)
}

/// Appends the current state of one initiative to the journal at `path`
/// (a session's own, see `census::sharing`), and fsyncs.
pub fn append_to(path: &Path, census: &Census, id: &InitiativeId) -> Result<(), SaveError> {
    let path = path.to_path_buf();
    let io = |error| SaveError::Io {
        path: path.clone(),
        error,
    };
    let Some(initiative) = census.get(id) else {
        return Ok(());
    };
    let mut text = String::from("(\n    agents: {");
    for (n, (agent, name)) in census.agents.iter().enumerate() {
        if n > 0 {
            text.push_str(", ");
        }
        text.push_str(&format!("\"{agent}\": "));
        write_str_literal(&mut text, name);
    }
    text.push_str("},\n    initiative:\n");
    write_initiative(&mut text, initiative);
    // `write_initiative` ends the tuple with "),\n" as in a list.
    text.truncate(text.trim_end_matches([',', '\n']).len());
    text.push_str("\n)\n");
    let mut record = format!("{HEADER}{} {:016x}\n", text.len(), fnv1a64(text.as_bytes()));
    record.push_str(&text);
    record.push_str(END);
    let text = record;
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(io)?;
    f.write_all(text.as_bytes()).map_err(io)?;
    f.sync_all().map_err(io)
}

/// Applies the journal of `census_path` to `census`, if there is one.
/// Records cut or damaged are skipped and listed; the others are applied.
pub fn replay(census_path: &Path, census: &mut Census) -> Result<Replayed, LoadError> {
    replay_at(&journal_path(census_path), census, false)
}

/// Applies the journal at `path` to `census`: each record replaces its
/// initiative, or, with `join`, is joined with it (a session's journal,
/// whose records may be older than the file's copy: see
/// `census::sharing`).
pub fn replay_at(path: &Path, census: &mut Census, join: bool) -> Result<Replayed, LoadError> {
    let path = path.to_path_buf();
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Replayed::default()),
        Err(error) => return Err(LoadError::Io { path, error }),
    };
    let name = path.display().to_string();
    let mut replayed = Replayed::default();
    let mut pos = 0;
    let mut damaged = false;
    while pos < bytes.len() {
        let read = framed(&bytes, pos).or_else(|| legacy(&bytes, pos));
        let Some((record, next)) = read else {
            // Cut or damaged (said once for a damaged stretch): on to the
            // next framed record, which may start mid-line after a cut.
            if !damaged {
                let line = 1 + bytes[..pos].iter().filter(|&&b| b == b'\n').count();
                let start = bytes[..pos]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let column = 1 + String::from_utf8_lossy(&bytes[start..pos]).chars().count();
                replayed.skipped.push(Location {
                    file: name.clone(),
                    line,
                    column,
                });
            }
            damaged = true;
            pos = next_header(&bytes, pos + 1).unwrap_or(bytes.len());
            continue;
        };
        damaged = false;
        census.agents.extend(record.agents);
        let mut i = Initiative {
            id: record.initiative.id.id,
            seen: record.initiative.seen,
            fields: record.initiative.fields,
            cycle_survivor: false,
        };
        i.normalize();
        if join && let Some(ours) = census.get(&i.id) {
            i = crate::census::merge::join_initiative(ours, &i);
        }
        census.insert(i);
        replayed.count += 1;
        pos = next;
    }
    if replayed.count > 0 {
        crate::census::cycles::mark(census);
    }
    Ok(replayed)
}

/// The records of the journal of `census_path` that are cut or damaged,
/// without applying any (for `validate` and `doctor`).
pub fn check(census_path: &Path) -> Result<Vec<Location>, LoadError> {
    let mut scratch = Census::new("", "", 0);
    replay(census_path, &mut scratch).map(|r| r.skipped)
}

/// A framed record starting at `pos`, if whole and its checksum right;
/// with where the next one starts.
fn framed(bytes: &[u8], pos: usize) -> Option<(Record, usize)> {
    let rest = bytes[pos..].strip_prefix(HEADER.as_bytes())?;
    let eol = rest.iter().position(|&b| b == b'\n')?;
    let header = std::str::from_utf8(&rest[..eol]).ok()?;
    let (len, sum) = header.split_once(' ')?;
    let len: usize = len.parse().ok()?;
    let sum = u64::from_str_radix(sum, 16).ok()?;
    let body = rest.get(eol + 1..eol + 1 + len)?;
    let after = &rest[eol + 1 + len..];
    if fnv1a64(body) != sum || !after.starts_with(END.as_bytes()) {
        return None;
    }
    let record = parse(body)?;
    let next = pos + HEADER.len() + eol + 1 + len + END.len();
    Some((record, next))
}

/// A record written before the frame: a body ended by the end line.
fn legacy(bytes: &[u8], pos: usize) -> Option<(Record, usize)> {
    let rest = &bytes[pos..];
    if rest.starts_with(HEADER.as_bytes()) {
        return None;
    }
    let end = find(rest, END.as_bytes())?;
    let record = parse(&rest[..end])?;
    Some((record, pos + end + END.len()))
}

fn parse(body: &[u8]) -> Option<Record> {
    let text = std::str::from_utf8(body).ok()?;
    ron::Options::default().from_str(text).ok()
}

/// Where the next framed record begins, from `from` on (after a cut
/// record it starts mid-line).
fn next_header(bytes: &[u8], from: usize) -> Option<usize> {
    let start = from.min(bytes.len());
    find(&bytes[start..], HEADER.as_bytes()).map(|i| start + i)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Removes the journal (after a full save holds everything it had).
pub fn clear(census_path: &Path) {
    let _ = std::fs::remove_file(journal_path(census_path));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::Schema;
    use crate::census::ops::{Agent, Changes, parse_assignments};
    use crate::census::time::Timestamp;

    #[test]
    fn changes_replay_idempotently_and_a_torn_record_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.ron");
        let schema = Schema::default_schema();
        let mut census = crate::dev::generate(&schema, 20, 1);
        let saved = census.clone();
        let agent = Agent {
            id: AgentId::parse("zzzzz").unwrap(),
            name: "Zoé".into(),
        };
        let id = census.initiatives[3].id.clone();
        let set =
            parse_assignments(&schema, &census, &["notes=Vu au forum".into()], Some(&id)).unwrap();
        census
            .edit_initiative(&schema, &id, &agent, &Changes::set(set), Timestamp(5))
            .unwrap();
        append(&path, &census, &id).unwrap();
        append(&path, &census, &id).unwrap();

        let mut replayed = saved.clone();
        assert_eq!(replay(&path, &mut replayed).unwrap().count, 2);
        assert_eq!(replayed, census);

        // A crash in the middle of a third record.
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(journal_path(&path))
            .unwrap();
        f.write_all(b"(\n    agents: {\"zz").unwrap();
        let mut replayed = saved.clone();
        let r = replay(&path, &mut replayed).unwrap();
        assert_eq!((r.count, r.skipped.len()), (2, 1));
        assert_eq!(replayed, census);

        // A later append succeeds after the cut one (a full disk freed):
        // the cut record is skipped, the one after it kept.
        let other = census.initiatives[5].id.clone();
        let set =
            parse_assignments(&schema, &census, &["notes=Plus tard".into()], Some(&other)).unwrap();
        census
            .edit_initiative(&schema, &other, &agent, &Changes::set(set), Timestamp(6))
            .unwrap();
        append(&path, &census, &other).unwrap();
        let mut replayed = saved;
        let r = replay(&path, &mut replayed).unwrap();
        assert_eq!((r.count, r.skipped.len()), (3, 1));
        let text = std::fs::read_to_string(journal_path(&path)).unwrap();
        let cut = text.find("(\n    agents: {\"zz").unwrap();
        assert_eq!(r.skipped[0].line, text[..cut].lines().count() + 1);
        assert_eq!(replayed, census);
    }
}
