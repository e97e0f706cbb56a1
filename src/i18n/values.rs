//! The words of errors about values and changes: what a person typed.

use super::{Lang, Localized, list};
use crate::census::model::LookupError;
use crate::census::ops::OpError;
use crate::census::value::ValueError;

/// A value error for a named field.
#[rustfmt::skip]
pub fn value_error(field: &str, value: &str, error: &ValueError, lang: Lang) -> String {
    let what = value_problem(error, lang);
    if value.is_empty() { format!("{field}: {what}") } else { format!("{field}={value}: {what}") }
}

/// What is wrong with a value, alone: for a form that already shows the
/// field and the value.
#[rustfmt::skip]
pub fn value_problem(error: &ValueError, lang: Lang) -> String {
    use ValueError as V;
    match (error, lang) {
        (V::Empty, Lang::Fr) => "valeur vide".into(),
        (V::Empty, Lang::En) => "empty value".into(),
        (V::TooLong { max }, Lang::Fr) => format!("trop long (au plus {max} caractères)"),
        (V::TooLong { max }, Lang::En) => format!("too long (at most {max} characters)"),
        (V::ControlCharacter, Lang::Fr) => "caractère de contrôle interdit".into(),
        (V::ControlCharacter, Lang::En) => "control character not allowed".into(),
        (V::NotInList { accepted }, Lang::Fr) => format!("choix inconnu ; valeurs acceptées : {}", list(accepted)),
        (V::NotInList { accepted }, Lang::En) => format!("unknown choice; accepted values: {}", list(accepted)),
        (V::Url, Lang::Fr) => "adresse web invalide (attendu : https://exemple.fr)".into(),
        (V::Url, Lang::En) => "invalid web address (expected: https://example.org)".into(),
        (V::Email, Lang::Fr) => "courriel invalide (attendu : nom@domaine.fr)".into(),
        (V::Email, Lang::En) => "invalid e-mail (expected: name@domain.org)".into(),
        (V::Phone, Lang::Fr) => "numéro invalide (attendu : 02 98 00 12 34 ou +33298001234)".into(),
        (V::Phone, Lang::En) => "invalid number (expected: 02 98 00 12 34 or +33298001234)".into(),
        (V::PostalCode, Lang::Fr) => "code postal invalide (cinq chiffres)".into(),
        (V::PostalCode, Lang::En) => "invalid postcode (five digits)".into(),
        (V::InseeCode, Lang::Fr) => "code INSEE invalide (cinq caractères, 2A/2B pour la Corse)".into(),
        (V::InseeCode, Lang::En) => "invalid INSEE code (five characters, 2A/2B for Corsica)".into(),
        (V::SiretFormat, Lang::Fr) => "SIRET invalide : quatorze chiffres attendus".into(),
        (V::SiretFormat, Lang::En) => "invalid SIRET: fourteen digits expected".into(),
        (V::SiretChecksum, Lang::Fr) => "SIRET invalide : la clé de contrôle ne correspond pas (chiffre mal recopié ?)".into(),
        (V::SiretChecksum, Lang::En) => "invalid SIRET: the check digit does not match (a digit mistyped?)".into(),
        (V::Rna, Lang::Fr) => "numéro RNA invalide (W suivi de neuf chiffres)".into(),
        (V::Rna, Lang::En) => "invalid RNA number (W followed by nine digits)".into(),
        (V::Date, Lang::Fr) => "date invalide (AAAA-MM-JJ ou JJ/MM/AAAA)".into(),
        (V::Date, Lang::En) => "invalid date (YYYY-MM-DD or DD/MM/YYYY)".into(),
        (V::GeoPointFormat, Lang::Fr) => "coordonnées invalides (attendu : latitude,longitude, par exemple 48.39,-4.48)".into(),
        (V::GeoPointFormat, Lang::En) => "invalid coordinates (expected: latitude,longitude, e.g. 48.39,-4.48)".into(),
        (V::Latitude, Lang::Fr) => "latitude hors limites (entre -90 et 90)".into(),
        (V::Latitude, Lang::En) => "latitude out of range (between -90 and 90)".into(),
        (V::Longitude, Lang::Fr) => "longitude hors limites (entre -180 et 180)".into(),
        (V::Longitude, Lang::En) => "longitude out of range (between -180 and 180)".into(),
        (V::RelationFormat, Lang::Fr) => "relation invalide (attendu : TYPE:ID, par exemple heberge:01JD…)".into(),
        (V::RelationFormat, Lang::En) => "invalid relation (expected: KIND:ID, e.g. heberge:01JD…)".into(),
        (V::RelationKind { accepted }, Lang::Fr) => format!("type de relation inconnu ; types acceptés : {}", list(accepted)),
        (V::RelationKind { accepted }, Lang::En) => format!("unknown relation kind; accepted kinds: {}", list(accepted)),
        (V::Constraint { message_fr, message_en }, _) => lang.pick(message_fr, message_en).to_string(),
    }
}

