//! `recense import`: CSV (any delimiter, labels or ids, `--map`,
//! `--default`), the standards, ChatonsInfos; the duplicate check (updates,
//! likely duplicates, repeated rows); bad rows with their line; `--dry-run`
//! and `--strict`; malformed files, one fixture each; importing twice
//! changes nothing.

use crate::common;

use assert_cmd::assert::Assert;
use common::{CENSUS, Env, assert_unchanged, stderr_of, stdout_of};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value as Json;

/// `recense --file census.ron import ARGS…`.
fn import(env: &Env, args: &[&str]) -> Assert {
    env.census_cmd().arg("import").args(args).assert()
}

/// Copies a fixture of tests/fixtures/import/; returns its name.
fn fixture(env: &Env, name: &str) -> String {
    env.copy_fixture(&format!("import/{name}"))
}

/// The live initiatives, as `list --format json` gives them.
fn initiatives(env: &Env) -> Vec<Json> {
    let out = env
        .census_cmd()
        .args(["list", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice::<Json>(&out)
        .expect("list --format json is JSON")
        .as_array()
        .expect("an array")
        .clone()
}

/// The fields of the initiative named `name`.
fn fields_of(env: &Env, name: &str) -> Json {
    initiatives(env)
        .into_iter()
        .find(|i| i["fields"]["nom"] == name)
        .unwrap_or_else(|| panic!("no initiative named {name}"))["fields"]
        .clone()
}

/// The fields of every initiative, without their ids, sorted.
fn contents(env: &Env) -> Vec<String> {
    let mut all: Vec<String> = initiatives(env)
        .iter()
        .map(|i| i["fields"].to_string())
        .collect();
    all.sort();
    all
}

#[test]
fn a_csv_with_labels_choices_and_neutralised_cells_is_imported() {
    let env = Env::with_census();
    let name = fixture(&env, "initiatives-semicolon.csv");
    import(&env, &["csv", &name])
        .success()
        .stdout(contains("2 nouvelles"));
    let capucins = fields_of(&env, "Tiers-lieu des Capucins");
    assert_eq!(capucins["type"], "tiers_lieu", "a kind by its label");
    assert_eq!(
        capucins["telephone"], "+33298001234",
        "'+33… read without its quote"
    );
    assert_eq!(capucins["site_web"], "https://www.capucins.example.org");
    assert_eq!(
        capucins["communs_produits"],
        serde_json::json!(["donnees_ouvertes", "logiciel_libre"])
    );
    assert_eq!(
        capucins["description"],
        "Un lieu ouvert ; on y répare, on y apprend.\nDeux lignes."
    );
    let fablab = fields_of(&env, "Fablab de la Gare");
    assert_eq!(fablab["coordonnees"], "-0.5,-4.25");
    assert_eq!(fablab["telephone"], "+33298850000");
    assert_eq!(
        fablab["communs_produits"],
        serde_json::json!(["materiel_fabrication"]),
        "a label with a comma"
    );
    assert_eq!(fablab["description"], "=1+1 n'est pas une formule");
}

#[test]
fn the_three_delimiters_give_the_same_census() {
    let mut seen = Vec::new();
    for file in [
        "initiatives-semicolon.csv",
        "initiatives-comma.csv",
        "initiatives-tab.tsv",
    ] {
        let env = Env::with_census();
        let name = fixture(&env, file);
        import(&env, &["csv", &name]).success();
        seen.push(contents(&env));
    }
    assert_eq!(seen[0].len(), 2);
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0], seen[2]);
}

