//! The words of the core's errors and diagnostics.

use super::{Lang, Localized};
use crate::census::error::{LoadError, SaveError, SyntaxError};
use crate::census::model::LookupError;
use crate::census::ops::OpError;
use crate::census::schema::SchemaProblem;
use crate::census::value::ValueError;

fn list(items: &[String]) -> String {
    const MAX: usize = 30;
    let mut s = items
        .iter()
        .take(MAX)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > MAX {
        s.push_str(", …");
    }
    s
}

impl Localized for SyntaxError {
    fn localize(&self, lang: Lang) -> String {
        use SyntaxError as S;
        match (self, lang) {
            (S::UnexpectedEnd, Lang::Fr) => "le fichier s'arrête trop tôt (guillemet, parenthèse ou crochet non fermé). Un fichier reçu par courriel est peut-être tronqué : demandez-en une nouvelle copie.".into(),
            (S::UnexpectedEnd, Lang::En) => "the file ends too early (unclosed quote, parenthesis or bracket). A file received by e-mail may be truncated: ask for a new copy.".into(),
            (S::Expected(what), Lang::Fr) => format!("« {what} » attendu ici ; vérifiez la ponctuation (virgules, parenthèses, guillemets)."),
            (S::Expected(what), Lang::En) => format!("expected `{what}` here; check the punctuation (commas, parentheses, quotes)."),
            (S::UnexpectedChar(c), Lang::Fr) => format!("caractère inattendu {c:?}."),
            (S::UnexpectedChar(c), Lang::En) => format!("unexpected character {c:?}."),
            (S::UnknownKey { found, expected }, Lang::Fr) => format!("clé inconnue « {found} » ; clés possibles : {}.", list(expected)),
            (S::UnknownKey { found, expected }, Lang::En) => format!("unknown key `{found}`; expected one of: {}.", list(expected)),
            (S::MissingKey(k), Lang::Fr) => format!("la clé « {k} » manque."),
            (S::MissingKey(k), Lang::En) => format!("the key `{k}` is missing."),
            (S::DuplicateKey(k), Lang::Fr) => format!("la clé « {k} » apparaît deux fois."),
            (S::DuplicateKey(k), Lang::En) => format!("the key `{k}` appears twice."),
            (S::UnknownVariant { found, expected }, Lang::Fr) => format!("« {found} » inconnu ; valeurs possibles : {}.", list(expected)),
            (S::UnknownVariant { found, expected }, Lang::En) => format!("unknown `{found}`; expected one of: {}.", list(expected)),
            (S::BadEscape(m), Lang::Fr) => format!("séquence d'échappement invalide dans un texte ({m}) ; écrivez \\\\ pour une barre oblique inverse."),
            (S::BadEscape(m), Lang::En) => format!("invalid escape in a text ({m}); write \\\\ for a backslash."),
            (S::TooDeep, Lang::Fr) => "imbrication trop profonde : ce n'est pas un fichier recense.".into(),
            (S::TooDeep, Lang::En) => "nesting too deep: this is not a recense file.".into(),
            (S::TrailingCharacters, Lang::Fr) => "texte en trop après la fin des données.".into(),
            (S::TrailingCharacters, Lang::En) => "extra text after the end of the data.".into(),
            (S::BadNumber, Lang::Fr) => "nombre entier attendu.".into(),
            (S::BadNumber, Lang::En) => "whole number expected.".into(),
            (S::NotUtf8, Lang::Fr) => "le fichier n'est pas en UTF-8 (enregistrez-le en UTF-8, par exemple avec « :set fenc=utf-8 » dans vim).".into(),
            (S::NotUtf8, Lang::En) => "the file is not UTF-8 (save it as UTF-8, e.g. `:set fenc=utf-8` in vim).".into(),
            (S::Message(m), Lang::Fr) => format!("valeur invalide : {m}."),
            (S::Message(m), Lang::En) => format!("invalid value: {m}."),
        }
    }
}

