//! The standards followed as they are today: a mednum place without
//! services exported and validated by the standard's own schema, with its
//! national programmes, access and online booking; `reseaux_porteurs` only
//! where stated; a CHATONS member's legal form (ChatonsInfos
//! `organization.type` in, mednum `typologie` out); the collectivité's acts
//! as evidence in the reports; supports counted in euros.

use serde_json::Value as Json;

use crate::common::*;
use crate::report_common::{md_rows, report};
use crate::validators;

fn mednum(env: &Env) -> Vec<csv::StringRecord> {
    let out = env
        .census_cmd()
        .args(["export", "--format", "mednum"])
        .assert()
        .success()
        .get_output()
        .clone();
    let text = stdout_of(&out);
    if let Some(errors) = validators::mednum_errors(&text) {
        assert_eq!(errors, Vec::<String>::new(), "{text}");
    }
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(Result::unwrap)
        .collect()
}

fn cell<'a>(row: &'a csv::StringRecord, column: &str) -> &'a str {
    let at = recense::census::standards::mednum::COLUMNS
        .iter()
        .position(|c| c.name == column)
        .unwrap();
    &row[at]
}

/// A place that gives what the standard requires, and no services.
fn place(env: &Env, extra: &[&str]) -> String {
    let mut sets = vec![
        "nom=Point numérique de Lambé",
        "type=espace_public_numerique",
        "commune=Brest",
        "code_postal=29200",
        "adresse=5 rue de Lambé",
        "siret=73282932000074",
    ];
    sets.extend(extra);
    env.add(&sets)
}

#[test]
fn a_place_without_services_is_exported_and_validated_by_the_shared_schema() {
    let env = Env::with_census();
    let id = place(
        &env,
        &[
            "dispositif_programmes_nationaux=conseillers_numeriques,France Services",
            "modalites_acces=se_presenter,Prendre un RDV en ligne",
            "prise_rdv=https://www.rdv-solidarites.fr/",
        ],
    );
    let rows = mednum(&env);
    assert_eq!(rows.len(), 1, "exported without services");
    let row = &rows[0];
    assert_eq!(&row[0], id);
    assert_eq!(cell(row, "services"), "");
    assert_eq!(
        cell(row, "dispositif_programmes_nationaux"),
        "Conseillers numériques|France Services"
    );
    assert_eq!(
        cell(row, "modalites_acces"),
        "Prendre un RDV en ligne|Se présenter"
    );
    assert_eq!(cell(row, "prise_rdv"), "https://www.rdv-solidarites.fr/");
    assert_eq!(cell(row, "typologie"), "EPN");
}

