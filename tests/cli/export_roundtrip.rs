//! Exports read back by `recense import`, as a user would move a census
//! between tools: `export csv` (labels or ids) and the two national
//! standards, imported into the census they came from (nothing changes) and
//! into an empty census (the same initiatives and values come back); what
//! a standard leaves out, said on standard error.

use crate::common;

use common::{CENSUS, Env, assert_unchanged, stdout_of};
use predicates::str::contains;

use recense::census::{Census, Schema, file};

const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";
const KANEVEDEN: &str = "01M6B5V7C016BXQQ845SBG3HV7";

fn parse(env: &Env, name: &str) -> Census {
    file::parse(&env.read_text(name), name).expect("census").0
}

/// Creates an empty census `fresh.ron` beside `census.ron`.
fn fresh(env: &Env) {
    env.cmd()
        .args(["init", "fresh.ron", "--territory", "Pays de Brest"])
        .assert()
        .success();
}

/// `recense export ARGS -o NAME` on `census.ron`.
fn export_to(env: &Env, name: &str, args: &[&str]) {
    env.census_cmd()
        .arg("export")
        .args(args)
        .args(["-o", name])
        .assert()
        .success();
}

/// The values of `field`, sorted, for comparison.
fn sorted_values(census: &Census, id: &recense::census::InitiativeId, field: &str) -> Vec<String> {
    let mut v: Vec<String> = census
        .get(id)
        .map(|i| i.values(field).into_iter().map(String::from).collect())
        .unwrap_or_default();
    v.sort_unstable();
    v
}

#[test]
fn a_csv_export_imports_back_whole_with_labels_or_ids() {
    let schema = Schema::default_schema();
    for header in ["labels", "ids"] {
        let env = Env::with_census();
        env.copy_sample(CENSUS);
        // A value a spreadsheet would take for a formula, neutralised on
        // the way out and restored on the way in.
        env.census_cmd()
            .args(["edit", INFINI, "--set", "description=-2+3 ou =SOMME(A1)"])
            .assert()
            .success();
        export_to(&env, "out.csv", &["--format", "csv", "--header", header]);
        let before = env.snapshot();
        env.census_cmd()
            .args(["import", "csv", "out.csv"])
            .assert()
            .success()
            .stdout(contains("0 nouvelle, 0 mise à jour, 19 déjà à jour"));
        assert_unchanged(&before, &env.snapshot());

        fresh(&env);
        env.cmd()
            .args(["--file", "fresh.ron", "import", "csv", "out.csv"])
            .assert()
            .success()
            .stdout(contains("19 nouvelles"));
        let (sample, back) = (parse(&env, CENSUS), parse(&env, "fresh.ron"));
        assert_eq!(back.live().count(), sample.live().count(), "{header}");
        for i in sample.live() {
            assert!(back.get(&i.id).is_some(), "{header}: {} kept its id", i.id);
            for f in &schema.fields {
                assert_eq!(
                    sorted_values(&sample, &i.id, &f.id),
                    sorted_values(&back, &i.id, &f.id),
                    "{header}: {} {}",
                    i.id,
                    f.id
                );
            }
        }
    }
}

/// The Brest sample with two initiatives given what both standards
/// require (the others lack a pivot or an address and are left out).
fn ready_for_standards() -> Env {
    let env = Env::with_census();
    env.copy_sample(CENSUS);
    for (id, sets) in [
        (
            INFINI,
            [
                "siret=732 829 320 00074",
                "adresse=23 rue Paul Dukas",
                "code_postal=29200",
                "services_mediation=maitrise_outils_numeriques,loisirs_creations",
                "contact_nom=Jeanne Secret",
            ],
        ),
        (
            KANEVEDEN,
            [
                "rna=W291000123",
                "adresse=Place Vourch",
                "code_postal=29200",
                "services_mediation=aide_demarches_administratives",
                "contact_courriel=jeanne.secret@example.org",
            ],
        ),
    ] {
        let mut cmd = env.census_cmd();
        cmd.args(["edit", id]);
        for s in sets {
            cmd.args(["--set", s]);
        }
        cmd.assert().success();
    }
    env
}

