//! The words of the perimeter and of the white zones: `recense perimeter`,
//! `recense communes`, and the refusals of a perimeter that names nothing.

use super::{Lang, fill, list};
use crate::census::territory::PerimeterError;

strings! { TerritoryText, territory;
    perimeter_is: "Périmètre : {parts}", "Perimeter: {parts}";
    perimeter_size: "{n} {n:commune|communes}, {population} {population:habitant|habitants}", "{n} {n:municipalities|municipality|municipalities}, {population} {population:inhabitants|inhabitant|inhabitants}";
    perimeter_none: "Aucun périmètre déclaré. Pour en déclarer un : recense perimeter set epci:SIREN | dep:CODE | insee:CODE | « nom d'un EPCI ou d'un département »", "No perimeter declared. To declare one: recense perimeter set epci:SIREN | dep:CODE | insee:CODE | \"name of an EPCI or département\"";
    perimeter_recorded: "Périmètre enregistré :", "Perimeter recorded:";
    perimeter_unchanged: "Le périmètre est déjà celui-là.", "The perimeter is already that one.";
    col_insee: "Code INSEE", "INSEE code";
    col_commune: "Commune", "Municipality";
    col_population: "Population", "Population";
    col_initiatives: "Initiatives", "Initiatives";
    col_relays: "Relais", "Relays";
    col_name: "Nom", "Name";
    outside_title: "Hors du périmètre ou commune inconnue : {n} {n:initiative|initiatives}", "Outside the perimeter or unknown municipality: {n} {n:initiatives|initiative|initiatives}";
    summary: "{covered}/{total} {total:commune|communes} avec une initiative ; {white} {white:zone blanche|zones blanches} (ni initiative ni relais), {white_population} {white_population:habitant|habitants} ; {per10k} {per10k:initiative|initiatives} pour 10 000 habitants", "{covered}/{total} {total:municipalities|municipality|municipalities} with an initiative; {white} white {white:zones|zone|zones} (no initiative, no relay), {white_population} {white_population:inhabitants|inhabitant|inhabitants}; {per10k} {per10k:initiatives|initiative|initiatives} per 10,000 inhabitants";
    shown: "{n} {n:commune listée|communes listées}", "{n} {n:municipalities|municipality|municipalities} listed";
    no_perimeter_for_communes: "ce recensement ne déclare pas de périmètre : déclarez-le d'abord avec recense perimeter set P (par exemple epci:242900314 ou « Finistère »)", "this census declares no perimeter: declare it first with recense perimeter set P (for example epci:242900314 or \"Finistère\")";
}

/// Why a typed perimeter was refused, with what to type instead.
pub fn perimeter_error(e: &PerimeterError, lang: Lang) -> String {
    match (e, lang) {
        (PerimeterError::Empty, Lang::Fr) => "périmètre vide : donnez epci:SIREN, dep:CODE, insee:CODE ou le nom d'un EPCI ou d'un département, séparés par des virgules".to_string(),
        (PerimeterError::Empty, Lang::En) => "empty perimeter: give epci:SIREN, dep:CODE, insee:CODE or the name of an EPCI or département, separated by commas".to_string(),
        (PerimeterError::Unknown { part, candidates }, _) => {
            let text = lang.pick(
                "« {part} » ne désigne aucun EPCI, département ni commune connus",
                "`{part}` names no known EPCI, département or municipality",
            );
            let mut s = fill(text, &[("part", part)]);
            if !candidates.is_empty() {
                let close = lang.pick(" ; proches : {list}", "; close: {list}");
                s.push_str(&fill(close, &[("list", &list(candidates))]));
            }
            s
        }
        (PerimeterError::Ambiguous { part, candidates }, _) => {
            let text = lang.pick(
                "« {part} » désigne plusieurs territoires : {list} ; donnez le code (epci:SIREN ou dep:CODE)",
                "`{part}` names several territories: {list}; give the code (epci:SIREN or dep:CODE)",
            );
            fill(text, &[("part", part), ("list", &list(candidates))])
        }
    }
}

/// A count of inhabitants, thousands separated the French or English way.
pub fn population(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let sep = lang.pick("\u{202f}", ",");
    let mut out = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// Tenths as a decimal number: `12,3` or `12.3`.
pub fn tenths(t: u64, lang: Lang) -> String {
    format!("{}{}{}", t / 10, lang.pick(",", "."), t % 10)
}
