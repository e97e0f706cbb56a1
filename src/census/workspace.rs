//! A census file opened with its schema: what every command and the TUI work on.

use std::path::{Path, PathBuf};

use crate::census::error::{LoadError, SaveError};
use crate::census::file::LoadReport;
use crate::census::locate::SourceText;
use crate::census::model::Census;
use crate::census::schema::{DEFAULT_SCHEMA_SOURCE, Schema};
use crate::census::store;

/// Where custom schemas live for a census: `schemas/` beside the file, so
/// that they travel with it (in git, in a shared folder).
pub fn schema_dir(census_path: &Path) -> PathBuf {
    census_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("schemas")
}

/// The schema a census names: `schemas/ID.ron` beside the file, else the
/// embedded default when the id is the default's.
pub fn schema_for(census_path: &Path, id: &str) -> Result<Schema, LoadError> {
    let safe = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if safe {
        let candidate = schema_dir(census_path).join(format!("{id}.ron"));
        if candidate.exists() {
            return load_schema(&candidate);
        }
    }
    let default = Schema::default_schema();
    if default.id == id {
        return Ok(default);
    }
    // Say where the file names it.
    let source = store::read_limited(census_path).unwrap_or_default();
    let name = census_path.display().to_string();
    let text = SourceText::new(&name, &source);
    Err(LoadError::UnknownSchema {
        location: text.location(text.find_key("schema", 0).unwrap_or(0)),
        id: id.to_string(),
    })
}

/// Refuses a census recorded with a version of its form newer than `schema`
/// (the form this program uses for it): its values would be checked, shown
/// and merged against a form that does not know them, and merging it would
/// silently raise the version of the receiver's census. `path` is the
/// census file, read again only to say where.
pub fn check_schema_version(
    census: &Census,
    schema: &Schema,
    path: &Path,
) -> Result<(), LoadError> {
    if census.schema_version <= schema.version {
        return Ok(());
    }
    let source = store::read_limited(path).unwrap_or_default();
    let name = path.display().to_string();
    let text = SourceText::new(&name, &source);
    Err(LoadError::NewerSchemaVersion {
        location: text.location(text.find_key("schema_version", 0).unwrap_or(0)),
        schema: census.schema_id.clone(),
        found: census.schema_version,
        known: schema.version,
    })
}

/// Reads and checks a schema file.
pub fn load_schema(path: &Path) -> Result<Schema, LoadError> {
    let text = store::read_limited(path).map_err(|e| match e {
        LoadError::NotFound { path } => LoadError::SchemaNotFound { path },
        other => other,
    })?;
    Schema::parse(&text, &path.display().to_string()).map_err(|error| LoadError::Schema {
        path: path.to_path_buf(),
        error,
    })
}

/// The embedded default schema's text (for `recense schema show --ron`).
pub fn default_schema_text() -> &'static str {
    DEFAULT_SCHEMA_SOURCE
}

/// An open census.
pub struct Workspace {
    pub path: PathBuf,
    pub census: Census,
    pub schema: Schema,
    pub report: LoadReport,
}

impl Workspace {
    pub fn open(path: &Path) -> Result<Workspace, LoadError> {
        let (census, report) = store::load(path)?;
        let schema = schema_for(path, &census.schema_id)?;
        check_schema_version(&census, &schema, path)?;
        Ok(Workspace {
            path: path.to_path_buf(),
            census,
            schema,
            report,
        })
    }

    /// Saves atomically (the caller holds the lock).
    pub fn save(&self) -> Result<(), SaveError> {
        store::save(&self.path, &self.census)
    }
}
