//! Erasure and retention of personal data: `recense rgpd purge`, `rgpd
//! review`, `delete --purge`, and the public copies of `bundle --public`
//! and `export --public` (see docs/rgpd-erasure.md).

use std::process::ExitCode;

use serde_json::json;

use crate::census::Schema;
use crate::census::erase::person::{
    MIN_NEEDLE, personal_fields, purge_initiative, purge_person, searchable,
};
use crate::census::erase::public::{Flagged, public_copy};
use crate::census::erase::retention::{purge_deleted, purge_expired, review};
use crate::census::erase::{Erased, Why};
use crate::census::model::Census;
use crate::census::store;
use crate::census::time::Timestamp;
use crate::i18n::erasure::{contact, erased_lines, erasure, flagged_line};
use crate::i18n::fill;

use super::ReportFormat;
use super::invocation::{Among, Fail, Invocation};
use super::output::json_text;

/// What `recense rgpd purge` was asked.
#[derive(Debug, clap::Args)]
pub struct PurgeArgs {
    /// L'initiative dont effacer les données personnelles (identifiant ou son début).
    #[arg(value_name = "ID", conflicts_with_all = ["person", "expired"])]
    pub id: Option<String>,
    /// Seulement ce champ de l'initiative (sinon : tous ses champs personnels).
    #[arg(long, value_name = "CHAMP", requires = "id")]
    pub field: Option<String>,
    /// Toutes les valeurs qui nomment cette personne (accents et majuscules ignorés), dans les champs personnels et les textes libres.
    #[arg(long, value_name = "NOM", conflicts_with = "expired")]
    pub person: Option<String>,
    /// Les données personnelles au-delà de la durée de conservation (voir « recense rgpd review »).
    #[arg(long)]
    pub expired: bool,
    /// Montre ce qui serait effacé ; n'écrit rien.
    #[arg(long)]
    pub dry_run: bool,
}

fn name_of<'a>(census: &'a Census, schema: &Schema, e: &Erased) -> &'a str {
    census
        .get(&e.initiative)
        .and_then(|i| i.value(&schema.name_field))
        .unwrap_or("")
}

fn say_erased(ctx: &Invocation, census: &Census, schema: &Schema, done: &[Erased]) {
    for e in done {
        let name = crate::display::inert(name_of(census, schema, e)).into_owned();
        for line in erased_lines(e, &name, ctx.lang) {
            outln!("{}", crate::display::for_terminal(&line));
        }
    }
}

pub fn purge(ctx: &Invocation, args: PurgeArgs) -> Result<ExitCode, Fail> {
    let t = erasure(ctx.lang);
    if args.id.is_none() && args.person.is_none() && !args.expired {
        return Err(Fail::new(t.purge_needs_one));
    }
    if let Some(person) = &args.person
        && !searchable(person)
    {
        let person = crate::display::inert(person).into_owned();
        return Err(Fail::new(fill(
            t.person_too_short,
            &[("person", &person), ("min", &MIN_NEEDLE)],
        )));
    }
    let now = Timestamp::now();
    let dry_run = args.dry_run;
    let change = |s: &mut crate::census::session::Session| {
        let schema = s.ws.schema.clone();
        let agent = s.agent.clone();
        // The initiative named (by id or name) before the census is changed.
        let target = match (&args.person, &args.id) {
            (None, Some(id)) => Some(ctx.resolve(&s.ws, id, Among::Any)?),
            _ => None,
        };
        let census = &mut s.ws.census;
        let done = if let Some(person) = &args.person {
            let done =
                purge_person(census, &schema, person, &agent, now).map_err(|e| ctx.fail(&e))?;
            if done.is_empty() {
                let person = crate::display::quoted(person);
                return Err(Fail::new(fill(t.person_not_found, &[("person", &person)])));
            }
            done
        } else if let Some(id) = target {
            let fields: Vec<&str> = match &args.field {
                Some(f) if schema.field(f).is_some() => vec![f.as_str()],
                Some(f) => {
                    let known: Vec<&str> = schema.fields.iter().map(|d| d.id.as_str()).collect();
                    let field = crate::display::quoted(f);
                    return Err(Fail::new(fill(
                        t.unknown_field,
                        &[("field", &field), ("known", &known.join(", "))],
                    )));
                }
                None => Vec::new(),
            };
            let done = purge_initiative(census, &schema, &id, &fields, &agent, now, Why::Asked)
                .map_err(|e| ctx.fail(&e))?;
            if done.is_empty() {
                outln!("{}", fill(t.nothing_in_initiative, &[("id", &id)]));
            }
            done
        } else {
            let done = purge_expired(census, &schema, &agent, now).map_err(|e| ctx.fail(&e))?;
            if done.is_empty() {
                outln!("{}", t.nothing_to_purge);
            }
            done
        };
        say_erased(ctx, &s.ws.census, &schema, &done);
        let changed = !done.is_empty() && !dry_run;
        Ok((done.len(), changed))
    };
    let n = if dry_run {
        ctx.with_dry_session(change)?
    } else {
        ctx.with_session(change)?
    };
    if n == 0 {
        return Ok(ExitCode::SUCCESS);
    }
    if dry_run {
        outln!("{}", fill(t.purge_dry_run, &[("n", &n)]));
        return Ok(ExitCode::SUCCESS);
    }
    crate::census::erase::scrub_backup(&ctx.file)
        .map_err(|e| Fail::new(crate::i18n::io_error(&e, ctx.lang)))?;
    let backup = store::backup_path(&ctx.file);
    eprintln!(
        "{}",
        fill(t.purged, &[("n", &n), ("backup", &backup.display())])
    );
    eprintln!("{}", t.cannot_erase);
    Ok(ExitCode::SUCCESS)
}

