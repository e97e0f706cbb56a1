//! The consent in `show --format json` (fixture of tests/cli/rgpd.rs).

use serde_json::Value as Json;

use crate::common::*;

const FIXTURE: &str = "rgpd/contacts-fictifs.ron";
const CAMILLE: &str = "01M7W2Y7M0PYKYEGVJFGJDPY4S";
const LEA: &str = "01M7W2Y7M0WFK9VQYZ4W2Q968H";
const NOE: &str = "01M7W2Y7M05W43B2D6EV9XG0KZ";
const PLAIN: &str = "01M7W2Y7M0W68J0R1Z8ZBPVKAS";

fn env() -> Env {
    let env = Env::new();
    env.write(
        CENSUS,
        std::fs::read(fixture_path(FIXTURE)).expect("fixture"),
    );
    env
}

fn consent_of(env: &Env, id: &str) -> Json {
    let out = env
        .census_cmd()
        .args(["show", id, "--format", "json"])
        .assert()
        .success();
    let doc: Json = serde_json::from_str(&stdout_of(out.get_output())).unwrap();
    doc["consent"].clone()
}

#[test]
fn show_json_holds_the_consent_in_force_and_its_records() {
    let env = env();
    let camille = consent_of(&env, CAMILLE);
    assert_eq!(camille["state"], "given", "{camille}");
    assert_eq!(camille["means"], "oral");
    assert_eq!(
        camille["purposes"],
        serde_json::json!(["contact", "invitations"])
    );
    assert_eq!(camille["date"], "2026-11-02");
    assert_eq!(camille["lacking"], false);
    let lea = consent_of(&env, LEA);
    assert_eq!(lea["state"], "withdrawn", "{lea}");
    assert_eq!(lea["date"], "2026-11-21");
    assert_eq!(lea["lacking"], true);
    assert!(lea["records"].as_array().unwrap().len() >= 2, "{lea}");
    let noe = consent_of(&env, NOE);
    assert_eq!(
        (&noe["state"], &noe["lacking"]),
        (&Json::from("none"), &Json::from(true)),
        "{noe}"
    );
    assert_eq!(noe["records"], serde_json::json!([]));
    let plain = consent_of(&env, PLAIN);
    assert_eq!(
        (&plain["state"], &plain["lacking"]),
        (&Json::from("none"), &Json::from(false))
    );
}
