//! The words of errors about files: syntax, reading, writing, forms, and the
//! findings of `validate`. One message per line, French then English.

use super::{Lang, Localized, list};
use crate::census::error::{LoadError, SaveError, SyntaxError};
use crate::census::file::footer::BroughtBack;
use crate::census::model::FORMAT_VERSION;
use crate::census::schema::{SchemaError, SchemaProblem};
use crate::census::validate::{Diagnostic, Problem, Severity};

/// An operating-system error in the user's language (the common ones).
pub fn io_error(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let (fr, en) = match e.kind() {
        K::NotFound => ("fichier ou dossier introuvable", "file or folder not found"),
        K::PermissionDenied => ("permission refusée", "permission denied"),
        K::StorageFull => ("disque plein", "disk full"),
        K::ReadOnlyFilesystem => (
            "système de fichiers en lecture seule",
            "read-only file system",
        ),
        K::AlreadyExists => ("le fichier existe déjà", "the file already exists"),
        K::IsADirectory => ("c'est un dossier", "it is a folder"),
        K::InvalidData => ("données illisibles", "unreadable data"),
        _ => return e.to_string(),
    };
    lang.pick(fr, en).to_string()
}

impl Localized for SyntaxError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use SyntaxError as S;
        let max = crate::census::file::MAX_VALUE_BYTES;
        match (self, lang) {
            (S::UnexpectedEnd, Lang::Fr) => "le fichier s'arrête trop tôt (guillemet, parenthèse ou crochet non fermé). Un fichier reçu par courriel est peut-être tronqué : demandez-en une nouvelle copie.".into(),
            (S::UnexpectedEnd, Lang::En) => "the file ends too early (unclosed quote, parenthesis or bracket). A file received by e-mail may be truncated: ask for a new copy.".into(),
            (S::Expected(","), Lang::Fr) => "« , » attendu ici ; il manque sans doute une virgule à la fin de la ligne précédente.".into(),
            (S::Expected(","), Lang::En) => "expected `,` here; a comma is probably missing at the end of the previous line.".into(),
            (S::Expected(what), Lang::Fr) => format!("« {what} » attendu ici ; vérifiez la ponctuation (virgules, parenthèses, guillemets)."),
            (S::Expected(what), Lang::En) => format!("expected `{what}` here; check the punctuation (commas, parentheses, quotes)."),
            (S::UnexpectedChar(c), Lang::Fr) => format!("caractère inattendu {c:?}."),
            (S::UnexpectedChar(c), Lang::En) => format!("unexpected character {c:?}."),
            (S::UnknownKey { found, expected }, Lang::Fr) => format!("clé inconnue « {found} » ; clés possibles : {}.", list(expected)),
            (S::UnknownKey { found, expected }, Lang::En) => format!("unknown key `{found}`; expected one of: {}.", list(expected)),
            (S::MissingKey(k), Lang::Fr) => format!("la clé « {k} » manque dans le bloc qui se termine ici."),
            (S::MissingKey(k), Lang::En) => format!("the key `{k}` is missing from the block that ends here."),
            (S::DuplicateKey(k), Lang::Fr) => format!("la clé « {k} » apparaît deux fois."),
            (S::DuplicateKey(k), Lang::En) => format!("the key `{k}` appears twice."),
            (S::UnknownVariant { found, expected }, Lang::Fr) => format!("« {found} » inconnu ; valeurs possibles : {}.", list(expected)),
            (S::UnknownVariant { found, expected }, Lang::En) => format!("unknown `{found}`; expected one of: {}.", list(expected)),
            (S::BadEscape, Lang::Fr) => "séquence d'échappement invalide dans un texte ; écrivez \\\\ pour une barre oblique inverse, \\\" pour un guillemet.".into(),
            (S::BadEscape, Lang::En) => "invalid escape in a text; write \\\\ for a backslash, \\\" for a quote.".into(),
            (S::BadStamp(s), Lang::Fr) => format!("tampon « {s} » invalide : attendu « agent:compteur date empreinte », par exemple \"k3x9q:2 2026-11-29T13:31:27Z 5e2a9c\". Pour ajouter une valeur à la main, écrivez-la seule : (\"valeur\")."),
            (S::BadStamp(s), Lang::En) => format!("invalid stamp `{s}`: expected `agent:counter date hash`, e.g. \"k3x9q:2 2026-11-29T13:31:27Z 5e2a9c\". To add a value by hand, write it alone: (\"value\")."),
            (S::BadInitiativeId(s), _) => super::ids::bad_initiative_id(s, lang),
            (S::BadAgentId(s), Lang::Fr) => format!("identifiant d'agent « {s} » invalide : au plus 12 lettres ou chiffres."),
            (S::BadAgentId(s), Lang::En) => format!("invalid agent id `{s}`: at most 12 letters or digits."),
            (S::BadLang(s), Lang::Fr) => format!("langue « {s} » inconnue : écrivez \"fr\" ou \"en\"."),
            (S::BadLang(s), Lang::En) => format!("unknown language `{s}`: write \"fr\" or \"en\"."),
            (S::ValueTooLong, Lang::Fr) => format!("valeur trop longue (au plus {max} octets)."),
            (S::ValueTooLong, Lang::En) => format!("value too long (at most {max} bytes)."),
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
            (S::CounterAtMax(d), _) => super::ids::counter_at_max(d, lang),
        }
    }
}

