//! How `conflicts` names records and authors, and prints fusions gone wrong
//! between colleagues: records fused into one another, and a fusion against
//! « not a duplicate ».

use crate::census::id::InitiativeId;
use crate::census::model::{Census, Entry};
use crate::census::schema::Schema;
use crate::display::inert;
use crate::i18n::Lang;
use crate::i18n::fill;
use crate::i18n::fusion::fusion;

use crate::i18n::cli::cli;

pub(super) fn name_of<'a>(
    census: &'a Census,
    schema_name: &str,
    id: &crate::census::InitiativeId,
) -> &'a str {
    census
        .get(id)
        .and_then(|i| i.value(schema_name))
        .unwrap_or("?")
}

pub(super) fn who(census: &Census, e: &Entry, lang: crate::i18n::Lang) -> (String, String) {
    match (e.stamp.dot(), e.stamp.at()) {
        (Some(d), Some(at)) => {
            let mut name = inert(census.agent_name(&d.agent)).into_owned();
            if d.agent.is_hand() {
                name.push_str(cli(lang).by_hand_suffix);
            }
            (name, at.date().to_string())
        }
        _ => ("?".into(), "?".into()),
    }
}

/// The distinct names of who wrote these entries.
fn authors(census: &Census, entries: &[Entry], lang: Lang) -> String {
    let mut names: Vec<String> = entries.iter().map(|e| who(census, e, lang).0).collect();
    names.sort();
    names.dedup();
    names.join(", ")
}

/// A cycle of fusions: every record with who fused it where, then the
/// command that keeps one.
pub fn cycle(
    census: &Census,
    schema: &Schema,
    survivor: &InitiativeId,
    records: &[(InitiativeId, Vec<Entry>)],
    lang: Lang,
) {
    let t = fusion(lang);
    let name = inert(name_of(census, &schema.name_field, survivor)).into_owned();
    outln!(
        "{}",
        fill(t.cycle_conflict, &[("id", survivor), ("name", &name)])
    );
    for (n, (id, fusions)) in records.iter().enumerate() {
        let name = inert(name_of(census, &schema.name_field, id)).into_owned();
        let into = census
            .get(id)
            .and_then(|i| i.redirect_target())
            .unwrap_or("?")
            .to_string();
        let (by, date) = fusions
            .iter()
            .max_by_key(|e| (e.stamp.at(), e.stamp.dot()))
            .map_or_else(|| ("?".into(), "?".into()), |e| who(census, e, lang));
        let mut line = fill(
            t.cycle_record,
            &[
                ("n", &(n + 1)),
                ("id", id),
                ("name", &name),
                ("into", &into),
                ("who", &by),
                ("date", &date),
            ],
        );
        if id == survivor {
            line.push_str(t.cycle_shown);
        }
        outln!("{line}");
    }
    outln!("{}", fill(t.cycle_pick, &[("id", survivor)]));
}

/// A fusion made while someone said the pair were two initiatives.
pub fn not_duplicate(
    census: &Census,
    schema: &Schema,
    survivor: &InitiativeId,
    absorbed: &InitiativeId,
    fusions: &[Entry],
    marks: &[Entry],
    lang: Lang,
) {
    let t = fusion(lang);
    let name = inert(name_of(census, &schema.name_field, survivor)).into_owned();
    outln!(
        "{}",
        fill(
            t.not_duplicate_conflict,
            &[
                ("id", survivor),
                ("name", &name),
                ("absorbed", absorbed),
                ("fusers", &authors(census, fusions, lang)),
                ("markers", &authors(census, marks, lang)),
            ]
        )
    );
    outln!("{}", fill(t.not_duplicate_pick, &[("id", survivor)]));
}
