//! Erasure that merges: after a purge, no older copy brings the values back
//! (`merge`, `merge -o`, bundles, `fmt`, git through the driver), and a copy
//! still holding them is told so; public bundles and exports hold no
//! personal values nor agents' names, and merging one erases nothing.

use std::path::Path;

use crate::common::{Env, stderr_of, stdout_of};
use crate::git_common::{git, git_output, identify};
use crate::rgpd_erase::{FABLAB, FILE, INFINI, JEROME, holding, rc, setup};

fn purge_jerome(env: &Env) {
    rc(env)
        .args(["rgpd", "purge", "--person", "Jérôme Le Gall"])
        .assert()
        .success();
}

fn folded(env: &Env, name: &str) -> String {
    recense::census::search::fold(&env.read_text(name))
}

#[test]
fn merging_an_older_copy_says_so_and_brings_nothing_back() {
    let env = setup();
    env.write("old.ron", env.read(FILE));
    purge_jerome(&env);
    let out = rc(&env).args(["merge", "old.ron"]).assert().success();
    let err = stderr_of(out.get_output());
    assert!(
        err.contains(
            "old.ron : cette copie contenait des données personnelles effacées le 2026-11-29"
        ),
        "{err}"
    );
    assert_eq!(holding(&env, &JEROME), vec!["old.ron".to_string()]);
    // Reformatted, the census keeps its marks.
    env.cmd().args(["fmt", FILE]).assert().success();
    assert!(env.read_text(FILE).contains("\"_erased\""));
    let out = rc(&env).args(["merge", "old.ron"]).assert().success();
    assert!(stderr_of(out.get_output()).contains("effacées le 2026-11-29"));
    assert_eq!(holding(&env, &JEROME), vec!["old.ron".to_string()]);
}

#[test]
fn merging_files_together_in_any_order_keeps_the_erasure() {
    let env = setup();
    env.write("old.ron", env.read(FILE));
    purge_jerome(&env);
    for (a, b, out) in [("old.ron", FILE, "ab.ron"), (FILE, "old.ron", "ba.ron")] {
        env.cmd()
            .args(["merge", a, b, "-o", out])
            .assert()
            .success();
        let text = folded(&env, out);
        assert!(JEROME.iter().all(|n| !text.contains(n)), "{out}: {text}");
    }
    assert_eq!(env.read("ab.ron"), env.read("ba.ron"));
}

#[test]
fn a_colleagues_bundle_brings_their_edits_but_not_the_erased_values() {
    let env = setup();
    env.write("bruno.ron", env.read(FILE));
    purge_jerome(&env);
    let bruno = |args: &[&str]| {
        env.cmd()
            .args(["--file", "bruno.ron", "--as", "Bruno Tanguy"])
            .args(args)
            .assert()
            .success();
    };
    bruno(&["edit", INFINI, "--set", "commune=Guipavas"]);
    bruno(&["bundle", "--since", "2020-01-01", "-o", "paquet.ron"]);
    let out = rc(&env).args(["merge", "paquet.ron"]).assert().success();
    assert!(stderr_of(out.get_output()).contains("effacées le 2026-11-29"));
    let text = env.read_text(FILE);
    assert!(text.contains("Guipavas"), "{text}");
    assert!(JEROME.iter().all(|n| !folded(&env, FILE).contains(n)));
}

#[test]
fn a_bundle_of_the_purged_census_erases_the_values_in_an_older_copy() {
    let env = setup();
    env.write("bruno.ron", env.read(FILE));
    purge_jerome(&env);
    rc(&env)
        .args(["bundle", "--since", "2020-01-01", "-o", "paquet.ron"])
        .assert()
        .success();
    assert!(env.read_text("paquet.ron").contains("\"_erased\""));
    env.cmd()
        .args([
            "--file",
            "bruno.ron",
            "--as",
            "Bruno Tanguy",
            "merge",
            "paquet.ron",
        ])
        .assert()
        .success();
    assert!(
        JEROME
            .iter()
            .all(|n| !folded(&env, "bruno.ron").contains(n))
    );
    assert!(env.read_text("bruno.ron").contains("\"_erased\""));
    // Bruno's backup held them: rewritten too.
    let left: Vec<String> = holding(&env, &JEROME)
        .into_iter()
        .filter(|f| f.starts_with("bruno"))
        .collect();
    assert_eq!(left, Vec::<String>::new());
}

