//! The parts both reports share: charts of counts, the opening figures,
//! support and needs, the network's groups, where the census stands, the
//! closing note.

use crate::census::network;
use crate::census::stats::Tally;
use crate::census::status::Status;
use crate::documents::report::words::{communes, count, initiatives};
use crate::i18n::{fill, status_label};

use super::view::View;
use super::{Bar, Block, Chart, Document, Section, Span, Table};

/// A bar chart of the counts of a choice field, labels from the schema;
/// zeros left out unless `zeros`.
pub fn tally_chart(
    v: &View,
    id: &'static str,
    title: &str,
    field: &str,
    tally: &Tally,
    zeros: bool,
) -> Chart {
    Chart {
        id,
        title: title.to_string(),
        unit: v.t.col_initiatives.to_string(),
        bars: tally
            .counts
            .iter()
            .filter(|c| zeros || c.n > 0)
            .map(|c| Bar {
                label: v.label(field, &c.id),
                n: c.n,
            })
            .collect(),
    }
}

/// The chart of statuses, in ladder order.
pub fn status_chart(v: &View) -> Chart {
    Chart {
        id: "statuses",
        title: v.t.statuses_chart.to_string(),
        unit: v.t.col_initiatives.to_string(),
        bars: v
            .figures
            .by_status
            .counts
            .iter()
            .map(|c| Bar {
                label: status_label(&c.id, v.lang).to_string(),
                n: c.n,
            })
            .collect(),
    }
}

/// "At a glance": the figures an opening page gives.
pub fn key_figures(v: &View, commons: bool) -> Vec<Block> {
    let f = &v.figures;
    let t = v.t;
    let n = |text: &str, n: usize| Span::Text(fill(text, &[("n", &n)]));
    let mut items = vec![vec![Span::Text(fill(
        t.key_total,
        &[
            ("n", &f.total),
            ("communes", &communes(v.lang, f.by_commune.counts.len())),
        ],
    ))]];
    if v.shown("problemes_publics") {
        items.push(vec![n(t.key_problems, f.total - f.by_problem.unset)]);
    }
    if commons && v.shown("communs_produits") {
        items.push(vec![n(t.key_commons, f.total - f.by_commons.unset)]);
    }
    items.push(vec![Span::Text(fill(
        t.key_legitimized,
        &[
            ("legitimized", &f.by_status.get(Status::Legitime.id())),
            ("supported", &f.by_status.get(Status::Soutenu.id())),
        ],
    ))]);
    let lang = v.lang;
    items.push(vec![Span::Text(fill(
        t.key_network,
        &[
            (
                "links",
                &count(lang, f.network.links, t.relation_one, t.relation_many),
            ),
            (
                "groups",
                &count(lang, f.network.groups.len(), t.group_one, t.group_many),
            ),
            (
                "isolated",
                &count(
                    lang,
                    f.network.isolated.len(),
                    t.isolated_one,
                    t.isolated_many,
                ),
            ),
        ],
    ))]);
    vec![
        Block::Paragraph(vec![Span::Strong(t.key_figures.to_string())]),
        Block::List(items),
    ]
}

/// How many receive support and how many need some.
pub fn support_counts(v: &View) -> Block {
    let f = &v.figures;
    let n = |text: &str, n: usize| vec![Span::Text(fill(text, &[("n", &n)]))];
    Block::List(vec![
        n(v.t.support_received, f.total - f.by_support.unset),
        n(v.t.support_needing, f.total - f.by_need.unset),
    ])
}

/// Each kind of support: how many receive it, how many ask for it.
pub fn support_table(v: &View) -> Block {
    let list = v
        .schema
        .field("soutiens_recus")
        .and_then(|f| f.field_type.choice_list())
        .unwrap_or("");
    let f = &v.figures;
    let rows = v
        .schema
        .choices(list)
        .iter()
        .map(|c| {
            vec![
                vec![Span::Text(v.label("soutiens_recus", &c.id))],
                vec![Span::Text(f.by_support.get(&c.id).to_string())],
                vec![Span::Text(f.by_need.get(&c.id).to_string())],
            ]
        })
        .collect();
    Block::Table(Table {
        id: "support",
        caption: v.t.support_table.to_string(),
        header: vec![
            v.t.col_support.to_string(),
            v.t.col_received.to_string(),
            v.t.col_needed.to_string(),
        ],
        numeric: vec![false, true, true],
        rows,
    })
}

/// Where the census stands: statuses, evidence, confirmations, what is left
/// to settle.
pub fn census_section(v: &View) -> Section {
    let f = &v.figures;
    let t = v.t;
    let n = |text: &str, n: usize| vec![Span::Text(fill(text, &[("n", &n)]))];
    let mut blocks = vec![
        Block::Chart(status_chart(v)),
        Block::List(vec![
            n(t.census_evidence, f.with_evidence),
            n(t.census_confirmed, f.confirmed),
            n(t.census_score, usize::from(f.mean_score)),
        ]),
    ];
    blocks.extend(super::supports::recognition(v));
    if f.conflicts + f.duplicates > 0 {
        blocks.push(Block::Paragraph(vec![Span::Text(fill(
            t.census_pending,
            &[("conflicts", &f.conflicts), ("duplicates", &f.duplicates)],
        ))]));
    }
    Section {
        id: "census",
        title: t.census_title.to_string(),
        blocks,
    }
}

/// The connected groups of the network, each with its best-known members.
pub fn groups(v: &View) -> Vec<Vec<Span>> {
    const GROUPS_SHOWN: usize = 5;
    const MEMBERS_SHOWN: usize = 6;
    let arch = network::archipelago(v.census, v.schema);
    arch.groups
        .iter()
        .take(GROUPS_SHOWN)
        .map(|g| {
            let mut members = g.clone();
            v.sort_best(&mut members);
            members.truncate(MEMBERS_SHOWN);
            let mut spans = vec![Span::Text(fill(v.t.network_group, &[("n", &g.len())]))];
            spans.extend(v.names(&members, g.len(), false));
            spans
        })
        .collect()
}

/// "N initiatives" in the report's language.
pub fn n_initiatives(v: &View, n: usize) -> String {
    initiatives(v.lang, n)
}

/// The closing note: how the report was made, and whether it holds personal
/// data.
pub fn footer(v: &View, personal_shown: bool) -> Vec<String> {
    let made = fill(
        v.t.footer,
        &[("date", &super::words::long_date(v.lang, v.today))],
    );
    let data = if v.public {
        v.t.footer_public
    } else if personal_shown {
        v.t.footer_internal
    } else {
        v.t.footer_no_personal
    };
    vec![made, data.to_string()]
}

/// A report around its sections: the territory's title, who it is for and
/// as of when, the closing note (naming the personal fields shown, if any).
pub fn document(
    v: &View,
    audience: &str,
    intro: Vec<Block>,
    sections: Vec<Section>,
    personal_shown: bool,
) -> Document {
    let t = v.t;
    Document {
        lang: v.lang,
        title: fill(
            t.title,
            &[("territory", &super::clean(&v.census.territory))],
        ),
        subtitle: vec![
            audience.to_string(),
            fill(
                t.meta,
                &[("date", &super::words::long_date(v.lang, v.today))],
            ),
        ],
        intro,
        sections,
        footer: footer(v, personal_shown),
    }
}
