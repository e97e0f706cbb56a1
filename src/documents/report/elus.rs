//! The report for elected officials: the political discourse. The commons
//! as answers to the territory's public problems, with examples and their
//! own arguments; the coverage of the territory; the support given and the
//! needs expressed; the network to bring to life; where the census stands.

use std::collections::HashSet;

use crate::documents::report::words::communes;
use crate::i18n::fill;

use super::shared::{
    census_section, document, groups, key_figures, n_initiatives, support_counts, support_table,
    tally_chart,
};
use super::view::{COMMUNES_SHOWN, NAMES_SHOWN, View, shortened};
use super::{Bar, Block, Chart, Document, Section, Span};

/// Examples cited for each public problem.
const EXAMPLES: usize = 3;
/// Political arguments quoted for each public problem.
const ARGUMENTS: usize = 2;
/// Details of support quoted.
const DETAILS: usize = 8;

pub fn build(v: &View) -> Document {
    let t = v.t;
    let mut intro = vec![Block::Paragraph(vec![Span::Text(t.intro_elus.into())])];
    intro.extend(key_figures(v, false));
    let mut sections = Vec::new();
    if v.shown("problemes_publics") {
        sections.push(problems(v));
    }
    let mut territory = territory(v);
    territory.blocks.extend(super::coverage::blocks(v));
    sections.push(territory);
    sections.push(support(v));
    sections.push(network(v));
    sections.push(census_section(v));
    // No contact person in a report for elected officials.
    document(v, t.subtitle_elus, intro, sections, false)
}

/// The framing paragraph, in the words the census chose (its schema's
/// `report_framing`): neutral by default, or the study's.
fn framing(v: &View) -> &'static str {
    match v.schema.report_framing {
        crate::census::schema::ReportFraming::Neutre => v.t.problems_intro_neutral,
        crate::census::schema::ReportFraming::Etude => v.t.problems_intro,
    }
}

/// Each public problem: how many initiatives answer it, examples, and their
/// political arguments (each quoted once in the report).
fn problems(v: &View) -> Section {
    let t = v.t;
    let tally = &v.figures.by_problem;
    let mut blocks = vec![
        Block::Paragraph(vec![Span::Text(framing(v).into())]),
        Block::Chart(tally_chart(
            v,
            "problems",
            t.problems_chart,
            "problemes_publics",
            tally,
            true,
        )),
    ];
    let mut quoted: HashSet<usize> = HashSet::new();
    for c in tally.counts.iter().filter(|c| c.n > 0) {
        let answers = |i: &crate::census::Initiative| v.has(i, "problemes_publics", &c.id);
        blocks.push(Block::Heading(fill(
            t.problem_heading,
            &[
                ("label", &v.label("problemes_publics", &c.id)),
                ("initiatives", &n_initiatives(v, c.n)),
            ],
        )));
        let examples = v.best(EXAMPLES, answers);
        if !examples.is_empty() {
            let mut p = vec![Span::Text(t.for_example.into())];
            p.extend(v.names(&examples, examples.len(), true));
            blocks.push(Block::Paragraph(p));
        }
        let arguing: Vec<usize> = v
            .by_preference(|i| answers(i) && v.filled(i, "argument_politique"))
            .filter(|k| !quoted.contains(k))
            .take(ARGUMENTS)
            .collect();
        for k in arguing {
            quoted.insert(k);
            let i = v.initiative(k);
            blocks.push(Block::Quote {
                text: shortened(&v.text(i, "argument_politique").unwrap_or_default()),
                by: v.source(i),
            });
        }
    }
    let nobody: Vec<String> = tally
        .counts
        .iter()
        .filter(|c| c.n == 0)
        .map(|c| v.label("problemes_publics", &c.id))
        .collect();
    if !nobody.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::Text(fill(
            t.problems_none,
            &[("list", &nobody.join(", "))],
        ))]));
    }
    if tally.unset > 0 {
        blocks.push(Block::Paragraph(vec![Span::Text(fill(
            t.problems_unset,
            &[("initiatives", &n_initiatives(v, tally.unset))],
        ))]));
    }
    Section {
        id: "problems",
        title: t.problems_title.into(),
        blocks,
    }
}

