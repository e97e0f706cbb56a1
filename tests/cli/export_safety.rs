//! `recense export`, what keeps it safe: cells that a spreadsheet would run
//! as formulas, personal data kept out of public exports, the same bytes
//! whatever the clock, list's filters, the output file replaced whole, and
//! each error.

use crate::common;
use crate::export_common;
use crate::sandbox as e2e;

use std::collections::BTreeSet;

use common::{Env, stderr_of};
use export_common::*;
use serde_json::Value as Json;

use recense::census::search::fold;
use recense::documents::export::cell::restore;

#[test]
fn formula_like_values_get_a_quote_but_numbers_stay_usable() {
    let env = Env::with_census();
    let formula = "=HYPERLINK(\"http://evil.example\";\"clic\")";
    let id = env.add(&[
        &format!("nom={formula}"),
        "type=association",
        "commune=Brest",
        "description=@SUM(1+1)",
        "telephone=02 98 00 12 34",
        "coordonnees=48.39,-4.48",
        "notes=-2+3+cmd|' /C calc'!A0",
        "adresse='=1",
    ]);
    let bytes = export(&env, &["--format", "csv", "--header", "ids"]);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |field: &str| {
        row.get(header.iter().position(|h| h == field).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(cell("id"), id);
    for (field, raw) in [
        ("nom", formula),
        ("description", "@SUM(1+1)"),
        ("notes", "-2+3+cmd|' /C calc'!A0"),
        ("adresse", "'=1"),
    ] {
        let written = cell(field);
        assert_eq!(written, format!("'{raw}"), "{field}");
        assert_eq!(
            restore(&written),
            raw,
            "{field}: an import gets the value back"
        );
    }
    // A phone number and coordinates are numbers, not formulas.
    assert_eq!(cell("telephone"), "+33298001234");
    assert_eq!(cell("coordonnees"), "48.39,-4.48");
    let (header, rows) = csv_rows(&export(&env, &["--format", "umap-csv"]));
    let lon = header.iter().position(|h| h == "lon").unwrap();
    assert_eq!(rows[0][lon].parse::<f64>().unwrap(), -4.48);
    // No written cell starts a formula, in any CSV format.
    for format in ["csv", "umap-csv"] {
        let bytes = export(&env, &["--format", format]);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(bytes.as_slice());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                let number = cell
                    .trim_start_matches(['+', '-'])
                    .replace(',', ".")
                    .parse::<f64>()
                    .is_ok();
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']) || number,
                    "{format}: {cell}"
                );
            }
        }
    }
}

#[test]
fn personal_data_never_leaves_in_a_public_export() {
    let env = with_sample(SAMPLES[0]);
    let listed = listed(&env, &[]);
    let (id, _) = listed
        .iter()
        .find(|(_, i)| i["fields"]["coordonnees"].is_string())
        .expect("an initiative on the map");
    let secrets = [
        "Secret-Témoin",
        "jeanne.secret@example.org",
        "+33612345678",
        "Agente Discrète",
        // The phone as people read it (CSV with labels, ODS).
        "06 12 34 56 78",
    ];
    env.census_cmd()
        .args([
            "--as",
            "Agente Discrète",
            "edit",
            id,
            "--set",
            "contact_nom=Jeanne Secret-Témoin",
            "--set",
            "contact_courriel=jeanne.secret@example.org",
            "--set",
            "contact_telephone=06 12 34 56 78",
        ])
        .assert()
        .success();
    env.census_cmd()
        .args([
            "--as",
            "Agente Discrète",
            "evidence",
            "add",
            id,
            "--kind",
            "entretien",
        ])
        .assert()
        .success();
    let text_of = |format: &str, public: bool| {
        let mut args = vec!["--format", format];
        if public {
            args.push("--public");
        }
        let bytes = export(&env, &args);
        if format == "ods" {
            unzipped(&bytes)
        } else {
            bytes
        }
    };
    let contains = |bytes: &[u8], s: &str| bytes.windows(s.len()).any(|w| w == s.as_bytes());
    for format in ["csv", "json", "geojson", "umap-csv", "ods", "dot", "gexf"] {
        let public = text_of(format, true);
        for secret in secrets {
            assert!(
                !contains(&public, secret),
                "{format} --public holds {secret}"
            );
        }
    }
    // Without --public the working copy holds them: the check above can fail.
    for format in ["csv", "json", "ods"] {
        let full = text_of(format, false);
        // The phone: E.164 for scripts, the national form for people.
        let phone = if format == "json" {
            secrets[2]
        } else {
            secrets[4]
        };
        for secret in [secrets[0], secrets[1], phone] {
            assert!(contains(&full, secret), "{format} lacks {secret}");
        }
    }
    assert!(contains(&text_of("json", false), "Agente Discrète"));
    // Maps never carry them.
    for format in ["geojson", "umap-csv"] {
        let map = text_of(format, false);
        assert!(!secrets.iter().any(|s| contains(&map, s)), "{format}");
    }
    let doc: Json =
        serde_json::from_slice(&export(&env, &["--format", "json", "--public"])).unwrap();
    assert_eq!(doc["public"], true);
}

