//! A half-filled entry, kept beside the census (`FILE.draft`) and offered
//! back at the next start: a dropped SSH connection loses nothing typed.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::census::error::SaveError;
use crate::census::file::write_str_literal;

/// What the guided entry had when it was interrupted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Values typed so far, by field id, already checked.
    pub values: Vec<(String, Vec<String>)>,
    /// Where the entry was: step and field indexes.
    pub step: usize,
    pub field: usize,
    /// The initiative this one was copied from, if any.
    #[serde(default)]
    pub copy_of: Option<String>,
}

pub fn draft_path(census: &Path) -> PathBuf {
    let mut name = census.file_name().unwrap_or_default().to_os_string();
    name.push(".draft");
    census.with_file_name(name)
}

impl Draft {
    fn to_ron(&self) -> String {
        let mut out = String::from(
            "// recense: entry in progress, offered back at the next start\n(\n    values: [\n",
        );
        for (field, values) in &self.values {
            out.push_str("        (");
            write_str_literal(&mut out, field);
            out.push_str(", [");
            for (n, v) in values.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                write_str_literal(&mut out, v);
            }
            out.push_str("]),\n");
        }
        out.push_str(&format!(
            "    ],\n    step: {},\n    field: {},\n",
            self.step, self.field
        ));
        if let Some(id) = &self.copy_of {
            out.push_str("    copy_of: Some(");
            write_str_literal(&mut out, id);
            out.push_str("),\n");
        }
        out.push_str(")\n");
        out
    }

    /// Saves the draft atomically beside the census.
    pub fn save(&self, census: &Path) -> Result<(), SaveError> {
        // No backup: what was typed must not linger once the entry is saved.
        crate::census::store::save_text_with(
            &draft_path(census),
            &self.to_ron(),
            crate::census::store::Backup::None,
        )
    }

    /// The draft of a census, if one was kept and can be read.
    pub fn load(census: &Path) -> Option<Draft> {
        let text = std::fs::read_to_string(draft_path(census)).ok()?;
        ron::from_str(&text).ok()
    }

    pub fn clear(census: &Path) {
        let _ = std::fs::remove_file(draft_path(census));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_round_trips() {
        let dir = tempfile::tempdir().unwrap();
        let census = dir.path().join("c.ron");
        let d = Draft {
            values: vec![
                ("nom".into(), vec!["Infini \"Brest\"".into()]),
                ("roles".into(), vec!["a".into(), "b".into()]),
            ],
            step: 1,
            field: 2,
            copy_of: Some("01ABC".into()),
        };
        d.save(&census).unwrap();
        assert_eq!(Draft::load(&census), Some(d));
        Draft::clear(&census);
        assert_eq!(Draft::load(&census), None);
    }
}
