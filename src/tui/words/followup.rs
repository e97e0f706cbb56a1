//! The interface's words of the follow-up: verifications, fiches to
//! re-check, editions of events and trainings, initiatives to invite.

use crate::lang::Lang;

strings! { FollowupUi, followup_ui;
    verified: "Vérifiée aujourd'hui : {name}", "Verified today: {name}";
    section: "Suivi", "Follow-up";
    verified_on: "Vérifiée le", "Verified on";
    never: "jamais", "never";
    to_recheck: "à revérifier", "to re-check";
    fresh: "à jour", "up to date";
    filter_freshness: "Fraîcheur", "Freshness";
    filter_stale: "À revérifier", "To re-check";
    pending_stale: "{n} {n:fiche|fiches} à revérifier", "{n} {n:records|record|records} to re-check";
    editions: "Éditions ({n})", "Editions ({n})";
    edition_value: "{place} · {participants} {participants:participant|participants} · {note}", "{place} · {participants} {participants:participants|participant|participants} · {note}";
    edition_form: "Nouvelle édition : {name}", "New edition: {name}";
    edition_date: "Date (AAAA-MM-JJ)", "Date (YYYY-MM-DD)";
    edition_place: "Lieu", "Place";
    edition_participants: "Participants (nombre)", "Participants (number)";
    edition_note: "Note", "Note";
    edition_added: "Édition enregistrée : {name}", "Edition recorded: {name}";
    bad_date: "Date : écrivez AAAA-MM-JJ, par exemple 2026-03-14.", "Date: write YYYY-MM-DD, for example 2026-03-14.";
    bad_number: "Participants : un nombre entier, par exemple 40.", "Participants: a whole number, for example 40.";
    to_invite: "À inviter ({n}) : aucune participation en {year}", "To invite ({n}): no participation in {year}";
}
