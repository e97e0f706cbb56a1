//! The English of the command line's help: each French text of `cli::Cli`
//! (a doc comment, exactly as clap reads it) with its translation, as
//! gettext pairs a source text with its translation. A French text edited
//! without its pair here is listed by the test `every_help_text_has_english`.

macro_rules! english {
    ($($fr:literal => $en:literal;)*) => {
        const PAIRS: &[(&str, &str)] = &[$(($fr, $en),)*];
    };
}

/// The English of a French help text.
pub(crate) fn english(french: &str) -> Option<&'static str> {
    PAIRS
        .iter()
        .find(|(fr, _)| *fr == french)
        .map(|(_, en)| *en)
}

/// The English of a value name (`FICHIER` → `FILE`); a name without
/// translation (`ID`, `URL`) is the same in both.
pub(crate) fn english_value_name(french: &str) -> String {
    VALUE_NAMES
        .iter()
        .find(|(fr, _)| *fr == french)
        .map_or(french, |(_, en)| *en)
        .to_string()
}

pub(crate) const VALUE_NAMES: &[(&str, &str)] = &[
    ("A", "A"),
    ("ANNEE", "YEAR"),
    ("BOM", "BOM"),
    ("ENCODAGE", "ENCODING"),
    ("MONTANT", "AMOUNT"),
    ("QUI", "WHO"),
    ("QUIET", "QUIET"),
    ("ACCEPT_EDITED", "ACCEPT_EDITED"),
    ("ACTION", "ACTION"),
    ("AGENT", "AGENT"),
    ("ASCII", "ASCII"),
    ("UNICODE", "UNICODE"),
    ("AUDIENCE", "AUDIENCE"),
    ("B", "B"),
    ("BASE", "BASE"),
    ("CHAMP", "FIELD"),
    ("CHAMP=VALEUR", "FIELD=VALUE"),
    ("CHECK", "CHECK"),
    ("COLONNE=CHAMP", "COLUMN=FIELD"),
    ("COMMENT", "COMMENT"),
    ("COMMUNE", "COMMUNE"),
    ("COUNT", "COUNT"),
    ("CREATE_LIKELY", "CREATE_LIKELY"),
    ("DATE", "DATE"),
    ("DELETED", "DELETED"),
    ("DOSSIER", "FOLDER"),
    ("DRY_RUN", "DRY_RUN"),
    ("EXPIRED", "EXPIRED"),
    ("FICHIER", "FILE"),
    ("FICHIER|REVISION", "FILE|REVISION"),
    ("FIELD", "FIELD"),
    ("FILE", "FILE"),
    ("FINALITÉ[,FINALITÉ]", "PURPOSE[,PURPOSE]"),
    ("FORMAT", "FORMAT"),
    ("FORME", "FORM"),
    ("HEADER", "HEADER"),
    ("ID", "ID"),
    ("KEEP", "KEEP"),
    ("KIND", "KIND"),
    ("LIEU", "PLACE"),
    ("MINE", "MINE"),
    ("MOYEN", "MEANS"),
    ("N", "N"),
    ("NAME", "NAME"),
    ("NEW", "NEW"),
    ("NOM", "NAME"),
    ("NOTE", "NOTE"),
    ("OLD", "OLD"),
    ("OTHER", "OTHER"),
    ("OURS", "OURS"),
    ("OVERDUE", "OVERDUE"),
    ("P", "P"),
    ("PATH", "PATH"),
    ("PERIMETER", "PERIMETER"),
    ("PICK", "PICK"),
    ("PUBLIC", "PUBLIC"),
    ("PURGE", "PURGE"),
    ("RELATION", "RELATION"),
    ("RON", "RON"),
    ("SECONDES", "SECONDS"),
    ("SEED", "SEED"),
    ("SET", "SET"),
    ("SORTIE", "OUTPUT"),
    ("STALE", "STALE"),
    ("STATUS", "STATUS"),
    ("STATUT", "STATUS"),
    ("STRICT", "STRICT"),
    ("STRICT_PUBLIC", "STRICT_PUBLIC"),
    ("TARGET", "TARGET"),
    ("TEXTE", "TEXT"),
    ("THEIRS", "THEIRS"),
    ("TYPE", "TYPE"),
    ("URL", "URL"),
    ("WITHDRAW", "WITHDRAW"),
    ("WITHOUT", "WITHOUT"),
    ("fr|en", "fr|en"),
];

