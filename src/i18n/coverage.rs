//! The words of the reports' "couverture du territoire" section and of the
//! report written for one commune.

use super::Lang;

strings! { CoverageText, coverage_text;
    title: "Couverture du territoire", "Coverage of the territory";
    heading: "Le périmètre et ses zones blanches", "The perimeter and its white zones";
    intro: "{covered} {covered:commune|communes} sur les {total} du périmètre {covered:a|ont} au moins une initiative recensée ; {white} {white:zone blanche|zones blanches}, sans initiative ni structure relais, {white:rassemble|rassemblent} {white_population} {white_population:habitant|habitants}, soit {percent} % de la population du périmètre ({population} habitants). Le territoire compte {per10k} {per10k:initiative|initiatives} pour 10 000 habitants.", "{covered} of the {total} municipalities of the perimeter {covered:have|has|have} at least one initiative; {white} white {white:zones|zone|zones}, with no initiative nor relay structure, {white:are|is|are} home to {white_population} {white_population:inhabitants|inhabitant|inhabitants}, {percent} % of the perimeter's population ({population} inhabitants). The territory has {per10k} {per10k:initiatives|initiative|initiatives} per 10,000 inhabitants.";
    white_caption: "Zones blanches, par population", "White zones, by population";
    white_rest: "… et {n} {n:autre commune|autres communes} sans initiative, {population} {population:habitant|habitants} en tout (liste complète : recense communes --without initiative).", "… and {n} other {n:municipalities|municipality|municipalities} without initiative, {population} {population:inhabitants|inhabitant|inhabitants} in all (full list: recense communes --without initiative).";
    relays_caption: "Initiatives et structures relais par commune", "Initiatives and relay structures per municipality";
    col_commune: "Commune", "Municipality";
    col_population: "Population", "Population";
    col_initiatives: "Initiatives", "Initiatives";
    col_relays: "Structures relais", "Relay structures";
    outside: "{n} {n:initiative recensée|initiatives recensées} hors du périmètre ou dans une commune non reconnue.", "{n} {n:initiatives|initiative|initiatives} listed outside the perimeter or in an unrecognised municipality.";
    commune_subtitle: "Pour la commune de {commune} ({code}) : {n} {n:initiative|initiatives}", "For the municipality of {commune} ({code}): {n} {n:initiatives|initiative|initiatives}";
    unknown_commune: "--commune {commune} : commune inconnue du référentiel officiel (donnez son nom exact ou son code INSEE)", "--commune {commune}: municipality unknown to the official referential (give its exact name or its INSEE code)";
    ambiguous_commune: "--commune {commune} : plusieurs communes portent ce nom : {list} ; donnez le code INSEE ou « Nom (département) »", "--commune {commune}: several municipalities bear this name: {list}; give the INSEE code or \"Name (département)\"";
    one_commune: "--commune : une seule commune pour un rapport", "--commune: one municipality for a report";
}
