//! `recense export`: every format on the sample censuses, read back with a
//! parser of that format and compared with what `list --format json` (or
//! the census loaded by the library) says. Safety (formula injection,
//! personal data, determinism, filters, errors) is in cli_export_safety.rs.

use crate::common;
use crate::export_common;

use std::collections::{BTreeMap, BTreeSet};

use export_common::*;
use serde_json::Value as Json;

use recense::census::search::fold;
use recense::census::{Schema, store};

/// A field of `list --format json` as a cell: one value, or several joined.
fn as_cell(value: Option<&Json>) -> String {
    match value {
        None | Some(Json::Null) => String::new(),
        Some(Json::String(s)) => s.clone(),
        Some(Json::Array(items)) => items
            .iter()
            .map(|v| v.as_str().expect("text value"))
            .collect::<Vec<_>>()
            .join("|"),
        Some(other) => panic!("unexpected value {other}"),
    }
}

fn schema() -> Schema {
    Schema::default_schema()
}

#[test]
fn csv_has_an_id_column_then_one_column_per_field_with_its_french_label() {
    let s = schema();
    for sample in SAMPLES {
        let env = with_sample(sample);
        let (header, rows) = csv_rows(&export(&env, &["--format", "csv"]));
        let mut expected = vec!["id".to_string()];
        expected.extend(s.fields.iter().map(|f| f.label.fr.clone()));
        // Then the computed status and score.
        expected.extend(["Statut".to_string(), "Score".to_string()]);
        assert_eq!(header, expected);
        let listed = listed(&env, &[]);
        assert_eq!(rows.len(), listed.len(), "{sample}: one row per initiative");
        let col = |id: &str| {
            header
                .iter()
                .position(|h| *h == s.field(id).unwrap().label.fr)
                .unwrap()
        };
        for row in &rows {
            let item = &listed[&row[0]];
            assert_eq!(row[col("nom")], item["nom"].as_str().unwrap());
            // Choices are their labels, several joined with `|`.
            let labels: BTreeSet<String> = item["fields"]["problemes_publics"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|v| {
                            s.choice("problemes", v.as_str().unwrap())
                                .unwrap()
                                .label
                                .fr
                                .clone()
                        })
                        .collect()
                })
                .unwrap_or_default();
            let cell = &row[col("problemes_publics")];
            let shown: BTreeSet<String> = cell
                .split('|')
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect();
            assert_eq!(shown, labels, "{sample}: {}", row[0]);
        }
    }
}

#[test]
fn csv_with_header_ids_holds_every_stored_value() {
    let s = schema();
    for sample in SAMPLES {
        let env = with_sample(sample);
        let (header, rows) = csv_rows(&export(&env, &["--format", "csv", "--header", "ids"]));
        let mut expected = vec!["id".to_string()];
        expected.extend(s.fields.iter().map(|f| f.id.clone()));
        expected.extend(["status".to_string(), "score".to_string()]);
        assert_eq!(header, expected);
        let listed = listed(&env, &[]);
        for row in &rows {
            let fields = &listed[&row[0]]["fields"];
            let computed = header.len() - 2;
            assert_eq!(row[computed], listed[&row[0]]["status"].as_str().unwrap());
            for (field, cell) in header.iter().zip(row).skip(1).take(computed - 1) {
                assert_eq!(
                    *cell,
                    as_cell(fields.get(field)),
                    "{sample}: {} {field}",
                    row[0]
                );
            }
        }
    }
}

#[test]
fn csv_labels_follow_the_language_of_the_interface() {
    let env = with_sample(SAMPLES[0]);
    let (header, _) = csv_rows(&export(&env, &["--format", "csv", "--lang", "en"]));
    let s = schema();
    assert_eq!(header[1], s.field("nom").unwrap().label.en);
    assert_eq!(header.len(), s.fields.len() + 3);
    assert_eq!(header[header.len() - 2..], ["Status", "Score"]);
}

/// The census of a sample as the library loads it.
fn loaded(sample: &str) -> recense::census::Census {
    store::load(&common::sample_path(sample))
        .expect("sample loads")
        .0
}

