//! The figures of a census as a short document: what `recense stats` prints
//! for people (scripts take the JSON of [`Figures`]).

use crate::census::schema::Schema;
use crate::census::stats::{Figures, Tally};
use crate::documents::report::words::{ReportText, initiatives, report_text};
use crate::i18n::{Lang, fill, status_label};

use super::{Bar, Block, Chart, Document, Section, Span, clean, text};

/// The figures as text, labels from the schema and statuses in words;
/// `ascii` draws bars with `#`.
pub fn stats_text(figures: &Figures, schema: &Schema, lang: Lang, ascii: bool) -> String {
    text::render(&document(figures, schema, lang), ascii)
}

fn label(schema: &Schema, field: &str, id: &str, lang: Lang) -> String {
    let list = schema
        .field(field)
        .and_then(|f| f.field_type.choice_list())
        .unwrap_or("");
    clean(schema.choice_label(list, id, lang))
}

/// One section per count: every value (zeros kept, except kinds and
/// communes, which may be many), then how many leave the field empty.
fn tally_section(
    t: &ReportText,
    id: &'static str,
    title: &str,
    tally: &Tally,
    zeros: bool,
    label: impl Fn(&str) -> String,
) -> Section {
    let mut bars: Vec<Bar> = tally
        .counts
        .iter()
        .filter(|c| zeros || c.n > 0)
        .map(|c| Bar {
            label: label(&c.id),
            n: c.n,
        })
        .collect();
    if tally.unset > 0 {
        bars.push(Bar {
            label: t.unset.to_string(),
            n: tally.unset,
        });
    }
    Section {
        id,
        title: title.to_string(),
        blocks: vec![Block::Chart(Chart {
            id,
            title: title.to_string(),
            unit: t.col_initiatives.to_string(),
            bars,
        })],
    }
}

fn line(s: String) -> Vec<Span> {
    vec![Span::Text(s)]
}

fn document(f: &Figures, schema: &Schema, lang: Lang) -> Document {
    let t = report_text(lang);
    let choice = |field: &str| {
        let field = field.to_string();
        move |id: &str| label(schema, &field, id, lang)
    };
    let mut sections = vec![
        tally_section(
            t,
            "kinds",
            t.kinds_chart,
            &f.by_kind,
            false,
            choice(&schema.kind_field),
        ),
        tally_section(t, "statuses", t.statuses_chart, &f.by_status, true, |id| {
            status_label(id, lang).to_string()
        }),
        tally_section(t, "communes", t.communes_chart, &f.by_commune, false, clean),
        tally_section(
            t,
            "problems",
            t.problems_chart,
            &f.by_problem,
            true,
            choice("problemes_publics"),
        ),
        tally_section(
            t,
            "commons",
            t.commons_chart,
            &f.by_commons,
            true,
            choice("communs_produits"),
        ),
        tally_section(
            t,
            "supports",
            t.supports_chart,
            &f.by_support,
            true,
            choice("soutiens_recus"),
        ),
        tally_section(
            t,
            "needs",
            t.needs_chart,
            &f.by_need,
            true,
            choice("besoins"),
        ),
    ];
    let relays = if f.communes_without_relay.is_empty() {
        t.stats_none.to_string()
    } else {
        let names: Vec<String> = f.communes_without_relay.iter().map(|c| clean(c)).collect();
        names.join(", ")
    };
    sections.push(Section {
        id: "relays",
        title: t.stats_relays.to_string(),
        blocks: vec![Block::Paragraph(line(relays))],
    });
    let n = |text: &str, n: usize| line(fill(text, &[("n", &n)]));
    sections.push(Section {
        id: "legitimacy",
        title: t.stats_legitimacy.to_string(),
        blocks: vec![Block::List(vec![
            n(t.census_evidence, f.with_evidence),
            n(t.census_confirmed, f.confirmed),
            n(t.census_score, usize::from(f.mean_score)),
            line(fill(
                t.stats_pending,
                &[("conflicts", &f.conflicts), ("duplicates", &f.duplicates)],
            )),
        ])],
    });
    let sizes: Vec<String> = f.network.groups.iter().map(usize::to_string).collect();
    sections.push(Section {
        id: "network",
        title: t.stats_network.to_string(),
        blocks: vec![Block::List(vec![
            n(t.stats_links, f.network.links),
            line(fill(
                t.stats_groups,
                &[("n", &f.network.groups.len()), ("sizes", &sizes.join(", "))],
            )),
            n(t.stats_isolated, f.network.isolated.len()),
        ])],
    });
    let waiting: Vec<Vec<Span>> = f
        .waiting
        .iter()
        .filter(|w| !w.longest.is_empty())
        .map(|w| {
            let list: Vec<String> = w
                .longest
                .iter()
                .map(|x| {
                    fill(
                        t.stats_days,
                        &[("name", &clean(&x.name)), ("days", &x.days)],
                    )
                })
                .collect();
            line(fill(
                t.stats_waiting_line,
                &[
                    ("status", &status_label(&w.status, lang)),
                    ("list", &list.join(", ")),
                ],
            ))
        })
        .collect();
    if !waiting.is_empty() {
        sections.push(Section {
            id: "waiting",
            title: t.stats_waiting.to_string(),
            blocks: vec![Block::List(waiting)],
        });
    }
    Document {
        lang,
        title: fill(
            t.stats_title,
            &[
                ("territory", &clean(&f.territory)),
                ("initiatives", &initiatives(lang, f.total)),
                ("date", &f.date),
            ],
        ),
        subtitle: Vec::new(),
        intro: Vec::new(),
        sections,
        footer: Vec::new(),
    }
}
