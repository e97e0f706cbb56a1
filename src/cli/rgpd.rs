//! `recense rgpd …`: personal data (RGPD). `access "NOM"` prints everything
//! the census holds about a person (right of access); `registre` writes the
//! record of processing for the DPO. Each subcommand is one variant of
//! [`RgpdCommand`] and one arm of [`run`].

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use serde_json::json;

use crate::census::person::{self, Access};
use crate::census::store::{self, Backup, save_text_with};
use crate::census::time::Timestamp;
use crate::display::inert;
use crate::documents::report::Format;
use crate::i18n::rgpd::{consent_text, rgpd};
use crate::i18n::{Lang, fill};

use super::ReportFormat;
use super::invocation::{Fail, Invocation};

#[derive(Debug, Subcommand)]
pub enum RgpdCommand {
    /// Droit d'accès : tout ce que le recensement contient sur une personne (valeurs, où, par qui, depuis quand, consentement).
    Access {
        /// Le nom de la personne (sans accents ni casse, mots dans n'importe quel ordre).
        #[arg(value_name = "NOM")]
        name: String,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Registre des activités de traitement (RGPD, article 30), pour le DPO.
    Registre {
        #[arg(long, value_enum, default_value = "md")]
        format: RegistreFormat,
        /// Écrit le registre dans ce fichier (sinon sur la sortie standard).
        #[arg(short = 'o', long = "output", value_name = "FICHIER")]
        output: Option<PathBuf>,
    },
    /// Liste les données personnelles gardées au-delà de la durée de conservation (après le dernier contact), avec pourquoi.
    Review {
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Efface des données personnelles partout dans le fichier, pour de bon : elles ne reviendront pas d'une copie plus ancienne.
    Purge(super::rgpd_erase::PurgeArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RegistreFormat {
    /// Markdown.
    Md,
    /// Une page HTML autonome, imprimable.
    Html,
}

pub fn run(ctx: &Invocation, command: RgpdCommand) -> Result<ExitCode, Fail> {
    match command {
        RgpdCommand::Access { name, format } => access(ctx, &name, format),
        RgpdCommand::Registre { format, output } => registre(ctx, format, output),
        RgpdCommand::Review { format } => super::rgpd_erase::review_command(ctx, format),
        RgpdCommand::Purge(args) => super::rgpd_erase::purge(ctx, args),
    }
}

fn access(ctx: &Invocation, name: &str, format: ReportFormat) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let found = person::access(&ws.schema, &ws.census, name);
    let census = &ws.census;
    let who = |a: &Option<crate::census::AgentId>| {
        a.map_or("?".to_string(), |a| census.agent_name(&a).to_string())
    };
    let label = |f: &str| {
        ws.schema
            .field(f)
            .map_or(f.to_string(), |d| d.label.get(ctx.lang).to_string())
    };
    match format {
        ReportFormat::Json => outln!(
            "{}",
            super::output::json_text(&access_json(&found, &who, ctx.lang))
        ),
        ReportFormat::Text => {
            let t = rgpd(ctx.lang);
            let file = ctx.file.display().to_string();
            let date = Timestamp::now().date();
            outln!(
                "{}",
                fill(
                    t.access_title,
                    &[
                        ("name", &inert(name)),
                        ("file", &inert(&file)),
                        ("date", &date)
                    ]
                )
            );
            if found.initiatives.is_empty() && found.agents.is_empty() {
                outln!("{}", fill(t.access_nothing, &[("name", &inert(name))]));
                return Ok(ExitCode::SUCCESS);
            }
            for c in &found.initiatives {
                let deleted = if c.deleted { t.access_deleted } else { "" };
                outln!(
                    "\n{}",
                    fill(
                        t.access_initiative,
                        &[
                            ("name", &inert(&c.name)),
                            ("id", &c.id),
                            ("deleted", &deleted)
                        ]
                    )
                );
                for v in &c.values {
                    let personal = if v.personal { t.access_personal } else { "" };
                    let since = v
                        .since
                        .map(|s| s.date().to_string())
                        .unwrap_or_else(|| "?".into());
                    outln!(
                        "{}",
                        fill(
                            t.access_value,
                            &[
                                ("field", &format!("{}{personal}", label(&v.field))),
                                ("value", &inert(&v.value)),
                                ("who", &inert(&who(&v.by))),
                                ("since", &since),
                            ]
                        )
                    );
                }
                if !c.consent.is_empty() || c.values.iter().any(|v| v.personal) {
                    let state = consent_text(c.consent.last(), ctx.lang);
                    outln!("{}", fill(t.access_consent, &[("state", &state)]));
                }
            }
            for (id, agent, n) in &found.agents {
                outln!(
                    "\n{}",
                    fill(
                        t.access_agent,
                        &[("name", &inert(agent)), ("id", id), ("n", n)]
                    )
                );
            }
            outln!("\n{}", fill(t.access_copies, &[("file", &inert(&file))]));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn access_json(
    found: &Access,
    who: &dyn Fn(&Option<crate::census::AgentId>) -> String,
    lang: Lang,
) -> serde_json::Value {
    let initiatives: Vec<serde_json::Value> = found
        .initiatives
        .iter()
        .map(|c| {
            let values: Vec<serde_json::Value> = c
                .values
                .iter()
                .map(|v| json!({"field": v.field, "personal": v.personal, "value": v.value, "by": who(&v.by), "since": v.since.map(|s| s.to_string())}))
                .collect();
            let consents: Vec<serde_json::Value> = c
                .consent
                .iter()
                .map(|r| json!({"given": r.is_given(), "text": consent_text(Some(r), lang), "date": r.date.map(|d| d.to_string()), "by": who(&r.by), "at": r.at.map(|a| a.to_string())}))
                .collect();
            json!({"id": c.id.as_str(), "name": c.name, "deleted": c.deleted, "values": values, "consent": consents})
        })
        .collect();
    let agents: Vec<serde_json::Value> = found
        .agents
        .iter()
        .map(|(id, name, n)| json!({"id": id.to_string(), "name": name, "values_written": n}))
        .collect();
    json!({"initiatives": initiatives, "agents": agents})
}

fn registre(
    ctx: &Invocation,
    format: RegistreFormat,
    output: Option<PathBuf>,
) -> Result<ExitCode, Fail> {
    let t = crate::documents::report::words::report_text(ctx.lang);
    if let Some(out) = &output
        && store::same_file(out, &ctx.file)
    {
        return Err(Fail::new(fill(
            t.output_is_census,
            &[("file", &out.display())],
        )));
    }
    let ws = ctx.open()?;
    let format = match format {
        RegistreFormat::Md => Format::Markdown,
        RegistreFormat::Html => Format::Html,
    };
    let today = Timestamp::now().date();
    let text = crate::documents::rgpd::registre(&ws.schema, &ws.census, ctx.lang, today, format);
    match output {
        None => out!("{text}"),
        Some(path) => {
            save_text_with(&path, &text, Backup::None).map_err(|e| ctx.fail(&e))?;
            eprintln!("{}", fill(t.written, &[("file", &path.display())]));
        }
    }
    Ok(ExitCode::SUCCESS)
}
