//! Commands on files: validate, fmt, schema check/show, dev generate.

use crate::i18n::cli::cli;
use std::path::Path;
use std::process::ExitCode;

use crate::census::file;
use crate::census::locate::SourceText;
use crate::census::store::{self, Lock};
use crate::census::validate::{Severity, validate as validate_census};
use crate::census::workspace::{
    check_schema_version, default_schema_text, load_schema, schema_for,
};
use crate::census::{Schema, schema::FieldType};
use crate::i18n::Localized;

use super::invocation::{Fail, Invocation};

enum Kind {
    Census,
    Schema,
}

fn kind_of(text: &str) -> Kind {
    let t = SourceText::new("", text);
    match (t.find_key("initiatives", 0), t.find_key("fields", 0)) {
        (None, Some(_)) => Kind::Schema,
        _ => Kind::Census,
    }
}

/// Validates census and schema files; prints every problem with its place.
pub fn validate(ctx: &Invocation, files: &[std::path::PathBuf]) -> Result<ExitCode, Fail> {
    let mut all_ok = true;
    for path in files {
        let ok = match validate_one(ctx, path) {
            Ok(ok) => ok,
            Err(fail) => {
                eprintln!("{}", fail.message);
                false
            }
        };
        all_ok &= ok;
        let verdict = if ok {
            cli(ctx.lang).valid
        } else {
            cli(ctx.lang).invalid
        };
        outln!("{}: {verdict}", path.display());
    }
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn validate_one(ctx: &Invocation, path: &Path) -> Result<bool, Fail> {
    let text = store::read_limited(path).map_err(|e| ctx.fail(&e))?;
    let name = path.display().to_string();
    match kind_of(&text) {
        Kind::Schema => {
            Schema::parse(&text, &name).map_err(|e| ctx.fail(&e))?;
            Ok(true)
        }
        Kind::Census => {
            let (census, mut report) = file::parse(&text, &name).map_err(|e| ctx.fail(&e))?;
            // The journal is part of the census: its damaged records are said.
            report.journal_skipped = file::journal::check(path).map_err(|e| ctx.fail(&e))?;
            let schema = schema_for(path, &census.schema_id).map_err(|e| ctx.fail(&e))?;
            check_schema_version(&census, &schema, path).map_err(|e| ctx.fail(&e))?;
            let diagnostics = validate_census(&census, &schema, &report, &text, &name);
            for d in &diagnostics {
                eprintln!("{}", d.localize(ctx.lang));
            }
            Ok(!diagnostics
                .iter()
                .any(|d| d.problem.severity() == Severity::Error))
        }
    }
}

/// Rewrites census files in canonical form (or, with `--check`, only says
/// which are not).
pub fn fmt(ctx: &Invocation, check: bool, files: &[std::path::PathBuf]) -> Result<ExitCode, Fail> {
    let mut all_canonical = true;
    let who = ctx
        .agent
        .as_ref()
        .map_or("recense fmt", |a| a.name.as_str());
    for path in files {
        // Taken before reading, so that no change saved meanwhile by another
        // program is overwritten; `--check` writes nothing and needs none.
        let lock = if check {
            None
        } else if !path.exists() {
            // Said missing, not that its lock cannot be made.
            store::read_source(path).map_err(|e| ctx.fail(&e))?;
            None
        } else {
            Some(Lock::acquire(path, who).map_err(|e| ctx.fail(&e))?)
        };
        // A byte order mark or `\r\n` line endings are not canonical either.
        let (text, converted) = store::read_source(path).map_err(|e| ctx.fail(&e))?;
        // The journal's changes (a terminal session that did not end) are
        // part of the census: `load` replays them.
        let (census, report) = store::load(path).map_err(|e| ctx.fail(&e))?;
        let canonical = file::to_canonical(&census);
        if canonical == text && !converted && report.journal == 0 {
            continue;
        }
        if check {
            all_canonical = false;
            outln!(
                "{}: {}",
                path.display(),
                cli(ctx.lang).not_in_canonical_form
            );
        } else {
            store::save(path, &census).map_err(|e| ctx.fail(&e))?;
            drop(lock);
            outln!("{}: {}", path.display(), cli(ctx.lang).rewritten);
        }
    }
    Ok(if all_canonical {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

pub fn schema_check(ctx: &Invocation, path: &Path) -> Result<ExitCode, Fail> {
    let schema = load_schema(path).map_err(|e| ctx.fail(&e))?;
    let (fields, lists) = (schema.fields.len(), schema.choices.len());
    let many = |n: usize, one: &'static str, more: &'static str| if n > 1 { more } else { one };
    outln!(
        "{}: {} ({fields} {}, {lists} {})",
        path.display(),
        cli(ctx.lang).valid_form,
        many(fields, cli(ctx.lang).field_one, cli(ctx.lang).field_many),
        many(lists, cli(ctx.lang).list_one, cli(ctx.lang).list_many),
    );
    Ok(ExitCode::SUCCESS)
}

/// The schema of the current census if there is one, else the default.
fn current_schema(ctx: &Invocation) -> Result<(Schema, String), Fail> {
    if ctx.file.exists() {
        let ws = ctx.open()?;
        let custom =
            crate::census::workspace::schema_dir(&ws.path).join(format!("{}.ron", ws.schema.id));
        let text =
            std::fs::read_to_string(custom).unwrap_or_else(|_| default_schema_text().to_string());
        return Ok((ws.schema, text));
    }
    Ok((Schema::default_schema(), default_schema_text().to_string()))
}

pub fn schema_show(ctx: &Invocation, ron: bool) -> Result<ExitCode, Fail> {
    let (schema, text) = current_schema(ctx)?;
    if ron {
        out!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    let lang = ctx.lang;
    outln!(
        "{} ({} {}, version {})",
        schema.label.get(lang),
        cli(ctx.lang).form,
        schema.id,
        schema.version
    );
    for step in &schema.steps {
        outln!("\n== {} ==", step.label.get(lang));
        for f in schema.fields_of_step(&step.id) {
            let ty = match &f.field_type {
                FieldType::Choice(l) => format!("Choice({l})"),
                FieldType::Choices(l) => format!("Choices({l})"),
                FieldType::Relations(l) => format!("Relations({l})"),
                other => format!("{other:?}"),
            };
            let mut flags = Vec::new();
            if f.required {
                flags.push(cli(ctx.lang).required.to_string());
            }
            if f.personal {
                flags.push(cli(ctx.lang).personal.to_string());
            }
            if !f.kinds.is_empty() {
                flags.push(format!("{} {}", cli(ctx.lang).kinds, f.kinds.join(", ")));
            }
            let flags = if flags.is_empty() {
                String::new()
            } else {
                format!("  [{}]", flags.join("; "))
            };
            outln!("  {:<22} {:<40} {ty}{flags}", f.id, f.label.get(lang));
        }
    }
    outln!("\n== {} ==", cli(ctx.lang).choice_lists_title);
    for (list, items) in &schema.choices {
        outln!("  {list}:");
        for c in items {
            outln!("    {:<26} {}", c.id, c.label.get(lang));
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn generate(
    ctx: &Invocation,
    count: usize,
    seed: u64,
    output: &Path,
) -> Result<ExitCode, Fail> {
    let schema = Schema::default_schema();
    let census = crate::dev::generate(&schema, count, seed);
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| {
            Fail::new(format!(
                "{}: {}",
                dir.display(),
                crate::i18n::io_error(&e, ctx.lang)
            ))
        })?;
    }
    store::save(output, &census).map_err(|e| ctx.fail(&e))?;
    eprintln!(
        "{} {} → {}",
        count,
        cli(ctx.lang).initiatives_generated,
        output.display()
    );
    Ok(ExitCode::SUCCESS)
}
