//! Exchanging censuses with colleagues: merging a received file (with a
//! summary), small bundles of what changed, and what each colleague is known
//! to have (so a bundle for them holds only what they lack).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::census::conflicts::conflicts;
use crate::census::duplicates::pairs_involving;
use crate::census::error::{LoadError, SaveError};
use crate::census::file::{ChecksumState, write_str_literal};
use crate::census::id::{AgentId, InitiativeId};
use crate::census::merge::{MergeError, join};
use crate::census::model::{Census, Seen};
use crate::census::ops::Agent;
use crate::census::schema::Schema;
use crate::census::store;
use crate::census::time::Timestamp;

/// What a merge did, as told to the person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Initiatives the other copy brought.
    pub new: usize,
    /// Initiatives changed by the other copy's changes.
    pub updated: usize,
    /// Conflicts in the result (to settle with `recense conflicts`).
    pub conflicts: usize,
    /// Likely duplicates involving a new or changed initiative.
    pub duplicates: usize,
    /// Values changed by hand in the received file, kept as hand edits.
    pub hand_edits: usize,
}

/// Why a received file was refused.
#[derive(Debug)]
pub enum IncomingError {
    Load(LoadError),
    /// Truncated or changed on the way (or by hand): the checksum does not match.
    Checksum {
        path: PathBuf,
        missing: bool,
    },
    Merge(MergeError),
}

/// Reads a file received from a colleague. A file whose checksum is missing
/// or wrong is refused (a truncated or mangled attachment), unless the person
/// says they edited it on purpose.
pub fn read_incoming(path: &Path, accept_edited: bool) -> Result<Census, IncomingError> {
    read_incoming_noted(path, accept_edited).map(|(census, _)| census)
}

/// [`read_incoming`], with what loading noticed without refusing the file
/// (ids in small letters…), for the command line to say.
pub fn read_incoming_noted(
    path: &Path,
    accept_edited: bool,
) -> Result<(Census, crate::census::file::LoadReport), IncomingError> {
    let (census, report) = store::load(path).map_err(IncomingError::Load)?;
    match (report.checksum, &report.wrapped) {
        (ChecksumState::Valid, _) => Ok((census, report)),
        _ if accept_edited => Ok((census, report)),
        // A value cut by a mail program: say so rather than "damaged".
        (_, Some(location)) => Err(IncomingError::Load(LoadError::WrappedLine {
            location: location.clone(),
        })),
        (state, None) => Err(IncomingError::Checksum {
            path: path.to_path_buf(),
            missing: state == ChecksumState::Missing,
        }),
    }
}

/// Merges `theirs` into `ours`. Values changed by hand in `theirs` are first
/// adopted as hand edits of its sender ([`adopt_received`]), so that the
/// join keeps them.
pub fn merge_into(
    ours: &mut Census,
    schema: &Schema,
    theirs: &Census,
    agent: &Agent,
    now: Timestamp,
) -> Result<MergeSummary, MergeError> {
    let mut theirs = theirs.clone();
    let hand_edits = adopt_received(&mut theirs, agent, now);
    // A public copy's missing personal fields are unknown, not erased.
    crate::census::erase::public::fill_withheld(&mut theirs, ours);
    crate::census::erase::public::fill_withheld(ours, &theirs);
    merge_adopted(ours, schema, &theirs, hand_edits)
}

/// Adopts the hand edits of a received file as hand edits of its sender
/// (the agent whose copy it is, see [`sender`]), each a function of the
/// file's content: every colleague who receives the file makes the same
/// write, and the join sees one. A file naming no author (written entirely
/// by hand) gets the unknown author `~`, the same for every receiver.
pub fn adopt_received(theirs: &mut Census, receiver: &Agent, now: Timestamp) -> usize {
    if !theirs.has_hand_edits() {
        return 0;
    }
    let owner = sender(theirs)
        .or_else(|| AgentId::parse("~").ok())
        .unwrap_or(receiver.id);
    let name = theirs.agent_name(&owner).to_string();
    theirs.adopt_hand_edits_of(owner, &name, now)
}

