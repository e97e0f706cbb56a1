//! How complete a record is: the share of the schema's useful fields filled.

use crate::census::model::Initiative;
use crate::census::schema::Schema;

/// 0–100: filled fields among those that apply to the initiative's kind,
/// personal data left aside (a record is not less complete for protecting
/// someone's phone number).
pub fn completeness(schema: &Schema, i: &Initiative) -> u8 {
    let kind = i.value(&schema.kind_field);
    let useful = schema
        .fields
        .iter()
        .filter(|f| !f.personal && f.applies_to(kind));
    let (total, filled) = useful.fold((0u32, 0u32), |(t, f), field| {
        (t + 1, f + u32::from(i.fields.contains_key(&field.id)))
    });
    (filled * 100).checked_div(total).unwrap_or(0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::id::{AgentId, InitiativeId};
    use crate::census::model::Value;
    use crate::census::time::Timestamp;

    #[test]
    fn completeness_counts_applicable_non_personal_fields() {
        let s = Schema::default_schema();
        let mut i = Initiative::new(InitiativeId::parse("A").unwrap());
        assert_eq!(completeness(&s, &i), 0);
        let d = i
            .next_dot(AgentId::parse("aaaaa").unwrap())
            .expect("a small counter");
        for (f, v) in [
            ("nom", "X"),
            ("type", "mediatheque"),
            ("commune", "Brest"),
            ("contact_nom", "Y"),
        ] {
            i.write(f, Value::text(v), d, Timestamp(0));
        }
        let useful = s
            .fields
            .iter()
            .filter(|f| !f.personal && f.applies_to(Some("mediatheque")))
            .count() as u32;
        assert_eq!(u32::from(completeness(&s, &i)), 3 * 100 / useful);
        // The CHATONS-only fields count for a CHATONS member.
        i.write("type", Value::text("chatons"), d, Timestamp(0));
        let useful_chatons = s
            .fields
            .iter()
            .filter(|f| !f.personal && f.applies_to(Some("chatons")))
            .count() as u32;
        assert!(useful_chatons > useful);
        assert_eq!(u32::from(completeness(&s, &i)), 3 * 100 / useful_chatons);
    }
}
