//! The words clap would otherwise write in English around the command
//! line's help (headings, the help and version flags, defaults, possible
//! values) and the lines of `recense --version`. The help texts themselves
//! are the French doc comments of `cli::Cli`; their English is in
//! `help_en`.

use super::Lang;

strings! { HelpText, help;
    template: "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}", "{before-help}{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}";
    usage: "recense [OPTIONS] [FICHIER]\n       recense [OPTIONS] <COMMANDE>", "recense [OPTIONS] [FILE]\n       recense [OPTIONS] <COMMAND>";
    commands: "Commandes", "Commands";
    command_value: "COMMANDE", "COMMAND";
    help_flag: "Affiche l'aide (--help : plus de détails)", "Print help (--help: more details)";
    version_flag: "Affiche la version, le commit, la cible, le formulaire et les données embarquées", "Print the version, commit, target, form and embedded data";
    default: "par défaut : {value}", "default: {value}";
    values: "valeurs : {values}", "values: {values}";
    values_heading: "Valeurs possibles :", "Possible values:";
    value_item: "- {id} : {about}", "- {id}: {about}";
    commit: "commit : {value}", "commit: {value}";
    unknown: "inconnu", "unknown";
    target: "cible : {value}", "target: {value}";
    form: "formulaire : {id} version {version}", "form: {id} version {version}";
    communes: "communes : {value}", "communes: {value}";
    man_manual: "Manuel de recense", "recense manual";
    man_undated: "sans date", "undated";
}