impl Localized for LoadError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use LoadError as L;
        match (self, lang) {
            (L::NotFound { path }, Lang::Fr) => format!("{}: fichier introuvable.", path.display()),
            (L::NotFound { path }, Lang::En) => format!("{}: file not found.", path.display()),
            (L::Io { path, error }, Lang::Fr) => format!("{}: lecture impossible ({}).", path.display(), io_error(error, lang)),
            (L::Io { path, error }, Lang::En) => format!("{}: cannot read ({}).", path.display(), io_error(error, lang)),
            (L::TooLarge { path, size, max }, Lang::Fr) => format!("{}: fichier trop gros ({size} octets, au plus {max}) : ce n'est probablement pas un recensement.", path.display()),
            (L::TooLarge { path, size, max }, Lang::En) => format!("{}: file too large ({size} bytes, at most {max}): probably not a census.", path.display()),
            (L::NotAFile { path }, Lang::Fr) => format!("{}: ce n'est pas un fichier mais un périphérique ; donnez le chemin d'un recensement (un fichier .ron).", path.display()),
            (L::NotAFile { path }, Lang::En) => format!("{}: this is a device, not a file; give the path of a census (a .ron file).", path.display()),
            (L::Syntax { location, error }, _) => format!("{location}: {}", error.localize(lang)),
            (L::NewerFormat { location, found }, Lang::Fr) => format!("{location}: ce fichier est au format {found}, plus récent que celui que cette version de recense comprend ({FORMAT_VERSION}). Mettez recense à jour ; le fichier n'a pas été modifié."),
            (L::NewerFormat { location, found }, Lang::En) => format!("{location}: this file uses format {found}, newer than this version of recense understands ({FORMAT_VERSION}). Update recense; the file was not changed."),
            (L::DuplicateInitiative { location, id }, Lang::Fr) => format!("{location}: l'initiative {id} apparaît deux fois ; supprimez l'une des deux copies."),
            (L::DuplicateInitiative { location, id }, Lang::En) => format!("{location}: initiative {id} appears twice; remove one of the copies."),
            (L::Schema { error, .. }, _) => error.localize(lang),
            (L::UnknownSchema { location, id }, Lang::Fr) => format!("{location}: le formulaire « {id} » est introuvable : placez son fichier dans schemas/{id}.ron à côté du recensement."),
            (L::UnknownSchema { location, id }, Lang::En) => format!("{location}: form `{id}` not found: put its file at schemas/{id}.ron beside the census."),
            (L::SchemaNotFound { path }, Lang::Fr) => format!("{}: fichier de formulaire introuvable.", path.display()),
            (L::SchemaNotFound { path }, Lang::En) => format!("{}: form file not found.", path.display()),
            (L::Compressed { path, format }, Lang::Fr) => format!("{}: ce fichier est compressé ({format}) : décompressez-le d'abord (par exemple « unzip FICHIER.zip » ou « gunzip FICHIER.gz », ou ouvrez-le dans le gestionnaire de fichiers), puis donnez le fichier .ron qu'il contient.", path.display()),
            (L::Compressed { path, format }, Lang::En) => format!("{}: this file is compressed ({format}): unzip it first (e.g. `unzip FILE.zip` or `gunzip FILE.gz`, or open it in the file manager), then give the .ron file it holds.", path.display()),
            (L::MailEncoded { location, encoding }, Lang::Fr) => format!("{location}: ce fichier est le texte d'un courriel encore encodé ({encoding}), pas la pièce jointe elle-même : dans le logiciel de courrier, enregistrez la pièce jointe (« Enregistrer sous… ») et donnez ce fichier-là."),
            (L::MailEncoded { location, encoding }, Lang::En) => format!("{location}: this file is the text of an e-mail still in its transfer encoding ({encoding}), not the attachment itself: in the mail program, save the attachment itself (“Save as…”) and give that file."),
            (L::WrappedLine { location }, Lang::Fr) => format!("{location}: cette ligne a été coupée en deux par le logiciel de courrier (le recensement a voyagé dans le corps du message) : enregistrez la pièce jointe elle-même, ou demandez qu'on vous l'envoie en pièce jointe."),
            (L::WrappedLine { location }, Lang::En) => format!("{location}: this line was wrapped by the mail program (the census travelled in the body of the message): save the attachment itself, or ask for it as an attachment."),
            (L::ConflictMarkers { location }, Lang::Fr) => { let f = shell_word(&location.file); format!("{location}: marques de conflit de git (<<<<<<<) : git a fusionné ce recensement comme un simple texte, sans recense. Pour refaire la fusion avec recense, sans rien perdre : recense --file {f} setup-git && git checkout -m {f} (puis git add {f} et git commit).") }
            (L::ConflictMarkers { location }, Lang::En) => { let f = shell_word(&location.file); format!("{location}: git conflict markers (<<<<<<<): git merged this census as plain text, without recense. To redo the merge with recense, losing nothing: recense --file {f} setup-git && git checkout -m {f} (then git add {f} and git commit).") }
            (L::NewerSchemaVersion { location, schema, found, known }, Lang::Fr) => format!("{location}: ce recensement a été fait avec la version {found} du formulaire « {schema} », plus récente que celle que connaît ce recense ({known}). Mettez recense à jour, ou placez la nouvelle version du formulaire dans schemas/{schema}.ron à côté du recensement ; rien n'a été modifié."),
            (L::NewerSchemaVersion { location, schema, found, known }, Lang::En) => format!("{location}: this census was recorded with version {found} of the form `{schema}`, newer than the one this recense knows ({known}). Update recense, or put the new version of the form at schemas/{schema}.ron beside the census; nothing was changed."),
        }
    }
}