english! {
    "AAAA-MM-JJ (sinon aujourd'hui)" => "YYYY-MM-DD (otherwise today)";
    "Accepte un fichier dont la somme de contrôle ne correspond pas (modifié à la main exprès)" => "Accept a file whose checksum does not match (edited by hand on purpose)";
    "Affiche le formulaire du recensement (ou le formulaire par défaut)" => "Show the census's form (or the default form)";
    "Affiche le périmètre" => "Show the perimeter";
    "Affiche une initiative" => "Show an initiative";
    "Ajoute des valeurs à un champ à plusieurs valeurs (choix, relations)" => "Add values to a multi-valued field (choices, relations)";
    "Ajoute une initiative ; affiche son identifiant" => "Add an initiative; print its id";
    "Ajoute une preuve" => "Add a piece of evidence";
    "Ajoute une édition datée à un événement ou une formation" => "Add a dated edition to an event or a training";
    "Ajoute « Évolution depuis le … » : ce qui a changé depuis cette date (AAAA-MM-JJ), d'après les dates du fichier" => "Add \"Changes since …\": what changed since this date (YYYY-MM-DD), according to the file's dates";
    "Annule la dernière modification du recensement (ou d'une initiative) par une nouvelle modification, qui tient aux fusions" => "Undo the census's last change (or an initiative's) with a new change, which holds across merges";
    "Attendre que le recensement soit libre s'il est ouvert ailleurs, au plus SECONDES (sans nombre : sans limite ; aussi RECENSE_WAIT)" => "Wait until the census is free if it is open elsewhere, at most SECONDS (without a number: no limit; also RECENSE_WAIT)";
    "Avec --format ics : seulement vos prochaines étapes" => "With --format ics: only your next steps";
    "CHAMP=VALEUR ; plusieurs valeurs : champ=a,b ou --set répété" => "FIELD=VALUE; several values: field=a,b or --set repeated";
    "Calendrier iCalendar (Thunderbird…) : les prochaines étapes ouvertes, une tâche chacune" => "iCalendar calendar (Thunderbird…): the open next steps, one task each";
    "Carnet d'adresses, vCard 4.0 (RFC 6350)" => "Address book, vCard 4.0 (RFC 6350)";
    "Carte (uMap, QGIS) : les initiatives avec coordonnées, sans champs personnels" => "Map (uMap, QGIS): the initiatives with coordinates, without personal fields";
    "Carte uMap en CSV : name;description;lat;lon;…, sans champs personnels" => "uMap map as CSV: name;description;lat;lon;…, without personal fields";
    "Ce que ce collègue n'a pas encore (d'après les fichiers reçus de lui)" => "What this colleague does not have yet (according to the files received from them)";
    "Ce qui a changé d'un recensement à un autre (l'an dernier et aujourd'hui)" => "What changed from one census to another (last year and today)";
    "Change le statut d'une initiative (repere, contacte, rencontre, legitime, soutenu, en_sommeil, disparu)" => "Change an initiative's status (repere, contacte, rencontre, legitime, soutenu, en_sommeil, disparu)";
    "Classeur LibreOffice : initiatives, preuves, relations" => "LibreOffice workbook: initiatives, evidence, relations";
    "Comme --public, et laisse de côté ces textes libres" => "Like --public, and leave out these free texts";
    "Comme --public, et laisse de côté les textes libres qui semblent contenir un courriel ou un téléphone" => "Like --public, and leave out the free texts that seem to contain an e-mail address or a phone number";
    "Comment la personne a consenti : oral, courriel, formulaire, ecrit" => "How the person consented: oral, courriel, formulaire, ecrit";
    "Communes sans structure relais" => "Communes without a structure relais";
    "Communes sans aucune initiative" => "Communes without any initiative";
    "Configure git pour fusionner ce recensement avec recense" => "Configure git to merge this census with recense";
    "Confirme qu'une initiative existe et est bien décrite (par un collègue)" => "Confirm that an initiative exists and is well described (by a colleague)";
    "Consentement de la personne à contacter (RGPD) : --means oral|courriel|formulaire|ecrit --purpose contact,diffusion_interne,invitations [--date D], ou --withdraw" => "Consent of the contact person (GDPR): --means oral|courriel|formulaire|ecrit --purpose contact,diffusion_interne,invitations [--date D], or --withdraw";
    "Crée aussi les lignes qui ressemblent à une initiative déjà là (à revoir avec « recense duplicates »)" => "Also create the rows that look like an initiative already there (to review with `recense duplicates`)";
    "Crée un recensement vide" => "Create an empty census";
    "Données personnelles (RGPD) : droit d'accès, registre des traitements, conservation, effacement" => "Personal data (GDPR): right of access, record of processing, retention, erasure";
    "Droit d'accès : tout ce que le recensement contient sur une personne (valeurs, où, par qui, depuis quand, consentement)" => "Right of access: everything the census holds about a person (values, where, by whom, since when, consent)";
    "Déclare le périmètre (remplace le précédent)" => "Declare the perimeter (replaces the previous one)";
    "Efface aussi tout de suite ses données personnelles (sinon : après le délai de grâce du formulaire, 30 jours par défaut)" => "Also erase its personal data at once (otherwise: after the form's grace period, 30 days by default)";
    "Efface des données personnelles partout dans le fichier, pour de bon : elles ne reviendront pas d'une copie plus ancienne" => "Erase personal data everywhere in the file, for good: it will not come back from an older copy";
    "En-têtes et valeurs des choix : labels = libellés (pour un tableur), ids = identifiants (pour un script)" => "Headers and choice values: labels (for a spreadsheet), ids (for a script)";
    "Enregistre aussi l'action qui a fait changer le statut : appel, courriel, rencontre, visite, relance, courrier, reunion, autre" => "Also record the action that changed the status: appel, courriel, rencontre, visite, relance, courrier, reunion, autre";
    "Enregistre une action (appel, courriel, rencontre, visite, relance, courrier, reunion, autre), et sa prochaine étape" => "Record an action (appel, courriel, rencontre, visite, relance, courrier, reunion, autre), and its next step";
    "Envoie une colonne dans un champ (identifiant ou libellé), « notes », ou « - » pour l'ignorer ; peut être répété (csv)" => "Send a column into a field (id or label), `notes`, or `-` to ignore it; may be repeated (csv)";
    "Exporte le recensement : tableur (csv, ods), carte (geojson, umap-csv), réseau (dot, gexf), json, standards nationaux (mednum, data-inclusion)" => "Export the census: spreadsheet (csv, ods), map (geojson, umap-csv), network (dot, gexf), json, national standards (mednum, data-inclusion)";
    "Exporte le recensement : tableur (csv, ods), carte (geojson, umap-csv), réseau (dot, gexf), json, standards nationaux (mednum, data-inclusion).\n\nExporte les initiatives en cours (pas les supprimées), triées par nom, avec les mêmes filtres que list. Le même recensement donne toujours les mêmes octets.\n\nATTENTION : sans --public, csv, json et ods contiennent les données personnelles (personne à contacter, son courriel, son téléphone) et les noms des agents : c'est votre copie de travail, à ne pas publier (RGPD). Ajoutez --public pour un fichier à diffuser. Les cartes (geojson, umap-csv), les réseaux (dot, gexf) et les standards nationaux n'en contiennent jamais." => "Export the census: spreadsheet (csv, ods), map (geojson, umap-csv), network (dot, gexf), json, national standards (mednum, data-inclusion).\n\nExports the current initiatives (not the deleted ones), sorted by name, with the same filters as list. The same census always gives the same bytes.\n\nWARNING: without --public, csv, json and ods contain personal data (contact person, their e-mail, their phone) and the agents' names: this is your working copy, not to be published (GDPR). Add --public for a file to share. Maps (geojson, umap-csv), networks (dot, gexf) and national standards never contain any.";
    "Fichier du recensement (sinon RECENSE_FILE, sinon recense.ron dans le dossier de données)" => "Census file (otherwise RECENSE_FILE, otherwise recense.ron in the data folder)";
    "Fichier à créer (sinon --file, sinon le recensement par défaut)" => "File to create (otherwise --file, otherwise the default census)";
    "Fichiers reçus ; avec -o, les fichiers à fusionner ensemble" => "Received files; with -o, the files to merge together";
    "Formulaire à utiliser à la place du formulaire par défaut" => "Form to use instead of the default form";
    "Formulaires : vérifier, afficher" => "Forms: check, show";
    "Fusionne des recensements reçus de collègues (dans l'ordre qu'on veut, autant de fois qu'on veut)" => "Merge censuses received from colleagues (in any order, as many times as you like)";
    "Fusionne un doublon dans l'initiative gardée (le doublon reste comme renvoi)" => "Fuse a duplicate into the initiative kept (the duplicate stays as a redirect)";
    "Identifiant de l'initiative, ou son début s'il est unique" => "Id of the initiative, or its beginning if unique";
    "Identifiant, ou son début s'il est unique" => "Id, or its beginning if unique";
    "Identifiants des champs et des choix (pour un script, une réimportation exacte)" => "Ids of fields and choices (for a script, an exact re-import)";
    "Importe un fichier : csv, mednum (lieux de médiation numérique), data-inclusion, chatons (organization.properties)" => "Import a file: csv, mednum (lieux de médiation numérique), data-inclusion, chatons (organization.properties)";
    "Inclure les initiatives supprimées" => "Include deleted initiatives";
    "Interface dessinée en ASCII seulement (vieux terminaux, polices sans cadres)" => "Interface drawn in ASCII only (old terminals, fonts without box drawing)";
    "Interface dessinée avec ses symboles Unicode même sur la console Linux (TERM=linux), si sa police les a" => "Interface drawn with its Unicode symbols even on the Linux console (TERM=linux), if its font has them";
    "L'ancien fichier" => "The old file";
    "L'ancien recensement : un fichier, ou une révision git (lue dans le dépôt du recensement, sans réseau)" => "The old census: a file, or a git revision (read in the census's repository, without network)";
    "L'historique : statuts, preuves, confirmations, qui et quand" => "The history: statuses, evidence, confirmations, who and when";
    "L'identifiant de l'action, comme recense todo l'affiche" => "The action's id, as recense todo shows it";
    "L'initiative dont effacer les données personnelles (identifiant ou son début)" => "The initiative whose personal data to erase (id or its beginning)";
    "L'initiative gardée" => "The initiative kept";
    "L'échéance de la prochaine étape : 2026-03-15, 15/03, +7j, lundi" => "The next step's due date: 2026-03-15, 15/03, +7j, lundi";
    "L'événement ou la formation (type evenement ou formation)" => "The event or training (type evenement or formation)";
    "La liste de diffusion des personnes à contacter qui ont consenti aux invitations (RGPD) : texte (lignes « Nom <courriel> »), csv ou vcard (vCard 4.0) ; personne d'autre" => "The mailing list of the contact persons who consented to invitations (GDPR): text (lines \"Name <e-mail>\"), csv or vcard (vCard 4.0); nobody else";
    "La note de cette action (sinon le commentaire)" => "The note of this action (otherwise the comment)";
    "La personne retire son consentement (ses données ne sont plus exportées)" => "The person withdraws their consent (their data is no longer exported)";
    "La prochaine étape, à faire pour la date --due" => "The next step, to do by the --due date";
    "Laisse de côté les champs personnels (personne à contacter, son courriel, son téléphone…) et les noms des agents : pour publier. SANS --public, csv, json et ods CONTIENNENT ces données personnelles (RGPD) : ne les diffusez pas" => "Leave out personal fields (contact person, their e-mail, their phone…) and agents' names: for publishing. WITHOUT --public, csv, json and ods CONTAIN this personal data (GDPR): do not share them";
    "Langue des messages : fr ou en (sinon selon la locale)" => "Language of messages: fr or en (otherwise from the locale)";
    "Le champ en conflit (`_deleted` pour une initiative supprimée et modifiée)" => "The field in conflict (`_deleted` for an initiative deleted and edited)";
    "Le collègue qui envoie le fichier (sinon : l'auteur de sa dernière modification)" => "The colleague who sends the file (otherwise: the author of its last change)";
    "Le collègue à qui revient la prochaine étape (son nom ; sinon vous)" => "The colleague the next step belongs to (their name; otherwise you)";
    "Le doublon" => "The duplicate";
    "Le fichier à importer" => "The file to import";
    "Le jour de l'action : 2026-03-15, 15/03, hier, lundi, -3j (sinon aujourd'hui)" => "The day of the action: 2026-03-15, 15/03, hier, lundi, -3j (otherwise today)";
    "Le jour où la personne l'a dit, AAAA-MM-JJ (sinon aujourd'hui)" => "The day the person said so, YYYY-MM-DD (otherwise today)";
    "Le lieu" => "The place";
    "Le nom de la personne (sans accents ni casse, mots dans n'importe quel ordre)" => "The person's name (accents and case ignored, words in any order)";
    "Le nombre de participants" => "The number of participants";
    "Le nouveau fichier" => "The new file";
    "Le nouveau statut (identifiant ou libellé)" => "The new status (id or label)";
    "Le numéro de la valeur choisie, comme « recense conflicts » les liste" => "The number of the chosen value, as `recense conflicts` lists them";
    "Le recensement entier pour les scripts (forme stable, voir docs/export.md)" => "The whole census for scripts (stable form, see docs/export.md)";
    "Le territoire du résultat quand un fichier reçu est d'un autre territoire (sinon : celui de ce recensement)" => "The territory of the result when a received file is from another territory (otherwise: this census's)";
    "Le texte RON du formulaire plutôt que sa description" => "The form's RON text rather than its description";
    "Les chiffres du recensement : types, statuts, communes, problèmes publics, communs, soutiens, besoins, réseau" => "The census's figures: types, statuses, communes, public problems, commons, support, needs, network";
    "Les communes du périmètre : population, initiatives, relais, statuts ; zones blanches" => "The communes of the perimeter: population, initiatives, relays, statuses; white zones";
    "Les données personnelles au-delà de la durée de conservation (voir « recense rgpd review »)" => "Personal data beyond the retention period (see `recense rgpd review`)";
    "Les initiatives modifiées depuis cette date (AAAA-MM-JJ)" => "The initiatives changed since this date (YYYY-MM-DD)";
    "Les prochaines étapes à faire : en retard d'abord, puis par échéance" => "The next steps to do: overdue first, then by due date";
    "Les services techniques : communs produits, services, arguments techniques, coûts" => "Technical services: commons produced, services, technical arguments, costs";
    "Les élus : problèmes publics, territoire, soutiens et besoins, réseau" => "Elected officials: public problems, territory, support and needs, network";
    "Libellés des champs et des choix (pour un tableur)" => "Labels of fields and choices (for a spreadsheet)";
    "Liste les conflits : valeurs, auteurs, dates, et comment les régler" => "List the conflicts: values, authors, dates, and how to settle them";
    "Liste les données personnelles gardées au-delà de la durée de conservation (après le dernier contact), avec pourquoi" => "List the personal data kept beyond the retention period (after the last contact), with why";
    "Liste les doublons probables, avec la raison" => "List the likely duplicates, with the reason";
    "Liste les initiatives" => "List the initiatives";
    "Markdown" => "Markdown";
    "Markdown (GitHub, GitLab, Forgejo)" => "Markdown (GitHub, GitLab, Forgejo)";
    "Marque une prochaine étape comme faite (sans ACTION : la seule ouverte de l'initiative)" => "Mark a next step as done (without ACTION: the initiative's only open one)";
    "Modifie des champs d'une initiative" => "Change fields of an initiative";
    "Montre ce qui serait corrigé, sans rien écrire" => "Show what would be corrected, without writing anything";
    "Montre ce qui serait effacé ; n'écrit rien" => "Show what would be erased; write nothing";
    "Montre ce qui serait fait ; n'écrit rien" => "Show what would be done; write nothing";
    "Montre seulement le résumé ; n'écrit rien" => "Show only the summary; write nothing";
    "N'importe rien si une ligne est refusée (code de sortie 1)" => "Import nothing if a row is refused (exit code 1)";
    "Ne réécrit rien ; code 1 si un fichier n'est pas canonique" => "Rewrite nothing; exit code 1 if a file is not canonical";
    "Nom du territoire, par exemple « Pays de Brest »" => "Name of the territory, for example \"Pays de Brest\"";
    "Note que deux initiatives ne sont pas des doublons (retenu et partagé)" => "Note that two initiatives are not duplicates (remembered and shared)";
    "Note que la fiche a été vérifiée aujourd'hui (elle est toujours juste)" => "Note that the record was verified today (it is still right)";
    "Outils de développement (données de test, mesures)" => "Development tools (test data, measurements)";
    "Pilote de fusion pour git (appelé par git : %O %A %B %P)" => "Merge driver for git (called by git: %O %A %B %P)";
    "Pour qui : elus (discours politique) ou techniciens (discours technique)" => "For whom: elus (political framing) or techniciens (technical framing)";
    "Pour quoi : contact, diffusion_interne, invitations (plusieurs séparées par des virgules)" => "For what: contact, diffusion_interne, invitations (several separated by commas)";
    "Preuves : entretien, visite, document, site web, presse, registre officiel, événement" => "Evidence: interview, visit, document, website, press, official register, event";
    "Périmètre du territoire : epci:SIREN, dep:CODE, insee:CODE ou nom d'un EPCI ou département, séparés par des virgules" => "Perimeter of the territory: epci:SIREN, dep:CODE, insee:CODE or name of an EPCI or département, separated by commas";
    "Périmètre du territoire : le déclarer, l'afficher" => "Perimeter of the territory: declare it, show it";
    "Rapport pour les élus ou pour les techniciens, en Markdown ou en HTML" => "Report for elected officials or for technicians, in Markdown or HTML";
    "Recensement des communs numériques d'un territoire : TUI et CLI, fichier RON portable et fusionnable" => "Census of a territory's digital commons: TUI and CLI, portable and mergeable RON file";
    "Recherche approchée sur le nom, la commune et le type (sans accents ni casse)" => "Approximate search on the name, the commune and the type (accents and case ignored)";
    "Registre des activités de traitement (RGPD, article 30), pour le DPO" => "Record of processing activities (GDPR, article 30), for the DPO";
    "Relie deux initiatives : ID héberge|forme|relaie|finance|membre_de|partenaire|organise CIBLE" => "Link two initiatives: ID héberge|forme|relaie|finance|membre_de|partenaire|organise TARGET";
    "Remplace la valeur (pour un champ à plusieurs valeurs : toutes)" => "Replace the value (for a multi-valued field: all of them)";
    "Reprend les valeurs d'un ancien recensement (un fichier, ou une révision git du fichier : HEAD~1, un commit) comme nouvelles modifications, qui tiennent aux fusions" => "Take back the values of an old census (a file, or a git revision of the file: HEAD~1, a commit) as new changes, which hold across merges";
    "Restaure une initiative supprimée" => "Restore a deleted initiative";
    "Retire des valeurs d'un champ à plusieurs valeurs" => "Remove values from a multi-valued field";
    "Retire une relation" => "Remove a relation";
    "Règle un conflit : choisit une des valeurs, ou en donne une nouvelle" => "Settle a conflict: pick one of the values, or give a new one";
    "Réseau pour Gephi (sans champs personnels)" => "Network for Gephi (without personal fields)";
    "Réseau pour GraphViz (sans champs personnels)" => "Network for GraphViz (without personal fields)";
    "Réécrit des recensements dans la forme canonique" => "Rewrite censuses in the canonical form";
    "Sans aucune donnée personnelle (personne à contacter…), pour diffusion" => "Without any personal data (contact person…), for sharing";
    "Sans champ personnel, les agents nommés « Agent 1 », « Agent 2 »… ; avertit des textes libres qui semblent contenir un courriel ou un téléphone" => "Without personal fields, agents named \"Agent 1\", \"Agent 2\"…; warn about free texts that seem to contain an e-mail address or a phone number";
    "Seulement ce champ" => "Only this field";
    "Seulement ce champ de l'initiative (sinon : tous ses champs personnels)" => "Only this field of the initiative (otherwise: all its personal fields)";
    "Seulement ce statut (repere, contacte, rencontre, legitime, soutenu, en_sommeil, disparu) ; peut être répété" => "Only this status (repere, contacte, rencontre, legitime, soutenu, en_sommeil, disparu); may be repeated";
    "Seulement ce statut ; peut être répété" => "Only this status; may be repeated";
    "Seulement ce type (identifiant ou libellé) ; peut être répété" => "Only this type (id or label); may be repeated";
    "Seulement celles dues au plus tard ce jour (2026-03-15, 15/03, +7j, lundi)" => "Only those due by this day (2026-03-15, 15/03, +7j, lundi)";
    "Seulement celles en retard" => "Only overdue ones";
    "Seulement cette commune ; peut être répété" => "Only this commune; may be repeated";
    "Seulement cette initiative" => "Only this initiative";
    "Seulement la dernière modification de cette initiative" => "Only the last change of this initiative";
    "Seulement les communes sans initiative, ou sans structure relais" => "Only the communes without initiative, or without structure relais";
    "Seulement les fiches à revérifier (jamais vérifiées, ou pas depuis la période du formulaire), les plus anciennes d'abord" => "Only the records to check again (never verified, or not within the form's period), oldest first";
    "Seulement les initiatives trouvées par cette recherche (comme list)" => "Only the initiatives found by this search (as list)";
    "Seulement les vôtres (pour vous, ou de vous quand elles ne sont pour personne d'autre)" => "Only yours (for you, or from you when they are for nobody else)";
    "Standard data·inclusion (structures)" => "data·inclusion standard (structures)";
    "Standard national des lieux de médiation numérique" => "National standard of the lieux de médiation numérique";
    "Suivi : actions faites (appel, visite…) et prochaines étapes" => "Follow-up: actions done (call, visit…) and next steps";
    "Supprime une initiative (elle reste comme pierre tombale, restaurable)" => "Delete an initiative (it stays as a tombstone, restorable)";
    "Tableur : nom, courriel, téléphone, initiatives" => "Spreadsheet: name, e-mail, phone, initiatives";
    "Tableur : une colonne par champ, séparateur « ; », UTF-8" => "Spreadsheet: one column per field, separator \";\", UTF-8";
    "Toutes les adresses web du recensement (site, preuves…), pour un vérificateur de liens externe" => "All the web addresses of the census (website, evidence…), for an external link checker";
    "Toutes les valeurs qui nomment cette personne (accents et majuscules ignorés), dans les champs personnels et les textes libres" => "All the values that name this person (accents and case ignored), in personal fields and free texts";
    "Une initiative qui y a participé (reçoit la relation participe_a) ; peut être répété" => "An initiative that took part (receives the relation participe_a); may be repeated";
    "Une ligne « Nom <courriel> » par personne, à coller dans les destinataires" => "One line \"Name <e-mail>\" per person, to paste into the recipients";
    "Une nouvelle valeur" => "A new value";
    "Une page HTML autonome, imprimable" => "A standalone, printable HTML page";
    "Valeur des lignes qui n'en donnent pas, par exemple type=association ; peut être répété" => "Value for the rows that give none, for example type=association; may be repeated";
    "Vide un champ" => "Empty a field";
    "Votre nom, si ce n'est pas celui de la configuration (aussi RECENSE_AGENT)" => "Your name, if not the one in the configuration (also RECENSE_AGENT)";
    "Vérifie des fichiers de recensement ou de formulaire ; code 0 seulement si tous sont valides" => "Check census or form files; exit code 0 only if all are valid";
    "Vérifie tout : le fichier, le formulaire, le verrou, les conflits, la configuration git" => "Check everything: the file, the form, the lock, the conflicts, the git configuration";
    "Vérifie un formulaire : chaque problème avec sa ligne et sa colonne" => "Check a form: each problem with its line and column";
    "appel, courriel, rencontre, visite, relance, courrier, reunion, autre" => "appel, courriel, rencontre, visite, relance, courrier, reunion, autre";
    "entretien, visite, document, site_web, presse, registre_officiel, evenement" => "entretien, visite, document, site_web, presse, registre_officiel, evenement";
    "epci:SIREN, dep:CODE, insee:CODE ou nom d'un EPCI ou d'un département, séparés par des virgules" => "epci:SIREN, dep:CODE, insee:CODE or name of an EPCI or a département, separated by commas";
    "recense : le recensement des communs numériques d'un territoire.\n\nSans commande, ouvre l'interface plein écran sur le recensement (ou sur FICHIER)." => "recense: the census of a territory's digital commons.\n\nWithout a command, opens the full-screen interface on the census (or on FILE).";
    "Écrit dans ce fichier, remplacé d'un coup (jamais à moitié écrit) ; sinon sur la sortie standard" => "Write into this file, replaced at once (never half written); otherwise on standard output";
    "Écrit le rapport dans ce fichier (sinon sur la sortie standard)" => "Write the report into this file (otherwise on standard output)";
    "Écrit le registre dans ce fichier (sinon sur la sortie standard)" => "Write the record into this file (otherwise on standard output)";
    "Écrit le résultat dans ce fichier sans toucher aux autres" => "Write the result into this file without touching the others";
    "Écrit les communes comme dans le Code officiel géographique et remplit les codes INSEE et postaux manquants quand la commune est certaine ; liste ce qui reste à décider" => "Write the communes as in the Code officiel géographique and fill in the missing INSEE and postal codes when the commune is certain; list what remains to decide";
    "Écrit les complètements de bash (recense), zsh (_recense) et fish (recense.fish) dans DOSSIER" => "Write the completions of bash (recense), zsh (_recense) and fish (recense.fish) into FOLDER";
    "Écrit les pages de manuel en français (recense.1, une page par commande) dans DOSSIER" => "Write the man pages in French (recense.1, one page per command) into FOLDER";
    "Écrit un paquet : seulement ce qui a changé, un petit fichier à envoyer" => "Write a bundle: only what changed, a small file to send";
    "Écrit un recensement synthétique réaliste (pour les mesures)" => "Write a realistic synthetic census (for measurements)";
    "Éditions des événements et formations : date, lieu, participants" => "Editions of events and trainings: date, place, participants";
    "Ajoute un soutien reçu (et coche son type dans les soutiens reçus)" => "Add a support received (and tick its kind among the supports received)";
    "Commence le CSV (csv, umap-csv, mednum) par la marque d'ordre des octets UTF-8 : pour qu'Excel l'ouvre d'un double-clic avec les accents" => "Start the CSV (csv, umap-csv, mednum) with the UTF-8 byte order mark, so that Excel opens it with its accents on a double-click";
    "ISO-8859-1 proprement dit (pas Windows-1252)" => "ISO-8859-1 proper (not Windows-1252)";
    "Identifiant, ou son début ou sa fin s'ils sont uniques (« recense list » montre la fin), ou le nom" => "Id, or its beginning or end when unique (`recense list` shows the end), or the name";
    "Jeu de caractères d'un CSV (sinon UTF-8, ou Windows-1252 si le fichier n'est pas en UTF-8) ; latin1 = ISO-8859-1" => "Character set of a CSV (otherwise UTF-8, or Windows-1252 when the file is not UTF-8); latin1 = ISO-8859-1";
    "L'année du soutien (AAAA)" => "The year of the support (YYYY)";
    "Le montant en euros, s'il est connu : 1500, 1 500 ou 1500,50" => "The amount in euros, when known: 1500, 1 500 or 1500,50";
    "Preuves : entretien, visite, document, site web, presse, registre officiel, événement, actes de la collectivité" => "Evidence: interview, visit, document, website, press, official register, event, acts of the local authority";
    "Qui l'a accordé : « Région Bretagne », « Ville de Brest »…" => "Who granted it: `Région Bretagne`, `Ville de Brest`…";
    "Sans barre de progression (sinon montrée sur la sortie d'erreur pour un travail de plus d'une seconde, si c'est un terminal)" => "No progress bar (otherwise shown on standard error for work of more than a second, when it is a terminal)";
    "Soutiens reçus : type, année, montant en euros, de qui" => "Supports received: kind, year, amount in euros, from whom";
    "Supprime une initiative (elle reste restaurable avec « recense restore »)" => "Delete an initiative (it can still be restored with `recense restore`)";
    "entretien, visite, document, site_web, presse, registre_officiel, evenement ; actes de la collectivité : deliberation, convention, subvention_votee, mention_plan_local" => "entretien, visite, document, site_web, presse, registre_officiel, evenement; acts of the local authority: deliberation, convention, subvention_votee, mention_plan_local";
    "subvention_fonctionnement, appel_a_projets, materiel, hebergement, locaux, formation_agents, poste_dedie" => "subvention_fonctionnement, appel_a_projets, materiel, hebergement, locaux, formation_agents, poste_dedie (operating grant, call for projects, equipment, hosting, premises, training of officers, dedicated post)";
}
