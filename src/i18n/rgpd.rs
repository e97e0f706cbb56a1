//! The words of personal data (RGPD): consent's means and purposes, the
//! state of a consent, why one was refused, and what the command line says
//! of consents and of a person's data.

use super::{Lang, Localized, fill};
use crate::census::consent::{ConsentError, ConsentRecord, Decision, Means, Purpose};

strings! { RgpdText, rgpd;
    consent_given: "consentement {means} du {date}, pour {purposes}", "consent ({means}) of {date}, for {purposes}";
    consent_withdrawn: "consentement retiré le {date}", "consent withdrawn on {date}";
    consent_none: "sans consentement enregistré", "no consent recorded";
    mark: "⚠ données personnelles sans consentement", "⚠ personal data without consent";
    mark_hint: "    (recense consent {id} --means oral --purpose contact, ou retirez ces valeurs)", "    (recense consent {id} --means oral --purpose contact, or remove these values)";
    show_consent: "Consentement", "Consent";
    recorded: "Consentement enregistré pour {id} : {state}.", "Consent recorded for {id}: {state}.";
    withdrawn: "Retrait du consentement enregistré pour {id} le {date} : ses données personnelles ne seront plus exportées ; effacez-les si elles ne sont plus utiles.", "Withdrawal of consent recorded for {id} on {date}: its personal data will no longer be exported; erase it if it is no longer needed.";
    no_personal_yet: "(l'initiative n'a encore aucune donnée personnelle ; le consentement vaudra pour celles qu'on ajoutera.)", "(the initiative holds no personal data yet; the consent will cover what is added.)";
    history_consent: "{date}  consentement {means} pour {purposes} — {who}", "{date}  consent ({means}) for {purposes} — {who}";
    history_withdrawal: "{date}  retrait du consentement — {who}", "{date}  consent withdrawn — {who}";
    access_title: "Ce que le recensement contient sur « {name} » ({file}, le {date})", "What the census holds about `{name}` ({file}, on {date})";
    access_nothing: "Rien : aucune valeur ne nomme « {name} » (recherche sans accents ni casse, dans les champs personnels et les textes libres).", "Nothing: no value names `{name}` (searched without accents or case, in personal fields and free text).";
    access_initiative: "== {name} ({id}){deleted} ==", "== {name} ({id}){deleted} ==";
    access_deleted: ", supprimée (encore dans le fichier)", ", deleted (still in the file)";
    access_value: "  {field} : {value}  [{who}, depuis le {since}]", "  {field}: {value}  [{who}, since {since}]";
    access_personal: " (donnée personnelle)", " (personal data)";
    access_consent: "  consentement : {state}", "  consent: {state}";
    access_agent: "Agent « {name} » (identifiant {id}) : son nom figure dans le fichier et signe {n} {n:valeur|valeurs}.", "Agent `{name}` (id {id}): their name is in the file and signs {n} {n:values|value|values}.";
    access_copies: "Des copies peuvent aussi en contenir : {file}.bak, le journal, les fichiers envoyés aux collègues, l'historique git.", "Copies may hold some too: {file}.bak, the journal, files sent to colleagues, git history.";
    contacts_written: "{n} {n:contact ayant|contacts ayant} consenti aux invitations ; {left} {left:initiative avec un contact laissée|initiatives avec un contact laissées} de côté (sans consentement pour les invitations, ou sans courriel).", "{n} {n:contacts|contact|contacts} who consented to invitations; {left} {left:initiatives|initiative|initiatives} with a contact left out (no consent to invitations, or no e-mail).";
    format_or_contacts: "dites --format FORMAT, ou --contacts pour la liste de diffusion des contacts.", "give --format FORMAT, or --contacts for the contacts' mailing list.";
    contacts_no_email_field: "le formulaire n'a pas de champ personnel de type courriel : pas de liste de contacts possible.", "the form has no personal e-mail field: no contact list possible.";
}

/// The label of a means of consent.
pub fn means_label(means: Means, lang: Lang) -> &'static str {
    let (fr, en) = match means {
        Means::Oral => ("oral", "oral"),
        Means::Courriel => ("par courriel", "by e-mail"),
        Means::Formulaire => ("par formulaire", "by form"),
        Means::Ecrit => ("écrit", "written"),
    };
    lang.pick(fr, en)
}

/// The label of a purpose.
pub fn purpose_label(purpose: Purpose, lang: Lang) -> &'static str {
    let (fr, en) = match purpose {
        Purpose::Contact => ("être contacté·e", "being contacted"),
        Purpose::DiffusionInterne => ("diffusion interne", "internal sharing"),
        Purpose::Invitations => ("invitations", "invitations"),
    };
    lang.pick(fr, en)
}

