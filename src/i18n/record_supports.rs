//! The words of the supports listed on a record: the interface's record and
//! `recense show`.

use super::Lang;

strings! { RecordSupports, record_supports;
    section: "Soutiens ({n}) — récents d'abord", "Supports ({n}) — newest first";
    from: "de qui : {from}", "from: {from}";
}

/// What a record says of a support after its kind: year, amount in euros,
/// from whom, note (`2026 · 1 500 € · de qui : Région Bretagne`). Raw
/// text: the caller makes it inert for its output.
pub fn support_value(s: &crate::census::supports::Support, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(year) = s.year {
        parts.push(year.to_string());
    }
    if let Some(cents) = s.amount {
        parts.push(super::supports::euros(cents, lang));
    }
    if !s.from.trim().is_empty() {
        let from = s.from.trim();
        parts.push(super::fill(record_supports(lang).from, &[("from", &from)]));
    }
    if !s.note.trim().is_empty() {
        parts.push(s.note.trim().to_string());
    }
    parts.join(" · ")
}
