//! Going back with a new write, which merges keep: `recense undo`,
//! `recense restore-from`, and the doctor's check of a census that went back
//! in time (see docs/merge.md, « git et recense »).

use std::process::ExitCode;

use crate::census::InitiativeId;
use crate::census::model::Census;
use crate::census::ops::OpError;
use crate::census::restore::{self, Created, Restored, Scope, State};
use crate::census::store;
use crate::census::time::Timestamp;
use crate::census::timeline::{self, Witness};
use crate::census::workspace::Workspace;
use crate::i18n::undo::undo as text;
use crate::i18n::{Lang, fill};

use super::invocation::{Among, Fail, Invocation};

/// `recense undo [--initiative ID]`.
pub fn undo(ctx: &Invocation, initiative: Option<&str>) -> Result<ExitCode, Fail> {
    let backup = store::backup_path(&ctx.file).display().to_string();
    let (done, ws_schema) = ctx.mutate(|ws, agent| {
        let id = initiative
            .map(|p| ctx.resolve(&ws, p, Among::Any))
            .transpose()?;
        let went_back = went_back(ctx, ws);
        // A file replaced since its backup is said so precisely first.
        let done = restore::undo(
            &mut ws.census,
            &ws.path,
            id.as_ref(),
            agent,
            Timestamp::now(),
        )
        .map_err(|e| ctx.fail(&e))?;
        // Nothing is saved when this refuses.
        refuse(ctx, &went_back)?;
        Ok(((done, ws.schema.clone()), true))
    })?;
    let t = text(ctx.lang);
    let file = ctx.file.display();
    let header = fill(t.undone, &[("file", &file), ("n", &done.changed.len())]);
    say(ctx, &header, &done, &backup, &ws_schema);
    Ok(ExitCode::SUCCESS)
}

