//! Going back to earlier values with a new write: `recense undo` and
//! `recense restore-from`.
//!
//! Putting an old file back (`git revert`, `git checkout OLD -- FILE`,
//! copying the `.bak`) puts back old entries *and an older `seen`*: the next
//! merge reads the newer values as writes not seen yet and brings them back.
//! Here the old values are written again as new edits of the person, with new
//! dots, over the current census: they supersede what they replace, in every
//! merge order, like any edit.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::census::error::LoadError;
use crate::census::file;
use crate::census::id::InitiativeId;
use crate::census::model::{Census, CounterExhausted, Dot, Entry, Initiative, Value, system};
use crate::census::ops::{Agent, next_once};
use crate::census::store;
use crate::census::time::Timestamp;

/// What to put back: everything, one initiative, one field (of every
/// initiative or of one).
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope<'a> {
    pub initiative: Option<&'a InitiativeId>,
    pub field: Option<&'a str>,
}

/// What becomes of initiatives the current census has and the old one has not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Created {
    /// Left as they are (`restore-from`): listed, not touched.
    Keep,
    /// Deleted (`undo`: the undone change created them).
    Delete,
}

/// One field put back: its values before and after (as text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub before: Vec<String>,
    pub after: Vec<String>,
}

/// What happened to a whole initiative, beside its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Only fields changed.
    Same,
    /// Deleted since, brought back.
    Undeleted,
    /// Deleted in the old census, deleted again.
    Deleted,
    /// Missing here (never received), taken whole from the old census.
    Added,
    /// Created by the undone change, deleted (`undo` only).
    DeletedCreated,
}

/// One initiative the restore changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub id: InitiativeId,
    pub name: String,
    pub state: State,
    pub fields: Vec<FieldChange>,
}

/// What a restore did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Restored {
    pub changed: Vec<Changed>,
    /// Initiatives created since the old census, left as they are.
    pub created_since: Vec<(InitiativeId, String)>,
}

impl Restored {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
    }
}

/// A value as a person reads it in a summary.
pub fn value_text(value: &Value) -> String {
    match value {
        Value::Text(s) => s.to_string(),
        Value::Record(map) => {
            let parts: Vec<String> = map.iter().map(|(k, v)| format!("{k}: {v}")).collect();
            format!("{{{}}}", parts.join(", "))
        }
    }
}

fn name_of(i: &Initiative) -> String {
    i.value("nom").unwrap_or_default().to_string()
}

/// The distinct values of a field, in canonical order.
fn distinct(entries: &[Entry]) -> Vec<&Value> {
    let mut out: Vec<&Value> = Vec::new();
    for e in entries {
        if !out.contains(&&e.value) {
            out.push(&e.value);
        }
    }
    out
}

/// A tombstone recording what the deletion saw (as `delete_initiative`),
/// the values written with the same dot included.
fn tombstone(i: &mut Initiative, dot: Dot, now: Timestamp) {
    let context = (i.seen.0.iter())
        .map(|(a, c)| (a.to_string(), c.to_string()))
        .collect();
    i.write(system::DELETED, Value::record(context), dot, now);
}

/// Gives one field of `i` the values it has in `old`: values it has that
/// `old` has not are removed, values of `old` it lacks are added with the
/// action's dot. Values both have keep their entries (author, date).
fn restore_field(
    i: &mut Initiative,
    old: &Initiative,
    field: &str,
    dot: &mut Option<Dot>,
    agent: &Agent,
    now: Timestamp,
) -> Result<Option<FieldChange>, CounterExhausted> {
    let wanted: Vec<Value> = distinct(old.entries(field)).into_iter().cloned().collect();
    let entries = i.entries(field);
    let has: Vec<Value> = distinct(entries).into_iter().cloned().collect();
    let same = wanted.len() == has.len()
        && wanted.iter().all(|v| has.contains(v))
        && !entries.iter().any(|e| e.stamp.is_hand_edit());
    if same {
        return Ok(None);
    }
    let change = FieldChange {
        field: field.to_string(),
        before: has.iter().map(value_text).collect(),
        after: wanted.iter().map(value_text).collect(),
    };
    let mut list: Vec<Entry> = entries
        .iter()
        .filter(|e| wanted.contains(&e.value) && !e.stamp.is_hand_edit())
        .cloned()
        .collect();
    for v in &wanted {
        if !list.iter().any(|e| &e.value == v) {
            let d = next_once(dot, i, agent.id)?;
            list.push(Entry::new(v.clone(), d, now));
        }
    }
    list.sort_by(Entry::canonical_cmp);
    i.fields.insert(field, list.into_iter().collect());
    if i.entries(field).is_empty() {
        i.fields.remove(field);
    }
    Ok(Some(change))
}

