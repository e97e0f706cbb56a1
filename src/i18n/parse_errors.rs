//! The words of a command line refused before any command runs: an unknown
//! option or command, a value missing or refused (`cli::parse_error`).

use super::Lang;

strings! { ParseErrorText, parse_errors;
    unknown_argument: "option inconnue « {arg} »", "unknown option `{arg}`";
    unexpected_value: "argument inattendu « {arg} »", "unexpected argument `{arg}`";
    did_you_mean: " ; voulez-vous dire « {suggestion} » ?", "; did you mean `{suggestion}`?";
    invalid_value: "valeur « {value} » invalide pour {arg}", "invalid value `{value}` for {arg}";
    empty_value: "{arg} attend une valeur", "{arg} needs a value";
    possible_values: " ; valeurs possibles : {values}", "; possible values: {values}";
    refused_value: "valeur « {value} » refusée pour {arg} : {why}", "value `{value}` refused for {arg}: {why}";
    lang_values: "écrivez fr ou en", "write fr or en";
    missing_required: "il manque {args}", "missing {args}";
    unknown_command: "commande inconnue « {command} »", "unknown command `{command}`";
    missing_command: "il manque la commande ; commandes : {commands}", "missing command; commands: {commands}";
    conflict: "{arg} ne va pas avec {prior}", "{arg} cannot be used with {prior}";
    no_equals: "{arg} s'écrit avec « = » : {arg}=VALEUR", "{arg} is written with `=`: {arg}=VALUE";
    too_many_values: "une valeur de trop pour {arg} : « {value} »", "one value too many for {arg}: `{value}`";
    wrong_count: "{arg} : {actual} {actual:valeur donnée|valeurs données}, {expected} {expected:attendue|attendues}", "{arg}: {actual} {actual:values given|value given|values given}, {expected} {expected:expected|expected|expected}";
    not_utf8: "un argument n'est pas du texte UTF-8", "an argument is not UTF-8 text";
    other: "ligne de commande refusée", "command line refused";
    usage: "Utilisation :", "Usage:";
    more_help: "Plus d'aide : {command} --help", "More help: {command} --help";
}
