//! The perimeter of a census (`init --perimeter`, `perimeter set|show`), how
//! it merges, and `recense communes` checked against counts made here from
//! the embedded data itself.

use std::io::Read;

use crate::common;

use common::{CENSUS, Env, stderr_of, stdout_of};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value as Json;

/// The CA Morlaix Communauté.
const MORLAIX_CA: &str = "242900835";

/// `(insee, name, population)` of the communes whose EPCI is `siren`, read
/// straight from the data file (not through recense's referential).
fn members(siren: &str) -> Vec<(String, String, u64)> {
    let gz = std::fs::read(common::project_dir().join("src/census/territory/communes.tsv.gz"))
        .expect("data file");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .expect("gzip");
    text.lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() == 7 && c[0] == "C" && c[4] == siren)
        .map(|c| (c[1].to_string(), c[2].to_string(), c[5].parse().unwrap()))
        .collect()
}

fn json_of(env: &Env, args: &[&str]) -> Json {
    let out = env.census_cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    serde_json::from_str(&stdout_of(&out)).expect("JSON")
}

#[test]
fn init_records_a_perimeter_given_by_name() {
    let env = Env::new();
    env.cmd()
        .args([
            "init",
            CENSUS,
            "--territory",
            "Morlaix",
            "--perimeter",
            "CA Morlaix Communauté",
        ])
        .assert()
        .success();
    assert!(
        env.read_text(CENSUS)
            .contains("perimeter: (spec: \"epci:242900835\"")
    );
    let shown = json_of(&env, &["perimeter", "show", "--format", "json"]);
    let expected = members(MORLAIX_CA);
    assert_eq!(shown["perimeter"], "epci:242900835");
    assert_eq!(shown["communes"], expected.len());
    assert_eq!(
        shown["population"],
        expected.iter().map(|m| m.2).sum::<u64>()
    );
    env.cmd().args(["validate", CENSUS]).assert().success();
    env.cmd()
        .args(["fmt", "--check", CENSUS])
        .assert()
        .success();
}

#[test]
fn perimeter_set_takes_codes_and_names_and_show_tells_it() {
    let env = Env::with_census();
    env.census_cmd()
        .args(["perimeter", "show"])
        .assert()
        .success()
        .stdout(contains("Aucun périmètre déclaré"));
    env.census_cmd()
        .args(["perimeter", "set", "Finistère, insee:22113, epci:242900314"])
        .assert()
        .success()
        .stderr(contains("Périmètre enregistré"))
        .stdout(contains("dep:29 (Finistère)").and(contains("insee:22113")));
    let shown = json_of(&env, &["perimeter", "show", "--format", "json"]);
    // Brest Métropole lies in the Finistère: counted once.
    assert_eq!(shown["perimeter"], "epci:242900314,dep:29,insee:22113");
    assert_eq!(shown["set_by"].as_str().map(str::len), Some(5));
    env.census_cmd()
        .args(["perimeter", "set", "dep:29,epci:242900314,insee:22113"])
        .assert()
        .success()
        .stderr(contains("déjà celui-là"));
}

