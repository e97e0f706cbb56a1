//! The national open-data standards, both ways: each standard is one table of
//! its columns, and each column says how it relates to our fields ([`Map`]).
//! The same table writes the export and reads the import, so the two
//! directions cannot drift apart.
//!
//! - [`mednum`]: *Lieux de médiation numérique* v1.0.2 (CSV).
//! - [`data_inclusion`]: data·inclusion *structures* v1 (JSON).

pub mod data_inclusion;
pub mod mednum;

use crate::census::import::record::Incoming;
use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::census::search::fold;
use crate::census::time::Date;
use crate::census::value::geo_point;

/// An initiative left out of a standard's export, and the standard's columns it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub id: crate::census::InitiativeId,
    pub name: String,
    pub missing: Vec<&'static str>,
}

/// How one column of a standard relates to our fields, in both directions.
#[derive(Debug, Clone, Copy)]
pub enum Map {
    /// The initiative id: ours on export; on import, an id of ours finds
    /// the initiative again, another one is kept in the notes.
    Id,
    /// A single-valued field as it is, when it has `min..=max` characters.
    Text {
        field: &'static str,
        min: usize,
        max: usize,
    },
    /// A text cut on a word to `max` characters (with `…`); `one_line`
    /// joins its lines. Left empty under `min` characters.
    Summary {
        field: &'static str,
        min: usize,
        max: usize,
        one_line: bool,
    },
    /// The whole text when [`Map::Summary`] had to cut it; on import it is
    /// preferred to the summary.
    Detail {
        field: &'static str,
        summary_max: usize,
    },
    /// A web address as an ASCII URI; on import the first of `a|b`, the
    /// others in the notes.
    Url {
        field: &'static str,
        max: usize,
    },
    /// An e-mail (ASCII); on import the first of `a|b`, the others in the notes.
    Email(&'static str),
    /// A phone in international form; `french` keeps only the prefixes and
    /// lengths of the mednum pattern (France and overseas).
    Phone {
        field: &'static str,
        french: bool,
    },
    /// SIRET, else RNA.
    Pivot,
    /// The latitude, then the longitude, of `coordonnees` (a number).
    Latitude,
    Longitude,
    /// The kind through the code its choice has under `key`; `allowed`
    /// restricts the codes written (a closed list of the standard).
    KindCode {
        key: &'static str,
        allowed: Option<fn(&str) -> bool>,
    },
    /// A code of the commune (`code_insee`, `code_postal`) as recorded, or
    /// else known from the commune when the official referential settles
    /// it (one commune, one postal code).
    CommuneCode(&'static str),
    /// A multi-choice field through its choices' codes under `key`, `a|b`.
    ChoiceCodes {
        field: &'static str,
        key: &'static str,
    },
    /// Who collected the data: the census's territory (`slug`: as an
    /// identifier). On import it goes to the notes.
    Source {
        slug: bool,
    },
    /// The date of the initiative's last change; not imported (the import
    /// is dated when it is made).
    LastChange,
    /// Nothing of ours: empty on export, kept in the notes on import.
    Unmapped,
}

/// One column of a standard.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    /// An initiative without it is left out of the export.
    pub required: bool,
    pub map: Map,
}

/// The date of the latest change of an initiative, whatever the field (a
/// status or a piece of evidence is a change too). `None` when nothing in it
/// is dated (entries written by hand without a stamp).
pub fn last_change(i: &Initiative) -> Option<Date> {
    i.fields
        .iter()
        .flat_map(|(_, entries)| entries.iter())
        .filter_map(|e| e.stamp.at())
        .max()
        .map(|t| t.date())
}

/// A text on one line, cut on a word to at most `max` characters with `…`.
pub fn cut_on_word(text: &str, max: usize) -> String {
    cut_text(&text.split_whitespace().collect::<Vec<_>>().join(" "), max)
}

/// A text cut on a word to at most `max` characters with `…`, its lines kept.
pub fn cut_text(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let keep: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match keep.rfind(char::is_whitespace) {
        Some(at) if at > 0 => &keep[..at],
        _ => keep.as_str(),
    };
    format!(
        "{}…",
        cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:.".contains(c))
    )
}

/// A web address as an ASCII URI: characters outside ASCII after the host
/// are percent-encoded; `None` when the host itself is not ASCII or the
/// result is longer than `max`.
pub fn ascii_uri(url: &str, max: usize) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, path) = rest.split_at(host_end);
    if !host.is_ascii() || !scheme.is_ascii() {
        return None;
    }
    let mut out = format!("{scheme}://{host}");
    for c in path.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    (out.len() <= max && !out.chars().any(|c| c.is_whitespace() || c.is_control())).then_some(out)
}

