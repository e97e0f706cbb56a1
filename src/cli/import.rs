//! `recense import FORMAT FILE`: the plan shown, then applied in one save.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::census::import::encoding::TextEncoding;
use crate::census::import::{self, Format, ImportPlan, Origin, Request, Target};
use crate::census::session::Clock;
use crate::census::time::Timestamp;
use crate::display::inert;
use crate::i18n::import::{column_line, import as texts, row_lines, summary};
use crate::i18n::{Lang, Localized, fill};

use super::invocation::{Fail, Invocation};

/// The formats on the command line (the library's [`Format`]).
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ImportFormat {
    Csv,
    Mednum,
    DataInclusion,
    Chatons,
}

impl From<ImportFormat> for Format {
    fn from(f: ImportFormat) -> Format {
        match f {
            ImportFormat::Csv => Format::Csv,
            ImportFormat::Mednum => Format::Mednum,
            ImportFormat::DataInclusion => Format::DataInclusion,
            ImportFormat::Chatons => Format::Chatons,
        }
    }
}

/// `--encoding` (the library's [`TextEncoding`]; ids fixed).
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EncodingArg {
    #[value(name = "utf-8")]
    Utf8,
    #[value(name = "windows-1252")]
    Windows1252,
    /// ISO-8859-1 proprement dit (pas Windows-1252).
    Latin1,
}

impl From<EncodingArg> for TextEncoding {
    fn from(e: EncodingArg) -> TextEncoding {
        match e {
            EncodingArg::Utf8 => TextEncoding::Utf8,
            EncodingArg::Windows1252 => TextEncoding::Windows1252,
            EncodingArg::Latin1 => TextEncoding::Latin1,
        }
    }
}

pub struct ImportArgs {
    pub format: ImportFormat,
    pub file: PathBuf,
    pub map: Vec<String>,
    pub defaults: Vec<String>,
    pub dry_run: bool,
    pub strict: bool,
    pub create_likely: bool,
    pub encoding: Option<EncodingArg>,
}

/// The column mapping (stdout), and the unknown columns (stderr).
fn show_columns(plan: &ImportPlan, dry_run: bool, lang: Lang) {
    let t = texts(lang);
    if dry_run && !plan.columns.is_empty() {
        outln!("{}", fill(t.columns_title, &[("file", &plan.file)]));
        for c in &plan.columns {
            outln!("{}", column_line(&inert(&c.name), &c.target, lang));
        }
    }
    let unknown: Vec<String> = plan
        .columns
        .iter()
        .filter(|c| c.origin == Origin::Unknown && c.target == Target::Ignore)
        .map(|c| format!("« {} »", inert(&c.name)))
        .collect();
    if !unknown.is_empty() {
        eprintln!(
            "{}",
            fill(
                t.unknown_columns,
                &[
                    ("file", &plan.file),
                    ("columns", &unknown.join(", ")),
                    ("n", &unknown.len()),
                ]
            )
        );
    }
}

/// Each row: problems and duplicates on stderr, with `file:line`; with
/// `--dry-run`, what would happen to every row on stdout.
fn show_rows(plan: &ImportPlan, dry_run: bool, lang: Lang) {
    for row in &plan.rows {
        for (text, attention) in row_lines(&plan.file, row, lang) {
            if attention {
                eprintln!("{text}");
            } else if dry_run {
                outln!("{text}");
            }
        }
    }
}

/// Says which character set a CSV file was read in, when not UTF-8.
fn show_encoding(plan: &ImportPlan, asked: Option<EncodingArg>, lang: Lang) {
    let words = crate::i18n::office::office(lang);
    let Some(encoding) = plan.decoded else { return };
    let file = inert(&plan.file);
    match asked {
        None => outln!("{}", fill(words.read_as_windows_1252, &[("file", &file)])),
        Some(_) => outln!(
            "{}",
            fill(
                words.read_as,
                &[("file", &file), ("encoding", &encoding.id())]
            )
        ),
    }
}

pub fn import(ctx: &Invocation, args: ImportArgs) -> Result<ExitCode, Fail> {
    let lang = ctx.lang;
    let t = texts(lang);
    let format = Format::from(args.format);
    if args.encoding.is_some() && !matches!(format, Format::Csv | Format::Mednum) {
        let words = crate::i18n::office::office(lang);
        return Err(Fail::new(fill(
            words.encoding_not_csv,
            &[("format", &format.id())],
        )));
    }
    let (file, written) = ctx.with_session(|s| {
        // One instant for the plan and its writes.
        s.clock = Clock::Fixed(Timestamp::now());
        let (ws, agent, now) = (&s.ws, &s.agent, s.clock.now());
        let overrides = args
            .map
            .iter()
            .map(|m| import::parse_map(&ws.schema, m))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| ctx.fail(&e))?;
        let request = Request {
            format: args.format.into(),
            path: args.file.clone(),
            overrides,
            defaults: args.defaults.clone(),
            create_likely: args.create_likely,
            encoding: args.encoding.map(TextEncoding::from),
        };
        let plan =
            import::plan(&ws.census, &ws.schema, agent, now, &request).map_err(|e| ctx.fail(&e))?;
        show_encoding(&plan, args.encoding, lang);
        show_columns(&plan, args.dry_run, lang);
        show_rows(&plan, args.dry_run, lang);
        let communes = crate::i18n::communes::import_lines(&plan.file, &plan.communes, lang);
        let last = communes.len().saturating_sub(1);
        for (n, (text, attention)) in communes.iter().enumerate() {
            if *attention {
                eprintln!("{text}");
            } else if args.dry_run || n == last {
                outln!("{text}");
            }
        }
        let c = plan.counts();
        outln!("{}", summary(&plan.file, &c, lang));
        if args.strict && c.skipped > 0 {
            return Err(Fail::new(fill(t.strict_refused, &[("n", &c.skipped)])));
        }
        if args.dry_run || !plan.changes_anything() {
            return Ok(((plan.file, false), false));
        }
        let file = plan.file.clone();
        let applied = s.import(plan);
        for (line, problem) in &applied.failed {
            eprintln!(
                "{}",
                fill(
                    t.row_failed,
                    &[
                        ("file", &file),
                        ("line", line),
                        ("problem", &problem.localize(lang))
                    ]
                )
            );
        }
        let changed = applied.created + applied.updated > 0;
        Ok(((file, changed), changed))
    })?;
    if args.dry_run {
        outln!("{}", t.dry_run);
    } else if written {
        eprintln!("{} {}", t.written, ctx.file.display());
    } else {
        eprintln!("{}", t.nothing_to_write);
    }
    let _ = file;
    Ok(ExitCode::SUCCESS)
}
