//! What merging a received file brings: hand edits credited to the colleague
//! who made them and adopted identically by every receiver (one write), a
//! census of another territory merged with a warning, and values `add` would
//! refuse kept but reported (at merge time and by `doctor`).

use crate::common;

use assert_cmd::Command;
use assert_cmd::assert::Assert;
use common::{Env, stderr_of, stdout_of};
use predicates::str::contains;

/// « Infini (Internet Finistère) » in the sample census.
const INFINI: &str = "01M6B5G7T0HT5KFD63KMNBCWPR";
/// « Wiki-Brest » in the sample census.
const WIKI: &str = "01M6B5J2D0SQG3VQPNKVEWCE7N";
/// The new initiative of `received/invalid-values.ron`.
const TIERS_LIEU: &str = "01M7Y00000000000000000000A";

/// A colleague with their own copy of the sample census, `NAME.ron`.
struct Colleague<'e> {
    env: &'e Env,
    name: &'static str,
    file: String,
}

impl<'e> Colleague<'e> {
    fn new(env: &'e Env, name: &'static str) -> Colleague<'e> {
        let file = format!("{}.ron", name.to_lowercase());
        env.copy_sample(&file);
        Colleague { env, name, file }
    }

    /// `recense --file THEIR_FILE --as NAME`, the clock on `day` of December 2026.
    fn on(&self, day: u32) -> Command {
        let mut cmd = self.env.cmd_at(&format!("2026-12-{day:02}T10:00:00Z"));
        cmd.args(["--file", self.file.as_str(), "--as", self.name]);
        cmd
    }

    fn edit(&self, day: u32, id: &str, set: &str) {
        self.on(day)
            .args(["edit", id, "--set", set])
            .assert()
            .success();
    }

    fn merge(&self, day: u32, args: &[&str]) -> Assert {
        self.on(day).arg("merge").args(args).assert().success()
    }

    /// Sends the file as it is now, as `de-NAME.ron`.
    fn send(&self) -> String {
        let name = format!("de-{}.ron", self.name.to_lowercase());
        self.env.write(&name, self.bytes());
        name
    }

    fn bytes(&self) -> Vec<u8> {
        self.env.read(&self.file)
    }

    fn output(&self, args: &[&str]) -> String {
        stdout_of(self.on(31).args(args).assert().success().get_output())
    }

    /// The line of `show INFINI` giving its name.
    fn infini_name_line(&self) -> String {
        let text = self.output(&["show", INFINI]);
        text.lines()
            .find(|l| l.trim_start().starts_with("Nom "))
            .unwrap_or_else(|| panic!("no name line in:\n{text}"))
            .to_string()
    }
}

/// Bruno's file, Wiki-Brest's notes written with recense, then Infini renamed
/// by hand in vim (the value only): sent as `de-bruno.ron`.
fn bruno_edits_by_hand(env: &Env) -> String {
    let bruno = Colleague::new(env, "Bruno");
    bruno.edit(2, WIKI, "notes=Relu");
    let text = String::from_utf8(bruno.bytes()).expect("UTF-8");
    let edited = text.replacen("\"Infini (Internet Finistère)\"", "\"Infini Brest\"", 1);
    assert_ne!(edited, text, "the sample names Infini");
    env.write(&bruno.file, edited);
    bruno.send()
}

// ---------------------------------------------------------------- hand edits

#[test]
fn a_hand_edit_received_is_credited_to_the_colleague_who_made_it() {
    let env = Env::new();
    let file = bruno_edits_by_hand(&env);
    let anne = Colleague::new(&env, "Anne");
    anne.merge(3, &["--accept-edited", &file]);
    let line = anne.infini_name_line();
    assert!(line.contains("Infini Brest"), "{line}");
    assert!(
        line.contains("Bruno") && line.contains("à la main"),
        "{line}"
    );
    assert!(!line.contains("Anne"), "Anne did not type it: {line}");
}

#[test]
fn a_hand_edit_adopted_by_two_receivers_is_one_write() {
    let env = Env::new();
    let file = bruno_edits_by_hand(&env);
    let anne = Colleague::new(&env, "Anne");
    let claire = Colleague::new(&env, "Claire");
    anne.merge(3, &["--accept-edited", &file]);
    claire.merge(4, &["--accept-edited", &file]);
    assert!(
        anne.bytes() == claire.bytes(),
        "the same received file gives the same census, whoever merges it and when"
    );
    // Anne renames Infini again, then gets Claire's copy: the hand edit she
    // overwrote does not come back.
    anne.edit(5, INFINI, "nom=Infini – hébergeur associatif");
    let from_claire = claire.send();
    anne.merge(6, &[&from_claire]).stdout(contains("0 conflit"));
    assert!(anne.output(&["conflicts"]).contains("Aucun conflit."));
    assert!(
        anne.infini_name_line()
            .contains("Infini – hébergeur associatif")
    );
}