/// `recense rgpd review`: personal values kept past the retention period.
pub fn review_command(ctx: &Invocation, format: ReportFormat) -> Result<ExitCode, Fail> {
    let t = erasure(ctx.lang);
    let ws = ctx.open()?;
    let (census, schema) = (&ws.census, &ws.schema);
    let months = schema.periods.retention_months;
    let found = review(census, schema, Timestamp::now());
    let name = |id| {
        census
            .get(id)
            .and_then(|i| i.value(&schema.name_field))
            .unwrap_or("")
    };
    if format == ReportFormat::Json {
        let items: Vec<_> = found
            .iter()
            .map(|e| {
                json!({
                    "id": e.initiative.as_str(),
                    "nom": name(&e.initiative),
                    "fields": e.fields,
                    "last_contact": e.last.map(|(at, _)| at.date().to_string()),
                    "why": contact(e.last, ctx.lang),
                })
            })
            .collect();
        outln!(
            "{}",
            json_text(&json!({ "retention_months": months, "expired": items }))
        );
        return Ok(ExitCode::SUCCESS);
    }
    if found.is_empty() {
        outln!("{}", fill(t.review_none, &[("months", &months)]));
        return Ok(ExitCode::SUCCESS);
    }
    outln!(
        "{}",
        fill(t.review_head, &[("n", &found.len()), ("months", &months)])
    );
    for e in &found {
        let line = fill(
            t.review_line,
            &[
                ("id", &e.initiative.as_str()),
                ("name", &crate::display::inert(name(&e.initiative))),
                ("fields", &e.fields.join(", ")),
                ("why", &contact(e.last, ctx.lang)),
            ],
        );
        outln!("{}", crate::display::for_terminal(&line));
    }
    outln!("{}", t.review_next);
    Ok(ExitCode::SUCCESS)
}

/// `recense delete ID --purge`: deleted, its personal values erased at once.
pub fn delete_purge(ctx: &Invocation, id: &str) -> Result<ExitCode, Fail> {
    let t = erasure(ctx.lang);
    let id = ctx.with_session(|s| {
        let id = ctx.resolve(&s.ws, id, Among::Live)?;
        s.delete(&id).map_err(|e| ctx.fail(&e))?;
        let now = s.clock.now();
        let schema = s.ws.schema.clone();
        let agent = s.agent.clone();
        let done = purge_deleted(&mut s.ws.census, &schema, Some(&id), Some(0), &agent, now)
            .map_err(|e| ctx.fail(&e))?;
        say_erased(ctx, &s.ws.census, &schema, &done);
        Ok((id, true))
    })?;
    crate::census::erase::scrub_backup(&ctx.file)
        .map_err(|e| Fail::new(crate::i18n::io_error(&e, ctx.lang)))?;
    eprintln!("{}", fill(t.deleted_purged, &[("id", &id)]));
    eprintln!("{}", t.cannot_erase);
    Ok(ExitCode::SUCCESS)
}

/// After `delete` without `--purge`: when its personal values will go.
pub fn grace_note(ctx: &Invocation, schema: &Schema) {
    if !personal_fields(schema).is_empty() {
        let days = schema.periods.deletion_grace_days;
        eprintln!("{}", fill(erasure(ctx.lang).grace_note, &[("days", &days)]));
    }
}

/// Says which free texts look personal.
pub fn say_flagged(ctx: &Invocation, flagged: &[Flagged], strict: bool) {
    if flagged.is_empty() {
        return;
    }
    let t = erasure(ctx.lang);
    if strict {
        eprintln!("{}", fill(t.flagged_left_out, &[("n", &flagged.len())]));
        return;
    }
    eprintln!("{}", fill(t.flagged_head, &[("n", &flagged.len())]));
    for f in flagged {
        eprintln!("{}", flagged_line(f, ctx.lang));
    }
}

/// The public form of a bundle: personal fields left out, agents
/// pseudonymised, free texts that look personal flagged (left out when
/// `strict`).
pub fn publish(ctx: &Invocation, schema: &Schema, bundle: &Census, strict: bool) -> Census {
    let public = public_copy(bundle, schema, strict);
    say_flagged(ctx, &public.flagged, strict);
    eprintln!("{}", erasure(ctx.lang).public_bundle);
    public.census
}
