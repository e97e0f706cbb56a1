//! `recense init`, who the agent is, where the census lives, which language
//! is spoken, and a census made with a custom form (`--schema`).

use crate::common;

use common::{AGENT, CENSUS, Env, TODAY, assert_located, assert_unchanged, stderr_of};
use predicates::prelude::*;
use predicates::str::contains;

#[test]
fn init_creates_an_empty_census_of_the_territory() {
    let env = Env::new();
    env.cmd()
        .args(["init", CENSUS, "--territory", "Pays de Brest"])
        .assert()
        .success()
        .stderr(contains("Recensement créé").and(contains(CENSUS)));
    let text = env.read_text(CENSUS);
    assert!(text.contains("territory: \"Pays de Brest\""), "{text}");
    assert!(text.contains("schema: \"communs-numeriques\""), "{text}");
    assert!(text.contains("initiatives: []"), "{text}");
    env.census_cmd()
        .arg("list")
        .assert()
        .success()
        .stderr(contains("0 initiative"));
}

#[test]
fn init_writes_a_census_that_validates_and_is_canonical() {
    let env = Env::with_census();
    env.cmd()
        .args(["validate", CENSUS])
        .assert()
        .success()
        .stdout(contains("census.ron: valide"));
    env.cmd()
        .args(["fmt", "--check", CENSUS])
        .assert()
        .success();
}

