//! The national standards, both ways: the sample census, given the values
//! the standards need with `recense edit`, exported to `mednum` and
//! `data-inclusion`; every row checked by the standards' own validators
//! (frictionless, a JSON Schema validator) against their schema files
//! (tests/fixtures/standards/); left-out initiatives listed with what they
//! lack; personal data never exported; and the exports read back through
//! the same tables.

use crate::common;
use crate::validators::{self, standard};

use std::path::Path;

use common::{CENSUS, Env};
use recense::census::import::{self, Format, Request, RowFate};
use recense::census::standards::{LeftOut, data_inclusion, mednum};
use recense::census::time::Timestamp;
use recense::census::workspace::Workspace;
use recense::census::{Agent, AgentId, Census, Initiative, Schema};
use serde_json::Value as Json;

const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";
const KANEVEDEN: &str = "01M6B5V7C016BXQQ845SBG3HV7";
const PAPI: &str = "01M6B5NQK0NHARKPEEQMPZZ21T";
const MEDIATHEQUES: &str = "01M6B5YWJ02QG986EWP9T1WGHC";

/// Personal values given to Infini: they must never reach a standard.
const SECRETS: [&str; 3] = ["Jeanne Secret", "jeanne.secret@example.org", "+33612345678"];

fn unset(env: &Env, id: &str, field: &str) {
    env.census_cmd()
        .args(["edit", id, "--unset", field])
        .assert()
        .success();
}

fn edit(env: &Env, id: &str, sets: &[&str]) {
    let mut cmd = env.census_cmd();
    cmd.args(["edit", id]);
    for s in sets {
        cmd.args(["--set", s]);
    }
    cmd.assert().success();
}

/// The Brest sample, some initiatives given what the standards require.
fn prepared() -> Env {
    let env = Env::with_census();
    env.copy_sample(CENSUS);
    edit(
        &env,
        INFINI,
        &[
            "siret=732 829 320 00074",
            "forme_juridique=association",
            "adresse=23 rue Paul Dukas",
            "code_postal=29200",
            "services_mediation=maitrise_outils_numeriques,loisirs_creations",
            "publics=jeunes",
            "frais=gratuit",
            "telephone=02 98 00 12 34",
            "courriel=contact@infini.example.org",
            "horaires=Mo-Fr 14:00-18:00; Sa 10:00-12:00",
            "contact_nom=Jeanne Secret",
            "contact_courriel=jeanne.secret@example.org",
            "contact_telephone=06 12 34 56 78",
        ],
    );
    edit(
        &env,
        KANEVEDEN,
        &[
            "rna=W291000123",
            "adresse=Place Vourch",
            "code_postal=29200",
            "services_mediation=Aide aux démarches administratives",
            "telephone=+32 2 123 45 67",
            "site_web=https://kaneveden.example.org/activités",
            "reseaux_porteurs=fcsf",
        ],
    );
    edit(
        &env,
        PAPI,
        &["siret=73282932000074", "adresse=2 rue Frézier"],
    );
    // The sample lists the PAPI's services: cleared, a place without
    // services (exported: the standard no longer requires them).
    unset(&env, PAPI, "services_mediation");
    edit(
        &env,
        MEDIATHEQUES,
        &["services_mediation=acces_internet_materiel"],
    );
    env
}

fn open(env: &Env) -> Workspace {
    Workspace::open(&env.path(CENSUS)).expect("the census opens")
}

type Export =
    fn(&Census, &Schema, &[&Initiative], &mut dyn std::io::Write) -> std::io::Result<Vec<LeftOut>>;

fn export(ws: &Workspace, f: Export) -> (String, Vec<LeftOut>) {
    let selection: Vec<&Initiative> = ws.census.live().collect();
    let mut out = Vec::new();
    let left = f(&ws.census, &ws.schema, &selection, &mut out).expect("export");
    (String::from_utf8(out).expect("UTF-8"), left)
}

