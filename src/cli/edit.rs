//! Commands that change a census: init, add, edit, delete, restore.

use crate::i18n::cli::cli;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::census::model::Census;
use crate::census::ops::{Changes, parse_assignments};
use crate::census::perimeter::Perimeter;
use crate::census::store;
use crate::census::time::Timestamp;
use crate::census::workspace::{load_schema, schema_dir};
use crate::census::{AgentId, Schema};
use crate::config::Config;

use super::invocation::{Among, Fail, Invocation};

pub fn init(
    ctx: &Invocation,
    path: Option<PathBuf>,
    territory: &str,
    schema_file: Option<&Path>,
    perimeter: Option<&str>,
) -> Result<ExitCode, Fail> {
    let path = path.unwrap_or_else(|| ctx.file.clone());
    let territory = territory.trim();
    if territory.is_empty() {
        return Err(Fail::new(cli(ctx.lang).empty_territory));
    }
    let perimeter = match perimeter {
        Some(text) => Some(super::territory::parse(ctx, text)?),
        None => None,
    };
    if path.exists() {
        return Err(ctx.fail(&crate::census::error::SaveError::AlreadyExists { path }));
    }
    let schema = match schema_file {
        None => Schema::default_schema(),
        Some(file) => {
            let schema = load_schema(file).map_err(|e| ctx.fail(&e))?;
            install_schema(ctx, &path, file, &schema.id)?;
            schema
        }
    };
    let mut census = Census::new(territory, &schema.id, schema.version);
    if let Some(spec) = &perimeter {
        let by = ctx
            .agent
            .as_ref()
            .map(|a| a.id.to_string())
            .unwrap_or_default();
        census.perimeter = Perimeter::set(spec, &by, Timestamp::now());
    }
    store::create(&path, &census).map_err(|e| ctx.fail(&e))?;
    eprintln!("{} {}", cli(ctx.lang).census_created, path.display());

    // The first `init --as NAME` records who you are, so that `--as` is no
    // longer needed.
    if ctx.config.agent().is_none()
        && let Some(agent) = &ctx.agent
    {
        let config = Config {
            agent_id: Some(AgentId::from_name(&agent.name)),
            agent_name: Some(agent.name.clone()),
            territory: Some(territory.to_string()),
            ..ctx.config.clone()
        };
        let file = ctx.dirs.config_file();
        config.save(&file).map_err(|e| ctx.fail(&e))?;
        eprintln!(
            "{} {}",
            cli(ctx.lang).your_name_is_recorded_in,
            file.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Copies a custom schema beside the census (`schemas/ID.ron`) so that it
/// travels with it.
fn install_schema(ctx: &Invocation, census: &Path, file: &Path, id: &str) -> Result<(), Fail> {
    let text =
        std::fs::read_to_string(file).map_err(|e| Fail::new(format!("{}: {e}", file.display())))?;
    let dest = schema_dir(census).join(format!("{id}.ron"));
    match std::fs::read_to_string(&dest) {
        Ok(existing) if existing == text => return Ok(()),
        Ok(_) => {
            return Err(Fail::new(format!(
                "{}: {}",
                dest.display(),
                cli(ctx.lang).form_id_taken
            )));
        }
        Err(_) => {}
    }
    std::fs::create_dir_all(dest.parent().unwrap_or(Path::new(".")))
        .and_then(|_| std::fs::write(&dest, text))
        .map_err(|e| Fail::new(format!("{}: {e}", dest.display())))
}

pub fn add(ctx: &Invocation, set: &[String]) -> Result<ExitCode, Fail> {
    let (id, settled) = ctx.with_session(|s| {
        let mut values =
            parse_assignments(&s.ws.schema, &s.ws.census, set, None).map_err(|e| ctx.fail(&e))?;
        let settled = super::communes::settle(ctx.lang, &s.ws.schema, &mut values, None)?;
        let id = s.create(&values).map_err(|e| ctx.fail(&e))?;
        super::hours_note::say_converted(ctx, &s.ws.schema, set);
        Ok(((id, settled), true))
    })?;
    super::communes::warn(settled.as_ref(), ctx.lang);
    outln!("{id}");
    Ok(ExitCode::SUCCESS)
}

pub fn edit(
    ctx: &Invocation,
    id: &str,
    set: &[String],
    add: &[String],
    remove: &[String],
    unset: &[String],
) -> Result<ExitCode, Fail> {
    if set.is_empty() && add.is_empty() && remove.is_empty() && unset.is_empty() {
        return Err(Fail::new(cli(ctx.lang).nothing_to_change));
    }
    let (id, changed, settled) = ctx.with_session(|s| {
        let ws = &s.ws;
        let id = ctx.resolve(&ws, id, Among::Live)?;
        let parse = |a: &[String]| {
            parse_assignments(&ws.schema, &ws.census, a, Some(&id)).map_err(|e| ctx.fail(&e))
        };
        let mut changes = Changes {
            set: parse(set)?,
            add: parse(add)?,
            remove: parse(remove)?,
            unset: unset.to_vec(),
        };
        let record = ws.census.get(&id);
        let settled = super::communes::settle(ctx.lang, &ws.schema, &mut changes.set, record)?;
        if let Some(settled) = &settled {
            for field in crate::census::communes::emptied(&ws.schema, settled) {
                if !changes.unset.contains(&field) {
                    changes.unset.push(field);
                }
            }
        }
        let changed = s.edit(&id, &changes).map_err(|e| ctx.fail(&e))?;
        super::hours_note::say_converted(ctx, &s.ws.schema, set);
        Ok(((id, changed, settled), changed))
    })?;
    super::communes::warn(settled.as_ref(), ctx.lang);
    if changed {
        eprintln!("{} {id}", cli(ctx.lang).changed);
    } else {
        eprintln!("{} {id}", cli(ctx.lang).already_up_to_date);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn delete(ctx: &Invocation, id: &str) -> Result<ExitCode, Fail> {
    let (id, schema) = ctx.with_session(|s| {
        let id = ctx.resolve(&s.ws, id, Among::Live)?;
        s.delete(&id).map_err(|e| ctx.fail(&e))?;
        Ok(((id, s.ws.schema.clone()), true))
    })?;
    eprintln!(
        "{} {id} ({})",
        cli(ctx.lang).deleted,
        cli(ctx.lang).restore_hint
    );
    super::rgpd_erase::grace_note(ctx, &schema);
    Ok(ExitCode::SUCCESS)
}

pub fn restore(ctx: &Invocation, id: &str) -> Result<ExitCode, Fail> {
    let id = ctx.mutate(|ws, agent| {
        let id = ctx.resolve(&ws, id, Among::Deleted)?;
        ws.census
            .restore_initiative(&id, agent, Timestamp::now())
            .map_err(|e| ctx.fail(&e))?;
        Ok((id, true))
    })?;
    eprintln!("{} {id}", cli(ctx.lang).restored);
    Ok(ExitCode::SUCCESS)
}
