//! Reading the records of a file, whatever its format, one after the other.

use super::columns::{self, ColumnPlan, Origin};
use super::csv::{CsvFile, Rows};
use super::json::JsonArray;
use super::record::{Incoming, RowProblem};
use super::{Format, ImportError, Request, chatons, pipe, properties, source};
use crate::census::schema::Schema;
use crate::census::standards::{RowCells, data_inclusion, mednum};

/// Reads the records of the file `req` names: `columns` is filled before the
/// first record, `each` receives every record (with the cells of a standard's
/// row, to compare with an initiative found). A file without any record is
/// an error.
pub fn read(
    schema: &Schema,
    req: &Request,
    columns: &mut Vec<ColumnPlan>,
    mut each: impl FnMut(&mut Incoming, Option<RowCells>),
) -> Result<Option<super::encoding::TextEncoding>, ImportError> {
    let file = source::display(&req.path);
    if req.format != Format::Csv && !req.overrides.is_empty() {
        return Err(ImportError::MapNotCsv(req.format));
    }
    // The character set a CSV file was read in, when not UTF-8.
    let mut decoded = None;
    let mut count = 0;
    let mut counted = |inc: &mut Incoming, cells: Option<RowCells>| {
        count += 1;
        each(inc, cells);
    };
    match req.format {
        Format::Csv => {
            let mut csv = CsvFile::open(&req.path, req.encoding)?;
            decoded = csv.decoded;
            *columns = columns::guess_all(schema, &csv.header);
            columns::override_all(req.format, columns, &req.overrides)?;
            columns::check_clashes(schema, columns)?;
            let rows = Rows::new(schema, columns);
            let next = |inc: &mut Incoming| match csv.next_row()? {
                Some(line) => {
                    rows.record(line, csv.record(), inc);
                    Ok(true)
                }
                None => Ok(false),
            };
            pipe::read_ahead(next, |inc| counted(inc, None))?;
        }
        Format::Mednum => {
            let mut csv = CsvFile::open(&req.path, req.encoding)?;
            decoded = csv.decoded;
            let table: Vec<_> = csv.header.iter().map(|h| mednum::column(h)).collect();
            if !csv.header.iter().any(|h| h == "nom") {
                return Err(ImportError::NotStandard {
                    file,
                    format: req.format,
                    column: "nom",
                });
            }
            *columns = standard_columns(schema, &csv.header, &table);
            while let Some(line) = csv.next_row()? {
                let record = csv.record();
                let cells = RowCells {
                    line,
                    cells: (0..csv.header.len())
                        .map(|i| {
                            let text = record.get(i).unwrap_or_default().to_string();
                            (i, csv.header[i].clone(), table[i], text)
                        })
                        .collect(),
                };
                let mut inc = cells.import(schema);
                if record.len() != csv.header.len() {
                    inc.problems.push(RowProblem::CellCount {
                        found: record.len(),
                        expected: csv.header.len(),
                    });
                }
                counted(&mut inc, Some(cells));
            }
        }
        Format::DataInclusion => {
            let text = source::read_text(&req.path)?;
            let names: Vec<String> = data_inclusion::COLUMNS
                .iter()
                .map(|c| c.name.to_string())
                .collect();
            let table: Vec<_> = data_inclusion::COLUMNS.iter().map(Some).collect();
            *columns = standard_columns(schema, &names, &table);
            let mut array = JsonArray::new(&file, &text)?;
            while let Some((line, value)) = array.next_element()? {
                let Some(object) = value.as_object() else {
                    let mut inc = Incoming::new(line);
                    inc.problems.push(RowProblem::NotAnObject);
                    counted(&mut inc, None);
                    continue;
                };
                let cells = RowCells {
                    line,
                    cells: object
                        .iter()
                        .enumerate()
                        .map(|(i, (k, v))| {
                            (
                                i,
                                k.clone(),
                                data_inclusion::column(k),
                                data_inclusion::cell_text(v),
                            )
                        })
                        .collect(),
                };
                counted(&mut cells.import(schema), Some(cells));
            }
        }
        Format::Chatons => {
            let text = source::read_text(&req.path)?;
            let props = properties::parse(&file, &text)?;
            if props.is_empty() {
                return Err(ImportError::Empty { file });
            }
            counted(&mut chatons::record(schema, &file, &props)?, None);
        }
    }
    if count == 0 {
        return Err(ImportError::NoRows {
            file: source::display(&req.path),
        });
    }
    Ok(decoded)
}

fn standard_columns(
    schema: &Schema,
    names: &[String],
    table: &[Option<&'static crate::census::standards::Column>],
) -> Vec<ColumnPlan> {
    names
        .iter()
        .zip(table)
        .enumerate()
        .map(|(index, (name, column))| ColumnPlan {
            index,
            name: name.clone(),
            target: columns::standard_target(schema, *column),
            origin: if column.is_some() {
                Origin::Standard
            } else {
                Origin::Unknown
            },
        })
        .collect()
}
