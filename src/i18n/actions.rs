//! The words of the follow-up: actions, next steps, `recense todo`, the
//! calendar export.

use super::{Lang, Localized, fill};
use crate::census::actions::{ActionError, KINDS, StatusOrAction};

strings! { ActionText, actions;
    added: "Action enregistrée sur {id} : {action}.", "Action recorded on {id}: {action}.";
    added_next: "Action enregistrée sur {id} : {action} ; prochaine étape le {due}.", "Action recorded on {id}: {action}; next step on {due}.";
    done: "Fait : {action} sur {id}.", "Done: {action} on {id}.";
    status_and_action: "Statut de {id} : {status}, avec l'action {action}.", "Status of {id}: {status}, with the action {action}.";
    nothing_to_do: "Rien à faire.", "Nothing to do.";
    head_due: "Échéance", "Due";
    head_initiative: "Initiative", "Initiative";
    head_step: "Prochaine étape", "Next step";
    head_for: "Pour", "For";
    head_action: "Action", "Action";
    overdue_mark: "en retard", "overdue";
    count: "{n} {n:prochaine étape|prochaines étapes}, dont {late} en retard.", "{n} next {n:steps|step|steps}, {late} of them overdue.";
    history_action: "{date}  Action « {kind} » par {who}{note}{next}", "{date}  Action `{kind}` by {who}{note}{next}";
    history_next: " — ensuite : {text} (le {due}{for})", " — next: {text} (by {due}{for})";
    history_for: ", pour {who}", ", for {who}";
    history_done: "{date}  Fait par {who} : {text}", "{date}  Done by {who}: {text}";
    ics_written: "{n} {n:prochaine étape|prochaines étapes} dans le calendrier.", "{n} next {n:steps|step|steps} in the calendar.";
    ics_written_to: "{n} {n:prochaine étape|prochaines étapes} dans le calendrier {file}.", "{n} next {n:steps|step|steps} in the calendar {file}.";
    bad_date: "date « {text} » illisible : écrivez 2026-03-15, 15/03/2026, 15/03, +7j, +2s, lundi, demain ou hier.", "unreadable date `{text}`: write 2026-03-15, 15/03/2026, 15/03, +7d, +2w, monday, tomorrow or yesterday.";
    next_needs_due: "--next sans --due : donnez l'échéance de la prochaine étape (par exemple --due +7j).", "--next without --due: give the next step's due date (e.g. --due +7d).";
    ics_calendar: "recense — suivi ({territory})", "recense — follow-up ({territory})";
    ics_summary: "{text} — {name}", "{text} — {name}";
    ics_description: "{kind} du {date} par {who}, initiative {name} ({id})", "{kind} on {date} by {who}, initiative {name} ({id})";
    ics_for: "Pour {who}", "For {who}";
    for_needs_next: "--due ou --for sans --next : décrivez la prochaine étape avec --next TEXTE.", "--due or --for without --next: describe the next step with --next TEXT.";
}

impl Localized for ActionError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use ActionError as E;
        let kinds = KINDS.join(", ");
        match (self, lang) {
            (E::Op(e), _) => e.localize(lang),
            (E::UnknownKind(k), Lang::Fr) => format!("type d'action « {k} » inconnu ; types : {kinds}."),
            (E::UnknownKind(k), Lang::En) => format!("unknown kind of action `{k}`; kinds: {kinds}."),
            (E::NextWithoutDue, _) => actions(lang).next_needs_due.to_string(),
            (E::DueWithoutNext, _) => actions(lang).for_needs_next.to_string(),
            (E::BadDate(text), _) => fill(actions(lang).bad_date, &[("text", text)]),
            (E::DateAhead(d), Lang::Fr) => format!("action datée du {d} refusée : une action est déjà faite (au plus tard demain) ; une chose à faire est une prochaine étape (--next … --due {d})."),
            (E::DateAhead(d), Lang::En) => format!("action dated {d} refused: an action is already done (tomorrow at the latest); something to do is a next step (--next … --due {d})."),
            (E::NothingOpen, Lang::Fr) => "aucune prochaine étape ouverte sur cette initiative (voir recense todo).".into(),
            (E::NothingOpen, Lang::En) => "no open next step on this initiative (see recense todo).".into(),
            (E::WhichOne(open), Lang::Fr) => format!("plusieurs prochaines étapes ouvertes : dites laquelle ({}).", open.join(", ")),
            (E::WhichOne(open), Lang::En) => format!("several open next steps: say which one ({}).", open.join(", ")),
            (E::UnknownAction(a), Lang::Fr) => format!("aucune prochaine étape « {a} » sur cette initiative (voir recense history ou recense todo)."),
            (E::UnknownAction(a), Lang::En) => format!("no next step `{a}` on this initiative (see recense history or recense todo)."),
            (E::AlreadyDone(a), Lang::Fr) => format!("la prochaine étape {a} est déjà faite."),
            (E::AlreadyDone(a), Lang::En) => format!("next step {a} is already done."),
        }
    }
}

impl Localized for StatusOrAction {
    fn localize(&self, lang: Lang) -> String {
        match self {
            StatusOrAction::Status(e) => e.localize(lang),
            StatusOrAction::Action(e) => e.localize(lang),
        }
    }
}