/// At a merge into `file`: what came of the initiatives deleted by hand
/// from it, one line each.
pub fn brought_back(lang: Lang, file: &str, back: &BroughtBack) -> Vec<String> {
    match (back, lang) {
        (BroughtBack::Named(named), Lang::Fr) => named.iter().map(|(id, name)| format!("{file} : « {name} » ({id}) avait été supprimée à la main du fichier ; la fusion la ramène depuis la copie d'un collègue. Pour la supprimer pour de bon : recense delete {id}")).collect(),
        (BroughtBack::Named(named), Lang::En) => named.iter().map(|(id, name)| format!("{file}: `{name}` ({id}) had been deleted by hand from the file; the merge brings it back from a colleague's copy. To delete it for good: recense delete {id}")).collect(),
        (BroughtBack::Unrecognised(count), Lang::Fr) => vec![format!("{file} : {count} {} à la main du fichier ; si la fusion {}, {} avec « recense delete ID ».", lang.plural(*count, "initiative supprimée", "initiatives supprimées"), lang.plural(*count, "la ramène", "les ramène"), lang.plural(*count, "supprimez-la", "supprimez-les"))],
        (BroughtBack::Unrecognised(count), Lang::En) => vec![format!("{file}: {count} {} deleted by hand from the file; if the merge brings {them} back, delete {them} with `recense delete ID`.", lang.plural(*count, "initiative", "initiatives"), them = lang.plural(*count, "it", "them"))],
    }
}