#[test]
fn a_value_written_after_the_purge_survives_older_copies() {
    let env = setup();
    env.write("old.ron", env.read(FILE));
    purge_jerome(&env);
    rc(&env)
        .args(["edit", INFINI, "--set", "contact_nom=Gwenaëlle Morvan"])
        .assert()
        .success();
    rc(&env).args(["merge", "old.ron"]).assert().success();
    assert!(env.read_text(FILE).contains("Gwenaëlle Morvan"));
    assert!(JEROME.iter().all(|n| !folded(&env, FILE).contains(n)));
}

#[test]
fn restore_from_an_older_copy_does_not_take_erased_values_back() {
    let env = setup();
    env.write("old.ron", env.read(FILE));
    purge_jerome(&env);
    rc(&env)
        .args(["restore-from", "old.ron"])
        .assert()
        .success();
    assert_eq!(holding(&env, &JEROME), vec!["old.ron".to_string()]);
}

fn recense_in(env: &Env, dir: &Path, who: &str) -> assert_cmd::Command {
    let mut cmd = env.cmd();
    cmd.current_dir(dir).args(["--file", FILE, "--as", who]);
    cmd
}

#[test]
fn a_git_merge_through_the_driver_keeps_the_erasure_both_ways() {
    let env = Env::new();
    let origin = env.path("origin");
    std::fs::create_dir(&origin).unwrap();
    git(&env, &origin, &["init", "--quiet", "-b", "main"]);
    identify(&env, &origin, "Origine");
    env.copy_fixture(crate::rgpd_erase::FIXTURE);
    std::fs::rename(env.path(FILE), origin.join(FILE)).unwrap();
    recense_in(&env, &origin, "Origine")
        .arg("setup-git")
        .assert()
        .success();
    git(&env, &origin, &["add", "-A"]);
    git(&env, &origin, &["commit", "--quiet", "-m", "Départ"]);
    let mut clones = Vec::new();
    for (name, who) in [("anne", "Anne"), ("bruno", "Bruno")] {
        let o = origin.display().to_string();
        git(&env, &env.work(), &["clone", "--quiet", &o, name]);
        let dir = env.path(name);
        identify(&env, &dir, who);
        recense_in(&env, &dir, who)
            .arg("setup-git")
            .assert()
            .success();
        clones.push(dir);
    }
    let (anne, bruno) = (&clones[0], &clones[1]);
    recense_in(&env, anne, "Anne")
        .args(["rgpd", "purge", "--person", "jerome le gall"])
        .assert()
        .success();
    git(&env, anne, &["commit", "--quiet", "-am", "Effacement"]);
    recense_in(&env, bruno, "Bruno")
        .args(["edit", FABLAB, "--set", "commune=Brest"])
        .assert()
        .success();
    git(&env, bruno, &["commit", "--quiet", "-am", "Commune"]);
    let pull = git_output(
        &env,
        anne,
        &["pull", "--no-rebase", "--no-edit", "../bruno", "main"],
    );
    assert!(pull.status.success(), "{}", stderr_of(&pull));
    let said = format!("{}{}", stdout_of(&pull), stderr_of(&pull));
    assert!(said.contains("effacées le 2026-11-29"), "{said}");
    let pull = git_output(
        &env,
        bruno,
        &["pull", "--no-rebase", "--no-edit", "../anne", "main"],
    );
    assert!(pull.status.success(), "{}", stderr_of(&pull));
    for dir in [anne, bruno] {
        let text = std::fs::read_to_string(dir.join(FILE)).unwrap();
        let f = recense::census::search::fold(&text);
        assert!(
            JEROME.iter().all(|n| !f.contains(n)),
            "{}: {text}",
            dir.display()
        );
        assert!(text.contains("\"commune\": [(\"Brest\""), "{text}");
    }
    assert_eq!(
        std::fs::read(anne.join(FILE)).unwrap(),
        std::fs::read(bruno.join(FILE)).unwrap()
    );
}