/// The fields both standards carry and give back as they were. mednum also
/// carries the RNA (its pivot) and the services; data·inclusion structures
/// v1 have neither (services are another table there).
const CARRIED: [&str; 5] = ["nom", "commune", "code_postal", "adresse", "siret"];
const MEDNUM_ONLY: [&str; 2] = ["rna", "services_mediation"];

#[test]
fn mednum_and_data_inclusion_exports_import_back() {
    for (format, extension) in [("mednum", "csv"), ("data-inclusion", "json")] {
        let env = ready_for_standards();
        let name = format!("out.{extension}");
        let out = env
            .census_cmd()
            .args(["export", "--format", format, "-o", &name])
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}: {out:?}");
        let exported = env.read_text(&name);
        assert!(!exported.contains("Jeanne") && !exported.contains("secret"));
        let standard_rows = if format == "mednum" {
            exported.lines().count() - 1
        } else {
            serde_json::from_str::<serde_json::Value>(&exported)
                .expect("JSON")
                .as_array()
                .expect("an array")
                .len()
        };

        // Into the census it came from: every row finds its initiative
        // again by id and nothing changes.
        let before = env.snapshot();
        let again = env
            .census_cmd()
            .args(["import", format, &name])
            .output()
            .unwrap();
        assert!(again.status.success(), "{format}: {again:?}");
        assert!(
            stdout_of(&again).contains(&format!(
                "0 nouvelle, 0 mise à jour, {standard_rows} déjà à jour"
            )),
            "{format}: {}",
            stdout_of(&again)
        );
        assert_unchanged(&before, &env.snapshot());

        // Into an empty census: the same initiatives, same ids and values.
        // data·inclusion only says the kinds that have a network code: the
        // others take the kind given with --default, as a user would.
        fresh(&env);
        env.cmd()
            .args(["--file", "fresh.ron", "import", format, &name])
            .args(["--default", "type=association"])
            .assert()
            .success()
            .stdout(contains(format!("{standard_rows} nouvelles")));
        let (sample, back) = (parse(&env, CENSUS), parse(&env, "fresh.ron"));
        assert_eq!(back.live().count(), standard_rows, "{format}");
        for i in back.live() {
            let more: &[&str] = if format == "mednum" {
                &MEDNUM_ONLY
            } else {
                &[]
            };
            for &field in CARRIED.iter().chain(more) {
                assert_eq!(
                    sorted_values(&sample, &i.id, field),
                    sorted_values(&back, &i.id, field),
                    "{format}: {} {field}",
                    i.id
                );
            }
            assert!(i.value("contact_nom").is_none() && i.value("contact_courriel").is_none());
        }
    }
}

#[test]
fn each_initiative_a_standard_leaves_out_is_named_with_what_it_lacks() {
    // The sample as shipped: no initiative has a SIRET or an RNA.
    let env = Env::with_census();
    env.copy_sample(CENSUS);
    let out = env
        .census_cmd()
        .args(["export", "--format", "mednum"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "nothing exported is a failure");
    let err = common::stderr_of(&out);
    let left: Vec<&str> = err
        .lines()
        .filter(|l| l.starts_with("laissée de côté : "))
        .collect();
    assert_eq!(left.len(), parse(&env, CENSUS).live().count(), "{err}");
    assert!(
        left.iter()
            .all(|l| l.contains("manque pivot (SIRET ou RNA)")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "laissée de côté : Infini (Internet Finistère) ({INFINI}) : manque "
        )),
        "{err}"
    );
    assert!(err.contains("rien n'a été exporté"), "{err}");

    // Two initiatives given what mednum needs: they are written, the others
    // listed, and the command succeeds.
    let env = ready_for_standards();
    let out = env
        .census_cmd()
        .args(["--lang", "en", "export", "--format", "mednum"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let rows = stdout_of(&out).lines().count() - 1;
    assert_eq!(rows, 2);
    let err = common::stderr_of(&out);
    let left = err.lines().filter(|l| l.starts_with("left out: ")).count();
    assert_eq!(left, 19 - rows, "{err}");
    assert!(
        err.contains(&format!(
            "{rows} initiatives exported as mednum, {left} left out"
        )),
        "{err}"
    );
}