/// Puts back, in `i`, the values `old` has (within `field` when given).
fn restore_initiative(
    i: &mut Initiative,
    old: &Initiative,
    field: Option<&str>,
    agent: &Agent,
    now: Timestamp,
) -> Result<Option<Changed>, CounterExhausted> {
    let mut fields: Vec<String> = match field {
        Some(f) => vec![f.to_string()],
        None => (old.fields.keys().chain(i.fields.keys()))
            .map(String::from)
            .collect(),
    };
    fields.sort_unstable();
    fields.dedup();
    let before = i.clone();
    let mut dot = None;
    let mut changes = Vec::new();
    for f in &fields {
        if f == system::MODIFIED || f == system::DELETED {
            continue;
        }
        changes.extend(restore_field(i, old, f, &mut dot, agent, now)?);
    }
    let mut state = State::Same;
    if field.is_none() {
        match (old.is_deleted(), before.is_deleted()) {
            (true, false) => {
                let d = next_once(&mut dot, i, agent.id)?;
                tombstone(i, d, now);
                state = State::Deleted;
            }
            (false, true) => {
                i.clear(system::DELETED);
                state = State::Undeleted;
            }
            _ => {}
        }
    }
    if changes.is_empty() && state == State::Same {
        *i = before;
        return Ok(None);
    }
    if dot.is_none() {
        // Only removals: say who and when all the same.
        i.touch(agent.id, now)?;
    }
    Ok(Some(Changed {
        id: i.id.clone(),
        name: name_of(i),
        state,
        fields: changes,
    }))
}

/// Writes into `current`, as new edits of `agent`, the values `old` holds
/// (all of them, or those of `scope`). An initiative deleted since is
/// brought back; one `current` lacks is taken whole; one created since is
/// kept or deleted as `created` says. Nothing changes when nothing differs.
pub fn restore_from(
    current: &mut Census,
    old: &Census,
    scope: Scope,
    created: Created,
    agent: &Agent,
    now: Timestamp,
) -> Result<Restored, CounterExhausted> {
    // Values erased since (RGPD) are not taken back.
    let shielded = crate::census::erase::shield(old, current);
    let old = shielded.as_ref().unwrap_or(old);
    let mut ids: Vec<InitiativeId> = match scope.initiative {
        Some(id) => vec![id.clone()],
        None => (old.initiatives.iter().chain(&current.initiatives))
            .map(|i| i.id.clone())
            .collect(),
    };
    ids.sort();
    ids.dedup();
    let mut out = Restored::default();
    // Inserted once every initiative is done: a refusal changes nothing.
    let mut restored = Vec::new();
    for id in ids {
        match (old.get(&id), current.get(&id)) {
            (Some(o), Some(c)) if !(o.is_deleted() && c.is_deleted()) => {
                let mut i = c.clone();
                if let Some(change) = restore_initiative(&mut i, o, scope.field, agent, now)? {
                    restored.push(i);
                    out.changed.push(change);
                }
            }
            (Some(o), None) if scope.field.is_none() && o.is_live() => {
                restored.push(o.clone());
                out.changed.push(Changed {
                    id,
                    name: name_of(o),
                    state: State::Added,
                    fields: Vec::new(),
                });
            }
            (None, Some(c)) if c.is_live() => {
                if created == Created::Delete && scope.field.is_none() {
                    let mut i = c.clone();
                    let d = i.next_dot(agent.id)?;
                    tombstone(&mut i, d, now);
                    out.changed.push(Changed {
                        id,
                        name: name_of(&i),
                        state: State::DeletedCreated,
                        fields: Vec::new(),
                    });
                    restored.push(i);
                } else {
                    out.created_since.push((id, name_of(c)));
                }
            }
            _ => {}
        }
    }
    for i in restored {
        current.insert(i);
    }
    if !out.changed.is_empty() && current.agents.get(&agent.id) != Some(&agent.name) {
        current.agents.insert(agent.id, agent.name.clone());
    }
    Ok(out)
}

/// Whether `later` holds everything `earlier` had seen: every initiative of
/// `earlier`, each having seen at least as many writes of every agent.
pub fn follows(later: &Census, earlier: &Census) -> bool {
    earlier.initiatives.iter().all(|e| {
        later
            .get(&e.id)
            .is_some_and(|l| e.seen.0.iter().all(|(a, c)| l.seen.get(a) >= *c))
    })
}

/// Why the old census could not be read.
#[derive(Debug)]
pub enum SourceError {
    /// A file that exists but cannot be read as a census.
    Load(LoadError),
    /// Neither a file nor a revision of the census in its git repository;
    /// `git` holds what git said (empty when git could not be run).
    Unknown {
        source: String,
        census: PathBuf,
        git: String,
    },
    /// The old census uses another form.
    Schema { ours: String, theirs: String },
}

