//! Commands on files: `validate`, `fmt`, `schema check`, `schema show`,
//! `dev generate`; and every shipped schema and sample must pass them.

use crate::common;

use std::path::{Path, PathBuf};

use common::{CENSUS, Env, assert_located, assert_unchanged, project_dir, stderr_of};
use predicates::prelude::*;
use predicates::str::contains;

// ---------------------------------------------------------------- validate

#[test]
fn validate_accepts_a_census_and_a_form_and_says_so_for_each() {
    let env = Env::with_census();
    env.add_infini();
    let form = env.copy_fixture("valid/schema-minimal.ron");
    env.cmd()
        .args(["validate", CENSUS, &form])
        .assert()
        .success()
        .stdout(contains("census.ron: valide").and(contains("schema-minimal.ron: valide")))
        .stderr("");
}

#[test]
fn validate_fails_if_any_file_is_invalid_and_still_checks_the_others() {
    let env = Env::with_census();
    let bad = env.copy_fixture("invalid/census-truncated.ron");
    env.cmd()
        .args(["validate", &bad, CENSUS])
        .assert()
        .code(1)
        .stdout(contains("census-truncated.ron: INVALIDE").and(contains("census.ron: valide")));
}

#[test]
fn validate_says_invalid_in_english_with_lang_en() {
    let env = Env::new();
    let bad = env.copy_fixture("invalid/census-truncated.ron");
    env.cmd()
        .args(["--lang", "en", "validate", &bad])
        .assert()
        .code(1)
        .stdout(contains("census-truncated.ron: INVALID"))
        .stderr(contains("the file ends too early"));
}

#[test]
fn validate_reports_a_missing_file() {
    let env = Env::new();
    env.cmd()
        .args(["validate", "absent.ron"])
        .assert()
        .code(1)
        .stdout(contains("absent.ron: INVALIDE"))
        .stderr(contains("absent.ron: fichier introuvable."));
}

#[test]
fn validate_writes_nothing() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-hand-edited.ron");
    let before = env.snapshot();
    env.cmd().args(["validate", &name]).assert().success();
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn validate_warns_about_a_value_edited_by_hand_without_failing() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-hand-edited.ron");
    let out = env
        .cmd()
        .args(["validate", &name])
        .assert()
        .success()
        .stdout(contains("valide"))
        .get_output()
        .clone();
    let err = stderr_of(&out);
    assert_located(
        &err,
        &name,
        17,
        "avertissement: 01M8KBYJ808GACQFDEPG38BYMN : « nom » a été modifié à la main",
    );
    assert_located(
        &err,
        &name,
        37,
        "avertissement: la somme de contrôle ne correspond pas",
    );
}

#[test]
fn validate_checks_a_census_against_its_custom_form() {
    let env = Env::new();
    env.write(
        "schemas/mini-test.ron",
        std::fs::read(common::fixture_path("valid/schema-minimal.ron")).expect("fixture"),
    );
    env.cmd()
        .args(["init", CENSUS, "--territory", "Brest", "--as", "Marie"])
        .args(["--schema", "schemas/mini-test.ron"])
        .assert()
        .success();
    let id = env.add(&["nom=Fablab", "type=fablab"]);
    // A hand edit that the custom form refuses (three capitals expected).
    let text = env.read_text(CENSUS).replace(
        "\"nom\": [",
        "\"code_local\": [(\"brest\")],\n                \"nom\": [",
    );
    env.write(CENSUS, text);
    env.cmd()
        .args(["validate", CENSUS])
        .assert()
        .code(1)
        .stderr(contains(format!(
            "erreur: {id} : code_local=brest: Trois majuscules"
        )));
}

// ---------------------------------------------------------------- fmt

