//! Shapes of what commands print: tables, CSV, JSON (stable for scripts),
//! text. Every value from a file goes through `display::inert`.

use crate::i18n::cli::cli;
use serde_json::Value as Json;

use crate::census::model::{Census, Initiative, Stamp};
use crate::census::schema::Schema;
use crate::display::{inert, inert_multiline, truncate, width};
use crate::documents::export::json::ItemOptions;
use crate::documents::export::values::labels;
use crate::i18n::Lang;

/// A field's value for people: choice labels, several values joined.
pub fn field_text(
    schema: &Schema,
    census: &Census,
    i: &Initiative,
    field: &str,
    lang: Lang,
) -> String {
    labels(schema, census, i, field, lang).join(" · ")
}

/// The stable JSON of an initiative (`list` and `show --format json`), its
/// score as of today: see [`crate::documents::export::json::initiative_json`].
pub fn initiative_json(schema: &Schema, census: &Census, i: &Initiative, details: bool) -> Json {
    let options = ItemOptions {
        details,
        public: false,
        today: crate::census::time::Timestamp::now().date(),
    };
    crate::documents::export::json::initiative_json(schema, census, i, &options)
}

/// Columns aligned on display width; the last column is not padded.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let cells: Vec<&str> = cells.collect();
        for (n, cell) in cells.iter().enumerate() {
            out.push_str(cell);
            if n + 1 < cells.len() {
                out.push_str(&" ".repeat(widths[n] - width(cell) + 2));
            }
        }
        out.push('\n');
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// The text of `recense show`.
pub fn initiative_text(schema: &Schema, census: &Census, i: &Initiative, lang: Lang) -> String {
    let mut out = String::new();
    let name = i.value(&schema.name_field).unwrap_or("?");
    out.push_str(&format!("{}  ({})\n", inert(name), i.id));
    if !i.is_deleted() {
        out.push_str(&crate::cli::score_line::score_line(schema, i, lang));
    }
    if i.is_deleted() {
        out.push_str(cli(lang).show_deleted);
    }
    if let Some(into) = i.merged_into() {
        let name = crate::census::InitiativeId::parse(into)
            .ok()
            .and_then(|t| census.get(&t))
            .and_then(|t| t.value(&schema.name_field))
            .unwrap_or("?");
        out.push_str(&format!(
            "{} {} ({into}) **\n",
            cli(lang).duplicate_fused_into,
            inert(name)
        ));
    }
    let label_width = schema
        .fields
        .iter()
        .filter(|f| i.fields.contains_key(&f.id))
        .map(|f| width(f.label.get(lang)))
        .max()
        .unwrap_or(10)
        .clamp(10, 34);
    let line = |out: &mut String, label: &str, value: &str, stamp: Option<Stamp>| {
        let who = stamp
            .and_then(|s| Some((s.dot()?, s.at()?, s.by_hand())))
            .map(|(dot, at, hand)| {
                let hand = if hand { cli(lang).edited_by_hand } else { "" };
                format!(
                    "  [{}, {}{hand}]",
                    inert(census.agent_name(&dot.agent)),
                    at.date()
                )
            })
            .unwrap_or_default();
        let label = truncate(label, label_width);
        let pad = " ".repeat(label_width.saturating_sub(width(&label)));
        let value =
            inert_multiline(value).replace('\n', &format!("\n    {}", " ".repeat(label_width)));
        out.push_str(&format!("  {label}{pad}  {value}{who}\n"));
    };
    let lacks_consent = crate::census::consent::lacks_consent(schema, i);
    for step in &schema.steps {
        let filled: Vec<_> = schema
            .fields_of_step(&step.id)
            .filter(|f| i.fields.contains_key(&f.id))
            .collect();
        if filled.is_empty() {
            continue;
        }
        out.push_str(&format!("\n== {} ==\n", step.label.get(lang)));
        for f in filled {
            let mut value = field_text(schema, census, i, &f.id, lang);
            if f.personal && lacks_consent {
                value.push_str(" ⚠");
            }
            line(&mut out, f.label.get(lang), &value, i.last_change(&f.id));
            if !f.field_type.is_multi() && i.is_conflict(&f.id) {
                for e in i.entries(&f.id) {
                    let label = cli(lang).conflicting_value;
                    line(
                        &mut out,
                        label,
                        e.value.as_text().unwrap_or("?"),
                        Some(e.stamp),
                    );
                }
            }
        }
    }
    out.push_str(&super::consent::show_section(schema, census, i, lang));
    out.push_str(&super::show_supports::section(schema, census, i, lang));
    let unknown: Vec<&str> = i
        .fields
        .keys()
        .filter(|f| !f.starts_with('_') && schema.field(f).is_none())
        .collect();
    let incoming = crate::census::network::incoming(census, schema, &i.id);
    if !incoming.is_empty() {
        out.push_str(cli(lang).incoming_title);
        for link in incoming {
            let inverse = schema
                .choice(link.list, link.kind)
                .map(|c| c.inverse.as_ref().unwrap_or(&c.label).get(lang).to_string())
                .unwrap_or_else(|| link.kind.to_string());
            let name = link.from.value(&schema.name_field).unwrap_or("?");
            out.push_str(&format!("  {inverse} {} ({})\n", inert(name), link.from.id));
        }
    }
    if !unknown.is_empty() {
        out.push_str(cli(lang).other_fields_title);
        for f in unknown {
            line(
                &mut out,
                &inert(f),
                &i.values(f).join(", "),
                i.last_change(f),
            );
        }
    }
    out
}

/// Pretty JSON for standard output: the same data, with no character a
/// terminal would obey ([`crate::display::json_for_terminal`]).
pub fn json_text(value: &impl serde::Serialize) -> String {
    crate::display::json_for_terminal(serde_json::to_string_pretty(value).unwrap_or_default())
}