#[test]
fn init_refuses_to_replace_an_existing_file() {
    let env = Env::with_census();
    env.add_infini();
    let before = env.snapshot();
    env.cmd()
        .args(["init", CENSUS, "--territory", "Ailleurs"])
        .assert()
        .code(1)
        .stderr(contains(
            "census.ron: ce fichier existe déjà ; il n'a pas été remplacé.",
        ));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn init_refuses_an_empty_territory_name() {
    let env = Env::new();
    env.cmd()
        .args(["init", CENSUS, "--territory", "   "])
        .assert()
        .code(1)
        .stderr(contains("le nom du territoire est vide"));
    assert!(!env.path(CENSUS).exists());
}

#[test]
fn first_init_with_as_records_the_agent_in_the_config() {
    let env = Env::new();
    env.cmd()
        .args([
            "init",
            CENSUS,
            "--territory",
            "Pays de Brest",
            "--as",
            AGENT,
        ])
        .assert()
        .success()
        .stderr(contains("Votre nom est enregistré dans"));
    let config = std::fs::read_to_string(env.config_file()).expect("config.ron written");
    assert!(config.contains("agent_name: \"Marie\""), "{config}");
    assert!(config.contains("territory: \"Pays de Brest\""), "{config}");
    assert!(config.contains("agent_id: \""), "{config}");
}

#[test]
fn the_recorded_agent_signs_later_changes_without_as() {
    let env = Env::with_census();
    let id = env.add_infini();
    env.census_cmd()
        .args(["show", &id])
        .assert()
        .success()
        .stdout(contains(format!("[{AGENT}, {TODAY}]")));
}

#[test]
fn a_later_init_with_another_name_keeps_the_recorded_agent() {
    let env = Env::with_census();
    let config = std::fs::read(env.config_file()).expect("config");
    env.cmd()
        .args([
            "init",
            "autre.ron",
            "--territory",
            "Grenoble",
            "--as",
            "Yann",
        ])
        .assert()
        .success()
        .stderr(contains("Votre nom est enregistré").not());
    assert_eq!(std::fs::read(env.config_file()).expect("config"), config);
}

#[test]
fn init_without_as_records_no_agent_and_add_then_asks_who_you_are() {
    let env = Env::new();
    env.cmd()
        .args(["init", CENSUS, "--territory", "Pays de Brest"])
        .assert()
        .success();
    assert!(!env.config_file().exists());
    let before = env.snapshot();
    env.census_cmd()
        .args(["add", "--set", "nom=Infini", "--set", "type=chatons"])
        .args(["--set", "commune=Brest"])
        .assert()
        .code(1)
        .stderr(contains("qui êtes-vous ?").and(contains("--as NOM")));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn the_no_agent_message_is_in_english_with_lang_en() {
    let env = Env::new();
    env.cmd()
        .args(["init", CENSUS, "--territory", "Pays de Brest"])
        .assert()
        .success();
    env.census_cmd()
        .args(["--lang", "en", "add", "--set", "nom=Infini"])
        .assert()
        .code(1)
        .stderr(contains("who are you?"));
}

/// Adds an initiative in the name of `agent` given by `--as` or by
/// `RECENSE_AGENT`; returns its id.
fn add_as(env: &Env, agent: &str, by_env: bool) -> String {
    let mut cmd = env.census_cmd();
    if by_env {
        cmd.env("RECENSE_AGENT", agent);
    } else {
        cmd.args(["--as", agent]);
    }
    let out = cmd
        .args(["add", "--set", "nom=Infini", "--set", "type=chatons"])
        .args(["--set", "commune=Brest"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("id").trim().to_string()
}

#[test]
fn as_and_recense_agent_name_the_agent_without_a_config() {
    let env = Env::new();
    env.cmd()
        .args(["init", CENSUS, "--territory", "Pays de Brest"])
        .assert()
        .success();
    let by_flag = add_as(&env, "Yann", false);
    let by_env = add_as(&env, "Soizic", true);
    env.census_cmd()
        .args(["show", &by_flag])
        .assert()
        .stdout(contains("[Yann, "));
    env.census_cmd()
        .args(["show", &by_env])
        .assert()
        .stdout(contains("[Soizic, "));
}

#[test]
fn as_wins_over_the_recorded_agent() {
    let env = Env::with_census();
    let id = add_as(&env, "Yann", false);
    env.census_cmd()
        .args(["show", &id])
        .assert()
        .stdout(contains("[Yann, ").and(contains("[Marie, ").not()));
}

#[test]
fn without_file_the_census_lives_in_the_data_folder() {
    let env = Env::new();
    env.cmd()
        .args(["init", "--territory", "Pays de Brest", "--as", AGENT])
        .assert()
        .success();
    assert!(
        env.default_census().exists(),
        "no census in the data folder"
    );
    assert!(!env.path(CENSUS).exists());
    env.cmd()
        .args(["add", "--set", "nom=Infini", "--set", "type=chatons"])
        .args(["--set", "commune=Brest"])
        .assert()
        .success();
    env.cmd()
        .arg("list")
        .assert()
        .success()
        .stdout(contains("Infini"));
}

#[test]
fn recense_file_names_the_census() {
    let env = Env::with_census();
    env.add_infini();
    env.cmd()
        .env("RECENSE_FILE", CENSUS)
        .arg("list")
        .assert()
        .success()
        .stdout(contains("Infini"));
}

#[test]
fn a_missing_census_is_reported_with_how_to_create_one() {
    let env = Env::new();
    env.cmd().arg("list").assert().code(1).stderr(
        contains(env.default_census().display().to_string()).and(contains(
            "fichier introuvable. Créez un recensement avec « recense init --territory NOM »",
        )),
    );
}

#[test]
fn without_a_terminal_the_interface_says_it_needs_one() {
    // Under the test harness, stdin and stdout are pipes: the interface does
    // not start, and says where the commands for scripts are.
    let env = Env::new();
    env.cmd().assert().code(1).stderr(contains(
        "l'interface a besoin d'un terminal ; « recense --help » liste les commandes",
    ));
    env.cmd()
        .args(["--lang", "en"])
        .assert()
        .code(1)
        .stderr(contains(
            "the interface needs a terminal; `recense --help` lists the commands",
        ));
    assert!(!env.default_census().exists(), "nothing was created");
}

#[test]
fn an_english_locale_gives_english_messages() {
    let env = Env::new().locale("en_US.UTF-8");
    env.cmd()
        .args(["init", CENSUS, "--territory", "Pays de Brest"])
        .assert()
        .success()
        .stderr(contains("Census created:"));
}

#[test]
fn lang_fr_wins_over_an_english_locale() {
    let env = Env::new().locale("en_US.UTF-8");
    env.cmd()
        .args([
            "--lang",
            "fr",
            "init",
            CENSUS,
            "--territory",
            "Pays de Brest",
        ])
        .assert()
        .success()
        .stderr(contains("Recensement créé"));
}

#[test]
fn the_language_of_the_config_is_used() {
    let env = Env::new();
    std::fs::create_dir_all(env.config_file().parent().expect("dir")).expect("mkdir");
    std::fs::write(env.config_file(), "(\n    lang: \"en\",\n)\n").expect("config");
    env.cmd().arg("list").assert().code(1).stderr(contains(
        "file not found. Create a census with `recense init --territory NAME`",
    ));
}

#[test]
fn an_unknown_lang_is_refused_by_the_argument_parser() {
    let env = Env::with_census();
    env.census_cmd()
        .args(["--lang", "de", "list"])
        .assert()
        .code(2)
        .stderr(contains("valeur « de » refusée pour --lang").and(contains("écrivez fr ou en")));
}

// ---------------------------------------------------------------- --schema

/// Puts the minimal valid form in `forms/mini.ron`.
fn with_custom_form(env: &Env) -> &'static str {
    env.write(
        "forms/mini.ron",
        std::fs::read(common::fixture_path("valid/schema-minimal.ron")).expect("fixture"),
    );
    "forms/mini.ron"
}

fn init_with_form(env: &Env, form: &str) -> assert_cmd::assert::Assert {
    env.cmd()
        .args([
            "init",
            CENSUS,
            "--territory",
            "Pays de Brest",
            "--as",
            AGENT,
        ])
        .args(["--schema", form])
        .assert()
}

#[test]
fn init_with_schema_copies_the_form_beside_the_census() {
    let env = Env::new();
    let form = with_custom_form(&env);
    init_with_form(&env, form).success();
    assert_eq!(env.read("schemas/mini-test.ron"), env.read(form));
    assert!(env.read_text(CENSUS).contains("schema: \"mini-test\""));
}

#[test]
fn a_census_made_with_a_custom_form_uses_it_afterwards() {
    let env = Env::new();
    let form = with_custom_form(&env);
    init_with_form(&env, form).success();
    // The copy beside the census is what counts, not the original.
    std::fs::remove_file(env.path(form)).expect("remove original");
    let id = env.add(&[
        "nom=Fablab des Fourneaux",
        "type=fablab",
        "machines=Découpe laser",
    ]);
    env.census_cmd()
        .args(["show", &id])
        .assert()
        .success()
        .stdout(contains("Machines").and(contains("Découpe laser")));
    env.cmd().args(["validate", CENSUS]).assert().success();
    env.census_cmd()
        .args(["schema", "show"])
        .assert()
        .success()
        .stdout(contains("Formulaire minimal").and(contains("mini-test")));
}

#[test]
fn a_custom_form_refuses_the_fields_of_the_default_form() {
    let env = Env::new();
    let form = with_custom_form(&env);
    init_with_form(&env, form).success();
    env.census_cmd()
        .args(["add", "--set", "nom=Infini", "--set", "type=association"])
        .args(["--set", "siret=73282932000074"])
        .assert()
        .code(1)
        .stderr(
            contains("champ inconnu « siret »")
                .and(contains("nom, type, commune, machines, code_local")),
        );
}

#[test]
fn a_custom_form_checks_its_own_constraints() {
    let env = Env::new();
    let form = with_custom_form(&env);
    init_with_form(&env, form).success();
    env.census_cmd()
        .args(["add", "--set", "nom=Infini", "--set", "type=association"])
        .args(["--set", "code_local=brest"])
        .assert()
        .code(1)
        .stderr(contains(
            "code_local=brest: Trois majuscules, par exemple BRE.",
        ));
    env.census_cmd()
        .args([
            "--lang",
            "en",
            "add",
            "--set",
            "nom=Infini",
            "--set",
            "type=association",
        ])
        .args(["--set", "code_local=brest"])
        .assert()
        .code(1)
        .stderr(contains("Three capitals, e.g. BRE."));
}

#[test]
fn init_refuses_a_bad_form_with_its_place_and_creates_nothing() {
    let env = Env::new();
    let form = env.copy_fixture("invalid/schema-bad-field-id.ron");
    let before = env.snapshot();
    let out = init_with_form(&env, &form).code(1).get_output().clone();
    assert_located(
        &stderr_of(&out),
        &form,
        22,
        "identifiant de champ « Code-Local » invalide",
    );
    assert_unchanged(&before, &env.snapshot());
    assert!(
        !env.config_file().exists(),
        "a failed init recorded the agent"
    );
}

#[test]
fn init_refuses_a_form_whose_id_is_taken_by_another_form() {
    let env = Env::new();
    let form = with_custom_form(&env);
    env.write(
        "schemas/mini-test.ron",
        "// another form with the same id\n",
    );
    let before = env.snapshot();
    init_with_form(&env, form).code(1).stderr(contains(
        "un autre formulaire avec cet identifiant existe déjà",
    ));
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn init_accepts_the_same_form_already_beside_the_census() {
    let env = Env::new();
    let form = with_custom_form(&env);
    env.write("schemas/mini-test.ron", env.read(form));
    init_with_form(&env, form).success();
    assert!(env.path(CENSUS).exists());
}

#[test]
fn a_census_whose_form_is_missing_says_which_form() {
    let env = Env::new();
    let form = with_custom_form(&env);
    init_with_form(&env, form).success();
    std::fs::remove_dir_all(env.path("schemas")).expect("remove schemas/");
    env.census_cmd()
        .arg("list")
        .assert()
        .code(1)
        .stderr(contains(
            "census.ron:6:5: le formulaire « mini-test » est introuvable : placez son fichier dans schemas/mini-test.ron à côté du recensement.",
        ));
}

#[test]
fn init_with_schema_on_an_existing_census_leaves_every_file_as_it_was() {
    let env = Env::with_census();
    let form = with_custom_form(&env);
    let before = env.snapshot();
    init_with_form(&env, form)
        .code(1)
        .stderr(contains("ce fichier existe déjà"));
    assert_unchanged(&before, &env.snapshot());
}
