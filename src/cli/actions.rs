//! The follow-up on the command line: `recense action add|done`, `recense
//! todo`, `recense export --format ics`, and a status change recorded with
//! its action. The work is `census::actions`' and `census::todo`'s.

use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use serde_json::json;

use crate::census::actions::{ACTION_KINDS, ActionError, NewAction, NextStep};
use crate::census::days::{Toward, parse_day};
use crate::census::model::Census;
use crate::census::time::{Date, Timestamp};
use crate::census::todo::{Todo, TodoFilter, todo};
use crate::display::inert;
use crate::i18n::actions::actions as words;
use crate::i18n::{Localized, fill};

use super::invocation::{Among, Fail, Invocation};

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Enregistre une action (appel, courriel, rencontre, visite, relance, courrier, reunion, autre), et sa prochaine étape.
    Add {
        id: String,
        /// appel, courriel, rencontre, visite, relance, courrier, reunion, autre.
        #[arg(long)]
        kind: String,
        /// Le jour de l'action : 2026-03-15, 15/03, hier, lundi, -3j (sinon aujourd'hui).
        #[arg(long)]
        date: Option<String>,
        #[arg(long, default_value = "")]
        note: String,
        /// La prochaine étape, à faire pour la date --due.
        #[arg(long, value_name = "TEXTE")]
        next: Option<String>,
        /// L'échéance de la prochaine étape : 2026-03-15, 15/03, +7j, lundi.
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
        /// Le collègue à qui revient la prochaine étape (son nom ; sinon vous).
        #[arg(long = "for", value_name = "AGENT")]
        for_agent: Option<String>,
    },
    /// Marque une prochaine étape comme faite (sans ACTION : la seule ouverte de l'initiative).
    Done {
        id: String,
        /// L'identifiant de l'action, comme recense todo l'affiche.
        action: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TodoFormat {
    Table,
    Json,
}

/// `recense todo`'s options.
#[derive(Debug, clap::Args)]
pub struct TodoArgs {
    /// Seulement les vôtres (pour vous, ou de vous quand elles ne sont pour personne d'autre).
    #[arg(long)]
    pub mine: bool,
    /// Seulement celles en retard.
    #[arg(long)]
    pub overdue: bool,
    /// Seulement celles dues au plus tard ce jour (2026-03-15, 15/03, +7j, lundi).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: TodoFormat,
}

/// A date typed on the command line, read as the interface reads it.
pub fn day(ctx: &Invocation, text: &str, toward: Toward) -> Result<Date, Fail> {
    parse_day(text, Timestamp::now().date(), toward)
        .ok_or_else(|| ctx.fail(&ActionError::BadDate(text.to_string())))
}

/// The action `action add` (or `status --action`) describes.
#[allow(clippy::too_many_arguments)]
pub fn new_action(
    ctx: &Invocation,
    census: &mut Census,
    kind: &str,
    date: Option<&str>,
    note: &str,
    next: Option<&str>,
    due: Option<&str>,
    for_agent: Option<&str>,
) -> Result<NewAction, Fail> {
    let next = match (next, due) {
        (Some(text), Some(due)) => Some(NextStep {
            text: text.trim().to_string(),
            due: day(ctx, due, Toward::Future)?,
            for_agent: for_agent.and_then(|a| census.agent_for(a)),
        }),
        (Some(_), None) => return Err(ctx.fail(&ActionError::NextWithoutDue)),
        (None, Some(_)) => return Err(ctx.fail(&ActionError::DueWithoutNext)),
        (None, None) if for_agent.is_some() => {
            return Err(ctx.fail(&ActionError::DueWithoutNext));
        }
        (None, None) => None,
    };
    Ok(NewAction {
        kind: kind.to_string(),
        date: date.map(|d| day(ctx, d, Toward::Past)).transpose()?,
        note: note.to_string(),
        next,
    })
}

pub fn action(ctx: &Invocation, command: ActionCommand) -> Result<ExitCode, Fail> {
    let t = words(ctx.lang);
    match command {
        ActionCommand::Add {
            id,
            kind,
            date,
            note,
            next,
            due,
            for_agent,
        } => {
            let (id, action, due) = ctx.with_session(|s| {
                let id = ctx.resolve(&s.ws, &id, Among::Live)?;
                let new = new_action(
                    ctx,
                    &mut s.ws.census,
                    &kind,
                    date.as_deref(),
                    &note,
                    next.as_deref(),
                    due.as_deref(),
                    for_agent.as_deref(),
                )?;
                let action = s.add_action(&id, &new).map_err(|e| ctx.fail(&e))?;
                let due = new.next.map(|n| n.due);
                Ok(((id, action, due), true))
            })?;
            let text = match due {
                Some(due) => fill(
                    t.added_next,
                    &[("id", &id), ("action", &action), ("due", &due)],
                ),
                None => fill(t.added, &[("id", &id), ("action", &action)]),
            };
            eprintln!("{text}");
            outln!("{action}");
        }
        ActionCommand::Done { id, action } => {
            let (id, action) = ctx.with_session(|s| {
                let id = ctx.resolve(&s.ws, &id, Among::Live)?;
                let done = s
                    .close_action(&id, action.as_deref())
                    .map_err(|e| ctx.fail(&e))?;
                Ok(((id, done), true))
            })?;
            eprintln!("{}", fill(t.done, &[("id", &id), ("action", &action)]));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `status ID STATUS --action KIND`: the status and its action in one go.
pub fn set_status_with_action(
    ctx: &Invocation,
    id: &str,
    status: &str,
    comment: &str,
    kind: &str,
    note: Option<&str>,
) -> Result<ExitCode, Fail> {
    let (id, status, action) = ctx.with_session(|s| {
        let id = ctx.resolve(&s.ws, id, Among::Live)?;
        let status = super::legitimacy::status_id(ctx, status);
        let new = new_action(
            ctx,
            &mut s.ws.census,
            kind,
            None,
            note.unwrap_or(comment),
            None,
            None,
            None,
        )?;
        let action = s
            .set_status_with_action(&id, &status, comment, &new)
            .map_err(|e| Fail::new(e.localize(ctx.lang)))?;
        Ok(((id, status, action), true))
    })?;
    let label = crate::i18n::status_label(&status, ctx.lang);
    eprintln!(
        "{}",
        fill(
            words(ctx.lang).status_and_action,
            &[("id", &id), ("status", &label), ("action", &action)]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// The filter of `--mine`, `--overdue`, `--until`.
fn filter(ctx: &Invocation, args: &TodoArgs) -> Result<TodoFilter, Fail> {
    Ok(TodoFilter {
        mine: if args.mine {
            Some(ctx.require_agent()?.id)
        } else {
            None
        },
        overdue: args.overdue,
        until: args
            .until
            .as_deref()
            .map(|u| day(ctx, u, Toward::Future))
            .transpose()?,
    })
}

pub fn list(ctx: &Invocation, args: &TodoArgs) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let today = Timestamp::now().date();
    let steps = todo(
        &ws.census,
        &ws.schema.name_field,
        today,
        &filter(ctx, args)?,
    );
    let census = &ws.census;
    let who = |a: Option<crate::census::AgentId>| {
        a.map_or(String::new(), |a| census.agent_name(&a).to_string())
    };
    match args.format {
        TodoFormat::Json => {
            let rows: Vec<_> = steps
                .iter()
                .map(|s| {
                    let next = s.action.next.as_ref();
                    json!({
                        "initiative": s.initiative.as_str(),
                        "name": s.name,
                        "action": s.action.id,
                        "kind": s.action.kind,
                        "date": s.action.date.map(|d| d.to_string()),
                        "note": s.action.note,
                        "by": who(s.action.by),
                        "next": next.map(|n| n.text.clone()),
                        "due": s.due().to_string(),
                        "for": who(s.action.owner()),
                        "overdue": s.due() < today,
                    })
                })
                .collect();
            outln!("{}", super::output::json_text(&rows));
        }
        TodoFormat::Table => table(ctx, &steps, today, &who, &ws.schema),
    }
    Ok(ExitCode::SUCCESS)
}

fn table(
    ctx: &Invocation,
    steps: &[Todo],
    today: Date,
    who: &dyn Fn(Option<crate::census::AgentId>) -> String,
    schema: &crate::census::Schema,
) {
    let t = words(ctx.lang);
    if steps.is_empty() {
        outln!("{}", t.nothing_to_do);
        return;
    }
    outln!(
        "{:<10}  {:<24}  {:<30}  {:<12}  {}",
        t.head_due,
        t.head_initiative,
        t.head_step,
        t.head_for,
        t.head_action
    );
    let cut = |s: &str, n: usize| -> String {
        let s = inert(s);
        if s.chars().count() > n {
            format!("{}…", s.chars().take(n - 1).collect::<String>())
        } else {
            s.into_owned()
        }
    };
    for s in steps {
        let late = if s.due() < today { t.overdue_mark } else { "" };
        let kind = schema.choice_label(ACTION_KINDS, &s.action.kind, ctx.lang);
        let text = s.action.next.as_ref().map_or("", |n| n.text.as_str());
        outln!(
            "{:<10}  {:<24}  {:<30}  {:<12}  {} ({}) {}",
            s.due(),
            cut(&s.name, 24),
            cut(text, 30),
            cut(&who(s.action.owner()), 12),
            s.action.id,
            kind,
            late
        );
    }
    let late = steps.iter().filter(|s| s.due() < today).count();
    eprintln!("{}", fill(t.count, &[("n", &steps.len()), ("late", &late)]));
}

/// The actions and closings of `i` for `recense history`: when, the JSON
/// event, the line.
pub fn history_events(
    ctx: &Invocation,
    ws: &crate::census::workspace::Workspace,
    i: &crate::census::Initiative,
) -> Vec<(Option<Timestamp>, serde_json::Value, String)> {
    let t = words(ctx.lang);
    let census = &ws.census;
    let who = |a: Option<crate::census::AgentId>| {
        a.map_or("?".to_string(), |a| {
            inert(census.agent_name(&a)).into_owned()
        })
    };
    let mut out = Vec::new();
    for a in crate::census::actions::actions(i) {
        let kind = ws.schema.choice_label(ACTION_KINDS, &a.kind, ctx.lang);
        let date = a.date.map(|d| d.to_string()).unwrap_or_default();
        let note = if a.note.is_empty() {
            String::new()
        } else {
            format!(" : {}", inert(&a.note))
        };
        let next = a.next.as_ref().map_or(String::new(), |n| {
            let whom = n.for_agent.map_or(String::new(), |f| {
                fill(t.history_for, &[("who", &who(Some(f)))])
            });
            fill(
                t.history_next,
                &[("text", &inert(&n.text)), ("due", &n.due), ("for", &whom)],
            )
        });
        let text = fill(
            t.history_action,
            &[
                ("date", &date),
                ("kind", &kind),
                ("who", &who(a.by)),
                ("note", &note),
                ("next", &next),
            ],
        );
        let json = json!({
            "event": "action", "id": a.id, "kind": a.kind, "date": date, "note": a.note,
            "by": who(a.by), "at": a.at.map(|t| t.to_string()),
            "next": a.next.as_ref().map(|n| n.text.clone()),
            "due": a.next.as_ref().map(|n| n.due.to_string()),
            "for": a.next.as_ref().and_then(|n| n.for_agent).map(|f| who(Some(f))),
        });
        out.push((a.at, json, text));
        for (by, at) in &a.done {
            let step = a.next.as_ref().map_or("", |n| n.text.as_str());
            let day = at.map_or("?".to_string(), |t| t.date().to_string());
            let text = fill(
                t.history_done,
                &[("date", &day), ("who", &who(*by)), ("text", &inert(step))],
            );
            let json = json!({"event": "done", "action": a.id, "by": who(*by), "at": at.map(|t| t.to_string())});
            out.push((*at, json, text));
        }
    }
    out
}
