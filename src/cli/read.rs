//! Commands that read a census: list, show.

use crate::i18n::cli::cli;
use std::process::ExitCode;

use crate::census::file;
use crate::census::query::{Filter, SearchIndex, find};
use crate::census::schema::Schema;
use crate::census::search::fold;
use crate::census::status::Status;
use crate::census::value::choice;
use crate::i18n::status_name;

use crate::display::inert;
use crate::documents::export::csv_line;

use super::invocation::{Among, Fail, Invocation};
use super::output::{field_text, initiative_json, initiative_text};
use super::{ListFormat, ShowFormat};

/// The options choosing initiatives, the same for `list`, `stats` and
/// `export`: a search and filters on kind, commune and status.
#[derive(Debug, clap::Args)]
pub struct Selection {
    /// Recherche approchée sur le nom, la commune et le type (sans accents ni casse).
    #[arg(long, short = 'q', value_name = "TEXTE")]
    pub query: Option<String>,
    /// Seulement ce type (identifiant ou libellé) ; peut être répété.
    #[arg(long, value_name = "TYPE")]
    pub kind: Vec<String>,
    /// Seulement cette commune ; peut être répété.
    #[arg(long, value_name = "COMMUNE")]
    pub commune: Vec<String>,
    /// Seulement ce statut (repere, contacte, rencontre, legitime, soutenu, en_sommeil, disparu) ; peut être répété.
    #[arg(long, value_name = "STATUT")]
    pub status: Vec<String>,
}

impl Selection {
    /// The search typed, or nothing.
    pub fn query(&self) -> &str {
        self.query.as_deref().unwrap_or("")
    }
}

/// The filters of a [`Selection`] (`--kind`, `--commune`, `--status`):
/// kinds and statuses by id or label, communes folded.
pub fn filter(ctx: &Invocation, schema: &Schema, selection: &Selection) -> Result<Filter, Fail> {
    let kind_list = schema
        .field(&schema.kind_field)
        .and_then(|f| f.field_type.choice_list())
        .unwrap_or_default()
        .to_string();
    let mut filter = Filter::default();
    for k in &selection.kind {
        let id = choice(schema, &kind_list, k).ok_or_else(|| {
            let ids: Vec<String> = schema.kinds().iter().map(|c| c.id.clone()).collect();
            Fail::new(format!(
                "--kind {k}: {} {}",
                cli(ctx.lang).unknown_kind_kinds,
                ids.join(", ")
            ))
        })?;
        filter.kinds.push(id);
    }
    filter.communes = selection.commune.iter().map(|c| fold(c.trim())).collect();
    for s in &selection.status {
        let id = Status::ALL
            .into_iter()
            .find(|x| x.id() == s.trim() || fold(status_name(*x, ctx.lang)) == fold(s))
            .ok_or_else(|| {
                let e = crate::census::status::StatusError::UnknownStatus(s.clone());
                Fail::new(crate::i18n::Localized::localize(&e, ctx.lang))
            })?;
        filter.statuses.push(id.id().to_string());
    }
    Ok(filter)
}

pub fn list(
    ctx: &Invocation,
    selection: &Selection,
    deleted: bool,
    format: ListFormat,
    stale: bool,
) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let (schema, census) = (&ws.schema, &ws.census);
    let mut filter = filter(ctx, schema, selection)?;
    filter.include_deleted = deleted;
    let index = SearchIndex::build(census, schema, ctx.lang);
    let mut found = find(census, schema, &index, &filter, selection.query());
    if stale {
        found = super::stale::only_stale(census, schema, &found);
    }
    let verified = |i: &crate::census::Initiative| super::stale::verified_text(i, ctx.lang);
    let lang = ctx.lang;
    // The shortest end of each id that tells it apart (4 characters at
    // least), as every command takes it; the table is cut to the width.
    let short = crate::census::lookup::suffix_lengths(census, 4);
    let short_id = |n: usize| {
        let id = census.initiatives[n].id.as_str();
        id[id.len() - short[n]..].to_string()
    };
    let cols = |n: usize| {
        let i = &census.initiatives[n];
        vec![
            short_id(n),
            inert(i.value(&schema.name_field).unwrap_or("")).into_owned(),
            field_text(schema, census, i, &schema.kind_field, lang),
            inert(i.value("commune").unwrap_or("")).into_owned(),
        ]
    };
    let cols = |n: usize| {
        let mut c = cols(n);
        if stale {
            c.push(verified(&census.initiatives[n]));
        }
        c
    };
    match format {
        ListFormat::Table => {
            let rows: Vec<Vec<String>> = found.iter().map(|&n| cols(n)).collect();
            let column = |header, cap, drop| super::list_table::Column { header, cap, drop };
            let mut columns = vec![
                column("ID", None, None),
                column(cli(ctx.lang).col_name, None, None),
                column(cli(ctx.lang).col_kind, Some(24), Some(0)),
                column(cli(ctx.lang).col_commune, Some(20), Some(1)),
            ];
            if stale {
                let verified = crate::i18n::followup::followup(ctx.lang).col_verified;
                columns.push(column(verified, None, Some(2)));
            }
            let width = super::list_table::available_width();
            out!("{}", super::list_table::fit(&columns, &rows, width));
            if stale {
                eprintln!(
                    "{}",
                    super::stale::count_text(schema, found.len(), ctx.lang)
                );
            } else {
                eprintln!(
                    "{}",
                    crate::i18n::fill(cli(ctx.lang).initiatives_count, &[("n", &found.len())])
                );
            }
        }
        ListFormat::Csv => {
            let mut head = vec!["id", "nom", "type", "commune"];
            if stale {
                head.push("verifiee_le");
            }
            out!("{}", csv_line(head));
            for &n in &found {
                let i = &census.initiatives[n];
                // Inert for the terminal, then the rule of every CSV.
                let mut cells = vec![
                    inert(i.id.as_str()),
                    inert(i.value(&schema.name_field).unwrap_or("")),
                    inert(i.value(&schema.kind_field).unwrap_or("")),
                    inert(i.value("commune").unwrap_or("")),
                ];
                let date = super::stale::verified_date(i);
                if stale {
                    cells.push(std::borrow::Cow::Borrowed(date.as_str()));
                }
                out!("{}", csv_line(cells.iter().map(AsRef::as_ref)));
            }
        }
        ListFormat::Json => {
            let items: Vec<_> = found
                .iter()
                .map(|&n| initiative_json(schema, census, &census.initiatives[n], false))
                .collect();
            outln!("{}", crate::cli::output::json_text(&items));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn show(ctx: &Invocation, id: &str, format: ShowFormat) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let id = ctx.resolve(&ws, id, Among::Any)?;
    let Some(i) = ws.census.get(&id) else {
        return Err(Fail::new(id.to_string()));
    };
    match format {
        ShowFormat::Text => out!("{}", initiative_text(&ws.schema, &ws.census, i, ctx.lang)),
        ShowFormat::Json => {
            let mut obj = initiative_json(&ws.schema, &ws.census, i, true);
            obj["consent"] = super::consent::consent_json(&ws.schema, &ws.census, i);
            obj["supports"] = super::show_supports::supports_json(&ws.census, i);
            outln!("{}", crate::cli::output::json_text(&obj))
        }
        ShowFormat::Ron => out!("{}", file::initiative_canonical(i)),
    }
    Ok(ExitCode::SUCCESS)
}