fn agent() -> Agent {
    Agent {
        id: AgentId::parse("tests").unwrap(),
        name: "Tests".into(),
    }
}

#[test]
fn frictionless_accepts_the_standards_own_example() {
    let example =
        std::fs::read_to_string(standard("lieux-mediation-numerique.exemple-valide.csv")).unwrap();
    let Some(errors) = validators::mednum_errors(&example) else {
        return;
    };
    assert_eq!(errors, Vec::<String>::new());
}

#[test]
fn frictionless_catches_every_kind_of_fault() {
    let example =
        std::fs::read_to_string(standard("lieux-mediation-numerique.exemple-valide.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(example.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let good: Vec<String> = reader
        .records()
        .next()
        .unwrap()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let faults = [
        ("pivot", "12".to_string()),
        ("code_postal", "2920".to_string()),
        ("telephone", "0298001234".to_string()),
        ("latitude", "nord".to_string()),
        ("date_maj", "2024-13-01".to_string()),
        ("presentation_resume", "mot ".repeat(80)),
        ("nom", String::new()),
        ("services", "Jardinage".to_string()),
        ("frais_a_charge", "Gratuit|Cher".to_string()),
        (
            "dispositif_programmes_nationaux",
            "Conseiller numérique".to_string(),
        ),
        ("modalites_acces", "Se presenter".to_string()),
    ];
    let mut bad = good.clone();
    for (name, value) in &faults {
        bad[col(name)] = value.clone();
    }
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(&header).unwrap();
    out.write_record(&good).unwrap();
    out.write_record(&bad).unwrap();
    let text = String::from_utf8(out.into_inner().unwrap()).unwrap();
    let Some(errors) = validators::mednum_errors(&text) else {
        return;
    };
    for (name, _) in &faults {
        assert!(
            errors.iter().any(|e| e.contains(&format!(" {name}:"))),
            "{name} not caught: {errors:#?}"
        );
    }
    assert!(
        errors.iter().any(|e| e.starts_with("unique-error")),
        "the repeated id: {errors:#?}"
    );
}

#[test]
fn the_json_schema_validator_catches_every_kind_of_fault() {
    let schema = validators::data_inclusion();
    let good: Json = serde_json::json!({
        "id": "x", "source": "recense", "nom": "Centre social", "date_maj": "2025-02-14",
        "reseaux_porteurs": ["fcsf"], "courriel": "a@b.fr", "site_web": "https://b.fr",
        "code_postal": "29200", "latitude": 48.1
    });
    assert_eq!(
        validators::data_inclusion_errors(&schema, &good),
        Vec::<String>::new()
    );
    let bad: Json = serde_json::json!({
        "id": "x", "nom": "AB", "date_maj": "2025-02-30",
        "reseaux_porteurs": ["chatons", "fcsf", "fcsf"], "courriel": "pas un courriel",
        "site_web": "pas une adresse", "code_postal": "2920", "latitude": "48.1",
        "description": "abc"
    });
    let errors = validators::data_inclusion_errors(&schema, &bad);
    assert!(
        errors.iter().any(|e| e.contains("\"source\"")),
        "the required source: {errors:#?}"
    );
    for what in [
        "/nom:",
        "/date_maj:",
        "/reseaux_porteurs",
        "/courriel:",
        "/site_web:",
        "/code_postal:",
        "/latitude:",
        "/description:",
    ] {
        assert!(
            errors.iter().any(|e| e.contains(what)),
            "{what} not caught: {errors:#?}"
        );
    }
}

#[test]
fn the_mednum_export_satisfies_the_standard_and_leaves_out_what_lacks_a_column() {
    let env = prepared();
    let ws = open(&env);
    let (text, left_out) = export(&ws, mednum::export);
    if let Some(errors) = validators::mednum_errors(&text) {
        assert_eq!(errors, Vec::<String>::new(), "{text}");
    }
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect();
    let ids: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert_eq!(ids.len(), 3, "{text}");
    assert!(
        ids.contains(&INFINI) && ids.contains(&KANEVEDEN) && ids.contains(&PAPI),
        "the PAPI has no services and is exported: {ids:?}"
    );
    assert_eq!(ids.len() + left_out.len(), ws.census.live().count());
    // What each left-out initiative lacks, from its own values.
    for l in &left_out {
        let i = ws.census.get(&l.id).unwrap();
        let has = |f: &str| i.value(f).is_some() || !i.values(f).is_empty();
        let expected: Vec<&str> = [
            ("pivot", has("siret") || has("rna")),
            ("code_postal", has("code_postal")),
            ("adresse", has("adresse")),
        ]
        .iter()
        .filter(|(_, present)| !present)
        .map(|(name, _)| *name)
        .collect();
        assert_eq!(l.missing, expected, "{}", l.name);
        assert_eq!(l.name, i.value("nom").unwrap());
    }
    let papi = rows.iter().find(|r| &r[0] == PAPI).unwrap();
    assert_eq!(&papi[21], "", "no services");
    // Kaneveden's Belgian phone does not fit the standard's pattern: left empty.
    let kaneveden = rows.iter().find(|r| &r[0] == KANEVEDEN).unwrap();
    assert_eq!(&kaneveden[1], "W291000123");
    assert_eq!(&kaneveden[11], "");
    let infini = rows.iter().find(|r| &r[0] == INFINI).unwrap();
    assert_eq!(&infini[1], "73282932000074");
    assert_eq!(
        &infini[10], "ASSO",
        "a CHATONS member's typologie is its legal form's"
    );
    assert!(infini[15].chars().count() <= 280 && infini[15].ends_with('…'));
    let description = ws
        .census
        .get(&id(INFINI))
        .unwrap()
        .value("description")
        .unwrap();
    assert_eq!(
        &infini[16], description,
        "the whole description, as it was cut"
    );
}

fn id(s: &str) -> recense::census::InitiativeId {
    recense::census::InitiativeId::parse(s).unwrap()
}

#[test]
fn the_data_inclusion_export_satisfies_the_schema() {
    let env = prepared();
    let ws = open(&env);
    let (text, left_out) = export(&ws, data_inclusion::export);
    assert!(left_out.is_empty(), "{left_out:?}");
    let json: Json = serde_json::from_str(&text).expect("a JSON document");
    let structures = json.as_array().expect("an array of structures");
    assert_eq!(structures.len(), ws.census.live().count());
    let schema = validators::data_inclusion();
    let mut ids = std::collections::HashSet::new();
    for s in structures {
        assert_eq!(
            validators::data_inclusion_errors(&schema, s),
            Vec::<String>::new(),
            "{s}"
        );
        assert!(
            ids.insert(s["id"].as_str().unwrap().to_string()),
            "ids are unique"
        );
    }
    let by_id = |id: &str| structures.iter().find(|s| s["id"] == id).unwrap();
    assert_eq!(
        by_id(KANEVEDEN)["reseaux_porteurs"],
        serde_json::json!(["fcsf"]),
        "stated: a member of the FCSF"
    );
    // Networks only where stated: no social centre, no kind, implies one.
    for i in ws.census.live().filter(|i| i.id.as_str() != KANEVEDEN) {
        let stated = i.values("reseaux_porteurs");
        let exported = &by_id(i.id.as_str())["reseaux_porteurs"];
        assert_eq!(
            exported.as_array().map_or(0, Vec::len),
            stated.len(),
            "{} ({:?}) states {stated:?}, exported {exported}",
            i.value("nom").unwrap(),
            i.value("type")
        );
        assert_ne!(
            by_id(i.id.as_str())["reseaux_porteurs"],
            serde_json::json!(["fcsf"]),
            "FCSF only where stated"
        );
    }
    assert_eq!(
        by_id(INFINI)["reseaux_porteurs"],
        Json::Null,
        "no network for a CHATONS"
    );
    assert_eq!(by_id(INFINI)["siret"], "73282932000074");
    assert_eq!(
        by_id(KANEVEDEN)["site_web"],
        "https://kaneveden.example.org/activit%C3%A9s",
        "an ASCII URI"
    );
    let latitude = by_id(INFINI)["latitude"].as_f64().unwrap();
    let stored = ws
        .census
        .get(&id(INFINI))
        .unwrap()
        .value("coordonnees")
        .unwrap();
    assert_eq!(
        stored.split(',').next().unwrap().parse::<f64>().unwrap(),
        latitude
    );
}

#[test]
fn personal_data_never_reaches_a_standard_and_exports_are_deterministic() {
    let env = prepared();
    let ws = open(&env);
    for f in [mednum::export as Export, data_inclusion::export] {
        let (first, _) = export(&ws, f);
        let (second, _) = export(&ws, f);
        assert_eq!(first, second, "same census, same bytes");
        for secret in SECRETS {
            assert!(!first.contains(secret), "{secret} exported");
        }
    }
    // The personal values are really in the census.
    let text = env.read_text(CENSUS);
    for secret in SECRETS {
        assert!(text.contains(secret), "{secret} missing from the census");
    }
}

/// The export of `census` as rows of cells, without `date_maj` (the date of
/// the last change, which an import changes).
fn mednum_rows(ws: &Workspace) -> Vec<Vec<String>> {
    let (text, _) = export(ws, mednum::export);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let date = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "date_maj")
        .unwrap();
    reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != date)
                .map(|(_, c)| c.to_string())
                .collect()
        })
        .collect()
}

