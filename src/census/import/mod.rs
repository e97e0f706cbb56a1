//! Imports: existing lists come in without retyping.
//!
//! An import is planned first, then applied. [`plan`] reads the file
//! (streaming: row after row), checks every value as `recense add` does,
//! looks for each record among the initiatives (the duplicate check) and
//! says, row by row, what would happen: created, updated (and which fields),
//! unchanged, a likely duplicate to look at, the same as an earlier row, or
//! skipped and why. The plan is plain data: a front end shows it, lets the
//! person change the column mapping ([`ImportPlan::columns`], edited through
//! [`Request::overrides`]) and plans again, then [`apply`] makes the changes.
//!
//! Formats: [`Format::Csv`] (any of `,` `;` tab; columns matched to fields
//! by id or label), [`Format::Mednum`] and [`Format::DataInclusion`] (the
//! national standards, through the same tables as their export, see
//! `census::standards`), [`Format::Chatons`] (a ChatonsInfos
//! `organization.properties` file).

pub(crate) mod apply;
pub(crate) mod chatons;
mod check;
pub(crate) mod columns;
pub(crate) mod communes;
mod crlf;
pub(crate) mod csv;
mod decide;
pub mod encoding;
pub(crate) mod json;
mod pipe;
pub(crate) mod plan;
pub(crate) mod properties;
mod read;
pub(crate) mod record;
mod source;
#[cfg(test)]
mod tests;
mod update;

use std::path::PathBuf;

use crate::census::ops::OpError;

pub use apply::{Applied, apply};
pub use columns::{ColumnPlan, Origin, Target, parse_map};
pub use plan::{Candidate, Counts, ImportPlan, Match, Row, RowFate, plan};
pub use properties::PropertiesProblem;

/// An id written by recense (a ULID: 26 characters of Crockford's base32,
/// read in capitals if a spreadsheet wrote it in small letters), which finds
/// the initiative again; any other id in a file is someone else's and is
/// kept in the notes.
pub fn our_id(text: &str) -> Option<crate::census::InitiativeId> {
    crate::census::InitiativeId::parse_ulid(text.trim())
        .ok()
        .map(|(id, _)| id)
}

/// The formats `recense import` reads (ids fixed: scripts rely on them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Mednum,
    DataInclusion,
    Chatons,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::Csv,
        Format::Mednum,
        Format::DataInclusion,
        Format::Chatons,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Mednum => "mednum",
            Format::DataInclusion => "data-inclusion",
            Format::Chatons => "chatons",
        }
    }

    /// The format a file most likely has, from its name and, for a CSV,
    /// its header: `.properties` is ChatonsInfos, `.json` data·inclusion, a
    /// CSV whose header has the standard's `pivot` and `typologie` columns
    /// is a mednum file, any other file a plain CSV. A guess the person can
    /// change: nothing is read beyond the first line.
    pub fn guess(path: &std::path::Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "properties" => return Format::Chatons,
            "json" => return Format::DataInclusion,
            _ => {}
        }
        let mut first = String::new();
        if let Ok(file) = std::fs::File::open(path) {
            use std::io::{BufRead, Read};
            let _ = std::io::BufReader::new(file)
                .take(64 * 1024)
                .read_line(&mut first);
        }
        let cells: Vec<&str> = first
            .trim_start_matches('\u{feff}')
            .split([',', ';', '\t'])
            .map(|c| c.trim().trim_matches('"'))
            .collect();
        if cells.contains(&"pivot") && cells.contains(&"typologie") {
            Format::Mednum
        } else {
            Format::Csv
        }
    }
}

/// What to import and how.
#[derive(Debug, Clone)]
pub struct Request {
    pub format: Format,
    pub path: PathBuf,
    /// Column → target, over the guessed mapping (CSV only): `--map`, or
    /// the mapping step of the interface.
    pub overrides: Vec<(String, Target)>,
    /// `FIELD=VALUE` for records that give the field no value (`--default`).
    pub defaults: Vec<String>,
    /// Creates records that look like an initiative already there instead
    /// of only reporting them.
    pub create_likely: bool,
    /// The character set of a CSV file (`--encoding`); `None`: UTF-8, or
    /// Windows-1252 when the file is not UTF-8.
    pub encoding: Option<encoding::TextEncoding>,
}

impl Request {
    pub fn new(format: Format, path: impl Into<PathBuf>) -> Request {
        Request {
            format,
            path: path.into(),
            overrides: Vec::new(),
            defaults: Vec::new(),
            create_likely: false,
            encoding: None,
        }
    }
}

/// Why a file cannot be imported at all. Nothing was changed.
#[derive(Debug)]
pub enum ImportError {
    NotFound {
        path: PathBuf,
    },
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Nothing in the file.
    Empty {
        file: String,
    },
    /// A header (or an empty list), and no record.
    NoRows {
        file: String,
    },
    /// Bytes that are not UTF-8 (a Latin-1 / Windows-1252 file).
    NotUtf8 {
        file: String,
        line: usize,
        byte: u8,
    },
    /// A UTF-16 file (byte order mark).
    Utf16 {
        file: String,
    },
    /// A quote opened at `line` and never closed: the rest of the file was
    /// swallowed by one cell.
    UnterminatedQuote {
        file: String,
        line: usize,
    },
    /// The CSV reader gave up.
    Csv {
        file: String,
        line: usize,
        message: String,
    },
    /// Not JSON, at `line:column`.
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// data·inclusion: the document is not an array of structures.
    NotAnArray {
        file: String,
    },
    Properties {
        file: String,
        line: usize,
        column: usize,
        problem: PropertiesProblem,
    },
    /// A ChatonsInfos file of another class (a service, the federation…).
    NotOrganization {
        file: String,
        class: String,
    },
    /// A ChatonsInfos file without `organization.name`.
    NoOrganizationName {
        file: String,
    },
    /// A standard's file without the column that names a record.
    NotStandard {
        file: String,
        format: Format,
        column: &'static str,
    },
    /// `--map COLUMN=FIELD` without `=`.
    BadMap(String),
    /// `--map` names a column the file does not have.
    UnknownColumn {
        column: String,
        known: Vec<String>,
    },
    /// `--map` names an unknown field.
    MapField(OpError),
    /// `--map` only applies to CSV files.
    MapNotCsv(Format),
    /// A `--default` that is not a valid value.
    Default(OpError),
    /// Several columns for one single-valued field.
    ColumnsClash {
        target: String,
        columns: Vec<String>,
    },
}

#[cfg(test)]
mod guess_tests {
    use super::Format;

    #[test]
    fn the_format_is_guessed_from_the_name_then_the_header() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p
        };
        let props = write("organization.properties", "organization.name = X\n");
        let json = write("structures.json", "[]");
        let mednum = write("lieux.csv", "\u{feff}id,pivot,nom,typologie\n1,2,3,4\n");
        let plain = write("liste.csv", "nom;commune;pivot\nA;B;C\n");
        assert_eq!(Format::guess(&props), Format::Chatons);
        assert_eq!(Format::guess(&json), Format::DataInclusion);
        assert_eq!(Format::guess(&mednum), Format::Mednum);
        assert_eq!(Format::guess(&plain), Format::Csv);
        assert_eq!(Format::guess(&dir.path().join("absent.csv")), Format::Csv);
    }
}
