//! Office files as they come: a CSV saved by Excel on French Windows
//! (Windows-1252, `;`, CRLF) imports with its accents, the plan says how it
//! was read, `--encoding` chooses; a UTF-8 byte order mark is accepted by
//! every import and by the census load; CSV exports take `--bom`.

use crate::common;

use common::{Env, list_json, stdout_of};
use predicates::prelude::*;
use predicates::str::contains;

const EXCEL: &str = "import/excel-windows-1252.csv";

fn names(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = list_json(env, &[])
        .iter()
        .map(|i| i["fields"]["nom"].as_str().unwrap_or("").to_string())
        .collect();
    names.sort();
    names
}

fn notes_of(env: &Env, name: &str) -> String {
    let all = list_json(env, &[]);
    let i = all
        .iter()
        .find(|i| i["fields"]["nom"] == name)
        .expect("imported");
    i["fields"]["notes"].as_str().unwrap_or("").to_string()
}

#[test]
fn an_excel_csv_in_windows_1252_imports_with_its_accents_and_the_plan_says_so() {
    let env = Env::with_census();
    let name = env.copy_fixture(EXCEL);
    env.census_cmd()
        .args(["import", "csv", &name, "--dry-run"])
        .assert()
        .success()
        .stdout(contains(format!(
            "{name} : pas en UTF-8, lu comme Windows-1252"
        )))
        .stdout(contains("Médiathèque François-Mitterrand"));
    env.census_cmd()
        .args(["import", "csv", &name])
        .assert()
        .success()
        .stdout(contains("lu comme Windows-1252"));
    assert_eq!(
        names(&env),
        [
            "Café associatif « L'Écume »",
            "Médiathèque François-Mitterrand"
        ]
    );
    assert!(notes_of(&env, "Café associatif « L'Écume »").contains("5 € par an"));
}

#[test]
fn latin1_is_iso_8859_1_proper_and_utf8_refuses_with_the_place() {
    let env = Env::with_census();
    let name = env.copy_fixture(EXCEL);
    env.census_cmd()
        .args([
            "--lang",
            "en",
            "import",
            "csv",
            &name,
            "--encoding",
            "latin1",
        ])
        .assert()
        .success()
        .stdout(contains(format!("{name}: read as latin1 (--encoding)")))
        .stderr(contains("5 \\u{80} par an: control character"));
    // The same accents; but the euro sign (0x80 in Windows-1252) is a
    // control character in ISO-8859-1, and that row is refused.
    assert_eq!(names(&env), ["Médiathèque François-Mitterrand"]);
    let env = Env::with_census();
    let name = env.copy_fixture(EXCEL);
    let before = env.snapshot();
    env.census_cmd()
        .args(["import", "csv", &name, "--encoding", "utf-8"])
        .assert()
        .code(1)
        .stderr(contains(format!("{name}:")).and(contains("le fichier n'est pas en UTF-8")))
        .stderr(contains("--encoding windows-1252"));
    common::assert_unchanged(&before, &env.snapshot());
}

#[test]
fn a_bad_encoding_is_refused_with_the_accepted_ones() {
    let env = Env::with_census();
    let name = env.copy_fixture(EXCEL);
    env.census_cmd()
        .args(["import", "csv", &name, "--encoding", "ebcdic"])
        .assert()
        .code(2)
        .stderr(contains("ebcdic").and(contains("utf-8, windows-1252, latin1")));
    let props = env.copy_fixture("import/organization.properties");
    env.census_cmd()
        .args(["import", "chatons", &props, "--encoding", "latin1"])
        .assert()
        .code(1)
        .stderr(contains("--encoding ne s'applique qu'aux fichiers CSV"));
}

#[test]
fn a_utf8_byte_order_mark_is_accepted_by_every_import_and_the_census() {
    let env = Env::with_census();
    let bom = |fixture: &str, name: &str| {
        let text = std::fs::read(common::fixture_path(fixture)).unwrap();
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(text);
        env.write(name, bytes);
        name.to_string()
    };
    let csv = bom("import/initiatives-semicolon.csv", "bom.csv");
    let json = bom("import/data-inclusion.json", "bom.json");
    let props = bom("import/organization.properties", "bom.properties");
    for (format, file) in [
        ("csv", &csv),
        ("data-inclusion", &json),
        ("chatons", &props),
    ] {
        env.census_cmd()
            .args(["import", format, file])
            .assert()
            .success()
            .stdout(contains("UTF-8").not());
    }
    assert!(!list_json(&env, &[]).is_empty());
    // The census itself with a mark in front.
    let mut census = b"\xEF\xBB\xBF".to_vec();
    census.extend(env.read(common::CENSUS));
    env.write(common::CENSUS, census);
    let out = env
        .census_cmd()
        .args(["list", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert!(stdout_of(&out).lines().count() > 1);
}

#[test]
fn csv_exports_start_with_the_byte_order_mark_only_with_bom() {
    let env = Env::with_census();
    env.add_capucins();
    let export = |args: &[&str]| {
        let out = env.census_cmd().arg("export").args(args).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        out.stdout
    };
    let plain = export(&["--format", "csv"]);
    assert!(!plain.starts_with(b"\xEF\xBB\xBF"));
    let marked = export(&["--format", "csv", "--bom"]);
    assert_eq!(&marked[..3], b"\xEF\xBB\xBF");
    assert_eq!(&marked[3..], &plain[..], "the mark, then the same bytes");
    let umap = export(&["--format", "umap-csv", "--bom"]);
    assert!(umap.starts_with(b"\xEF\xBB\xBF"));
    // Into a file too, which imports again (the mark is read as such).
    env.census_cmd()
        .args([
            "export", "--format", "csv", "--bom", "--header", "ids", "-o", "out.csv",
        ])
        .assert()
        .success();
    assert!(env.read("out.csv").starts_with(b"\xEF\xBB\xBF"));
    env.census_cmd()
        .args(["import", "csv", "out.csv", "--dry-run"])
        .assert()
        .success()
        .stdout(contains("0 nouvelle"));
}

#[test]
fn bom_is_refused_for_formats_that_are_not_csv() {
    let env = Env::with_census();
    env.census_cmd()
        .args(["export", "--format", "json", "--bom"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(contains("--bom ne s'applique qu'aux exports CSV").and(contains("json")));
}
