//! The words of exports: what the exported files say about themselves
//! (titles, sheet and column names, privacy notes) and what `recense export`
//! reports. `{name}` marks where a value goes (see `i18n::fill`).

use std::path::Path;

use crate::display::inert;
use crate::documents::export::{Format, Summary};
use crate::lang::{Lang, fill};

strings! { ExportText, export;
    network_title: "recense — réseau des initiatives : {territory}", "recense — network of initiatives: {territory}";
    public_note: "Export public : les champs personnels sont laissés de côté.", "Public export: personal fields are left out.";
    private_note: "Export complet : contient des données personnelles (RGPD), pour un usage interne seulement.", "Full export: holds personal data (GDPR), for internal use only.";
    modified_note: "D'après le recensement modifié le {date}.", "From the census as changed on {date}.";
    legend: "Types", "Kinds";
    ods_title: "recense — {territory}", "recense — {territory}";
    sheet_initiatives: "Initiatives", "Initiatives";
    sheet_evidence: "Preuves", "Evidence";
    sheet_relations: "Relations", "Relations";
    col_status: "Statut", "Status";
    col_score: "Score", "Score";
    col_name: "Nom", "Name";
    col_evidence_kind: "Type de preuve", "Kind of evidence";
    col_date: "Date", "Date";
    col_note: "Note", "Note";
    col_url: "Lien", "Link";
    col_by: "Par", "By";
    col_source: "Source", "Source";
    col_source_id: "Source (id)", "Source (id)";
    col_relation: "Relation", "Relation";
    col_target: "Cible", "Target";
    col_target_id: "Cible (id)", "Target (id)";
    exported: "{n} {n:initiative exportée|initiatives exportées} au format {format}", "{n} {n:initiatives|initiative|initiatives} exported as {format}";
    exported_to: "{n} {n:initiative exportée|initiatives exportées} au format {format} dans {file}", "{n} {n:initiatives|initiative|initiatives} exported as {format} to {file}";
    without_coordinates: "{n} {n:initiative sans coordonnées GPS valides laissée|initiatives sans coordonnées GPS valides laissées} hors de la carte", "{n} {n:initiatives|initiative|initiatives} without valid GPS coordinates left off the map";
    left_out: "laissée de côté : {name} ({id}) : manque {missing}", "left out: {name} ({id}): missing {missing}";
    left_out_summary: "{written} {written:initiative exportée|initiatives exportées} au format {format}, {left} {left:laissée|laissées} de côté", "{written} {written:initiatives|initiative|initiatives} exported as {format}, {left} left out";
    nothing_exported: "rien n'a été exporté : aucune initiative choisie n'a tout ce que le standard exige (voir ci-dessus)", "nothing was exported: no chosen initiative has all the standard requires (see above)";
    missing_pivot: "pivot (SIRET ou RNA)", "pivot (SIRET or RNA)";
    missing_services: "services (services de médiation numérique)", "services (digital inclusion services)";
    binary_to_terminal: "le format {format} n'est pas du texte : donnez un fichier, par exemple -o recensement.{format}", "the {format} format is not text: give a file, e.g. -o census.{format}";
    output_is_census: "{file} est le recensement lui-même : choisissez un autre fichier de sortie", "{file} is the census itself: choose another output file";
    export_failed: "export {format} impossible : {error}", "{format} export failed: {error}";
}

/// A column a standard requires, explained where its name alone says little.
pub fn missing_column(column: &str, lang: Lang) -> &str {
    let t = export(lang);
    match column {
        "pivot" => t.missing_pivot,
        "services" => t.missing_services,
        other => other,
    }
}

/// The lines of the report: each initiative a standard left out with what
/// it lacks, those left off a map, and the count written.
pub fn report_lines(
    lang: Lang,
    format: Format,
    summary: &Summary,
    output: Option<&Path>,
) -> Vec<String> {
    let t = export(lang);
    let mut lines = Vec::new();
    for left in &summary.left_out {
        let missing: Vec<&str> = left
            .missing
            .iter()
            .map(|c| missing_column(c, lang))
            .collect();
        lines.push(fill(
            t.left_out,
            &[
                ("name", &inert(&left.name)),
                ("id", &left.id),
                ("missing", &missing.join(", ")),
            ],
        ));
    }
    if summary.without_coordinates > 0 {
        lines.push(fill(
            t.without_coordinates,
            &[("n", &summary.without_coordinates)],
        ));
    }
    let (n, id) = (summary.written, format.id());
    lines.push(
        if matches!(format, Format::Mednum | Format::DataInclusion) {
            fill(
                t.left_out_summary,
                &[
                    ("written", &n),
                    ("format", &id),
                    ("left", &summary.left_out.len()),
                ],
            )
        } else {
            match output {
                Some(path) => fill(
                    t.exported_to,
                    &[("n", &n), ("format", &id), ("file", &path.display())],
                ),
                None => fill(t.exported, &[("n", &n), ("format", &id)]),
            }
        },
    );
    lines
}