#[test]
fn a_chatons_members_typologie_comes_from_its_legal_form() {
    let env = Env::with_census();
    let common = [
        "type=chatons",
        "commune=Brest",
        "code_postal=29200",
        "adresse=1 rue de Siam",
        "siret=73282932000074",
    ];
    let with = |name: &str, form: Option<&str>| {
        let mut sets: Vec<String> = common.iter().map(|s| s.to_string()).collect();
        sets.push(format!("nom={name}"));
        sets.extend(form.map(|f| format!("forme_juridique={f}")));
        env.add(&sets.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let asso = with("Chaton associatif", Some("association"));
    let coop = with("Chaton coopératif", Some("cooperative"));
    let solo = with("Chaton d'une personne", Some("Particulier"));
    let unknown = with("Chaton sans forme", None);
    let rows = mednum(&env);
    let typologie = |id: &str| {
        let row = rows.iter().find(|r| &r[0] == id).unwrap();
        cell(row, "typologie").to_string()
    };
    assert_eq!(typologie(&asso), "ASSO");
    assert_eq!(typologie(&coop), "Autre");
    assert_eq!(typologie(&solo), "Autre");
    assert_eq!(
        typologie(&unknown),
        "",
        "no legal form, no made-up typologie"
    );
    // The kind's label names the collective, not only associations; the
    // legal form's help names its members.
    let out = env.census_cmd().args(["schema", "show"]).assert().success();
    let text = stdout_of(out.get_output());
    assert!(!text.contains("hébergeur associatif"), "{text}");
    assert!(
        text.contains("Membre des CHATONS (hébergeur alternatif)"),
        "{text}"
    );
    assert!(text.contains("Forme juridique"), "{text}");
}

#[test]
fn chatonsinfos_organization_type_gives_the_legal_form() {
    let env = Env::with_census();
    let name = env.copy_fixture("import/organization-cooperative.properties");
    env.census_cmd()
        .args(["import", "chatons", &name])
        .assert()
        .success();
    let all = list_json(&env, &[]);
    let f = &all[0]["fields"];
    assert_eq!(f["type"], "chatons");
    assert_eq!(f["forme_juridique"], "cooperative");
    assert!(
        !f["notes"]
            .as_str()
            .unwrap_or("")
            .contains("organization.type"),
        "{f}"
    );
    // A type the form does not know stays in the notes.
    let other = env.copy_fixture("import/organization-unknown-type.properties");
    env.census_cmd()
        .args(["import", "chatons", &other])
        .assert()
        .success();
    let all = list_json(&env, &[]);
    let guild = all
        .iter()
        .find(|i| i["fields"]["nom"] == "Chaton en guilde")
        .unwrap();
    assert_eq!(guild["fields"]["forme_juridique"], Json::Null);
    assert!(
        guild["fields"]["notes"]
            .as_str()
            .unwrap()
            .contains("organization.type : GUILD")
    );
}

#[test]
fn supports_with_amounts_are_totalled_per_year_kind_and_commune() {
    let env = Env::with_census();
    let capucins = env.add_capucins();
    let fablab = env.add_fablab();
    let support = |id: &str, args: &[&str]| {
        env.census_cmd()
            .args(["support", "add", id])
            .args(args)
            .assert()
            .success();
    };
    support(
        &capucins,
        &[
            "--kind",
            "subvention_fonctionnement",
            "--year",
            "2025",
            "--amount",
            "1 500",
            "--from",
            "Ville de Brest",
        ],
    );
    support(
        &capucins,
        &["--kind", "materiel", "--year", "2026", "--amount", "250,50"],
    );
    support(
        &fablab,
        &[
            "--kind",
            "Subvention de fonctionnement",
            "--year",
            "2026",
            "--amount",
            "3000",
            "--from",
            "Région Bretagne",
        ],
    );
    support(&fablab, &["--kind", "locaux", "--year", "2026"]);
    // The kinds are ticked among the supports received (the status rules read them).
    let all = list_json(&env, &[]);
    let fab = all.iter().find(|i| i["id"] == fablab.as_str()).unwrap();
    let mut ticked: Vec<&str> = fab["fields"]["soutiens_recus"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Json::as_str)
        .collect();
    ticked.sort_unstable();
    assert_eq!(ticked, ["locaux", "subvention_fonctionnement"]);
    let history = stdout_of(
        &env.census_cmd()
            .args(["history", &fablab, "--format", "json"])
            .output()
            .unwrap(),
    );
    let events: Json = serde_json::from_str(&history).unwrap();
    assert!(
        events
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"] == "support"
                && e["amount"] == "3000"
                && e["year"] == 2026
                && e["from"] == "Région Bretagne"),
        "{events}"
    );
    for audience in ["elus", "techniciens"] {
        let md = report(&env, &["--audience", audience]);
        let years = md_rows(&md, "table", "support-years");
        assert_eq!(years[0][0], "2026");
        assert_eq!(years[0][1], "3");
        assert_eq!(years[0][2], "3\u{202f}250,50\u{a0}€");
        assert_eq!(years[1][0], "2025");
        assert_eq!(years[1][2], "1\u{202f}500\u{a0}€");
        let kinds = md_rows(&md, "table", "support-kinds");
        assert_eq!(kinds[0][0], "Subvention de fonctionnement");
        assert_eq!(kinds[0][2], "4\u{202f}500\u{a0}€");
        let locaux = kinds.iter().find(|r| r[0] == "Locaux").unwrap();
        assert_eq!(
            (locaux[1].as_str(), locaux[2].as_str()),
            ("1", "—"),
            "in kind"
        );
        let communes = md_rows(&md, "table", "support-communes");
        assert_eq!(communes[0][0], "Plouzané");
        assert_eq!(communes[0][2], "3\u{202f}000\u{a0}€");
        assert_eq!(communes[1][0], "Brest");
        assert_eq!(communes[1][2], "1\u{202f}750,50\u{a0}€");
        assert!(communes.last().unwrap()[2].contains("4\u{202f}750,50"));
        assert!(md.contains("4 soutiens"), "{md}");
        assert!(md.contains("1 sans montant connu"), "{md}");
    }
}

#[test]
fn a_support_refused_says_why_and_changes_nothing() {
    let env = Env::new();
    env.copy_fixture("actions/census-actions.ron");
    let infini = "01M7W2Y7M09YPVV6GJCJ0V4ZEQ";
    let cases: [(&[&str], &str); 4] = [
        (
            &["--kind", "pigeon", "--year", "2025"],
            "type de soutien « pigeon » inconnu ; types : subvention_fonctionnement",
        ),
        (
            &["--kind", "locaux", "--year", "2031"],
            "année 2031 refusée : une année de 1900 à 2027",
        ),
        (
            &["--kind", "locaux", "--year", "2025", "--amount", "mille"],
            "montant « mille » illisible",
        ),
        (
            &["--kind", "locaux", "--year", "2025", "--amount=-5"],
            "montant « -5 » illisible",
        ),
    ];
    for (args, phrase) in cases {
        let before = env.snapshot();
        let out = env
            .cmd()
            .args(["--file", "census-actions.ron", "--as", "Marie"])
            .args(["support", "add", infini])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?} accepted");
        assert!(
            stderr_of(&out).contains(phrase),
            "{args:?}: {}",
            stderr_of(&out)
        );
        assert_unchanged(&before, &env.snapshot());
    }
}

