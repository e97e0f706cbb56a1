//! data·inclusion *structures*, schema v1 (GIP de l'inclusion): a JSON array
//! of structure objects. <https://github.com/gip-inclusion/data-inclusion-schema>
//!
//! The export writes one structure per line inside the array, every
//! property present (`null` when empty), keys in alphabetical order.

use std::io::Write;
use std::sync::OnceLock;

use serde_json::{Map as Object, Value as Json};

use super::{Column, LeftOut, Map, export_row};
use crate::census::{Census, Initiative, Schema};

/// The closed list of `reseaux_porteurs`, as the standard publishes it
/// (a verbatim copy of `schemas/v1/extra/reseaux-porteurs.json`).
const NETWORKS_JSON: &str = include_str!("data-inclusion-reseaux-porteurs.json");

/// The values of the closed list of `reseaux_porteurs`.
pub fn networks() -> &'static [String] {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let items: Vec<Json> = serde_json::from_str(NETWORKS_JSON).unwrap_or_default();
        let mut values: Vec<String> = items
            .iter()
            .filter_map(|i| i.get("value")?.as_str().map(String::from))
            .collect();
        values.sort();
        values
    })
}

/// Whether a code is in the closed list of `reseaux_porteurs`.
pub fn is_network(code: &str) -> bool {
    networks()
        .binary_search_by(|v| v.as_str().cmp(code))
        .is_ok()
}

/// Longest web address the schema accepts.
const URI_MAX: usize = 2083;

const fn text(field: &'static str, min: usize, max: usize) -> Map {
    Map::Text { field, min, max }
}

const fn col(name: &'static str, required: bool, map: Map) -> Column {
    Column {
        name,
        required,
        map,
    }
}

/// The structure's properties and how each relates to our fields.
pub const COLUMNS: [Column; 20] = [
    col("accessibilite_lieu", false, Map::Unmapped),
    col("adresse", false, text("adresse", 1, usize::MAX)),
    col("code_insee", false, Map::CommuneCode("code_insee")),
    col("code_postal", false, Map::CommuneCode("code_postal")),
    col("commune", false, text("commune", 1, usize::MAX)),
    col("complement_adresse", false, Map::Unmapped),
    col("courriel", false, Map::Email("courriel")),
    col("date_maj", true, Map::LastChange),
    col(
        "description",
        false,
        Map::Summary {
            field: "description",
            min: 5,
            max: 10_000,
            one_line: false,
        },
    ),
    col("horaires_accueil", false, text("horaires", 1, usize::MAX)),
    col("id", true, Map::Id),
    col("latitude", false, Map::Latitude),
    col("lien_source", false, Map::Unmapped),
    col("longitude", false, Map::Longitude),
    col("nom", true, text("nom", 3, 150)),
    col(
        "reseaux_porteurs",
        false,
        Map::ChoiceCodes {
            field: "reseaux_porteurs",
            key: "data_inclusion",
        },
    ),
    col("siret", false, text("siret", 14, 14)),
    col(
        "site_web",
        false,
        Map::Url {
            field: "site_web",
            max: URI_MAX,
        },
    ),
    col("source", true, Map::Source { slug: true }),
    col(
        "telephone",
        false,
        Map::Phone {
            field: "telephone",
            french: false,
        },
    ),
];

/// Properties of the older schema v0 still found in files: read on import,
/// never written.
pub const LEGACY: [Column; 5] = [
    col(
        "typologie",
        false,
        Map::KindCode {
            key: "typologie",
            allowed: None,
        },
    ),
    col("rna", false, text("rna", 10, 10)),
    col(
        "presentation_resume",
        false,
        Map::Summary {
            field: "description",
            min: 1,
            max: 280,
            one_line: true,
        },
    ),
    col(
        "presentation_detail",
        false,
        Map::Detail {
            field: "description",
            summary_max: 280,
        },
    ),
    col("horaires_ouverture", false, text("horaires", 1, usize::MAX)),
];

/// The column (v1 or v0) of this property name.
pub fn column(name: &str) -> Option<&'static Column> {
    COLUMNS.iter().chain(LEGACY.iter()).find(|c| c.name == name)
}

/// The text of a property for the table: arrays joined with `|`.
pub fn cell_text(value: &Json) -> String {
    match value {
        Json::Null => String::new(),
        Json::String(s) => s.clone(),
        Json::Array(items) => items.iter().map(cell_text).collect::<Vec<_>>().join("|"),
        other => other.to_string(),
    }
}

/// One structure as JSON.
fn structure(cells: &[Option<String>]) -> Object<String, Json> {
    let mut out = Object::new();
    for (column, cell) in COLUMNS.iter().zip(cells) {
        let value = match (column.map, cell) {
            (_, None) => Json::Null,
            (Map::Latitude | Map::Longitude, Some(v)) => v
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or(Json::Null, Json::Number),
            (Map::ChoiceCodes { .. }, Some(v)) => Json::Array(
                v.split('|')
                    .filter(|code| is_network(code))
                    .map(|code| Json::String(code.to_string()))
                    .collect(),
            ),
            (_, Some(v)) => Json::String(v.clone()),
        };
        out.insert(column.name.to_string(), value);
    }
    out
}

/// Writes the selection as a JSON array of data·inclusion structures;
/// initiatives lacking a required property are left out and returned with
/// what they lack. Only public fields are read.
pub fn export(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    out: &mut dyn Write,
) -> std::io::Result<Vec<LeftOut>> {
    let mut left_out = Vec::new();
    let mut first = true;
    out.write_all(b"[")?;
    for i in selection {
        let (cells, missing) = export_row(&COLUMNS, census, schema, i);
        if !missing.is_empty() {
            left_out.push(LeftOut {
                id: i.id.clone(),
                name: i.value(&schema.name_field).unwrap_or_default().to_string(),
                missing,
            });
            continue;
        }
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        serde_json::to_writer(&mut *out, &structure(&cells))?;
    }
    out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
    out.flush()?;
    Ok(left_out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_list_is_read() {
        assert!(networks().len() > 100);
        assert!(is_network("fcsf"));
        assert!(is_network("espaces-publics-numeriques"));
        assert!(!is_network("chatons"));
    }

    #[test]
    fn the_schema_lists_exactly_the_standards_networks_and_no_kind_implies_one() {
        let schema = Schema::default_schema();
        let list = schema.choices("reseaux_porteurs");
        let mut codes: Vec<&str> = list
            .iter()
            .filter_map(|c| c.codes.get("data_inclusion").map(String::as_str))
            .collect();
        codes.sort_unstable();
        assert_eq!(codes.len(), list.len(), "every choice has its code");
        assert_eq!(
            codes,
            networks().iter().map(String::as_str).collect::<Vec<_>>()
        );
        for kind in schema.kinds() {
            assert!(!kind.codes.contains_key("data_inclusion"), "{}", kind.id);
        }
    }
}
