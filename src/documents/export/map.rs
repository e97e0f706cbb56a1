//! Maps: GeoJSON (uMap, QGIS) and uMap's CSV. Only initiatives with valid
//! coordinates are written; personal fields never are (a map is made to be
//! published).
//!
//! GeoJSON: a `FeatureCollection` (RFC 7946), one `Point` feature per line,
//! coordinates `[longitude, latitude]` — the census stores `lat,lon`. The
//! feature's `id` is the initiative id; its properties are `name`,
//! `description`, `id`, then every other filled public field (labels or ids
//! as keys, see `--header`), several values joined with `|`.
//!
//! uMap CSV: `name;description;lat;lon;id` then the other public fields.

use std::io::{self, Write};

use serde::ser::{Serialize, SerializeMap, Serializer};

use crate::census::model::{Census, Initiative};
use crate::census::schema::{Field, FieldType, Schema};
use crate::census::value::geo_point;

use super::csv::{write_row, writer};
use super::values::write_cell;
use super::{ID_COLUMN, Options, Summary, columns, header_text};

/// The field holding the description shown in map popups.
const DESCRIPTION: &str = "description";

/// What a map needs of the schema: where the coordinates are, and the other
/// public fields (name, description and coordinates have their own places).
struct MapColumns<'a> {
    point: Option<&'a Field>,
    description: Option<&'a Field>,
    others: Vec<&'a Field>,
}

impl<'a> MapColumns<'a> {
    fn new(schema: &'a Schema) -> MapColumns<'a> {
        let point = schema
            .fields
            .iter()
            .find(|f| f.field_type == FieldType::GeoPoint);
        let others = columns(schema, true)
            .into_iter()
            .filter(|f| {
                f.id != schema.name_field
                    && f.id != DESCRIPTION
                    && f.field_type != FieldType::GeoPoint
            })
            .collect();
        let description = schema.field(DESCRIPTION).filter(|f| !f.personal);
        MapColumns {
            point,
            description,
            others,
        }
    }

    fn description<'i>(&self, i: &'i Initiative) -> Option<&'i str> {
        i.value(&self.description?.id)
    }

    /// `(lat, lon)` of an initiative, when it has valid coordinates.
    fn point(&self, i: &Initiative) -> Option<(f64, f64)> {
        geo_point(i.value(&self.point?.id)?).ok()
    }
}

/// A JSON object whose members keep their order (name, description, id,
/// then the fields in schema order: the attribute table of QGIS follows it);
/// a missing value is `null`.
struct Ordered<'a>(&'a [(&'a str, Option<&'a str>)]);

impl Serialize for Ordered<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

pub(super) fn write_geojson(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let cols = MapColumns::new(schema);
    let mut summary = Summary::default();
    out.write_all(b"{\"type\": \"FeatureCollection\", \"features\": [")?;
    // One buffer per column and one for the feature, reused for every line.
    let mut cells: Vec<String> = vec![String::new(); cols.others.len()];
    let mut feature: Vec<u8> = Vec::new();
    for i in selection {
        let Some((lat, lon)) = cols.point(i) else {
            summary.without_coordinates += 1;
            continue;
        };
        for (cell, field) in cells.iter_mut().zip(&cols.others) {
            write_cell(cell, schema, census, i, field, options.header, options.lang);
        }
        let mut properties: Vec<(&str, Option<&str>)> = vec![
            ("name", i.value(&schema.name_field)),
            ("description", cols.description(i)),
            ("id", Some(i.id.as_str())),
        ];
        for (cell, f) in cells.iter().zip(&cols.others) {
            if !cell.is_empty() {
                let key = header_text(f, options.header, options.lang);
                properties.push((key, Some(cell)));
            }
        }
        feature.clear();
        feature.extend_from_slice(if summary.written == 0 { b"\n" } else { b",\n" });
        feature.extend_from_slice(b"{\"type\": \"Feature\", \"id\": ");
        serde_json::to_writer(&mut feature, i.id.as_str())?;
        feature.extend_from_slice(b", \"geometry\": {\"type\": \"Point\", \"coordinates\": ");
        serde_json::to_writer(&mut feature, &[lon, lat])?;
        feature.extend_from_slice(b"}, \"properties\": ");
        serde_json::to_writer(&mut feature, &Ordered(&properties))?;
        feature.extend_from_slice(b"}");
        out.write_all(&feature)?;
        summary.written += 1;
    }
    out.write_all(b"\n]")?;
    // The perimeter's communes without initiative, named beside the points
    // (a foreign member, RFC 7946 §6.1): the white zones of the map.
    if let Some(white) = white_zones(census, schema, selection) {
        out.write_all(b", \"zones_blanches\": ")?;
        serde_json::to_writer(&mut *out, &white)?;
    }
    out.write_all(b"}\n")?;
    Ok(summary)
}

/// The communes of the perimeter where none of `selection` is, largest
/// population first; `None` without a perimeter.
fn white_zones(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
) -> Option<Vec<serde_json::Value>> {
    let kept: Vec<usize> = selection
        .iter()
        .filter_map(|i| census.position(&i.id))
        .collect();
    let cov = crate::census::coverage::coverage(census, schema, &kept)?;
    Some(
        cov.communes
            .iter()
            .filter(|c| c.initiatives == 0)
            .map(|c| {
                serde_json::json!({
                    "code_insee": c.code_insee,
                    "commune": c.commune,
                    "population": c.population,
                })
            })
            .collect(),
    )
}

pub(super) fn write_umap_csv(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let cols = MapColumns::new(schema);
    let mut summary = Summary::default();
    let mut w = writer(out);
    let fixed = ["name", "description", "lat", "lon", ID_COLUMN];
    let headers = cols
        .others
        .iter()
        .map(|f| header_text(f, options.header, options.lang));
    write_row(&mut w, fixed.into_iter().chain(headers))?;
    let mut cells: Vec<String> = vec![String::new(); cols.others.len()];
    for i in selection {
        let Some((lat, lon)) = cols.point(i) else {
            summary.without_coordinates += 1;
            continue;
        };
        for (cell, field) in cells.iter_mut().zip(&cols.others) {
            write_cell(cell, schema, census, i, field, options.header, options.lang);
        }
        let (lat, lon) = (lat.to_string(), lon.to_string());
        let first = [
            i.value(&schema.name_field).unwrap_or(""),
            cols.description(i).unwrap_or(""),
            &lat,
            &lon,
            i.id.as_str(),
        ];
        write_row(
            &mut w,
            first.into_iter().chain(cells.iter().map(String::as_str)),
        )?;
        summary.written += 1;
    }
    w.flush()?;
    Ok(summary)
}