impl Localized for LoadError {
    fn localize(&self, lang: Lang) -> String {
        use LoadError as L;
        match (self, lang) {
            (L::NotFound { path }, Lang::Fr) => format!(
                "{}: fichier introuvable. Créez un recensement avec « recense init ».",
                path.display()
            ),
            (L::NotFound { path }, Lang::En) => format!(
                "{}: file not found. Create a census with `recense init`.",
                path.display()
            ),
            (L::Io { path, error }, Lang::Fr) => {
                format!("{}: lecture impossible ({error}).", path.display())
            }
            (L::Io { path, error }, Lang::En) => {
                format!("{}: cannot read ({error}).", path.display())
            }
            (L::TooLarge { path, size, max }, Lang::Fr) => format!(
                "{}: fichier trop gros ({size} octets, au plus {max}) : ce n'est probablement pas un recensement.",
                path.display()
            ),
            (L::TooLarge { path, size, max }, Lang::En) => format!(
                "{}: file too large ({size} bytes, at most {max}): probably not a census.",
                path.display()
            ),
            (L::Syntax { location, error }, _) => format!("{location}: {}", error.localize(lang)),
            (L::NewerFormat { path, found }, Lang::Fr) => format!(
                "{}: ce fichier est au format {found}, plus récent que celui que cette version de recense comprend ({}). Mettez recense à jour ; le fichier n'a pas été modifié.",
                path.display(),
                crate::census::model::FORMAT_VERSION
            ),
            (L::NewerFormat { path, found }, Lang::En) => format!(
                "{}: this file uses format {found}, newer than this version of recense understands ({}). Update recense; the file was not changed.",
                path.display(),
                crate::census::model::FORMAT_VERSION
            ),
            (L::DuplicateInitiative { location, id }, Lang::Fr) => format!(
                "{location}: l'initiative {id} apparaît deux fois ; supprimez l'une des deux copies."
            ),
            (L::DuplicateInitiative { location, id }, Lang::En) => {
                format!("{location}: initiative {id} appears twice; remove one of the copies.")
            }
            (L::ValueTooLong { location, max }, Lang::Fr) => {
                format!("{location}: valeur trop longue (au plus {max} octets).")
            }
            (L::ValueTooLong { location, max }, Lang::En) => {
                format!("{location}: value too long (at most {max} bytes).")
            }
            (L::Schema { error, .. }, _) => error.localize(lang),
            (L::UnknownSchema { path, id }, Lang::Fr) => format!(
                "{}: le formulaire « {id} » est introuvable ; donnez-le avec --schema FICHIER.",
                path.display()
            ),
            (L::UnknownSchema { path, id }, Lang::En) => format!(
                "{}: form `{id}` not found; give it with --schema FILE.",
                path.display()
            ),
        }
    }
}

impl Localized for SaveError {
    fn localize(&self, lang: Lang) -> String {
        use SaveError as S;
        match (self, lang) {
            (S::Io { path, error }, Lang::Fr) => format!(
                "{}: écriture impossible ({error}) ; le fichier précédent est intact.",
                path.display()
            ),
            (S::Io { path, error }, Lang::En) => format!(
                "{}: cannot write ({error}); the previous file is intact.",
                path.display()
            ),
            (S::Locked { path, holder }, Lang::Fr) => format!(
                "{}: le recensement est ouvert par {} (processus {} sur {}) depuis {} ; attendez qu'il ait fini, ou fermez ce programme.",
                path.display(),
                holder.agent,
                holder.pid,
                holder.host,
                holder.since
            ),
            (S::Locked { path, holder }, Lang::En) => format!(
                "{}: the census is open by {} (process {} on {}) since {}; wait until they finish, or close that program.",
                path.display(),
                holder.agent,
                holder.pid,
                holder.host,
                holder.since
            ),
            (S::AlreadyExists { path }, Lang::Fr) => format!(
                "{}: ce fichier existe déjà ; il n'a pas été remplacé.",
                path.display()
            ),
            (S::AlreadyExists { path }, Lang::En) => format!(
                "{}: this file already exists; it was not replaced.",
                path.display()
            ),
        }
    }
}

