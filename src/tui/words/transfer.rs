//! The words of the interface's import and export screens.

use crate::lang::Lang;

strings! { TransferUi, transfer;
    import_title: "Importer une liste", "Import a list";
    import_file: "Fichier à importer (chemin ; ~ pour le dossier personnel) :", "File to import (path; ~ for the home directory):";
    import_format: "Format (Haut/Bas pour changer)", "Format (Up/Down to change)";
    import_guessed: ", deviné d'après le fichier", ", guessed from the file";
    import_source_hint: "Entrée : lire le fichier et montrer ce qui sera fait · Échap : annuler", "Enter: read the file and show what will be done · Esc: cancel";
    import_need_file: "Indiquez le chemin du fichier à importer.", "Give the path of the file to import.";
    format_csv_in: "tableau CSV (séparé par , ; ou tabulation), colonnes reconnues par nom de champ", "CSV table (, ; or tab), columns recognised by field name";
    format_mednum_in: "Lieux de médiation numérique (standard national, CSV)", "Lieux de médiation numérique (national standard, CSV)";
    format_data_inclusion_in: "structures data·inclusion (JSON)", "data·inclusion structures (JSON)";
    format_chatons_in: "fiche ChatonsInfos (organization.properties)", "ChatonsInfos file (organization.properties)";
    import_columns: "Colonnes ({n}) — où va chacune", "Columns ({n}) — where each goes";
    import_rows: "Lignes ({n}) — ce qui sera fait", "Rows ({n}) — what will be done";
    import_review_title: "Importer {file} ({format})", "Import {file} ({format})";
    import_counts: "{created} {created:nouvelle|nouvelles} · {updated} {updated:mise à jour|mises à jour} · {unchanged} déjà à jour · {likely} {likely:doublon probable|doublons probables} · {same} {same:répétée|répétées} · {skipped} {skipped:ignorée|ignorées}", "{created} new · {updated} updated · {unchanged} up to date · {likely} likely {likely:duplicates|duplicate|duplicates} · {same} repeated · {skipped} skipped";
    import_review_hint: "Entrée : choisir où va la colonne · w : importer", "Enter: choose where the column goes · w: import";
    import_review_hint_fixed: "Colonnes fixées par le standard · w : importer", "Columns set by the standard · w: import";
    import_fixed_columns: "Les colonnes d'un standard sont fixées par le standard : seules celles d'un CSV se choisissent.", "A standard's columns are set by the standard: only a CSV's columns can be chosen.";
    import_choose_target: "Où va la colonne « {column} » ?", "Where does column `{column}` go?";
    target_notes: "Notes (« colonne : valeur »)", "Notes (`column: value`)";
    target_id: "Identifiant recense", "recense id";
    target_lat: "Coordonnées : latitude", "Coordinates: latitude";
    target_lon: "Coordonnées : longitude", "Coordinates: longitude";
    target_ignore: "(ne pas importer)", "(do not import)";
    export_title: "Exporter, écrire un rapport", "Export, write a report";
    report_scope: "Tout le recensement :", "The whole census:";
    out_csv: "tableur CSV (;), une colonne par champ", "CSV spreadsheet (;), one column per field";
    out_json: "JSON pour les scripts", "JSON for scripts";
    out_geojson: "carte GeoJSON (uMap, QGIS)", "GeoJSON map (uMap, QGIS)";
    out_umap: "carte uMap en CSV", "uMap map as CSV";
    out_ods: "classeur LibreOffice (initiatives, preuves, relations)", "LibreOffice workbook (initiatives, evidence, relations)";
    out_dot: "réseau pour GraphViz", "network for GraphViz";
    out_gexf: "réseau pour Gephi", "network for Gephi";
    out_mednum: "standard Lieux de médiation numérique", "Lieux de médiation numérique standard";
    out_data_inclusion: "standard data·inclusion (structures)", "data·inclusion standard (structures)";
    out_report_elus: "rapport pour les élus", "report for elected officials";
    out_report_techniciens: "rapport pour les techniciens", "report for technicians";
    export_always_public: "sans donnée personnelle (ce format n'en contient jamais)", "without personal data (this format never holds any)";
    export_file: "Fichier (Tab pour le changer) :", "File (Tab to change it):";
    export_need_file: "Indiquez le fichier à écrire.", "Give the file to write.";
    export_replace: "{file} existe déjà : Entrée encore pour le remplacer.", "{file} already exists: Enter again to replace it.";
    report_written: "Rapport écrit dans {file}", "Report written to {file}";
    import_nothing: "{file} : rien de nouveau, le recensement n'a pas changé.", "{file}: nothing new, the census did not change.";
    import_failed: " ; {n} {n:mise à jour refusée|mises à jour refusées} (recense import --dry-run pour le détail)", "; {n} {n:updates|update|updates} refused (recense import --dry-run for details)";
}