/// A write to `file` from which initiative blocks had been deleted by hand.
pub fn deleted_before_write(lang: Lang, file: &str, count: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{file} : {count} {} à la main du fichier ; une copie d'un collègue qui {} à la fusion. Pour supprimer une initiative, utilisez « recense delete ID ».",
            lang.plural(
                count,
                "initiative avait été supprimée",
                "initiatives avaient été supprimées"
            ),
            lang.plural(count, "l'a encore la ramènera", "les a encore les ramènera"),
        ),
        Lang::En => format!(
            "{file}: {count} {} had been deleted by hand from the file; a colleague's copy that still has {them} will bring {them} back at a merge. To delete an initiative, use `recense delete ID`.",
            lang.plural(count, "initiative", "initiatives"),
            them = lang.plural(count, "it", "them"),
        ),
    }
}

/// A file name as typed in a shell: quoted when it holds anything else than
/// letters, digits and `._-/+@%:,=`.
fn shell_word(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || "._-/+@%:,=".contains(c));
    if plain {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

impl Localized for SaveError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use SaveError as S;
        match (self, lang) {
            (S::Io { path, error }, Lang::Fr) => format!("{}: écriture impossible ({}) ; le fichier précédent est intact.", path.display(), io_error(error, lang)),
            (S::Io { path, error }, Lang::En) => format!("{}: cannot write ({}); the previous file is intact.", path.display(), io_error(error, lang)),
            (S::Locked { path, holder }, Lang::Fr) => format!("{}: le recensement est ouvert par {} (processus {} sur {}) depuis {} ; attendez qu'il ait fini, ou fermez ce programme.", path.display(), holder.agent, holder.pid, holder.host, holder.since),
            (S::Locked { path, holder }, Lang::En) => format!("{}: the census is open by {} (process {} on {}) since {}; wait until they finish, or close that program.", path.display(), holder.agent, holder.pid, holder.host, holder.since),
            (S::AlreadyExists { path }, Lang::Fr) => format!("{}: ce fichier existe déjà ; il n'a pas été remplacé.", path.display()),
            (S::AlreadyExists { path }, Lang::En) => format!("{}: this file already exists; it was not replaced.", path.display()),
            (S::LockNotProvablyStale { path, lock, holder: Some(h) }, Lang::Fr) => format!("{}: le verrou {} a été laissé par {} (processus {} sur {}) depuis {}, et ce programme n'est peut-être pas arrêté ; vérifiez sur {} avec « ps -p {} », puis, s'il ne s'agit pas de recense, supprimez {}.", path.display(), lock.display(), h.agent, h.pid, h.host, h.since, h.host, h.pid, lock.display()),
            (S::LockNotProvablyStale { path, lock, holder: Some(h) }, Lang::En) => format!("{}: the lock {} was left by {} (process {} on {}) since {}, and that program may still run; check on {} with \"ps -p {}\", then, if it is not recense, remove {}.", path.display(), lock.display(), h.agent, h.pid, h.host, h.since, h.host, h.pid, lock.display()),
            (S::LockNotProvablyStale { path, lock, holder: None }, Lang::Fr) => format!("{}: le verrou {} est illisible ; vérifiez qu'aucun recense n'a ce recensement ouvert, puis supprimez {}.", path.display(), lock.display(), lock.display()),
            (S::LockNotProvablyStale { path, lock, holder: None }, Lang::En) => format!("{}: the lock {} cannot be read; check that no recense has this census open, then remove {}.", path.display(), lock.display(), lock.display()),
            (S::ChangedOnDisk { path, error }, Lang::Fr) => format!("{} a changé sur le disque pendant la session et ne peut pas être fusionné ({}) ; il n'a pas été remplacé, vos modifications restent dans le journal : corrigez le fichier, puis rouvrez-le.", path.display(), error.localize(lang)),
            (S::ChangedOnDisk { path, error }, Lang::En) => format!("{} changed on disk during the session and cannot be merged ({}); it was not replaced, your changes stay in the journal: fix the file, then open it again.", path.display(), error.localize(lang)),
            (S::ReadOnly { path }, Lang::Fr) => format!("{}: ce fichier est en lecture seule ; rien n'a été écrit. Pour l'autoriser : chmod u+w {}", path.display(), shell_word(&path.display().to_string())),
            (S::ReadOnly { path }, Lang::En) => format!("{}: this file is read-only; nothing was written. To allow writing: chmod u+w {}", path.display(), shell_word(&path.display().to_string())),
        }
    }
}

