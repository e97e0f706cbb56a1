//! Errors of the census core. Each says where (`file:line:column`) and what;
//! the words a person reads come from `crate::i18n`.

use std::path::PathBuf;

use crate::census::id::InitiativeId;
use crate::census::locate::Location;

/// What is wrong with the syntax of a RON file, independent of language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxError {
    /// The file ends too early: often a truncated attachment.
    UnexpectedEnd,
    Expected(&'static str),
    UnexpectedChar(char),
    UnknownKey {
        found: String,
        expected: Vec<String>,
    },
    MissingKey(String),
    DuplicateKey(String),
    UnknownVariant {
        found: String,
        expected: Vec<String>,
    },
    BadEscape(String),
    TooDeep,
    TrailingCharacters,
    BadNumber,
    NotUtf8,
    /// A message from a value's own check (a stamp, an id…).
    Message(String),
}

impl SyntaxError {
    pub fn from_ron(code: &ron::Error) -> SyntaxError {
        use ron::Error as E;
        match code {
            E::Eof | E::ExpectedStringEnd | E::UnclosedBlockComment | E::UnclosedLineComment => {
                SyntaxError::UnexpectedEnd
            }
            E::ExpectedArray => SyntaxError::Expected("["),
            E::ExpectedArrayEnd => SyntaxError::Expected("]"),
            E::ExpectedMap => SyntaxError::Expected("{"),
            E::ExpectedMapEnd => SyntaxError::Expected("}"),
            E::ExpectedMapColon => SyntaxError::Expected(":"),
            E::ExpectedComma => SyntaxError::Expected(","),
            E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => SyntaxError::Expected("("),
            E::ExpectedStructLikeEnd => SyntaxError::Expected(")"),
            E::ExpectedString => SyntaxError::Expected("\"…\""),
            E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
                SyntaxError::BadNumber
            }
            E::ExpectedBoolean => SyntaxError::Expected("true/false"),
            E::ExpectedIdentifier => SyntaxError::Expected("identifier"),
            E::UnexpectedChar(c) => SyntaxError::UnexpectedChar(*c),
            E::NoSuchStructField {
                expected, found, ..
            } => SyntaxError::UnknownKey {
                found: found.clone(),
                expected: expected.iter().map(|s| s.to_string()).collect(),
            },
            E::MissingStructField { field, .. } => SyntaxError::MissingKey(field.to_string()),
            E::DuplicateStructField { field, .. } => SyntaxError::DuplicateKey(field.to_string()),
            E::NoSuchEnumVariant {
                expected, found, ..
            } => SyntaxError::UnknownVariant {
                found: found.clone(),
                expected: expected.iter().map(|s| s.to_string()).collect(),
            },
            E::InvalidEscape(m) => SyntaxError::BadEscape(m.to_string()),
            E::ExceededRecursionLimit => SyntaxError::TooDeep,
            E::TrailingCharacters => SyntaxError::TrailingCharacters,
            E::Utf8Error(_) => SyntaxError::NotUtf8,
            E::Message(m) => SyntaxError::Message(m.clone()),
            other => SyntaxError::Message(other.to_string()),
        }
    }
}

/// Why a census file could not be read. Nothing is ever written after one.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: not found")]
    NotFound { path: PathBuf },
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{path}: file too large")]
    TooLarge { path: PathBuf, size: u64, max: u64 },
    #[error("{location}: syntax")]
    Syntax {
        location: Location,
        error: SyntaxError,
    },
    #[error("{path}: newer format {found}")]
    NewerFormat { path: PathBuf, found: u32 },
    #[error("{location}: duplicate initiative {id}")]
    DuplicateInitiative {
        location: Location,
        id: InitiativeId,
    },
    #[error("{location}: value too long")]
    ValueTooLong { location: Location, max: usize },
    #[error("{path}: schema")]
    Schema {
        path: PathBuf,
        error: crate::census::schema::SchemaError,
    },
    #[error("{path}: unknown schema {id}")]
    UnknownSchema { path: PathBuf, id: String },
}

/// Why a census file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{path}: locked")]
    Locked {
        path: PathBuf,
        holder: crate::census::store::LockHolder,
    },
    #[error("{path}: already exists")]
    AlreadyExists { path: PathBuf },
}
