//! CSV files, read as a stream: the delimiter (`,` `;` or tab) sniffed from
//! the header line, rows read one at a time, quotes watched.
//!
//! Cells that an export neutralised against formula injection (`'=…`,
//! `'+…`, `'-…`, `'@…`) are read without the added quote.

use std::io::{Cursor, Read};
use std::path::Path;

use super::ImportError;
use super::columns::{ColumnPlan, Target};
use super::crlf::CrlfAsLf;
use super::encoding::{self, TextEncoding};
use super::record::{Incoming, RowProblem};
use super::source::{self, QuoteWatch};
use crate::census::schema::{Field, FieldType, Schema};
use crate::census::search::fold;

type Stream = CrlfAsLf<QuoteWatch<Box<dyn Read + Send>>>;

/// An open CSV file: its header, then its rows.
pub struct CsvFile {
    pub file: String,
    pub header: Vec<String>,
    /// The character set the file was read in when it was not UTF-8.
    pub decoded: Option<TextEncoding>,
    reader: csv::Reader<Stream>,
    record: csv::StringRecord,
}

/// The delimiter of a header line: the most frequent of `;` `,` tab outside
/// quotes (`;` first on a tie, as French spreadsheets write).
pub fn sniff(header: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b';' if !quoted => counts[0] += 1,
            b',' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).fold(0, |best, i| if counts[i] > counts[best] { i } else { best });
    match (counts[best], best) {
        (0, _) => b',',
        (_, 0) => b';',
        (_, 1) => b',',
        _ => b'\t',
    }
}

/// A cell as written, without the quote an export puts before `=`, `+`,
/// `-`, `@`, tab or CR to neutralise formulas.
pub fn plain(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

fn csv_error(file: &str, e: csv::Error) -> ImportError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    ImportError::Csv {
        file: file.to_string(),
        line,
        message: e.to_string(),
    }
}

impl CsvFile {
    /// Opens a CSV file in `wanted` (`None`: UTF-8, or Windows-1252 when
    /// the file is not UTF-8). UTF-8 is streamed; another set is decoded
    /// whole first (the spreadsheets that write it make small files).
    pub fn open(path: &Path, wanted: Option<TextEncoding>) -> Result<CsvFile, ImportError> {
        let file = source::display(path);
        let decoded = match wanted {
            None if !encoding::is_utf8(path)? => Some(TextEncoding::Windows1252),
            None | Some(TextEncoding::Utf8) => None,
            Some(other) => Some(other),
        };
        let (header_line, rest): (String, Box<dyn Read + Send>) = match decoded {
            None => {
                let (first, rest) = source::first_line(path)?;
                source::check_start(&file, &first)?;
                let header_line = source::utf8(&file, first.clone(), 1)?;
                (header_line, Box::new(Cursor::new(first).chain(rest)))
            }
            Some(encoding) => {
                let text = encoding::read_decoded(path, encoding)?;
                let first = text.split_inclusive('\n').next().unwrap_or("").to_string();
                (first, Box::new(Cursor::new(text.into_bytes())))
            }
        };
        let delimiter = sniff(&header_line);
        // The bytes read count for the progress bar of a long import.
        let size = std::fs::metadata(path).map_or(0, |m| m.len());
        crate::census::progress::begin(size);
        // Windows line ends, told by the header's.
        let crlf = header_line.ends_with("\r\n");
        let stream = CrlfAsLf::new(QuoteWatch::new(rest, delimiter), crlf);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(stream);
        let header = reader
            .headers()
            .map_err(|e| csv_error(&file, e))?
            .iter()
            .map(|h| plain(h).trim().to_string())
            .collect();
        Ok(CsvFile {
            file,
            header,
            decoded,
            reader,
            record: csv::StringRecord::new(),
        })
    }

    /// Reads the next row; returns the line it starts on, `None` at the end.
    pub fn next_row(&mut self) -> Result<Option<usize>, ImportError> {
        let mut bytes = std::mem::take(&mut self.record).into_byte_record();
        let more = self
            .reader
            .read_byte_record(&mut bytes)
            .map_err(|e| csv_error(&self.file, e))?;
        if !more {
            if let Some(line) = self.reader.get_ref().get_ref().unterminated() {
                return Err(ImportError::UnterminatedQuote {
                    file: self.file.clone(),
                    line,
                });
            }
            return Ok(None);
        }
        let line = bytes.position().map_or(0, |p| p.line() as usize);
        match csv::StringRecord::from_byte_record(bytes) {
            Ok(record) => {
                self.record = record;
                Ok(Some(line))
            }
            Err(e) => {
                let (field, at) = (e.utf8_error().field(), e.utf8_error().valid_up_to());
                let record = e.into_byte_record();
                let cell = record.get(field).unwrap_or_default();
                let newlines = record
                    .iter()
                    .take(field)
                    .flatten()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + cell[..at.min(cell.len())]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count();
                Err(ImportError::NotUtf8 {
                    file: self.file.clone(),
                    line: line + newlines,
                    byte: cell.get(at).copied().unwrap_or(0),
                })
            }
        }
    }

    /// The cells of the row last read.
    pub fn record(&self) -> &csv::StringRecord {
        &self.record
    }
}

/// The kinds of a relation list as a row may name them: the folded label
/// (French, English) or id of each, folded once for the whole file.
fn kind_labels<'s>(schema: &'s Schema, list: &str) -> Vec<(String, &'s str)> {
    (schema.choices(list).iter())
        .flat_map(|c| [&c.label.fr, &c.label.en, &c.id].map(|l| (fold(l), c.id.as_str())))
        .filter(|(l, _)| !l.is_empty())
        .collect()
}

