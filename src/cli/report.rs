//! `recense stats` (the census in figures) and `recense report` (a report
//! for elected officials or technicians). The library computes and writes;
//! this only reads the census, picks the options and prints or saves.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::census::query::{SearchIndex, find};
use crate::census::stats;
use crate::census::store::{self, Backup, save_text_with};
use crate::census::time::Timestamp;
use crate::documents::report::words::report_text;
use crate::documents::report::{self, Options};
use crate::i18n::fill;

use super::ReportFormat;
use super::invocation::{Fail, Invocation};
use super::read::{self, Selection};

/// Who a report is for (ids fixed: scripts rely on them).
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Audience {
    /// Les élus : problèmes publics, territoire, soutiens et besoins, réseau.
    Elus,
    /// Les services techniques : communs produits, services, arguments techniques, coûts.
    Techniciens,
}

/// How a report is written out.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum DocFormat {
    /// Markdown (GitHub, GitLab, Forgejo).
    Md,
    /// Une page HTML autonome, imprimable.
    Html,
}

pub fn stats(
    ctx: &Invocation,
    selection: &Selection,
    format: ReportFormat,
) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let (schema, census) = (&ws.schema, &ws.census);
    let filter = read::filter(ctx, schema, selection)?;
    let today = Timestamp::now().date();
    let query = selection.query().trim();
    let figures = if query.is_empty() {
        stats::figures(census, schema, &filter, today)
    } else {
        let index = SearchIndex::build(census, schema, ctx.lang);
        let found = find(census, schema, &index, &filter, query);
        stats::figures_of(census, schema, &found, today)
    };
    match format {
        ReportFormat::Json => outln!("{}", crate::cli::output::json_text(&figures)),
        ReportFormat::Text => out!(
            "{}",
            report::stats_text(&figures, schema, ctx.lang, ctx.ascii == Some(true))
        ),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn report(
    ctx: &Invocation,
    audience: Audience,
    format: DocFormat,
    output: Option<&Path>,
    public: bool,
    since: Option<&str>,
    selection: &Selection,
) -> Result<ExitCode, Fail> {
    let t = report_text(ctx.lang);
    let since = match since {
        Some(d) => Some(super::followup::parse_date(
            d,
            crate::i18n::followup::followup(ctx.lang).since_not_a_date,
        )?),
        None => None,
    };
    if let Some(out) = output
        && store::same_file(out, &ctx.file)
    {
        return Err(Fail::new(fill(
            t.output_is_census,
            &[("file", &out.display())],
        )));
    }
    let ws = ctx.open()?;
    let options = Options {
        lang: ctx.lang,
        public,
        today: Timestamp::now().date(),
    };
    let audience = match audience {
        Audience::Elus => report::Audience::Elus,
        Audience::Techniciens => report::Audience::Techniciens,
    };
    let format = match format {
        DocFormat::Md => report::Format::Markdown,
        DocFormat::Html => report::Format::Html,
    };
    // `--commune` and the list's filters: the report of the initiatives kept.
    let selected = super::report_commune::selected(ctx, &ws, selection)?;
    let census = selected.as_ref().map_or(&ws.census, |s| &s.census);
    let mut document = report::document(census, &ws.schema, audience, &options);
    if let Some(day) = since {
        let ev = crate::census::changes::since(census, &ws.schema, day);
        let section = crate::documents::changes::since_section(&ev, &ws.schema, day, ctx.lang);
        // Before the closing section on the census itself.
        let at = document.sections.len().saturating_sub(1);
        document.sections.insert(at, section);
    }
    if let Some(selected) = selected {
        document.subtitle.extend(selected.subtitle);
    }
    let text = report::render(&document, format);
    match output {
        None => out!("{text}"),
        Some(path) => {
            save_text_with(path, &text, Backup::None).map_err(|e| ctx.fail(&e))?;
            eprintln!("{}", fill(t.written, &[("file", &path.display())]));
        }
    }
    Ok(ExitCode::SUCCESS)
}