#[test]
fn importing_the_same_file_twice_changes_nothing() {
    let env = Env::with_census();
    let name = fixture(&env, "initiatives-semicolon.csv");
    import(&env, &["csv", &name]).success();
    let before = env.snapshot();
    for file in ["initiatives-semicolon.csv", "initiatives-comma.csv"] {
        let name = fixture(&env, file);
        let before = env.snapshot();
        import(&env, &["csv", &name])
            .success()
            .stdout(contains("0 nouvelle, 0 mise à jour, 2 déjà à jour"))
            .stderr(contains("n'a pas été réécrit"));
        assert_unchanged(&before, &env.snapshot());
    }
    assert_eq!(before.0.get(CENSUS), env.snapshot().0.get(CENSUS));
}

#[test]
fn the_same_initiative_is_updated_only_where_it_differs() {
    let env = Env::with_census();
    env.add_infini();
    env.write(
        "infini.csv",
        "nom;type;commune;site_web\nInfini;chatons;BREST;https://www.infini.fr\n",
    );
    env.census_cmd()
        .env("RECENSE_NOW", "2026-12-01T08:00:00Z")
        .args(["import", "csv", "infini.csv"])
        .assert()
        .success()
        .stdout(contains("1 mise à jour"));
    assert_eq!(initiatives(&env).len(), 1, "not created twice");
    let infini = fields_of(&env, "Infini");
    assert_eq!(infini["site_web"], "https://www.infini.fr");
    assert_eq!(
        infini["commune"], "Brest",
        "the commune matched; it was not rewritten"
    );
    let text = env.read_text(CENSUS);
    let stamp_of = |field: &str| {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("\"{field}\"")))
            .unwrap_or_else(|| panic!("{field} in the file"));
        line.contains("2026-12-01T08:00:00Z")
    };
    assert!(
        stamp_of("site_web"),
        "the new value is stamped by the import"
    );
    for unchanged in ["nom", "type", "commune"] {
        assert!(!stamp_of(unchanged), "{unchanged} was rewritten");
    }
}

#[test]
fn likely_duplicates_are_reported_and_created_only_when_asked() {
    let env = Env::with_census();
    let capucins = env.add_capucins();
    env.write(
        "likely.csv",
        "nom;type;commune\nMediatheque des Capucin;mediatheque;Brest\n",
    );
    let before = env.snapshot();
    import(&env, &["csv", "likely.csv"])
        .success()
        .stdout(contains("1 doublon probable"))
        .stderr(contains("likely.csv:2:"))
        .stderr(contains(capucins.as_str()))
        .stderr(contains("recense not-duplicate"));
    assert_unchanged(&before, &env.snapshot());
    import(&env, &["csv", "likely.csv", "--create-likely"])
        .success()
        .stdout(contains("1 nouvelle"))
        .stderr(contains("recense fuse"));
    assert_eq!(initiatives(&env).len(), 2);
    env.census_cmd()
        .arg("duplicates")
        .assert()
        .success()
        .stdout(contains(capucins.as_str()));
    // Imported again, the record is now the one it created.
    import(&env, &["csv", "likely.csv"])
        .success()
        .stdout(contains("1 déjà à jour"));
}

