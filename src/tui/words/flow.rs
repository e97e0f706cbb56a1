//! The interface's words of the everyday flow: drafts waiting to be taken
//! up, what undo and redo did, the bin of deleted initiatives, what a
//! blocked step lacks, and what the hint bar says a key does where its
//! general name would mislead.

use crate::lang::Lang;

strings! { FlowUi, flow_ui;
    drafts_title: "Brouillons gardés", "Kept drafts";
    draft_resume: "Reprendre « {name} »", "Resume `{name}`";
    draft_unnamed: "Reprendre la saisie sans nom", "Resume the unnamed entry";
    draft_one_field: "étape {step}, 1 champ rempli", "step {step}, 1 field filled";
    draft_fields: "étape {step}, {n} {n:champ rempli|champs remplis}", "step {step}, {n} {n:fields|field|fields} filled";
    draft_new: "Commencer une fiche vide", "Start an empty record";
    draft_dropped: "Brouillon jeté : « {name} »", "Draft thrown away: `{name}`";
    drafts_waiting: "Brouillons gardés : {key} pour les reprendre", "Drafts kept: {key} to resume them";
    undone: "Annulé : {what}", "Undone: {what}";
    redone: "Rétabli : {what}", "Redone: {what}";
    what_created: "création de « {name} »", "creation of `{name}`";
    what_edited: "modification de « {name} »", "change of `{name}`";
    what_deleted: "suppression de « {name} »", "deletion of `{name}`";
    what_restored: "restauration de « {name} »", "restoring of `{name}`";
    redo_empty: "Rien à rétablir", "Nothing to redo";
    undo_elsewhere: "La dernière modification concerne « {name} » : pour l'annuler, revenez à la liste ({back}) puis {key}", "The last change is about `{name}`: to undo it, go back to the list ({back}) then {key}";
    bin_title: "Corbeille : initiatives supprimées", "Bin: deleted initiatives";
    bin_empty: "La corbeille est vide : aucune initiative supprimée.", "The bin is empty: no deleted initiative.";
    bin_when: "supprimée le {date} par {who}", "deleted on {date} by {who}";
    restored: "Restaurée : « {name} », de retour dans la liste", "Restored: `{name}`, back in the list";
    missing: "Il manque : {fields}", "Missing: {fields}";
    elsewhere: "« {key} » ({what}) s'utilise depuis la liste : {back} pour y revenir", "`{key}` ({what}) works from the list: {back} to go back to it";
    bad_date: "Date illisible : « {text} ». Écrivez le jour comme 28/11/2026 ou 2026-11-28.", "Unreadable date: `{text}`. Write the day as 28/11/2026 or 2026-11-28.";
}

/// What a key does in one place, when its action's general name would
/// mislead there: a long text (help) and a short one (hint bar).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// Esc in the guided entry: what was typed stays as a draft.
    KeepDraft,
    /// Enter on a single choice.
    Choose,
    /// Enter on a field of a record.
    EditField,
    /// Enter on a relation of a record.
    OpenRelated,
    /// `d` among the drafts.
    DropDraft,
    /// Esc among the drafts: they wait.
    Later,
}

pub fn meaning_label(m: Meaning, lang: Lang) -> (&'static str, &'static str) {
    let (fr, fr_short, en, en_short) = match m {
        Meaning::KeepDraft => (
            "quitter la saisie ; ce qui est tapé reste en brouillon (a le reprend)",
            "garder en brouillon",
            "leave the entry; what was typed stays as a draft (a resumes it)",
            "keep as draft",
        ),
        Meaning::Choose => (
            "choisir la valeur sous le curseur",
            "choisir",
            "choose the value under the cursor",
            "choose",
        ),
        Meaning::EditField => ("modifier ce champ", "modifier", "edit this field", "edit"),
        Meaning::DropDraft => (
            "jeter ce brouillon",
            "jeter",
            "throw this draft away",
            "throw away",
        ),
        Meaning::Later => (
            "plus tard : les brouillons restent gardés",
            "plus tard",
            "later: the drafts stay kept",
            "later",
        ),
        Meaning::OpenRelated => (
            "ouvrir la fiche de l'initiative liée",
            "ouvrir",
            "open the related initiative's record",
            "open",
        ),
    };
    match lang {
        Lang::Fr => (fr, fr_short),
        Lang::En => (en, en_short),
    }
}

mod text;
pub use text::*;
