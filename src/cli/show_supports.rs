//! The supports of `recense show`: a « Soutiens » section in the text (kind,
//! year, amount in euros, from whom, latest year first) and `supports` in
//! `--format json`, from the same records as the interface's record.

use serde_json::{Value as Json, json};

use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::census::supports::{amount_text, kinds_list, supports};
use crate::display::{inert, width};
use crate::i18n::fill;
use crate::i18n::record_supports::{record_supports, support_value};
use crate::lang::Lang;

/// The section, empty when no support is recorded.
pub fn section(schema: &Schema, census: &Census, i: &Initiative, lang: Lang) -> String {
    let all = supports(i);
    if all.is_empty() {
        return String::new();
    }
    let list = kinds_list(schema).unwrap_or_default();
    let t = record_supports(lang);
    let mut out = format!("\n== {} ==\n", fill(t.section, &[("n", &all.len())]));
    let labels: Vec<String> = all
        .iter()
        .map(|s| inert(schema.choice_label(list, &s.kind, lang)).into_owned())
        .collect();
    let label_width = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    for (s, label) in all.iter().zip(&labels) {
        let pad = " ".repeat(label_width - width(label));
        let value = inert(&support_value(s, lang).replace(['\n', '\t'], " ")).into_owned();
        let who = match (s.by, s.at) {
            (Some(by), Some(at)) => {
                format!("  [{}, {}]", inert(census.agent_name(&by)), at.date())
            }
            _ => String::new(),
        };
        out.push_str(&format!("  {label}{pad}  {value}{who}\n"));
    }
    out
}

/// `supports` of `show --format json`: every support, latest year first,
/// the amount as the file holds it (`1500`, `1500.50`, euros).
pub fn supports_json(census: &Census, i: &Initiative) -> Json {
    Json::Array(
        supports(i)
            .iter()
            .map(|s| {
                json!({
                    "kind": s.kind,
                    "year": s.year,
                    "amount": s.amount.map(amount_text),
                    "from": s.from,
                    "note": s.note,
                    "by": s.by.map(|a| census.agent_name(&a).to_string()),
                    "at": s.at.map(|t| t.to_string()),
                })
            })
            .collect(),
    )
}
