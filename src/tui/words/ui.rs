//! The words of the terminal interface. One line per text: its name, French,
//! English. Both languages have every text, or this does not compile.

use crate::lang::Lang;

strings! { Ui, ui;
    conflicts_title: "Conflits à régler", "Conflicts to settle";
    conflicts_none: "Aucun conflit : rien à régler.", "No conflict: nothing to settle.";
    conflict_field: "{name} — « {field} » modifié en parallèle", "{name} — `{field}` changed concurrently";
    conflict_keep: "garder", "keep";
    conflict_new_value: "saisir une autre valeur…", "type another value…";
    conflict_deleted: "{name} — supprimée par {deleted}, modifiée ensuite par {edited}", "{name} — deleted by {deleted}, then edited by {edited}";
    conflict_delete_anyway: "supprimer quand même", "delete anyway";
    conflict_keep_initiative: "garder l'initiative", "keep the initiative";
    conflict_fused: "{name} — modifié sur son doublon après la fusion", "{name} — changed on its duplicate after the fusion";
    conflict_fuse_again: "reprendre ces modifications (fusionner à nouveau)", "take these changes in (fuse again)";
    conflict_edit: "{field} = « {value} » par {who}", "{field} = `{value}` by {who}";
    conflict_settled: "Conflit réglé", "Conflict settled";
    conflict_one: "conflit", "conflict";
    conflict_many: "conflits", "conflicts";
    duplicates_title: "Doublons possibles", "Possible duplicates";
    duplicates_none: "Aucun doublon possible.", "No possible duplicate.";
    duplicate_kept: "Gardée", "Kept";
    duplicate_absorbed: "Reprise dedans", "Taken in";
    fused_done: "Fusionnées : {n} {n:valeur reprise|valeurs reprises}", "Fused: {n} {n:values|value|values} taken in";
    fused_conflicts: "des valeurs différentes sont à régler (C)", "different values to settle (C)";
    not_duplicate_done: "Retenu : ce sont deux initiatives différentes", "Noted: these are two different initiatives";
    merge_usage: "Usage : :merge FICHIER (:merge! si le fichier a été modifié à la main)", "Usage: :merge FILE (:merge! if the file was edited by hand)";
    app_title: "recense", "recense";
    // Before an explanation or a value: French typography puts a space
    // before the colon, English does not.
    colon: " : ", ": ";
    initiative: "initiative", "initiative";
    initiatives: "initiatives", "initiatives";
    col_name: "Nom", "Name";
    col_kind: "Type", "Kind";
    col_commune: "Commune", "Municipality";
    col_status: "Statut", "Status";
    col_score: "Score", "Score";
    empty_list: "Aucune initiative. Tapez « a » pour en ajouter une.", "No initiative. Press `a` to add one.";
    no_match: "Aucune initiative ne correspond.", "No initiative matches.";
    filters: "Filtres", "Filters";
    filter_none: "aucun filtre", "no filter";
    filter_clear_hint: "tous les filtres effacés", "all filters cleared";
    filter_kind: "Type", "Kind";
    filter_commune: "Commune", "Municipality";
    filter_problem: "Problème public", "Public problem";
    filter_need: "Besoin", "Need";
    filter_status: "Statut", "Status";
    filter_title: "Filtrer", "Filter";
    filter_help: "Espace coche, Entrée applique, Échap annule", "Space ticks, Enter applies, Esc cancels";
    saved: "enregistré", "saved";
    not_saved: "non enregistré", "not saved";
    agent: "agent", "agent";
    territory: "territoire", "territory";
    too_small: "Terminal trop petit : agrandissez-le (au moins 60×20).", "Terminal too small: enlarge it (at least 60×20).";
    help_title: "Aide : touches de cet écran", "Help: keys of this screen";
    detail_title: "Fiche", "Record";
    changed_by: "par", "by";
    hand_edit: "à la main", "by hand";
    conflict: "conflit", "conflict";
    other_fields: "Autres champs (inconnus du formulaire)", "Other fields (unknown to the form)";
    incoming: "Relations vers elle", "Relations towards it";
    deleted_mark: "supprimée", "deleted";
    confirm_delete: "Supprimer « {} » ? Elle pourra être restaurée.", "Delete `{}`? It can be restored.";
    deleted_done: "Supprimée (u pour annuler)", "Deleted (u to undo)";
    undo_done: "Annulé", "Undone";
    undo_empty: "Rien à annuler dans cette session", "Nothing to undo in this session";
    wizard_title: "Nouvelle initiative", "New initiative";
    wizard_copy_title: "Nouvelle initiative (copie)", "New initiative (copy)";
    edit_title: "Modifier", "Edit";
    step: "Étape", "Step";
    field: "Champ", "Field";
    relations: "Relations", "Relations";
    required_mark: "obligatoire", "required";
    optional_mark: "facultatif", "optional";
    summary: "Récapitulatif", "Summary";
    summary_hint: "Entrée enregistre · Maj-Tab revient · Échap garde le brouillon", "Enter saves · Shift-Tab goes back · Esc keeps the draft";
    required_missing: "Champs obligatoires à remplir", "Required fields to fill";
    created: "Initiative enregistrée", "Initiative saved";
    field_saved: "Champ enregistré", "Field saved";
    draft_kept: "Brouillon gardé pour le prochain démarrage", "Draft kept for the next start";
    duplicate_title: "Doublon possible", "Possible duplicate";
    duplicate_text: "Cette initiative ressemble à :", "This initiative looks like:";
    duplicate_choice: "o : ouvrir l'existante · Entrée : c'en est une autre", "o: open the existing one · Enter: it is a different one";
    choose_hint: "tapez pour filtrer · Espace coche · Entrée valide", "type to filter · Space ticks · Enter confirms";
    pick_hint: "tapez pour filtrer · Entrée choisit", "type to filter · Enter picks";
    relation_kind: "Type de relation", "Relation kind";
    relation_target: "Initiative liée", "Related initiative";
    none_selected: "(aucun)", "(none)";
    welcome_title: "Bienvenue dans recense", "Welcome to recense";
    welcome_text: "Recensez les communs numériques de votre territoire : associations, CHATONS, collectifs libristes, structures relais.", "Take a census of your territory's digital commons: associations, CHATONS, free-software collectives, relay organisations.";
    welcome_name: "Votre nom", "Your name";
    welcome_territory: "Votre territoire", "Your territory";
    welcome_start: "Commencer avec", "Start with";
    welcome_sample_brest: "l'exemple du Pays de Brest", "the Pays de Brest sample";
    welcome_sample_grenoble: "l'exemple de Grenoble", "the Grenoble sample";
    welcome_empty: "un recensement vide", "an empty census";
    welcome_hint: "Entrée : suivant · Échap : quitter", "Enter: next · Esc: quit";
    welcome_need_name: "Indiquez votre nom.", "Give your name.";
    welcome_need_territory: "Indiquez votre territoire.", "Give your territory.";
    unknown_command: "Commande inconnue", "Unknown command";
    quit_signal: "Signal reçu : enregistrement et sortie", "Signal received: saving and leaving";
    keys_file_error: "keys.ron ignoré en partie", "keys.ron partly ignored";
    rescue_written: "Le programme a rencontré une erreur interne. Une copie de secours du recensement est dans :", "The program hit an internal error. A rescue copy of the census is in:";
    count_shown: "affichées", "shown";
}

