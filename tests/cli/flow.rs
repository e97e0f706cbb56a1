//! The everyday flow on the command line (issue 21, second part): the one
//! score `recense show` prints, as the interface and the JSON give it.

use crate::common;

use common::Env;
use predicates::str::contains;
use serde_json::Value as Json;

#[test]
fn show_prints_the_same_score_as_the_json() {
    let env = Env::with_census();
    let id = env.add(&["nom=Infini", "type=chatons", "commune=Brest"]);
    let out = env
        .census_cmd()
        .args(["show", &id, "--format", "json"])
        .output()
        .unwrap();
    let json: Json = serde_json::from_slice(&out.stdout).unwrap();
    let score = json["score"].as_u64().expect("a score");
    env.census_cmd()
        .args(["show", &id])
        .assert()
        .success()
        .stdout(contains(format!(
            "  Repéré · Score {score}/100 (complétude et fraîcheur des preuves)\n"
        )));
}
