//! Errors of the census core. Each says where (`file:line:column`) and what;
//! the words a person reads come from `crate::i18n`.

use std::path::PathBuf;

use crate::census::id::InitiativeId;
use crate::census::locate::Location;

/// Our own checks inside deserialisation report through serde's text errors;
/// this marks them so they come back as precise [`SyntaxError`]s.
const TAG: char = '\u{1f}';

/// A serde error message carrying one of our error kinds.
pub fn tagged(kind: &str, detail: &str) -> String {
    format!("{TAG}{kind}{TAG}{detail}")
}

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
    BadEscape,
    /// A stamp that is not `agent:counter date hash`.
    BadStamp(String),
    BadInitiativeId(String),
    BadAgentId(String),
    BadLang(String),
    ValueTooLong,
    TooDeep,
    TrailingCharacters,
    BadNumber,
    NotUtf8,
    /// A message from a value's own check (a stamp, an id…).
    Message(String),
    /// A counter (`agent:counter`, in a stamp or in `seen`) at its maximum:
    /// the next edit could not be numbered.
    CounterAtMax(String),
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
            E::InvalidEscape(_) => SyntaxError::BadEscape,
            E::ExceededRecursionLimit => SyntaxError::TooDeep,
            E::TrailingCharacters => SyntaxError::TrailingCharacters,
            E::Utf8Error(_) => SyntaxError::NotUtf8,
            E::Message(m) => match m.strip_prefix(TAG).and_then(|r| r.split_once(TAG)) {
                Some(("stamp", d)) => SyntaxError::BadStamp(d.to_string()),
                Some(("id", d)) => SyntaxError::BadInitiativeId(d.to_string()),
                Some(("agent", d)) => SyntaxError::BadAgentId(d.to_string()),
                Some(("lang", d)) => SyntaxError::BadLang(d.to_string()),
                Some(("too_long", _)) => SyntaxError::ValueTooLong,
                Some(("counter", d)) => SyntaxError::CounterAtMax(d.to_string()),
                _ => SyntaxError::Message(m.clone()),
            },
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
    /// A device (`/dev/zero`, a disk): endless or binary, never a census.
    #[error("{path}: not a file")]
    NotAFile { path: PathBuf },
    #[error("{location}: syntax")]
    Syntax {
        location: Location,
        error: SyntaxError,
    },
    #[error("{location}: newer format {found}")]
    NewerFormat { location: Location, found: u32 },
    #[error("{location}: duplicate initiative {id}")]
    DuplicateInitiative {
        location: Location,
        id: InitiativeId,
    },
    #[error("{path}: schema")]
    Schema {
        path: PathBuf,
        error: crate::census::schema::SchemaError,
    },
    #[error("{location}: unknown schema {id}")]
    UnknownSchema { location: Location, id: String },
    #[error("{path}: schema file not found")]
    SchemaNotFound { path: PathBuf },
    /// A compressed file (a zipped attachment), `format` naming the kind.
    #[error("{path}: compressed ({format})")]
    Compressed { path: PathBuf, format: &'static str },
    /// The body of an e-mail saved instead of its attachment, still in its
    /// transfer encoding (`quoted-printable` or `base64`).
    #[error("{location}: mail encoding {encoding}")]
    MailEncoded {
        location: Location,
        encoding: &'static str,
    },
    /// A line cut in two by a mail program; `location` is where it was cut.
    #[error("{location}: line wrapped")]
    WrappedLine { location: Location },
    /// `<<<<<<<` markers left by git merging the census as text.
    #[error("{location}: git conflict markers")]
    ConflictMarkers { location: Location },
    /// A census recorded with a version of its form newer than the one
    /// this program has.
    #[error("{location}: newer form version {found}")]
    NewerSchemaVersion {
        location: Location,
        schema: String,
        found: u32,
        known: u32,
    },
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
    /// A lock file no running recense holds, whose holder is unreadable,
    /// on another machine, or a process number that runs (maybe reused).
    #[error("{path}: locked by {lock}")]
    LockNotProvablyStale {
        path: PathBuf,
        lock: PathBuf,
        holder: Option<Box<crate::census::store::LockHolder>>,
    },
    /// The file changed on disk during the session and cannot be read or
    /// merged: it is left alone, the session's changes stay in the journal.
    #[error("{path}: changed on disk, cannot be merged")]
    ChangedOnDisk {
        path: PathBuf,
        error: Box<crate::census::exchange::IncomingError>,
    },
    #[error("{path}: read-only")]
    ReadOnly { path: PathBuf },
}