fn plan_file(ws: &Workspace, format: Format, path: &Path, defaults: &[&str]) -> import::ImportPlan {
    let mut req = Request::new(format, path);
    req.defaults = defaults.iter().map(|d| d.to_string()).collect();
    import::plan(&ws.census, &ws.schema, &agent(), Timestamp::now(), &req).expect("plan")
}

/// Imports `path` into an empty census of the same territory.
fn into_empty(env: &Env, format: Format, path: &Path, defaults: &[&str]) -> Workspace {
    env.cmd()
        .args(["init", "empty.ron", "--territory", "Pays de Brest"])
        .assert()
        .success();
    let mut empty = Workspace::open(&env.path("empty.ron")).unwrap();
    let plan = plan_file(&empty, format, path, defaults);
    let applied = import::apply(
        &mut empty.census,
        &empty.schema,
        &agent(),
        Timestamp::now(),
        plan,
    );
    assert!(applied.failed.is_empty(), "{:?}", applied.failed);
    empty
}

#[test]
fn mednum_round_trip_keeps_every_mapped_field() {
    let env = prepared();
    let ws = open(&env);
    let (text, _) = export(&ws, mednum::export);
    env.write("export.csv", &text);
    // Into the census it came from: nothing to change.
    let plan = plan_file(&ws, Format::Mednum, &env.path("export.csv"), &[]);
    assert_eq!(plan.rows.len(), 3);
    assert!(
        plan.rows
            .iter()
            .all(|r| matches!(r.outcome, RowFate::Unchanged { .. })),
        "{:#?}",
        plan.rows
    );
    // Into an empty census: the same initiatives, exported the same way.
    let fresh = into_empty(&env, Format::Mednum, &env.path("export.csv"), &[]);
    let sorted = |ws: &Workspace| {
        let mut rows = mednum_rows(ws);
        rows.sort();
        rows
    };
    assert_eq!(sorted(&fresh), sorted(&ws));
    let original = ws.census.get(&id(INFINI)).unwrap();
    let back = fresh.census.get(&id(INFINI)).unwrap();
    for field in [
        "nom",
        "siret",
        "description",
        "telephone",
        "courriel",
        "horaires",
        "coordonnees",
    ] {
        assert_eq!(back.value(field), original.value(field), "{field}");
    }
    assert_eq!(
        back.values("services_mediation"),
        original.values("services_mediation")
    );
    assert_eq!(
        back.value("type"),
        Some("association"),
        "ASSO comes back as the first kind coded ASSO"
    );
    assert_eq!(
        back.value("contact_nom"),
        None,
        "personal data was not exported"
    );
}