impl Localized for SchemaProblem {
    fn localize(&self, lang: Lang) -> String {
        use SchemaProblem as P;
        match (self, lang) {
            (P::Syntax(e), _) => e.localize(lang),
            (P::EmptyId, Lang::Fr) => "le formulaire n'a pas d'identifiant (id).".into(),
            (P::EmptyId, Lang::En) => "the form has no id.".into(),
            (P::DuplicateField(f), Lang::Fr) => format!("le champ « {f} » est défini deux fois."),
            (P::DuplicateField(f), Lang::En) => format!("field `{f}` is defined twice."),
            (P::BadFieldId(f), Lang::Fr) => format!(
                "identifiant de champ « {f} » invalide : minuscules, chiffres et _, en commençant par une lettre."
            ),
            (P::BadFieldId(f), Lang::En) => format!(
                "invalid field id `{f}`: lowercase letters, digits and _, starting with a letter."
            ),
            (P::UnknownStep { field, step }, Lang::Fr) => format!(
                "le champ « {field} » est rangé dans l'étape « {step} », qui n'existe pas dans steps."
            ),
            (P::UnknownStep { field, step }, Lang::En) => {
                format!("field `{field}` belongs to step `{step}`, which is not in steps.")
            }
            (P::DuplicateStep(s), Lang::Fr) => format!("l'étape « {s} » est définie deux fois."),
            (P::DuplicateStep(s), Lang::En) => format!("step `{s}` is defined twice."),
            (P::NoSteps, Lang::Fr) => "le formulaire n'a aucune étape.".into(),
            (P::NoSteps, Lang::En) => "the form has no step.".into(),
            (P::UnknownChoiceList { field, list }, Lang::Fr) => format!(
                "le champ « {field} » utilise la liste « {list} », qui n'existe pas dans choices."
            ),
            (P::UnknownChoiceList { field, list }, Lang::En) => {
                format!("field `{field}` uses the list `{list}`, which is not in choices.")
            }
            (P::EmptyChoiceList(l), Lang::Fr) => format!("la liste « {l} » est vide."),
            (P::EmptyChoiceList(l), Lang::En) => format!("list `{l}` is empty."),
            (P::DuplicateChoice { list, choice }, Lang::Fr) => {
                format!("le choix « {choice} » apparaît deux fois dans la liste « {list} ».")
            }
            (P::DuplicateChoice { list, choice }, Lang::En) => {
                format!("choice `{choice}` appears twice in list `{list}`.")
            }
            (P::BadChoiceId { list, choice }, Lang::Fr) => format!(
                "identifiant « {choice} » invalide dans la liste « {list} » : minuscules, chiffres et _."
            ),
            (P::BadChoiceId { list, choice }, Lang::En) => {
                format!("invalid id `{choice}` in list `{list}`: lowercase letters, digits and _.")
            }
            (P::BadPattern { field, error }, Lang::Fr) => {
                format!("l'expression régulière du champ « {field} » est invalide : {error}")
            }
            (P::BadPattern { field, error }, Lang::En) => {
                format!("the regular expression of field `{field}` is invalid: {error}")
            }
            (P::UnknownKind { field, kind }, Lang::Fr) => format!(
                "le champ « {field} » s'applique au type « {kind} », qui n'est pas dans la liste des types."
            ),
            (P::UnknownKind { field, kind }, Lang::En) => format!(
                "field `{field}` applies to kind `{kind}`, which is not in the list of kinds."
            ),
            (P::MissingSpecialField { role, field }, Lang::Fr) => format!(
                "le champ « {field} » ({}) manque.",
                if *role == "name" {
                    "nom de l'initiative"
                } else {
                    "type de l'initiative"
                }
            ),
            (P::MissingSpecialField { role, field }, Lang::En) => {
                format!("field `{field}` (the initiative's {role}) is missing.")
            }
            (P::KindFieldNotChoice(f), Lang::Fr) => {
                format!("le champ « {f} » doit être de type Choice(\"liste\").")
            }
            (P::KindFieldNotChoice(f), Lang::En) => {
                format!("field `{f}` must be of type Choice(\"list\").")
            }
        }
    }
}

