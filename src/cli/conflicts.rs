//! What merging leaves to decide: conflicts, duplicates.

use std::process::ExitCode;

use serde_json::json;

use crate::census::conflicts::{Conflict, conflicts};
use crate::census::duplicates::all_pairs;
use crate::census::model::{Census, Entry, system};
use crate::census::ops::{Changes, parse_assignments};
use crate::census::time::Timestamp;
use crate::display::inert;
use crate::i18n::cli::cli;
use crate::i18n::{duplicate_reason, fill};

use super::ReportFormat;
use super::conflict_text::{name_of, who};
use super::invocation::{Among, Fail, Invocation};

/// A field's label (its id when the form does not know it).
fn label_of<'a>(
    schema: &'a crate::census::Schema,
    field: &'a str,
    lang: crate::i18n::Lang,
) -> &'a str {
    match crate::i18n::fusion::work_label(field, lang) {
        Some(label) => label,
        None => schema.field(field).map_or(field, |d| d.label.get(lang)),
    }
}

/// A value as people read it: a choice by its label, a relation by name.
fn shown(
    schema: &crate::census::Schema,
    census: &Census,
    field: &str,
    e: &Entry,
    lang: crate::i18n::Lang,
) -> String {
    if let Some(work) = crate::i18n::fusion::work_value(schema, field, &e.value, lang) {
        return inert(&work).into_owned();
    }
    let v = e.value.as_text().unwrap_or("?");
    let list = schema.field(field).and_then(|d| d.field_type.choice_list());
    let text = match (list, crate::census::value::split_relation(v)) {
        (Some(l), Some((kind, target)))
            if schema.field(field).is_some_and(|d| {
                matches!(d.field_type, crate::census::schema::FieldType::Relations(_))
            }) =>
        {
            let name = crate::census::InitiativeId::parse(target)
                .ok()
                .and_then(|t| census.get(&t))
                .and_then(|t| t.value(&schema.name_field))
                .unwrap_or(target);
            format!("{} {name}", schema.choice_label(l, kind, lang))
        }
        (Some(l), _) => schema.choice_label(l, v, lang).to_string(),
        _ => v.to_string(),
    };
    inert(&text).into_owned()
}

fn entry_json(census: &Census, e: &Entry) -> serde_json::Value {
    let (by, date) = who(census, e, crate::i18n::Lang::En);
    json!({ "value": e.value.as_text(), "by": by, "agent": e.stamp.dot().map(|d| d.agent.to_string()), "date": date })
}

