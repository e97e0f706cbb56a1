//! What changed, written for people: the section "Évolution depuis le …" of
//! a report, and the whole document of `recense compare` (Markdown or HTML,
//! through the report's renderers; JSON is the core's [`Evolution`] as is).

use crate::census::changes::{Evolution, GoneWhy, NEEDS, Named, SUPPORTS};
use crate::census::schema::Schema;
use crate::census::time::Date;
use crate::documents::report::{Block, Document, Section, Span, Table, clean};
use crate::i18n::followup::{figure_label, followup};
use crate::i18n::{Lang, fill, status_label};

/// Names shown in one list before "…".
const SHOWN: usize = 40;

fn name(n: &Named) -> String {
    if n.name.is_empty() {
        clean(&n.id)
    } else {
        clean(&format!("{} ({})", n.name, n.id))
    }
}

fn value_label(schema: &Schema, field: &str, id: &str, lang: Lang) -> String {
    schema
        .field(field)
        .and_then(|f| f.field_type.choice_list())
        .map_or_else(|| clean(id), |l| clean(schema.choice_label(l, id, lang)))
}

/// A heading with its count, and the list under it (nothing when empty).
fn listed(blocks: &mut Vec<Block>, heading: &str, items: Vec<String>) {
    if items.is_empty() {
        return;
    }
    blocks.push(Block::Heading(fill(heading, &[("n", &items.len())])));
    let more = items.len().saturating_sub(SHOWN);
    let mut rows: Vec<Vec<Span>> = items
        .into_iter()
        .take(SHOWN)
        .map(|s| vec![Span::Text(s)])
        .collect();
    if more > 0 {
        rows.push(vec![Span::Text(format!("… (+{more})"))]);
    }
    blocks.push(Block::List(rows));
}

/// The figures side by side, then each kind of change.
pub fn blocks(ev: &Evolution, schema: &Schema, lang: Lang) -> Vec<Block> {
    let t = followup(lang);
    let cell = |s: String| vec![Span::Text(s)];
    let rows = ev
        .figures
        .iter()
        .map(|f| {
            let change = f.after as i64 - f.before as i64;
            let change = if change > 0 {
                format!("+{change}")
            } else {
                change.to_string()
            };
            vec![
                cell(figure_label(&f.key, lang)),
                cell(f.before.to_string()),
                cell(f.after.to_string()),
                cell(change),
            ]
        })
        .collect();
    let mut out = vec![Block::Table(Table {
        id: "evolution",
        caption: t.figures_caption.into(),
        header: vec![
            t.col_figure.into(),
            t.col_before.into(),
            t.col_after.into(),
            t.col_change.into(),
        ],
        numeric: vec![false, true, true, true],
        rows,
    })];
    listed(&mut out, t.new_heading, ev.new.iter().map(name).collect());
    let gone = ev.gone.iter().map(|g| {
        let why = match g.why {
            GoneWhy::Deleted => t.gone_deleted,
            GoneWhy::Disparu => t.gone_disparu,
        };
        format!("{} : {why}", name(&g.who))
    });
    listed(&mut out, t.gone_heading, gone.collect());
    for (heading, moves) in [
        (t.up_heading, &ev.moved_up),
        (t.down_heading, &ev.moved_down),
    ] {
        let items = moves.iter().map(|m| {
            let (from, to) = (status_label(&m.from, lang), status_label(&m.to, lang));
            format!("{} : {from} → {to}", name(&m.who))
        });
        listed(&mut out, heading, items.collect());
    }
    for (heading, field, list) in [
        (t.supports_received_heading, SUPPORTS, &ev.supports_received),
        (t.supports_ended_heading, SUPPORTS, &ev.supports_ended),
        (t.needs_appeared_heading, NEEDS, &ev.needs_appeared),
        (t.needs_ended_heading, NEEDS, &ev.needs_ended),
    ] {
        let items = list.iter().map(|v| {
            let label = value_label(schema, field, &v.value, lang);
            format!("{} : {label}", name(&v.who))
        });
        listed(&mut out, heading, items.collect());
    }
    listed(
        &mut out,
        t.communes_heading,
        ev.communes_new.iter().map(|c| clean(c)).collect(),
    );
    for (heading, list) in [
        (t.evidence_heading, &ev.evidence_added),
        (t.confirmations_heading, &ev.confirmations_added),
    ] {
        let items = list.iter().map(|c| format!("{} : {}", name(&c.who), c.n));
        listed(&mut out, heading, items.collect());
    }
    if out.len() == 1 && ev.figures.iter().all(|f| f.before == f.after) {
        out.push(Block::Paragraph(vec![Span::Text(t.nothing_changed.into())]));
    }
    out
}

/// The report's section "Évolution depuis le …".
pub fn since_section(ev: &Evolution, schema: &Schema, day: Date, lang: Lang) -> Section {
    let t = followup(lang);
    let mut blocks = vec![Block::Paragraph(vec![Span::Text(t.evolution_intro.into())])];
    blocks.extend(self::blocks(ev, schema, lang));
    Section {
        id: "evolution",
        title: fill(t.evolution_title, &[("date", &day)]),
        blocks,
    }
}

/// The document of `recense compare OLD NEW`.
pub fn compare_document(
    ev: &Evolution,
    schema: &Schema,
    old: &str,
    new: &str,
    territory: &str,
    lang: Lang,
) -> Document {
    let t = followup(lang);
    Document {
        lang,
        title: clean(&fill(t.compare_title, &[("old", &old), ("new", &new)])),
        subtitle: vec![clean(territory)],
        intro: Vec::new(),
        sections: vec![Section {
            id: "evolution",
            title: t.figures_caption.into(),
            blocks: blocks(ev, schema, lang),
        }],
        footer: Vec::new(),
    }
}
