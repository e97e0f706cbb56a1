//! Communes on the command line: `add`/`edit --set commune=…` settled
//! against the referential, and `recense fix-communes`.

use std::process::ExitCode;

use crate::census::Initiative;
use crate::census::communes::{self, Settled, fix};
use crate::census::ops::FieldValues;
use crate::census::schema::Schema;
use crate::i18n::Lang;
use crate::i18n::communes::{ambiguous, fix_report, notes};

use super::invocation::{Fail, Invocation};

/// Settles the commune among values about to be written; refuses homonyms
/// with the candidates. Returns the settlement, for its notes and the
/// fields it empties.
pub fn settle(
    lang: Lang,
    schema: &Schema,
    values: &mut Vec<FieldValues>,
    record: Option<&Initiative>,
) -> Result<Option<Settled>, Fail> {
    let settled = communes::settle_values(schema, values, record);
    if let Some(message) = settled.as_ref().and_then(|s| ambiguous(s, lang)) {
        return Err(Fail::new(message));
    }
    Ok(settled)
}

/// Says on standard error what a person should know of a settled commune.
pub fn warn(settled: Option<&Settled>, lang: Lang) {
    for note in settled.map(|s| notes(s, lang)).unwrap_or_default() {
        eprintln!("{note}");
    }
}

/// `recense fix-communes [--dry-run]`.
pub fn fix_communes(ctx: &Invocation, dry_run: bool) -> Result<ExitCode, Fail> {
    let run = |s: &mut crate::census::session::Session| {
        let plan = fix::plan(&s.ws.census, &s.ws.schema);
        if !dry_run {
            fix::apply(s, &plan).map_err(|e| ctx.fail(&e))?;
        }
        let changed = !plan.changes.is_empty();
        Ok((plan, changed))
    };
    let plan = if dry_run {
        ctx.with_dry_session(run)?
    } else {
        ctx.with_session(run)?
    };
    outln!("{}", fix_report(&plan, dry_run, ctx.lang));
    Ok(ExitCode::SUCCESS)
}
