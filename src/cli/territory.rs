//! The perimeter and its white zones: `perimeter set|show`, `communes`.

use std::process::ExitCode;

use crate::census::coverage::{CommuneCoverage, Coverage, coverage};
use crate::census::perimeter::Perimeter;
use crate::census::status::STATUSES;
use crate::census::territory::referential;
use crate::display::inert;
use crate::documents::export::csv_line;
use crate::i18n::territory::{perimeter_error, population, tenths, territory};
use crate::i18n::{Lang, fill, status_label};

use super::invocation::{Fail, Invocation};
use super::output::{json_text, table};
use super::{ListFormat, ReportFormat};

/// Which communes `communes --without` keeps.
#[derive(Debug, Clone, Copy, clap::ValueEnum, PartialEq, Eq)]
pub enum Without {
    /// Communes sans aucune initiative.
    Initiative,
    /// Communes sans structure relais.
    Relay,
}

/// The canonical text of a typed perimeter, or why it is refused.
pub fn parse(ctx: &Invocation, text: &str) -> Result<String, Fail> {
    let r = referential();
    let parts = r
        .parse_perimeter(text)
        .map_err(|e| Fail::new(perimeter_error(&e, ctx.lang)))?;
    Ok(r.perimeter_spec(&parts))
}

/// `recense perimeter set P`.
pub fn set(ctx: &Invocation, text: &str) -> Result<ExitCode, Fail> {
    let spec = parse(ctx, text)?;
    let t = territory(ctx.lang);
    let changed = ctx.with_session(|s| {
        if s.ws.census.perimeter.spec == spec {
            return Ok((false, false));
        }
        let now = s.clock.now();
        s.ws.census.perimeter = Perimeter::set(&spec, s.agent.id.as_str(), now);
        Ok((true, true))
    })?;
    if changed {
        eprintln!("{}", t.perimeter_recorded);
    } else {
        eprintln!("{}", t.perimeter_unchanged);
    }
    outln!("{}", describe(&spec, ctx.lang).join("\n"));
    Ok(ExitCode::SUCCESS)
}

