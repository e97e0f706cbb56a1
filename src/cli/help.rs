//! The command line's definition in the reader's language. The French
//! definition is `Cli` (its doc comments, also the source of the man
//! pages); clap's own words (headings, help and version flags, defaults,
//! possible values) are worded in `i18n::help`, and in English each French
//! text is replaced by its translation from `i18n::help_en`. The language is
//! the one every command uses: `--lang`, then the configuration, then the
//! locale.

use std::ffi::OsString;

use clap::builder::PossibleValue;
use clap::{Arg, ArgAction, Command, CommandFactory};

use crate::config::{Config, Dirs};
use crate::i18n::help::help;
use crate::i18n::help_en::{english, english_value_name};
use crate::i18n::{Lang, fill};

use super::Cli;

/// The language of the help for these arguments: `--lang` among them, then
/// the configuration's (a configuration that cannot be read is reported by
/// the command itself), then the locale.
pub fn language(args: &[OsString]) -> Lang {
    let mut explicit = None;
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let arg = arg.to_string_lossy();
        if arg == "--" {
            break;
        }
        if arg == "--lang" {
            explicit = rest.next().and_then(|v| v.to_str()?.parse().ok());
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            explicit = value.parse().ok();
        }
    }
    let configured = || {
        Config::load(&Dirs::discover().config_file())
            .ok()
            .and_then(|c| c.lang)
    };
    Lang::detect(explicit.or_else(configured))
}

/// The whole command line in `lang`; `--version` tells `version`.
pub fn command(lang: Lang, version: String) -> Command {
    let w = help(lang);
    let root = Cli::command()
        .disable_version_flag(true)
        .version(version.clone())
        .long_version(version)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(w.version_flag),
        )
        .override_usage(w.usage);
    localize(root, lang)
}

/// One command and, recursively, its subcommands.
fn localize(cmd: Command, lang: Lang) -> Command {
    let w = help(lang);
    let mut cmd = cmd
        .help_template(w.template)
        .subcommand_help_heading(w.commands)
        .subcommand_value_name(w.command_value)
        .disable_help_flag(true);
    if lang == Lang::En {
        let about = cmd.get_about().map(|a| translate(&a.to_string()));
        let long = cmd.get_long_about().map(|a| translate(&a.to_string()));
        if let Some(about) = about {
            cmd = cmd.about(about);
        }
        if let Some(long) = long {
            cmd = cmd.long_about(long);
        }
    }
    cmd.mut_args(|arg| localize_arg(arg, lang))
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(w.help_flag),
        )
        .mut_subcommands(|sub| localize(sub, lang))
}

/// The English of a French help text; the French itself when it has no
/// translation yet (a test lists those).
fn translate(french: &str) -> String {
    english(french).unwrap_or(french).to_string()
}

/// An argument's help in `lang`, its default and possible values worded
/// there too (clap would write them in English).
fn localize_arg(arg: Arg, lang: Lang) -> Arg {
    let w = help(lang);
    let text = |s: Option<&clap::builder::StyledStr>| {
        s.map(|s| match lang {
            Lang::Fr => s.to_string(),
            Lang::En => translate(&s.to_string()),
        })
    };
    let mut short = text(arg.get_help());
    let mut long = text(arg.get_long_help());
    let mut arg = arg;
    if lang == Lang::En
        && let Some(names) = arg.get_value_names()
    {
        let names: Vec<String> = names.iter().map(|n| english_value_name(n)).collect();
        arg = arg.value_names(names);
    }
    let shown = |v: &PossibleValue| !v.is_hide_set();
    let values: Vec<PossibleValue> = if arg.is_hide_possible_values_set() {
        Vec::new()
    } else {
        arg.get_possible_values()
            .into_iter()
            .filter(shown)
            .collect()
    };
    let takes_value = arg.get_action().takes_values();
    // `[valeurs : …] [par défaut : …]` after the help, then, in the long
    // help, each value with its own help.
    let mut tags = Vec::new();
    let mut list = None;
    if takes_value && !values.is_empty() {
        let ids: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        tags.push(format!(
            "[{}]",
            fill(w.values, &[("values", &ids.join(", "))])
        ));
        if values.iter().any(|v| v.get_help().is_some()) {
            let mut lines = w.values_heading.to_string();
            for v in &values {
                let about = text(v.get_help()).unwrap_or_default();
                let item = fill(w.value_item, &[("id", &v.get_name()), ("about", &about)]);
                lines.push_str(&format!("\n  {item}"));
            }
            list = Some(lines);
        }
        arg = arg.hide_possible_values(true);
    }
    let defaults: Vec<String> = (arg.get_default_values().iter())
        .map(|d| d.to_string_lossy().into_owned())
        .collect();
    if takes_value && !defaults.is_empty() && !arg.is_hide_default_value_set() {
        tags.push(format!(
            "[{}]",
            fill(w.default, &[("value", &defaults.join(","))])
        ));
        arg = arg.hide_default_value(true);
    }
    if !tags.is_empty() {
        let tags = tags.join(" ");
        if long.is_some() || list.is_some() {
            let base = long.or_else(|| short.clone());
            let tagged = append(base, &tags);
            long = Some(match &list {
                Some(list) => format!("{tagged}\n\n{list}"),
                None => tagged,
            });
        }
        short = Some(append(short, &tags));
    }
    if let Some(short) = short {
        arg = arg.help(short);
    }
    if let Some(long) = long {
        arg = arg.long_help(long);
    }
    arg
}