#[test]
fn json_is_the_census_for_scripts() {
    for sample in SAMPLES {
        let env = with_sample(sample);
        let doc: Json = serde_json::from_slice(&export(&env, &["--format", "json"])).expect("JSON");
        let census = loaded(sample);
        assert_eq!(doc["territory"], census.territory.as_str());
        assert_eq!(doc["schema"]["id"], census.schema_id.as_str());
        assert_eq!(doc["public"], false);
        let newest = census
            .initiatives
            .iter()
            .flat_map(|i| i.fields.iter().flat_map(|(_, es)| es.iter()))
            .filter_map(|e| e.stamp.at())
            .max()
            .unwrap();
        assert_eq!(doc["modified"], newest.to_string().as_str());
        let items = doc["initiatives"].as_array().unwrap();
        assert_eq!(doc["count"], items.len());
        let listed = listed(&env, &[]);
        assert_eq!(items.len(), listed.len());
        for item in items {
            let id = item["id"].as_str().unwrap();
            assert_eq!(item["fields"], listed[id]["fields"], "{id}");
            assert_eq!(item["status"], listed[id]["status"], "{id}");
        }
        let names: Vec<String> = items
            .iter()
            .map(|i| fold(i["nom"].as_str().unwrap()))
            .collect();
        assert!(
            names.windows(2).all(|w| w[0] <= w[1]),
            "{sample}: sorted by name"
        );
    }
}

