//! Half-filled entries, kept beside the census (`FILE.draft`) and offered
//! back: a dropped SSH connection loses nothing typed, and several entries
//! may wait side by side.
//!
//! The file holds a list of drafts. A file written before there could be
//! several holds one draft alone (`( values: …, step: …, field: … )`): it
//! still loads, as a list of one.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::census::error::SaveError;
use crate::census::file::write_str_literal;

/// What the guided entry had when it was interrupted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Which entry it is, to replace it when that entry goes on (empty in a
    /// file of one draft written by an older version).
    #[serde(default)]
    pub id: String,
    /// Values typed so far, by field id, already checked.
    pub values: Vec<(String, Vec<String>)>,
    /// Where the entry was: step and field indexes.
    pub step: usize,
    pub field: usize,
    /// The initiative this one was copied from, if any.
    #[serde(default)]
    pub copy_of: Option<String>,
}

/// The file: a list, or one draft alone (older files).
#[derive(Deserialize)]
#[serde(untagged)]
enum DraftFile {
    Many(Vec<Draft>),
    One(Draft),
}

pub fn draft_path(census: &Path) -> PathBuf {
    let mut name = census.file_name().unwrap_or_default().to_os_string();
    name.push(".draft");
    census.with_file_name(name)
}

impl Draft {
    /// The first value typed in `field` (the name, to show the draft by).
    pub fn value(&self, field: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(f, _)| f == field)
            .and_then(|(_, v)| v.first())
            .map(String::as_str)
    }

    fn write_ron(&self, out: &mut String) {
        out.push_str("    (\n        id: ");
        write_str_literal(out, &self.id);
        out.push_str(",\n        values: [\n");
        for (field, values) in &self.values {
            out.push_str("            (");
            write_str_literal(out, field);
            out.push_str(", [");
            for (n, v) in values.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                write_str_literal(out, v);
            }
            out.push_str("]),\n");
        }
        out.push_str(&format!(
            "        ],\n        step: {},\n        field: {},\n",
            self.step, self.field
        ));
        if let Some(id) = &self.copy_of {
            out.push_str("        copy_of: Some(");
            write_str_literal(out, id);
            out.push_str("),\n");
        }
        out.push_str("    ),\n");
    }

    /// Keeps this draft beside the census, in place of the one of the same
    /// entry (same id) if there was one.
    pub fn save(&self, census: &Path) -> Result<(), SaveError> {
        let mut all = Draft::load_all(census);
        match all.iter_mut().find(|d| d.id == self.id) {
            Some(d) => *d = self.clone(),
            None => all.push(self.clone()),
        }
        write_all(census, &all)
    }

    /// Every draft kept beside a census, oldest first; none when there is no
    /// file or it cannot be read. Each has an id (a draft of an older file
    /// is given one).
    pub fn load_all(census: &Path) -> Vec<Draft> {
        let Ok(text) = std::fs::read_to_string(draft_path(census)) else {
            return Vec::new();
        };
        let mut all = match ron::from_str::<DraftFile>(&text) {
            Ok(DraftFile::Many(all)) => all,
            Ok(DraftFile::One(one)) => vec![one],
            Err(_) => Vec::new(),
        };
        for (n, d) in all.iter_mut().enumerate() {
            if d.id.is_empty() {
                d.id = format!("old-{n}");
            }
        }
        all
    }

    /// The first draft, if one was kept and can be read.
    pub fn load(census: &Path) -> Option<Draft> {
        Draft::load_all(census).into_iter().next()
    }

    /// Forgets the draft of one entry (the file goes with the last one).
    pub fn remove(census: &Path, id: &str) -> Result<(), SaveError> {
        let mut all = Draft::load_all(census);
        let before = all.len();
        all.retain(|d| d.id != id);
        if all.len() == before {
            return Ok(());
        }
        write_all(census, &all)
    }

    /// Forgets every draft.
    pub fn clear(census: &Path) {
        let _ = std::fs::remove_file(draft_path(census));
    }

    /// An id no draft of this census has.
    pub fn new_id(census: &Path) -> String {
        let taken: Vec<String> = Draft::load_all(census).into_iter().map(|d| d.id).collect();
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        (0..)
            .map(|n| format!("{nanos:x}-{n}"))
            .find(|id| !taken.contains(id))
            .unwrap_or_default()
    }
}

/// Writes the list atomically (no backup: what was typed must not linger
/// once the entry is saved); no draft left, no file.
fn write_all(census: &Path, all: &[Draft]) -> Result<(), SaveError> {
    if all.is_empty() {
        Draft::clear(census);
        return Ok(());
    }
    let mut out =
        String::from("// recense: entries in progress, offered back by `a` and at start\n[\n");
    for d in all {
        d.write_ron(&mut out);
    }
    out.push_str("]\n");
    crate::census::store::save_text_with(
        &draft_path(census),
        &out,
        crate::census::store::Backup::None,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, name: &str) -> Draft {
        Draft {
            id: id.into(),
            values: vec![
                ("nom".into(), vec![name.into()]),
                ("roles".into(), vec!["a".into(), "b".into()]),
            ],
            step: 1,
            field: 2,
            copy_of: Some("01ABC".into()),
        }
    }

    #[test]
    fn a_draft_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let census = dir.path().join("c.ron");
        let d = draft("x", "Infini \"Brest\"");
        d.save(&census).unwrap();
        assert_eq!(Draft::load(&census), Some(d));
        Draft::clear(&census);
        assert_eq!(Draft::load(&census), None);
    }

    #[test]
    fn several_drafts_wait_and_each_replaces_only_itself() {
        let dir = tempfile::tempdir().unwrap();
        let census = dir.path().join("c.ron");
        let a = draft("a", "Repair Café");
        let b = draft("b", "Mor'Libre");
        a.save(&census).unwrap();
        b.save(&census).unwrap();
        let a2 = Draft {
            step: 3,
            ..a.clone()
        };
        a2.save(&census).unwrap();
        assert_eq!(Draft::load_all(&census), vec![a2, b.clone()]);
        Draft::remove(&census, "a").unwrap();
        assert_eq!(Draft::load_all(&census), vec![b]);
        Draft::remove(&census, "b").unwrap();
        assert!(!draft_path(&census).exists(), "the last one takes the file");
        assert_ne!(Draft::new_id(&census), "");
    }

    #[test]
    fn a_file_of_one_draft_from_an_older_version_still_loads() {
        let dir = tempfile::tempdir().unwrap();
        let census = dir.path().join("c.ron");
        std::fs::write(
            draft_path(&census),
            "// recense: entry in progress, offered back at the next start\n(\n    values: [\n        (\"nom\", [\"Repair Café\"]),\n    ],\n    step: 0,\n    field: 1,\n)\n",
        )
        .unwrap();
        let all = Draft::load_all(&census);
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].value("nom"), Some("Repair Café"));
        assert_eq!(all[0].field, 1);
        // Once another is kept, both are in the new form.
        draft("n", "Autre").save(&census).unwrap();
        let all = Draft::load_all(&census);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].value("nom"), Some("Repair Café"));
    }
}