/// `recense restore-from FILE|GIT_REV [--initiative ID] [--field F]`.
pub fn restore_from(
    ctx: &Invocation,
    source: &str,
    initiative: Option<&str>,
    field: Option<&str>,
) -> Result<ExitCode, Fail> {
    let (done, name, schema) = ctx.mutate(|ws, agent| {
        let (old, name) = restore::read_source(&ws.path, source).map_err(|e| ctx.fail(&e))?;
        restore::check_schema(&ws.census, &old).map_err(|e| ctx.fail(&e))?;
        refuse_if_went_back(ctx, ws)?;
        let id = initiative
            .map(|p| initiative_in(ctx, ws, &old, p))
            .transpose()?;
        if let Some(f) = field {
            check_field(ctx, ws, &old, f)?;
        }
        let scope = Scope {
            initiative: id.as_ref(),
            field,
        };
        let now = Timestamp::now();
        let done = restore::restore_from(&mut ws.census, &old, scope, Created::Keep, agent, now)
            .map_err(|e| ctx.fail(&e))?;
        let changed = !done.is_empty();
        Ok(((done, name, ws.schema.clone()), changed))
    })?;
    let t = text(ctx.lang);
    if done.is_empty() {
        outln!("{}", fill(t.nothing_to_restore, &[("source", &name)]));
    } else {
        let header = fill(
            t.restored_from,
            &[("source", &name), ("n", &done.changed.len())],
        );
        say(ctx, &header, &done, &name, &schema);
    }
    if !done.created_since.is_empty() {
        let list: Vec<String> = (done.created_since.iter())
            .map(|(id, name)| format!("{id} {}", crate::display::inert(name)))
            .collect();
        outln!(
            "{}",
            fill(
                t.created_since,
                &[
                    ("n", &done.created_since.len()),
                    ("source", &name),
                    ("list", &list.join(", "))
                ]
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The initiative an id prefix names, in the current census or, failing
/// that, in the old one.
fn initiative_in(
    ctx: &Invocation,
    current: &crate::census::workspace::Workspace,
    old: &Census,
    prefix: &str,
) -> Result<InitiativeId, Fail> {
    ctx.resolve(current, prefix, Among::Any)
        .or_else(|fail| old.resolve_with(prefix, false).cloned().map_err(|_| fail))
}

/// A field the form knows, or one either census holds.
fn check_field(ctx: &Invocation, ws: &Workspace, old: &Census, field: &str) -> Result<(), Fail> {
    let held = |c: &Census| c.initiatives.iter().any(|i| i.fields.contains_key(field));
    if ws.schema.field(field).is_some() || held(&ws.census) || held(old) {
        return Ok(());
    }
    Err(ctx.fail(&OpError::UnknownField {
        field: field.to_string(),
        known: ws.schema.fields.iter().map(|f| f.id.clone()).collect(),
    }))
}

/// Writing on a census that went back in time could reuse the numbers of
/// writes it no longer knows: refuse, and say how to get the newest back.
fn refuse_if_went_back(ctx: &Invocation, ws: &Workspace) -> Result<(), Fail> {
    refuse(ctx, &went_back(ctx, ws))
}

fn refuse(ctx: &Invocation, went_back: &[String]) -> Result<(), Fail> {
    match went_back.first() {
        None => Ok(()),
        Some(problem) => Err(Fail::new(format!(
            "{problem} {}",
            text(ctx.lang).went_back_refused
        ))),
    }
}

/// What the doctor says when the census went back in time: one line per
/// witness (a colleague's file merged here, the backup, the last two
/// commits of the file); none when it did not.
pub fn went_back(ctx: &Invocation, ws: &Workspace) -> Vec<String> {
    let mut earlier: Vec<(Witness, Census)> = Vec::new();
    if let Ok(backup) = restore::before_last_save(&ws.path) {
        earlier.push((Witness::Backup, backup));
    }
    for rev in ["HEAD", "HEAD~1"] {
        if let Ok((old, _)) = restore::read_revision(&ws.path, rev) {
            earlier.push((Witness::Revision(rev.to_string()), old));
        }
    }
    let file = ws.path.display().to_string();
    let backup_name = store::backup_path(&ws.path).display().to_string();
    // Agents the census no longer knows are named by the versions that did.
    let name = |a: &crate::census::AgentId| {
        (std::iter::once(&ws.census).chain(earlier.iter().map(|(_, c)| c)))
            .find_map(|c| c.agents.get(a).cloned())
            .unwrap_or_else(|| a.to_string())
    };
    timeline::went_back(&ws.census, &ws.path, &earlier)
        .iter()
        .map(|w| crate::i18n::undo::went_back(w, &file, &backup_name, &name, ctx.lang))
        .collect()
}

/// Prints what a restore did, initiative by initiative.
fn say(
    ctx: &Invocation,
    header: &str,
    done: &Restored,
    source: &str,
    schema: &crate::census::Schema,
) {
    let t = text(ctx.lang);
    outln!("{header}");
    for c in &done.changed {
        let (id, name) = (&c.id, &c.name);
        let state = match c.state {
            State::Same => None,
            State::Undeleted => Some(t.undeleted_line),
            State::Deleted => Some(t.deleted_line),
            State::Added => Some(t.added_line),
            State::DeletedCreated => Some(t.deleted_created_line),
        };
        if let Some(line) = state {
            outln!(
                "{}",
                fill(line, &[("id", id), ("name", name), ("source", &source)])
            );
        }
        for f in &c.fields {
            let label = schema
                .field(&f.field)
                .map_or(f.field.as_str(), |d| d.label.get(ctx.lang));
            outln!(
                "{}",
                fill(
                    t.field_line,
                    &[
                        ("id", id),
                        ("name", name),
                        ("field", &label),
                        ("before", &values(&f.before, ctx.lang)),
                        ("after", &values(&f.after, ctx.lang)),
                    ]
                )
            );
        }
    }
    outln!("{}", t.new_writes);
}

fn values(values: &[String], lang: Lang) -> String {
    if values.is_empty() {
        text(lang).empty_value.to_string()
    } else {
        values.join(" | ")
    }
}