/// `recense perimeter show`.
pub fn show(ctx: &Invocation, format: ReportFormat) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let p = &ws.census.perimeter;
    match format {
        ReportFormat::Json => {
            let r = referential();
            let parts: Vec<serde_json::Value> = p
                .spec
                .split(',')
                .filter(|s| !s.is_empty())
                .filter_map(|s| r.parse_perimeter(s).ok())
                .flatten()
                .map(|part| {
                    serde_json::json!({
                        "code": r.part_key(part),
                        "name": r.part_name(part),
                        "communes": r.part_communes(part).len(),
                    })
                })
                .collect();
            let communes = if p.is_set() {
                r.perimeter_communes(&p.spec)
            } else {
                Vec::new()
            };
            let pop: u64 = communes
                .iter()
                .map(|&k| u64::from(r.communes[k].population))
                .sum();
            let json = serde_json::json!({
                "perimeter": p.spec,
                "parts": parts,
                "communes": communes.len(),
                "population": pop,
                "set_by": p.by,
                "set_at": p.at.0,
            });
            outln!("{}", json_text(&json));
        }
        ReportFormat::Text => {
            if p.is_set() {
                outln!("{}", describe(&p.spec, ctx.lang).join("\n"));
            } else {
                outln!("{}", territory(ctx.lang).perimeter_none);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The lines telling a perimeter: its parts, then its size.
fn describe(spec: &str, lang: Lang) -> Vec<String> {
    let r = referential();
    let t = territory(lang);
    let parts: Vec<String> = spec
        .split(',')
        .filter_map(|s| r.parse_perimeter(s).ok())
        .flatten()
        .map(|p| inert(&r.part_code(p)).into_owned())
        .collect();
    let communes = r.perimeter_communes(spec);
    let pop: u64 = communes
        .iter()
        .map(|&k| u64::from(r.communes[k].population))
        .sum();
    vec![
        fill(t.perimeter_is, &[("parts", &parts.join(", "))]),
        fill(
            t.perimeter_size,
            &[
                ("n", &communes.len()),
                ("population", &population(pop, lang)),
            ],
        ),
    ]
}

/// `recense communes`.
pub fn communes(
    ctx: &Invocation,
    without: Option<Without>,
    format: ListFormat,
) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let t = territory(ctx.lang);
    let all: Vec<usize> = (0..ws.census.initiatives.len()).collect();
    let Some(cov) = coverage(&ws.census, &ws.schema, &all) else {
        return Err(Fail::new(t.no_perimeter_for_communes));
    };
    let keep = |c: &&CommuneCoverage| match without {
        None => true,
        Some(Without::Initiative) => c.initiatives == 0,
        Some(Without::Relay) => c.relays == 0,
    };
    let rows: Vec<&CommuneCoverage> = cov.communes.iter().filter(keep).collect();
    match format {
        ListFormat::Table => print_table(ctx.lang, &cov, &rows),
        ListFormat::Csv => {
            let mut header = vec![
                "code_insee",
                "commune",
                "population",
                "initiatives",
                "relais",
            ];
            header.extend(STATUSES);
            out!("{}", csv_line(header.iter().copied()));
            for c in &rows {
                out!("{}", csv_line(cells(c).iter().map(String::as_str)));
            }
        }
        ListFormat::Json => {
            let communes: Vec<serde_json::Value> = rows.iter().map(|c| row_json(c)).collect();
            let json = serde_json::json!({
                "perimeter": cov.perimeter,
                "population": cov.population,
                "initiatives_inside": cov.inside,
                "communes_covered": cov.covered(),
                "white_zones": cov.white().count(),
                "white_population": cov.white_population(),
                "initiatives_per_10000": cov.per_10k_tenths().map(|t| t as f64 / 10.0),
                "communes": communes,
                "outside": cov.outside,
            });
            outln!("{}", json_text(&json));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A commune's cells: code, name, population, counts, then by status.
fn cells(c: &CommuneCoverage) -> Vec<String> {
    let mut v = vec![
        inert(&c.code_insee).into_owned(),
        inert(&c.commune).into_owned(),
        c.population.to_string(),
        c.initiatives.to_string(),
        c.relays.to_string(),
    ];
    v.extend(c.by_status.iter().map(usize::to_string));
    v
}

fn row_json(c: &CommuneCoverage) -> serde_json::Value {
    let by_status: serde_json::Map<String, serde_json::Value> = STATUSES
        .iter()
        .zip(&c.by_status)
        .map(|(s, n)| (s.to_string(), serde_json::json!(n)))
        .collect();
    serde_json::json!({
        "code_insee": c.code_insee,
        "commune": c.commune,
        "population": c.population,
        "initiatives": c.initiatives,
        "relays": c.relays,
        "by_status": by_status,
    })
}

fn print_table(lang: Lang, cov: &Coverage, rows: &[&CommuneCoverage]) {
    let t = territory(lang);
    let mut header = vec![
        t.col_insee,
        t.col_commune,
        t.col_population,
        t.col_initiatives,
        t.col_relays,
    ];
    header.extend(STATUSES.iter().map(|s| status_label(s, lang)));
    let body: Vec<Vec<String>> = rows.iter().map(|c| cells(c)).collect();
    out!("{}", table(&header, &body));
    eprintln!("{}", fill(t.shown, &[("n", &rows.len())]));
    let per10k = cov
        .per_10k_tenths()
        .map_or_else(|| "—".to_string(), |x| tenths(x, lang));
    outln!(
        "\n{}",
        fill(
            t.summary,
            &[
                ("covered", &cov.covered()),
                ("total", &cov.communes.len()),
                ("white", &cov.white().count()),
                (
                    "white_population",
                    &population(cov.white_population(), lang)
                ),
                ("per10k", &per10k),
            ],
        )
    );
    if !cov.outside.is_empty() {
        outln!("\n{}", fill(t.outside_title, &[("n", &cov.outside.len())]));
        let body: Vec<Vec<String>> = cov
            .outside
            .iter()
            .map(|o| {
                vec![
                    o.id.to_string(),
                    inert(&o.name).into_owned(),
                    inert(&o.commune).into_owned(),
                ]
            })
            .collect();
        out!("{}", table(&["ID", t.col_name, t.col_commune], &body));
    }
}
