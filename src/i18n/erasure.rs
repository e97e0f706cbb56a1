//! The words of erasing personal data (`recense rgpd purge`, `rgpd review`,
//! `delete --purge`), of what a merge says of a copy still holding erased
//! values, and of public copies.

use super::{Lang, fill};
use crate::census::erase::public::{Flagged, Looks};
use crate::census::erase::retention::Contact;
use crate::census::erase::{Erased, HeldErased, Why};

strings! { ErasureText, erasure;
    held_erased: "{file} : cette copie contenait des données personnelles effacées le {date} ({n} {n:valeur|valeurs}) ; elles ont été écartées.", "{file}: this copy held personal data erased on {date} ({n} {n:values|value|values}); it has been dropped.";
    erased_line: "  {id} {name} : effacé : {fields}", "  {id} {name}: erased: {fields}";
    redacted_line: "  {id} {name} : nom ou coordonnées remplacés par « [effacé] » dans : {fields}", "  {id} {name}: name or details replaced by `[effacé]` in: {fields}";
    why_asked: "demandé", "asked";
    why_person: "nomme la personne", "names the person";
    why_expired: "dernier contact le {date}, au-delà de la durée de conservation", "last contact on {date}, beyond the retention period";
    why_expired_undated: "aucun contact daté, au-delà de la durée de conservation", "no dated contact, beyond the retention period";
    why_deleted: "initiative supprimée le {date}, délai de grâce passé", "initiative deleted on {date}, grace period over";
    purged: "{n} {n:initiative touchée|initiatives touchées}. Des marques d'effacement restent (quel champ, quelles écritures, jamais la valeur) : une copie plus ancienne fusionnée plus tard ne ramènera pas ces valeurs. La sauvegarde {backup} et le journal ont été réécrits sans elles.", "{n} {n:initiatives|initiative|initiatives} affected. Erasure marks remain (which field, which writes, never the value): an older copy merged later will not bring these values back. The backup {backup} and the journal were rewritten without them.";
    purge_dry_run: "{n} {n:initiative serait touchée|initiatives seraient touchées} ; rien n'a été écrit (sans --dry-run pour effacer).", "{n} {n:initiatives|initiative|initiatives} would be affected; nothing was written (without --dry-run to erase).";
    cannot_erase: "recense ne peut pas effacer les anciennes versions du fichier dans git ni les copies envoyées par courriel : voir docs/rgpd-erasure.md (git filter-repo --replace-text, demander aux collègues de supprimer leurs anciennes copies).", "recense cannot erase old versions of the file in git nor copies sent by e-mail: see docs/rgpd-erasure.md (git filter-repo --replace-text, asking colleagues to delete their old copies).";
    nothing_to_purge: "Rien à effacer : aucune donnée personnelle au-delà de la durée de conservation.", "Nothing to erase: no personal data beyond the retention period.";
    nothing_in_initiative: "Rien à effacer dans {id} : ce champ est déjà vide, ou l'initiative n'a aucune donnée personnelle.", "Nothing to erase in {id}: the field is already empty, or the initiative holds no personal data.";
    person_not_found: "Aucune valeur du recensement ne nomme « {person} » (accents et majuscules ignorés) ; rien n'a été écrit. Vérifiez l'orthographe, ou « recense list {person} ».", "No value of the census names `{person}` (accents and case aside); nothing was written. Check the spelling, or `recense list {person}`.";
    person_too_short: "« {person} » est trop court pour être cherché sans effacer des morceaux d'autres mots : donnez au moins {min} lettres (le nom complet de préférence).", "`{person}` is too short to be searched for without erasing parts of other words: give at least {min} letters (the full name preferably).";
    unknown_field: "Champ inconnu : « {field} ». Champs du formulaire : {known}.", "Unknown field: `{field}`. Fields of the form: {known}.";
    purge_needs_one: "Dites quoi effacer : un identifiant (avec --field CHAMP au besoin), --person \"NOM\" ou --expired.", "Say what to erase: an id (with --field FIELD if need be), --person \"NAME\" or --expired.";
    review_none: "Aucune donnée personnelle au-delà de la durée de conservation ({months} mois après le dernier contact).", "No personal data beyond the retention period ({months} {months:months|month|months} after the last contact).";
    review_head: "{n} {n:initiative garde|initiatives gardent} des données personnelles au-delà de la durée de conservation ({months} mois après le dernier contact) :", "{n} {n:initiatives keep|initiative keeps|initiatives keep} personal data beyond the retention period ({months} {months:months|month|months} after the last contact):";
    review_line: "  {id} {name} : {fields} — {why}", "  {id} {name}: {fields} — {why}";
    review_next: "Pour les effacer : recense rgpd purge --expired (--dry-run pour voir d'abord).", "To erase them: recense rgpd purge --expired (--dry-run to see first).";
    contact_edit: "dernière modification le {date}", "last edit on {date}";
    contact_evidence: "dernière preuve le {date}", "last evidence on {date}";
    contact_action: "dernière action le {date}", "last action on {date}";
    contact_none: "aucun contact daté", "no dated contact";
    deleted_purged: "Supprimée et ses données personnelles effacées : {id}.", "Deleted and its personal data erased: {id}.";
    grace_note: "Ses données personnelles seront effacées à la première sauvegarde après {days} {days:jour|jours} (« recense delete --purge » pour les effacer tout de suite).", "Its personal data will be erased at the first save after {days} {days:days|day|days} (`recense delete --purge` to erase it at once).";
    flagged_head: "Attention : {n} {n:texte libre semble|textes libres semblent} contenir une adresse de courriel ou un numéro de téléphone (--strict-public pour {n:le|les} laisser de côté) :", "Warning: {n} free {n:texts seem|text seems|texts seem} to hold an e-mail address or a phone number (--strict-public to leave {n:them|it|them} out):";
    flagged_line: "  {id} {field} : {looks}", "  {id} {field}: {looks}";
    looks_email: "adresse de courriel", "e-mail address";
    looks_phone: "numéro de téléphone", "phone number";
    flagged_left_out: "{n} {n:texte libre laissé|textes libres laissés} de côté (--strict-public).", "{n} free {n:texts|text|texts} left out (--strict-public).";
    public_bundle: "Paquet public : sans champ personnel, les agents nommés « Agent 1 », « Agent 2 »…", "Public bundle: without personal fields, agents named `Agent 1`, `Agent 2`…";
}