#[test]
fn a_record_repeated_in_the_file_is_imported_once() {
    let env = Env::with_census();
    let name = fixture(&env, "duplicate-rows.csv");
    import(&env, &["csv", &name])
        .success()
        .stderr(contains(format!("{name}:3:")))
        .stderr(contains("la ligne 2"));
    assert_eq!(initiatives(&env).len(), 1);
    let before = env.snapshot();
    import(&env, &["csv", &name]).success();
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn bad_rows_are_reported_with_their_line_and_the_others_imported() {
    let env = Env::with_census();
    let name = fixture(&env, "bad-rows.csv");
    let out = import(&env, &["csv", &name])
        .success()
        .stdout(contains("1 nouvelle"))
        .stdout(contains("5 lignes ignorées"))
        .get_output()
        .clone();
    let err = stderr_of(&out);
    for (line, phrase) in [
        (3, "clé de contrôle"),
        (4, "commune"),
        (5, "numéro invalide"),
        (6, "6 cellules"),
        (7, "piscine"),
    ] {
        let at = format!("{name}:{line}:");
        assert!(
            err.lines().any(|l| l.contains(&at) && l.contains(phrase)),
            "{at} {phrase}: {err}"
        );
    }
    assert_eq!(initiatives(&env).len(), 1);
    assert_eq!(fields_of(&env, "Infini")["siret"], "73282932000074");
}

#[test]
fn strict_imports_nothing_when_a_row_is_bad() {
    let env = Env::with_census();
    let name = fixture(&env, "bad-rows.csv");
    let before = env.snapshot();
    import(&env, &["csv", &name, "--strict"])
        .code(1)
        .stderr(contains("--strict : rien n'a été importé, 5 lignes"))
        .stderr(contains(format!("{name}:3:")));
    assert_unchanged(&before, &env.snapshot());
    // Without a bad row, --strict imports.
    let good = fixture(&env, "initiatives-comma.csv");
    import(&env, &["csv", &good, "--strict"]).success();
    assert_eq!(initiatives(&env).len(), 2);
}

#[test]
fn dry_run_shows_the_plan_and_writes_nothing() {
    let env = Env::with_census();
    env.add(&["nom=Fablab de la Gare", "type=fablab", "commune=Landerneau"]);
    let name = fixture(&env, "initiatives-semicolon.csv");
    let before = env.snapshot();
    let out = import(&env, &["csv", &name, "--dry-run"])
        .success()
        .get_output()
        .clone();
    let text = stdout_of(&out);
    assert!(text.contains(&format!("Colonnes de {name}")), "{text}");
    assert!(text.contains("  Coordonnées GPS → coordonnees"), "{text}");
    assert!(
        text.contains("ligne 2 : nouvelle « Tiers-lieu des Capucins »"),
        "{text}"
    );
    assert!(
        text.contains("« Fablab de la Gare » mise à jour :"),
        "{text}"
    );
    assert!(text.contains("telephone"), "{text}");
    assert!(text.contains("(essai : rien n'a été écrit)"), "{text}");
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn unknown_columns_are_reported_and_can_be_mapped() {
    let env = Env::with_census();
    let name = fixture(&env, "unknown-columns.csv");
    import(&env, &["csv", &name])
        .success()
        .stderr(contains("« Couleur préférée », « Référent »"))
        .stderr(contains("--map"));
    let atelier = fields_of(&env, "Atelier vélo libre");
    assert!(!atelier.to_string().contains("Jeanne") && !atelier.to_string().contains("vert"));

    let env = Env::with_census();
    let name = fixture(&env, "unknown-columns.csv");
    import(
        &env,
        &[
            "csv",
            &name,
            "--map",
            "Référent=Personne à contacter",
            "--map",
            "couleur préférée=notes",
        ],
    )
    .success()
    .stderr(predicates::str::contains("non reconnue").not());
    let atelier = fields_of(&env, "Atelier vélo libre");
    assert_eq!(atelier["contact_nom"], "Jeanne");
    assert_eq!(atelier["notes"], "Couleur préférée : vert");
}

#[test]
fn map_errors_say_what_to_write() {
    let env = Env::with_census();
    let name = fixture(&env, "unknown-columns.csv");
    let before = env.snapshot();
    for (map, phrase) in [
        (
            "Inconnue=nom",
            "pas de colonne « Inconnue » dans le fichier ; ses colonnes : nom, type",
        ),
        ("Référent=couleur", "champ inconnu « couleur »"),
        ("sans-egal", "attendu COLONNE=CHAMP"),
    ] {
        import(&env, &["csv", &name, "--map", map])
            .code(1)
            .stderr(contains(phrase));
    }
    let example = env.copy_fixture("standards/lieux-mediation-numerique.exemple-valide.csv");
    import(&env, &["mednum", &example, "--map", "source=notes"])
        .code(1)
        .stderr(contains("ne s'applique qu'au format csv"));
    let clash = fixture(&env, "clash-columns.csv");
    import(&env, &["csv", &clash])
        .code(1)
        .stderr(contains("les colonnes nom, Nom vont toutes dans « nom »"));
    import(&env, &["csv", &clash, "--map", "Nom=-"]).success();
    let before_clash = env.snapshot();
    assert_ne!(before.0.get(CENSUS), before_clash.0.get(CENSUS));
}

#[test]
fn defaults_fill_what_the_file_does_not_say() {
    let env = Env::with_census();
    env.write(
        "sans-type.csv",
        "nom,commune\nRéseau des PAPI,Brest\nInfini,Brest\n",
    );
    let before = env.snapshot();
    import(&env, &["csv", "sans-type.csv"])
        .success()
        .stderr(contains("sans-type.csv:2:"))
        .stderr(contains("--default"));
    assert_unchanged(&before, &env.snapshot());
    import(&env, &["csv", "sans-type.csv", "--default", "type=piscine"])
        .code(1)
        .stderr(contains("--default : type=piscine"));
    env.add_infini();
    import(
        &env,
        &[
            "csv",
            "sans-type.csv",
            "--default",
            "type=espace_public_numerique",
        ],
    )
    .success()
    .stdout(contains("1 nouvelle, 0 mise à jour, 1 déjà à jour"));
    assert_eq!(
        fields_of(&env, "Réseau des PAPI")["type"],
        "espace_public_numerique"
    );
    assert_eq!(
        fields_of(&env, "Infini")["type"],
        "chatons",
        "a default never overwrites"
    );
}

#[test]
fn malformed_files_are_refused_with_where_and_what_to_do() {
    let cases = [
        (
            "csv",
            "unterminated-quote.csv",
            ":3: un guillemet ouvert ici n'est jamais fermé",
        ),
        ("csv", "utf16.csv", "le fichier est en UTF-16"),
        ("csv", "empty.csv", "le fichier est vide"),
        ("csv", "header-only.csv", "aucune ligne à importer"),
        (
            "mednum",
            "mednum-no-nom.csv",
            "pas de colonne « nom » : ce n'est pas un fichier mednum",
        ),
        (
            "data-inclusion",
            "data-inclusion-bad.json",
            ":3:62: JSON illisible (expected value)",
        ),
        (
            "data-inclusion",
            "data-inclusion-not-array.json",
            "attendu un tableau JSON",
        ),
        ("data-inclusion", "empty.csv", "le fichier est vide"),
        (
            "chatons",
            "chatons-bad-escape.properties",
            ":3:28: échappement « \\u00GZ » invalide",
        ),
        (
            "chatons",
            "chatons-service.properties",
            "de type « service »",
        ),
        (
            "chatons",
            "chatons-no-name.properties",
            "pas de « organization.name »",
        ),
        ("chatons", "empty.csv", "le fichier est vide"),
    ];
    for (format, file, phrase) in cases {
        let env = Env::with_census();
        let name = fixture(&env, file);
        let before = env.snapshot();
        import(&env, &[format, &name])
            .code(1)
            .stderr(contains(phrase))
            .stderr(contains(name.as_str()));
        assert_unchanged(&before, &env.snapshot());
    }
    let env = Env::with_census();
    import(&env, &["csv", "absent.csv"])
        .code(1)
        .stderr(contains("absent.csv: fichier introuvable"));
}

#[test]
fn messages_follow_the_locale() {
    let env = Env::with_census().locale("en_GB.UTF-8");
    let name = fixture(&env, "bad-rows.csv");
    import(&env, &["csv", &name])
        .success()
        .stdout(contains("1 new, 0 updated"))
        .stderr(contains(format!(
            "{name}:3: row skipped: siret=73282932000075: invalid SIRET"
        )));
    let latin = fixture(&env, "latin1.csv");
    import(&env, &["csv", &latin, "--encoding", "utf-8"])
        .code(1)
        .stderr(contains(":2: the file is not UTF-8"));
}

#[test]
fn a_mednum_file_imports_and_imports_again_without_change() {
    let env = Env::with_census();
    let name = env.copy_fixture("standards/lieux-mediation-numerique.exemple-valide.csv");
    import(&env, &["mednum", &name])
        .success()
        .stdout(contains("1 nouvelle"));
    let anonymal = fields_of(&env, "Anonymal");
    assert_eq!(anonymal["type"], "tiers_lieu");
    assert_eq!(anonymal["siret"], "43493312300029");
    assert_eq!(anonymal["publics"], serde_json::json!(["femmes", "jeunes"]));
    assert_eq!(
        anonymal["frais"],
        serde_json::json!(["gratuit_sous_condition", "payant"])
    );
    let before = env.snapshot();
    import(&env, &["mednum", &name])
        .success()
        .stdout(contains("1 déjà à jour"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn data_inclusion_structures_import() {
    let env = Env::with_census();
    let name = fixture(&env, "data-inclusion.json");
    // A network says nothing of the kind (v1 has no typologie): the
    // structures without a v0 typologie need a default kind.
    import(&env, &["data-inclusion", &name])
        .success()
        .stdout(contains("1 nouvelle"))
        .stderr(contains(format!("{name}:2:")))
        .stderr(contains(format!("{name}:4:")))
        .stderr(contains("type"));
    import(
        &env,
        &["data-inclusion", &name, "--default", "type=centre_social"],
    )
    .success()
    .stdout(contains("2 nouvelles, 0 mise à jour, 1 déjà à jour"));
    let kerourien = fields_of(&env, "Centre social Kerourien");
    assert_eq!(kerourien["type"], "centre_social");
    assert_eq!(
        kerourien["reseaux_porteurs"],
        serde_json::json!(["fcsf"]),
        "the membership as stated"
    );
    assert_eq!(
        fields_of(&env, "Mission locale du Pays de Brest")["reseaux_porteurs"],
        serde_json::json!(["mission_locale"])
    );
    assert_eq!(kerourien["coordonnees"], "48.4012,-4.4702");
    assert_eq!(kerourien["horaires"], "Mo-Fr 09:00-17:00");
    let notes = kerourien["notes"].as_str().unwrap();
    assert!(
        notes.contains("lien_source : https://dora.inclusion.beta.gouv.fr/structures/cs-kerourien"),
        "{notes}"
    );
    assert!(notes.contains("id : dora--cs-kerourien"), "{notes}");
    assert_eq!(
        fields_of(&env, "Médiathèque Saint-Martin")["type"],
        "mediatheque",
        "v0 typologie BIB"
    );
    let before = env.snapshot();
    import(
        &env,
        &["data-inclusion", &name, "--default", "type=association"],
    )
    .success()
    .stdout(contains("0 nouvelle, 0 mise à jour, 3 déjà à jour"));
    assert_unchanged(&before, &env.snapshot());
    let other = fixture(&env, "data-inclusion-not-object.json");
    import(&env, &["data-inclusion", &other])
        .success()
        .stderr(contains(format!(
            "{other}:3: ligne ignorée : cet élément n'est pas un objet JSON"
        )));
}

#[test]
fn a_chatons_organization_file_makes_a_chatons_member() {
    let env = Env::with_census();
    let name = fixture(&env, "organization.properties");
    import(&env, &["chatons", &name])
        .success()
        .stdout(contains("1 nouvelle"));
    let all = initiatives(&env);
    let chaton = &all[0];
    assert_eq!(
        chaton["status"], "en_sommeil",
        "organization.status.level IDLE"
    );
    let f = &chaton["fields"];
    assert_eq!(f["nom"], "Le Chaton démo", "\\u00e9 read");
    assert_eq!(f["type"], "chatons");
    assert_eq!(
        f["description"], "Hébergeur associatif : services libres, sans publicité ni pistage.",
        "a continued line"
    );
    assert_eq!(f["adresse"], "12 rue de Siam");
    assert_eq!(f["code_postal"], "29200");
    assert_eq!(f["commune"], "Brest");
    assert_eq!(f["coordonnees"], "48.3904,-4.4861", "decimal commas");
    assert_eq!(f["date_creation"], "2015-09-01");
    assert_eq!(f["chatons_adhesion"], "2017-10-05");
    assert_eq!(f["courriel"], "contact@chaton-demo.example.org");
    let services = f["chatons_services"].as_str().unwrap();
    assert!(
        services.contains("nextcloud : https://") && services.contains("etherpad : https://"),
        "{services}"
    );
    let notes = f["notes"].as_str().unwrap();
    assert!(
        notes.contains("organization.owner.name : Association Démo = « amis »"),
        "{notes}"
    );
    assert_eq!(f["forme_juridique"], "association", "organization.type");
    assert!(!notes.contains("organization.type"), "{notes}");
    let id = chaton["id"].as_str().unwrap();
    let history = env
        .census_cmd()
        .args(["history", id, "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let events: Json = serde_json::from_slice(&history).unwrap();
    assert!(
        events
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["event"] == "evidence"
                && e["kind"] == "registre_officiel"
                && e["date"] == "2017-10-05"),
        "{events}"
    );
    let before = env.snapshot();
    import(&env, &["chatons", &name])
        .success()
        .stdout(contains("1 déjà à jour"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn imported_values_are_recorded_by_the_agent_running_the_import() {
    let env = Env::with_census();
    let name = fixture(&env, "initiatives-comma.csv");
    import(&env, &["csv", &name]).success();
    let text = env.read_text(CENSUS);
    let (census, _) = recense::census::file::parse(&text, CENSUS).expect("a valid census");
    let marie = census
        .agents
        .iter()
        .find(|(_, n)| n.as_str() == common::AGENT)
        .map(|(id, _)| *id)
        .expect("Marie is an agent of the census");
    let now = recense::census::time::Timestamp::parse(common::NOW).unwrap();
    for i in &census.initiatives {
        for (_, entries) in i.fields.iter() {
            for e in entries {
                assert_eq!(e.stamp.dot().map(|d| d.agent), Some(marie));
                assert_eq!(e.stamp.at(), Some(now));
            }
        }
    }
}

#[test]
fn a_list_exported_as_csv_imports_back_unchanged() {
    let env = Env::with_census();
    env.copy_sample(CENSUS);
    let out = env
        .census_cmd()
        .args(["list", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    env.write("list.csv", out);
    let before = env.snapshot();
    import(&env, &["csv", "list.csv"])
        .success()
        .stdout(contains("0 nouvelle, 0 mise à jour, 19 déjà à jour"));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn a_row_naming_a_deleted_initiative_says_how_to_restore_it() {
    let env = Env::with_census();
    env.copy_sample(CENSUS);
    let id = "01M6B5G7T0HT5KFD63KMNBCWPR";
    env.census_cmd().args(["delete", id]).assert().success();
    env.write(
        "one.csv",
        format!("id;nom;type;commune\n{id};Infini;chatons;Brest\n"),
    );
    import(&env, &["csv", "one.csv"])
        .success()
        .stderr(contains(format!("one.csv:2: ligne ignorée : elle désigne l'initiative {id}, supprimée (« recense restore {id} »")));
}

#[test]
fn relations_must_name_an_initiative() {
    let env = Env::with_census();
    let target = "01M6B5G7T0HT5KFD63KMNBCWPR";
    let new = "01M6B5G7T0HT5KFD63KMNBCWPS";
    env.write(
        "rel.csv",
        format!(
            "id;nom;type;commune;relations\n\
             {new};Hébergé;association;Brest;héberge Infini ({target})\n\
             01M6B5G7T0HT5KFD63KMNBCWPT;Seul;association;Brest;héberge Nulle part (01M6B5G7T0HT5KFD63KMNBCWP0)\n\
             {target};Infini;chatons;Brest;\n"
        ),
    );
    import(&env, &["csv", "rel.csv"])
        .success()
        .stdout(contains("2 nouvelles"))
        .stderr(contains(
            "rel.csv:3: ligne ignorée : relations: aucune initiative",
        ));
    let hosted = initiatives(&env)
        .into_iter()
        .find(|i| i["id"] == new)
        .expect("created with its own id");
    assert_eq!(
        hosted["fields"]["relations"],
        serde_json::json!([format!("heberge:{target}")])
    );
}

/// A CSV in the shape `recense export --format csv` writes: `;`, an `id`
/// column then the form's fields under their French labels, choices by
/// label, `|` between several values, relations as « label name (id) »,
/// cells starting with `=`, `+`, `-`, `@` neutralised with a quote.
fn export_shaped_csv(census: &recense::census::Census) -> Vec<u8> {
    use recense::census::schema::FieldType;
    let schema = recense::census::Schema::default_schema();
    let lang = recense::i18n::Lang::Fr;
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    let mut header = vec!["id".to_string()];
    header.extend(schema.fields.iter().map(|f| f.label.fr.clone()));
    out.write_record(&header).unwrap();
    for i in census.live() {
        let mut row = vec![i.id.to_string()];
        for f in &schema.fields {
            let shown: Vec<String> = i
                .values(&f.id)
                .iter()
                .map(|v| match &f.field_type {
                    FieldType::Choice(l) | FieldType::Choices(l) => {
                        schema.choice_label(l, v, lang).to_string()
                    }
                    FieldType::Relations(l) => {
                        let (kind, target) = v.split_once(':').unwrap();
                        let name = census
                            .get(&recense::census::InitiativeId::parse(target).unwrap())
                            .and_then(|t| t.value("nom"))
                            .unwrap_or("?");
                        format!("{} {name} ({target})", schema.choice_label(l, kind, lang))
                    }
                    _ => v.to_string(),
                })
                .collect();
            let cell = shown.join("|");
            row.push(if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{cell}")
            } else {
                cell
            });
        }
        out.write_record(&row).unwrap();
    }
    out.into_inner().unwrap()
}

#[test]
fn an_export_shaped_csv_imports_back_whole() {
    let env = Env::with_census();
    env.copy_sample(CENSUS);
    let sample = recense::census::file::parse(&env.read_text(CENSUS), CENSUS)
        .unwrap()
        .0;
    env.write("export.csv", export_shaped_csv(&sample));
    // Into the census it came from: nothing changes.
    let before = env.snapshot();
    import(&env, &["csv", "export.csv"])
        .success()
        .stdout(contains("0 nouvelle, 0 mise à jour, 19 déjà à jour"));
    assert_unchanged(&before, &env.snapshot());
    // Into an empty census: the same initiatives, ids, values and relations.
    env.cmd()
        .args(["init", "fresh.ron", "--territory", "Pays de Brest"])
        .assert()
        .success();
    env.cmd()
        .args(["--file", "fresh.ron", "import", "csv", "export.csv"])
        .assert()
        .success()
        .stdout(contains("19 nouvelles"));
    let fresh = recense::census::file::parse(&env.read_text("fresh.ron"), "fresh.ron")
        .unwrap()
        .0;
    let schema = recense::census::Schema::default_schema();
    assert_eq!(fresh.live().count(), sample.live().count());
    for i in sample.live() {
        let back = fresh
            .get(&i.id)
            .unwrap_or_else(|| panic!("{} kept its id", i.id));
        for f in &schema.fields {
            let mut a = i.values(&f.id);
            let mut b = back.values(&f.id);
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{} {}", i.id, f.id);
        }
    }
}
