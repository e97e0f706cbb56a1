//! The journal: changes appended to `FILE.journal` and fsynced one by one, so
//! that saving a change costs the size of one initiative, not of the census.
//!
//! Each record is the whole initiative after the change, with the display
//! names of the agents, and replaying a record replaces the initiative: the
//! same record applied twice gives the same census. A crash while appending
//! leaves at most an incomplete last record, which is ignored. The journal is
//! emptied by the next full save.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::de::InitiativeFile;
use super::ser::{write_initiative, write_str_literal};
use crate::census::error::{LoadError, SaveError};
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Initiative};

/// Ends every record: a record without it was being written during a crash.
const END: &str = "// end of change\n";

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
    let path = journal_path(census_path);
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
    text.push_str(END);
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(io)?;
    f.write_all(text.as_bytes()).map_err(io)?;
    f.sync_all().map_err(io)
}

/// Applies the journal of `census_path` to `census`, if there is one.
/// Returns how many changes were replayed.
pub fn replay(census_path: &Path, census: &mut Census) -> Result<usize, LoadError> {
    let path = journal_path(census_path);
    let source = match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(error) => return Err(LoadError::Io { path, error }),
    };
    let name = path.display().to_string();
    let text = crate::census::locate::SourceText::new(&name, &source);
    let mut count = 0;
    let mut start = 0;
    while let Some(end) = source[start..].find(END) {
        let record_text = &source[start..start + end];
        let record: Record = ron::Options::default().from_str(record_text).map_err(|e| {
            let mut location = text.location(start);
            location.line += e.span.start.line.saturating_sub(1);
            LoadError::Syntax {
                location,
                error: crate::census::error::SyntaxError::from_ron(&e.code),
            }
        })?;
        census.agents.extend(record.agents);
        let mut i = Initiative {
            id: record.initiative.id,
            seen: record.initiative.seen,
            fields: record.initiative.fields,
            cycle_survivor: false,
        };
        i.normalize();
        census.insert(i);
        count += 1;
        start += end + END.len();
    }
    if count > 0 {
        crate::census::cycles::mark(census);
    }
    Ok(count)
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
    fn changes_replay_idempotently_and_a_torn_record_is_ignored() {
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
        assert_eq!(replay(&path, &mut replayed).unwrap(), 2);
        assert_eq!(replayed, census);

        // A crash in the middle of a third record.
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(journal_path(&path))
            .unwrap();
        f.write_all(b"(\n    agents: {\"zz").unwrap();
        let mut replayed = saved;
        assert_eq!(replay(&path, &mut replayed).unwrap(), 2);
        assert_eq!(replayed, census);
    }
}