#[test]
fn a_hand_edit_of_the_own_census_stays_credited_to_its_owner() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let text = String::from_utf8(anne.bytes()).expect("UTF-8");
    env.write(
        &anne.file,
        text.replacen("\"Infini (Internet Finistère)\"", "\"Infini Brest\"", 1),
    );
    anne.edit(3, WIKI, "notes=Relu");
    let line = anne.infini_name_line();
    assert!(
        line.contains("Anne") && line.contains("à la main"),
        "{line}"
    );
}

// ---------------------------------------------------------------- territory

/// Yann's census of Quimper (same form), with one initiative.
fn quimper(env: &Env) -> String {
    env.cmd()
        .args([
            "init",
            "quimper.ron",
            "--territory",
            "Quimper",
            "--as",
            "Yann",
        ])
        .assert()
        .success();
    env.cmd_at("2026-12-02T10:00:00Z")
        .args(["--file", "quimper.ron", "--as", "Yann", "add"])
        .args(["--set", "nom=Linux Quimper", "--set", "type=association"])
        .args(["--set", "commune=Quimper"])
        .assert()
        .success();
    "quimper.ron".to_string()
}

#[test]
fn a_census_of_another_territory_is_merged_with_a_warning_keeping_ours() {
    let env = Env::new();
    let file = quimper(&env);
    let anne = Colleague::new(&env, "Anne");
    let out = anne.merge(3, &[&file]);
    let stderr = stderr_of(out.get_output());
    assert!(
        stderr.contains(
            "quimper.ron : ce fichier recense le territoire « Quimper », pas « Pays de Brest » : le recensement garde « Pays de Brest » (--territory NOM pour en choisir un autre)"
        ),
        "{stderr}"
    );
    assert!(
        String::from_utf8(anne.bytes())
            .unwrap()
            .contains("    territory: \"Pays de Brest\",\n")
    );
}

#[test]
fn the_territory_option_chooses_the_territory_of_the_merged_census() {
    let env = Env::new().locale("en_US.UTF-8");
    let file = quimper(&env);
    let anne = Colleague::new(&env, "Anne");
    let out = anne.merge(3, &["--territory", "Finistère", &file]);
    let stderr = stderr_of(out.get_output());
    assert!(
        stderr.contains(
            "quimper.ron: this file is a census of `Quimper`, not `Pays de Brest`: the census is now of `Finistère`"
        ),
        "{stderr}"
    );
    assert!(
        String::from_utf8(anne.bytes())
            .unwrap()
            .contains("    territory: \"Finistère\",\n")
    );
}

#[test]
fn a_census_of_the_same_territory_merges_without_a_word_about_it() {
    let env = Env::new();
    let file = bruno_edits_by_hand(&env);
    let anne = Colleague::new(&env, "Anne");
    let out = anne.merge(3, &["--accept-edited", &file]);
    assert!(!stderr_of(out.get_output()).contains("territoire"));
}

// ---------------------------------------------------------------- values add refuses

/// `received/invalid-values.ron`, its checksum refreshed by `recense fmt`
/// (as someone would before sending it): a name with a newline, notes with a
/// control character, a relation to itself and one to nothing.
fn received_with_invalid_values(env: &Env) -> String {
    let name = env.copy_fixture("received/invalid-values.ron");
    env.cmd().args(["fmt", &name]).assert().success();
    name
}

#[test]
fn values_add_would_refuse_are_kept_and_reported_at_merge() {
    let env = Env::new();
    let file = received_with_invalid_values(&env);
    let anne = Colleague::new(&env, "Anne");
    let out = anne.merge(3, &[&file]);
    let stderr = stderr_of(out.get_output());
    let expected = [
        "invalid-values.ron : 4 valeurs que « recense add » refuserait, gardées telles quelles (corrigez-les avec « recense edit ») :",
        &format!("  {TIERS_LIEU} nom=\"Tiers-lieu\\nde Brest\" : caractère de contrôle interdit"),
        &format!("  {TIERS_LIEU} notes=\"Vu sur place\\u{{7}}\" : caractère de contrôle interdit"),
        &format!(
            "  {TIERS_LIEU} relations=\"heberge:{TIERS_LIEU}\" : une initiative ne peut pas être reliée à elle-même"
        ),
        &format!(
            "  {TIERS_LIEU} relations=\"partenaire:01M7Y00000000000000000000Z\" : aucune initiative n'a l'identifiant « 01M7Y00000000000000000000Z »"
        ),
    ];
    for line in expected {
        assert!(stderr.contains(line), "expected « {line} » in:\n{stderr}");
    }
    // Kept: nothing a colleague sent is dropped.
    assert!(anne.output(&["show", TIERS_LIEU]).contains("Tiers-lieu"));
}

