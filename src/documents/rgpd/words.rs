//! The words of the record of processing (`recense rgpd registre`).

use crate::i18n::Lang;

strings! { RegistreText, registre_text;
    title: "Registre des activités de traitement (RGPD, article 30)", "Record of processing activities (GDPR, article 30)";
    subtitle: "Recensement des communs numériques — {territory} — établi le {date} par recense, à partir du formulaire « {schema} » (version {version}) et du recensement ; à relire par le délégué à la protection des données (DPO).", "Census of digital commons — {territory} — drawn up on {date} by recense, from the form `{schema}` (version {version}) and the census; for the data protection officer (DPO) to review.";
    intro: "Ce document décrit le traitement tel que recense le permet et tel que le recensement le contient aujourd'hui. Les lignes « à compléter » dépendent de la collectivité, pas du logiciel.", "This document describes the processing as recense allows it and as the census holds it today. Lines marked `to be completed` depend on the local authority, not on the software.";
    controller_title: "Responsable du traitement", "Controller";
    controller: "La collectivité qui tient le recensement du territoire « {territory} » : nom, adresse, représentant et coordonnées du DPO à compléter.", "The local authority keeping the census of the territory `{territory}`: name, address, representative and DPO's contact details to be completed.";
    purposes_title: "Finalités", "Purposes";
    purpose_census: "Recenser les initiatives et structures de communs numériques du territoire, les légitimer et animer leur réseau (délibération ou décision à citer).", "Take a census of the territory's digital-commons initiatives, legitimize them and run their network (decision to be cited).";
    purposes_consent: "Pour les données des personnes à contacter, chacune selon le consentement enregistré (« recense consent ») :", "For the contact persons' data, each according to the recorded consent (`recense consent`):";
    purpose_line: "{label} : {description} — consentement en vigueur pour {n} {n:initiative|initiatives}.", "{label}: {description} — consent in force for {n} {n:initiatives|initiative|initiatives}.";
    legal_basis: "Base légale : le consentement de la personne (article 6.1.a), recueilli et daté dans le recensement, retirable à tout moment ; pour les noms des agents, l'exécution d'une mission d'intérêt public (article 6.1.e) — à confirmer par le DPO.", "Legal basis: the person's consent (article 6.1.a), recorded and dated in the census, withdrawable at any time; for the agents' names, a task in the public interest (article 6.1.e) — to be confirmed by the DPO.";
    persons_title: "Catégories de personnes concernées", "Categories of data subjects";
    persons_contacts: "Personnes à contacter des initiatives recensées : {n} {n:initiative en a|initiatives en ont}.", "Contact persons of the recorded initiatives: {n} {n:initiatives have|initiative has|initiatives have} one.";
    persons_agents: "Agents qui tiennent le recensement : {n} {n:nom|noms} dans le fichier, signant chaque valeur qu'ils écrivent.", "Agents keeping the census: {n} {n:names|name|names} in the file, signing every value they write.";
    data_title: "Catégories de données", "Categories of data";
    data_caption: "Champs personnels du formulaire", "Personal fields of the form";
    col_field: "Champ", "Field";
    col_id: "Identifiant", "Id";
    col_filled: "Initiatives", "Initiatives";
    data_other: "Aussi : le nom de chaque agent et la date de chacune de ses écritures ; les consentements (date, moyen, finalités, agent) ; les textes libres (description, notes de preuve, commentaires) peuvent nommer une personne (« recense rgpd access NOM » les trouve). Aucune donnée sensible (article 9) n'est demandée.", "Also: each agent's name and the date of each of their writes; consents (date, means, purposes, agent); free text (description, evidence notes, comments) may name a person (`recense rgpd access NAME` finds them). No sensitive data (article 9) is asked for.";
    recipients_title: "Destinataires", "Recipients";
    recipients: "Les agents de la collectivité qui tiennent une copie du recensement et les collègues à qui elle est envoyée (courriel, dépôt git) ; les services internes pour la finalité « diffusion interne ». Les exports et rapports publics (--public) ne contiennent aucun champ personnel ; la liste « export --contacts » ne contient que les personnes ayant consenti aux invitations. Aucun transfert hors de l'Union européenne par recense (à vérifier pour la messagerie et l'hébergement git utilisés).", "The local authority's agents who keep a copy of the census and the colleagues it is sent to (e-mail, git repository); internal services for the `internal sharing` purpose. Public exports and reports (--public) hold no personal field; the `export --contacts` list holds only persons who consented to invitations. No transfer outside the European Union by recense (to be checked for the mail and git hosting used).";
    retention_title: "Durées de conservation", "Retention";
    retention: "Données personnelles : {months} mois après le dernier contact (action, preuve ou modification) ; valeurs personnelles d'une initiative supprimée : {days} jours après la suppression. Durées fixées par le formulaire (periods : retention_months, deletion_grace_days).", "Personal data: {months} months after the last contact (action, evidence or edit); personal values of a deleted initiative: {days} days after the deletion. Periods set by the form (periods: retention_months, deletion_grace_days).";
    security_title: "Mesures de sécurité", "Security measures";
    security: "Un fichier local sur le poste de l'agent, jamais en ligne : recense n'ouvre aucune connexion réseau.|Fichier créé en mode 600 (lisible par son seul propriétaire), mode conservé à chaque écriture.|Un verrou empêche deux écritures simultanées ; chaque écriture est atomique (fichier temporaire, synchronisation, renommage), avec une sauvegarde .bak et un journal, eux aussi locaux.|Une somme de contrôle révèle un fichier reçu tronqué ou modifié.|Les exports publics laissent de côté les champs personnels ; les valeurs sans consentement en vigueur sont signalées à l'écran et comptées au tableau de bord.", "One local file on the agent's computer, never online: recense opens no network connection.|File created with mode 600 (readable by its owner only), mode kept on every write.|A lock prevents two simultaneous writes; each write is atomic (temporary file, sync, rename), with a .bak backup and a journal, local too.|A checksum reveals a received file that was truncated or changed.|Public exports leave personal fields out; values without consent in force are flagged on screen and counted on the dashboard.";
    state_title: "État du recensement", "State of the census";
    state: "{personal} {personal:initiative|initiatives} avec des données personnelles : {given} avec un consentement en vigueur, {withdrawn} dont le consentement a été retiré, {none} sans consentement enregistré.", "{personal} {personal:initiatives|initiative|initiatives} with personal data: {given} with consent in force, {withdrawn} whose consent was withdrawn, {none} with no consent recorded.";
    footer: "Établi par recense à partir du fichier, sans aucune donnée personnelle : ni nom, ni courriel, ni téléphone.", "Drawn up by recense from the file, with no personal data: no name, no e-mail, no phone.";
}

pub(super) fn pick(lang: Lang) -> &'static RegistreText {
    registre_text(lang)
}
