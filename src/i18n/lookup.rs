//! The words of finding an initiative from what a person types: an id, its
//! beginning or end, or a name (`census::lookup`).

use super::Lang;

strings! { LookupText, lookup;
    unknown_id: "aucune initiative n'a d'identifiant qui commence ou finit par « {text} » (voir « recense list », colonne ID).", "no initiative has an id that begins or ends with `{text}` (see `recense list`, column ID).";
    unknown_name: "aucune initiative ne s'appelle « {text} », ni n'a ce texte en mots entiers dans son nom, ni un identifiant qui commence ou finit ainsi (voir « recense list »).", "no initiative is called `{text}` or has this text as whole words in its name, nor an id that begins or ends so (see `recense list`).";
    several_ids: "« {text} » désigne plusieurs initiatives ; tapez quelques caractères de plus de l'identifiant :", "`{text}` names several initiatives; type a few more characters of the id:";
    several_names: "« {text} » désigne plusieurs initiatives ; donnez son identifiant (ou sa fin, 4 caractères suffisent souvent) :", "`{text}` names several initiatives; give its id (or its end, 4 characters are often enough):";
    more_candidates: "  … et d'autres", "  … and others";
}
