//! The words of legitimizing in the terminal interface: the record's status,
//! history, evidence and confirmations, the forms that change them, marks
//! and actions on many initiatives at once.

use crate::lang::Lang;

strings! { LegitimizeText, legit;
    section_status: "Statut et légitimité", "Status and legitimacy";
    section_history: "Historique du statut — récent d'abord", "Status history — newest first";
    section_evidence: "Preuves ({n}) — récentes d'abord", "Evidence ({n}) — newest first";
    section_confirmations: "Confirmations ({n})", "Confirmations ({n})";
    status: "Statut", "Status";
    missing_for: "Pour « {status} » il manque", "For `{status}`, missing";
    ready_for: "Pour « {status} »", "For `{status}`";
    nothing_missing: "rien ne manque", "nothing is missing";
    none: "(aucune)", "(none)";
    confirmed_by: "confirmée par", "confirmed by";
    form_one: "« {name} »", "`{name}`";
    form_many: "{n} initiatives marquées", "{n} marked initiatives";
    status_title: "Changer le statut", "Change the status";
    status_new: "Nouveau statut", "New status";
    status_missing: "Refusé tant qu'il manque", "Refused while missing";
    comment: "Commentaire", "Comment";
    comment_optional: "Commentaire (facultatif)", "Comment (optional)";
    text_hint: "Entrée valide · Maj-Tab revient · Échap annule", "Enter confirms · Shift-Tab goes back · Esc cancels";
    evidence_title: "Ajouter une preuve", "Add evidence";
    evidence_kind: "Type", "Kind";
    evidence_date: "Date", "Date";
    evidence_note: "Note", "Note";
    evidence_url: "Lien (facultatif)", "Link (optional)";
    evidence_hint: "Entrée : champ suivant, enregistre au dernier · Tab, Maj-Tab : champs · Échap annule", "Enter: next field, saves on the last · Tab, Shift-Tab: fields · Esc cancels";
    confirm_title: "Confirmer : l'initiative existe et la fiche est juste", "Confirm: the initiative exists and the record is right";
    link_title: "Relier à une autre initiative", "Link to another initiative";
    link_kind: "Type de relation", "Relation kind";
    link_target: "Vers", "To";
    unlink_title: "Retirer une relation", "Remove a relation";
    no_relation: "Aucune relation à retirer", "No relation to remove";
    status_done: "Statut changé : {status}", "Status changed: {status}";
    evidence_done: "Preuve ajoutée", "Evidence added";
    confirm_done: "Confirmation enregistrée", "Confirmation recorded";
    linked: "Relation ajoutée", "Relation added";
    unlinked: "Relation retirée", "Relation removed";
    unchanged: "Rien à changer : déjà ainsi", "Nothing to change: already so";
    refused_title: "Refusé : rien n'a changé", "Refused: nothing changed";
    batch_title: "Sur les initiatives marquées", "On the marked initiatives";
    batch_done: "Fait pour {done} sur {total} (un seul enregistrement).", "Done for {done} of {total} (saved once).";
    batch_refused: "Refusé pour {n}, qui n'ont pas changé :", "Refused for {n}, left unchanged:";
    batch_undo: "La touche {key} annule ce changement de statut pour toutes.", "Key {key} undoes this status change for all of them.";
    batch_no_undo: "Preuves et confirmations ne s'annulent pas (elles restent dans l'historique).", "Evidence and confirmations cannot be undone (they stay in the history).";
    close_hint: "Une autre touche ferme", "Any other key closes";
    undo_comment: "annulation", "undone";
    undo_statuses: "Statut remis comme avant pour {n}", "Status put back for {n}";
    undo_statuses_refused: "Statut remis pour {n} ; refusé pour {refused} : {why}", "Status put back for {n}; refused for {refused}: {why}";
    undo_irreversible: "Preuves et confirmations ne s'annulent pas ; {key} de nouveau annule la modification d'avant", "Evidence and confirmations cannot be undone; {key} again undoes the change before";
    marked_one: "marquée", "marked";
    marked_many: "marquées", "marked";
    marks_cleared: "Marques effacées", "Marks cleared";
}