const PERSONAL: [&str; 6] = [
    "anne kerouac",
    "anne@fourneaux",
    "+33298001122",
    "marie kerjean",
    "bruno tanguy",
    "jerome le gall\", \"1ehkz",
];

#[test]
fn a_public_bundle_holds_no_personal_value_nor_agent_name() {
    let env = setup();
    let out = rc(&env)
        .args([
            "bundle",
            "--since",
            "2020-01-01",
            "--public",
            "-o",
            "public.ron",
        ])
        .assert()
        .success();
    let err = stderr_of(out.get_output());
    assert!(
        err.contains(&format!("{INFINI} description : adresse de courriel")),
        "{err}"
    );
    let text = folded(&env, "public.ron");
    for p in PERSONAL {
        assert!(!text.contains(p), "{p} in {text}");
    }
    assert!(
        text.contains("\"agent 1\"") && text.contains("\"agent 2\""),
        "{text}"
    );
    assert!(text.contains("legall@"), "not strict: the free text stays");
    rc(&env)
        .args([
            "bundle",
            "--since",
            "2020-01-01",
            "--strict-public",
            "-o",
            "strict.ron",
        ])
        .assert()
        .success();
    assert!(!folded(&env, "strict.ron").contains("legall@"));
}

#[test]
fn merging_a_public_bundle_erases_nothing() {
    let env = setup();
    rc(&env)
        .args(["edit", FABLAB, "--set", "commune=Brest"])
        .assert()
        .success();
    rc(&env)
        .args([
            "bundle",
            "--since",
            "2020-01-01",
            "--strict-public",
            "-o",
            "public.ron",
        ])
        .assert()
        .success();
    env.write(
        "mine.ron",
        std::fs::read(crate::common::fixture_path(crate::rgpd_erase::FIXTURE)).unwrap(),
    );
    let before = env.read_text("mine.ron");
    let out = env
        .cmd()
        .args([
            "--file",
            "mine.ron",
            "--as",
            "Bruno Tanguy",
            "merge",
            "public.ron",
        ])
        .assert()
        .success();
    let after = env.read_text("mine.ron");
    assert!(stdout_of(out.get_output()).contains("1 mise à jour"));
    for value in [
        "Anne Kerouac",
        "anne@fourneaux.org",
        "+33298001122",
        "jerome.legall@infini.fr",
        "Marie Kerjean",
    ] {
        assert!(
            before.contains(value) && after.contains(value),
            "{value}: {after}"
        );
    }
    assert!(
        !after.contains("Agent 1") && !after.contains("_withheld"),
        "{after}"
    );
    assert!(after.contains("\"commune\": [(\"Brest\""), "{after}");
}

#[test]
fn a_public_export_holds_no_personal_value_nor_agent_name_and_warns() {
    let env = setup();
    let out = rc(&env)
        .args(["export", "--format", "json", "--public"])
        .assert()
        .success();
    let text = recense::census::search::fold(&stdout_of(out.get_output()));
    for p in PERSONAL.iter().take(5) {
        assert!(!text.contains(p), "{p} in {text}");
    }
    assert!(stderr_of(out.get_output()).contains("adresse de courriel"));
    let out = rc(&env)
        .args(["export", "--format", "csv", "--strict-public"])
        .assert()
        .success();
    assert!(!stdout_of(out.get_output()).contains("legall@"));
    assert!(stderr_of(out.get_output()).contains("de côté (--strict-public)"));
}
