//! `recense support add ID --kind K --year Y [--amount 1500] [--from …]`:
//! a support received, counted in euros, and its lines in `recense history`.

use std::process::ExitCode;

use serde_json::json;

use crate::census::supports::{NewSupport, RECEIVED_FIELD, SupportError, parse_amount, supports};
use crate::census::time::Timestamp;
use crate::display::inert;
use crate::i18n::supports::{euros, supports_text};
use crate::i18n::{Localized, fill};

use super::invocation::{Among, Fail, Invocation};

/// The options of `recense support add`.
#[derive(Debug, clap::Args)]
pub struct SupportArgs {
    pub id: String,
    /// subvention_fonctionnement, appel_a_projets, materiel, hebergement, locaux, formation_agents, poste_dedie.
    #[arg(long)]
    pub kind: String,
    /// L'année du soutien (AAAA).
    #[arg(long, value_name = "ANNEE")]
    pub year: i32,
    /// Le montant en euros, s'il est connu : 1500, 1 500 ou 1500,50.
    #[arg(long, value_name = "MONTANT")]
    pub amount: Option<String>,
    /// Qui l'a accordé : « Région Bretagne », « Ville de Brest »…
    #[arg(long, default_value = "", value_name = "QUI")]
    pub from: String,
    #[arg(long, default_value = "")]
    pub note: String,
}

pub fn add(ctx: &Invocation, args: &SupportArgs) -> Result<ExitCode, Fail> {
    let amount = match args.amount.as_deref() {
        None => None,
        Some(text) => Some(parse_amount(text).ok_or_else(|| {
            Fail::new(SupportError::Amount(inert(text).into_owned()).localize(ctx.lang))
        })?),
    };
    let new = NewSupport {
        kind: args.kind.clone(),
        year: args.year,
        amount,
        from: args.from.clone(),
        note: args.note.clone(),
    };
    let id = ctx.mutate(|ws, agent| {
        let id = ctx.resolve(&ws.census, &args.id, Among::Live)?;
        ws.census
            .add_support(&ws.schema, &id, &new, agent, Timestamp::now())
            .map_err(|e| Fail::new(e.localize(ctx.lang)))?;
        Ok((id, true))
    })?;
    eprintln!("{}", fill(supports_text(ctx.lang).added, &[("id", &id)]));
    Ok(ExitCode::SUCCESS)
}

/// The supports of `i` for `recense history`: when, the JSON event, the line.
pub fn history_events(
    ctx: &Invocation,
    ws: &crate::census::workspace::Workspace,
    i: &crate::census::Initiative,
) -> Vec<(Option<Timestamp>, serde_json::Value, String)> {
    let t = supports_text(ctx.lang);
    let list = crate::census::supports::kinds_list(&ws.schema).unwrap_or_default();
    let who = |a: Option<crate::census::AgentId>| {
        a.map_or("?".to_string(), |a| {
            inert(ws.census.agent_name(&a)).into_owned()
        })
    };
    supports(i)
        .into_iter()
        .map(|s| {
            let year = s.year.map(|y| y.to_string()).unwrap_or_default();
            let amount = s.amount.map(|c| euros(c, ctx.lang)).unwrap_or_default();
            let text = fill(
                t.history,
                &[
                    (
                        "date",
                        &s.at.map(|t| t.date().to_string()).unwrap_or_default(),
                    ),
                    ("kind", &ws.schema.choice_label(list, &s.kind, ctx.lang)),
                    ("year", &year),
                    ("amount", &amount),
                    ("from", &inert(&s.from)),
                    ("note", &inert(&s.note)),
                ],
            );
            let json = json!({
                "event": "support", "kind": s.kind, "year": s.year,
                "amount": s.amount.map(crate::census::supports::amount_text),
                "from": s.from, "note": s.note, "by": who(s.by),
                "at": s.at.map(|t| t.to_string()), "field": RECEIVED_FIELD,
            });
            (s.at, json, text)
        })
        .collect()
}
