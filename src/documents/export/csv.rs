//! `csv`: one row per initiative, an `id` column, one column per schema
//! field, then the status and the score (as of the census's last change); `;`-separated UTF-8 without a byte order mark, `\n` line ends,
//! quotes only where needed, several values joined with `|`, every cell
//! passed through [`super::cell::neutralise`].

use std::io::{self, Write};

use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;

use super::cell::neutralise;
use super::values::write_cell;
use super::{Header, ID_COLUMN, Options, Summary, columns, header_text, last_modified};
use crate::census::status;
use crate::documents::export::words::export as texts;
use crate::i18n::status_label;

/// The headers of the status and score columns, as the spreadsheet's.
pub(super) fn status_columns(options: &Options) -> (&'static str, &'static str) {
    let t = texts(options.lang);
    match options.header {
        Header::Labels => (t.col_status, t.col_score),
        Header::Ids => ("status", "score"),
    }
}

/// A CSV writer with the conventions of every CSV export.
pub(super) fn writer(out: &mut dyn Write) -> ::csv::Writer<&mut dyn Write> {
    ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// Writes one record, each cell neutralised.
pub(super) fn write_row<'a>(
    w: &mut ::csv::Writer<&mut dyn Write>,
    cells: impl IntoIterator<Item = &'a str>,
) -> io::Result<()> {
    for cell in cells {
        w.write_field(neutralise(cell).as_bytes())?;
    }
    // An empty record ends the row whose fields were just written.
    w.write_record(std::iter::empty::<&[u8]>())?;
    Ok(())
}

/// One CSV line (with its `\n`) by the rule of every CSV export: for a CSV
/// printed rather than written to a file (`recense list --format csv`).
pub fn csv_line<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut bytes = Vec::new();
    {
        let mut sink: &mut dyn Write = &mut bytes;
        let mut w = writer(&mut sink);
        // Writing to memory cannot fail.
        let _ = write_row(&mut w, cells).and_then(|()| w.flush());
    }
    String::from_utf8(bytes).unwrap_or_default()
}

pub(super) fn write_csv(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let fields = columns(schema, options.is_public());
    let mut w = writer(out);
    let headers = fields
        .iter()
        .map(|f| header_text(f, options.header, options.lang));
    // The status and the score end each row, as in the spreadsheet: a
    // colleague sees where each initiative stands (computed, not imported).
    let (status_col, score_col) = status_columns(options);
    let last = [status_col, score_col];
    write_row(
        &mut w,
        std::iter::once(ID_COLUMN).chain(headers).chain(last),
    )?;
    let today = last_modified(census).unwrap_or_default().date();
    let mut cells: Vec<String> = vec![String::new(); fields.len()];
    for i in selection {
        for (cell, field) in cells.iter_mut().zip(&fields) {
            write_cell(cell, schema, census, i, field, options.header, options.lang);
        }
        let id = i.id.as_str();
        let current = status::current(i);
        let shown = match options.header {
            Header::Labels => status_label(current, options.lang),
            Header::Ids => current,
        };
        let score = status::score(schema, i, today).to_string();
        write_row(
            &mut w,
            std::iter::once(id)
                .chain(cells.iter().map(String::as_str))
                .chain([shown, score.as_str()]),
        )?;
    }
    w.flush()?;
    Ok(Summary {
        written: selection.len(),
        ..Summary::default()
    })
}