/// What an action does, for the help screen and the hint bar: a long text and
/// a short one.
pub fn action_label(
    action: crate::tui::action::Action,
    lang: Lang,
) -> (&'static str, &'static str) {
    use crate::tui::action::Action as A;
    let (fr, fr_short, en, en_short) = match action {
        A::Quit => (
            "quitter (tout est enregistré)",
            "quitter",
            "quit (everything is saved)",
            "quit",
        ),
        A::Help => (
            "aide : les touches de cet écran",
            "aide",
            "help: the keys of this screen",
            "help",
        ),
        A::Command => (
            "ligne de commande (:q, :w, :help)",
            "commande",
            "command line (:q, :w, :help)",
            "command",
        ),
        A::MoveDown => ("descendre", "bas", "move down", "down"),
        A::MoveUp => ("monter", "haut", "move up", "up"),
        A::Top => ("aller au début", "début", "go to the top", "top"),
        A::Bottom => ("aller à la fin", "fin", "go to the bottom", "bottom"),
        A::PageDown => ("page suivante", "page suiv.", "next page", "page down"),
        A::PageUp => ("page précédente", "page préc.", "previous page", "page up"),
        A::Open => (
            "ouvrir la fiche, suivre la relation",
            "ouvrir",
            "open the record, follow the relation",
            "open",
        ),
        A::Back => ("revenir", "retour", "go back", "back"),
        A::Search => (
            "chercher (sans accents ni majuscules)",
            "chercher",
            "search (accents and case ignored)",
            "search",
        ),
        A::NextMatch => ("résultat suivant", "suivant", "next match", "next"),
        A::PrevMatch => (
            "résultat précédent",
            "précédent",
            "previous match",
            "previous",
        ),
        A::Filter => (
            "filtrer par type, commune, problème, besoin, statut",
            "filtrer",
            "filter by kind, municipality, problem, need, status",
            "filter",
        ),
        A::ClearFilters => (
            "effacer la recherche et les filtres",
            "tout voir",
            "clear the search and the filters",
            "clear",
        ),
        A::SortNext => (
            "trier par la colonne suivante",
            "trier",
            "sort by the next column",
            "sort",
        ),
        A::SortReverse => ("inverser le tri", "inverser", "reverse the sort", "reverse"),
        A::New => (
            "ajouter une initiative (saisie guidée)",
            "ajouter",
            "add an initiative (guided entry)",
            "add",
        ),
        A::Edit => ("modifier", "modifier", "edit", "edit"),
        A::CopyAsNew => (
            "copier comme nouvelle (une antenne d'un réseau)",
            "copier",
            "copy as new (a branch of a network)",
            "copy",
        ),
        A::Delete => (
            "supprimer (avec confirmation)",
            "supprimer",
            "delete (with confirmation)",
            "delete",
        ),
        A::Undo => (
            "annuler la dernière modification",
            "annuler",
            "undo the last change",
            "undo",
        ),
        A::NextPane => (
            "passer au panneau suivant",
            "panneau",
            "go to the next pane",
            "pane",
        ),
        A::Confirm => ("valider", "valider", "confirm", "confirm"),
        A::Cancel => ("annuler, revenir", "annuler", "cancel, go back", "cancel"),
        A::Toggle => ("cocher ou décocher", "cocher", "tick or untick", "tick"),
        A::NextField => (
            "champ suivant (ce qui est tapé est gardé et vérifié)",
            "suivant",
            "next field (what was typed is kept and checked)",
            "next",
        ),
        A::PreviousField => ("champ précédent", "précédent", "previous field", "previous"),
        A::NextStep => (
            "étape suivante (passer celle-ci)",
            "étape suiv.",
            "next step (skip this one)",
            "next step",
        ),
        A::PreviousStep => (
            "étape précédente",
            "étape préc.",
            "previous step",
            "prev. step",
        ),
        A::Yes => ("oui", "oui", "yes", "yes"),
        A::No => ("non", "non", "no", "no"),
        A::OpenExisting => (
            "ouvrir l'initiative existante",
            "ouvrir",
            "open the existing initiative",
            "open",
        ),
        A::Conflicts => (
            "les conflits à régler (après une fusion)",
            "conflits",
            "the conflicts to settle (after a merge)",
            "conflicts",
        ),
        A::Duplicates => (
            "les doublons possibles",
            "doublons",
            "the possible duplicates",
            "duplicates",
        ),
        A::Fuse => (
            "fusionner : garder la fiche de gauche, y reprendre celle de droite",
            "fusionner",
            "fuse: keep the left record, take the right one in",
            "fuse",
        ),
        A::Swap => (
            "échanger : garder l'autre fiche",
            "échanger",
            "swap: keep the other record",
            "swap",
        ),
        A::NotDuplicate => (
            "ce ne sont pas des doublons (retenu)",
            "pas doublons",
            "not duplicates (remembered)",
            "not dup.",
        ),
        A::Import => (
            "importer une liste (CSV, mednum, data·inclusion, CHATONS)",
            "importer",
            "import a list (CSV, mednum, data·inclusion, CHATONS)",
            "import",
        ),
        A::Export => (
            "exporter (CSV, carte, classeur, réseau, standards) ou écrire un rapport",
            "exporter",
            "export (CSV, map, workbook, network, standards) or write a report",
            "export",
        ),
        A::Apply => (
            "appliquer : importer pour de bon",
            "importer",
            "apply: import for good",
            "import",
        ),
        A::Mark => (
            "marquer ou démarquer la ligne (puis descendre)",
            "marquer",
            "mark or unmark the line (then move down)",
            "mark",
        ),
        A::MarkAll => (
            "marquer toutes les initiatives affichées (filtrées)",
            "tout marquer",
            "mark every initiative shown (filtered)",
            "mark all",
        ),
        A::ClearMarks => (
            "effacer les marques",
            "démarquer",
            "clear the marks",
            "unmark",
        ),
        A::SetStatus => (
            "changer le statut (des marquées, sinon de celle-ci)",
            "statut",
            "change the status (of the marked ones, else this one)",
            "status",
        ),
        A::AddEvidence => (
            "ajouter une preuve (aux marquées, sinon à celle-ci)",
            "preuve",
            "add evidence (to the marked ones, else this one)",
            "evidence",
        ),
        A::ConfirmRecord => (
            "confirmer : elle existe, la fiche est juste (collègue)",
            "confirmer",
            "confirm: it exists, the record is right (colleague)",
            "confirm",
        ),
        A::Link => (
            "relier à une autre initiative",
            "relier",
            "link to another initiative",
            "link",
        ),
        A::Unlink => (
            "retirer une relation",
            "délier",
            "remove a relation",
            "unlink",
        ),
        A::Consent => (
            "consentement de la personne à contacter : l'enregistrer ou le retirer",
            "consentement",
            "consent of the contact person: record or withdraw it",
            "consent",
        ),
        A::Dashboard => (
            "tableau de bord : les chiffres, chaque barre mène à la liste",
            "tableau",
            "dashboard: the figures, each bar leads to the list",
            "dashboard",
        ),
        A::Map => (
            "carte des initiatives de la liste",
            "carte",
            "map of the list's initiatives",
            "map",
        ),
        A::Network => (
            "réseau : groupes reliés et initiatives isolées",
            "réseau",
            "network: linked groups and isolated initiatives",
            "network",
        ),
        A::PreviousPane => (
            "revenir au panneau précédent",
            "panneau préc.",
            "go to the previous pane",
            "prev. pane",
        ),
        A::MoveLeft => ("aller à gauche", "gauche", "move left", "left"),
        A::MoveRight => ("aller à droite", "droite", "move right", "right"),
        A::JumpLeft => (
            "aller loin à gauche",
            "loin gauche",
            "move far left",
            "far left",
        ),
        A::JumpRight => (
            "aller loin à droite",
            "loin droite",
            "move far right",
            "far right",
        ),
        A::JumpUp => ("aller loin en haut", "loin haut", "move far up", "far up"),
        A::JumpDown => ("aller loin en bas", "loin bas", "move far down", "far down"),
        A::AddFollowUp => (
            "ajouter une action (appel, visite…) et sa prochaine étape",
            "action",
            "add an action (call, visit…) and its next step",
            "action",
        ),
        A::Todo => (
            "à faire : les prochaines étapes, en retard d'abord",
            "à faire",
            "to do: the next steps, overdue first",
            "to do",
        ),
        A::MarkDone => (
            "marquer la prochaine étape comme faite",
            "fait",
            "mark the next step done",
            "done",
        ),
        A::Verify => (
            "vérifiée : la fiche est toujours juste (aujourd'hui)",
            "vérifiée",
            "verified: the record is still right (today)",
            "verified",
        ),
        A::AddEdition => (
            "ajouter une édition (événement, formation)",
            "édition",
            "add an edition (event, training)",
            "edition",
        ),
        A::Redo => (
            "rétablir ce que « annuler » a défait",
            "rétablir",
            "redo what undo took back",
            "redo",
        ),
        A::Bin => (
            "corbeille : les initiatives supprimées, à restaurer",
            "corbeille",
            "bin: the deleted initiatives, to restore",
            "bin",
        ),
        A::Restore => (
            "restaurer l'initiative (elle revient dans la liste)",
            "restaurer",
            "restore the initiative (back in the list)",
            "restore",
        ),
        A::NewLine => ("nouvelle ligne", "ligne", "new line", "new line"),
        A::EditExternally => (
            "modifier dans votre éditeur ($VISUAL, $EDITOR, sinon vi)",
            "éditeur",
            "edit in your editor ($VISUAL, $EDITOR, else vi)",
            "editor",
        ),
        A::AddSupport => (
            "ajouter un soutien reçu (type, année, montant)",
            "soutien",
            "add a support received (kind, year, amount)",
            "support",
        ),
        A::Bom => (
            "pour Excel : mettre ou ôter la marque d'octet (BOM) en tête du CSV",
            "BOM Excel",
            "for Excel: put or leave out the byte order mark (BOM) of the CSV",
            "Excel BOM",
        ),
    };
    match lang {
        Lang::Fr => (fr, fr_short),
        Lang::En => (en, en_short),
    }
}
