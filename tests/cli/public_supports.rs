//! A support's « from whom » may name a private donor: public copies leave
//! the supports out (their kinds stay ticked in « Soutiens reçus »), and a
//! copy that merges such a bundle keeps its own supports, as for every
//! field a public copy withholds.

use crate::common;

use common::{Env, list_json};

const DONOR: &str = "Jeanne Donatrice";
const NOTE: &str = "don personnel en mémoire de son père";

fn with_a_donor() -> (Env, String) {
    let env = Env::with_census();
    let id = env.add(&["nom=Fablab des Capucins", "type=fablab", "commune=Brest"]);
    env.census_cmd()
        .args([
            "support", "add", &id, "--kind", "materiel", "--year", "2026", "--amount", "300",
            "--from", DONOR, "--note", NOTE,
        ])
        .assert()
        .success();
    (env, id)
}

fn bundle(env: &Env, out: &str, public: bool) {
    let mut cmd = env.census_cmd();
    cmd.args(["bundle", "--since", "2020-01-01", "-o", out]);
    if public {
        cmd.arg("--public");
    }
    cmd.assert().success();
}

fn supports_in(env: &Env, census: &str, id: &str) -> usize {
    let text = env.read_text(census);
    let (census, _) = recense::census::file::parse(&text, census).expect("a census");
    let id = recense::census::InitiativeId::parse(id).unwrap();
    recense::census::supports::supports(census.get(&id).expect("the fablab")).len()
}

#[test]
fn a_public_bundle_leaves_the_supports_out_and_keeps_their_kinds() {
    let (env, id) = with_a_donor();
    bundle(&env, "public.ron", true);
    let public = env.read_text("public.ron");
    assert!(!public.contains(DONOR), "{public}");
    assert!(!public.contains(NOTE), "{public}");
    assert!(!public.contains("\"_soutiens\": ["), "{public}");
    assert!(
        public.contains("_consent _soutiens"),
        "listed as withheld: {public}"
    );
    assert!(public.contains("\"soutiens_recus\""), "{public}");
    // The working copy and a full bundle keep it.
    bundle(&env, "full.ron", false);
    assert!(env.read_text("full.ron").contains(DONOR));
    assert_eq!(supports_in(&env, "census.ron", &id), 1);
}

#[test]
fn merging_a_public_bundle_keeps_the_supports_the_receiver_holds() {
    let (env, id) = with_a_donor();
    bundle(&env, "public.ron", true);
    env.census_cmd()
        .args(["merge", "public.ron"])
        .assert()
        .success();
    assert_eq!(
        supports_in(&env, "census.ron", &id),
        1,
        "absence is not deletion"
    );
    assert!(env.read_text("census.ron").contains(DONOR));
    let fablab = list_json(&env, &[]);
    assert_eq!(
        fablab[0]["fields"]["soutiens_recus"],
        serde_json::json!(["materiel"])
    );
}

#[test]
fn a_donor_named_in_a_support_is_found_by_access_and_erased_by_purge() {
    let (env, id) = with_a_donor();
    let out = env
        .census_cmd()
        .args(["rgpd", "access", "donatrice JEANNE"])
        .assert()
        .success();
    let text = common::stdout_of(out.get_output());
    assert!(text.contains(&format!("({id})")), "{text}");
    assert!(text.contains(DONOR), "{text}");
    env.census_cmd()
        .args(["rgpd", "purge", "--person", DONOR])
        .assert()
        .success();
    let census = env.read_text("census.ron");
    assert!(!census.contains(DONOR), "{census}");
    // The support stays, its giver erased.
    assert_eq!(supports_in(&env, "census.ron", &id), 1);
    let out = env.census_cmd().args(["show", &id]).assert().success();
    let shown = common::stdout_of(out.get_output());
    assert!(shown.contains("de qui : [effacé]"), "{shown}");
}
