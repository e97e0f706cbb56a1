//! The words of consent in the terminal interface: the consent line of a
//! record, the mark of personal values kept without consent, and the form
//! that records a consent or its withdrawal.

use crate::lang::Lang;

strings! { ConsentWords, consent_words;
    row_label: "Consentement", "Consent";
    mark: "⚠", "⚠";
    focus_hint: "{state} — {key} pour l'enregistrer ou le retirer", "{state} — {key} to record or withdraw it";
    title: "Consentement de la personne à contacter", "Consent of the contact person";
    decision: "Décision", "Decision";
    give: "Elle consent", "They consent";
    withdraw: "Elle retire son consentement", "They withdraw their consent";
    means: "Moyen", "Means";
    purposes: "Finalités", "Purposes";
    date: "Date", "Date";
    now_in_force: "En vigueur", "In force";
    picker_hint: "Espace coche · Entrée passe à la suite", "Space ticks · Enter goes on";
    text_hint: "Entrée enregistre · Maj-Tab revient · Échap annule", "Enter records · Shift-Tab goes back · Esc cancels";
    recorded: "Consentement enregistré : {state}", "Consent recorded: {state}";
    dashboard_line: "{n} {n:fiche|fiches} avec des données personnelles sans consentement", "{n} {n:records|record|records} with personal data without consent";
}