impl Localized for LookupError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        let ids = |c: &[crate::census::InitiativeId]| list(&c.iter().map(|c| c.to_string()).collect::<Vec<_>>());
        match (self, lang) {
            (LookupError::NotFound(p), Lang::Fr) => format!("aucune initiative n'a l'identifiant « {p} » (voir « recense list »)."),
            (LookupError::NotFound(p), Lang::En) => format!("no initiative has the id `{p}` (see `recense list`)."),
            (LookupError::Ambiguous { prefix, candidates }, Lang::Fr) => format!("« {prefix} » désigne plusieurs initiatives ({}) ; tapez quelques caractères de plus.", ids(candidates)),
            (LookupError::Ambiguous { prefix, candidates }, Lang::En) => format!("`{prefix}` names several initiatives ({}); type a few more characters.", ids(candidates)),
        }
    }
}

impl Localized for OpError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use OpError as O;
        match (self, lang) {
            (O::BadAssignment(a), Lang::Fr) => format!("« {a} » : attendu CHAMP=VALEUR."),
            (O::BadAssignment(a), Lang::En) => format!("`{a}`: expected FIELD=VALUE."),
            (O::UnknownField { field, known }, Lang::Fr) => format!("champ inconnu « {field} » ; champs du formulaire : {}.", list(known)),
            (O::UnknownField { field, known }, Lang::En) => format!("unknown field `{field}`; the form's fields: {}.", list(known)),
            (O::SystemField(f), Lang::Fr) => format!("« {f} » est un champ interne de recense et ne se modifie pas ainsi."),
            (O::SystemField(f), Lang::En) => format!("`{f}` is an internal field of recense and cannot be changed this way."),
            (O::Invalid { field, value, error }, _) => value_error(field, value, error, lang),
            (O::NotMulti { field }, Lang::Fr) => format!("le champ « {field} » n'a qu'une valeur ; ne le donnez qu'une fois."),
            (O::NotMulti { field }, Lang::En) => format!("field `{field}` holds one value; give it once."),
            (O::MissingRequired { fields }, Lang::Fr) => format!("champs obligatoires manquants : {} (ajoutez --set CHAMP=VALEUR).", list(fields)),
            (O::MissingRequired { fields }, Lang::En) => format!("required fields missing: {} (add --set FIELD=VALUE).", list(fields)),
            (O::NotForKind { field, kind, kinds }, Lang::Fr) => format!("le champ « {field} » ne s'applique pas au type « {kind} » (seulement : {}).", list(kinds)),
            (O::NotForKind { field, kind, kinds }, Lang::En) => format!("field `{field}` does not apply to kind `{kind}` (only: {}).", list(kinds)),
            (O::Lookup(e), _) => e.localize(lang),
            (O::RelationTarget { field, error }, _) => format!("{field}: {}", error.localize(lang)),
            (O::RelationToItself { field }, Lang::Fr) => format!("{field} : une initiative ne peut pas être reliée à elle-même."),
            (O::RelationToItself { field }, Lang::En) => format!("{field}: an initiative cannot be related to itself."),
            (O::Deleted(id), Lang::Fr) => format!("l'initiative {id} est supprimée (« recense restore {id} » la ramène)."),
            (O::Deleted(id), Lang::En) => format!("initiative {id} is deleted (`recense restore {id}` brings it back)."),
            (O::NotDeleted(id), Lang::Fr) => format!("l'initiative {id} n'est pas supprimée."),
            (O::NotDeleted(id), Lang::En) => format!("initiative {id} is not deleted."),
            (O::SameInitiative, Lang::Fr) => "il faut deux initiatives différentes.".into(),
            (O::SameInitiative, Lang::En) => "two different initiatives are needed.".into(),
            (O::AlreadyFused { id, into }, Lang::Fr) => format!("l'initiative {id} est déjà fusionnée dans {into}."),
            (O::AlreadyFused { id, into }, Lang::En) => format!("initiative {id} is already fused into {into}."),
            (O::NoConflict { id, field }, Lang::Fr) => format!("pas de conflit sur « {field} » pour {id} (voir « recense conflicts »)."),
            (O::NoConflict { id, field }, Lang::En) => format!("no conflict on `{field}` for {id} (see `recense conflicts`)."),
            (O::BadPick { max }, Lang::Fr) => format!("--pick doit être entre 1 et {max}."),
            (O::BadPick { max }, Lang::En) => format!("--pick must be between 1 and {max}."),
        }
    }
}

/// Why two records look like the same initiative.
pub fn duplicate_reason(r: &crate::census::duplicates::Reason, lang: Lang) -> String {
    use crate::census::duplicates::Reason as R;
    match (r, lang) {
        (R::SameSiret, Lang::Fr) => "même SIRET".into(),
        (R::SameSiret, Lang::En) => "same SIRET".into(),
        (R::SameRna, Lang::Fr) => "même numéro RNA".into(),
        (R::SameRna, Lang::En) => "same RNA number".into(),
        (R::SameWebsite(d), Lang::Fr) => format!("même site web ({d})"),
        (R::SameWebsite(d), Lang::En) => format!("same website ({d})"),
        (R::SameEmail, Lang::Fr) => "même courriel".into(),
        (R::SameEmail, Lang::En) => "same e-mail".into(),
        (R::SimilarName, Lang::Fr) => "nom proche dans la même commune".into(),
        (R::SimilarName, Lang::En) => "similar name in the same municipality".into(),
        (R::Near { metres }, Lang::Fr) => format!("nom proche à {metres} m"),
        (R::Near { metres }, Lang::En) => format!("similar name {metres} m away"),
    }
}
