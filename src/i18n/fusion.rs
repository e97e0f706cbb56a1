//! The words of fusions gone wrong between colleagues (cycles, a fusion
//! against « not a duplicate ») and of the legitimation work a fusion or a
//! deletion meets, for the command line and the interface.

use super::Lang;
use crate::census::id::InitiativeId;
use crate::census::model::Value;
use crate::census::schema::Schema;
use crate::census::status::{CONFIRMATIONS, EVIDENCE, EVIDENCE_KINDS, STATUS_FIELD};

strings! { FusionText, fusion;
    cycle_conflict: "{id} {name} — fiches fusionnées l'une dans l'autre (fusions opposées) :", "{id} {name} — records fused into one another (opposite fusions):";
    cycle_record: "  {n}. {id} « {name} »  fusionnée dans {into} par {who}, {date}", "  {n}. {id} `{name}`  fused into {into} by {who}, {date}";
    cycle_shown: "   (affichée en attendant)", "   (shown meanwhile)";
    cycle_pick: "  → recense resolve {id} _merged_into --pick N   (N : la fiche à garder)", "  → recense resolve {id} _merged_into --pick N   (N: the record to keep)";
    cycle_line: "fusions en cycle : {cycle} ; affichée : {id} → recense resolve {id} _merged_into --pick N", "fusions in a cycle: {cycle}; shown: {id} → recense resolve {id} _merged_into --pick N";
    not_duplicate_conflict: "{id} {name} et {absorbed} — fusionnées par {fusers}, mais deux initiatives différentes selon {markers} :", "{id} {name} and {absorbed} — fused by {fusers}, but two different initiatives according to {markers}:";
    not_duplicate_pick: "  → recense resolve {id} _not_duplicate --pick 1   (garder la fusion)   ou --pick 2   (défaire la fusion)", "  → recense resolve {id} _not_duplicate --pick 1   (keep the fusion)   or --pick 2   (undo the fusion)";
    ui_cycle_title: "{name} — fusionnée avec son doublon dans les deux sens", "{name} — fused with its duplicate both ways";
    ui_cycle_keep: "garder {id} « {name} »", "keep {id} `{name}`";
    ui_not_duplicate_title: "{name} — fusionnée par {fusers}, « pas un doublon » selon {markers}", "{name} — fused by {fusers}, « not a duplicate » according to {markers}";
    ui_keep_fusion: "garder la fusion", "keep the fusion";
    ui_undo_fusion: "défaire la fusion (deux initiatives)", "undo the fusion (two initiatives)";
    name_kept: "Nom gardé : « {kept} » ; celui de l'autre fiche : « {other} » (recense edit {id} --set {field}=… pour le prendre)", "Name kept: `{kept}`; the other record's: `{other}` (recense edit {id} --set {field}=… to take it)";
    label_status: "Statut", "Status";
    label_evidence: "Preuve", "Evidence";
    label_confirmation: "Confirmation", "Confirmation";
}

/// The label of a legitimation field (`_status`, `_evidence`,
/// `_confirmations`), for conflicts.
pub fn work_label(field: &str, lang: Lang) -> Option<&'static str> {
    let t = fusion(lang);
    match field {
        STATUS_FIELD => Some(t.label_status),
        EVIDENCE => Some(t.label_evidence),
        CONFIRMATIONS => Some(t.label_confirmation),
        _ => None,
    }
}

/// A piece of legitimation work as people read it: a status by its label,
/// evidence by its kind, date and note, a confirmation by its comment.
pub fn work_value(schema: &Schema, field: &str, value: &Value, lang: Lang) -> Option<String> {
    let get = |k: &str| match value {
        Value::Record(r) => r.get(k).map(String::as_str).unwrap_or(""),
        Value::Text(_) => "",
    };
    let text = match field {
        STATUS_FIELD => super::status_label(value.as_text()?, lang).to_string(),
        EVIDENCE => {
            let kind = schema.choice_label(EVIDENCE_KINDS, get("kind"), lang);
            [kind, get("date"), get("note"), get("url")]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        }
        CONFIRMATIONS => get("comment").to_string(),
        _ => return None,
    };
    Some(text)
}

/// A cycle of fusions as `A → B → A`, and what to do.
pub fn cycle_line(cycle: &[InitiativeId], lang: Lang) -> String {
    let mut ids: Vec<&str> = cycle.iter().map(InitiativeId::as_str).collect();
    if let Some(first) = ids.first().copied() {
        ids.push(first);
    }
    let shown = cycle.first().map_or("", InitiativeId::as_str);
    super::fill(
        fusion(lang).cycle_line,
        &[("cycle", &ids.join(" → ")), ("id", &shown)],
    )
}
