//! The "couverture du territoire" section both audiences get when the
//! census declares a perimeter: how many of its communes have an
//! initiative, its white zones by population, and the initiatives and
//! structures relais of each covered commune.

use crate::census::coverage::{Coverage, coverage};
use crate::i18n::coverage::coverage_text;
use crate::i18n::fill;
use crate::i18n::territory::{population, tenths};

use super::view::View;
use super::{Block, Section, Span, Table, clean};

/// How many white zones and covered communes the tables show.
pub const ROWS: usize = 20;

/// The section, when the census declares a perimeter (the technicians'
/// report).
pub fn section(v: &View) -> Option<Section> {
    let blocks = blocks(v);
    (!blocks.is_empty()).then(|| Section {
        id: "coverage",
        title: coverage_text(v.lang).title.into(),
        blocks,
    })
}

/// The blocks of the perimeter's coverage under their heading; none when
/// the census declares no perimeter (the elected officials' report adds
/// them to its section on the territory).
pub fn blocks(v: &View) -> Vec<Block> {
    let all: Vec<usize> = (0..v.census.initiatives.len()).collect();
    match coverage(v.census, v.schema, &all) {
        Some(cov) => build(v, &cov),
        None => Vec::new(),
    }
}

fn build(v: &View, cov: &Coverage) -> Vec<Block> {
    let t = coverage_text(v.lang);
    let pop = |n: u64| population(n, v.lang);
    let white: Vec<_> = cov.white().collect();
    let percent = (cov.white_population() * 100 + cov.population / 2)
        .checked_div(cov.population)
        .unwrap_or(0);
    let per10k = cov
        .per_10k_tenths()
        .map_or_else(|| "—".to_string(), |x| tenths(x, v.lang));
    let mut blocks = vec![Block::Heading(t.heading.into())];
    blocks.push(Block::Paragraph(vec![Span::Text(fill(
        t.intro,
        &[
            ("covered", &cov.covered()),
            ("total", &cov.communes.len()),
            ("white", &white.len()),
            ("white_population", &pop(cov.white_population())),
            ("percent", &percent),
            ("population", &pop(cov.population)),
            ("per10k", &per10k),
        ],
    ))]));
    if !white.is_empty() {
        blocks.push(Block::Table(Table {
            id: "white-zones",
            caption: t.white_caption.into(),
            header: vec![t.col_commune.into(), t.col_population.into()],
            numeric: vec![false, true],
            rows: white
                .iter()
                .take(ROWS)
                .map(|c| {
                    vec![
                        vec![Span::Text(clean(&c.commune))],
                        vec![Span::Text(pop(u64::from(c.population)))],
                    ]
                })
                .collect(),
        }));
        if white.len() > ROWS {
            let rest: u64 = white[ROWS..].iter().map(|c| u64::from(c.population)).sum();
            blocks.push(Block::Paragraph(vec![Span::Text(fill(
                t.white_rest,
                &[("n", &(white.len() - ROWS)), ("population", &pop(rest))],
            ))]));
        }
    }
    let covered: Vec<_> = cov.communes.iter().filter(|c| c.initiatives > 0).collect();
    if !covered.is_empty() {
        blocks.push(Block::Table(Table {
            id: "relays",
            caption: t.relays_caption.into(),
            header: vec![
                t.col_commune.into(),
                t.col_population.into(),
                t.col_initiatives.into(),
                t.col_relays.into(),
            ],
            numeric: vec![false, true, true, true],
            rows: covered
                .iter()
                .take(ROWS)
                .map(|c| {
                    vec![
                        vec![Span::Text(clean(&c.commune))],
                        vec![Span::Text(pop(u64::from(c.population)))],
                        vec![Span::Text(c.initiatives.to_string())],
                        vec![Span::Text(c.relays.to_string())],
                    ]
                })
                .collect(),
        }));
    }
    if !cov.outside.is_empty() {
        blocks.push(Block::Paragraph(vec![Span::Text(fill(
            t.outside,
            &[("n", &cov.outside.len())],
        ))]));
    }
    blocks
}
