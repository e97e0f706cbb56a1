//! French formats, as agents write them (issue #21, points 11-13): phones
//! stored in E.164 and shown nationally to people; opening hours typed in
//! French stored in OpenStreetMap syntax, the form saved said; dates of
//! creation and of membership known to the year or the month.

use crate::common::*;

fn stored(env: &Env, id: &str, field: &str) -> Option<String> {
    let (census, _) = recense::census::store::load(&env.path(CENSUS)).unwrap();
    let id = recense::census::InitiativeId::parse(id).unwrap();
    census.get(&id)?.value(field).map(str::to_string)
}

#[test]
fn phones_are_stored_international_and_shown_nationally_to_people() {
    let env = Env::new();
    env.init();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "telephone=02 98 88 12 34",
    ]);
    env.add(&[
        "nom=Bruxelles",
        "type=chatons",
        "commune=Brest",
        "telephone=+32 2 123 45 67",
    ]);
    assert_eq!(
        stored(&env, &id, "telephone").as_deref(),
        Some("+33298881234")
    );
    let show = stdout_of(
        env.census_cmd()
            .args(["show", &id])
            .assert()
            .success()
            .get_output(),
    );
    assert!(show.contains("02 98 88 12 34"), "{show}");
    assert!(!show.contains("+33298881234"), "{show}");
    // The CSV for colleagues (labels) reads nationally; others stay
    // international.
    let csv = stdout_of(
        env.census_cmd()
            .args(["export", "--format", "csv"])
            .assert()
            .success()
            .get_output(),
    );
    assert!(
        csv.contains("02 98 88 12 34") && csv.contains("+3221234567"),
        "{csv}"
    );
    // Scripts and machines keep E.164.
    let ids = stdout_of(
        env.census_cmd()
            .args(["export", "--format", "csv", "--header", "ids"])
            .assert()
            .success()
            .get_output(),
    );
    assert!(
        ids.contains("+33298881234") && !ids.contains("02 98 88 12 34"),
        "{ids}"
    );
    let json = stdout_of(
        env.census_cmd()
            .args(["export", "--format", "json"])
            .assert()
            .success()
            .get_output(),
    );
    assert!(json.contains("+33298881234"), "{json}");
}

#[test]
fn opening_hours_in_french_are_saved_in_openstreetmap_syntax_and_said() {
    let env = Env::new();
    env.init();
    let out = env
        .census_cmd()
        .args([
            "add",
            "--set",
            "nom=Fablab",
            "--set",
            "type=fablab",
            "--set",
            "commune=Brest",
        ])
        .args(["--set", "horaires=mardi 14h-18h, samedi 10h-12h"])
        .assert()
        .success();
    let id = stdout_of(out.get_output()).trim().to_string();
    assert!(
        stderr_of(out.get_output()).contains(
            "« mardi 14h-18h, samedi 10h-12h » enregistré comme « Tu 14:00-18:00; Sa 10:00-12:00 »"
        ),
        "{}",
        stderr_of(out.get_output())
    );
    assert_eq!(
        stored(&env, &id, "horaires").as_deref(),
        Some("Tu 14:00-18:00; Sa 10:00-12:00")
    );
    let out = env
        .census_cmd()
        .args([
            "edit",
            &id,
            "--set",
            "horaires=du lundi au vendredi 9h-12h et 14h-17h, fermé le dimanche",
        ])
        .assert()
        .success();
    assert!(stderr_of(out.get_output()).contains("« Mo-Fr 09:00-12:00,14:00-17:00; Su off »"));
    // OpenStreetMap syntax is taken as it is, and not said again.
    let out = env
        .census_cmd()
        .args(["edit", &id, "--set", "horaires=Mo-Fr 09:00-12:00"])
        .assert()
        .success();
    assert!(!stderr_of(out.get_output()).contains("enregistré comme"));
    // What cannot be read is named, and nothing is written.
    let before = env.read_text(CENSUS);
    let out = env
        .census_cmd()
        .args([
            "edit",
            &id,
            "--set",
            "horaires=mardi 14h-18h, sur rendez-vous",
        ])
        .assert()
        .code(1);
    let err = stderr_of(out.get_output());
    assert!(err.contains("horaires illisibles près de « sur »"), "{err}");
    assert_eq!(env.read_text(CENSUS), before);
}

#[test]
fn dates_of_creation_and_membership_take_a_year_or_a_month() {
    let env = Env::new();
    env.init();
    let id = env.add(&[
        "nom=Infini",
        "type=chatons",
        "commune=Brest",
        "date_creation=2014",
        "chatons_adhesion=03/2021",
    ]);
    assert_eq!(stored(&env, &id, "date_creation").as_deref(), Some("2014"));
    assert_eq!(
        stored(&env, &id, "chatons_adhesion").as_deref(),
        Some("2021-03")
    );
    let out = env
        .census_cmd()
        .args(["edit", &id, "--set", "date_creation=printemps 2014"])
        .assert()
        .code(1);
    assert!(stderr_of(out.get_output()).contains("AAAA, MM/AAAA"));
    // Other dates stay whole dates.
    env.census_cmd()
        .args(["evidence", "add", &id, "--kind", "visite", "--date", "2021"])
        .assert()
        .failure();
    // validate, exports and sorting take them.
    env.census_cmd()
        .args(["validate", CENSUS])
        .assert()
        .success();
    let json = stdout_of(
        env.census_cmd()
            .args(["export", "--format", "json"])
            .assert()
            .success()
            .get_output(),
    );
    assert!(json.contains("\"date_creation\": \"2014\""), "{json}");
}
