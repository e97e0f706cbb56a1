use super::person::{names, purge_initiative, purge_person, replace_mentions};
use super::public::{Looks, fill_withheld, looks_personal, public_copy};
use super::retention::{months_before, review};
use super::*;
use crate::census::merge::join;
use crate::census::ops::parse_assignments;
use crate::census::schema::Schema;
use crate::census::time::Date;

fn agent(name: &str) -> Agent {
    Agent {
        id: AgentId::from_name(name),
        name: name.to_string(),
    }
}

fn census_with(sets: &[&str], who: &Agent, at: i64) -> (Census, Schema, InitiativeId) {
    let schema = Schema::default_schema();
    let mut c = Census::new("T", &schema.id, schema.version);
    let a: Vec<String> = sets.iter().map(|s| s.to_string()).collect();
    let values = parse_assignments(&schema, &c, &a, None).unwrap();
    let id = c
        .add_initiative(&schema, who, &values, Timestamp(at))
        .unwrap();
    (c, schema, id)
}

const SETS: [&str; 6] = [
    "nom=Infini",
    "type=chatons",
    "commune=Brest",
    "contact_nom=Jérôme Le Gall",
    "contact_courriel=jerome@infini.fr",
    "description=Association ; demander à Jerome le Gall (jerome@infini.fr)",
];

#[test]
fn mentions_ignore_accents_and_case_and_keep_words_whole() {
    assert!(names("Voir JEROME le gall demain", "Jérôme Le Gall"));
    assert!(!names("Gallimard", "Gall"));
    assert_eq!(
        replace_mentions("Appeler Jérôme Le Gall.", "jerome le gall", "[x]").as_deref(),
        Some("Appeler [x].")
    );
    assert_eq!(replace_mentions("rien", "jerome", "[x]"), None);
}

#[test]
fn a_purge_erases_values_and_redacts_free_texts_and_older_copies_do_not_bring_them_back() {
    let marie = agent("Marie");
    let (older, schema, id) = census_with(&SETS, &marie, 1_000);
    let mut purged = older.clone();
    let done = purge_initiative(
        &mut purged,
        &schema,
        &id,
        &[],
        &marie,
        Timestamp(2_000),
        Why::Asked,
    )
    .unwrap();
    assert_eq!(done.len(), 1);
    let i = purged.get(&id).unwrap();
    assert!(i.values("contact_nom").is_empty());
    let text = crate::census::file::to_canonical(&purged);
    assert!(
        !text.contains("Gall") && !text.contains("jerome@"),
        "{text}"
    );
    assert!(text.contains(REDACTED));
    for merged in [
        join(&purged, &older).unwrap(),
        join(&older, &purged).unwrap(),
    ] {
        let text = crate::census::file::to_canonical(&merged);
        assert!(
            !text.contains("Gall") && !text.contains("jerome@"),
            "{text}"
        );
        assert_eq!(merged, join(&merged, &older).unwrap());
    }
    let held = held_erased(&join(&purged, &older).unwrap(), &older).unwrap();
    assert_eq!(held.erased_on, Some(Timestamp(2_000)));
    assert!(held.values >= 2);
}

#[test]
fn a_value_written_after_the_purge_is_kept() {
    let marie = agent("Marie");
    let (older, schema, id) = census_with(&SETS, &marie, 1_000);
    let mut purged = older.clone();
    purge_person(
        &mut purged,
        &schema,
        "jerome le gall",
        &marie,
        Timestamp(2_000),
    )
    .unwrap();
    let mut later = purged.clone();
    let i = later.get_mut(&id).unwrap();
    let d = i.next_dot(marie.id).unwrap();
    i.write(
        "contact_nom",
        Value::text("Anne Kerouac"),
        d,
        Timestamp(3_000),
    );
    let merged = join(&join(&later, &older).unwrap(), &purged).unwrap();
    assert_eq!(
        merged.get(&id).unwrap().values("contact_nom"),
        vec!["Anne Kerouac"]
    );
}

#[test]
fn retention_counts_from_the_last_contact() {
    let marie = agent("Marie");
    let day = 86_400;
    let (c, schema, id) = census_with(&SETS, &marie, 0);
    let now = Timestamp(365 * 4 * day);
    assert_eq!(review(&c, &schema, now)[0].initiative, id);
    assert!(review(&c, &schema, Timestamp(365 * 2 * day)).is_empty());
    assert_eq!(
        months_before(Date::new(2026, 3, 31).unwrap(), 1),
        Date::new(2026, 2, 28).unwrap()
    );
}

#[test]
fn public_copies_leave_personal_fields_out_and_merging_them_erases_nothing() {
    let marie = agent("Marie");
    let (c, schema, id) = census_with(&SETS, &marie, 1_000);
    let public = public_copy(&c, &schema, false);
    let text = crate::census::file::to_canonical(&public.census);
    assert!(
        !text.contains("Marie") && text.contains("Agent 1"),
        "{text}"
    );
    assert!(
        !text.contains("\"contact_nom\": [") && !text.contains("Gall\""),
        "{text}"
    );
    assert_eq!(public.flagged.len(), 1);
    let strict = public_copy(&c, &schema, true);
    assert!(
        strict
            .census
            .get(&id)
            .unwrap()
            .values("description")
            .is_empty()
    );
    let mut received = public.census.clone();
    assert!(fill_withheld(&mut received, &c));
    let merged = join(&c, &received).unwrap();
    assert_eq!(merged, c);
    assert_eq!(looks_personal("tel. 02 98 00 11 22"), Some(Looks::Phone));
    assert_eq!(looks_personal("SIRET 12345678901234"), None);
}
