//! One record read from an import file, before any check: what it says,
//! field by field, with the column each value came from.

use crate::census::model::Text;
use crate::census::ops::OpError;

/// A raw value for a field, as the file gives it (checked later, like
/// `recense add` checks what it is given).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assign {
    /// A field id: short, stored inline (no allocation per cell).
    pub field: Text,
    /// Stored inline up to 24 bytes (codes, phones, communes…).
    pub value: Text,
    /// The column (or property) it came from, if any.
    pub column: Option<usize>,
}

/// A line kept in the notes: what the file says that no field of ours holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub column: Option<usize>,
}

/// A piece of evidence a record brings (the CHATONS membership).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvidenceSpec {
    /// A choice of the schema's `preuves` list.
    pub kind: String,
    /// `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub date: String,
    pub note: String,
    pub url: String,
}

/// Why a record cannot be imported as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    /// A value refused, an unknown field…: what `recense add` would say.
    Op(OpError),
    /// Required fields without a value (a column, or `--default`).
    MissingRequired(Vec<String>),
    /// A CSV row with another number of cells than the header.
    CellCount { found: usize, expected: usize },
    /// A cell that must be a number.
    NotANumber { column: String, value: String },
    /// Only one of latitude and longitude.
    HalfCoordinates,
    /// A data·inclusion element that is not an object.
    NotAnObject,
    /// The record names one of our initiatives that was deleted.
    Deleted(crate::census::InitiativeId),
    /// A status or a piece of evidence refused.
    Status(crate::census::status::StatusError),
}

/// One record of the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Incoming {
    /// Where it starts in the file (1-based).
    pub line: usize,
    /// The initiative id it carries (our own exports).
    pub id: Option<String>,
    pub values: Vec<Assign>,
    pub notes: Vec<Note>,
    pub evidence: Vec<EvidenceSpec>,
    /// A status to set (`en_sommeil`, `disparu`) and its comment.
    pub status: Option<(String, String)>,
    /// Problems found while reading it.
    pub problems: Vec<RowProblem>,
}

impl Incoming {
    pub fn new(line: usize) -> Incoming {
        Incoming {
            line,
            ..Incoming::default()
        }
    }

    /// Empties it for the record starting at `line`, keeping the room its
    /// lists took: a reader fills one record after the other in the same
    /// place (large allocations per row are slow on a large heap).
    pub fn reuse(&mut self, line: usize) {
        self.line = line;
        self.id = None;
        self.values.clear();
        self.notes.clear();
        self.evidence.clear();
        self.status = None;
        self.problems.clear();
    }

    /// Adds a raw value (nothing for an empty one).
    pub fn set(&mut self, field: &str, value: &str, column: Option<usize>) {
        let value = value.trim();
        if !value.is_empty() {
            self.values.push(Assign {
                field: Text::new(field),
                value: Text::new(value),
                column,
            });
        }
    }

    /// Adds a line to the notes, `label : value` (nothing for an empty value).
    pub fn note(&mut self, label: &str, value: &str, column: Option<usize>) {
        let value = value.trim();
        if !value.is_empty() {
            self.notes.push(Note {
                text: format!("{label} : {value}"),
                column,
            });
        }
    }

    /// The first raw value given for a field.
    pub fn value(&self, field: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|a| a.field == field)
            .map(|a| a.value.as_str())
    }
}
