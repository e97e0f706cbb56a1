//! The words of the follow-up in the terminal interface: the action form,
//! the record's actions, the "À faire" screen and the dashboard's figure.

use crate::lang::Lang;

strings! { ActionWords, follow;
    form_title: "Ajouter une action", "Add an action";
    kind: "Type", "Kind";
    date: "Fait le", "Done on";
    note: "Note", "Note";
    next: "Prochaine étape", "Next step";
    due: "Échéance", "Due";
    for_agent: "Pour qui", "For whom";
    status: "Statut", "Status";
    status_unchanged: "(inchangé)", "(unchanged)";
    form_hint: "Dates : 15/03, 2026-03-15, +7j, lundi, demain · prochaine étape et « pour qui » facultatifs · Entrée valide · Échap annule", "Dates: 15/03, 2026-03-15, +7d, monday, tomorrow · next step and `for whom` optional · Enter confirms · Esc cancels";
    added: "Action enregistrée.", "Action recorded.";
    added_next: "Action enregistrée ; prochaine étape le {due}.", "Action recorded; next step on {due}.";
    added_status: "Statut « {status} » et action enregistrés.", "Status `{status}` and action recorded.";
    section: "Actions ({n}) — récentes d'abord", "Actions ({n}) — newest first";
    none: "(aucune)", "(none)";
    then: "ensuite", "then";
    due_on: "le {due}", "by {due}";
    for_whom: "pour {who}", "for {who}";
    done_mark: "fait", "done";
    todo_title: "À faire", "To do";
    todo_summary: "{n} {n:prochaine étape ouverte|prochaines étapes ouvertes}, dont {late} en retard", "{n} open next {n:steps|step|steps}, {late} overdue";
    overdue: "En retard ({n})", "Overdue ({n})";
    this_week: "Cette semaine ({n})", "This week ({n})";
    later: "Plus tard ({n})", "Later ({n})";
    todo_empty: "Rien à faire : ajoutez une action avec sa prochaine étape (touche {key} sur une fiche).", "Nothing to do: add an action with its next step (key {key} on a record).";
    marked_done: "Fait : {text}.", "Done: {text}.";
    need_due: "Donnez l'échéance de la prochaine étape (par exemple +7j, lundi ou 15/03).", "Give the next step's due date (e.g. +7d, monday or 15/03).";
    need_next: "Décrivez la prochaine étape, ou videz l'échéance et « pour qui ».", "Describe the next step, or clear the due date and `for whom`.";
    dashboard_panel: "Suivi", "Follow-up";
    dashboard_overdue: "Prochaines étapes en retard : {n}", "Overdue next steps: {n}";
}
