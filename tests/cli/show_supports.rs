//! `recense show` lists the supports of an initiative (`recense support
//! add`): kind, year, amount in euros as a French reader writes it, from
//! whom, newest year first; `--format json` has them as `supports`.

use crate::common;

use common::{AGENT, Env, TODAY, stdout_of};
use serde_json::Value as Json;

fn with_two_supports() -> (Env, String) {
    let env = Env::with_census();
    let id = env.add(&["nom=Fablab des Capucins", "type=fablab", "commune=Brest"]);
    for args in [
        &[
            "--kind",
            "subvention_fonctionnement",
            "--year",
            "2025",
            "--amount",
            "1500",
            "--from",
            "Région Bretagne",
        ][..],
        &[
            "--kind",
            "materiel",
            "--year",
            "2026",
            "--from",
            "Ville de Brest",
            "--note",
            "dix ordinateurs",
        ][..],
    ] {
        env.census_cmd()
            .args(["support", "add", &id])
            .args(args)
            .assert()
            .success();
    }
    (env, id)
}

#[test]
fn show_lists_the_supports_newest_year_first_with_euros() {
    let (env, id) = with_two_supports();
    let out = env.census_cmd().args(["show", &id]).assert().success();
    let text = stdout_of(out.get_output());
    let at = text
        .find("== Soutiens (2) — récents d'abord ==")
        .unwrap_or_else(|| panic!("a section: {text}"));
    let lines: Vec<&str> = text[at..].lines().skip(1).take(2).collect();
    assert_eq!(
        lines,
        [
            format!(
                "  Prêt ou don de matériel       2026 · de qui : Ville de Brest · dix ordinateurs  [{AGENT}, {TODAY}]"
            ),
            format!(
                "  Subvention de fonctionnement  2025 · 1\u{202f}500\u{a0}€ · de qui : Région Bretagne  [{AGENT}, {TODAY}]"
            ),
        ],
        "{text}"
    );
    let en = env
        .census_cmd()
        .args(["--lang", "en", "show", &id])
        .assert()
        .success();
    let en = stdout_of(en.get_output());
    assert!(en.contains("== Supports (2) — newest first =="), "{en}");
    assert!(
        en.contains("Operating grant            2025 · €1,500 · from: Région Bretagne"),
        "{en}"
    );
}

#[test]
fn show_json_has_the_supports_and_a_record_without_any_no_section() {
    let (env, id) = with_two_supports();
    let out = env
        .census_cmd()
        .args(["show", &id, "--format", "json"])
        .assert()
        .success();
    let json: Json = serde_json::from_str(&stdout_of(out.get_output())).expect("JSON");
    let supports = json["supports"].as_array().expect("a list of supports");
    assert_eq!(supports.len(), 2);
    assert_eq!(supports[0]["kind"], "materiel");
    assert_eq!(supports[0]["amount"], Json::Null);
    assert_eq!(supports[1]["kind"], "subvention_fonctionnement");
    assert_eq!(supports[1]["year"], 2025);
    assert_eq!(supports[1]["amount"], "1500");
    assert_eq!(supports[1]["from"], "Région Bretagne");
    assert_eq!(supports[1]["by"], AGENT);

    let other = env.add(&["nom=Atelier du vélo", "type=association", "commune=Brest"]);
    let out = env.census_cmd().args(["show", &other]).assert().success();
    assert!(!stdout_of(out.get_output()).contains("Soutiens ("));
    let out = env
        .census_cmd()
        .args(["show", &other, "--format", "json"])
        .assert()
        .success();
    let json: Json = serde_json::from_str(&stdout_of(out.get_output())).expect("JSON");
    assert_eq!(json["supports"], Json::Array(Vec::new()));
}
