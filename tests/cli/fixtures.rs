//! One fixture file per error message, under `tests/fixtures/invalid/`, and
//! files that load with warnings only, under `tests/fixtures/valid/`. Each is
//! one row of a table below: adding a fixture is adding a row, and a fixture
//! without a row fails `every_fixture_file_has_a_row`.
//!
//! Each fixture starts with a `// Fixture:` comment saying what is wrong and
//! where.

use crate::common;

use common::{Env, has_located, reported_line, stderr_of, stdout_of};

/// How a fixture is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A census that cannot be loaded: `validate`, `list` and `add` refuse
    /// it, and `add` writes nothing.
    CensusLoad,
    /// A census that loads but that `validate` finds wrong.
    CensusInvalid,
    /// A form: `schema check` and `validate` refuse it.
    Schema,
    /// A `config.ron`: every command refuses to start.
    Config,
}

/// Where the message says the fault is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// `FILE:LINE:COLUMN`.
    Line(usize),
}

struct Invalid {
    file: &'static str,
    kind: Kind,
    place: Place,
    /// Key words of the French message.
    phrase: &'static str,
}

const fn row(file: &'static str, kind: Kind, place: Place, phrase: &'static str) -> Invalid {
    Invalid {
        file,
        kind,
        place,
        phrase,
    }
}

use Kind::*;
use Place::*;