/// `text` followed by `tail` after a space (or `tail` alone).
fn append(text: Option<String>, tail: &str) -> String {
    match text {
        Some(t) if !t.is_empty() => format!("{t} {tail}"),
        _ => tail.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every French text of the command line's help (abouts, argument helps,
    /// possible values' helps): what `help_en` must translate.
    pub fn french_texts() -> Vec<String> {
        let mut out = Vec::new();
        collect(&Cli::command(), &mut out);
        out.sort();
        out.dedup();
        out
    }

    fn collect(cmd: &Command, out: &mut Vec<String>) {
        let mut push = |s: Option<&clap::builder::StyledStr>| {
            if let Some(s) = s {
                out.push(s.to_string());
            }
        };
        push(cmd.get_about());
        push(cmd.get_long_about());
        for arg in cmd.get_arguments() {
            push(arg.get_help());
            push(arg.get_long_help());
            if !arg.is_hide_possible_values_set() {
                for v in arg.get_possible_values() {
                    push(v.get_help());
                }
            }
        }
        for sub in cmd.get_subcommands() {
            collect(sub, out);
        }
    }

    /// Every value name (`FICHIER`, `CHAMP=VALEUR`…) of the command line.
    pub fn value_names() -> Vec<String> {
        fn walk(cmd: &Command, out: &mut Vec<String>) {
            for arg in cmd.get_arguments() {
                for n in arg.get_value_names().unwrap_or_default() {
                    out.push(n.to_string());
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, out);
            }
        }
        let mut out = Vec::new();
        walk(&Cli::command(), &mut out);
        out.sort();
        out.dedup();
        out
    }

    /// Each French help text has its English in `i18n::help_en`; the
    /// failure lists the missing ones, ready to be paired.
    #[test]
    fn every_help_text_has_english() {
        let missing: Vec<String> = french_texts()
            .into_iter()
            .filter(|fr| english(fr).is_none())
            .map(|fr| format!("    {fr:?} => \"\";"))
            .collect();
        assert!(
            missing.is_empty(),
            "no English for:\n{}",
            missing.join("\n")
        );
    }

    /// Each value name is paired in English (the same word when it is one
    /// in both languages, as `ID` or `URL`).
    #[test]
    fn every_value_name_has_english() {
        let missing: Vec<String> = value_names()
            .into_iter()
            .filter(|n| {
                !crate::i18n::help_en::VALUE_NAMES
                    .iter()
                    .any(|(fr, _)| fr == n)
            })
            .map(|n| format!("    ({n:?}, \"\"),"))
            .collect();
        assert!(
            missing.is_empty(),
            "no English for:\n{}",
            missing.join("\n")
        );
    }

    /// A text of the English help is never left in French: every about and
    /// argument help of the English definition is a translation.
    #[test]
    fn the_english_definition_has_no_french_text() {
        let fr = french_texts();
        let mut en = Vec::new();
        collect(&command(Lang::En, String::new()), &mut en);
        // Some texts are the same words in both ("Markdown").
        let same = |t: &String| english(t) == Some(t.as_str());
        let left: Vec<&String> = en.iter().filter(|t| fr.contains(t) && !same(t)).collect();
        assert!(left.is_empty(), "left in French: {left:?}");
    }
}
