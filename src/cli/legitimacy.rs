//! Legitimizing: status changes, evidence, confirmations, relations, history.

use std::process::ExitCode;

use serde_json::json;

use crate::census::status::{self, Status, confirmations, evidence, history};
use crate::census::time::Timestamp;
use crate::display::inert;
use crate::i18n::cli::cli;
use crate::i18n::{Localized, fill, status_label, status_name};

use super::ReportFormat;
use super::invocation::{Among, Fail, Invocation};

pub fn set_status(
    ctx: &Invocation,
    id: &str,
    status: &str,
    comment: &str,
) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    let (id, status) = ctx.mutate(|ws, agent| {
        let id = ctx.resolve(&ws, id, Among::Live)?;
        let status = status_id(ctx, status);
        ws.census
            .set_status(&ws.schema, &id, &status, comment, agent, Timestamp::now())
            .map_err(|e| Fail::new(e.localize(ctx.lang)))?;
        Ok(((id, status), true))
    })?;
    eprintln!(
        "{}",
        fill(
            t.status_set,
            &[("id", &id), ("status", &status_label(&status, ctx.lang))]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// A status by its id or its label.
pub fn status_id(ctx: &Invocation, status: &str) -> String {
    Status::ALL
        .into_iter()
        .find(|s| {
            s.id() == status
                || crate::census::search::fold(status_name(*s, ctx.lang))
                    == crate::census::search::fold(status)
        })
        .map(|s| s.id().to_string())
        .unwrap_or_else(|| status.to_string())
}

pub fn add_evidence(
    ctx: &Invocation,
    id: &str,
    kind: &str,
    date: Option<&str>,
    note: &str,
    url: &str,
) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    let id = ctx.mutate(|ws, agent| {
        let id = ctx.resolve(&ws, id, Among::Live)?;
        ws.census
            .add_evidence(
                &ws.schema,
                &id,
                kind,
                date,
                note,
                url,
                agent,
                Timestamp::now(),
            )
            .map_err(|e| Fail::new(e.localize(ctx.lang)))?;
        Ok((id, true))
    })?;
    eprintln!("{}", fill(t.evidence_added, &[("id", &id)]));
    Ok(ExitCode::SUCCESS)
}

pub fn confirm(ctx: &Invocation, id: &str, comment: &str) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    let id = ctx.mutate(|ws, agent| {
        let id = ctx.resolve(&ws, id, Among::Live)?;
        ws.census
            .confirm(&id, comment, agent, Timestamp::now())
            .map_err(|e| Fail::new(e.localize(ctx.lang)))?;
        Ok((id, true))
    })?;
    eprintln!("{}", fill(t.confirmed, &[("id", &id)]));
    Ok(ExitCode::SUCCESS)
}

/// `link ID RELATION TARGET` / `unlink …`: the relations field, one element.
pub fn link(
    ctx: &Invocation,
    id: &str,
    relation: &str,
    target: &str,
    add: bool,
) -> Result<ExitCode, Fail> {
    let (id, changed) = ctx.mutate(|ws, agent| {
        let id = ctx.resolve(&ws, id, Among::Live)?;
        let changes = crate::census::network::link_changes(
            &ws.schema, &ws.census, &id, relation, target, add,
        )
        .map_err(|e| ctx.fail(&e))?;
        let changed = ws
            .census
            .edit_initiative(&ws.schema, &id, agent, &changes, Timestamp::now())
            .map_err(|e| ctx.fail(&e))?;
        Ok(((id, changed), changed))
    })?;
    let t = cli(ctx.lang);
    let text = match (changed, add) {
        (true, true) => t.linked,
        (true, false) => t.unlinked,
        (false, _) => t.already_up_to_date,
    };
    eprintln!("{text} {id}");
    Ok(ExitCode::SUCCESS)
}