/// `pays-de-brest` for « Pays de Brest ».
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in fold(s).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Mednum's phone pattern: one of these prefixes, then 6 to 9 digits.
const PHONE_PREFIXES: [&str; 10] = [
    "+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681",
];

fn french_phone(phone: &str) -> bool {
    PHONE_PREFIXES.iter().any(|p| {
        phone.strip_prefix(p).is_some_and(|rest| {
            (6..=9).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// A field's value, unless the schema marks the field personal: personal
/// data never goes into an open-data standard.
fn public_value<'a>(schema: &Schema, i: &'a Initiative, field: &str) -> Option<&'a str> {
    if schema.field(field).is_none_or(|f| f.personal) {
        return None;
    }
    i.value(field).filter(|v| !v.trim().is_empty())
}

/// The choice list of a field.
fn list_of<'a>(schema: &'a Schema, field: &str) -> Option<&'a str> {
    schema.field(field)?.field_type.choice_list()
}

/// The field of the legal form: a kind without a code of its own (a CHATONS
/// member: association, company, cooperative, individual…) takes its
/// legal form's.
pub const LEGAL_FORM: &str = "forme_juridique";

/// The code under `key` of the initiative's legal form.
fn legal_form_code<'a>(schema: &'a Schema, i: &Initiative, key: &str) -> Option<&'a String> {
    let form = public_value(schema, i, LEGAL_FORM)?;
    schema
        .choice(list_of(schema, LEGAL_FORM)?, form)?
        .codes
        .get(key)
}

/// What the export writes in a column for an initiative (`None`: empty).
pub fn export_cell(map: &Map, census: &Census, schema: &Schema, i: &Initiative) -> Option<String> {
    let value = |field: &str| public_value(schema, i, field);
    match *map {
        Map::Id => Some(i.id.to_string()),
        Map::Text { field, min, max } => value(field)
            .filter(|v| (min..=max).contains(&v.chars().count()))
            .map(String::from),
        Map::Summary {
            field,
            min,
            max,
            one_line,
        } => value(field)
            .map(|v| {
                if one_line {
                    cut_on_word(v, max)
                } else {
                    cut_text(v, max)
                }
            })
            .filter(|v| v.chars().count() >= min),
        Map::Detail { field, summary_max } => value(field)
            .filter(|v| cut_on_word(v, summary_max) != *v)
            .map(String::from),
        Map::Url { field, max } => value(field).and_then(|v| ascii_uri(v, max)),
        Map::Email(field) => value(field).filter(|v| v.is_ascii()).map(String::from),
        Map::Phone { field, french } => value(field)
            .filter(|v| !french || french_phone(v))
            .map(String::from),
        Map::Pivot => value("siret").or_else(|| value("rna")).map(String::from),
        Map::Latitude | Map::Longitude => {
            let text = value("coordonnees")?;
            geo_point(text).ok()?;
            let (lat, lon) = text.split_once(',')?;
            Some(
                if matches!(map, Map::Latitude) {
                    lat
                } else {
                    lon
                }
                .to_string(),
            )
        }
        Map::KindCode { key, allowed } => {
            let kind = value(&schema.kind_field)?;
            let list = list_of(schema, &schema.kind_field)?;
            let code = match schema.choice(list, kind)?.codes.get(key) {
                Some(code) => code,
                None => legal_form_code(schema, i, key)?,
            };
            allowed.is_none_or(|ok| ok(code)).then(|| code.clone())
        }
        Map::ChoiceCodes { field, key } => {
            if schema.field(field).is_none_or(|f| f.personal) {
                return None;
            }
            let list = list_of(schema, field)?;
            let codes: Vec<&str> = i
                .values(field)
                .iter()
                .filter_map(|v| schema.choice(list, v)?.codes.get(key).map(String::as_str))
                .collect();
            (!codes.is_empty()).then(|| codes.join("|"))
        }
        Map::Source { slug: as_slug } => {
            let t = census.territory.trim();
            match (t.is_empty(), as_slug) {
                (true, _) => None,
                (false, true) => Some(format!("recense-{}", slug(t))),
                (false, false) => Some(t.to_string()),
            }
        }
        Map::LastChange => last_change(i).map(|d| d.to_string()),
        Map::CommuneCode(field) => value(field)
            .map(String::from)
            .or_else(|| crate::census::communes::derived_code(i, field)),
        Map::Unmapped => None,
    }
}