#[test]
fn data_inclusion_round_trip_keeps_every_mapped_field() {
    let env = prepared();
    let ws = open(&env);
    let (text, _) = export(&ws, data_inclusion::export);
    env.write("export.json", &text);
    let plan = plan_file(&ws, Format::DataInclusion, &env.path("export.json"), &[]);
    assert!(
        plan.rows
            .iter()
            .all(|r| matches!(r.outcome, RowFate::Unchanged { .. })),
        "{:#?}",
        plan.rows
    );
    let fresh = into_empty(
        &env,
        Format::DataInclusion,
        &env.path("export.json"),
        &["type=association"],
    );
    let strip = |ws: &Workspace| -> Vec<Json> {
        let (text, _) = export(ws, data_inclusion::export);
        let mut all: Vec<Json> = serde_json::from_str(&text).unwrap();
        for s in &mut all {
            s.as_object_mut().unwrap().remove("date_maj");
        }
        all
    };
    assert_eq!(strip(&fresh), strip(&ws));
    let back = fresh.census.get(&id(KANEVEDEN)).unwrap();
    assert_eq!(
        back.values("reseaux_porteurs"),
        ["fcsf"],
        "the membership comes back as stated"
    );
    assert_eq!(
        back.value("type"),
        Some("association"),
        "a network says nothing of the kind: the default is kept"
    );
}