/// Merges `theirs`, its hand edits already adopted ([`adopt_received`],
/// `hand_edits` of them), into `ours`.
pub fn merge_adopted(
    ours: &mut Census,
    schema: &Schema,
    theirs: &Census,
    hand_edits: usize,
) -> Result<MergeSummary, MergeError> {
    let merged = join(ours, theirs)?;
    let mut summary = MergeSummary {
        hand_edits,
        ..MergeSummary::default()
    };
    let mut touched: Vec<&InitiativeId> = Vec::new();
    for i in &merged.initiatives {
        match ours.get(&i.id) {
            None => {
                summary.new += 1;
                touched.push(&i.id);
            }
            Some(before) if before != i => {
                summary.updated += 1;
                touched.push(&i.id);
            }
            Some(_) => {}
        }
    }
    summary.conflicts = conflicts(&merged, schema).len();
    summary.duplicates = pairs_involving(&merged, schema, &touched).len();
    *ours = merged;
    Ok(summary)
}

/// The colleague a file most likely comes from: who made its latest change.
pub fn sender(census: &Census) -> Option<AgentId> {
    census
        .initiatives
        .iter()
        .flat_map(|i| i.fields.iter().flat_map(|(_, es)| es.iter()))
        .filter_map(|e| Some((e.stamp.at()?, e.stamp.dot()?.agent)))
        .max()
        .map(|(_, agent)| crate::census::hand::owner(census, agent))
}

/// A partial census: the same header, only the initiatives chosen (whole).
fn partial(census: &Census, keep: impl Fn(&crate::census::model::Initiative) -> bool) -> Census {
    Census {
        initiatives: census
            .initiatives
            .iter()
            .filter(|i| keep(i))
            .cloned()
            .collect(),
        ..census.clone()
    }
}

/// The initiatives with a change dated on or after `since`.
pub fn bundle_since(census: &Census, since: Timestamp) -> Census {
    partial(census, |i| {
        i.fields.iter().any(|(_, es)| {
            es.iter()
                .any(|e| e.stamp.at().is_some_and(|at| at >= since))
        })
    })
}

/// The initiatives a colleague does not have as they are here (as far as the
/// files received from them tell).
pub fn bundle_for(census: &Census, peers: &Peers, agent: &AgentId) -> Census {
    partial(census, |i| !peers.knows(agent, &i.id, &i.seen))
}

/// What each colleague is known to have: for each initiative, the `seen` of
/// the last file received from them. Kept beside the census
/// (`FILE.peers.ron`): local bookkeeping, never exchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Peers(BTreeMap<AgentId, BTreeMap<InitiativeId, Seen>>);

pub fn peers_path(census: &Path) -> PathBuf {
    let mut name = census.file_name().unwrap_or_default().to_os_string();
    name.push(".peers.ron");
    census.with_file_name(name)
}

impl Peers {
    /// The record kept beside a census; empty when there is none or it
    /// cannot be read (it only makes bundles smaller).
    pub fn load(census: &Path) -> Peers {
        let Ok(text) = std::fs::read_to_string(peers_path(census)) else {
            return Peers::default();
        };
        let raw: BTreeMap<AgentId, BTreeMap<InitiativeId, BTreeMap<AgentId, u32>>> =
            ron::from_str(&text).unwrap_or_default();
        Peers(
            raw.into_iter()
                .map(|(a, m)| {
                    (
                        a,
                        m.into_iter()
                            .map(|(id, s)| (id, Seen(s.into_iter().collect())))
                            .collect(),
                    )
                })
                .collect(),
        )
    }

    /// Each colleague, with the `seen` of each initiative of the files
    /// received from them.
    pub fn known(&self) -> impl Iterator<Item = (&AgentId, &BTreeMap<InitiativeId, Seen>)> {
        self.0.iter()
    }