/// `héberge Infini (01J…)` or `héberge 01J…`, as an export may show a
/// relation, as `KIND:ID` (`KIND:ID` itself is kept). `kinds` is
/// [`kind_labels`]: the longest label the text starts with names the kind.
fn relation_text(kinds: &[(String, &str)], text: &str) -> String {
    if text.contains(':') {
        return text.to_string();
    }
    let (label, id) = match text.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        Some((before, id)) => (before, id.trim()),
        None => match text.rsplit_once(char::is_whitespace) {
            Some((before, id)) => (before, id.trim()),
            None => return text.to_string(),
        },
    };
    let folded = fold(label.trim());
    let kind = (kinds.iter())
        .filter(|(l, _)| folded.starts_with(l.as_str()))
        .max_by_key(|(l, _)| l.len());
    match kind {
        Some((_, kind)) => format!("{kind}:{id}"),
        None => text.to_string(),
    }
}

/// What reading the rows of a file needs, found once for the whole file:
/// the field of each column, and the kinds of its relation columns.
pub struct Rows<'s> {
    columns: &'s [ColumnPlan],
    /// The field of each column, when it goes to one.
    fields: Vec<Option<&'s Field>>,
    /// The kinds of each relation column ([`kind_labels`]), empty for others.
    kinds: Vec<Vec<(String, &'s str)>>,
}

impl<'s> Rows<'s> {
    pub fn new(schema: &'s Schema, columns: &'s [ColumnPlan]) -> Rows<'s> {
        let fields: Vec<Option<&Field>> = (columns.iter())
            .map(|c| match &c.target {
                Target::Field(f) => schema.field(f),
                _ => None,
            })
            .collect();
        let kinds = (fields.iter())
            .map(|f| match f.map(|f| &f.field_type) {
                Some(FieldType::Relations(list)) => kind_labels(schema, list),
                _ => Vec::new(),
            })
            .collect();
        Rows {
            columns,
            fields,
            kinds,
        }
    }

    /// The record a CSV row makes, through the column mapping, written into
    /// `inc` (emptied first). Multiple values are split on `|`.
    pub fn record(&self, line: usize, record: &csv::StringRecord, inc: &mut Incoming) {
        let columns = self.columns;
        inc.reuse(line);
        if record.len() != columns.len() {
            inc.problems.push(RowProblem::CellCount {
                found: record.len(),
                expected: columns.len(),
            });
        }
        let (mut lat, mut lon) = (None, None);
        for (n, (c, cell)) in columns.iter().zip(record.iter()).enumerate() {
            let cell = plain(cell).trim();
            if cell.is_empty() {
                continue;
            }
            let col = Some(c.index);
            match &c.target {
                Target::Field(f) => match self.fields[n].map(|d| &d.field_type) {
                    Some(FieldType::Relations(_)) => {
                        for piece in cell.split('|').map(str::trim) {
                            inc.set(f, &relation_text(&self.kinds[n], piece), col);
                        }
                    }
                    Some(t) if t.is_multi() => {
                        for piece in cell.split('|') {
                            inc.set(f, piece, col);
                        }
                    }
                    _ => inc.set(f, cell, col),
                },
                Target::Notes => inc.note(&c.name, cell, col),
                Target::Id if super::our_id(cell).is_some() => inc.id = Some(cell.to_string()),
                Target::Id => inc.note(&c.name, cell, col),
                Target::Latitude => lat = Some(cell),
                Target::Longitude => lon = Some(cell),
                Target::Ignore => {}
            }
        }
        match (lat, lon) {
            (Some(lat), Some(lon)) => {
                let number = |s: &str| s.replace(',', ".");
                inc.set(
                    "coordonnees",
                    &format!("{},{}", number(lat), number(lon)),
                    None,
                );
            }
            (None, None) => {}
            _ => inc.problems.push(RowProblem::HalfCoordinates),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_delimiter_is_sniffed_outside_quotes() {
        assert_eq!(sniff("nom;commune;type\n"), b';');
        assert_eq!(sniff("nom,commune,type\n"), b',');
        assert_eq!(sniff("nom\tcommune\ttype\n"), b'\t');
        assert_eq!(sniff("\"a;b\",c,d\n"), b',');
        assert_eq!(sniff("nom\n"), b',');
    }

    #[test]
    fn neutralised_cells_lose_their_quote() {
        assert_eq!(plain("'=SOMME(A1)"), "=SOMME(A1)");
        assert_eq!(plain("'+33298001234"), "+33298001234");
        assert_eq!(plain("'-4.48"), "-4.48");
        assert_eq!(plain("l'Atelier"), "l'Atelier");
        assert_eq!(plain("'quote'"), "'quote'");
    }

    #[test]
    fn relations_read_as_exports_show_them() {
        let schema = Schema::default_schema();
        let s = kind_labels(&schema, "relations");
        let id = "01M6B5J2D0SQG3VQPNKVEWCE7N";
        assert_eq!(
            relation_text(&s, &format!("héberge Infini (Brest) ({id})")),
            format!("heberge:{id}")
        );
        assert_eq!(
            relation_text(&s, &format!("hosts {id}")),
            format!("heberge:{id}")
        );
        assert_eq!(
            relation_text(&s, &format!("partenaire de {id}")),
            format!("partenaire:{id}")
        );
        assert_eq!(relation_text(&s, "forme:01J"), "forme:01J");
    }
}
