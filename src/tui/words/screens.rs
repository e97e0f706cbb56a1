//! The words of the dashboard, the map and the network view of the terminal
//! interface. One line per text: its name, French, English.

use crate::lang::Lang;

strings! { Screens, screens;
    dashboard_title: "Tableau de bord", "Dashboard";
    dashboard_counted: "{n} {n:initiative|initiatives} de la liste", "{n} {n:initiatives|initiative|initiatives} of the list";
    dashboard_hint: "Entrée : la liste filtrée · Tab : panneau suivant", "Enter: the filtered list · Tab: next panel";
    by_kind: "Par type", "By kind";
    by_status: "Par statut", "By status";
    by_commune: "Par commune", "By municipality";
    by_problem: "Problèmes publics traités", "Public problems answered";
    by_commons: "Communs produits", "Commons produced";
    by_support: "Soutiens reçus", "Support received";
    by_need: "Besoins exprimés", "Needs expressed";
    waiting: "En attente depuis le plus longtemps", "Waiting longest";
    days: "{n} j", "{n} d";
    no_relay: "Communes sans structure relais", "Municipalities with no relay organisation";
    pending: "À traiter", "To handle";
    pending_conflicts: "Conflits à régler : {n}", "Conflicts to settle: {n}";
    pending_duplicates: "Chercher les doublons possibles", "Look for possible duplicates";
    filter_applied: "Filtre appliqué : {what} ({n})", "Filter applied: {what} ({n})";
    filter_commons: "Commun produit", "Commons produced";
    filter_support: "Soutien reçu", "Support received";
    map_title: "Carte", "Map";
    map_placed: "{n} {n:placée|placées}", "{n} placed";
    map_missing: "{n} sans coordonnées (champ « Coordonnées GPS »)", "{n} without coordinates (field `GPS coordinates`)";
    map_none: "Aucune initiative de la liste n'a de coordonnées.", "No initiative of the list has coordinates.";
    map_legend: "Légende", "Legend";
    map_several: "plusieurs types", "several kinds";
    map_cursor: "+ curseur, @ l'initiative la plus proche", "+ cursor, @ the nearest initiative";
    network_title: "Réseau", "Network";
    network_summary: "{groups} {groups:groupe|groupes}, {links} {links:relation|relations}, {isolated} {isolated:isolée|isolées}", "{groups} {groups:groups|group|groups}, {links} {links:relations|relation|relations}, {isolated} isolated";
    network_group: "Groupe {n} · {size} initiatives", "Group {n} · {size} initiatives";
    network_isolated: "À faire entrer dans le réseau : {n} {n:isolée|isolées}", "To bring into the network: {n} isolated";
    network_empty: "Aucune initiative.", "No initiative.";
    zeros_folded: "{n} {n:autre|autres} à 0", "{n} {n:others|other|others} at 0";
}