#[test]
fn the_same_census_gives_the_same_bytes_whatever_the_clock() {
    let env = with_sample(SAMPLES[0]);
    for format in ["csv", "json", "geojson", "umap-csv", "ods", "dot", "gexf"] {
        let first = export(&env, &["--format", format]);
        let later = env
            .census_cmd()
            .env("RECENSE_NOW", "2031-03-04T05:06:07Z")
            .args(["export", "--format", format])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert!(first == later, "{format} changed with the clock");
        env.census_cmd()
            .args(["export", "--format", format, "-o", "out"])
            .assert()
            .success();
        assert!(
            env.read("out") == first,
            "{format}: the file is what standard output gets"
        );
    }
}

/// The ids of an export, in order (its `id` column).
fn exported_ids(env: &Env, filters: &[&str]) -> Vec<String> {
    let mut args = vec!["--format", "csv", "--header", "ids"];
    args.extend(filters);
    csv_rows(&export(env, &args))
        .1
        .into_iter()
        .map(|r| r[0].clone())
        .collect()
}

#[test]
fn filters_choose_as_list_does_and_the_order_is_by_name() {
    let env = with_sample(SAMPLES[0]);
    let all = listed(&env, &[]);
    let some_id = all.keys().next().unwrap().clone();
    env.census_cmd()
        .args(["--as", "Marie", "status", &some_id, "contacte"])
        .assert()
        .success();
    for filters in [
        &["--kind", "association"][..],
        &["--kind", "Patronage laïque", "--kind", "fablab"],
        &["--commune", "brest"],
        &["-q", "libre"],
        &["--status", "contacte"],
        &["--commune", "Brest", "-q", "wiki"],
    ] {
        let ids = exported_ids(&env, filters);
        let expected: BTreeSet<String> = listed(&env, filters).into_keys().collect();
        assert!(!expected.is_empty(), "{filters:?} chooses something");
        assert_eq!(
            ids.iter().cloned().collect::<BTreeSet<_>>(),
            expected,
            "{filters:?}"
        );
        let names: Vec<String> = ids
            .iter()
            .map(|id| fold(all[id]["nom"].as_str().unwrap()))
            .collect();
        assert!(
            names.windows(2).all(|w| w[0] <= w[1]),
            "{filters:?}: by name"
        );
    }
}

#[test]
fn an_output_file_is_replaced_whole_and_nothing_else_is_left() {
    let env = with_sample(SAMPLES[0]);
    env.write("out.csv", "old");
    let census = env.read(common::CENSUS);
    let out = env
        .census_cmd()
        .args(["export", "--format", "csv", "-o", "out.csv"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stdout.is_empty(), "nothing on standard output");
    assert!(stderr_of(&out).contains("out.csv"), "{}", stderr_of(&out));
    assert!(env.read_text("out.csv").starts_with("id;"));
    assert_eq!(env.file_names(), [common::CENSUS, "out.csv"]);
    assert_eq!(env.read(common::CENSUS), census, "the census is only read");
}

#[test]
fn exporting_over_the_census_itself_is_refused() {
    let env = with_sample(SAMPLES[0]);
    let before = env.snapshot();
    let out = env
        .census_cmd()
        .args(["export", "--format", "csv", "-o", "./census.ron"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        stderr_of(&out).contains("est le recensement lui-même"),
        "{}",
        stderr_of(&out)
    );
    common::assert_unchanged(&before, &env.snapshot());
}

#[test]
fn an_unknown_kind_is_refused_with_the_known_ones() {
    let env = with_sample(SAMPLES[0]);
    let out = env
        .census_cmd()
        .args(["export", "--format", "csv", "--kind", "dragon"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = stderr_of(&out);
    assert!(
        err.contains("--kind dragon") && err.contains("chatons"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_missing_folder_is_named_and_nothing_is_created() {
    let env = with_sample(SAMPLES[0]);
    let before = env.snapshot();
    let out = env
        .census_cmd()
        .args(["export", "--format", "json", "-o", "nowhere/out.json"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = stderr_of(&out);
    assert!(
        err.contains("nowhere/out.json") && err.contains("introuvable"),
        "{err}"
    );
    common::assert_unchanged(&before, &env.snapshot());
}

#[test]
fn a_full_disk_on_standard_output_is_said() {
    let env = with_sample(SAMPLES[0]);
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = env
        .std_cmd()
        .args(["--file", common::CENSUS, "export", "--format", "csv"])
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains("export csv impossible") && err.contains("disque plein"),
        "{err}"
    );
}

#[test]
fn ods_is_not_written_to_a_terminal() {
    let sb = e2e::Sandbox::new();
    std::fs::copy(common::sample_path(SAMPLES[0]), sb.path("census.ron")).unwrap();
    let session = e2e::Session::start(&sb, &["--file", "census.ron", "export", "--format", "ods"]);
    assert_eq!(session.wait_exit(), 1);
    let screen = session.transcript();
    assert!(
        screen.contains("n'est pas du texte") && screen.contains("-o"),
        "{screen}"
    );
    // To a pipe, the same command writes the file's bytes.
    let env = with_sample(SAMPLES[0]);
    let piped = export(&env, &["--format", "ods"]);
    assert!(piped.starts_with(b"PK"));
}
