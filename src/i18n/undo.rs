//! The words of going back: `recense undo`, `recense restore-from`, and the
//! doctor's check of a census that went back in time.

use super::{Lang, Localized, fill, list};
use crate::census::restore::{SourceError, UndoError};
use crate::census::timeline::{WentBack, Witness};

strings! { UndoText, undo;
    undone: "Annulé : la dernière modification enregistrée dans {file} ({n} {n:initiative|initiatives}) :", "Undone: the last change saved in {file} ({n} {n:initiatives|initiative|initiatives}):";
    restored_from: "Repris de {source} : {n} {n:initiative modifiée|initiatives modifiées} :", "Taken back from {source}: {n} {n:initiatives|initiative|initiatives} changed:";
    field_line: "  {id} {name} : {field} « {before} » → « {after} »", "  {id} {name}: {field} `{before}` → `{after}`";
    empty_value: "(vide)", "(empty)";
    undeleted_line: "  {id} {name} : restaurée (supprimée depuis)", "  {id} {name}: restored (deleted since)";
    deleted_line: "  {id} {name} : supprimée, comme dans {source}", "  {id} {name}: deleted, as in {source}";
    added_line: "  {id} {name} : reprise entière (elle manquait ici)", "  {id} {name}: taken whole (it was missing here)";
    deleted_created_line: "  {id} {name} : supprimée (créée par la modification annulée ; « recense restore {id} » la ramène)", "  {id} {name}: deleted (created by the undone change; `recense restore {id}` brings it back)";
    created_since: "{n} {n:initiative créée|initiatives créées} depuis {source}, {n:laissée telle quelle|laissées telles quelles} : {list}", "{n} {n:initiatives|initiative|initiatives} created since {source}, left as {n:they are|it is|they are}: {list}";
    new_writes: "Ce sont de nouvelles modifications, à votre nom : elles tiendront aux prochaines fusions.", "These are new edits, in your name: they will hold through the next merges.";
    nothing_to_restore: "Rien à reprendre : le recensement a déjà les valeurs de {source} ; rien n'a été écrit.", "Nothing to take back: the census already has the values of {source}; nothing was written.";
    went_back_refused: "Rien n'a été écrit.", "Nothing was written.";
    went_back_peer: "{file} est revenu en arrière : il a vu moins de modifications de {agents} que le fichier déjà reçu de {peer} ({n} {n:initiative|initiatives}). Les valeurs remises ainsi (git revert, git checkout, copie) reviendront à la prochaine fusion, et une modification faite maintenant pourrait en effacer une autre. Fusionnez à nouveau le fichier de {peer} (ou git checkout HEAD -- {file}), puis revenez en arrière avec recense restore-from FICHIER|RÉVISION.", "{file} went back in time: it has seen fewer changes by {agents} than the file already received from {peer} ({n} {n:initiatives|initiative|initiatives}). Values put back this way (git revert, git checkout, a copy) will come back at the next merge, and a change made now could wipe out another. Merge {peer}'s file again (or git checkout HEAD -- {file}), then go back with recense restore-from FILE|REVISION.";
    went_back_backup: "{file} est revenu en arrière : il a vu moins de modifications de {agents} que sa sauvegarde {backup} ({n} {n:initiative|initiatives}). Les valeurs remises ainsi (git revert, git checkout, copie) reviendront à la prochaine fusion, et une modification faite maintenant pourrait en effacer une autre. Fusionnez à nouveau la sauvegarde (recense merge {backup}), puis revenez en arrière avec recense restore-from FICHIER|RÉVISION.", "{file} went back in time: it has seen fewer changes by {agents} than its backup {backup} ({n} {n:initiatives|initiative|initiatives}). Values put back this way (git revert, git checkout, a copy) will come back at the next merge, and a change made now could wipe out another. Merge the backup again (recense merge {backup}), then go back with recense restore-from FILE|REVISION.";
    went_back_revision: "{file} est revenu en arrière : il a vu moins de modifications de {agents} que sa version {rev} dans git ({n} {n:initiative|initiatives}). Les valeurs remises ainsi (git revert, git checkout, copie) reviendront à la prochaine fusion, et une modification faite maintenant pourrait en effacer une autre. Reprenez la version la plus récente (git checkout {rev} -- {file}), puis revenez en arrière avec recense restore-from FICHIER|RÉVISION.", "{file} went back in time: it has seen fewer changes by {agents} than its version {rev} in git ({n} {n:initiatives|initiative|initiatives}). Values put back this way (git revert, git checkout, a copy) will come back at the next merge, and a change made now could wipe out another. Get the newest version back (git checkout {rev} -- {file}), then go back with recense restore-from FILE|REVISION.";
}