#[rustfmt::skip]
const INVALID: &[Invalid] = &[
    // ---- censuses that cannot be read
    row("census-truncated.ron", CensusLoad, Line(20), "le fichier s'arrête trop tôt (guillemet, parenthèse ou crochet non fermé)"),
    row("census-unknown-key.ron", CensusLoad, Line(5), "clé inconnue « territoire » ; clés possibles : format, territory,"),
    row("census-newer-format.ron", CensusLoad, Line(4), "ce fichier est au format 2, plus récent que celui que cette version de recense comprend (1)"),
    row("census-bad-stamp.ron", CensusLoad, Line(17), "tampon « mvn0s:1 hier 835e00 » invalide : attendu « agent:compteur date empreinte »"),
    row("census-duplicate-initiative.ron", CensusLoad, Line(27), "l'initiative 01M8KBYJ808GACQFDEPG38BYMN apparaît deux fois ; supprimez l'une des deux copies."),
    row("census-not-utf8.ron", CensusLoad, Line(32), "le fichier n'est pas en UTF-8"),
    // The key is missing from the struct: the place is where the struct ends.
    row("census-missing-key.ron", CensusLoad, Line(38), "la clé « territory » manque dans le bloc qui se termine ici."),
    row("census-bad-escape.ron", CensusLoad, Line(17), "séquence d'échappement invalide dans un texte ; écrivez \\\\ pour une barre oblique inverse"),
    // The place is just after the last `)`, where the extra text begins.
    row("census-trailing-text.ron", CensusLoad, Line(38), "texte en trop après la fin des données."),
    row("census-bad-number.ron", CensusLoad, Line(7), "nombre entier attendu."),
    // The comma is missing at the end of line 5: the place is the next key.
    row("census-missing-comma.ron", CensusLoad, Line(6), "« , » attendu ici ; il manque sans doute une virgule à la fin de la ligne précédente."),
    row("census-duplicate-key.ron", CensusLoad, Line(6), "la clé « territory » apparaît deux fois."),
    row("census-bad-initiative-id.ron", CensusLoad, Line(13), "identifiant d'initiative « infini brest! » invalide : recense donne à chaque initiative un ULID de 26 caractères"),
    row("census-id-not-ulid.ron", CensusLoad, Line(13), "identifiant d'initiative « hello » invalide : recense donne à chaque initiative un ULID de 26 caractères (chiffres et lettres sauf I, L, O, U)"),
    // A copy in small letters is the same initiative: the place is the copy.
    row("census-id-copy-small-letters.ron", CensusLoad, Line(37), "l'initiative 01M8KBYJ808GACQFDEPG38BYMN apparaît deux fois ; supprimez l'une des deux copies."),
    row("census-counter-at-max.ron", CensusLoad, Line(17), "compteur « mvn0s:4294967295 » à son maximum : aucune modification ne pourrait le suivre"),
    row("census-seen-at-max.ron", CensusLoad, Line(28), "compteur « mvn0s:4294967295 » à son maximum : aucune modification ne pourrait le suivre"),
    // A list where a text is expected.
    row("census-bad-value-shape.ron", CensusLoad, Line(17), "« \"…\" » attendu ici"),
    row("census-unknown-schema.ron", CensusLoad, Line(6), "le formulaire « formulaire-inconnu » est introuvable : placez son fichier dans schemas/formulaire-inconnu.ron à côté du recensement."),
    // ---- censuses that load, with errors
    row("census-invalid-siret.ron", CensusInvalid, Line(22), "erreur: 01M8KBYJ808GACQFDEPG38BYMN : siret=73282932000075: SIRET invalide : la clé de contrôle ne correspond pas"),
    row("census-missing-required.ron", CensusInvalid, Line(13), "erreur: 01M8KBYJ808GACQFDEPG38BYMN : le champ obligatoire « commune » est vide."),
    row("census-invalid-partial-date.ron", CensusInvalid, Line(17), "erreur: 01M8KBYJ808GACQFDEPG38BYMN : date_creation=printemps 2014: date invalide (AAAA, MM/AAAA, AAAA-MM-JJ ou JJ/MM/AAAA)"),
    // ---- forms
    row("schema-unknown-type.ron", Schema, Line(19), "« Nombre » inconnu ; valeurs possibles : Text, LongText, Choice,"),
    row("schema-unknown-choice-list.ron", Schema, Line(18), "le champ « type » utilise la liste « typs », qui n'existe pas dans choices."),
    row("schema-duplicate-field.ron", Schema, Line(20), "le champ « commune » est défini deux fois."),
    row("schema-bad-regex.ron", Schema, Line(26), "l'expression régulière du champ « code_local » est invalide"),
    row("schema-unknown-step.ron", Schema, Line(19), "le champ « commune » est rangé dans l'étape « ou », qui n'existe pas dans steps."),
    row("schema-unknown-kind.ron", Schema, Line(20), "le champ « machines » s'applique au type « piscine », qui n'est pas dans la liste des types."),
    row("schema-unknown-relay-kind.ron", Schema, Line(29), "relay_kinds : le type « centre_social » n'est pas dans la liste des types."),
    row("schema-bad-field-id.ron", Schema, Line(22), "identifiant de champ « Code-Local » invalide : minuscules, chiffres et _, en commençant par une lettre."),
    row("schema-duplicate-step.ron", Schema, Line(8), "l'étape « identifier » est définie deux fois."),
    row("schema-no-steps.ron", Schema, Line(6), "le formulaire n'a aucune étape."),
    row("schema-empty-choice-list.ron", Schema, Line(15), "la liste « vide » est vide."),
    row("schema-duplicate-choice.ron", Schema, Line(13), "le choix « fablab » apparaît deux fois dans la liste « types »."),
    row("schema-bad-choice-id.ron", Schema, Line(13), "identifiant « Tiers Lieu » invalide dans la liste « types »"),
    // The field is missing: the place is the list of fields.
    row("schema-missing-name-field.ron", Schema, Line(16), "le champ « nom » (nom de l'initiative) manque."),
    row("schema-kind-field-not-choice.ron", Schema, Line(18), "le champ « type » doit être de type Choice(\"liste\")."),
    row("schema-empty-id.ron", Schema, Line(3), "le formulaire n'a pas d'identifiant (id)."),
    row("schema-unknown-key.ron", Schema, Line(17), "clé inconnue « requis » ; clés possibles : id, step, label,"),
    // Labels take only `fr` and `en`: nothing can nest deeper than the form's own shape.
    row("schema-label-unknown-key.ron", Schema, Line(5), "clé inconnue « x » ; clés possibles : fr, en."),
    // ---- config
    row("config-unknown-key.ron", Config, Line(3), "clé inconnue « agent_nme » ; clés possibles : agent_id, agent_name, territory, lang, ascii."),
    row("config-bad-lang.ron", Config, Line(4), "langue « breton » inconnue : écrivez \"fr\" ou \"en\"."),
    row("config-truncated.ron", Config, Line(3), "le fichier s'arrête trop tôt"),
];