pub fn list(ctx: &Invocation, format: ReportFormat) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let (census, schema) = (&ws.census, &ws.schema);
    let found = conflicts(census, schema);
    let t = cli(ctx.lang);
    if format == ReportFormat::Json {
        let items: Vec<_> = found
            .iter()
            .map(|c| match c {
                Conflict::Field { id, field, entries } => json!({
                    "kind": "field", "id": id.as_str(), "field": field,
                    "values": entries.iter().map(|e| entry_json(census, e)).collect::<Vec<_>>(),
                }),
                Conflict::DeletedEdited { id, deletions, edits } => json!({
                    "kind": "deleted_edited", "id": id.as_str(),
                    "deletions": deletions.iter().map(|e| entry_json(census, e)).collect::<Vec<_>>(),
                    "edits": edits.iter().map(|(f, e)| json!({"field": f, "edit": entry_json(census, e)})).collect::<Vec<_>>(),
                }),
                Conflict::AfterFusion { survivor, absorbed, edits } => json!({
                    "kind": "after_fusion", "id": survivor.as_str(), "absorbed": absorbed.as_str(),
                    "edits": edits.iter().map(|(f, e)| json!({"field": f, "edit": entry_json(census, e)})).collect::<Vec<_>>(),
                }),
                Conflict::FusionCycle { survivor, records } => json!({
                    "kind": "fusion_cycle", "id": survivor.as_str(),
                    "records": records.iter().map(|(id, fusions)| json!({
                        "id": id.as_str(),
                        "fusions": fusions.iter().map(|e| entry_json(census, e)).collect::<Vec<_>>(),
                    })).collect::<Vec<_>>(),
                }),
                Conflict::FusedNotDuplicate { survivor, absorbed, fusions, marks } => json!({
                    "kind": "fused_not_duplicate", "id": survivor.as_str(), "absorbed": absorbed.as_str(),
                    "fusions": fusions.iter().map(|e| entry_json(census, e)).collect::<Vec<_>>(),
                    "marks": marks.iter().map(|e| entry_json(census, e)).collect::<Vec<_>>(),
                }),
            })
            .collect();
        outln!("{}", crate::cli::output::json_text(&items));
        return Ok(ExitCode::SUCCESS);
    }
    if found.is_empty() {
        outln!("{}", t.no_conflict);
        return Ok(ExitCode::SUCCESS);
    }
    for c in &found {
        match c {
            Conflict::Field { id, field, entries } => {
                let name = inert(name_of(census, &schema.name_field, id)).into_owned();
                outln!(
                    "{}",
                    fill(
                        t.conflict_field,
                        &[
                            ("id", id),
                            ("name", &name),
                            ("field", &label_of(schema, field, ctx.lang))
                        ]
                    )
                );
                for (n, e) in entries.iter().enumerate() {
                    let (by, date) = who(census, e, ctx.lang);
                    let value = shown(schema, census, field, e, ctx.lang);
                    outln!(
                        "{}",
                        fill(
                            t.conflict_value,
                            &[
                                ("n", &(n + 1)),
                                ("value", &value),
                                ("who", &by),
                                ("date", &date)
                            ]
                        )
                    );
                }
                outln!("{}", fill(t.conflict_pick, &[("id", id), ("field", field)]));
            }
            Conflict::DeletedEdited {
                id,
                deletions,
                edits,
            } => {
                let name = inert(name_of(census, &schema.name_field, id)).into_owned();
                let deleted: Vec<String> = deletions
                    .iter()
                    .map(|e| {
                        let (b, d) = who(census, e, ctx.lang);
                        format!("{b} ({d})")
                    })
                    .collect();
                let mut editors: Vec<String> = edits
                    .iter()
                    .map(|(_, e)| who(census, e, ctx.lang).0)
                    .collect();
                editors.dedup();
                outln!(
                    "{}",
                    fill(
                        t.conflict_deleted,
                        &[
                            ("id", id),
                            ("name", &name),
                            ("deleted", &deleted.join(", ")),
                            ("edited", &editors.join(", "))
                        ]
                    )
                );
                for (field, e) in edits {
                    let (by, date) = who(census, e, ctx.lang);
                    let value = shown(schema, census, field, e, ctx.lang);
                    outln!(
                        "{}",
                        fill(
                            t.conflict_deleted_edit,
                            &[
                                ("field", &label_of(schema, field, ctx.lang)),
                                ("value", &value),
                                ("who", &by),
                                ("date", &date)
                            ]
                        )
                    );
                }
                outln!("{}", fill(t.conflict_deleted_pick, &[("id", id)]));
            }
            Conflict::AfterFusion {
                survivor,
                absorbed,
                edits,
            } => {
                let name = inert(name_of(census, &schema.name_field, survivor)).into_owned();
                outln!(
                    "{}",
                    fill(
                        t.conflict_fused,
                        &[("id", survivor), ("name", &name), ("absorbed", absorbed)]
                    )
                );
                for (field, e) in edits {
                    let (by, date) = who(census, e, ctx.lang);
                    let value = shown(schema, census, field, e, ctx.lang);
                    outln!(
                        "{}",
                        fill(
                            t.conflict_deleted_edit,
                            &[
                                ("field", &label_of(schema, field, ctx.lang)),
                                ("value", &value),
                                ("who", &by),
                                ("date", &date)
                            ]
                        )
                    );
                }
                outln!(
                    "{}",
                    fill(
                        t.conflict_fused_pick,
                        &[("id", survivor), ("absorbed", absorbed)]
                    )
                );
            }
            Conflict::FusionCycle { survivor, records } => {
                super::conflict_text::cycle(census, schema, survivor, records, ctx.lang)
            }
            Conflict::FusedNotDuplicate {
                survivor,
                absorbed,
                fusions,
                marks,
            } => super::conflict_text::not_duplicate(
                census, schema, survivor, absorbed, fusions, marks, ctx.lang,
            ),
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn resolve(
    ctx: &Invocation,
    id: &str,
    field: &str,
    pick: Option<usize>,
    set: Option<&str>,
) -> Result<ExitCode, Fail> {
    let id = ctx.mutate(|ws, agent| {
        let among = if field == system::DELETED {
            Among::Any
        } else {
            Among::Live
        };
        let id = ctx.resolve(&ws, id, among)?;
        let now = Timestamp::now();
        match (pick, set) {
            (Some(n), _) => {
                ws.census
                    .resolve_pick(&ws.schema, &id, field, n, agent, now)
                    .map_err(|e| ctx.fail(&e))?;
            }
            (None, Some(value)) => {
                let in_conflict = conflicts(&ws.census, &ws.schema)
                    .iter()
                    .any(|c| matches!(c, Conflict::Field { id: i, field: f, .. } if i == &id && f == field));
                if !in_conflict {
                    let e = crate::census::ops::OpError::NoConflict { id: id.clone(), field: field.to_string() };
                    return Err(ctx.fail(&e));
                }
                let values = parse_assignments(
                    &ws.schema,
                    &ws.census,
                    &[format!("{field}={value}")],
                    Some(&id),
                )
                .map_err(|e| ctx.fail(&e))?;
                ws.census
                    .edit_initiative(&ws.schema, &id, agent, &Changes::set(values), now)
                    .map_err(|e| ctx.fail(&e))?;
            }
            (None, None) => unreachable!("clap requires --pick or --set"),
        }
        Ok((id, true))
    })?;
    eprintln!("{} {id} {field}", cli(ctx.lang).resolved);
    Ok(ExitCode::SUCCESS)
}

pub fn duplicates(ctx: &Invocation, format: ReportFormat) -> Result<ExitCode, Fail> {
    let ws = ctx.open()?;
    let (census, schema) = (&ws.census, &ws.schema);
    let pairs = all_pairs(census, schema);
    let t = cli(ctx.lang);
    if format == ReportFormat::Json {
        let items: Vec<_> = pairs
            .iter()
            .map(|p| json!({
                "a": p.a.as_str(), "b": p.b.as_str(),
                "reasons": p.reasons.iter().map(|r| duplicate_reason(r, ctx.lang)).collect::<Vec<_>>(),
            }))
            .collect();
        outln!("{}", crate::cli::output::json_text(&items));
        return Ok(ExitCode::SUCCESS);
    }
    if pairs.is_empty() {
        outln!("{}", t.no_duplicate);
        return Ok(ExitCode::SUCCESS);
    }
    for p in &pairs {
        let describe = |id| {
            let i = census.get(id);
            let name =
                inert(i.and_then(|i| i.value(&schema.name_field)).unwrap_or("?")).into_owned();
            let commune = inert(i.and_then(|i| i.value("commune")).unwrap_or("")).into_owned();
            (name, commune)
        };
        let ((name_a, commune_a), (name_b, commune_b)) = (describe(&p.a), describe(&p.b));
        let reasons: Vec<String> = p
            .reasons
            .iter()
            .map(|r| duplicate_reason(r, ctx.lang))
            .collect();
        outln!(
            "{}",
            fill(
                t.duplicate_pair,
                &[
                    ("a", &p.a),
                    ("name_a", &name_a),
                    ("commune_a", &commune_a),
                    ("b", &p.b),
                    ("name_b", &name_b),
                    ("commune_b", &commune_b),
                    ("reasons", &reasons.join(", "))
                ]
            )
        );
        outln!("{}", fill(t.duplicate_hint, &[("a", &p.a), ("b", &p.b)]));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn fuse(ctx: &Invocation, keep: &str, other: &str) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    let (keep, other, added, conflicted, names) = ctx.with_session(|s| {
        let keep = ctx.resolve(&s.ws, keep, Among::Live)?;
        let other = ctx.resolve(&s.ws, other, Among::Any)?;
        let before = conflicts(&s.ws.census, &s.ws.schema).len();
        let name = |id| {
            let i = s.ws.census.get(id);
            i.and_then(|i| i.value(&s.ws.schema.name_field))
                .map(String::from)
        };
        let names = (name(&keep), name(&other));
        let added = s.fuse(&keep, &other).map_err(|e| ctx.fail(&e))?;
        let conflicted = conflicts(&s.ws.census, &s.ws.schema).len() > before;
        let names = match names {
            (Some(kept), Some(theirs)) if kept != theirs => {
                Some((kept, theirs, s.ws.schema.name_field.clone()))
            }
            _ => None,
        };
        Ok(((keep, other, added, conflicted, names), true))
    })?;
    outln!(
        "{}",
        fill(
            t.fused,
            &[("other", &other), ("keep", &keep), ("n", &added)]
        )
    );
    if conflicted {
        eprintln!("{}", t.fused_conflicts);
    }
    if let Some((kept, theirs, field)) = names {
        let text = crate::i18n::fusion::fusion(ctx.lang).name_kept;
        let (kept, theirs) = (inert(&kept), inert(&theirs));
        let args: [(&str, &dyn std::fmt::Display); 4] = [
            ("kept", &kept),
            ("other", &theirs),
            ("id", &keep),
            ("field", &field),
        ];
        eprintln!("{}", fill(text, &args));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn not_duplicate(ctx: &Invocation, a: &str, b: &str) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    let (a, b, changed) = ctx.with_session(|s| {
        let a = ctx.resolve(&s.ws, a, Among::Live)?;
        let b = ctx.resolve(&s.ws, b, Among::Live)?;
        let changed = s.not_duplicate(&a, &b).map_err(|e| ctx.fail(&e))?;
        Ok(((a, b, changed), changed))
    })?;
    let text = if changed {
        t.not_duplicate_done
    } else {
        t.not_duplicate_known
    };
    outln!("{}", fill(text, &[("a", &a), ("b", &b)]));
    Ok(ExitCode::SUCCESS)
}