impl Localized for SchemaProblem {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use SchemaProblem as P;
        match (self, lang) {
            (P::Syntax(e), _) => e.localize(lang),
            (P::EmptyId, Lang::Fr) => "le formulaire n'a pas d'identifiant (id).".into(),
            (P::EmptyId, Lang::En) => "the form has no id.".into(),
            (P::DuplicateField(f), Lang::Fr) => format!("le champ « {f} » est défini deux fois."),
            (P::DuplicateField(f), Lang::En) => format!("field `{f}` is defined twice."),
            (P::BadFieldId(f), Lang::Fr) => format!("identifiant de champ « {f} » invalide : minuscules, chiffres et _, en commençant par une lettre."),
            (P::BadFieldId(f), Lang::En) => format!("invalid field id `{f}`: lowercase letters, digits and _, starting with a letter."),
            (P::UnknownStep { field, step }, Lang::Fr) => format!("le champ « {field} » est rangé dans l'étape « {step} », qui n'existe pas dans steps."),
            (P::UnknownStep { field, step }, Lang::En) => format!("field `{field}` belongs to step `{step}`, which is not in steps."),
            (P::DuplicateStep(s), Lang::Fr) => format!("l'étape « {s} » est définie deux fois."),
            (P::DuplicateStep(s), Lang::En) => format!("step `{s}` is defined twice."),
            (P::NoSteps, Lang::Fr) => "le formulaire n'a aucune étape.".into(),
            (P::NoSteps, Lang::En) => "the form has no step.".into(),
            (P::UnknownChoiceList { field, list }, Lang::Fr) => format!("le champ « {field} » utilise la liste « {list} », qui n'existe pas dans choices."),
            (P::UnknownChoiceList { field, list }, Lang::En) => format!("field `{field}` uses the list `{list}`, which is not in choices."),
            (P::EmptyChoiceList(l), Lang::Fr) => format!("la liste « {l} » est vide."),
            (P::EmptyChoiceList(l), Lang::En) => format!("list `{l}` is empty."),
            (P::DuplicateChoice { list, choice }, Lang::Fr) => format!("le choix « {choice} » apparaît deux fois dans la liste « {list} »."),
            (P::DuplicateChoice { list, choice }, Lang::En) => format!("choice `{choice}` appears twice in list `{list}`."),
            (P::BadChoiceId { list, choice }, Lang::Fr) => format!("identifiant « {choice} » invalide dans la liste « {list} » : minuscules, chiffres et _."),
            (P::BadChoiceId { list, choice }, Lang::En) => format!("invalid id `{choice}` in list `{list}`: lowercase letters, digits and _."),
            (P::BadPattern { field, error }, Lang::Fr) => format!("l'expression régulière du champ « {field} » est invalide ({error})."),
            (P::BadPattern { field, error }, Lang::En) => format!("the regular expression of field `{field}` is invalid ({error})."),
            (P::UnknownKind { field, kind }, Lang::Fr) => format!("le champ « {field} » s'applique au type « {kind} », qui n'est pas dans la liste des types."),
            (P::UnknownKind { field, kind }, Lang::En) => format!("field `{field}` applies to kind `{kind}`, which is not in the list of kinds."),
            (P::MissingSpecialField { role: "name", field }, Lang::Fr) => format!("le champ « {field} » (nom de l'initiative) manque."),
            (P::MissingSpecialField { field, .. }, Lang::Fr) => format!("le champ « {field} » (type de l'initiative) manque."),
            (P::MissingSpecialField { role, field }, Lang::En) => format!("field `{field}` (the initiative's {role}) is missing."),
            (P::KindFieldNotChoice(f), Lang::Fr) => format!("le champ « {f} » doit être de type Choice(\"liste\")."),
            (P::KindFieldNotChoice(f), Lang::En) => format!("field `{f}` must be of type Choice(\"list\")."),
            (P::UnknownRelayKind(k), Lang::Fr) => format!("relay_kinds : le type « {k} » n'est pas dans la liste des types."),
            (P::UnknownRelayKind(k), Lang::En) => format!("relay_kinds: kind `{k}` is not in the list of kinds."),
            (P::UnknownStatus(s), Lang::Fr) => format!("statut « {s} » inconnu ; statuts : {}.", crate::census::status::STATUSES.join(", ")),
            (P::UnknownStatus(s), Lang::En) => format!("unknown status `{s}`; statuses: {}.", crate::census::status::STATUSES.join(", ")),
            (P::UnknownRuleField(f), Lang::Fr) => format!("la règle demande le champ « {f} », qui n'existe pas dans fields."),
            (P::UnknownRuleField(f), Lang::En) => format!("the rule requires field `{f}`, which is not in fields."),
        }
    }
}