/// A value error for a named field.
pub fn value_error(field: &str, value: &str, error: &ValueError, lang: Lang) -> String {
    use ValueError as V;
    let what = match (error, lang) {
        (V::Empty, Lang::Fr) => "valeur vide".into(),
        (V::Empty, Lang::En) => "empty value".into(),
        (V::TooLong { max }, Lang::Fr) => format!("trop long (au plus {max} caractères)"),
        (V::TooLong { max }, Lang::En) => format!("too long (at most {max} characters)"),
        (V::ControlCharacter, Lang::Fr) => "caractère de contrôle interdit".into(),
        (V::ControlCharacter, Lang::En) => "control character not allowed".into(),
        (V::NotInList { accepted }, Lang::Fr) => {
            format!("choix inconnu ; valeurs acceptées : {}", list(accepted))
        }
        (V::NotInList { accepted }, Lang::En) => {
            format!("unknown choice; accepted values: {}", list(accepted))
        }
        (V::Url, Lang::Fr) => "adresse web invalide (attendu : https://exemple.fr)".into(),
        (V::Url, Lang::En) => "invalid web address (expected: https://example.org)".into(),
        (V::Email, Lang::Fr) => "courriel invalide (attendu : nom@domaine.fr)".into(),
        (V::Email, Lang::En) => "invalid e-mail (expected: name@domain.org)".into(),
        (V::Phone, Lang::Fr) => "numéro invalide (attendu : 02 98 00 12 34 ou +33298001234)".into(),
        (V::Phone, Lang::En) => "invalid number (expected: 02 98 00 12 34 or +33298001234)".into(),
        (V::PostalCode, Lang::Fr) => "code postal invalide (cinq chiffres)".into(),
        (V::PostalCode, Lang::En) => "invalid postcode (five digits)".into(),
        (V::InseeCode, Lang::Fr) => {
            "code INSEE invalide (cinq caractères, 2A/2B pour la Corse)".into()
        }
        (V::InseeCode, Lang::En) => {
            "invalid INSEE code (five characters, 2A/2B for Corsica)".into()
        }
        (V::SiretFormat, Lang::Fr) => "SIRET invalide : quatorze chiffres attendus".into(),
        (V::SiretFormat, Lang::En) => "invalid SIRET: fourteen digits expected".into(),
        (V::SiretChecksum, Lang::Fr) => {
            "SIRET invalide : la clé de contrôle ne correspond pas (chiffre mal recopié ?)".into()
        }
        (V::SiretChecksum, Lang::En) => {
            "invalid SIRET: the check digit does not match (a digit mistyped?)".into()
        }
        (V::Rna, Lang::Fr) => "numéro RNA invalide (W suivi de neuf chiffres)".into(),
        (V::Rna, Lang::En) => "invalid RNA number (W followed by nine digits)".into(),
        (V::Date, Lang::Fr) => "date invalide (AAAA-MM-JJ ou JJ/MM/AAAA)".into(),
        (V::Date, Lang::En) => "invalid date (YYYY-MM-DD or DD/MM/YYYY)".into(),
        (V::GeoPointFormat, Lang::Fr) => {
            "coordonnées invalides (attendu : latitude,longitude, par exemple 48.39,-4.48)".into()
        }
        (V::GeoPointFormat, Lang::En) => {
            "invalid coordinates (expected: latitude,longitude, e.g. 48.39,-4.48)".into()
        }
        (V::Latitude, Lang::Fr) => "latitude hors limites (entre -90 et 90)".into(),
        (V::Latitude, Lang::En) => "latitude out of range (between -90 and 90)".into(),
        (V::Longitude, Lang::Fr) => "longitude hors limites (entre -180 et 180)".into(),
        (V::Longitude, Lang::En) => "longitude out of range (between -180 and 180)".into(),
        (V::RelationFormat, Lang::Fr) => {
            "relation invalide (attendu : TYPE:ID, par exemple heberge:01JD…)".into()
        }
        (V::RelationFormat, Lang::En) => {
            "invalid relation (expected: KIND:ID, e.g. heberge:01JD…)".into()
        }
        (V::RelationKind { accepted }, Lang::Fr) => format!(
            "type de relation inconnu ; types acceptés : {}",
            list(accepted)
        ),
        (V::RelationKind { accepted }, Lang::En) => {
            format!("unknown relation kind; accepted kinds: {}", list(accepted))
        }
        (
            V::Constraint {
                message_fr,
                message_en,
            },
            _,
        ) => lang.pick(message_fr, message_en).to_string(),
    };
    if value.is_empty() {
        format!("{field}: {what}")
    } else {
        format!("{field}={value}: {what}")
    }
}

