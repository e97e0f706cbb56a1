//! `recense rgpd purge`, `rgpd review`, `delete --purge` and the grace
//! period: personal values erased from the census, its backup and its
//! journal, and never brought back by a merge of an older copy.

use assert_cmd::Command;

use crate::common::{Env, stderr_of, stdout_of};

/// Two initiatives (dated 2022 and 2025) whose contact is Jérôme Le Gall
/// (Infini) and Anne Kerouac (the fablab); Jérôme is also named in free
/// texts, an evidence note and a colleague's confirmation.
pub const FIXTURE: &str = "rgpd/contacts.ron";
pub const FILE: &str = "contacts.ron";
pub const INFINI: &str = "01FS1PWA80EW25Y7AE0XZ6AKMF";
pub const FABLAB: &str = "01JWNEY480K144NVBFJ4EBDB34";
/// What must not be found anywhere after Jérôme is erased (lower case).
pub const JEROME: [&str; 3] = ["le gall", "legall@", "298001122"];

pub fn setup() -> Env {
    let env = Env::new();
    env.copy_fixture(FIXTURE);
    env
}

pub fn rc(env: &Env) -> Command {
    let mut cmd = env.cmd();
    cmd.args(["--file", FILE, "--as", "Marie Kerjean"]);
    cmd
}

/// The files of the working folder (census, backup, journal…) that hold
/// one of `needles`, accents and case aside.
pub fn holding(env: &Env, needles: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for name in env.file_names() {
        let Ok(text) = std::fs::read_to_string(env.path(&name)) else {
            continue;
        };
        let folded = recense::census::search::fold(&text);
        if needles.iter().any(|n| folded.contains(n)) {
            out.push(name);
        }
    }
    out
}

/// The journal holds Infini as the interface would leave it after a crash.
fn leave_a_journal(env: &Env) {
    let path = env.path(FILE);
    let (census, _) = recense::census::store::load(&path).unwrap();
    let id = recense::census::InitiativeId::parse(INFINI).unwrap();
    recense::census::file::journal::append(&path, &census, &id).unwrap();
}

#[test]
fn purge_person_erases_every_mention_from_the_census_its_backup_and_journal() {
    let env = setup();
    // A save keeps the previous version (with Jérôme) as the backup.
    rc(&env)
        .args(["edit", FABLAB, "--set", "commune=Brest"])
        .assert()
        .success();
    leave_a_journal(&env);
    assert!(env.file_names().iter().any(|n| n.ends_with(".journal")));
    assert_eq!(holding(&env, &JEROME).len(), 3, "{:?}", env.file_names());
    let out = env
        .cmd()
        .args(["--file", FILE, "--as", "Yann Morvan"])
        .args(["rgpd", "purge", "--person", "jerome LE GALL"])
        .assert()
        .success();
    let stdout = stdout_of(out.get_output());
    assert!(
        stdout.contains(&format!(
            "{INFINI} Infini : effacé : contact_courriel, contact_nom, contact_telephone"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "{FABLAB} Fablab des Fourneaux : nom ou coordonnées remplacés"
        )),
        "{stdout}"
    );
    assert!(stderr_of(out.get_output()).contains("git filter-repo"));
    assert_eq!(holding(&env, &JEROME), Vec::<String>::new());
    // Anne is not Jérôme: her values stay.
    assert_eq!(holding(&env, &["anne kerouac"]).len(), 2);
    let text = env.read_text(FILE);
    assert!(
        text.contains("[effacé]") && text.contains("\"_erased\""),
        "{text}"
    );
    // The redacted text is the purger's write, named.
    let out = rc(&env).args(["show", INFINI]).assert().success();
    let shown = stdout_of(out.get_output());
    assert!(
        shown.contains("[effacé] ([effacé])  [Yann Morvan, 2026-11-29]"),
        "{shown}"
    );
}

#[test]
fn purge_of_one_field_keeps_the_others() {
    let env = setup();
    rc(&env)
        .args(["rgpd", "purge", FABLAB, "--field", "contact_courriel"])
        .assert()
        .success();
    assert!(holding(&env, &["anne@fourneaux"]).is_empty());
    assert!(env.read_text(FILE).contains("Anne Kerouac"));
}

#[test]
fn purge_dry_run_writes_nothing() {
    let env = setup();
    let before = env.snapshot();
    let out = rc(&env)
        .args(["rgpd", "purge", INFINI, "--dry-run"])
        .assert()
        .success();
    assert!(stdout_of(out.get_output()).contains("rien n'a été écrit"));
    crate::common::assert_unchanged(&before, &env.snapshot());
}