/// Fixtures whose English message is checked too.
#[rustfmt::skip]
const ENGLISH: &[(&str, &str)] = &[
    ("census-truncated.ron", "the file ends too early (unclosed quote, parenthesis or bracket)"),
    ("census-unknown-key.ron", "unknown key `territoire`; expected one of: format, territory,"),
    ("census-newer-format.ron", "this file uses format 2, newer than this version of recense understands (1)"),
    ("census-not-utf8.ron", "the file is not UTF-8"),
    ("census-id-not-ulid.ron", "invalid initiative id `hello`: recense gives each initiative a ULID of 26 characters (digits and letters except I, L, O, U)"),
    ("census-counter-at-max.ron", "counter `mvn0s:4294967295` at its maximum: no change could follow it"),
    ("census-invalid-siret.ron", "error: 01M8KBYJ808GACQFDEPG38BYMN : siret=73282932000075: invalid SIRET: the check digit does not match"),
    ("census-invalid-partial-date.ron", "error: 01M8KBYJ808GACQFDEPG38BYMN : date_creation=printemps 2014: invalid date (YYYY, MM/YYYY, YYYY-MM-DD or DD/MM/YYYY)"),
    ("schema-unknown-choice-list.ron", "field `type` uses the list `typs`, which is not in choices."),
    ("schema-bad-field-id.ron", "invalid field id `Code-Local`: lowercase letters, digits and _, starting with a letter."),
    ("config-unknown-key.ron", "unknown key `agent_nme`; expected one of: agent_id, agent_name, territory, lang, ascii."),
];

