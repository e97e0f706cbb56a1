//! The report for technical services: the technical discourse. The commons
//! produced, with examples to reuse; hosted services that can replace
//! proprietary tools; the initiatives' technical arguments; what support
//! costs and which hosting and resources are needed. Without `--public`, the
//! tables give the contact person of each initiative (an internal document).

use crate::census::Initiative;
use crate::i18n::fill;

use super::shared::{
    census_section, document, key_figures, n_initiatives, support_counts, support_table,
    tally_chart,
};
use super::view::{ROWS_SHOWN, View, shortened};
use super::{Block, Document, Section, Span, Table};

/// Examples cited for each kind of commons.
const EXAMPLES: usize = 5;
/// Technical arguments quoted.
const ARGUMENTS: usize = 10;
/// The kind of the CHATONS members, the community hosters.
const CHATONS: &str = "chatons";
/// The commons of hosted services.
const HOSTED: &str = "services_heberges";

pub fn build(v: &View) -> Document {
    let t = v.t;
    let mut intro = vec![Block::Paragraph(vec![Span::Text(
        t.intro_techniciens.into(),
    )])];
    intro.extend(key_figures(v, true));
    let mut sections = Vec::new();
    if v.shown("communs_produits") {
        sections.push(commons(v));
    }
    sections.push(services(v));
    sections.push(arguments(v));
    sections.push(costs(v));
    sections.extend(super::coverage::section(v));
    sections.push(census_section(v));
    let personal = !v.public && v.schema.fields.iter().any(|f| f.personal);
    document(v, t.subtitle_techniciens, intro, sections, personal)
}

/// Each kind of commons produced, with the best-known producers.
fn commons(v: &View) -> Section {
    let t = v.t;
    let tally = &v.figures.by_commons;
    let mut blocks = vec![
        Block::Paragraph(vec![Span::Text(t.commons_intro.into())]),
        Block::Chart(tally_chart(
            v,
            "commons",
            t.commons_chart,
            "communs_produits",
            tally,
            true,
        )),
    ];
    for c in tally.counts.iter().filter(|c| c.n > 0) {
        blocks.push(Block::Heading(fill(
            t.problem_heading,
            &[
                ("label", &v.label("communs_produits", &c.id)),
                ("initiatives", &n_initiatives(v, c.n)),
            ],
        )));
        let examples = v.best(EXAMPLES, |i| v.has(i, "communs_produits", &c.id));
        if !examples.is_empty() {
            let mut p = vec![Span::Text(t.for_example.into())];
            p.extend(v.names(&examples, examples.len(), true));
            blocks.push(Block::Paragraph(p));
        }
    }
    if tally.unset > 0 {
        blocks.push(Block::Paragraph(vec![Span::Text(fill(
            t.commons_unset,
            &[("initiatives", &n_initiatives(v, tally.unset))],
        ))]));
    }
    Section {
        id: "commons",
        title: t.commons_title.into(),
        blocks,
    }
}

/// A table of initiatives, [`ROWS_SHOWN`] at most, with the contact column
/// when there is one; then how many more there are.
fn initiatives_table(
    v: &View,
    id: &'static str,
    caption: &str,
    header: Vec<String>,
    rows: &[usize],
    cells: impl Fn(&Initiative) -> Vec<Vec<Span>>,
) -> Vec<Block> {
    let contact = v.contact_header();
    let mut header = header;
    header.extend(contact.clone());
    let numeric = vec![false; header.len()];
    let table = Table {
        id,
        caption: caption.to_string(),
        header,
        numeric,
        rows: rows
            .iter()
            .take(ROWS_SHOWN)
            .map(|&k| {
                let i = v.initiative(k);
                let mut row = cells(i);
                if contact.is_some() {
                    row.push(v.contact(i));
                }
                row
            })
            .collect(),
    };
    let mut out = vec![Block::Table(table)];
    if rows.len() > ROWS_SHOWN {
        out.push(Block::Paragraph(vec![Span::Text(fill(
            v.t.rows_rest,
            &[("initiatives", &n_initiatives(v, rows.len() - ROWS_SHOWN))],
        ))]));
    }
    out
}

/// CHATONS members and their services, then the other hosts of services.
fn services(v: &View) -> Section {
    let t = v.t;
    let is_chatons = |i: &Initiative| {
        v.shown(&v.schema.kind_field) && i.value(&v.schema.kind_field) == Some(CHATONS)
    };
    let mut rows = v.best(usize::MAX, is_chatons);
    rows.extend(v.best(usize::MAX, |i| {
        !is_chatons(i) && v.has(i, "communs_produits", HOSTED)
    }));
    let mut blocks = vec![Block::Paragraph(vec![Span::Text(t.services_intro.into())])];
    if rows.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::Text(t.services_none.into())]));
    } else {
        blocks.extend(initiatives_table(
            v,
            "services",
            t.services_title,
            vec![
                t.col_initiative.into(),
                t.col_commune.into(),
                t.col_services.into(),
            ],
            &rows,
            |i| {
                vec![
                    vec![v.name_span(i)],
                    vec![Span::Text(v.text(i, "commune").unwrap_or_default())],
                    vec![Span::Text(
                        v.text(i, "chatons_services")
                            .map(|s| shortened(&s))
                            .unwrap_or_else(|| t.none.into()),
                    )],
                ]
            },
        ));
    }
    Section {
        id: "services",
        title: t.services_title.into(),
        blocks,
    }
}

/// The initiatives' own technical arguments.
fn arguments(v: &View) -> Section {
    let t = v.t;
    let arguing = v.best(ARGUMENTS, |i| v.filled(i, "argument_technique"));
    let mut blocks = vec![Block::Paragraph(vec![Span::Text(t.arguments_intro.into())])];
    if arguing.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::Text(t.arguments_none.into())]));
    }
    for k in arguing {
        let i = v.initiative(k);
        blocks.push(Block::Quote {
            text: shortened(&v.text(i, "argument_technique").unwrap_or_default()),
            by: v.source(i),
        });
    }
    Section {
        id: "arguments",
        title: t.arguments_title.into(),
        blocks,
    }
}

/// Support received and needed, and the initiatives that need something,
/// with their details (amounts, dates, departments).
fn costs(v: &View) -> Section {
    let t = v.t;
    let mut blocks = vec![
        Block::Paragraph(vec![Span::Text(t.costs_intro.into())]),
        support_counts(v),
        support_table(v),
    ];
    blocks.extend(super::supports::amounts(v));
    let needing = v.best(usize::MAX, |i| !v.values(i, "besoins").is_empty());
    if needing.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::Text(t.needs_none.into())]));
    } else {
        blocks.extend(initiatives_table(
            v,
            "needs",
            t.needs_table,
            vec![
                t.col_initiative.into(),
                t.col_needs.into(),
                t.col_details.into(),
            ],
            &needing,
            |i| {
                let needs: Vec<String> = v
                    .values(i, "besoins")
                    .iter()
                    .map(|n| v.label("besoins", n))
                    .collect();
                vec![
                    v.cited(i),
                    vec![Span::Text(needs.join(", "))],
                    vec![Span::Text(
                        v.text(i, "soutiens_details")
                            .map(|s| shortened(&s))
                            .unwrap_or_else(|| t.none.into()),
                    )],
                ]
            },
        ));
    }
    Section {
        id: "costs",
        title: t.costs_title.into(),
        blocks,
    }
}