/// What a purpose covers, for the record of processing.
pub fn purpose_description(purpose: Purpose, lang: Lang) -> &'static str {
    let (fr, en) = match purpose {
        Purpose::Contact => (
            "joindre la personne au sujet de son initiative (vérifier, compléter, légitimer la fiche)",
            "reach the person about their initiative (check, complete, legitimize the record)",
        ),
        Purpose::DiffusionInterne => (
            "transmettre ses coordonnées aux services et collègues de la collectivité",
            "pass their details on to the services and colleagues of the local authority",
        ),
        Purpose::Invitations => (
            "l'inviter aux rencontres, formations et événements du réseau (liste « recense export --contacts »)",
            "invite them to the network's meetings, trainings and events (the `recense export --contacts` list)",
        ),
    };
    lang.pick(fr, en)
}

/// A recorded id's label; an id this version does not know, as it is.
fn label_of<T: Copy>(
    id: &str,
    parse: fn(&str) -> Option<T>,
    label: fn(T, Lang) -> &'static str,
    lang: Lang,
) -> &str {
    parse(id).map_or(id, |x| label(x, lang))
}

/// The label of a recorded means id.
pub fn means_text(means: &str, lang: Lang) -> &str {
    label_of(means, Means::from_id, means_label, lang)
}

/// The purposes of a record, worded and joined.
pub fn purposes_text(purposes: &[String], lang: Lang) -> String {
    purposes
        .iter()
        .map(|p| label_of(p, Purpose::from_id, purpose_label, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The state of a consent in one line (without who).
pub fn consent_text(state: Option<&ConsentRecord>, lang: Lang) -> String {
    let t = rgpd(lang);
    let date = |r: &ConsentRecord| r.date.map(|d| d.to_string()).unwrap_or_else(|| "?".into());
    match state {
        None => t.consent_none.to_string(),
        Some(r) => match &r.decision {
            Decision::Withdrawn => fill(t.consent_withdrawn, &[("date", &date(r))]),
            Decision::Given { means, purposes } => fill(
                t.consent_given,
                &[
                    ("means", &label_of(means, Means::from_id, means_label, lang)),
                    ("date", &date(r)),
                    ("purposes", &purposes_text(purposes, lang)),
                ],
            ),
        },
    }
}

fn ids<T>(all: &[T], id: fn(&T) -> &'static str) -> String {
    all.iter().map(id).collect::<Vec<_>>().join(", ")
}

impl Localized for ConsentError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use ConsentError as E;
        let means = ids(&Means::ALL, |m| m.id());
        let purposes = ids(&Purpose::ALL, |p| p.id());
        match (self, lang) {
            (E::Op(e), _) => e.localize(lang),
            (E::UnknownMeans(m), Lang::Fr) => format!("moyen de consentement « {m} » inconnu ; moyens : {means}."),
            (E::UnknownMeans(m), Lang::En) => format!("unknown means of consent `{m}`; means: {means}."),
            (E::UnknownPurpose(p), Lang::Fr) => format!("finalité « {p} » inconnue ; finalités : {purposes} (plusieurs séparées par des virgules)."),
            (E::UnknownPurpose(p), Lang::En) => format!("unknown purpose `{p}`; purposes: {purposes} (several separated by commas)."),
            (E::NoPurpose, Lang::Fr) => format!("dites pour quoi la personne a consenti : --purpose {purposes} (une ou plusieurs, séparées par des virgules)."),
            (E::NoPurpose, Lang::En) => format!("say what the person consented to: --purpose {purposes} (one or more, separated by commas)."),
            (E::NothingAsked, Lang::Fr) => "dites --means et --purpose pour un consentement, ou --withdraw pour un retrait (pas les deux).".into(),
            (E::NothingAsked, Lang::En) => "give --means and --purpose for a consent, or --withdraw for a withdrawal (not both).".into(),
            (E::BadDate(d), Lang::Fr) => format!("date « {d} » illisible : AAAA-MM-JJ ou JJ/MM/AAAA."),
            (E::BadDate(d), Lang::En) => format!("unreadable date `{d}`: YYYY-MM-DD or DD/MM/YYYY."),
            (E::DateOutOfRange { date, earliest, latest }, Lang::Fr) => format!("date {date} refusée : elle doit être entre le {earliest} et le {latest} (demain)."),
            (E::DateOutOfRange { date, earliest, latest }, Lang::En) => format!("date {date} refused: it must be between {earliest} and {latest} (tomorrow)."),
        }
    }
}