#[test]
fn fmt_check_accepts_a_canonical_file_silently() {
    let env = Env::with_census();
    env.add_infini();
    let before = env.snapshot();
    env.cmd()
        .args(["fmt", "--check", CENSUS])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn fmt_check_fails_on_a_non_canonical_file_and_changes_nothing() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-not-canonical-value.ron");
    let before = env.snapshot();
    env.cmd()
        .args(["fmt", "--check", &name])
        .assert()
        .code(1)
        .stdout(contains(format!("{name}: pas dans la forme canonique")));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn fmt_rewrites_a_file_in_canonical_form_keeping_a_backup() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-conflict.ron");
    let original = env.read(&name);
    env.cmd()
        .args(["fmt", &name])
        .assert()
        .success()
        .stdout(contains(format!("{name}: réécrit")));
    assert_eq!(env.read(&format!("{name}.bak")), original);
    env.cmd().args(["fmt", "--check", &name]).assert().success();
    assert!(
        env.read_text(&name)
            .starts_with("// recense: census of digital commons"),
        "the canonical header is restored"
    );
}

#[test]
fn fmt_keeps_every_value_and_warning() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-conflict.ron");
    env.cmd().args(["fmt", &name]).assert().success();
    env.cmd()
        .args(["validate", &name])
        .assert()
        .success()
        .stderr(contains("conflit sur « nom » : Infini / Infini Brest"));
}

#[test]
fn fmt_a_second_time_changes_nothing() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-hand-edited.ron");
    env.cmd().args(["fmt", &name]).assert().success();
    let before = env.snapshot();
    env.cmd().args(["fmt", &name]).assert().success().stdout("");
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn fmt_of_an_unreadable_file_fails_with_its_place_and_writes_nothing() {
    let env = Env::new();
    let name = env.copy_fixture("invalid/census-truncated.ron");
    let before = env.snapshot();
    let out = env
        .cmd()
        .args(["fmt", &name])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_located(&stderr_of(&out), &name, 20, "le fichier s'arrête trop tôt");
    assert_unchanged(&before, &env.snapshot());
}

// ---------------------------------------------------------------- schema

#[test]
fn schema_check_accepts_a_valid_form_and_counts_fields_and_lists() {
    let env = Env::new();
    let form = env.copy_fixture("valid/schema-minimal.ron");
    env.cmd()
        .args(["schema", "check", &form])
        .assert()
        .success()
        .stdout(contains(format!(
            "{form}: formulaire valide (5 champs, 1 liste de choix)"
        )));
    env.cmd()
        .args(["--lang", "en", "schema", "check", &form])
        .assert()
        .success()
        .stdout(contains("valid form (5 fields, 1 choice list)"));
}

#[test]
fn schema_check_reports_every_problem_with_its_place() {
    let env = Env::new();
    let form = env.copy_fixture("invalid/schema-no-steps.ron");
    let out = env
        .cmd()
        .args(["schema", "check", &form])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = stderr_of(&out);
    assert_located(&err, &form, 6, "le formulaire n'a aucune étape.");
    assert_located(
        &err,
        &form,
        16,
        "le champ « nom » est rangé dans l'étape « identifier »",
    );
    assert_located(
        &err,
        &form,
        22,
        "le champ « code_local » est rangé dans l'étape « qualifier »",
    );
}

#[test]
fn schema_check_of_a_missing_file_fails() {
    let env = Env::new();
    env.cmd()
        .args(["schema", "check", "absent.ron"])
        .assert()
        .code(1)
        .stderr(contains("absent.ron: fichier de formulaire introuvable."));
}

#[test]
fn schema_show_describes_the_default_form_in_french() {
    let env = Env::new();
    env.cmd()
        .args(["schema", "show"])
        .assert()
        .success()
        .stdout(
            contains("Communs numériques du territoire (formulaire communs-numeriques, version 1)")
                .and(contains("== Identifier =="))
                .and(contains("== Listes de choix =="))
                .and(contains("obligatoire"))
                .and(contains("personnel"))
                .and(contains("types : chatons"))
                .and(contains("Choice(types)")),
        );
}