/// Where the initiatives are, of which kinds, and the communes that have no
/// *structure relais*.
fn territory(v: &View) -> Section {
    let t = v.t;
    let f = &v.figures;
    let mut blocks = vec![Block::Paragraph(vec![Span::Text(fill(
        t.territory_intro,
        &[
            ("n", &f.total),
            ("communes", &communes(v.lang, f.by_commune.counts.len())),
        ],
    ))])];
    if v.shown("commune") && !f.by_commune.counts.is_empty() {
        blocks.push(Block::Chart(Chart {
            id: "communes",
            title: t.communes_chart.into(),
            unit: t.col_initiatives.into(),
            bars: f
                .by_commune
                .counts
                .iter()
                .take(COMMUNES_SHOWN)
                .map(|c| Bar {
                    label: super::clean(&c.id),
                    n: c.n,
                })
                .collect(),
        }));
        let rest = &f.by_commune.counts[f.by_commune.counts.len().min(COMMUNES_SHOWN)..];
        if !rest.is_empty() {
            let n: usize = rest.iter().map(|c| c.n).sum();
            blocks.push(Block::Paragraph(vec![Span::Text(fill(
                t.communes_rest,
                &[
                    ("communes", &communes(v.lang, rest.len())),
                    ("initiatives", &n_initiatives(v, n)),
                ],
            ))]));
        }
    }
    if v.shown(&v.schema.kind_field) {
        blocks.push(Block::Chart(tally_chart(
            v,
            "kinds",
            t.kinds_chart,
            &v.schema.kind_field,
            &f.by_kind,
            false,
        )));
    }
    if !v.schema.relay_kinds.is_empty() && v.shown("commune") {
        let kinds: Vec<String> = v
            .schema
            .relay_kinds
            .iter()
            .map(|k| v.label(&v.schema.kind_field, k))
            .collect();
        blocks.push(Block::Paragraph(vec![Span::Text(fill(
            t.relays,
            &[("kinds", &kinds.join(", "))],
        ))]));
        let missing = &f.communes_without_relay;
        let text = if missing.is_empty() {
            t.relays_everywhere.to_string()
        } else {
            let mut list: Vec<String> = missing
                .iter()
                .take(NAMES_SHOWN)
                .map(|c| super::clean(c))
                .collect();
            if missing.len() > list.len() {
                list.push(v.and_more(missing.len() - list.len()));
            }
            fill(
                t.relays_missing,
                &[("n", &missing.len()), ("list", &list.join(", "))],
            )
        };
        blocks.push(Block::Paragraph(vec![Span::Text(text)]));
    }
    Section {
        id: "territory",
        title: t.territory_title.into(),
        blocks,
    }
}

/// The study's second step: what the local authority already gives, what the
/// initiatives ask for, in their own words.
fn support(v: &View) -> Section {
    let t = v.t;
    let mut blocks = vec![
        Block::Paragraph(vec![Span::Text(t.support_intro.into())]),
        support_counts(v),
        support_table(v),
        Block::Chart(tally_chart(
            v,
            "needs",
            t.needs_chart,
            "besoins",
            &v.figures.by_need,
            true,
        )),
    ];
    blocks.extend(super::supports::amounts(v));
    // Those who ask for something first: their details argue for it.
    let detailed = |i: &crate::census::Initiative| v.filled(i, "soutiens_details");
    let mut cited = v.best(DETAILS, |i| {
        detailed(i) && !v.values(i, "besoins").is_empty()
    });
    if cited.len() < DETAILS {
        let more = v.best(DETAILS, |i| {
            detailed(i) && v.values(i, "besoins").is_empty()
        });
        cited.extend(more.into_iter().take(DETAILS - cited.len()));
    }
    if !cited.is_empty() {
        blocks.push(Block::Heading(t.support_details.into()));
        blocks.push(Block::List(
            cited
                .iter()
                .map(|&k| {
                    let i = v.initiative(k);
                    vec![
                        Span::Strong(v.name(i)),
                        Span::Text(format!(
                            " : {}",
                            shortened(&v.text(i, "soutiens_details").unwrap_or_default())
                        )),
                    ]
                })
                .collect(),
        ));
    }
    Section {
        id: "support",
        title: t.support_title.into(),
        blocks,
    }
}

/// The network's groups, and the isolated initiatives to bring in.
fn network(v: &View) -> Section {
    let t = v.t;
    let f = &v.figures;
    let mut blocks = vec![Block::Paragraph(vec![Span::Text(t.network_intro.into())])];
    if f.network.links == 0 {
        blocks.push(Block::Paragraph(vec![Span::Text(t.network_no_link.into())]));
    } else {
        blocks.push(Block::Paragraph(vec![Span::Text(fill(
            t.network_links,
            &[
                ("links", &f.network.links),
                ("groups", &f.network.groups.len()),
            ],
        ))]));
        blocks.push(Block::List(groups(v)));
    }
    let mut isolated = v.positions(&f.network.isolated);
    if isolated.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::Text(
            t.network_none_isolated.into(),
        )]));
    } else {
        v.sort_best(&mut isolated);
        let mut p = vec![Span::Text(fill(
            t.network_isolated,
            &[("n", &isolated.len())],
        ))];
        p.extend(v.names(&isolated, isolated.len(), true));
        blocks.push(Block::Paragraph(p));
    }
    blocks.extend(to_invite(v));
    Section {
        id: "network",
        title: t.network_title.into(),
        blocks,
    }
}

/// The initiatives that took part in no edition this year, once the census
/// records editions of events or trainings.
fn to_invite(v: &View) -> Vec<Block> {
    use crate::census::editions;
    let has_editions = v
        .census
        .live()
        .any(|i| !i.entries(editions::EDITIONS).is_empty());
    if !has_editions {
        return Vec::new();
    }
    let f = crate::i18n::followup::followup(v.lang);
    let year = v.today.year;
    let mut ks = editions::to_invite(v.census, v.schema, year);
    v.sort_best(&mut ks);
    let mut p = vec![Span::Strong(fill(
        f.to_invite_heading,
        &[("year", &year), ("n", &ks.len())],
    ))];
    p.push(Span::Text(format!(" {} ", f.to_invite_intro)));
    p.extend(v.names(&ks, ks.len(), true));
    vec![Block::Paragraph(p)]
}