#[test]
fn the_standards_example_imports_with_every_cell_kept() {
    let env = Env::with_census();
    let name = env.copy_fixture("standards/lieux-mediation-numerique.exemple-valide.csv");
    env.census_cmd()
        .args(["import", "mednum", &name])
        .assert()
        .success();
    let ws = open(&env);
    let i = ws.census.live().next().expect("one initiative");
    let example =
        std::fs::read_to_string(standard("lieux-mediation-numerique.exemple-valide.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(example.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(i.value("nom"), Some(cell("nom").as_str()));
    assert_eq!(i.value("siret"), Some(cell("pivot").as_str()));
    assert_eq!(i.value("type"), Some("tiers_lieu"));
    assert_eq!(
        i.value("coordonnees"),
        Some(format!("{},{}", cell("latitude"), cell("longitude")).as_str())
    );
    assert_eq!(
        i.value("description"),
        Some(cell("presentation_detail").as_str())
    );
    assert_eq!(
        i.values("services_mediation").len(),
        cell("services").split('|').count()
    );
    assert_eq!(
        i.values("dispositif_programmes_nationaux"),
        ["aidants_connect", "conseillers_numeriques", "croix_rouge"]
    );
    assert_eq!(i.values("modalites_acces"), ["se_presenter", "telephoner"]);
    assert_eq!(i.value("prise_rdv"), Some(cell("prise_rdv").as_str()));
    // The columns we have no field for are kept in the notes, never lost.
    let notes = i.value("notes").unwrap();
    for column in [
        "id",
        "complement_adresse",
        "typologie",
        "source",
        "itinerance",
        "structure_parente",
        "prise_en_charge_specifique",
        "formations_labels",
        "autres_formations_labels",
        "modalites_accompagnement",
        "fiche_acces_libre",
    ] {
        assert!(
            notes.contains(&format!("{column} : {}", cell(column))),
            "{column} lost: {notes}"
        );
    }
    for second in [cell("courriels"), cell("site_web")] {
        let rest = second.split('|').nth(1).unwrap();
        assert!(notes.contains(rest), "{rest} lost");
    }
}