/// The cells of a row of the export, and the required columns it lacks.
pub fn export_row(
    columns: &[Column],
    census: &Census,
    schema: &Schema,
    i: &Initiative,
) -> (Vec<Option<String>>, Vec<&'static str>) {
    let cells: Vec<Option<String>> = columns
        .iter()
        .map(|c| export_cell(&c.map, census, schema, i))
        .collect();
    let missing = columns
        .iter()
        .zip(&cells)
        .filter(|(c, v)| c.required && v.is_none())
        .map(|(c, _)| c.name)
        .collect();
    (cells, missing)
}

/// A cell of a row being read: its column in the file, the file's name for
/// it, the standard's column if it is one, and its text.
pub struct Cell<'a> {
    pub index: usize,
    pub name: &'a str,
    pub column: Option<&'a Column>,
    pub text: &'a str,
}

/// The number in a cell (a decimal comma accepted).
fn number(text: &str) -> Option<f64> {
    let t = text.trim().replace(',', ".");
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads one row of a standard into a record, through the same table.
pub fn import_row(schema: &Schema, line: usize, cells: &[Cell]) -> Incoming {
    let mut inc = Incoming::new(line);
    let mut summary: Option<(&str, &str, usize)> = None;
    let mut detail: Option<(&str, &str, usize)> = None;
    let (mut lat, mut lon) = (None, None);
    for cell in cells {
        let text = cell.text.trim();
        if text.is_empty() {
            continue;
        }
        let col = Some(cell.index);
        let Some(column) = cell.column else {
            inc.note(cell.name, text, col);
            continue;
        };
        match column.map {
            Map::Id => match crate::census::import::our_id(text) {
                Some(id) => inc.id = Some(id.to_string()),
                None => inc.note(cell.name, text, col),
            },
            Map::Text { field, .. } | Map::Phone { field, .. } | Map::CommuneCode(field) => {
                inc.set(field, text, col)
            }
            Map::Summary { field, .. } => summary = Some((field, text, cell.index)),
            Map::Detail { field, .. } => detail = Some((field, text, cell.index)),
            Map::Url { field, .. } | Map::Email(field) => {
                let mut parts = text.split('|').map(str::trim).filter(|p| !p.is_empty());
                if let Some(first) = parts.next() {
                    inc.set(field, first, col);
                }
                let rest: Vec<&str> = parts.collect();
                inc.note(cell.name, &rest.join("|"), col);
            }
            Map::Pivot => {
                let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                if compact.len() == 14 && compact.bytes().all(|b| b.is_ascii_digit()) {
                    inc.set("siret", &compact, col);
                } else if compact.len() == 10 && compact.to_ascii_uppercase().starts_with('W') {
                    inc.set("rna", &compact, col);
                } else {
                    inc.note(cell.name, text, col);
                }
            }
            Map::Latitude | Map::Longitude => match number(text) {
                Some(v) if matches!(column.map, Map::Latitude) => lat = Some((v, cell.index)),
                Some(v) => lon = Some((v, cell.index)),
                None => inc
                    .problems
                    .push(crate::census::import::record::RowProblem::NotANumber {
                        column: cell.name.to_string(),
                        value: text.to_string(),
                    }),
            },
            Map::KindCode { key, .. } => import_kind(schema, &mut inc, key, cell),
            Map::ChoiceCodes { field, key } => import_codes(schema, &mut inc, field, key, cell),
            Map::Source { .. } | Map::Unmapped => inc.note(cell.name, text, col),
            Map::LastChange => {}
        }
    }
    match (detail, summary) {
        (Some((field, text, at)), _) | (None, Some((field, text, at))) => {
            inc.set(field, text, Some(at))
        }
        (None, None) => {}
    }
    match (lat, lon) {
        (Some((lat, at)), Some((lon, _))) => inc.set(
            "coordonnees",
            &crate::census::value::format_point(lat, lon),
            Some(at),
        ),
        (None, None) => {}
        _ => inc
            .problems
            .push(crate::census::import::record::RowProblem::HalfCoordinates),
    }
    inc
}

/// The kind from codes `A|B`: the first kind (in the schema's order) whose
/// code is one of them, the first code first. When that kind's code does not
/// say all the cell says, the cell is kept in the notes.
fn import_kind(schema: &Schema, inc: &mut Incoming, key: &str, cell: &Cell) {
    let text = cell.text.trim();
    let kinds = schema.kinds();
    let found = text.split('|').map(str::trim).find_map(|code| {
        kinds.iter().find(|k| {
            k.codes
                .get(key)
                .is_some_and(|c| c.eq_ignore_ascii_case(code))
        })
    });
    if let Some(kind) = found {
        inc.set(&schema.kind_field, &kind.id, Some(cell.index));
    }
    if found
        .and_then(|k| k.codes.get(key))
        .is_none_or(|c| c != text)
    {
        inc.note(cell.name, text, Some(cell.index));
    }
}

/// Choices from codes `A|B`; codes we have no choice for go to the notes.
fn import_codes(schema: &Schema, inc: &mut Incoming, field: &str, key: &str, cell: &Cell) {
    let Some(list) = list_of(schema, field) else {
        inc.note(cell.name, cell.text, Some(cell.index));
        return;
    };
    let mut unknown = Vec::new();
    for code in cell
        .text
        .split('|')
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let wanted = fold(code);
        match schema
            .choices(list)
            .iter()
            .find(|c| c.codes.get(key).is_some_and(|k| fold(k) == wanted))
        {
            Some(choice) => inc.set(field, &choice.id, Some(cell.index)),
            None => unknown.push(code),
        }
    }
    inc.note(cell.name, &unknown.join("|"), Some(cell.index));
}