impl Localized for LookupError {
    fn localize(&self, lang: Lang) -> String {
        match (self, lang) {
            (LookupError::NotFound(p), Lang::Fr) => {
                format!("aucune initiative n'a l'identifiant « {p} » (voir « recense list »).")
            }
            (LookupError::NotFound(p), Lang::En) => {
                format!("no initiative has the id `{p}` (see `recense list`).")
            }
            (LookupError::Ambiguous { prefix, candidates }, Lang::Fr) => format!(
                "« {prefix} » désigne plusieurs initiatives ({}) ; tapez quelques caractères de plus.",
                list(&candidates.iter().map(|c| c.to_string()).collect::<Vec<_>>())
            ),
            (LookupError::Ambiguous { prefix, candidates }, Lang::En) => format!(
                "`{prefix}` names several initiatives ({}); type a few more characters.",
                list(&candidates.iter().map(|c| c.to_string()).collect::<Vec<_>>())
            ),
        }
    }
}

impl Localized for OpError {
    fn localize(&self, lang: Lang) -> String {
        use OpError as O;
        match (self, lang) {
            (O::BadAssignment(a), Lang::Fr) => format!("« {a} » : attendu CHAMP=VALEUR."),
            (O::BadAssignment(a), Lang::En) => format!("`{a}`: expected FIELD=VALUE."),
            (O::UnknownField { field, known }, Lang::Fr) => format!(
                "champ inconnu « {field} » ; champs du formulaire : {}.",
                list(known)
            ),
            (O::UnknownField { field, known }, Lang::En) => format!(
                "unknown field `{field}`; the form's fields: {}.",
                list(known)
            ),
            (O::SystemField(f), Lang::Fr) => {
                format!("« {f} » est un champ interne de recense et ne se modifie pas ainsi.")
            }
            (O::SystemField(f), Lang::En) => {
                format!("`{f}` is an internal field of recense and cannot be changed this way.")
            }
            (
                O::Invalid {
                    field,
                    value,
                    error,
                },
                _,
            ) => value_error(field, value, error, lang),
            (O::NotMulti { field }, Lang::Fr) => {
                format!("le champ « {field} » n'a qu'une valeur ; ne le donnez qu'une fois.")
            }
            (O::NotMulti { field }, Lang::En) => {
                format!("field `{field}` holds one value; give it once.")
            }
            (O::MissingRequired { fields }, Lang::Fr) => format!(
                "champs obligatoires manquants : {} (ajoutez --set CHAMP=VALEUR).",
                list(fields)
            ),
            (O::MissingRequired { fields }, Lang::En) => format!(
                "required fields missing: {} (add --set FIELD=VALUE).",
                list(fields)
            ),
            (O::NotForKind { field, kind, kinds }, Lang::Fr) => format!(
                "le champ « {field} » ne s'applique pas au type « {kind} » (seulement : {}).",
                list(kinds)
            ),
            (O::NotForKind { field, kind, kinds }, Lang::En) => format!(
                "field `{field}` does not apply to kind `{kind}` (only: {}).",
                list(kinds)
            ),
            (O::Lookup(e), _) => e.localize(lang),
            (O::RelationTarget { field, error }, _) => format!("{field}: {}", error.localize(lang)),
            (O::RelationToItself { field }, Lang::Fr) => {
                format!("{field} : une initiative ne peut pas être reliée à elle-même.")
            }
            (O::RelationToItself { field }, Lang::En) => {
                format!("{field}: an initiative cannot be related to itself.")
            }
            (O::Deleted(id), Lang::Fr) => format!("l'initiative {id} est supprimée."),
            (O::Deleted(id), Lang::En) => format!("initiative {id} is deleted."),
            (O::NotDeleted(id), Lang::Fr) => format!("l'initiative {id} n'est pas supprimée."),
            (O::NotDeleted(id), Lang::En) => format!("initiative {id} is not deleted."),
        }
    }
}