#[test]
fn an_unknown_or_ambiguous_perimeter_is_refused_with_candidates() {
    let env = Env::with_census();
    let before = env.snapshot();
    let out = env
        .census_cmd()
        .args(["perimeter", "set", "Morlaix"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("« Morlaix » ne désigne aucun EPCI"), "{err}");
    assert!(
        err.contains("epci:242900835 (CA Morlaix Communauté)"),
        "{err}"
    );
    let out = env
        .census_cmd()
        .args(["perimeter", "set", "CC des Quatre Rivières"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("désigne plusieurs territoires"), "{err}");
    assert_eq!(err.matches("(CC des Quatre Rivières)").count(), 2, "{err}");
    env.cmd()
        .args([
            "init",
            "autre.ron",
            "--territory",
            "X",
            "--perimeter",
            "epci:000000000",
        ])
        .assert()
        .code(1)
        .stderr(contains("« epci:000000000 » ne désigne aucun"));
    assert!(!env.path("autre.ron").exists());
    common::assert_unchanged(&before, &env.snapshot());
}

#[test]
fn concurrent_perimeters_merge_to_the_later_in_any_order() {
    let env = Env::with_census();
    env.write("a.ron", env.read(CENSUS));
    env.write("b.ron", env.read(CENSUS));
    for (file, day, p) in [("a.ron", "02", "dep:29"), ("b.ron", "03", "dep:22")] {
        env.cmd_at(&format!("2026-12-{day}T10:00:00Z"))
            .args(["--file", file, "perimeter", "set", p])
            .assert()
            .success();
    }
    for (x, y, out) in [("a.ron", "b.ron", "ab.ron"), ("b.ron", "a.ron", "ba.ron")] {
        env.cmd()
            .args(["merge", x, y, "-o", out])
            .assert()
            .success();
    }
    assert_eq!(env.read("ab.ron"), env.read("ba.ron"));
    assert!(env.read_text("ab.ron").contains("spec: \"dep:22\""));
}

#[test]
fn communes_counts_each_commune_of_the_perimeter() {
    let env = Env::with_census();
    env.census_cmd()
        .args(["perimeter", "set", &format!("epci:{MORLAIX_CA}")])
        .assert()
        .success();
    env.census_cmd().args(["communes"]).assert().success();
    // Two in Morlaix (one a structure relais), one in Carantec by its code
    // (its commune text names no commune), one in Brest (outside), one in a place of nowhere.
    env.add(&[
        "nom=Médiathèque de Morlaix",
        "type=mediatheque",
        "commune=Morlaix",
    ]);
    env.add(&["nom=Chatons du Trégor", "type=chatons", "commune=MORLAIX"]);
    env.add(&[
        "nom=Fablab de la baie",
        "type=fablab",
        "commune=Plage du Kelenn",
        "code_insee=29023",
    ]);
    let brest = env.add_infini();
    let nowhere = env.add(&["nom=Ailleurs", "type=fablab", "commune=Atlantide"]);

    let all = members(MORLAIX_CA);
    let got = json_of(&env, &["communes", "--format", "json"]);
    let rows = got["communes"].as_array().unwrap();
    assert_eq!(rows.len(), all.len());
    let expected = |insee: &str| match insee {
        "29151" => (2, 1),
        "29023" => (1, 0),
        _ => (0, 0),
    };
    for (insee, name, population) in &all {
        let row = rows
            .iter()
            .find(|r| r["code_insee"] == insee.as_str())
            .expect(insee);
        assert_eq!(row["commune"], name.as_str());
        assert_eq!(row["population"], *population);
        let (n, relays) = expected(insee);
        assert_eq!(
            (row["initiatives"].as_u64(), row["relays"].as_u64()),
            (Some(n), Some(relays)),
            "{insee}"
        );
        assert_eq!(row["by_status"]["repere"], n, "{insee}");
    }
    // Largest population first.
    let pops: Vec<u64> = rows
        .iter()
        .map(|r| r["population"].as_u64().unwrap())
        .collect();
    assert!(pops.windows(2).all(|w| w[0] >= w[1]));
    let total: u64 = all.iter().map(|m| m.2).sum();
    let white: u64 = all
        .iter()
        .filter(|m| expected(&m.0).0 == 0)
        .map(|m| m.2)
        .sum();
    assert_eq!(got["population"], total);
    assert_eq!(got["white_population"], white);
    assert_eq!(got["communes_covered"], 2);
    assert_eq!(got["initiatives_inside"], 3);
    let outside: Vec<&str> = got["outside"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["id"].as_str().unwrap())
        .collect();
    let mut want = vec![brest.as_str(), nowhere.as_str()];
    want.sort();
    assert_eq!(outside, want);

    let without = json_of(
        &env,
        &["communes", "--without", "initiative", "--format", "json"],
    );
    assert_eq!(without["communes"].as_array().unwrap().len(), all.len() - 2);
    let without = json_of(
        &env,
        &["communes", "--without", "relay", "--format", "json"],
    );
    assert_eq!(without["communes"].as_array().unwrap().len(), all.len() - 1);

    let csv = env
        .census_cmd()
        .args(["communes", "--format", "csv"])
        .output()
        .unwrap();
    let csv = stdout_of(&csv);
    assert!(
        csv.starts_with("code_insee;commune;population;initiatives;relais;repere;"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), all.len() + 1);
    assert!(csv.contains(&format!(
        "29151;Morlaix;{};2;1;2;",
        all.iter().find(|m| m.0 == "29151").unwrap().2
    )));

    let table = env.census_cmd().args(["communes"]).output().unwrap();
    let text = stdout_of(&table);
    assert!(
        text.contains(&format!("2/{} communes avec une initiative", all.len())),
        "{text}"
    );
    assert!(
        text.contains("Hors du périmètre ou commune inconnue : 2 initiatives"),
        "{text}"
    );
    assert!(text.contains("Atlantide"), "{text}");
}

#[test]
fn communes_without_a_perimeter_says_how_to_declare_one() {
    let env = Env::with_census();
    env.census_cmd()
        .arg("communes")
        .assert()
        .code(1)
        .stderr(contains("ne déclare pas de périmètre").and(contains("recense perimeter set")));
}

#[test]
fn the_geojson_map_names_the_communes_without_initiative() {
    let env = Env::with_census();
    env.census_cmd()
        .args(["perimeter", "set", &format!("epci:{MORLAIX_CA}")])
        .assert()
        .success();
    env.add(&[
        "nom=Médiathèque de Morlaix",
        "type=mediatheque",
        "commune=Morlaix",
        "coordonnees=48.577,-3.828",
    ]);
    let out = env
        .census_cmd()
        .args(["export", "--format", "geojson"])
        .output()
        .unwrap();
    let doc: Json = serde_json::from_str(&stdout_of(&out)).expect("JSON");
    assert_eq!(doc["features"].as_array().unwrap().len(), 1);
    let white: Vec<&str> = doc["zones_blanches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| z["code_insee"].as_str().unwrap())
        .collect();
    let mut expected: Vec<(String, String, u64)> = members(MORLAIX_CA);
    expected.retain(|m| m.0 != "29151");
    expected.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let want: Vec<&str> = expected.iter().map(|m| m.0.as_str()).collect();
    assert_eq!(white, want);
}
