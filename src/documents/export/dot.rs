//! `dot`: the network for GraphViz (`dot -Tsvg`, `neato`…). A comment says
//! which census, when, and whether personal data was left out; nodes are
//! boxes filled with their kind's colour (`class` = kind id, tooltip = kind
//! and commune), edges carry the relation's label, a `cluster_legend`
//! subgraph shows the colours of the kinds present.

use std::io::{self, Write};

use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::documents::export::words::export as texts;
use crate::i18n::fill;

use super::graph::{colour, edges, hex, kind_label, kinds};
use super::{Options, Summary, last_modified};

/// A DOT double-quoted string: `\` and `"` escaped, line breaks as `\n`,
/// other control characters dropped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A comment line: no line break may end it early.
fn comment(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    format!("// {flat}\n")
}

pub(super) fn write_dot(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let t = texts(options.lang);
    let lang = options.lang;
    out.write_all(comment(&fill(t.network_title, &[("territory", &census.territory)])).as_bytes())?;
    let privacy = if options.is_public() {
        t.public_note
    } else {
        t.private_note
    };
    out.write_all(comment(privacy).as_bytes())?;
    if let Some(at) = last_modified(census) {
        out.write_all(comment(&fill(t.modified_note, &[("date", &at.date())])).as_bytes())?;
    }
    writeln!(out, "digraph recense {{")?;
    writeln!(
        out,
        "    graph [label={}, labelloc=\"t\", fontname=\"sans-serif\", overlap=\"false\"];",
        quoted(&census.territory)
    )?;
    writeln!(
        out,
        "    node [shape=\"box\", style=\"rounded,filled\", fontname=\"sans-serif\"];"
    )?;
    writeln!(out, "    edge [fontname=\"sans-serif\", fontsize=\"10\"];")?;
    writeln!(out)?;
    for i in selection {
        let kind = i.value(&schema.kind_field);
        let kind_label = kind.map_or("", |k| kind_label(schema, k, lang));
        let tooltip = match i.value("commune") {
            Some(c) => format!("{kind_label} — {c}"),
            None => kind_label.to_string(),
        };
        writeln!(
            out,
            "    {} [label={}, fillcolor=\"{}\", class={}, tooltip={}];",
            quoted(i.id.as_str()),
            quoted(i.value(&schema.name_field).unwrap_or("")),
            hex(colour(schema, kind)),
            quoted(kind.unwrap_or("")),
            quoted(&tooltip),
        )?;
    }
    let edges = edges(census, schema, selection);
    if !edges.is_empty() {
        writeln!(out)?;
    }
    for e in &edges {
        writeln!(
            out,
            "    {} -> {} [label={}, class={}];",
            quoted(e.from.as_str()),
            quoted(e.to.as_str()),
            quoted(schema.choice_label(e.list, e.kind, lang)),
            quoted(e.kind),
        )?;
    }
    let legend = kinds(schema, selection, lang);
    if !legend.is_empty() {
        writeln!(out)?;
        writeln!(out, "    subgraph cluster_legend {{")?;
        writeln!(out, "        label={};", quoted(t.legend))?;
        for k in &legend {
            writeln!(
                out,
                "        {} [label={}, fillcolor=\"{}\", class=\"legend\"];",
                quoted(&format!("legend:{}", k.id)),
                quoted(k.label),
                hex(k.colour),
            )?;
        }
        writeln!(out, "    }}")?;
    }
    writeln!(out, "}}")?;
    Ok(Summary {
        written: selection.len(),
        ..Summary::default()
    })
}
