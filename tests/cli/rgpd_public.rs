//! Public copies and the receiver's later chance to get personal values:
//! a public bundle leaves out the personal writes, and the copy that
//! merges it must still take them from the full copy, in any order.

use crate::common::{Env, stdout_of};
use crate::rgpd_erase::{FABLAB, FIXTURE, rc, setup};

/// Marie edits the fablab's contact, then writes a public bundle and a
/// full one; Bruno's copy is the fixture as it was.
fn public_and_full() -> Env {
    let env = setup();
    rc(&env)
        .args(["edit", FABLAB, "--set", "contact_nom=Anne Kerouac-Le Bris"])
        .assert()
        .success();
    for (flag, out) in [(Some("--public"), "public.ron"), (None, "full.ron")] {
        let mut cmd = rc(&env);
        cmd.args(["bundle", "--since", "2020-01-01", "-o", out]);
        if let Some(flag) = flag {
            cmd.arg(flag);
        }
        cmd.assert().success();
    }
    env.write(
        "bruno.ron",
        std::fs::read(crate::common::fixture_path(FIXTURE)).unwrap(),
    );
    env
}

fn bruno_merges(env: &Env, file: &str) -> String {
    let out = env
        .cmd()
        .args(["--file", "bruno.ron", "--as", "Bruno Tanguy", "merge", file])
        .assert()
        .success();
    stdout_of(out.get_output())
}

#[test]
fn merging_the_public_bundle_then_the_full_one_keeps_the_new_contact() {
    let env = public_and_full();
    bruno_merges(&env, "public.ron");
    let after_public = env.read_text("bruno.ron");
    assert!(after_public.contains("\"Anne Kerouac\""), "{after_public}");
    assert!(!after_public.contains("Kerouac-Le Bris"), "{after_public}");
    bruno_merges(&env, "full.ron");
    let after = env.read_text("bruno.ron");
    assert!(after.contains("\"Anne Kerouac-Le Bris\""), "{after}");
    assert!(!after.contains("\"Anne Kerouac\""), "superseded: {after}");
    assert!(
        !after.contains("_unseen"),
        "the real value arrived: {after}"
    );
}

#[test]
fn public_then_full_or_full_then_public_or_full_alone_give_the_same_file() {
    let env = public_and_full();
    let bruno = env.read_text("bruno.ron");
    bruno_merges(&env, "full.ron");
    let full_alone = env.read_text("bruno.ron");
    bruno_merges(&env, "public.ron");
    assert_eq!(env.read_text("bruno.ron"), full_alone, "full then public");
    env.write("bruno.ron", bruno.as_bytes());
    bruno_merges(&env, "public.ron");
    bruno_merges(&env, "full.ron");
    assert_eq!(env.read_text("bruno.ron"), full_alone, "public then full");
}

#[test]
fn a_copy_that_passed_the_public_bundle_on_still_lets_the_full_one_in() {
    let env = public_and_full();
    // Yann had no copy: the public bundle is all he holds; Bruno merges
    // Yann's census, then Marie's full bundle.
    env.cmd()
        .args([
            "init",
            "yann.ron",
            "--territory",
            "Pays de Brest",
            "--as",
            "Yann Morvan",
        ])
        .assert()
        .success();
    env.cmd()
        .args([
            "--file",
            "yann.ron",
            "--as",
            "Yann Morvan",
            "merge",
            "public.ron",
        ])
        .assert()
        .success();
    bruno_merges(&env, "yann.ron");
    bruno_merges(&env, "full.ron");
    let after = env.read_text("bruno.ron");
    assert!(after.contains("\"Anne Kerouac-Le Bris\""), "{after}");
}