/// What the doctor says of a census that went back in time.
pub fn went_back(
    w: &WentBack,
    file: &str,
    backup: &str,
    name: &dyn Fn(&crate::census::AgentId) -> String,
    lang: Lang,
) -> String {
    let t = undo(lang);
    let agents: Vec<String> = w.agents.iter().map(name).collect();
    let agents = list(&agents);
    match &w.witness {
        Witness::Peer(peer) => fill(
            t.went_back_peer,
            &[
                ("file", &file),
                ("agents", &agents),
                ("peer", &name(peer)),
                ("n", &w.initiatives),
            ],
        ),
        Witness::Revision(rev) => fill(
            t.went_back_revision,
            &[
                ("file", &file),
                ("agents", &agents),
                ("rev", rev),
                ("n", &w.initiatives),
            ],
        ),
        Witness::Backup => fill(
            t.went_back_backup,
            &[
                ("file", &file),
                ("agents", &agents),
                ("backup", &backup),
                ("n", &w.initiatives),
            ],
        ),
    }
}

impl Localized for SourceError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use SourceError as S;
        let said = |git: &str| if git.is_empty() { String::new() } else { format!(" (git : {git})") };
        match (self, lang) {
            (S::Load(e), _) => e.localize(lang),
            (S::Unknown { source, census, git }, Lang::Fr) => format!("« {source} » n'est ni un fichier ni une révision git de {}{}. Donnez un fichier de recensement, ou une révision (HEAD~1, un commit, une branche, une étiquette) du dépôt où est {}.", census.display(), said(git), census.display()),
            (S::Unknown { source, census, git }, Lang::En) => format!("`{source}` is neither a file nor a git revision of {}{}. Give a census file, or a revision (HEAD~1, a commit, a branch, a tag) of the repository holding {}.", census.display(), said(git), census.display()),
            (S::Schema { ours, theirs }, Lang::Fr) => format!("l'ancien recensement n'utilise pas le même formulaire ({theirs}, ici {ours}) : ses valeurs ne peuvent pas être reprises."),
            (S::Schema { ours, theirs }, Lang::En) => format!("the old census does not use the same form ({theirs}, here {ours}): its values cannot be taken back."),
        }
    }
}

impl Localized for UndoError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use UndoError as U;
        match (self, lang) {
            (U::NoBackup { backup }, Lang::Fr) => format!("rien à annuler : pas de sauvegarde {} (recense n'a encore rien modifié dans ce recensement ici). Pour revenir à une version : recense restore-from FICHIER|RÉVISION.", backup.display()),
            (U::NoBackup { backup }, Lang::En) => format!("nothing to undo: no backup {} (recense has not changed this census here yet). To go back to a version: recense restore-from FILE|REVISION.", backup.display()),
            (U::Backup(e), _) => e.localize(lang),
            (U::Replaced { census, backup }, Lang::Fr) => format!("{} a été remplacé depuis la dernière modification faite par recense (git checkout, git pull, copie d'une autre version ?) : sa sauvegarde {} n'est pas la version d'avant. Rien n'a été écrit. Pour revenir à une version : recense restore-from FICHIER|RÉVISION.", census.display(), backup.display()),
            (U::Replaced { census, backup }, Lang::En) => format!("{} was replaced since the last change made by recense (git checkout, git pull, a copy of another version?): its backup {} is not the version before. Nothing was written. To go back to a version: recense restore-from FILE|REVISION.", census.display(), backup.display()),
            (U::Nothing { backup }, Lang::Fr) => format!("rien à annuler : le recensement est le même que sa sauvegarde {} (la version d'avant sa dernière modification). Pour revenir plus loin : recense restore-from FICHIER|RÉVISION.", backup.display()),
            (U::Nothing { backup }, Lang::En) => format!("nothing to undo: the census is the same as its backup {} (the version before its last change). To go further back: recense restore-from FILE|REVISION.", backup.display()),
            (U::NothingFor { id, backup }, Lang::Fr) => format!("rien à annuler pour {id} : sa dernière modification n'est pas dans la sauvegarde {} (la version d'avant la dernière modification du recensement). Pour revenir plus loin : recense restore-from FICHIER|RÉVISION --initiative {id}.", backup.display()),
            (U::NothingFor { id, backup }, Lang::En) => format!("nothing to undo for {id}: its last change is not in the backup {} (the version before the census' last change). To go further back: recense restore-from FILE|REVISION --initiative {id}.", backup.display()),
            (U::Counter(e), _) => e.localize(lang),
        }
    }
}
