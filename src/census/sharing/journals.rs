//! The journals of the interface's sessions, one per session:
//! `FILE.journal.PID-HOST`. Each session appends only to its own; every
//! reader joins them all (see `docs/concurrency.md`).

use std::path::{Path, PathBuf};

use crate::census::file::journal;
use crate::census::model::Census;
use crate::census::store::host_tag;

/// The journal of one session, found beside a census.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionJournal {
    pub path: PathBuf,
    pub pid: u32,
    /// The machine, as in side files' names (empty when not written).
    pub host: String,
}

impl SessionJournal {
    /// Its session has ended without writing it into the census (a crash,
    /// a `kill -9`): its process no longer runs on this machine. Another
    /// machine's processes cannot be looked at: never dead.
    pub fn is_dead(&self) -> bool {
        Path::new("/proc/self").exists()
            && self.host == host_tag()
            && self.pid != std::process::id()
            && !Path::new(&format!("/proc/{}", self.pid)).exists()
    }
}

/// The journal of this process's session number `serial` (a process has
/// one, but tests open several) of the census at `census`:
/// `FILE.journal.PID-HOST`, `FILE.journal.PID.SERIAL-HOST` after the first.
pub fn own_journal(census: &Path, serial: u64) -> PathBuf {
    let mut name = journal::journal_path(census)
        .file_name()
        .unwrap_or_default()
        .to_os_string();
    let pid = std::process::id();
    name.push(match serial {
        0 => format!(".{pid}-{}", host_tag()),
        n => format!(".{pid}.{n}-{}", host_tag()),
    });
    census.with_file_name(name)
}

/// Every session journal beside the census at `census`, sorted by name.
pub fn session_journals(census: &Path) -> Vec<SessionJournal> {
    let legacy = journal::journal_path(census);
    let Some(name) = legacy.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let prefix = format!("{name}.");
    let dir = match census.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<SessionJournal> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let file = e.file_name();
            let rest = file.to_str()?.strip_prefix(&prefix)?;
            let (pid, host) = rest.split_once('-').unwrap_or((rest, ""));
            let pid = pid.split('.').next()?.parse().ok()?;
            e.file_type().ok()?.is_file().then(|| SessionJournal {
                path: census.with_file_name(&file),
                pid,
                host: host.to_string(),
            })
        })
        .collect();
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// Joins into `census` the records of every session journal of the census
/// at `census_path` but `skip`; returns how many records were joined. A
/// journal that cannot be read, or a record cut (being written, or by a
/// crash: never acknowledged), is passed over.
pub fn join_journals(census_path: &Path, census: &mut Census, skip: Option<&Path>) -> usize {
    session_journals(census_path)
        .iter()
        .filter(|j| Some(j.path.as_path()) != skip)
        .filter_map(|j| journal::replay_at(&j.path, census, true).ok())
        .map(|r| r.count)
        .sum()
}

/// Removes the journals of sessions that ended without writing them (see
/// [`SessionJournal::is_dead`]): called once a census holding them is
/// written.
pub fn remove_dead_journals(census: &Path) {
    for j in session_journals(census) {
        if j.is_dead() {
            let _ = std::fs::remove_file(&j.path);
        }
    }
}
