//! The words of the names every write bears: initiative ids (ULIDs) and the
//! counters of the dots (`agent:counter`).

use super::{Lang, Localized};
use crate::census::model::{CounterExhausted, Dot};

/// A counter at its maximum found in a file (`detail` is `agent:counter`).
pub fn counter_at_max(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "compteur « {detail} » à son maximum : aucune modification ne pourrait le suivre, et recense ne le fait jamais repartir à 0. Le fichier est abîmé ou fabriqué. S'il a été reçu, ne le fusionnez pas : demandez-en une nouvelle copie. S'il s'agit de votre recensement, reprenez sa sauvegarde (.bak) ou une version dans git (recense restore-from)."
        ),
        Lang::En => format!(
            "counter `{detail}` at its maximum: no change could follow it, and recense never wraps it back to 0. The file is damaged or forged. If it was received, do not merge it: ask for a new copy. If it is your census, take back its backup (.bak) or a version from git (recense restore-from)."
        ),
    }
}

impl Localized for CounterExhausted {
    fn localize(&self, lang: Lang) -> String {
        let (id, agent, max) = (&self.id, &self.agent, Dot::MAX_COUNTER);
        match lang {
            Lang::Fr => format!(
                "initiative {id} : le compteur de l'agent {agent} est à son maximum ({max}), aucune modification de plus ne peut y être numérotée. Rien n'a été modifié. Ce compteur vient d'un fichier abîmé ou fabriqué : cherchez-le avec « recense validate », et modifiez cette initiative sous un autre nom d'agent (--as NOM)."
            ),
            Lang::En => format!(
                "initiative {id}: the counter of agent {agent} is at its maximum ({max}), no further change can be numbered in it. Nothing was changed. This counter comes from a damaged or forged file: look for it with `recense validate`, and change this initiative under another agent name (--as NAME)."
            ),
        }
    }
}

/// An initiative id in a file that is not a ULID.
pub fn bad_initiative_id(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!(
            "identifiant d'initiative « {id} » invalide : recense donne à chaque initiative un ULID de 26 caractères (chiffres et lettres sauf I, L, O, U), par exemple 01M8KBYJ808GACQFDEPG38BYMN. Remettez l'identifiant d'origine (« recense list » les montre) ; pour une nouvelle initiative, utilisez « recense add »."
        ),
        Lang::En => format!(
            "invalid initiative id `{id}`: recense gives each initiative a ULID of 26 characters (digits and letters except I, L, O, U), e.g. 01M8KBYJ808GACQFDEPG38BYMN. Put the original id back (`recense list` shows them); for a new initiative, use `recense add`."
        ),
    }
}

/// An initiative id in small letters, read as the same id in capitals.
pub fn id_in_small_letters(typed: &str, lang: Lang) -> String {
    let upper = typed.to_ascii_uppercase();
    match lang {
        Lang::Fr => format!(
            "identifiant « {typed} » écrit en minuscules : lu comme {upper} (la même initiative), il sera écrit en majuscules à la prochaine modification."
        ),
        Lang::En => format!(
            "id `{typed}` written in small letters: read as {upper} (the same initiative), it will be written in capitals at the next change."
        ),
    }
}