#[test]
fn schema_show_describes_the_default_form_in_english() {
    let env = Env::new();
    env.cmd()
        .args(["--lang", "en", "schema", "show"])
        .assert()
        .success()
        .stdout(
            contains("Digital commons of the territory (form communs-numeriques, version 1)")
                .and(contains("== Identify =="))
                .and(contains("== Choice lists =="))
                .and(contains("required"))
                .and(contains("personal"))
                .and(contains("Media library")),
        );
}

#[test]
fn schema_show_ron_prints_the_default_form_file() {
    let env = Env::new();
    let shipped = std::fs::read_to_string(project_dir().join("schemas/communs-numeriques.ron"))
        .expect("schema");
    env.cmd()
        .args(["schema", "show", "--ron"])
        .assert()
        .success()
        .stdout(shipped);
}

#[test]
fn schema_show_ron_prints_the_custom_form_of_the_census() {
    let env = Env::new();
    let form = env.copy_fixture("valid/schema-minimal.ron");
    env.cmd()
        .args(["init", CENSUS, "--territory", "Brest", "--schema", &form])
        .assert()
        .success();
    env.census_cmd()
        .args(["schema", "show", "--ron"])
        .assert()
        .success()
        .stdout(String::from_utf8(env.read(&form)).expect("UTF-8"));
}

// ---------------------------------------------------------------- dev generate

#[test]
fn dev_generate_writes_the_number_of_initiatives_asked_for() {
    let env = Env::new();
    env.cmd()
        .args(["dev", "generate", "--count", "40", "-o", "gen.ron"])
        .assert()
        .success()
        .stderr(contains("40 initiatives générées → gen.ron"));
    let out = env
        .cmd()
        .args(["--file", "gen.ron", "list", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out).expect("JSON");
    assert_eq!(items.len(), 40);
}

#[test]
fn dev_generate_writes_a_valid_canonical_census() {
    let env = Env::new();
    env.cmd()
        .args(["dev", "generate", "--count", "60", "-o", "gen.ron"])
        .assert()
        .success();
    env.cmd()
        .args(["validate", "gen.ron"])
        .assert()
        .success()
        .stdout(contains("gen.ron: valide"))
        .stderr(contains("erreur").not());
    env.cmd()
        .args(["fmt", "--check", "gen.ron"])
        .assert()
        .success();
}

#[test]
fn dev_generate_is_deterministic_for_a_seed() {
    let env = Env::new();
    for (seed, out) in [("7", "a.ron"), ("7", "b.ron"), ("8", "c.ron")] {
        env.cmd()
            .args([
                "dev", "generate", "--count", "15", "--seed", seed, "-o", out,
            ])
            .assert()
            .success();
    }
    assert_eq!(env.read("a.ron"), env.read("b.ron"));
    assert_ne!(env.read("a.ron"), env.read("c.ron"));
}

// ---------------------------------------------------------------- shipped files

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(ron_files(&path));
        } else if path.extension().is_some_and(|e| e == "ron") {
            out.push(path);
        }
    }
    out.sort();
    out
}

#[test]
fn every_shipped_schema_passes_schema_check() {
    let schemas = ron_files(&project_dir().join("schemas"));
    assert!(!schemas.is_empty(), "no schema in schemas/");
    let env = Env::new();
    for schema in schemas {
        env.cmd()
            .arg("schema")
            .arg("check")
            .arg(&schema)
            .assert()
            .success()
            .stdout(contains("formulaire valide"));
    }
}

#[test]
fn every_shipped_sample_passes_validate() {
    let dir = project_dir().join("sample-data");
    let samples = ron_files(&dir);
    if dir.exists() {
        assert!(!samples.is_empty(), "sample-data/ holds no .ron file");
    }
    let env = Env::new();
    for sample in samples {
        env.cmd()
            .arg("validate")
            .arg(&sample)
            .assert()
            .success()
            .stdout(contains(": valide"));
    }
}