#[test]
fn an_invalid_hand_value_received_is_reported_at_merge_and_by_doctor() {
    let env = Env::new();
    let bruno = Colleague::new(&env, "Bruno");
    let text = String::from_utf8(bruno.bytes()).expect("UTF-8");
    let at = text.find(INFINI).expect("Infini in the sample");
    let postal = at + text[at..].find("(\"29200\"").expect("Infini's postal code");
    let mut edited = text.clone();
    edited.replace_range(postal..postal + "(\"29200\"".len(), "(\"2920\"");
    env.write(&bruno.file, edited);
    let file = bruno.send();
    let anne = Colleague::new(&env, "Anne");
    let out = anne.merge(3, &["--accept-edited", &file]);
    let stderr = stderr_of(out.get_output());
    assert!(
        stderr.contains(&format!(
            "  {INFINI} code_postal=\"2920\" : code postal invalide"
        )),
        "{stderr}"
    );
    let doctor = anne.on(4).arg("doctor").assert().code(1);
    let text = stdout_of(doctor.get_output());
    assert!(
        text.contains(
            "[à voir] 1 valeur que « recense add » refuserait (corrigez-la avec « recense edit ») :"
        ),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "  {INFINI} code_postal=\"2920\" : code postal invalide"
        )),
        "{text}"
    );
}

#[test]
fn doctor_says_nothing_of_values_when_all_are_valid() {
    let env = Env::new();
    let anne = Colleague::new(&env, "Anne");
    let text = stdout_of(anne.on(4).arg("doctor").assert().get_output());
    assert!(!text.contains("refuserait"), "{text}");
}

#[test]
fn validate_advises_resolve_for_a_conflict_as_conflicts_does() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-conflict.ron");
    let out = env.cmd().args(["validate", &name]).assert().success();
    let stderr = stderr_of(out.get_output());
    assert!(
        stderr.contains(
            "conflit sur « nom » : Infini / Infini Brest (modifiés en parallèle ; choisissez avec « recense resolve 01M8KBYJ808GACQFDEPG38BYMN nom --pick N » ou --set VALEUR)"
        ),
        "{stderr}"
    );
}

#[test]
fn validate_advises_edit_for_an_invalid_value() {
    let env = Env::new();
    let name = env.copy_fixture("invalid/census-invalid-siret.ron");
    let out = env.cmd().args(["validate", &name]).assert().code(1);
    let stderr = stderr_of(out.get_output());
    assert!(
        stderr
            .contains("(corrigez avec « recense edit 01M8KBYJ808GACQFDEPG38BYMN --set siret=… »)"),
        "{stderr}"
    );
}

#[test]
fn the_git_driver_credits_a_committed_hand_edit_to_its_author_and_keeps_our_territory() {
    let env = Env::new();
    // git hands the driver Bruno's version, a hand edit committed as is,
    // then Yann's census of Quimper.
    let file = bruno_edits_by_hand(&env);
    let anne = Colleague::new(&env, "Anne");
    env.copy_sample("base.ron");
    env.cmd()
        .args([
            "--as",
            "Anne",
            "git-merge-driver",
            "base.ron",
            &anne.file,
            &file,
        ])
        .arg("census.ron")
        .assert()
        .success();
    let line = anne.infini_name_line();
    assert!(
        line.contains("Bruno") && line.contains("à la main"),
        "{line}"
    );
    let quimper = quimper(&env);
    let out = env
        .cmd()
        .args([
            "--as",
            "Anne",
            "git-merge-driver",
            "base.ron",
            &anne.file,
            &quimper,
        ])
        .arg("census.ron")
        .assert()
        .success();
    assert!(
        stderr_of(out.get_output()).contains(
            "census.ron : ce fichier recense le territoire « Quimper », pas « Pays de Brest » : le recensement garde « Pays de Brest »"
        ),
        "{}",
        stderr_of(out.get_output())
    );
    assert!(
        String::from_utf8(anne.bytes())
            .unwrap()
            .contains("    territory: \"Pays de Brest\",\n")
    );
}
