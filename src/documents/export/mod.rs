//! Exports: the census leaves the tool — for spreadsheets (CSV, ODS), scripts
//! (JSON), maps (GeoJSON, uMap CSV), network graphs (GraphViz, Gephi) and
//! the national open-data standards (see `census::standards`).
//!
//! Every export is deterministic: the same census gives the same bytes. No
//! clock is read; where a format carries a date, it is the census' own last
//! change ([`last_modified`]). Initiatives come sorted by name (accents and
//! case aside), then by id ([`select`]). Text formats are written row by row
//! as they go, never held whole in memory. `docs/export.md` describes every
//! format for the people who use them.

pub mod bom;
pub mod cell;
mod csv;
pub use csv::csv_line;
mod dot;
mod gexf;
mod graph;
pub mod ics;
pub(crate) mod json;
mod map;
mod ods;
pub(crate) mod values;
pub(crate) mod words;
mod zip_normal;

use std::io::{self, Write};

use crate::census::model::{Census, Initiative};
use crate::census::query::{Filter, SearchIndex, find};
use crate::census::schema::{Field, Schema};
use crate::census::search::fold;
use crate::census::standards::{self, LeftOut};
use crate::census::time::Timestamp;
use crate::i18n::Lang;

/// The export formats; their ids are fixed (scripts rely on them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Json,
    Geojson,
    UmapCsv,
    Ods,
    Dot,
    Gexf,
    Mednum,
    DataInclusion,
}

impl Format {
    pub const ALL: [Format; 9] = [
        Format::Csv,
        Format::Json,
        Format::Geojson,
        Format::UmapCsv,
        Format::Ods,
        Format::Dot,
        Format::Gexf,
        Format::Mednum,
        Format::DataInclusion,
    ];

    /// The fixed id of the format (`--format ID`).
    pub fn id(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Geojson => "geojson",
            Format::UmapCsv => "umap-csv",
            Format::Ods => "ods",
            Format::Dot => "dot",
            Format::Gexf => "gexf",
            Format::Mednum => "mednum",
            Format::DataInclusion => "data-inclusion",
        }
    }

    /// Bytes that are not text (a zip): not for a terminal.
    pub fn is_binary(self) -> bool {
        self == Format::Ods
    }

    /// Maps, networks and open-data standards are made to be published:
    /// they never carry personal fields, with or without `--public` (a
    /// network holds names, kinds, communes, statuses and relations only).
    pub fn always_public(self) -> bool {
        !matches!(self, Format::Csv | Format::Json | Format::Ods)
    }
}

/// How columns and choice values are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Header {
    /// Field and choice labels in the language of the interface, relations
    /// as « héberge Wiki-Brest (ID) »: for people.
    #[default]
    Labels,
    /// Field and choice ids, relations as stored (`heberge:ID`): for scripts.
    Ids,
}

/// What an export is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub format: Format,
    /// Leave out every field the schema marks personal (and the names of the
    /// agents who recorded evidence and confirmations).
    pub public: bool,
    pub header: Header,
    pub lang: Lang,
}

impl Options {
    /// Whether personal data stays out of this export.
    pub fn is_public(&self) -> bool {
        self.public || self.format.always_public()
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Initiatives written (rows, features, nodes).
    pub written: usize,
    /// Initiatives left out of a map for want of valid coordinates.
    pub without_coordinates: usize,
    /// Initiatives a standard left out, with the columns they lack.
    pub left_out: Vec<LeftOut>,
}

/// Writes `selection` in the asked format. Text formats stream row by row;
/// ODS is built whole (a zip) and then written.
pub fn export(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let standard = |left_out: Vec<LeftOut>| Summary {
        written: selection.len().saturating_sub(left_out.len()),
        without_coordinates: 0,
        left_out,
    };
    match options.format {
        Format::Csv => csv::write_csv(census, schema, selection, options, out),
        Format::UmapCsv => map::write_umap_csv(census, schema, selection, options, out),
        Format::Json => json::write_json(census, schema, selection, options, out),
        Format::Geojson => map::write_geojson(census, schema, selection, options, out),
        Format::Ods => ods::write_ods(census, schema, selection, options, out),
        Format::Dot => dot::write_dot(census, schema, selection, options, out),
        Format::Gexf => gexf::write_gexf(census, schema, selection, options, out),
        Format::Mednum => standards::mednum::export(census, schema, selection, out).map(standard),
        Format::DataInclusion => {
            standards::data_inclusion::export(census, schema, selection, out).map(standard)
        }
    }
}

/// The live initiatives matching `filter` and `query` (the filters of
/// `recense list`), sorted by name — accents and case aside — then by id.
pub fn select<'a>(
    census: &'a Census,
    schema: &Schema,
    filter: &Filter,
    query: &str,
    lang: Lang,
) -> Vec<&'a Initiative> {
    if query.trim().is_empty() {
        // No search: only the names of the matching initiatives are folded
        // (a whole search index would fold every search text too). Ties go
        // in id order, the census' order.
        let mut found: Vec<(String, usize)> = (0..census.initiatives.len())
            .filter(|&n| filter.matches(schema, &census.initiatives[n]))
            .map(|n| {
                let name = census.initiatives[n].value(&schema.name_field);
                (fold(name.unwrap_or("")), n)
            })
            .collect();
        found.sort_unstable();
        return found
            .into_iter()
            .map(|(_, n)| &census.initiatives[n])
            .collect();
    }
    let index = SearchIndex::build(census, schema, lang);
    let mut found = find(census, schema, &index, filter, query);
    // A query sorts by relevance, which an export has no use for.
    found.sort_by(|&a, &b| index.name(a).cmp(index.name(b)).then(a.cmp(&b)));
    found.into_iter().map(|n| &census.initiatives[n]).collect()
}

/// The census' last change: the newest stamp of any value of any initiative
/// (deleted ones too). Exports date themselves with it, never with the clock.
pub fn last_modified(census: &Census) -> Option<Timestamp> {
    census
        .initiatives
        .iter()
        .flat_map(|i| i.fields.iter())
        .flat_map(|(_, entries)| entries.iter())
        .filter_map(|e| e.stamp.at())
        .max()
}

/// The fields written as columns, in schema order: every field, or every
/// field not marked personal.
pub fn columns(schema: &Schema, public: bool) -> Vec<&Field> {
    schema
        .fields
        .iter()
        .filter(|f| !(public && f.personal))
        .collect()
}

/// The header of a field's column.
pub fn header_text(field: &Field, header: Header, lang: Lang) -> &str {
    match header {
        Header::Labels => field.label.get(lang),
        Header::Ids => &field.id,
    }
}

/// The header of the first column, the initiative id (the same in every
/// language: imports look for it).
pub const ID_COLUMN: &str = "id";

/// How several values share one cell (CSV, ODS, map properties), as in the
/// national standard of digital inclusion places.
pub const MULTI_SEPARATOR: &str = "|";

#[cfg(test)]
mod tests;
