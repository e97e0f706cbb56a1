//! A command line refused by clap (an unknown option, a missing or refused
//! value…), said in the reader's language: clap words its refusals in
//! English only, so they are worded again here from what clap found (its
//! error's kind and context), with the usage line and where to find help.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use crate::i18n::parse_errors::parse_errors;
use crate::i18n::{Lang, fill};

/// The refusal as the reader reads it, or `None` when clap's output is not a
/// refusal (the help, the version) and clap prints it itself.
pub fn explain(error: &Error, lang: Lang) -> Option<String> {
    let w = parse_errors(lang);
    let text = |kind| error.get(kind).map(value_text);
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let mut message = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion => return None,
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            fill(w.unknown_argument, &[("arg", &arg)])
        }
        ErrorKind::UnknownArgument => fill(w.unexpected_value, &[("arg", &arg)]),
        ErrorKind::InvalidValue if value.is_empty() => fill(w.empty_value, &[("arg", &arg)]),
        ErrorKind::InvalidValue => {
            let mut m = fill(w.invalid_value, &[("value", &value), ("arg", &arg)]);
            if let Some(values) = text(ContextKind::ValidValue) {
                m.push_str(&fill(w.possible_values, &[("values", &values)]));
            }
            m
        }
        ErrorKind::ValueValidation => {
            // A value parser does not know the reader's language: the
            // global options' own parsers are explained here.
            let why = match arg.split(['[', ' ', '=']).next() {
                Some("--lang") => w.lang_values.to_string(),
                Some("--wait") => crate::i18n::cli::cli(lang).wait_not_seconds.to_string(),
                _ => std::error::Error::source(error)
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            };
            fill(
                w.refused_value,
                &[("value", &value), ("arg", &arg), ("why", &why)],
            )
        }
        ErrorKind::MissingRequiredArgument => fill(w.missing_required, &[("args", &arg)]),
        ErrorKind::InvalidSubcommand => {
            let command = text(ContextKind::InvalidSubcommand).unwrap_or_default();
            fill(w.unknown_command, &[("command", &command)])
        }
        ErrorKind::MissingSubcommand => {
            let commands = text(ContextKind::ValidSubcommand).unwrap_or_default();
            fill(w.missing_command, &[("commands", &commands)])
        }
        ErrorKind::ArgumentConflict => {
            let prior = text(ContextKind::PriorArg).unwrap_or_default();
            fill(w.conflict, &[("arg", &arg), ("prior", &prior)])
        }
        ErrorKind::NoEquals => fill(w.no_equals, &[("arg", &arg)]),
        ErrorKind::TooManyValues => fill(w.too_many_values, &[("arg", &arg), ("value", &value)]),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let actual = text(ContextKind::ActualNumValues).unwrap_or_default();
            let expected = text(ContextKind::ExpectedNumValues)
                .or_else(|| text(ContextKind::MinValues))
                .unwrap_or_default();
            fill(
                w.wrong_count,
                &[("arg", &arg), ("actual", &actual), ("expected", &expected)],
            )
        }
        ErrorKind::InvalidUtf8 => w.not_utf8.to_string(),
        _ => w.other.to_string(),
    };
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(text);
    if let Some(suggestion) = suggestion {
        message.push_str(&fill(w.did_you_mean, &[("suggestion", &suggestion)]));
    }
    let mut out = format!("recense: {message}\n");
    if let Some(usage) = text(ContextKind::Usage) {
        let line = usage.trim();
        let line = line.strip_prefix("Usage:").unwrap_or(line).trim();
        // The root's usage is already worded (`i18n::help`).
        let line = line.strip_prefix(w.usage).unwrap_or(line).trim();
        out.push_str(&format!("\n{} {line}\n", w.usage));
        out.push_str(&fill(w.more_help, &[("command", &command_of(line))]));
        out.push('\n');
    }
    Some(out)
}

/// What clap found, as plain text (lists joined with commas).
fn value_text(value: &ContextValue) -> String {
    match value {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

/// `recense list` from the usage `recense list --status <STATUT>`: the
/// command's words, up to its first option or value.
fn command_of(usage: &str) -> String {
    usage
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .take_while(|w| !w.starts_with(['-', '<', '[']))
        .collect::<Vec<_>>()
        .join(" ")
}