/// The line a merge prints for a copy that still held erased values.
pub fn held_erased(h: &HeldErased, file: &dyn std::fmt::Display, lang: Lang) -> String {
    let date = h
        .erased_on
        .map_or_else(|| "?".to_string(), |t| t.date().to_string());
    fill(
        erasure(lang).held_erased,
        &[("file", file), ("date", &date), ("n", &h.values)],
    )
}

/// Why a value was (or would be) erased.
pub fn why(w: Why, lang: Lang) -> String {
    let t = erasure(lang);
    let date = |at: Option<crate::census::time::Timestamp>| {
        at.map_or_else(|| "?".into(), |t| t.date().to_string())
    };
    match w {
        Why::Asked => t.why_asked.to_string(),
        Why::Person => t.why_person.to_string(),
        Why::Expired(None) => t.why_expired_undated.to_string(),
        Why::Expired(at) => fill(t.why_expired, &[("date", &date(at))]),
        Why::Deleted(at) => fill(t.why_deleted, &[("date", &date(at))]),
    }
}

/// The lines saying what a purge erased in one initiative.
pub fn erased_lines(e: &Erased, name: &str, lang: Lang) -> Vec<String> {
    let t = erasure(lang);
    let mut out = Vec::new();
    let id = e.initiative.as_str();
    if !e.fields.is_empty() {
        let fields = format!("{} ({})", e.fields.join(", "), why(e.why, lang));
        out.push(fill(
            t.erased_line,
            &[("id", &id), ("name", &name), ("fields", &fields)],
        ));
    }
    if !e.redacted.is_empty() {
        let fields = e.redacted.join(", ");
        out.push(fill(
            t.redacted_line,
            &[("id", &id), ("name", &name), ("fields", &fields)],
        ));
    }
    out
}

/// What the last contact was, dated.
pub fn contact(last: Option<(crate::census::time::Timestamp, Contact)>, lang: Lang) -> String {
    let t = erasure(lang);
    match last {
        None => t.contact_none.to_string(),
        Some((at, how)) => {
            let words = match how {
                Contact::Edit => t.contact_edit,
                Contact::Evidence => t.contact_evidence,
                Contact::Action => t.contact_action,
            };
            fill(words, &[("date", &at.date())])
        }
    }
}

/// One flagged free text.
pub fn flagged_line(f: &Flagged, lang: Lang) -> String {
    let t = erasure(lang);
    let looks = match f.looks {
        Looks::Email => t.looks_email,
        Looks::Phone => t.looks_phone,
    };
    fill(
        t.flagged_line,
        &[
            ("id", &f.initiative.as_str()),
            ("field", &f.field),
            ("looks", &looks),
        ],
    )
}