struct Valid {
    file: &'static str,
    /// The warning `validate` gives, and its line; `None` for no warning.
    warning: Option<(usize, &'static str)>,
}

#[rustfmt::skip]
const VALID: &[Valid] = &[
    Valid { file: "census-base.ron", warning: None },
    Valid { file: "schema-minimal.ron", warning: None },
    Valid { file: "census-hand-edited.ron", warning: Some((17, "avertissement: 01M8KBYJ808GACQFDEPG38BYMN : « nom » a été modifié à la main dans le fichier ; la modification est conservée.")) },
    Valid { file: "census-unknown-field.ron", warning: Some((17, "avertissement: 01M8KBYJ808GACQFDEPG38BYMN : champ « couleur » inconnu du formulaire ; il est conservé tel quel.")) },
    Valid { file: "census-conflict.ron", warning: Some((18, "avertissement: 01M8KBYJ808GACQFDEPG38BYMN : conflit sur « nom » : Infini / Infini Brest (modifiés en parallèle ; choisissez avec « recense resolve 01M8KBYJ808GACQFDEPG38BYMN nom --pick N » ou --set VALEUR).")) },
    Valid { file: "census-not-for-kind.ron", warning: Some((31, "avertissement: 01M8KBYJ80YC2KZ7P4Z8FE4ZYJ : le champ « chatons_services » ne s'applique pas au type « mediatheque ».")) },
    Valid { file: "census-dangling-relation.ron", warning: Some((18, "avertissement: 01M8KBYJ808GACQFDEPG38BYMN : « relations » renvoie à 01M8KBYJ80ZZZZZZZZZZZZZZZZ, absente de ce fichier.")) },
    Valid { file: "census-no-checksum.ron", warning: Some((1, "avertissement: pas de somme de contrôle : le fichier n'a pas été écrit par recense, ou il est tronqué.")) },
    Valid { file: "census-not-canonical-value.ron", warning: Some((33, "avertissement: 01M8KBYJ80YC2KZ7P4Z8FE4ZYJ : telephone=02 98 00 12 34 sera écrit « +33298001234 » à la prochaine modification.")) },
    Valid { file: "census-fusion-cycle.ron", warning: Some((23, "avertissement: fusions en cycle : 01M8RGR080JVPC5R8K4YW2DHJX → 01M8RGR080S8ZDZSFK1H2J83PT → 01M8RGR080JVPC5R8K4YW2DHJX ; affichée : 01M8RGR080JVPC5R8K4YW2DHJX → recense resolve 01M8RGR080JVPC5R8K4YW2DHJX _merged_into --pick N")) },
    Valid { file: "census-deleted-and-fused.ron", warning: None },
    Valid { file: "census-id-small-letters.ron", warning: Some((13, "avertissement: identifiant « 01m8kbyj808gacqfdepg38bymn » écrit en minuscules : lu comme 01M8KBYJ808GACQFDEPG38BYMN (la même initiative), il sera écrit en majuscules à la prochaine modification.")) },
];

/// What a command said, for messages.
struct Said {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs `recense LANG ARGS` in `env`.
fn run(env: &Env, lang: &[&str], args: &[&str]) -> Said {
    let out = env
        .cmd()
        .args(lang)
        .args(args)
        .output()
        .expect("run recense");
    Said {
        code: out.status.code(),
        stdout: stdout_of(&out),
        stderr: stderr_of(&out),
    }
}

/// Whether `text` names the place of the fault with the phrase on the same line.
fn names_place(text: &str, name: &str, place: Place, phrase: &str) -> bool {
    match place {
        Line(line) => has_located(text, name, line, phrase),
    }
}

/// What is wrong with a command's refusal of the file `name`, if anything.
fn refusal_problem(
    what: &str,
    said: &Said,
    name: &str,
    place: Place,
    phrase: &str,
) -> Option<String> {
    if said.code != Some(1) {
        return Some(format!(
            "{what}: exit code {:?}, expected 1\n{}",
            said.code, said.stderr
        ));
    }
    if !names_place(&said.stderr, name, place, phrase) {
        return Some(format!(
            "{what}: expected {place:?} of {name} with « {phrase} », got:\n{}",
            said.stderr
        ));
    }
    None
}

/// `validate` refuses a census or a form and gives the verdict INVALIDE.
fn check_validate(
    env: &Env,
    name: &str,
    row: &Invalid,
    lang: &[&str],
    phrase: &str,
) -> Vec<String> {
    let said = run(env, lang, &["validate", name]);
    let mut problems: Vec<String> = refusal_problem("validate", &said, name, row.place, phrase)
        .into_iter()
        .collect();
    if !said.stdout.contains(&format!("{name}: INVALID")) {
        problems.push(format!("validate: no INVALID verdict:\n{}", said.stdout));
    }
    problems
}

/// `list` refuses a census that cannot be read, and `add` writes nothing.
fn check_unreadable(
    env: &Env,
    name: &str,
    row: &Invalid,
    lang: &[&str],
    phrase: &str,
) -> Vec<String> {
    let list = run(env, lang, &["--file", name, "list"]);
    let mut problems: Vec<String> = refusal_problem("list", &list, name, row.place, phrase)
        .into_iter()
        .collect();
    let before = env.snapshot();
    let add = run(
        env,
        lang,
        &[
            "--file",
            name,
            "--as",
            "Marie",
            "add",
            "--set",
            "nom=Fablab",
            "--set",
            "type=fablab",
            "--set",
            "commune=Brest",
        ],
    );
    problems.extend(refusal_problem("add", &add, name, row.place, phrase));
    if before != env.snapshot() {
        problems.push("add: a file was written".to_string());
    }
    problems
}

/// Every check of one invalid fixture; returns the failures.
fn check_invalid(row: &Invalid, lang: &[&str], phrase: &str) -> Vec<String> {
    let env = Env::new();
    let fixture = format!("invalid/{}", row.file);
    let problems = match row.kind {
        CensusInvalid => check_validate(&env, &env.copy_fixture(&fixture), row, lang, phrase),
        CensusLoad => {
            let name = env.copy_fixture(&fixture);
            let mut problems = check_validate(&env, &name, row, lang, phrase);
            problems.extend(check_unreadable(&env, &name, row, lang, phrase));
            problems
        }
        Schema => {
            let name = env.copy_fixture(&fixture);
            let mut problems = check_validate(&env, &name, row, lang, phrase);
            let check = run(&env, lang, &["schema", "check", &name]);
            problems.extend(refusal_problem(
                "schema check",
                &check,
                &name,
                row.place,
                phrase,
            ));
            problems
        }
        Config => {
            let config = env.config_file();
            std::fs::create_dir_all(config.parent().expect("dir")).expect("mkdir");
            std::fs::copy(common::fixture_path(&fixture), &config).expect("copy config");
            let list = run(&env, lang, &["list"]);
            let name = config.display().to_string();
            refusal_problem("list", &list, &name, row.place, phrase)
                .into_iter()
                .collect()
        }
    };
    problems
        .into_iter()
        .map(|p| format!("{}: {p}", row.file))
        .collect()
}

#[test]
fn every_invalid_fixture_is_refused_with_its_place_and_french_message() {
    let failures: Vec<String> = INVALID
        .iter()
        .flat_map(|row| check_invalid(row, &[], row.phrase))
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn some_invalid_fixtures_are_explained_in_english_with_lang_en() {
    let failures: Vec<String> = ENGLISH
        .iter()
        .flat_map(|(file, phrase)| {
            let row = INVALID
                .iter()
                .find(|r| r.file == *file)
                .unwrap_or_else(|| panic!("{file} has no row in INVALID"));
            check_invalid(row, &["--lang", "en"], phrase)
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn every_valid_fixture_passes_validate_with_only_its_warning() {
    let mut failures = Vec::new();
    for row in VALID {
        let env = Env::new();
        let name = env.copy_fixture(&format!("valid/{}", row.file));
        let before = env.snapshot();
        let said = run(&env, &[], &["validate", &name]);
        if said.code != Some(0) || !said.stdout.contains(&format!("{name}: valide")) {
            failures.push(format!(
                "{name}: not valid ({:?}):\n{}{}",
                said.code, said.stdout, said.stderr
            ));
        }
        let warnings: Vec<&str> = said.stderr.lines().collect();
        match row.warning {
            None if !warnings.is_empty() => {
                failures.push(format!("{name}: unexpected warnings:\n{}", said.stderr));
            }
            Some((line, phrase)) if !has_located(&said.stderr, &name, line, phrase) => {
                failures.push(format!(
                    "{name}: expected `{name}:{line}:COLUMN:` with « {phrase} », got:\n{}",
                    said.stderr
                ));
            }
            _ => {}
        }
        if warnings.iter().any(|w| w.contains("erreur")) {
            failures.push(format!(
                "{name}: an error among the warnings:\n{}",
                said.stderr
            ));
        }
        if before != env.snapshot() {
            failures.push(format!("{name}: validate wrote a file"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

#[test]
fn the_valid_census_fixtures_can_be_listed_and_changed() {
    for row in VALID.iter().filter(|r| r.file.starts_with("census-")) {
        let env = Env::new();
        let name = env.copy_fixture(&format!("valid/{}", row.file));
        env.cmd()
            .args(["--file", &name, "list"])
            .assert()
            .success()
            .stderr(predicates::str::contains("2 initiatives"));
        env.cmd()
            .args([
                "--file",
                &name,
                "--as",
                "Marie",
                "add",
                "--set",
                "nom=Fablab",
            ])
            .args(["--set", "type=fablab", "--set", "commune=Brest"])
            .assert()
            .success();
        // The file as it was read is kept as the backup.
        let fixture = std::fs::read(common::fixture_path(&format!("valid/{}", row.file)));
        assert_eq!(
            env.read(&format!("{name}.bak")),
            fixture.expect("fixture"),
            "{name}"
        );
    }
}

#[test]
fn validate_points_a_missing_required_field_into_its_own_initiative() {
    let env = Env::new();
    let name = env.copy_fixture("invalid/census-missing-required.ron");
    let out = env.cmd().args(["validate", &name]).output().expect("run");
    let line =
        reported_line(&stderr_of(&out), &name, "« commune » est vide").expect("a located message");
    assert!((12..=24).contains(&line), "reported at line {line}");
}

fn file_names(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(common::fixture_path(dir))
        .unwrap_or_else(|e| panic!("tests/fixtures/{dir}: {e}"))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_fixture_file_has_a_row() {
    let invalid: Vec<&str> = INVALID.iter().map(|r| r.file).collect();
    let valid: Vec<&str> = VALID.iter().map(|r| r.file).collect();
    let orphans: Vec<String> = file_names("invalid")
        .into_iter()
        .filter(|f| !invalid.contains(&f.as_str()))
        .map(|f| format!("invalid/{f}"))
        .chain(
            file_names("valid")
                .into_iter()
                .filter(|f| !valid.contains(&f.as_str()))
                .map(|f| format!("valid/{f}")),
        )
        .collect();
    assert!(orphans.is_empty(), "fixtures without a row: {orphans:?}");
}

#[test]
fn every_row_has_its_fixture_file_and_says_what_it_tests() {
    let rows = INVALID
        .iter()
        .map(|r| format!("invalid/{}", r.file))
        .chain(VALID.iter().map(|r| format!("valid/{}", r.file)));
    for fixture in rows {
        let bytes = std::fs::read(common::fixture_path(&fixture))
            .unwrap_or_else(|e| panic!("{fixture}: {e}"));
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(300)]).into_owned();
        assert!(
            head.contains("// Fixture: ") || fixture == "valid/census-base.ron",
            "{fixture} does not say what it tests"
        );
    }
}