impl Localized for crate::census::validate::Diagnostic {
    fn localize(&self, lang: Lang) -> String {
        use crate::census::validate::{Problem as P, Severity};
        let severity = match (self.problem.severity(), lang) {
            (Severity::Error, Lang::Fr) => "erreur",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Fr) => "avertissement",
            (Severity::Warning, Lang::En) => "warning",
        };
        let field = self.field.as_deref().unwrap_or("");
        let id = self
            .initiative
            .as_ref()
            .map(|i| i.to_string())
            .unwrap_or_default();
        let what = match (&self.problem, lang) {
            (P::MissingRequired, Lang::Fr) => format!("{id} : le champ obligatoire « {field} » est vide."),
            (P::MissingRequired, Lang::En) => format!("{id}: required field `{field}` is empty."),
            (P::InvalidValue { value, error }, _) => format!("{id} : {}", value_error(field, value, error, lang)),
            (P::NotCanonical { value, canonical }, Lang::Fr) => format!("{id} : {field}={value} sera écrit « {canonical} » à la prochaine modification."),
            (P::NotCanonical { value, canonical }, Lang::En) => format!("{id}: {field}={value} will be written `{canonical}` at the next change."),
            (P::UnknownField, Lang::Fr) => format!("{id} : champ « {field} » inconnu du formulaire ; il est conservé tel quel."),
            (P::UnknownField, Lang::En) => format!("{id}: field `{field}` is unknown to the form; it is kept as is."),
            (P::NotForKind { kind }, Lang::Fr) => format!("{id} : le champ « {field} » ne s'applique pas au type « {kind} »."),
            (P::NotForKind { kind }, Lang::En) => format!("{id}: field `{field}` does not apply to kind `{kind}`."),
            (P::Conflict { values }, Lang::Fr) => format!("{id} : conflit sur « {field} » : {} (modifiés en parallèle ; choisissez avec « recense edit »).", values.join(" / ")),
            (P::Conflict { values }, Lang::En) => format!("{id}: conflict on `{field}`: {} (changed concurrently; choose with `recense edit`).", values.join(" / ")),
            (P::HandEdited, Lang::Fr) => format!("{id} : « {field} » a été modifié à la main dans le fichier ; la modification est conservée."),
            (P::HandEdited, Lang::En) => format!("{id}: `{field}` was edited by hand in the file; the edit is kept."),
            (P::DanglingRelation { target }, Lang::Fr) => format!("{id} : « {field} » renvoie à {target}, absente de ce fichier."),
            (P::DanglingRelation { target }, Lang::En) => format!("{id}: `{field}` points to {target}, not in this file."),
            (P::ChecksumMismatch, Lang::Fr) => "la somme de contrôle ne correspond pas : le fichier a été modifié hors de recense (à la main, ou abîmé en route).".into(),
            (P::ChecksumMismatch, Lang::En) => "the checksum does not match: the file was changed outside recense (by hand, or damaged on the way).".into(),
            (P::ChecksumMissing, Lang::Fr) => "pas de somme de contrôle : le fichier n'a pas été écrit par recense, ou il est tronqué.".into(),
            (P::ChecksumMissing, Lang::En) => "no checksum: the file was not written by recense, or it is truncated.".into(),
        };
        format!("{}: {severity}: {what}", self.location)
    }
}
