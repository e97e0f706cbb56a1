//! The follow-up over the years: `verify`, `links`, `compare`, `edition add`.
//! The library decides; this reads the arguments, prints and saves.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::census::editions::EditionSpec;
use crate::census::freshness::urls;
use crate::census::time::{Date, Timestamp};
use crate::census::{changes, store};
use crate::display::inert;
use crate::documents::export::csv_line;
use crate::i18n::followup::followup;
use crate::i18n::{Localized, fill};

use super::invocation::{Among, Fail, Invocation};
use super::output::table;

/// How `links` prints.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LinksFormat {
    Table,
    Csv,
}

/// How `compare` writes.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum CompareFormat {
    Md,
    Html,
    Json,
}

/// `edition add`'s options.
#[derive(Debug, clap::Args)]
pub struct EditionArgs {
    /// L'événement ou la formation (type evenement ou formation).
    pub id: String,
    /// AAAA-MM-JJ (sinon aujourd'hui).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Le lieu.
    #[arg(long, value_name = "LIEU", default_value = "")]
    pub place: String,
    /// Le nombre de participants.
    #[arg(long, value_name = "N")]
    pub participants: Option<u32>,
    #[arg(long, value_name = "TEXTE", default_value = "")]
    pub note: String,
    /// Une initiative qui y a participé (reçoit la relation participe_a) ; peut être répété.
    #[arg(long = "with", value_name = "ID")]
    pub with: Vec<String>,
}

pub fn verify(ctx: &Invocation, id: &str, note: &str) -> Result<ExitCode, Fail> {
    let id = ctx.with_session(|s| {
        let id = ctx.resolve(&s.ws, id, Among::Live)?;
        s.verify(&id, note).map_err(|e| ctx.fail(&e))?;
        Ok((id, true))
    })?;
    eprintln!("{}", fill(followup(ctx.lang).verified, &[("id", &id)]));
    Ok(ExitCode::SUCCESS)
}

/// A date given on the command line, or the message that says how to write it.
pub fn parse_date(text: &str, message: &str) -> Result<Date, Fail> {
    Date::parse(text).ok_or_else(|| Fail::new(fill(message, &[("value", &inert(text))])))
}

pub fn add_edition(ctx: &Invocation, args: &EditionArgs) -> Result<ExitCode, Fail> {
    let t = followup(ctx.lang);
    let date = match &args.date {
        Some(d) => Some(parse_date(d, t.edition_date)?),
        None => None,
    };
    let id = ctx.with_session(|s| {
        let id = ctx.resolve(&s.ws, &args.id, Among::Live)?;
        let with = (args.with.iter())
            .map(|w| ctx.resolve(&s.ws, w, Among::Live))
            .collect::<Result<Vec<_>, Fail>>()?;
        let spec = EditionSpec {
            date,
            place: args.place.clone(),
            participants: args.participants,
            note: args.note.clone(),
            with,
        };
        s.add_edition(&id, &spec).map_err(|e| ctx.fail(&e))?;
        Ok((id, true))
    })?;
    eprintln!("{}", fill(t.edition_added, &[("id", &id)]));
    Ok(ExitCode::SUCCESS)
}

/// `links`: every web address, for a link checker run outside.
pub fn links(ctx: &Invocation, format: LinksFormat) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let (schema, census) = (&ws.schema, &ws.census);
    let t = followup(ctx.lang);
    let name = |id: &crate::census::InitiativeId| {
        census
            .get(id)
            .and_then(|i| i.value(&schema.name_field))
            .unwrap_or("")
    };
    let found = urls(census, schema);
    match format {
        LinksFormat::Csv => {
            out!("{}", csv_line(["id", "nom", "champ", "url"]));
            for u in &found {
                let cells = [
                    inert(u.id.as_str()),
                    inert(name(&u.id)),
                    inert(&u.field),
                    inert(&u.url),
                ];
                out!("{}", csv_line(cells.iter().map(AsRef::as_ref)));
            }
        }
        LinksFormat::Table => {
            let rows: Vec<Vec<String>> = found
                .iter()
                .map(|u| {
                    vec![
                        u.id.to_string(),
                        inert(name(&u.id)).into_owned(),
                        inert(&u.field).into_owned(),
                        inert(&u.url).into_owned(),
                    ]
                })
                .collect();
            let c = crate::i18n::cli::cli(ctx.lang);
            out!(
                "{}",
                table(&["ID", c.col_name, t.col_field, t.col_url], &rows)
            );
            eprintln!(
                "{}",
                crate::i18n::fill(t.urls_count, &[("n", &found.len())])
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `compare OLD NEW`: what changed from one census file to another.
pub fn compare(
    ctx: &Invocation,
    old: &Path,
    new: &Path,
    format: CompareFormat,
) -> Result<ExitCode, Fail> {
    let (before, _) = store::load(old).map_err(|e| Fail::new(e.localize(ctx.lang)))?;
    let after = crate::census::workspace::Workspace::open(new)
        .map_err(|e| Fail::new(e.localize(ctx.lang)))?;
    let ev = changes::compare(&before, &after.census, &after.schema);
    let document = || {
        crate::documents::changes::compare_document(
            &ev,
            &after.schema,
            &old.display().to_string(),
            &new.display().to_string(),
            &after.census.territory,
            ctx.lang,
        )
    };
    use crate::documents::report::{Format, render};
    match format {
        CompareFormat::Json => outln!("{}", crate::cli::output::json_text(&ev)),
        CompareFormat::Md => out!("{}", render(&document(), Format::Markdown)),
        CompareFormat::Html => out!("{}", render(&document(), Format::Html)),
    }
    Ok(ExitCode::SUCCESS)
}

/// Today, for the commands that count from it.
pub fn today() -> Date {
    Timestamp::now().date()
}