/// Reads an old version of the census at `census`: the file `source` when
/// it exists, else the revision `source` of the census in its git repository
/// (`git show REV:FILE`, local objects only). Returns it with the name to
/// show for it.
pub fn read_source(census: &Path, source: &str) -> Result<(Census, String), SourceError> {
    let path = Path::new(source);
    let (old, name) = if path.is_file() {
        let (old, _) = store::load(path).map_err(SourceError::Load)?;
        (old, path.display().to_string())
    } else {
        read_revision(census, source)?
    };
    Ok((old, name))
}

/// Reads the revision `rev` of the census at `census` in its git repository;
/// returns it with its name (`REV:FILE`).
pub fn read_revision(census: &Path, rev: &str) -> Result<(Census, String), SourceError> {
    let text = git_show(census, rev)?;
    let name = format!("{rev}:{}", file_name(census));
    let (old, _) = file::parse(&text, &name).map_err(SourceError::Load)?;
    Ok((old, name))
}

fn file_name(census: &Path) -> String {
    census
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `git show REV:./FILE` in the census' folder.
fn git_show(census: &Path, rev: &str) -> Result<String, SourceError> {
    let dir = match census.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let unknown = |git: String| SourceError::Unknown {
        source: rev.to_string(),
        census: census.to_path_buf(),
        git,
    };
    if rev.starts_with('-') {
        return Err(unknown(String::new()));
    }
    let out = Command::new("git")
        .arg("show")
        .arg(format!("{rev}:./{}", file_name(census)))
        .current_dir(dir)
        // Never fetch missing objects from a remote (partial clones).
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .map_err(|_| unknown(String::new()))?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr);
        let first = said.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        return Err(unknown(first.trim().to_string()));
    }
    if out.stdout.len() as u64 > file::MAX_FILE_BYTES {
        return Err(SourceError::Load(LoadError::TooLarge {
            path: PathBuf::from(rev),
            size: out.stdout.len() as u64,
            max: file::MAX_FILE_BYTES,
        }));
    }
    String::from_utf8(out.stdout).map_err(|_| {
        SourceError::Load(LoadError::Syntax {
            location: crate::census::locate::SourceText::new(rev, "").location(0),
            error: crate::census::error::SyntaxError::NotUtf8,
        })
    })
}

/// Checks that an old census can be restored into `current`.
pub fn check_schema(current: &Census, old: &Census) -> Result<(), SourceError> {
    if current.schema_id == old.schema_id {
        Ok(())
    } else {
        Err(SourceError::Schema {
            ours: current.schema_id.clone(),
            theirs: old.schema_id.clone(),
        })
    }
}

/// Why `undo` has nothing to undo, or cannot undo it. Nothing was written.
#[derive(Debug)]
pub enum UndoError {
    /// No `FILE.bak`: recense never saved this census here.
    NoBackup { backup: PathBuf },
    /// The backup cannot be read.
    Backup(LoadError),
    /// The file was replaced since recense's last save (git, a copy): its
    /// backup is not the version before its last change.
    Replaced { census: PathBuf, backup: PathBuf },
    /// The census is the same as its backup.
    Nothing { backup: PathBuf },
    /// The backup holds the same version of this initiative.
    NothingFor { id: InitiativeId, backup: PathBuf },
    /// An agent's counter cannot be incremented: nothing was restored.
    Counter(CounterExhausted),
}

/// The census before recense's last save of the file at `census_path`:
/// its backup `FILE.bak`.
pub fn before_last_save(census_path: &Path) -> Result<Census, UndoError> {
    let backup = store::backup_path(census_path);
    if !backup.is_file() {
        return Err(UndoError::NoBackup { backup });
    }
    store::load(&backup)
        .map(|(c, _)| c)
        .map_err(UndoError::Backup)
}

/// Undoes the last change saved in the census at `census_path` (or, with
/// `initiative`, that change of that initiative) by writing back, as new
/// edits of `agent`, the values its backup holds; an initiative the change
/// created is deleted.
pub fn undo(
    current: &mut Census,
    census_path: &Path,
    initiative: Option<&InitiativeId>,
    agent: &Agent,
    now: Timestamp,
) -> Result<Restored, UndoError> {
    let before = before_last_save(census_path)?;
    let backup = store::backup_path(census_path);
    if !follows(current, &before) {
        return Err(UndoError::Replaced {
            census: census_path.to_path_buf(),
            backup,
        });
    }
    let scope = Scope {
        initiative,
        field: None,
    };
    let done = restore_from(current, &before, scope, Created::Delete, agent, now)
        .map_err(UndoError::Counter)?;
    match (done.is_empty(), initiative) {
        (false, _) => Ok(done),
        (true, None) => Err(UndoError::Nothing { backup }),
        (true, Some(id)) => Err(UndoError::NothingFor {
            id: id.clone(),
            backup,
        }),
    }
}

#[cfg(test)]
mod tests;
