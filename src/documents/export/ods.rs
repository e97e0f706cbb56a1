//! `ods`: an OpenDocument spreadsheet (LibreOffice Calc), written by the
//! `spreadsheet-ods` library, three sheets:
//!
//! - *Initiatives*: `id`, one column per field (as in the CSV export), then
//!   status and score (as of the census' last change);
//! - *Preuves* (evidence): initiative id and name, kind, date, note, link,
//!   and who recorded it (not in a public export);
//! - *Relations*: source id and name, relation, target id and name (fusions
//!   followed).
//!
//! Cells are text (never formulas: no injection possible), the score a
//! number. The document's title and description name the census and say
//! whether personal data was left out. Bytes are deterministic (see
//! `zip_normal`).

use std::io::{self, Write};

use spreadsheet_ods::{Sheet, WorkBook};

use crate::census::id::InitiativeId;
use crate::census::model::{Census, Initiative};
use crate::census::network::outgoing;
use crate::census::schema::Schema;
use crate::census::status;
use crate::documents::export::words::export as texts;
use crate::i18n::{fill, status_label};

use super::values::write_cell;
use super::{Header, ID_COLUMN, Options, Summary, columns, header_text, last_modified};

/// Text a spreadsheet can hold: characters XML 1.0 forbids become U+FFFD.
fn text(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\n' | '\t') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect()
}

/// Writes a header row and returns the sheet.
fn sheet_with_header(name: &str, header: &[&str]) -> Sheet {
    let mut sheet = Sheet::new(name);
    for (col, h) in header.iter().enumerate() {
        sheet.set_value(0, col as u32, text(h));
    }
    sheet
}

/// Sets a text cell, leaving empty ones out.
fn set_text(sheet: &mut Sheet, row: u32, col: usize, value: &str) {
    if !value.is_empty() {
        sheet.set_value(row, col as u32, text(value));
    }
}

fn initiatives_sheet(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
) -> Sheet {
    let t = texts(options.lang);
    let fields = columns(schema, options.is_public());
    let (status_col, score_col) = match options.header {
        Header::Labels => (t.col_status, t.col_score),
        Header::Ids => ("status", "score"),
    };
    let mut header = vec![ID_COLUMN];
    header.extend(
        fields
            .iter()
            .map(|f| header_text(f, options.header, options.lang)),
    );
    header.extend([status_col, score_col]);
    let mut sheet = sheet_with_header(t.sheet_initiatives, &header);
    let today = last_modified(census).unwrap_or_default().date();
    let mut cell = String::new();
    for (row, i) in (1u32..).zip(selection) {
        set_text(&mut sheet, row, 0, i.id.as_str());
        for (n, field) in fields.iter().enumerate() {
            write_cell(
                &mut cell,
                schema,
                census,
                i,
                field,
                options.header,
                options.lang,
            );
            set_text(&mut sheet, row, n + 1, &cell);
        }
        let current = status::current(i);
        let shown = match options.header {
            Header::Labels => status_label(current, options.lang),
            Header::Ids => current,
        };
        set_text(&mut sheet, row, fields.len() + 1, shown);
        let score = f64::from(status::score(schema, i, today));
        sheet.set_value(row, (fields.len() + 2) as u32, score);
    }
    sheet
}

fn evidence_sheet(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
) -> Sheet {
    let t = texts(options.lang);
    let header = match options.header {
        Header::Labels => vec![
            ID_COLUMN,
            t.col_name,
            t.col_evidence_kind,
            t.col_date,
            t.col_note,
            t.col_url,
            t.col_by,
        ],
        Header::Ids => vec![ID_COLUMN, "name", "kind", "date", "note", "url", "by"],
    };
    // A public export names agents by pseudonyms.
    let pseudonyms = if options.is_public() {
        crate::census::erase::public::pseudonyms_in(census, selection)
    } else {
        Default::default()
    };
    let mut sheet = sheet_with_header(t.sheet_evidence, &header);
    let mut row = 1u32;
    for i in selection {
        for e in status::evidence(i) {
            let kind = match options.header {
                Header::Labels => {
                    schema.choice_label(status::EVIDENCE_KINDS, &e.kind, options.lang)
                }
                Header::Ids => &e.kind,
            };
            let date = e.date.map(|d| d.to_string()).unwrap_or_default();
            let name = i.value(&schema.name_field).unwrap_or("");
            let by = match &e.by {
                Some(a) if options.is_public() => pseudonyms.get(a).map_or("", String::as_str),
                Some(a) => census.agent_name(a),
                None => "",
            };
            let cells = [i.id.as_str(), name, kind, &date, &e.note, &e.url, by];
            for (col, value) in cells.iter().take(header.len()).enumerate() {
                set_text(&mut sheet, row, col, value);
            }
            row += 1;
        }
    }
    sheet
}

fn relations_sheet(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
) -> Sheet {
    let t = texts(options.lang);
    let header = match options.header {
        Header::Labels => [
            t.col_source_id,
            t.col_source,
            t.col_relation,
            t.col_target_id,
            t.col_target,
        ],
        Header::Ids => ["source", "source_name", "relation", "target", "target_name"],
    };
    let mut sheet = sheet_with_header(t.sheet_relations, &header);
    let mut row = 1u32;
    for i in selection {
        for link in outgoing(schema, i) {
            let target = InitiativeId::parse(link.to)
                .ok()
                .and_then(|id| census.get(&id))
                .map(|t| census.get(census.redirect(&t.id)).unwrap_or(t));
            let relation = match options.header {
                Header::Labels => schema.choice_label(link.list, link.kind, options.lang),
                Header::Ids => link.kind,
            };
            let cells = [
                i.id.as_str(),
                i.value(&schema.name_field).unwrap_or(""),
                relation,
                target.map_or(link.to, |t| t.id.as_str()),
                target
                    .and_then(|t| t.value(&schema.name_field))
                    .unwrap_or(""),
            ];
            for (col, value) in cells.iter().enumerate() {
                set_text(&mut sheet, row, col, value);
            }
            row += 1;
        }
    }
    sheet
}

pub(super) fn write_ods(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let t = texts(options.lang);
    let mut book = WorkBook::new_empty();
    book.push_sheet(initiatives_sheet(census, schema, selection, options));
    book.push_sheet(evidence_sheet(census, schema, selection, options));
    book.push_sheet(relations_sheet(census, schema, selection, options));
    let modified = last_modified(census);
    let meta = book.metadata_mut();
    meta.title = text(&fill(t.ods_title, &[("territory", &census.territory)]));
    let mut description = String::from(if options.is_public() {
        t.public_note
    } else {
        t.private_note
    });
    if let Some(at) = modified {
        description.push(' ');
        description.push_str(&fill(t.modified_note, &[("date", &at.date())]));
    }
    meta.description = description;
    meta.subject = if options.is_public() {
        "public".into()
    } else {
        "personal-data".into()
    };
    let bytes = spreadsheet_ods::write_ods_buf(&mut book, Vec::new()).map_err(io::Error::other)?;
    out.write_all(&super::zip_normal::normalise(&bytes, modified)?)?;
    Ok(Summary {
        written: selection.len(),
        ..Summary::default()
    })
}