#[test]
fn reports_say_which_legitimated_initiatives_an_act_recognises() {
    let env = Env::with_census();
    env.copy_sample(CENSUS);
    let legitimated: Vec<Json> = list_json(&env, &["--status", "legitime"]);
    assert!(
        legitimated.len() >= 2,
        "the sample has legitimated initiatives"
    );
    let first = legitimated[0]["id"].as_str().unwrap().to_string();
    let name = legitimated[0]["fields"]["nom"]
        .as_str()
        .unwrap()
        .to_string();
    let before = report(&env, &["--audience", "elus"]);
    let verified_only = before
        .lines()
        .find(|l| l.starts_with("Vérifiées, sans acte de la collectivité"))
        .unwrap_or_else(|| panic!("{before}"));
    assert!(verified_only.contains(&name), "{verified_only}");
    assert!(!before.contains("(2026-10-12)"), "{before}");
    env.census_cmd()
        .args([
            "evidence",
            "add",
            &first,
            "--kind",
            "deliberation",
            "--date",
            "2026-10-12",
            "--note",
            "Conseil municipal, subvention de fonctionnement",
        ])
        .assert()
        .success();
    for audience in ["elus", "techniciens"] {
        let md = report(&env, &["--audience", audience]);
        let line = md
            .lines()
            .find(|l| l.contains("Délibération de la collectivité (2026-10-12)"))
            .unwrap_or_else(|| panic!("no act in:\n{md}"));
        assert!(line.contains(&name), "{line}");
        // The sample's own act (a deliberation for the Maison du Libre), and this one.
        assert!(md.contains("2 sont aussi reconnues publiquement"), "{md}");
        let verified_only = md
            .lines()
            .find(|l| l.starts_with("Vérifiées, sans acte de la collectivité"))
            .unwrap_or_else(|| panic!("{md}"));
        assert!(!verified_only.contains(&name), "{verified_only}");
    }
}
