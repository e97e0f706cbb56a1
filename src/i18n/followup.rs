//! The words of the follow-up over the years: verifications and fiches to
//! re-check, the web addresses for a link checker, what changed since a
//! date or between two files, editions of events and trainings.

use super::Lang;

strings! { FollowupText, followup;
    verified: "Vérification enregistrée pour {id}", "Verification recorded for {id}";
    col_verified: "VÉRIFIÉE LE", "VERIFIED ON";
    never: "jamais", "never";
    stale_count: "{n} {n:fiche|fiches} à revérifier (jamais {n:vérifiée|vérifiées} ou pas depuis {months} mois)", "{n} {n:records|record|records} to re-check (never verified or not for {months} {months:months|month|months})";
    history_verified: "{date}  vérifiée par {who}  {note}", "{date}  verified by {who}  {note}";
    history_edition: "{date}  édition à {place} : {participants} {participants:participant|participants}  {note}", "{date}  edition at {place}: {participants} {participants:participants|participant|participants}  {note}";
    col_field: "CHAMP", "FIELD";
    col_url: "ADRESSE", "ADDRESS";
    urls_count: "{n} {n:adresse web|adresses web}", "{n} web {n:addresses|address|addresses}";
    since_not_a_date: "--since {value} : ce n'est pas une date ; écrivez AAAA-MM-JJ, par exemple 2025-12-31.", "--since {value}: not a date; write YYYY-MM-DD, for example 2025-12-31.";
    compare_title: "Ce qui a changé : {old} → {new}", "What changed: {old} → {new}";
    evolution_title: "Évolution depuis le {date}", "Changes since {date}";
    evolution_intro: "D'après les dates enregistrées dans le fichier : une valeur modifiée deux fois depuis ne montre que son dernier changement, et ce qui a été retiré depuis n'y est plus.", "From the dates recorded in the file: a value changed twice since shows only its latest change, and what was removed since is no longer there.";
    figures_caption: "Les chiffres, avant et après", "The figures, before and after";
    col_figure: "Chiffre", "Figure";
    col_before: "Avant", "Before";
    col_after: "Après", "After";
    col_change: "Écart", "Change";
    fig_initiatives: "Initiatives", "Initiatives";
    fig_communes: "Communes couvertes", "Municipalities covered";
    fig_with_evidence: "Avec une preuve", "With evidence";
    fig_confirmed: "Confirmées par un collègue", "Confirmed by a colleague";
    fig_supported: "Soutenues", "Supported";
    fig_with_needs: "Avec des besoins exprimés", "With needs expressed";
    status_prefix: "Statut : ", "Status: ";
    new_heading: "Nouvelles initiatives ({n})", "New initiatives ({n})";
    gone_heading: "Disparues ou supprimées ({n})", "Gone or deleted ({n})";
    gone_deleted: "supprimée", "deleted";
    gone_disparu: "disparue", "gone";
    up_heading: "Montées sur l'échelle ({n})", "Moved up the ladder ({n})";
    down_heading: "Redescendues ou en sommeil ({n})", "Moved down or dormant ({n})";
    supports_received_heading: "Soutiens reçus ({n})", "Support received ({n})";
    supports_ended_heading: "Soutiens terminés ({n})", "Support ended ({n})";
    needs_appeared_heading: "Besoins apparus ({n})", "Needs that appeared ({n})";
    needs_ended_heading: "Besoins satisfaits ou retirés ({n})", "Needs met or withdrawn ({n})";
    communes_heading: "Communes nouvellement couvertes ({n})", "Municipalities newly covered ({n})";
    evidence_heading: "Preuves ajoutées ({n})", "Evidence added ({n})";
    confirmations_heading: "Confirmations ajoutées ({n})", "Confirmations added ({n})";
    nothing_changed: "Rien n'a changé.", "Nothing changed.";
    edition_added: "Édition enregistrée pour {id}", "Edition recorded for {id}";
    not_an_event: "{id} n'est ni un événement ni une formation (type « evenement » ou « formation ») : une édition ne s'y attache pas. Changez son type ou choisissez l'événement.", "{id} is neither an event nor a training (kind `evenement` or `formation`): an edition cannot be attached to it. Change its kind or pick the event.";
    edition_date: "--date {value} : ce n'est pas une date ; écrivez AAAA-MM-JJ, par exemple 2026-03-14.", "--date {value}: not a date; write YYYY-MM-DD, for example 2026-03-14.";
    to_invite_heading: "À inviter : n'ont participé à aucune édition en {year} ({n})", "To invite: took part in no edition in {year} ({n})";
    to_invite_intro: "Ces initiatives n'ont participé à aucun événement ni aucune formation du réseau cette année : à inviter à la prochaine édition.", "These initiatives took part in no event or training of the network this year: to invite to the next edition.";
}

/// The label of a key figure of [`crate::census::changes::Figure`].
pub fn figure_label(key: &str, lang: Lang) -> String {
    let t = followup(lang);
    match key {
        "initiatives" => t.fig_initiatives.to_string(),
        "communes" => t.fig_communes.to_string(),
        "with_evidence" => t.fig_with_evidence.to_string(),
        "confirmed" => t.fig_confirmed.to_string(),
        "supported" => t.fig_supported.to_string(),
        "with_needs" => t.fig_with_needs.to_string(),
        status => format!("{}{}", t.status_prefix, super::status_label(status, lang)),
    }
}

impl super::Localized for crate::census::editions::EditionError {
    fn localize(&self, lang: Lang) -> String {
        use crate::census::editions::EditionError;
        match self {
            EditionError::Op(e) => e.localize(lang),
            EditionError::NotAnEvent(id) => super::fill(followup(lang).not_an_event, &[("id", id)]),
        }
    }
}
