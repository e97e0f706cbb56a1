//! Noticing a census file that went back in time: put back by `git revert`,
//! `git checkout OLD -- FILE` or a copy, it has seen fewer writes than what
//! this copy is known to have received. Such a file is not broken, but the
//! values it went back to will not stick: the next merge brings back every
//! newer value (see `docs/merge.md`, « git et recense »).

use std::path::Path;

use crate::census::exchange::Peers;
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Seen};

/// What shows that the census had seen more before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Witness {
    /// A file received from this colleague and merged here (`FILE.peers.ron`).
    Peer(AgentId),
    /// The version before recense's last save (`FILE.bak`).
    Backup,
    /// A committed version of the file in its git repository (`HEAD`, `HEAD~1`).
    Revision(String),
}

/// The census has seen fewer writes than `witness` shows it had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WentBack {
    pub witness: Witness,
    /// Agents some of whose writes the census no longer has seen.
    pub agents: Vec<AgentId>,
    /// Initiatives concerned (missing, or having seen less).
    pub initiatives: usize,
}

/// Compares what `census` has seen with what `known` says it had seen.
fn behind<'a>(
    census: &Census,
    known: impl Iterator<Item = (&'a InitiativeId, &'a Seen)>,
) -> (Vec<AgentId>, usize) {
    let mut agents: Vec<AgentId> = Vec::new();
    let mut initiatives = 0;
    for (id, seen) in known {
        let mine = census.get(id).map(|i| &i.seen);
        let missing: Vec<AgentId> = (seen.0.iter())
            .filter(|(a, c)| mine.map_or(0, |m| m.get(a)) < *c)
            .map(|(a, _)| *a)
            .collect();
        if !missing.is_empty() {
            initiatives += 1;
            agents.extend(missing);
        }
    }
    agents.sort();
    agents.dedup();
    (agents, initiatives)
}

/// Every sign that `census` (the file at `census_path`) went back in time:
/// against each colleague whose files were merged here, and against the
/// `earlier` versions given (its backup, its last commits), each of which it
/// should have seen whole.
pub fn went_back(
    census: &Census,
    census_path: &Path,
    earlier: &[(Witness, Census)],
) -> Vec<WentBack> {
    let mut out = Vec::new();
    let peers = Peers::load(census_path);
    let known = (peers.known())
        .map(|(peer, known)| (Witness::Peer(*peer), behind(census, known.iter())))
        .chain(earlier.iter().map(|(witness, old)| {
            let seen = old.initiatives.iter().map(|i| (&i.id, &i.seen));
            (witness.clone(), behind(census, seen))
        }));
    for (witness, (agents, initiatives)) in known {
        if initiatives > 0 {
            out.push(WentBack {
                witness,
                agents,
                initiatives,
            });
        }
    }
    out
}
