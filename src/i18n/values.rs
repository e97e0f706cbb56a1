//! The words of errors about values and changes: what a person typed.

use super::{Lang, Localized, list};
use crate::census::model::LookupError;
use crate::census::ops::OpError;
use crate::census::value::ValueError;

/// A value error for a named field.
#[rustfmt::skip]
pub fn value_error(field: &str, value: &str, error: &ValueError, lang: Lang) -> String {
    let what = value_problem(error, lang);
    let (field, value) = (crate::display::quoted(field), crate::display::quoted(value));
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
        (V::PartialDate, Lang::Fr) => "date invalide (AAAA, MM/AAAA, AAAA-MM-JJ ou JJ/MM/AAAA)".into(),
        (V::PartialDate, Lang::En) => "invalid date (YYYY, MM/YYYY, YYYY-MM-DD or DD/MM/YYYY)".into(),
        (V::GeoPointFormat, Lang::Fr) => "coordonnées invalides (attendu : latitude,longitude, par exemple 48.39,-4.48)".into(),
        (V::GeoPointFormat, Lang::En) => "invalid coordinates (expected: latitude,longitude, e.g. 48.39,-4.48)".into(),
        (V::Latitude, Lang::Fr) => "latitude hors limites (entre -90 et 90)".into(),
        (V::Latitude, Lang::En) => "latitude out of range (between -90 and 90)".into(),
        (V::Longitude, Lang::Fr) => "longitude hors limites (entre -180 et 180)".into(),
        (V::Longitude, Lang::En) => "longitude out of range (between -180 and 180)".into(),
        (V::OpeningHours { part }, Lang::Fr) => format!("horaires illisibles près de « {part} » (par exemple « du lundi au vendredi 9h-12h et 14h-18h, samedi 10h-12h », ou au format OpenStreetMap « Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00 »)"),
        (V::OpeningHours { part }, Lang::En) => format!("unreadable hours near `{part}` (e.g. `du lundi au vendredi 9h-12h et 14h-18h, samedi 10h-12h`, in French, or OpenStreetMap's `Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00`)"),
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
            (O::RelationToGone { field, target, into: None }, Lang::Fr) => format!("{field} : l'initiative {target} est supprimée : on ne la relie plus (« recense restore {target} » la ramène d'abord)."),
            (O::RelationToGone { field, target, into: None }, Lang::En) => format!("{field}: initiative {target} is deleted: it cannot be linked to (`recense restore {target}` brings it back first)."),
            (O::RelationToGone { field, target, into: Some(into) }, Lang::Fr) => format!("{field} : l'initiative {target} a été fusionnée dans {into} : reliez plutôt {into}."),
            (O::RelationToGone { field, target, into: Some(into) }, Lang::En) => format!("{field}: initiative {target} was fused into {into}: link to {into} instead."),
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
            (O::CounterExhausted(e), _) => e.localize(lang),
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

/// What an initiative lacks to reach a status.
pub fn missing_text(m: &crate::census::status::Missing, lang: Lang) -> String {
    use crate::census::status::Missing as M;
    match (m, lang) {
        (M::PublicProblem, Lang::Fr) => {
            "au moins un problème public auquel elle répond (problemes_publics)".into()
        }
        (M::PublicProblem, Lang::En) => {
            "at least one public problem it answers (problemes_publics)".into()
        }
        (M::Argument, Lang::Fr) => {
            "un argument politique ou technique (argument_politique, argument_technique)".into()
        }
        (M::Argument, Lang::En) => {
            "a political or technical argument (argument_politique, argument_technique)".into()
        }
        (M::RecentEvidence { days }, Lang::Fr) => format!(
            "une preuve de moins de {} (recense evidence add)",
            duration_fr(*days)
        ),
        (M::RecentEvidence { days }, Lang::En) => {
            format!("a piece of evidence less than {days} days old (recense evidence add)")
        }
        (M::Confirmation, Lang::Fr) => {
            "la confirmation d'un collègue qui n'a pas créé la fiche (recense confirm)".into()
        }
        (M::Confirmation, Lang::En) => {
            "the confirmation of a colleague who did not create the record (recense confirm)".into()
        }
        (M::Support, Lang::Fr) => "au moins un soutien reçu (soutiens_recus)".into(),
        (M::Support, Lang::En) => "at least one support received (soutiens_recus)".into(),
        (M::Field(f), Lang::Fr) => format!("le champ « {f} » rempli"),
        (M::Field(f), Lang::En) => format!("field `{f}` filled"),
    }
}

fn duration_fr(days: u32) -> String {
    if days.is_multiple_of(365) {
        let y = days / 365;
        if y == 1 {
            "un an".into()
        } else {
            format!("{y} ans")
        }
    } else {
        super::plural::count(days as usize, Lang::Fr, "jour", "jours")
    }
}

impl Localized for crate::census::status::StatusError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use crate::census::status::StatusError as S;
        match (self, lang) {
            (S::Op(e), _) => e.localize(lang),
            (S::UnknownStatus(s), Lang::Fr) => format!("statut « {s} » inconnu ; statuts : {}.", crate::census::status::STATUSES.join(", ")),
            (S::UnknownStatus(s), Lang::En) => format!("unknown status `{s}`; statuses: {}.", crate::census::status::STATUSES.join(", ")),
            (S::Refused { status, missing }, Lang::Fr) => format!("pas encore « {} » : il manque {}.", super::status_label(status, lang), missing.iter().map(|m| missing_text(m, lang)).collect::<Vec<_>>().join(" ; ")),
            (S::Refused { status, missing }, Lang::En) => format!("not `{}` yet: missing {}.", super::status_label(status, lang), missing.iter().map(|m| missing_text(m, lang)).collect::<Vec<_>>().join("; ")),
            (S::OwnConfirmation, Lang::Fr) => "on ne confirme pas sa propre fiche ni ses propres preuves : demandez à un collègue.".into(),
            (S::OwnConfirmation, Lang::En) => "nobody confirms their own record or evidence: ask a colleague.".into(),
            (S::AlreadyConfirmed, Lang::Fr) => "vous avez déjà confirmé cette initiative.".into(),
            (S::AlreadyConfirmed, Lang::En) => "you already confirmed this initiative.".into(),
            (S::SameStatus(s), Lang::Fr) => format!("l'initiative est déjà « {} ».", super::status_label(s, lang)),
            (S::SameStatus(s), Lang::En) => format!("the initiative is already `{}`.", super::status_label(s, lang)),
            (S::EvidenceDate { date, earliest, latest }, Lang::Fr) => format!("date de preuve {date} refusée : elle doit être entre le {earliest} et le {latest} (demain) ; une date à venir garderait la preuve fraîche pour toujours."),
            (S::EvidenceDate { date, earliest, latest }, Lang::En) => format!("evidence date {date} refused: it must be between {earliest} and {latest} (tomorrow); a date ahead would keep the evidence fresh forever."),
        }
    }
}