    pub fn save(&self, census: &Path) -> Result<(), SaveError> {
        let mut out = String::from(
            "// recense: what each colleague is known to have (local, not exchanged)\n{\n",
        );
        for (agent, known) in &self.0 {
            out.push_str(&format!("    \"{agent}\": {{\n"));
            for (id, seen) in known {
                out.push_str("        ");
                write_str_literal(&mut out, id.as_str());
                out.push_str(": {");
                let parts: Vec<String> = seen
                    .0
                    .iter()
                    .map(|(a, c)| format!("\"{a}\": {c}"))
                    .collect();
                out.push_str(&parts.join(", "));
                out.push_str("},\n");
            }
            out.push_str("    },\n");
        }
        out.push_str("}\n");
        store::save_text_with(&peers_path(census), &out, store::Backup::None)
    }

    /// Records what a file received from `agent` says they have.
    pub fn record(&mut self, agent: AgentId, theirs: &Census) {
        let known = self.0.entry(agent).or_default();
        for i in &theirs.initiatives {
            // Writes a public copy left out were not received.
            let seen = if crate::census::erase::unseen::has_gaps(i) {
                &crate::census::erase::unseen::received(i)
            } else {
                &i.seen
            };
            known.entry(i.id.clone()).or_default().join(seen);
        }
    }

    /// Whether `agent` has seen everything of this initiative.
    pub fn knows(&self, agent: &AgentId, id: &InitiativeId, seen: &Seen) -> bool {
        self.0
            .get(agent)
            .and_then(|m| m.get(id))
            .is_some_and(|theirs| seen.0.iter().all(|(a, c)| theirs.get(a) >= *c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::ops::{Changes, parse_assignments};

    #[test]
    fn a_bundle_for_a_colleague_holds_only_what_they_lack() {
        let s = Schema::default_schema();
        let mut mine = crate::dev::generate(&s, 30, 5);
        let yann = AgentId::parse("yannn").unwrap();
        let mut peers = Peers::default();
        peers.record(yann, &mine);
        assert!(bundle_for(&mine, &peers, &yann).initiatives.is_empty());
        let marie = Agent {
            id: AgentId::parse("marie").unwrap(),
            name: "Marie".into(),
        };
        let id = mine.initiatives[7].id.clone();
        let set = parse_assignments(&s, &mine, &["notes=Vu".into()], Some(&id)).unwrap();
        mine.edit_initiative(&s, &id, &marie, &Changes::set(set), Timestamp(10))
            .unwrap();
        let bundle = bundle_for(&mine, &peers, &yann);
        assert_eq!(bundle.initiatives.len(), 1);
        assert_eq!(bundle.initiatives[0].id, id);
        // Nobody known: everything.
        assert_eq!(bundle_for(&mine, &peers, &marie.id).initiatives.len(), 30);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.ron");
        peers.save(&path).unwrap();
        assert_eq!(Peers::load(&path), peers);
    }

    /// After every date of the generated census.
    fn later(n: i64) -> Timestamp {
        Timestamp(Timestamp::parse("2030-01-01").unwrap().0 + n)
    }

    #[test]
    fn merging_says_what_it_did() {
        let s = Schema::default_schema();
        let base = crate::dev::generate(&s, 10, 1);
        let mut mine = base.clone();
        let mut theirs = base.clone();
        let yann = Agent {
            id: AgentId::parse("yannn").unwrap(),
            name: "Yann".into(),
        };
        let marie = Agent {
            id: AgentId::parse("marie").unwrap(),
            name: "Marie".into(),
        };
        let id = base.initiatives[2].id.clone();
        for (copy, who, note) in [(&mut mine, &marie, "A"), (&mut theirs, &yann, "B")] {
            let set = parse_assignments(&s, copy, &[format!("notes={note}")], Some(&id)).unwrap();
            copy.edit_initiative(&s, &id, who, &Changes::set(set), later(0))
                .unwrap();
        }
        let v = parse_assignments(
            &s,
            &theirs,
            &[
                "nom=Nouveau lieu".into(),
                "type=tiers_lieu".into(),
                "commune=Brest".into(),
            ],
            None,
        )
        .unwrap();
        theirs.add_initiative(&s, &yann, &v, later(1)).unwrap();
        let summary = merge_into(&mut mine, &s, &theirs, &marie, later(2)).unwrap();
        assert_eq!((summary.new, summary.updated, summary.conflicts), (1, 1, 1));
        assert_eq!(sender(&theirs), Some(yann.id));
    }
}
