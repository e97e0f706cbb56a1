//! The words of the reports' "couverture du territoire" section and of the
//! report written for one commune.

use super::Lang;

strings! { CoverageText, coverage_text;
    title: "Couverture du territoire", "Coverage of the territory";
    heading: "Le périmètre et ses zones blanches", "The perimeter and its white zones";
    intro: "{covered} commune(s) sur les {total} du périmètre ont au moins une initiative recensée ; {white} zone(s) blanche(s), sans initiative ni structure relais, rassemblent {white_population} habitant(s), soit {percent} % de la population du périmètre ({population} habitants). Le territoire compte {per10k} initiative(s) pour 10 000 habitants.", "{covered} of the {total} municipalities of the perimeter have at least one initiative; {white} white zone(s), with no initiative nor relay structure, are home to {white_population} inhabitant(s), {percent} % of the perimeter's population ({population} inhabitants). The territory has {per10k} initiative(s) per 10,000 inhabitants.";
    white_caption: "Zones blanches, par population", "White zones, by population";
    white_rest: "… et {n} autre(s) commune(s) sans initiative, {population} habitant(s) en tout (liste complète : recense communes --without initiative).", "… and {n} other municipality(ies) without initiative, {population} inhabitant(s) in all (full list: recense communes --without initiative).";
    relays_caption: "Initiatives et structures relais par commune", "Initiatives and relay structures per municipality";
    col_commune: "Commune", "Municipality";
    col_population: "Population", "Population";
    col_initiatives: "Initiatives", "Initiatives";
    col_relays: "Structures relais", "Relay structures";
    outside: "{n} initiative(s) recensée(s) hors du périmètre ou dans une commune non reconnue.", "{n} initiative(s) listed outside the perimeter or in an unrecognised municipality.";
    commune_subtitle: "Pour la commune de {commune} ({code}) : {n} initiative(s)", "For the municipality of {commune} ({code}): {n} initiative(s)";
    unknown_commune: "--commune {commune} : commune inconnue du référentiel officiel (donnez son nom exact ou son code INSEE)", "--commune {commune}: municipality unknown to the official referential (give its exact name or its INSEE code)";
    ambiguous_commune: "--commune {commune} : plusieurs communes portent ce nom : {list} ; donnez le code INSEE ou « Nom (département) »", "--commune {commune}: several municipalities bear this name: {list}; give the INSEE code or \"Name (département)\"";
    one_commune: "--commune : une seule commune pour un rapport", "--commune: one municipality for a report";
}