/// What an initiative already says: the columns whose cell is what the
/// export of `existing` writes (a kind exported as `ASSO` that stays a
/// CHATONS, our own territory as `source`). What came from them is left
/// alone on import. Latitude and longitude go together.
pub fn same_columns(
    cells: &[Cell],
    census: &Census,
    schema: &Schema,
    existing: &Initiative,
) -> Vec<usize> {
    let mut same = Vec::new();
    let mut coordinates = Vec::new();
    for cell in cells {
        let Some(column) = cell.column else { continue };
        let ours = export_cell(&column.map, census, schema, existing).unwrap_or_default();
        let equal = ours == cell.text.trim();
        if matches!(column.map, Map::Latitude | Map::Longitude) {
            coordinates.push((cell.index, equal));
        } else if equal {
            same.push(cell.index);
        }
    }
    if coordinates.iter().all(|(_, equal)| *equal) {
        same.extend(coordinates.iter().map(|(at, _)| *at));
    }
    same
}

/// The cells of one row of a standard, owned: read from the file, kept until
/// the row is matched with an initiative.
#[derive(Debug, Clone, Default)]
pub struct RowCells {
    pub line: usize,
    /// (column in the file, its name, the standard's column, text)
    pub cells: Vec<(usize, String, Option<&'static Column>, String)>,
}

impl RowCells {
    pub fn views(&self) -> Vec<Cell<'_>> {
        self.cells
            .iter()
            .map(|(index, name, column, text)| Cell {
                index: *index,
                name,
                column: *column,
                text,
            })
            .collect()
    }

    /// The record these cells make.
    pub fn import(&self, schema: &Schema) -> Incoming {
        import_row(schema, self.line, &self.views())
    }

    /// See [`same_columns`].
    pub fn same_columns(
        &self,
        census: &Census,
        schema: &Schema,
        existing: &Initiative,
    ) -> Vec<usize> {
        same_columns(&self.views(), census, schema, existing)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_cut_on_a_word_within_the_limit() {
        let long = "Un deux trois quatre cinq six sept huit neuf dix";
        let cut = cut_on_word(long, 20);
        assert!(cut.chars().count() <= 20, "{cut}");
        assert!(cut.ends_with('…'));
        assert!(long.starts_with(cut.trim_end_matches('…')));
        assert_eq!(cut_on_word("court\n texte", 20), "court texte");
        let word = "x".repeat(30);
        assert_eq!(cut_on_word(&word, 10).chars().count(), 10);
    }

    #[test]
    fn uris_are_ascii() {
        assert_eq!(
            ascii_uri("https://exemple.fr/médiathèque", 100).as_deref(),
            Some("https://exemple.fr/m%C3%A9diath%C3%A8que")
        );
        assert_eq!(ascii_uri("https://médiathèque.fr/", 100), None);
        assert_eq!(ascii_uri("https://a.fr/abc", 10), None);
    }

    #[test]
    fn mednum_phones_follow_the_pattern() {
        assert!(french_phone("+33298001234"));
        assert!(french_phone("+262692123456"));
        assert!(!french_phone("+3221234567"), "Belgium is not in the list");
        assert!(!french_phone("0298001234"));
    }

    #[test]
    fn slugs_are_identifiers() {
        assert_eq!(slug("Pays de Brest"), "pays-de-brest");
        assert_eq!(slug("Grenoble – Alpes"), "grenoble-alpes");
    }
}
