//! `recense export --format ics`: the open next steps as a calendar (the
//! writer is `documents::export::ics`).

use std::io::Write as _;
use std::process::ExitCode;

use crate::census::time::Timestamp;
use crate::census::todo::{Todo, TodoFilter, todo};
use crate::i18n::actions::actions as words;
use crate::i18n::fill;

use super::invocation::{Fail, Invocation};

/// `export --format ics [--mine]`: the open next steps of the selected
/// initiatives as a calendar, on standard output or in a file.
pub fn export_ics(ctx: &Invocation, args: &super::export::ExportArgs) -> Result<ExitCode, Fail> {
    let t = words(ctx.lang);
    let ws = ctx.open()?;
    let (schema, census) = (&ws.schema, &ws.census);
    let chosen = super::read::filter(ctx, schema, &args.selection)?;
    let selection =
        crate::documents::export::select(census, schema, &chosen, args.selection.query(), ctx.lang);
    let ids: std::collections::HashSet<&crate::census::InitiativeId> =
        selection.iter().map(|i| &i.id).collect();
    let filter = TodoFilter {
        mine: if args.mine {
            Some(ctx.require_agent()?.id)
        } else {
            None
        },
        ..TodoFilter::default()
    };
    let today = Timestamp::now().date();
    let steps: Vec<Todo> = todo(census, &schema.name_field, today, &filter)
        .into_iter()
        .filter(|s| ids.contains(&s.initiative))
        .collect();
    let run = |out: &mut dyn std::io::Write| {
        crate::documents::export::ics::write_ics(census, schema, &steps, ctx.lang, out)
    };
    let n = match &args.output {
        Some(path) => {
            if crate::census::store::same_file(path, &ctx.file) {
                let file = path.display();
                let texts = crate::documents::export::words::export(ctx.lang);
                return Err(Fail::new(fill(texts.output_is_census, &[("file", &file)])));
            }
            let n = crate::census::store::write_atomically(path, run).map_err(|e| ctx.fail(&e))?;
            let file = path.display();
            eprintln!("{}", fill(t.ics_written_to, &[("n", &n), ("file", &file)]));
            return Ok(ExitCode::SUCCESS);
        }
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match run(&mut out).and_then(|n| out.flush().map(|()| n)) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return Ok(ExitCode::SUCCESS);
                }
                Err(e) => return Err(Fail::new(crate::i18n::io_error(&e, ctx.lang))),
            }
        }
    };
    eprintln!("{}", fill(t.ics_written, &[("n", &n)]));
    Ok(ExitCode::SUCCESS)
}
