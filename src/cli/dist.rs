//! What the packages ship beside the binary, generated from the command
//! line's French definition: the man pages (`recense dev man`) and the shell
//! completions (`recense dev completions`). See docs/distribution.md.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Command;
use clap::builder::PossibleValuesParser;
use clap_complete::Shell;

use crate::census::actions::ACTION_KINDS;
use crate::census::network::relation_field;
use crate::census::schema::{FieldType, Schema};
use crate::census::status::{EVIDENCE_KINDS, Status};
use crate::i18n::Lang;
use crate::i18n::help::help;

use super::{Fail, Invocation, help};

/// The page every generated page points to, written by hand in `dist/`.
const FORMAT_PAGE: &str = "recense-format(5)";

/// Writes `recense.1` and one page per subcommand (`recense-merge.1`,
/// `recense-evidence-add.1`…) into `dir`; prints their paths.
pub fn man(ctx: &Invocation, dir: &Path) -> Result<ExitCode, Fail> {
    let mut cmd = definition().subcommand_help_heading("COMMANDES");
    cmd.build();
    create_dir(ctx, dir)?;
    write_pages(ctx, &cmd, dir)?;
    Ok(ExitCode::SUCCESS)
}

fn write_pages(ctx: &Invocation, cmd: &Command, dir: &Path) -> Result<(), Fail> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        write_pages(ctx, sub, dir)?;
    }
    let w = help(Lang::Fr);
    let name = cmd.get_display_name().unwrap_or(cmd.get_name());
    let date = match env!("RECENSE_DATE") {
        "" => w.man_undated,
        date => date,
    };
    let man = clap_mangen::Man::new(cmd.clone())
        .title(name.to_uppercase())
        .date(date)
        .source(format!("recense {}", env!("CARGO_PKG_VERSION")))
        .manual(w.man_manual);
    let path = dir.join(man.get_filename());
    let mut page = Vec::new();
    man.render(&mut page).map_err(|e| io_fail(ctx, &path, e))?;
    let page = french_headings(&String::from_utf8_lossy(&page), cmd);
    write(ctx, &path, &page)
}

/// clap_mangen's section headings in French, and a "see also" section.
fn french_headings(page: &str, cmd: &Command) -> String {
    let mut out = page.replace("\n.SH NAME\n", "\n.SH NOM\n");
    let mut see = vec![FORMAT_PAGE.to_string()];
    let name = cmd.get_display_name().unwrap_or(cmd.get_name());
    if let Some((parent, _)) = name.rsplit_once('-') {
        see.insert(0, format!("{parent}(1)"));
    }
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        see.push(format!(
            "{}(1)",
            sub.get_display_name().unwrap_or(sub.get_name())
        ));
    }
    let see: Vec<String> = see.iter().map(|s| s.replace('-', "\\-")).collect();
    out.push_str(&format!(".SH VOIR AUSSI\n{}\n", see.join(", ")));
    out
}

/// Writes the completions of bash (`recense`), zsh (`_recense`) and fish
/// (`recense.fish`) into `dir`; prints their paths.
pub fn completions(ctx: &Invocation, dir: &Path) -> Result<ExitCode, Fail> {
    create_dir(ctx, dir)?;
    let mut cmd = with_known_choices(definition());
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
        let name = match shell {
            Shell::Zsh => "_recense",
            Shell::Fish => "recense.fish",
            _ => "recense",
        };
        let mut text = Vec::new();
        clap_complete::generate(shell, &mut cmd, "recense", &mut text);
        write(ctx, &dir.join(name), &String::from_utf8_lossy(&text))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The French definition, as the man pages and completions show it.
fn definition() -> Command {
    help::command(Lang::Fr, env!("CARGO_PKG_VERSION").to_string())
}

/// The choices clap cannot know, because they are checked against the
/// census's form at run time, offered from the default form: statuses,
/// evidence kinds, relations, action kinds and initiative types; and the
/// languages of `--lang`.
/// (Completion only: this copy of the definition never parses arguments.)
fn with_known_choices(cmd: Command) -> Command {
    let schema = Schema::default_schema();
    let ids =
        |list: &str| -> Vec<String> { schema.choices(list).iter().map(|c| c.id.clone()).collect() };
    let statuses: Vec<String> = Status::ALL.iter().map(|s| s.id().to_string()).collect();
    let kinds: Vec<String> = schema.kinds().iter().map(|c| c.id.clone()).collect();
    let evidence = ids(EVIDENCE_KINDS);
    let relations = match relation_field(&schema).map(|f| &f.field_type) {
        Some(FieldType::Relations(list)) => ids(list),
        _ => Vec::new(),
    };
    let actions = ids(ACTION_KINDS);
    let choose = |values: &[String]| PossibleValuesParser::new(values.to_vec());
    let filters = |c: Command| {
        c.mut_args(|a| match a.get_id().as_str() {
            "status" if !a.is_positional() => a.value_parser(choose(&statuses)),
            "kind" => a.value_parser(choose(&kinds)),
            "lang" => a.value_parser(["fr", "en"]),
            _ => a,
        })
    };
    filters(cmd)
        .mut_subcommands(filters)
        .mut_subcommand("status", |c| {
            c.mut_arg("status", |a| a.value_parser(choose(&statuses)))
                .mut_arg("action", |a| a.value_parser(choose(&actions)))
        })
        .mut_subcommand("evidence", |c| {
            c.mut_subcommand("add", |c| {
                c.mut_arg("kind", |a| a.value_parser(choose(&evidence)))
            })
        })
        .mut_subcommand("link", |c| {
            c.mut_arg("relation", |a| a.value_parser(choose(&relations)))
        })
        .mut_subcommand("unlink", |c| {
            c.mut_arg("relation", |a| a.value_parser(choose(&relations)))
        })
}

fn create_dir(ctx: &Invocation, dir: &Path) -> Result<(), Fail> {
    std::fs::create_dir_all(dir).map_err(|e| io_fail(ctx, dir, e))
}

fn write(ctx: &Invocation, path: &PathBuf, text: &str) -> Result<(), Fail> {
    std::fs::write(path, text).map_err(|e| io_fail(ctx, path, e))?;
    outln!("{}", path.display());
    Ok(())
}

fn io_fail(ctx: &Invocation, path: &Path, e: std::io::Error) -> Fail {
    let error = crate::i18n::io_error(&e, ctx.lang);
    Fail::new(format!("{} : {error}", path.display()))
}
