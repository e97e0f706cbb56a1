//! `gexf`: the network for Gephi (GEXF 1.2, directed). `meta` names the
//! census, its last change, and says whether personal data was left out.
//! Node attributes: `kind` (id), `kind_label`, `commune`, `status`; node
//! colour (`viz:color`) by kind. Edges carry the relation's label and a
//! `relation` attribute (its id).

use std::io::{self, Write};

use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::census::status;
use crate::documents::export::words::export as texts;
use crate::i18n::fill;

use super::graph::{colour, edges, kind_label};
use super::{Options, Summary, last_modified};

/// Text for an XML attribute or element: markup characters escaped, line
/// breaks and tabs as character references, characters XML 1.0 forbids
/// replaced by U+FFFD.
pub(super) fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The node attributes, in the order of their ids (0, 1, 2…).
const NODE_ATTRIBUTES: [&str; 4] = ["kind", "kind_label", "commune", "status"];

pub(super) fn write_gexf(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    options: &Options,
    out: &mut dyn Write,
) -> io::Result<Summary> {
    let t = texts(options.lang);
    let lang = options.lang;
    let modified = last_modified(census);
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">"
    )?;
    match modified {
        Some(at) => writeln!(out, "  <meta lastmodifieddate=\"{}\">", at.date())?,
        None => writeln!(out, "  <meta>")?,
    }
    writeln!(out, "    <creator>recense</creator>")?;
    let privacy = if options.is_public() {
        t.public_note
    } else {
        t.private_note
    };
    let title = fill(t.network_title, &[("territory", &census.territory)]);
    writeln!(
        out,
        "    <description>{}</description>",
        xml_text(&format!("{title}. {privacy}"))
    )?;
    writeln!(
        out,
        "    <keywords>{}</keywords>",
        if options.is_public() {
            "public"
        } else {
            "personal-data"
        }
    )?;
    writeln!(out, "  </meta>")?;
    writeln!(
        out,
        "  <graph mode=\"static\" defaultedgetype=\"directed\">"
    )?;
    writeln!(out, "    <attributes class=\"node\">")?;
    for (n, name) in NODE_ATTRIBUTES.iter().enumerate() {
        writeln!(
            out,
            "      <attribute id=\"{n}\" title=\"{name}\" type=\"string\"/>"
        )?;
    }
    writeln!(out, "    </attributes>")?;
    writeln!(out, "    <attributes class=\"edge\">")?;
    writeln!(
        out,
        "      <attribute id=\"0\" title=\"relation\" type=\"string\"/>"
    )?;
    writeln!(out, "    </attributes>")?;
    writeln!(out, "    <nodes>")?;
    for i in selection {
        let kind = i.value(&schema.kind_field);
        let values = [
            kind.unwrap_or(""),
            kind.map_or("", |k| kind_label(schema, k, lang)),
            i.value("commune").unwrap_or(""),
            status::current(i),
        ];
        writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            xml_text(i.id.as_str()),
            xml_text(i.value(&schema.name_field).unwrap_or(""))
        )?;
        writeln!(out, "        <attvalues>")?;
        for (n, v) in values.iter().enumerate() {
            writeln!(
                out,
                "          <attvalue for=\"{n}\" value=\"{}\"/>",
                xml_text(v)
            )?;
        }
        writeln!(out, "        </attvalues>")?;
        let (r, g, b) = colour(schema, kind);
        writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>")?;
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (n, e) in edges(census, schema, selection).iter().enumerate() {
        writeln!(
            out,
            "      <edge id=\"{n}\" source=\"{}\" target=\"{}\" label=\"{}\">",
            xml_text(e.from.as_str()),
            xml_text(e.to.as_str()),
            xml_text(schema.choice_label(e.list, e.kind, lang)),
        )?;
        writeln!(
            out,
            "        <attvalues><attvalue for=\"0\" value=\"{}\"/></attvalues>",
            xml_text(e.kind)
        )?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")?;
    Ok(Summary {
        written: selection.len(),
        ..Summary::default()
    })
}
