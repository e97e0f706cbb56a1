//! What the report tests share: running `stats`, `list` and `report`, and
//! reading the figures back out of the Markdown (charts and tables follow a
//! `<!-- chart: ID -->` / `<!-- table: ID -->` comment) and out of the HTML
//! (parsed as XML: `figure#chart-ID`, `table#table-ID`).

use std::collections::BTreeMap;

use serde_json::Value as Json;

use crate::common::{Env, stdout_of};

pub use crate::common::{SAMPLES, list_json, with_sample};

/// `recense --file census.ron stats --format json ARGS`.
pub fn stats_json(env: &Env, args: &[&str]) -> Json {
    let out = env
        .census_cmd()
        .args(["stats", "--format", "json"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .clone();
    serde_json::from_str(&stdout_of(&out)).expect("stats --format json is JSON")
}

/// `recense --file census.ron report ARGS` on standard output.
pub fn report(env: &Env, args: &[&str]) -> String {
    let out = env
        .census_cmd()
        .arg("report")
        .args(args)
        .assert()
        .success()
        .get_output()
        .clone();
    stdout_of(&out)
}

/// The values of a field in `list --format json` (one string, or an array).
pub fn field_values(item: &Json, field: &str) -> Vec<String> {
    match &item["fields"][field] {
        Json::String(s) => vec![s.clone()],
        Json::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

/// How many initiatives have each value of a field, counted from
/// `list --format json`.
pub fn count_by(items: &[Json], values: impl Fn(&Json) -> Vec<String>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for i in items {
        for v in values(i) {
            *out.entry(v).or_insert(0) += 1;
        }
    }
    out
}

/// A tally of `stats --format json` as id → count.
pub fn tally(stats: &Json, key: &str) -> BTreeMap<String, usize> {
    stats[key]["counts"]
        .as_array()
        .unwrap_or_else(|| panic!("stats has {key}"))
        .iter()
        .map(|c| {
            (
                c["id"].as_str().expect("id").to_string(),
                c["n"].as_u64().expect("n") as usize,
            )
        })
        .collect()
}

/// The cells of a Markdown table row, `\|` kept inside cells, escapes undone.
pub fn md_cells(line: &str) -> Vec<String> {
    let inner = line.trim().trim_start_matches('|');
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    cell.push(next);
                }
            }
            '|' => cells.push(std::mem::take(&mut cell).trim().to_string()),
            c => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        cells.push(cell.trim().to_string());
    }
    cells
}

/// The rows (header and separator left out) of the table that follows
/// `<!-- KIND: ID -->` in a Markdown report.
pub fn md_rows(md: &str, kind: &str, id: &str) -> Vec<Vec<String>> {
    let anchor = format!("<!-- {kind}: {id} -->");
    let start = md
        .lines()
        .position(|l| l == anchor)
        .unwrap_or_else(|| panic!("no {anchor} in:\n{md}"));
    md.lines()
        .skip(start + 1)
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(md_cells)
        .collect()
}

/// The bars of a Markdown chart: label and number.
pub fn md_chart(md: &str, id: &str) -> Vec<(String, usize)> {
    md_rows(md, "chart", id)
        .into_iter()
        .map(|r| (r[0].clone(), r[1].parse().expect("a number")))
        .collect()
}

/// Every Markdown table: its lines.
pub fn md_tables(md: &str) -> Vec<Vec<&str>> {
    let mut tables = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in md.lines() {
        if line.starts_with('|') {
            current.push(line);
        } else if !current.is_empty() {
            tables.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        tables.push(current);
    }
    tables
}

/// The HTML report parsed as XML.
pub fn parse_html(html: &str) -> roxmltree::Document<'_> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    roxmltree::Document::parse_with_options(html, options)
        .unwrap_or_else(|e| panic!("the HTML report is not well-formed XML: {e}"))
}

fn by_id<'a, 'i>(doc: &'a roxmltree::Document<'i>, id: &str) -> roxmltree::Node<'a, 'i> {
    doc.descendants()
        .find(|n| n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no element #{id}"))
}

/// The whole text of an element.
pub fn text_of(n: roxmltree::Node) -> String {
    n.descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect()
}

fn with_class<'a, 'i>(
    n: roxmltree::Node<'a, 'i>,
    tag: &'a str,
    class: &'a str,
) -> impl Iterator<Item = roxmltree::Node<'a, 'i>> + 'a {
    n.descendants()
        .filter(move |d| d.has_tag_name(tag) && d.attribute("class") == Some(class))
}

/// The bars of an HTML chart (its SVG): label and number.
pub fn html_chart(doc: &roxmltree::Document, id: &str) -> Vec<(String, usize)> {
    let figure = by_id(doc, &format!("chart-{id}"));
    with_class(figure, "g", "bar")
        .map(|g| {
            let label = with_class(g, "text", "label").next().expect("a label");
            let n = with_class(g, "text", "n").next().expect("a number");
            (
                text_of(label),
                text_of(n).parse().expect("the number is a number"),
            )
        })
        .collect()
}

/// The body rows of an HTML table, as the text of each cell.
pub fn html_rows(doc: &roxmltree::Document, id: &str) -> Vec<Vec<String>> {
    let table = by_id(doc, &format!("table-{id}"));
    table
        .descendants()
        .filter(|n| n.has_tag_name("tbody"))
        .flat_map(|b| b.children().filter(|r| r.has_tag_name("tr")))
        .map(|r| {
            r.children()
                .filter(|c| c.has_tag_name("td"))
                .map(text_of)
                .collect()
        })
        .collect()
}
