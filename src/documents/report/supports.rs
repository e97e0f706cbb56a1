//! Two parts of the reports that read the legitimation work: the euros of
//! the supports received, totalled per year, per kind of support and per
//! commune; and which legitimated initiatives the collectivité recognised
//! by an act of its own (deliberation, convention, grant voted, local plan).

use std::collections::BTreeMap;

use crate::census::recognition::{legitimated, public_acts};
use crate::census::supports::{RECEIVED_FIELD, supports};
use crate::i18n::fill;
use crate::i18n::supports::{euros, supports_text};

use super::view::{NAMES_SHOWN, View};
use super::{Block, Span, Table, clean};

/// How many supports, how many of them with an amount, and how many euros
/// (in cents).
#[derive(Default, Clone, Copy)]
struct Sum {
    n: usize,
    known: usize,
    cents: u64,
}

impl Sum {
    fn add(&mut self, cents: Option<u64>) {
        self.n += 1;
        self.known += usize::from(cents.is_some());
        self.cents = self.cents.saturating_add(cents.unwrap_or(0));
    }
}

/// The totals of the supports recorded with their year; nothing when none is.
pub fn amounts(v: &View) -> Vec<Block> {
    let t = supports_text(v.lang);
    let (mut by_year, mut by_kind, mut by_commune) =
        (BTreeMap::new(), BTreeMap::new(), BTreeMap::new());
    let (mut all, mut unknown) = (Sum::default(), 0);
    for i in v.census.live() {
        let commune = v.text(i, "commune").unwrap_or_default();
        for s in supports(i) {
            all.add(s.amount);
            unknown += usize::from(s.amount.is_none());
            let year = s.year.map(|y| y.to_string()).unwrap_or_default();
            by_year
                .entry(year)
                .or_insert_with(Sum::default)
                .add(s.amount);
            by_kind
                .entry(s.kind.clone())
                .or_insert_with(Sum::default)
                .add(s.amount);
            by_commune
                .entry(commune.clone())
                .or_insert_with(Sum::default)
                .add(s.amount);
        }
    }
    if all.n == 0 {
        return Vec::new();
    }
    let money = |cents: u64| euros(cents, v.lang);
    // In kind only: no amount to total.
    let total = |s: &Sum| match s.known {
        0 => "—".to_string(),
        _ => money(s.cents),
    };
    let mut blocks = vec![
        Block::Heading(t.amounts_heading.into()),
        Block::Paragraph(vec![Span::Text(fill(
            t.amounts_intro,
            &[
                ("n", &all.n),
                ("total", &money(all.cents)),
                ("unknown", &unknown),
            ],
        ))]),
    ];
    let table = |id: &'static str, caption: &str, col: &str, rows: Vec<(String, Sum)>| {
        let mut rows: Vec<Vec<Vec<Span>>> = rows
            .into_iter()
            .map(|(label, s)| {
                vec![
                    vec![Span::Text(label)],
                    vec![Span::Text(s.n.to_string())],
                    vec![Span::Text(total(&s))],
                ]
            })
            .collect();
        rows.push(vec![
            vec![Span::Strong(t.total.into())],
            vec![Span::Strong(all.n.to_string())],
            vec![Span::Strong(total(&all))],
        ]);
        Block::Table(Table {
            id,
            caption: caption.to_string(),
            header: vec![col.into(), t.col_count.into(), t.col_amount.into()],
            numeric: vec![false, true, true],
            rows,
        })
    };
    let years = by_year.into_iter().rev().collect();
    blocks.push(table("support-years", t.by_year, t.col_year, years));
    let mut kinds: Vec<(String, Sum)> = by_kind
        .into_iter()
        .map(|(k, s)| (v.label(RECEIVED_FIELD, &k), s))
        .collect();
    kinds.sort_by(|a, b| b.1.cents.cmp(&a.1.cents).then_with(|| a.0.cmp(&b.0)));
    blocks.push(table("support-kinds", t.by_kind, t.col_kind, kinds));
    if v.shown("commune") {
        let mut communes: Vec<(String, Sum)> = by_commune
            .into_iter()
            .map(|(c, s)| match c.is_empty() {
                true => (t.no_commune.to_string(), s),
                false => (clean(&c), s),
            })
            .collect();
        communes.sort_by(|a, b| b.1.cents.cmp(&a.1.cents).then_with(|| a.0.cmp(&b.0)));
        blocks.push(table(
            "support-communes",
            t.by_commune,
            t.col_commune,
            communes,
        ));
    }
    blocks
}

/// Which legitimated initiatives an act of the collectivité recognises;
/// nothing while no initiative is legitimated.
pub fn recognition(v: &View) -> Vec<Block> {
    let t = supports_text(v.lang);
    let (recognised, others) = legitimated(v.census);
    let n = recognised.len() + others.len();
    if n == 0 {
        return Vec::new();
    }
    let mut blocks = vec![Block::Heading(t.recognition_heading.into())];
    if recognised.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::Text(fill(
            t.recognition_none,
            &[("n", &n)],
        ))]));
    } else {
        blocks.push(Block::Paragraph(vec![Span::Text(fill(
            t.recognition_intro,
            &[("n", &n), ("recognised", &recognised.len())],
        ))]));
        blocks.push(Block::List(
            recognised
                .iter()
                .map(|i| {
                    let acts: Vec<String> = public_acts(i)
                        .iter()
                        .map(|e| {
                            let label = clean(v.schema.choice_label(
                                crate::census::status::EVIDENCE_KINDS,
                                &e.kind,
                                v.lang,
                            ));
                            let date = e.date.map(|d| format!(" ({d})")).unwrap_or_default();
                            let note = match e.note.trim() {
                                "" => String::new(),
                                note => format!(" : {}", super::view::shortened(&clean(note))),
                            };
                            format!("{label}{date}{note}")
                        })
                        .collect();
                    let mut spans = v.cited(i);
                    spans.push(Span::Text(format!(" — {}", acts.join(" ; "))));
                    spans
                })
                .collect(),
        ));
    }
    if !others.is_empty() {
        let mut p = vec![Span::Text(t.recognition_others.into())];
        for (n, i) in others.iter().take(NAMES_SHOWN).enumerate() {
            if n > 0 {
                p.push(Span::Text(", ".into()));
            }
            p.push(v.name_span(i));
        }
        if others.len() > NAMES_SHOWN {
            p.push(Span::Text(format!(
                ", {}",
                v.and_more(others.len() - NAMES_SHOWN)
            )));
        }
        p.push(Span::Text(".".into()));
        blocks.push(Block::Paragraph(p));
    }
    blocks
}