#[test]
fn purge_refuses_what_it_cannot_do_and_writes_nothing() {
    let env = setup();
    let before = env.snapshot();
    let cases: [(&[&str], &str); 4] = [
        (&["rgpd", "purge"], "Dites quoi effacer"),
        (&["rgpd", "purge", "--person", "Lé"], "trop court"),
        (
            &["rgpd", "purge", "--person", "Yann Personne"],
            "Aucune valeur du recensement ne nomme « Yann Personne »",
        ),
        (
            &["rgpd", "purge", INFINI, "--field", "nope"],
            "Champ inconnu : « nope »",
        ),
    ];
    for (args, message) in cases {
        let out = rc(&env).args(args).assert().code(1);
        let err = stderr_of(out.get_output());
        assert!(err.contains(message), "{args:?}: {err}");
    }
    crate::common::assert_unchanged(&before, &env.snapshot());
}

#[test]
fn review_lists_values_past_retention_with_why_and_purge_expired_erases_them() {
    let env = setup();
    let out = rc(&env).args(["rgpd", "review"]).assert().success();
    let text = stdout_of(out.get_output());
    assert!(text.contains(&format!("{INFINI} Infini : contact_nom, contact_courriel, contact_telephone — dernière modification le 2022-01-11")), "{text}");
    assert!(!text.contains(FABLAB), "2025 is within 36 months: {text}");
    let out = rc(&env)
        .args(["rgpd", "review", "--format", "json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_str(&stdout_of(out.get_output())).unwrap();
    assert_eq!(json["retention_months"], 36);
    assert_eq!(json["expired"][0]["id"], INFINI);
    assert_eq!(json["expired"][0]["last_contact"], "2022-01-11");
    rc(&env)
        .args(["rgpd", "purge", "--expired"])
        .assert()
        .success();
    assert!(holding(&env, &["legall@"]).is_empty());
    assert!(!holding(&env, &["anne@fourneaux"]).is_empty());
    let out = rc(&env).args(["rgpd", "review"]).assert().success();
    assert!(stdout_of(out.get_output()).contains("Aucune donnée personnelle"));
}

#[test]
fn a_recent_evidence_counts_as_a_contact() {
    let env = setup();
    let listed = |env: &Env| {
        let out = rc(env).args(["rgpd", "review"]).assert().success();
        stdout_of(out.get_output()).contains(INFINI)
    };
    assert!(listed(&env));
    rc(&env)
        .args([
            "evidence",
            "add",
            INFINI,
            "--kind",
            "site_web",
            "--date",
            "2026-01-05",
        ])
        .assert()
        .success();
    assert!(!listed(&env));
}

#[test]
fn delete_keeps_personal_values_for_the_grace_period_then_a_save_erases_them() {
    let env = setup();
    let out = rc(&env).args(["delete", FABLAB]).assert().success();
    assert!(stderr_of(out.get_output()).contains("après 30 jours"));
    rc(&env)
        .args(["edit", INFINI, "--set", "commune=Brest"])
        .env("RECENSE_NOW", "2026-12-20T10:00:00Z")
        .assert()
        .success();
    assert!(
        !holding(&env, &["anne@fourneaux"]).is_empty(),
        "still within the grace"
    );
    rc(&env)
        .args(["edit", INFINI, "--set", "commune=Guipavas"])
        .env("RECENSE_NOW", "2026-12-30T10:00:00Z")
        .assert()
        .success();
    assert!(holding(&env, &["anne@fourneaux", "anne kerouac"]).is_empty());
}

#[test]
fn delete_purge_erases_at_once() {
    let env = setup();
    let out = rc(&env)
        .args(["delete", FABLAB, "--purge"])
        .assert()
        .success();
    assert!(stderr_of(out.get_output()).contains("données personnelles effacées"));
    assert!(holding(&env, &["anne@fourneaux", "anne kerouac"]).is_empty());
    rc(&env).args(["restore", FABLAB]).assert().success();
    assert!(holding(&env, &["anne kerouac"]).is_empty());
}

#[test]
fn purge_erases_both_sides_of_a_conflict_in_a_deleted_initiative() {
    let env = setup();
    env.write("bruno.ron", env.read(FILE));
    env.cmd()
        .args(["--file", "bruno.ron", "--as", "Bruno Tanguy"])
        .args(["edit", FABLAB, "--set", "contact_nom=Anne Kerouac-Le Bris"])
        .assert()
        .success();
    rc(&env)
        .args(["edit", FABLAB, "--set", "contact_nom=Anne K."])
        .assert()
        .success();
    rc(&env).args(["merge", "bruno.ron"]).assert().success();
    let out = rc(&env).args(["conflicts"]).assert().success();
    assert!(stdout_of(out.get_output()).contains("Anne Kerouac-Le Bris"));
    rc(&env).args(["delete", FABLAB]).assert().success();
    rc(&env).args(["rgpd", "purge", FABLAB]).assert().success();
    let text = env.read_text(FILE);
    for value in ["Anne Kerouac-Le Bris", "Anne K.", "anne@fourneaux"] {
        assert!(!text.contains(value), "{value}: {text}");
    }
    let out = rc(&env).args(["conflicts"]).assert().success();
    assert!(stdout_of(out.get_output()).contains("Aucun conflit"));
}
