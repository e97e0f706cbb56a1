//! Makes an OpenDocument zip deterministic. The spreadsheet library stamps
//! every zip entry with the clock, and writes namespace declarations and the
//! manifest's entries in the order of a hash map, which changes from run to
//! run. Here the zip is rewritten entry by entry, in the same order, with a
//! fixed date, the attributes of every XML element sorted by name and the
//! manifest's entries sorted — nothing that changes what a reader sees.

use std::io::{self, Cursor, Read, Write};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};
use zip::write::SimpleFileOptions;
use zip::{DateTime, ZipArchive, ZipWriter};

use crate::census::time::Timestamp;

/// The manifest, whose entries may come in any order.
const MANIFEST: &str = "META-INF/manifest.xml";

fn zip_error(e: zip::result::ZipError) -> io::Error {
    io::Error::other(e)
}

fn xml_error(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e)
}

/// The zip date of a moment (1980-01-01 when there is none, or it is out
/// of the zip range).
pub(super) fn zip_date(at: Option<Timestamp>) -> DateTime {
    at.and_then(|at| {
        let date = at.date();
        let secs = at.0.rem_euclid(86_400);
        DateTime::from_date_and_time(
            u16::try_from(date.year).ok()?,
            date.month,
            date.day,
            (secs / 3600) as u8,
            (secs % 3600 / 60) as u8,
            (secs % 60) as u8,
        )
        .ok()
    })
    .unwrap_or_default()
}

/// The same zip, its entries dated `at` and its XML in a canonical order.
pub(super) fn normalise(bytes: &[u8], at: Option<Timestamp>) -> io::Result<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let date = zip_date(at);
    for n in 0..archive.len() {
        let mut entry = archive.by_index(n).map_err(zip_error)?;
        let options = SimpleFileOptions::default()
            .compression_method(entry.compression())
            .last_modified_time(date);
        let name = entry.name().to_string();
        if entry.is_dir() {
            out.add_directory(name, options).map_err(zip_error)?;
            continue;
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data)?;
        if name.ends_with(".xml") {
            data = canonical_xml(&data, name == MANIFEST)?;
        }
        out.start_file(name, options).map_err(zip_error)?;
        out.write_all(&data)?;
    }
    Ok(out.finish().map_err(zip_error)?.into_inner())
}

/// The Dublin Core namespace, which the library uses in `meta.xml`
/// (`dc:title`, `dc:description`) without declaring it.
const DC: (&str, &str) = ("xmlns:dc", "http://purl.org/dc/elements/1.1/");

/// An element with its attributes sorted by name, and `extra` declared if
/// it is not already.
fn sorted(e: &BytesStart, extra: Option<(&str, &str)>) -> io::Result<BytesStart<'static>> {
    let mut attributes = e
        .attributes()
        .collect::<Result<Vec<_>, _>>()
        .map_err(xml_error)?;
    if let Some((key, value)) = extra
        && !attributes.iter().any(|a| a.key.as_ref() == key.as_bytes())
    {
        attributes.push((key, value).into());
    }
    attributes.sort_by(|a, b| a.key.as_ref().cmp(b.key.as_ref()));
    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
    let mut out = BytesStart::new(name);
    for a in attributes {
        out.push_attribute(a);
    }
    Ok(out)
}

/// The XML with every element's attributes sorted, and the Dublin Core
/// namespace declared on the root when `dc:` elements are used; with
/// `sort_children`, the root's children sorted too (each child is one empty
/// element, as in the manifest).
fn canonical_xml(data: &[u8], sort_children: bool) -> io::Result<Vec<u8>> {
    let uses_dc = data.windows(4).any(|w| w == b"<dc:");
    let mut root = true;
    let mut reader = Reader::from_reader(data);
    let mut writer = Writer::new(Vec::with_capacity(data.len()));
    let mut children: Vec<Vec<u8>> = Vec::new();
    let mut depth = 0usize;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).map_err(xml_error)?;
        let event = match event {
            Event::Eof => break,
            Event::Start(e) => {
                let extra = (std::mem::take(&mut root) && uses_dc).then_some(DC);
                Event::Start(sorted(&e, extra)?)
            }
            Event::Empty(e) => Event::Empty(sorted(&e, None)?),
            other => other.into_owned(),
        };
        match &event {
            Event::Empty(_) if sort_children && depth == 1 => {
                let mut child = Writer::new(Vec::new());
                child.write_event(event)?;
                children.push(child.into_inner());
            }
            Event::End(_) if sort_children && depth == 1 => {
                children.sort();
                for child in children.drain(..) {
                    writer.get_mut().write_all(&child)?;
                }
                depth -= 1;
                writer.write_event(event)?;
            }
            _ => {
                match &event {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth = depth.saturating_sub(1),
                    _ => {}
                }
                writer.write_event(event)?;
            }
        }
        buf.clear();
    }
    Ok(writer.into_inner())
}