#[test]
fn json_carries_evidence_confirmations_and_relations() {
    let env = with_sample(SAMPLES[0]);
    let listed = listed(&env, &[]);
    let (id, item) = listed
        .iter()
        .find(|(_, i)| i["fields"]["relations"].is_array())
        .expect("an initiative with relations");
    env.census_cmd()
        .args([
            "--as",
            "Marie",
            "evidence",
            "add",
            id,
            "--kind",
            "visite",
            "--date",
            "2026-10-01",
            "--note",
            "Local visité",
        ])
        .assert()
        .success();
    env.census_cmd()
        .args(["--as", "Yann", "confirm", id, "--comment", "Vu au forum"])
        .assert()
        .success();
    let doc: Json = serde_json::from_slice(&export(&env, &["--format", "json"])).unwrap();
    let item2 = doc["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id.as_str())
        .unwrap();
    // The samples already hold evidence and confirmations: each export
    // holds those the library reads, the new ones among them.
    let census = store::load(&env.path(common::CENSUS)).expect("census").0;
    let stored_i = census
        .initiatives
        .iter()
        .find(|i| i.id.as_str() == id)
        .unwrap();
    let evidence = item2["evidence"].as_array().unwrap();
    assert_eq!(
        evidence.len(),
        recense::census::status::evidence(stored_i).len()
    );
    let added = (
        Json::from("visite"),
        Json::from("2026-10-01"),
        Json::from("Local visité"),
        Json::from("Marie"),
    );
    assert!(
        evidence.iter().any(|e| (
            e["kind"].clone(),
            e["date"].clone(),
            e["note"].clone(),
            e["by"].clone()
        ) == added),
        "{evidence:?}"
    );
    let confirmations = item2["confirmations"].as_array().unwrap();
    assert_eq!(
        confirmations.len(),
        recense::census::status::confirmations(stored_i).len()
    );
    assert!(
        confirmations
            .iter()
            .any(|c| c["comment"] == "Vu au forum" && c["by"] == "Yann")
    );
    let stored: BTreeSet<String> = item["fields"]["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let exported: BTreeSet<String> = item2["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}:{}",
                r["kind"].as_str().unwrap(),
                r["to"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(exported, stored);
    for r in item2["relations"].as_array().unwrap() {
        assert_eq!(r["name"], listed[r["to"].as_str().unwrap()]["nom"]);
    }
}

/// `(lat, lon)` of a `lat,lon` value.
fn lat_lon(value: &str) -> (f64, f64) {
    let (lat, lon) = value.split_once(',').expect("lat,lon");
    (lat.parse().unwrap(), lon.parse().unwrap())
}

#[test]
fn geojson_has_a_lon_lat_point_per_initiative_with_coordinates() {
    let s = schema();
    let personal: Vec<&str> = s
        .fields
        .iter()
        .filter(|f| f.personal)
        .flat_map(|f| [f.id.as_str(), f.label.fr.as_str()])
        .collect();
    for sample in SAMPLES {
        let env = with_sample(sample);
        let doc: Json =
            serde_json::from_slice(&export(&env, &["--format", "geojson"])).expect("JSON");
        assert_eq!(doc["type"], "FeatureCollection");
        let listed = listed(&env, &[]);
        let located: BTreeMap<&String, (f64, f64)> = listed
            .iter()
            .filter_map(|(id, i)| Some((id, lat_lon(i["fields"]["coordonnees"].as_str()?))))
            .collect();
        let features = doc["features"].as_array().unwrap();
        assert_eq!(features.len(), located.len(), "{sample}");
        assert!(!features.is_empty());
        for f in features {
            assert_eq!(f["type"], "Feature");
            assert_eq!(f["geometry"]["type"], "Point");
            let id = f["id"].as_str().unwrap().to_string();
            let (lat, lon) = located[&id];
            let c = f["geometry"]["coordinates"].as_array().unwrap();
            assert_eq!(
                (c[0].as_f64().unwrap(), c[1].as_f64().unwrap()),
                (lon, lat),
                "[lon, lat]"
            );
            assert_eq!(f["properties"]["name"], listed[&id]["nom"]);
            assert_eq!(
                f["properties"]["description"],
                listed[&id]["fields"]["description"]
            );
            for key in f["properties"].as_object().unwrap().keys() {
                assert!(!personal.contains(&key.as_str()), "{key}");
            }
        }
    }
}

#[test]
fn umap_csv_starts_with_name_description_lat_lon() {
    let env = with_sample(SAMPLES[1]);
    let (header, rows) = csv_rows(&export(&env, &["--format", "umap-csv"]));
    assert_eq!(header[..4], ["name", "description", "lat", "lon"]);
    let listed = listed(&env, &[]);
    let id_col = header.iter().position(|h| h == "id").unwrap();
    let with_coordinates = listed
        .values()
        .filter(|i| i["fields"]["coordonnees"].is_string())
        .count();
    assert_eq!(rows.len(), with_coordinates);
    for row in &rows {
        let item = &listed[&row[id_col]];
        assert_eq!(row[0], item["nom"].as_str().unwrap());
        let (lat, lon) = lat_lon(item["fields"]["coordonnees"].as_str().unwrap());
        assert_eq!(
            (
                row[2].parse::<f64>().unwrap(),
                row[3].parse::<f64>().unwrap()
            ),
            (lat, lon)
        );
    }
}

/// The relations between live initiatives as `(from, kind, to)`.
fn relations(listed: &BTreeMap<String, Json>) -> BTreeSet<(String, String, String)> {
    listed
        .iter()
        .flat_map(|(from, i)| {
            i["fields"]["relations"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |v| {
                    let (kind, to) = v.as_str().unwrap().split_once(':').unwrap();
                    (from.clone(), kind.to_string(), to.to_string())
                })
        })
        .filter(|(from, _, to)| listed.contains_key(to) && from != to)
        .collect()
}

/// DOT text with its quoted strings emptied (escapes included).
fn without_strings(dot: &str) -> String {
    let mut out = String::new();
    let mut chars = dot.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            out.push_str("\"\"");
            while let Some(d) = chars.next() {
                match d {
                    '\\' => {
                        chars.next();
                    }
                    '"' => break,
                    _ => {}
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn dot_is_well_formed_and_every_edge_joins_declared_nodes() {
    for sample in SAMPLES {
        let env = with_sample(sample);
        let dot = String::from_utf8(export(&env, &["--format", "dot"])).unwrap();
        let code: String = without_strings(&dot)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let mut depth = 0i32;
        for c in code.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            assert!(depth >= 0, "{sample}: a brace closes too early");
        }
        assert_eq!(depth, 0, "{sample}: braces balance");
        assert!(code.trim_start().starts_with("digraph"));
        let quoted = |l: &str| l.trim().split('"').nth(1).map(String::from);
        let nodes: BTreeSet<String> = dot
            .lines()
            .filter(|l| l.trim_start().starts_with('"') && !l.contains(" -> "))
            .filter_map(quoted)
            .filter(|n| !n.starts_with("legend:"))
            .collect();
        let listed = listed(&env, &[]);
        assert_eq!(nodes, listed.keys().cloned().collect::<BTreeSet<_>>());
        let edges: Vec<(String, String)> = dot
            .lines()
            .filter(|l| l.contains(" -> "))
            .map(|l| {
                let parts: Vec<&str> = l.trim().split('"').collect();
                (parts[1].to_string(), parts[3].to_string())
            })
            .collect();
        for (a, b) in &edges {
            assert!(nodes.contains(a) && nodes.contains(b), "{a} -> {b}");
        }
        assert_eq!(edges.len(), relations(&listed).len(), "{sample}");
    }
}

/// Nodes and edges (source, target) of a GEXF file, and its description.
fn gexf(bytes: &[u8]) -> (BTreeSet<String>, Vec<(String, String)>, String) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let (mut nodes, mut edges, mut description) = (BTreeSet::new(), Vec::new(), String::new());
    let mut in_description = false;
    let mut buf = Vec::new();
    loop {
        let event = reader.read_event_into(&mut buf).expect("well-formed XML");
        let attr = |e: &quick_xml::events::BytesStart, name: &str| {
            e.try_get_attribute(name)
                .unwrap()
                .unwrap()
                .decode_and_unescape_value(reader.decoder())
                .unwrap()
                .into_owned()
        };
        match &event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"node" => {
                    nodes.insert(attr(e, "id"));
                }
                b"edge" => edges.push((attr(e, "source"), attr(e, "target"))),
                b"description" => in_description = true,
                _ => {}
            },
            Event::Text(t) if in_description => {
                description.push_str(&t.decode().unwrap());
                in_description = false;
            }
            _ => {}
        }
        buf.clear();
    }
    (nodes, edges, description)
}

#[test]
fn gexf_is_xml_whose_edges_join_its_nodes_and_says_it_is_public() {
    for sample in SAMPLES {
        let env = with_sample(sample);
        let (nodes, edges, full) = gexf(&export(&env, &["--format", "gexf"]));
        let listed = listed(&env, &[]);
        assert_eq!(nodes, listed.keys().cloned().collect::<BTreeSet<_>>());
        for (a, b) in &edges {
            assert!(nodes.contains(a) && nodes.contains(b), "{a} -> {b}");
        }
        assert_eq!(edges.len(), relations(&listed).len());
        // A network holds no personal field: --public changes nothing, and
        // the description says so.
        let public = export(&env, &["--format", "gexf", "--public"]);
        assert!(public == export(&env, &["--format", "gexf"]));
        assert!(full.contains("Export public"), "{full}");
        assert!(!full.contains("RGPD"), "{full}");
    }
}

#[test]
fn ods_reads_back_with_initiatives_evidence_and_relations() {
    let env = with_sample(SAMPLES[0]);
    let listed = listed(&env, &[]);
    let some = listed.keys().next().unwrap().clone();
    env.census_cmd()
        .args([
            "--as",
            "Marie",
            "evidence",
            "add",
            &some,
            "--kind",
            "presse",
            "--url",
            "https://example.org/article",
        ])
        .assert()
        .success();
    env.census_cmd()
        .args(["export", "--format", "ods", "-o", "out.ods"])
        .assert()
        .success();
    let book = spreadsheet_ods::read_ods_buf(&env.read("out.ods")).expect("an ODS file");
    assert_eq!(book.num_sheets(), 3);
    let s = schema();
    let sheet = book.sheet(0);
    let (rows, cols) = sheet.used_grid_size();
    assert_eq!(rows as usize, listed.len() + 1);
    assert_eq!(
        cols as usize,
        s.fields.len() + 3,
        "id, the fields, status, score"
    );
    for (col, field) in (1u32..).zip(&s.fields) {
        assert_eq!(sheet.value(0, col).as_str_or(""), field.label.fr);
    }
    for row in 1..rows {
        let id = sheet.value(row, 0).as_str_or("").to_string();
        assert_eq!(
            sheet.value(row, 1).as_str_or(""),
            listed[&id]["nom"].as_str().unwrap()
        );
        let score = sheet.value(row, cols - 1).as_f64_or(-1.0);
        assert!((0.0..=100.0).contains(&score), "a number: {score}");
    }
    let evidence = book.sheet(1);
    let census = store::load(&env.path(common::CENSUS)).expect("census").0;
    let all_evidence: usize = census
        .live()
        .map(|i| recense::census::status::evidence(i).len())
        .sum();
    assert_eq!(
        evidence.used_grid_size().0 as usize,
        all_evidence + 1,
        "a header and every piece of evidence"
    );
    assert!(
        (1..=all_evidence as u32).any(|r| evidence.value(r, 0).as_str_or("") == some
            && evidence.value(r, 5).as_str_or("") == "https://example.org/article"),
        "the new piece of evidence"
    );
    let relations_sheet = book.sheet(2);
    let stored: usize = listed
        .values()
        .map(|i| i["fields"]["relations"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(relations_sheet.used_grid_size().0 as usize, stored + 1);
}