impl Localized for SchemaError {
    fn localize(&self, lang: Lang) -> String {
        self.problems
            .iter()
            .map(|p| format!("{}: {}", p.location, p.problem.localize(lang)))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl Localized for Diagnostic {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use Problem as P;
        let severity = match (self.problem.severity(), lang) {
            (Severity::Error, Lang::Fr) => "erreur",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::Fr) => "avertissement",
            (Severity::Warning, Lang::En) => "warning",
        };
        let q = crate::display::quoted;
        let field = q(self.field.as_deref().unwrap_or(""));
        let id = self.initiative.as_ref().map(|i| i.to_string()).unwrap_or_default();
        let what = match (&self.problem, lang) {
            (P::MissingRequired, Lang::Fr) => format!("{id} : le champ obligatoire « {field} » est vide."),
            (P::MissingRequired, Lang::En) => format!("{id}: required field `{field}` is empty."),
            (P::InvalidValue { value, error }, Lang::Fr) => format!("{id} : {} (corrigez avec « recense edit {id} --set {field}=… »)", super::value_error(&field, value, error, lang)),
            (P::InvalidValue { value, error }, Lang::En) => format!("{id} : {} (correct it with `recense edit {id} --set {field}=…`)", super::value_error(&field, value, error, lang)),
            (P::NotCanonical { value, canonical }, Lang::Fr) => format!("{id} : {field}={} sera écrit « {} » à la prochaine modification.", q(value), q(canonical)),
            (P::NotCanonical { value, canonical }, Lang::En) => format!("{id}: {field}={} will be written `{}` at the next change.", q(value), q(canonical)),
            (P::UnknownField, Lang::Fr) => format!("{id} : champ « {field} » inconnu du formulaire ; il est conservé tel quel."),
            (P::UnknownField, Lang::En) => format!("{id}: field `{field}` is unknown to the form; it is kept as is."),
            (P::NotForKind { kind }, Lang::Fr) => format!("{id} : le champ « {field} » ne s'applique pas au type « {} ».", q(kind)),
            (P::NotForKind { kind }, Lang::En) => format!("{id}: field `{field}` does not apply to kind `{}`.", q(kind)),
            (P::Conflict { values }, Lang::Fr) => format!("{id} : conflit sur « {field} » : {} (modifiés en parallèle ; choisissez avec « recense resolve {id} {field} --pick N » ou --set VALEUR).", values.iter().map(|v| q(v)).collect::<Vec<_>>().join(" / ")),
            (P::Conflict { values }, Lang::En) => format!("{id}: conflict on `{field}`: {} (changed concurrently; choose with `recense resolve {id} {field} --pick N` or --set VALUE).", values.iter().map(|v| q(v)).collect::<Vec<_>>().join(" / ")),
            (P::HandEdited, Lang::Fr) => format!("{id} : « {field} » a été modifié à la main dans le fichier ; la modification est conservée."),
            (P::HandEdited, Lang::En) => format!("{id}: `{field}` was edited by hand in the file; the edit is kept."),
            (P::DanglingRelation { target }, Lang::Fr) => format!("{id} : « {field} » renvoie à {}, absente de ce fichier.", q(target)),
            (P::DanglingRelation { target }, Lang::En) => format!("{id}: `{field}` points to {}, not in this file.", q(target)),
            (P::ChecksumMismatch, Lang::Fr) => "la somme de contrôle ne correspond pas : le fichier a été modifié hors de recense (à la main, ou abîmé en route).".into(),
            (P::ChecksumMismatch, Lang::En) => "the checksum does not match: the file was changed outside recense (by hand, or damaged on the way).".into(),
            (P::ChecksumMissing, Lang::Fr) => "pas de somme de contrôle : le fichier n'a pas été écrit par recense, ou il est tronqué.".into(),
            (P::ChecksumMissing, Lang::En) => "no checksum: the file was not written by recense, or it is truncated.".into(),
            (P::WrappedByMail, Lang::Fr) => "cette ligne a été coupée en deux par le logiciel de courrier (le recensement a voyagé dans le corps du message) : enregistrez la pièce jointe elle-même, ou demandez qu'on vous l'envoie en pièce jointe.".into(),
            (P::WrappedByMail, Lang::En) => "this line was wrapped by the mail program (the census travelled in the body of the message): save the attachment itself, or ask for it as an attachment.".into(),
            (P::DeletedByHand { count, recorded }, Lang::Fr) => format!("{count} {} à la main du fichier (recense en avait écrit {recorded}) : un collègue qui {} à la prochaine fusion. Pour supprimer une initiative, utilisez « recense delete ID ».", lang.plural(*count, "initiative supprimée", "initiatives supprimées"), lang.plural(*count, "l'a encore la ramènera", "les a encore les ramènera")),
            (P::DeletedByHand { count, recorded }, Lang::En) => format!("{count} {} deleted by hand from the file (recense had written {recorded}): a colleague who still has {them} will bring {them} back at the next merge. To delete an initiative, use `recense delete ID`.", lang.plural(*count, "initiative", "initiatives"), them = lang.plural(*count, "it", "them")),
            (P::FusionCycle { cycle }, _) => super::fusion::cycle_line(cycle, lang),
            (P::AgentNameControl { agent }, Lang::Fr) => format!("le nom d'agent de « {agent} » contient un caractère de contrôle (séquence d'échappement, saut de ligne) : corrigez-le à la main dans le fichier."),
            (P::AgentNameControl { agent }, Lang::En) => format!("the agent name of `{agent}` holds a control character (an escape sequence, a line break): correct it by hand in the file."),
            (P::JournalRecordSkipped, Lang::Fr) => "modification du journal incomplète (écriture interrompue : arrêt brutal ou disque plein), ignorée ; elle n'avait pas été enregistrée. Les autres modifications sont gardées ; la prochaine sauvegarde vide le journal.".into(),
            (P::CommuneInseeMismatch { commune, insee, of_code }, _) => format!("{id}{} {}", lang.pick(" :", ":"), super::communes::insee_mismatch(&id, commune, insee, of_code, lang)),
            (P::FormerCommune { commune, current, code }, _) => format!("{id}{} {}", lang.pick(" :", ":"), super::communes::former_found(commune, current, code, lang)),
            (P::JournalRecordSkipped, Lang::En) => "incomplete change in the journal (writing interrupted: a crash or a full disk), skipped; it had not been saved. The other changes are kept; the next save empties the journal.".into(),
            (P::IdInSmallLetters { typed }, _) => super::ids::id_in_small_letters(typed, lang),
        };
        format!("{}: {severity}: {what}", self.location)
    }
}
