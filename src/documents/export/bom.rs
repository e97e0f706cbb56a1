//! The UTF-8 byte order mark some CSV exports may start with (`--bom`):
//! Excel, opening a CSV by a double-click, reads it as UTF-8 only when the
//! file starts with this mark; without it, accents come out garbled.
//! LibreOffice asks for the character set instead: ODS stays the advice.

use std::io::{self, Write};

use super::{Format, Options, Summary, export};
use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;

/// The three bytes of the mark.
pub const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether a format is a CSV file, which may start with the mark.
pub fn takes_bom(format: Format) -> bool {
    matches!(format, Format::Csv | Format::UmapCsv | Format::Mednum)
}

/// [`export`], after the mark when `bom` (only for [`takes_bom`] formats).
pub fn export_with_bom(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
    bom: bool,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    if bom && takes_bom(options.format) {
        out.write_all(UTF8_BOM)?;
    }
    export(census, schema, selection, options, out)
}