pub fn show_history(ctx: &Invocation, id: &str, format: ReportFormat) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let id = ctx.resolve(&ws, id, Among::Any)?;
    let Some(i) = ws.census.get(&id) else {
        return Err(Fail::new(id.to_string()));
    };
    let census = &ws.census;
    let who = |a: &Option<crate::census::AgentId>| {
        a.map_or("?".to_string(), |a| {
            inert(census.agent_name(&a)).into_owned()
        })
    };
    let when = |t: &Option<Timestamp>| t.map_or("?".to_string(), |t| t.date().to_string());
    // One timeline: status changes, evidence, confirmations.
    let mut events: Vec<(Option<Timestamp>, serde_json::Value, String)> = Vec::new();
    let t = cli(ctx.lang);
    for c in history(i) {
        let label = status_label(&c.status, ctx.lang);
        let text = fill(
            t.history_status,
            &[
                ("status", &label),
                ("who", &who(&c.by)),
                ("date", &when(&c.at)),
                ("comment", &inert(&c.comment)),
            ],
        );
        events.push((c.at, json!({"event": "status", "status": c.status, "comment": c.comment, "by": who(&c.by), "at": c.at.map(|t| t.to_string())}), text));
    }
    for e in evidence(i) {
        let kind = ws
            .schema
            .choice_label(status::EVIDENCE_KINDS, &e.kind, ctx.lang);
        let date = e.date.map(|d| d.to_string()).unwrap_or_default();
        let text = fill(
            t.history_evidence,
            &[
                ("kind", &kind),
                ("date", &date),
                ("who", &who(&e.by)),
                ("note", &inert(&e.note)),
                ("url", &inert(&e.url)),
            ],
        );
        events.push((e.at, json!({"event": "evidence", "kind": e.kind, "date": date, "note": e.note, "url": e.url, "by": who(&e.by), "at": e.at.map(|t| t.to_string())}), text));
    }
    for (agent, comment, at) in confirmations(i) {
        let text = fill(
            t.history_confirmation,
            &[
                ("who", &who(&Some(agent))),
                ("date", &when(&at)),
                ("comment", &inert(&comment)),
            ],
        );
        events.push((at, json!({"event": "confirmation", "comment": comment, "by": who(&Some(agent)), "at": at.map(|t| t.to_string())}), text));
    }
    events.extend(super::actions::history_events(ctx, &ws, i));
    events.extend(super::supports::history_events(ctx, &ws, i));
    events.extend(super::consent::history_events(census, i, ctx.lang));
    let f = crate::i18n::followup::followup(ctx.lang);
    for v in crate::census::freshness::verifications(i) {
        let text = fill(
            f.history_verified,
            &[
                ("who", &who(&v.by)),
                ("date", &when(&v.at)),
                ("note", &inert(&v.note)),
            ],
        );
        events.push((v.at, json!({"event": "verification", "note": v.note, "by": who(&v.by), "at": v.at.map(|t| t.to_string())}), text));
    }
    for e in crate::census::editions::editions(i) {
        let date = e.date.map(|d| d.to_string()).unwrap_or_default();
        let n = e
            .participants
            .map(|n| n.to_string())
            .unwrap_or_else(|| "?".into());
        let text = fill(
            f.history_edition,
            &[
                ("date", &date),
                ("place", &inert(&e.place)),
                ("participants", &n),
                ("note", &inert(&e.note)),
            ],
        );
        events.push((e.at, json!({"event": "edition", "date": date, "place": e.place, "participants": e.participants, "note": e.note, "with": e.with, "by": who(&e.by), "at": e.at.map(|t| t.to_string())}), text));
    }
    events.sort_by_key(|(at, _, _)| *at);
    match format {
        ReportFormat::Json => outln!(
            "{}",
            crate::cli::output::json_text(&events.iter().map(|(_, j, _)| j).collect::<Vec<_>>())
        ),
        ReportFormat::Text => {
            let name = inert(i.value(&ws.schema.name_field).unwrap_or("?")).into_owned();
            outln!(
                "{name}  ({id}) — {}",
                status_label(status::current(i), ctx.lang)
            );
            if events.is_empty() {
                outln!("{}", t.history_empty);
            }
            for (_, _, text) in &events {
                outln!("{text}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
