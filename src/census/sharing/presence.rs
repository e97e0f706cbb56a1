//! Who has a census open: `FILE.presence`, a RON list of the interface's
//! sessions, rewritten atomically under the census's lock when one opens
//! or ends. Entries of processes gone from this machine are dropped by the
//! next writer and ignored by readers.

use std::path::{Path, PathBuf};

use crate::census::error::SaveError;
use crate::census::file::write_str_literal;
use crate::census::id::AgentId;
use crate::census::ops::Agent;
use crate::census::store::{self, host_tag};

/// One open session.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct Present {
    pub pid: u32,
    pub host: String,
    /// The agent's id (two sessions of one person share it) and name.
    pub agent: String,
    pub name: String,
    /// Opened over SSH.
    pub ssh: bool,
    /// Which session of its process (one, but for tests).
    #[serde(default)]
    pub serial: u64,
}

impl Present {
    fn current(agent: &Agent, serial: u64) -> Present {
        Present {
            pid: std::process::id(),
            host: host_tag(),
            agent: agent.id.to_string(),
            name: agent.name.clone(),
            ssh: std::env::var_os("SSH_CONNECTION").is_some(),
            serial,
        }
    }

    /// The entry of this process's session number `serial`.
    pub fn is(&self, serial: u64) -> bool {
        self.pid == std::process::id() && self.host == host_tag() && self.serial == serial
    }

    /// Its process may still run: another machine's always may.
    pub fn may_run(&self) -> bool {
        self.host != host_tag()
            || !Path::new("/proc/self").exists()
            || Path::new(&format!("/proc/{}", self.pid)).exists()
    }

    /// Whether it is a session of `agent`.
    pub fn is_of(&self, agent: &AgentId) -> bool {
        self.agent == agent.as_str()
    }
}

/// `FILE.presence`.
pub fn presence_path(census: &Path) -> PathBuf {
    let mut name = census.file_name().unwrap_or_default().to_os_string();
    name.push(".presence");
    census.with_file_name(name)
}

/// Every entry of the presence file (none when it is missing or
/// unreadable: presence only informs).
pub fn read(census: &Path) -> Vec<Present> {
    std::fs::read_to_string(presence_path(census))
        .ok()
        .and_then(|text| ron::from_str(&text).ok())
        .unwrap_or_default()
}

/// The sessions that have the census open but session `serial` of this
/// process.
pub fn others(census: &Path, serial: u64) -> Vec<Present> {
    read(census)
        .into_iter()
        .filter(|p| !p.is(serial) && p.may_run())
        .collect()
}

/// Adds session `serial`; the caller holds the census's lock.
pub fn enter(census: &Path, agent: &Agent, serial: u64) -> Result<(), SaveError> {
    let mut list = others(census, serial);
    list.push(Present::current(agent, serial));
    write(census, &list)
}

/// Removes session `serial` (and those gone); the caller holds the lock.
pub fn leave(census: &Path, serial: u64) -> Result<(), SaveError> {
    let list = others(census, serial);
    if list.is_empty() {
        let _ = std::fs::remove_file(presence_path(census));
        return Ok(());
    }
    write(census, &list)
}

fn write(census: &Path, list: &[Present]) -> Result<(), SaveError> {
    let mut text = String::from("[\n");
    for p in list {
        text.push_str(&format!("    (pid: {}, host: ", p.pid));
        write_str_literal(&mut text, &p.host);
        text.push_str(", agent: ");
        write_str_literal(&mut text, &p.agent);
        text.push_str(", name: ");
        write_str_literal(&mut text, &p.name);
        text.push_str(&format!(", ssh: {}, serial: {}),\n", p.ssh, p.serial));
    }
    text.push_str("]\n");
    store::write_atomically(&presence_path(census), |w| w.write_all(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_enter_and_leave_and_the_dead_are_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let census = dir.path().join("c.ron");
        let marie = Agent {
            id: AgentId::parse("aaaaa").unwrap(),
            name: "Marie « M »".into(),
        };
        let dead = Present {
            pid: u32::MAX - 1,
            host: host_tag(),
            agent: "bbbbb".into(),
            name: "Pierre".into(),
            ssh: false,
            serial: 0,
        };
        let far = Present {
            host: format!("{}x", host_tag()),
            ..dead.clone()
        };
        write(&census, &[dead, far.clone()]).unwrap();
        enter(&census, &marie, 7).unwrap();
        let all = read(&census);
        assert_eq!(all.len(), 2, "the dead one dropped: {all:?}");
        assert_eq!(all[1].name, "Marie « M »");
        assert!(all[1].is(7) && !all[1].is(0) && all[1].is_of(&marie.id));
        assert_eq!(others(&census, 7), vec![far]);
        leave(&census, 7).unwrap();
        assert_eq!(read(&census).len(), 1);
    }
}
