//! The words of the supports received with their amounts (`recense support
//! add`, the reports' totals) and of the public recognition of legitimated
//! initiatives by the collectivité's own acts.

use super::{Lang, Localized, fill};
use crate::census::supports::{FIRST_YEAR, SupportError};

strings! { SupportsText, supports_text;
    added: "Soutien ajouté à {id}", "Support added to {id}";
    amounts_heading: "Montants des soutiens reçus", "Amounts of the support received";
    amounts_intro: "{n} {n:soutien enregistré|soutiens enregistrés} avec leur année (recense support add), pour {total} en tout ; {unknown} sans montant connu.", "{n} {n:supports|support|supports} recorded with their year (recense support add), {total} in all; {unknown} without a known amount.";
    by_year: "Par année", "Per year";
    by_kind: "Par type de soutien", "Per kind of support";
    by_commune: "Par commune", "Per municipality";
    col_year: "Année", "Year";
    col_kind: "Type de soutien", "Kind of support";
    col_commune: "Commune", "Municipality";
    col_count: "Soutiens", "Supports";
    col_amount: "Montant", "Amount";
    no_commune: "(sans commune)", "(no municipality)";
    total: "Total", "Total";
    history: "{date}  soutien : {kind} {year} {amount} {from}  {note}", "{date}  support: {kind} {year} {amount} {from}  {note}";
    recognition_heading: "« Légitimé » : vérifié, et reconnu par la collectivité ?", "\"Legitimized\": verified, and recognised by the local authority?";
    recognition_intro: "Dans ce recensement, « Légitimé » veut dire vérifié : une preuve récente, la confirmation d'un collègue, un problème public argumenté. Sur {n} {n:initiative légitimée ou soutenue|initiatives légitimées ou soutenues}, {recognised} {recognised:est aussi reconnue|sont aussi reconnues} publiquement par un acte de la collectivité (délibération, convention, subvention votée, mention dans un plan local) :", "In this census, \"Legitimized\" means verified: recent evidence, a colleague's confirmation, an argued public problem. Of {n} legitimized or supported {n:initiatives|initiative|initiatives}, {recognised} {recognised:are|is|are} also publicly recognised by an act of the local authority (resolution, agreement, grant voted, mention in a local plan):";
    recognition_none: "Sur {n} {n:initiative légitimée ou soutenue|initiatives légitimées ou soutenues}, aucune n'est encore reconnue par un acte de la collectivité enregistré (délibération, convention, subvention votée, mention dans un plan local : recense evidence add ID --kind deliberation…).", "Of {n} legitimized or supported {n:initiatives|initiative|initiatives}, none is recognised yet by a recorded act of the local authority (resolution, agreement, grant voted, mention in a local plan: recense evidence add ID --kind deliberation…).";
    recognition_others: "Vérifiées, sans acte de la collectivité enregistré : ", "Verified, with no recorded act of the local authority: ";
}

/// Euros from cents, as a person reads them: `1 500 €`, `1 500,50 €`
/// (`€1,500`, `€1,500.50` in English).
pub fn euros(cents: u64, lang: Lang) -> String {
    let digits = (cents / 100).to_string();
    let sep = match lang {
        Lang::Fr => '\u{202f}',
        Lang::En => ',',
    };
    let mut grouped = String::new();
    for (n, c) in digits.chars().enumerate() {
        if n > 0 && (digits.len() - n).is_multiple_of(3) {
            grouped.push(sep);
        }
        grouped.push(c);
    }
    let rest = cents % 100;
    match (lang, rest) {
        (Lang::Fr, 0) => format!("{grouped}\u{a0}€"),
        (Lang::Fr, r) => format!("{grouped},{r:02}\u{a0}€"),
        (Lang::En, 0) => format!("€{grouped}"),
        (Lang::En, r) => format!("€{grouped}.{r:02}"),
    }
}

impl Localized for SupportError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use SupportError as E;
        match (self, lang) {
            (E::Op(e), _) => e.localize(lang),
            (E::UnknownKind { kind, accepted }, Lang::Fr) => format!("type de soutien « {kind} » inconnu ; types : {}.", accepted.join(", ")),
            (E::UnknownKind { kind, accepted }, Lang::En) => format!("unknown kind of support `{kind}`; kinds: {}.", accepted.join(", ")),
            (E::Year { year, latest }, Lang::Fr) => fill("année {year} refusée : une année de {first} à {latest} (l'an prochain pour une subvention déjà votée).", &[("year", year), ("first", &FIRST_YEAR), ("latest", latest)]),
            (E::Year { year, latest }, Lang::En) => fill("year {year} refused: a year from {first} to {latest} (next year for a grant already voted).", &[("year", year), ("first", &FIRST_YEAR), ("latest", latest)]),
            (E::Amount(text), Lang::Fr) => format!("montant « {text} » illisible : des euros, par exemple 1500, 1 500 ou 1500,50."),
            (E::Amount(text), Lang::En) => format!("unreadable amount `{text}`: euros, e.g. 1500, 1 500 or 1500.50."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euros_are_grouped_by_thousands() {
        assert_eq!(euros(150_000, Lang::Fr), "1\u{202f}500\u{a0}€");
        assert_eq!(euros(12_345_650, Lang::Fr), "123\u{202f}456,50\u{a0}€");
        assert_eq!(euros(99_900, Lang::En), "€999");
        assert_eq!(euros(100_000_000, Lang::En), "€1,000,000");
    }
}
