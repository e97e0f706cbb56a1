//! The lock of a census: writers running at the same time each get it in
//! turn, and every write a command acknowledged is in the file at the end.

use std::collections::BTreeMap;
use std::process::Output;

use crate::common;

use common::{CENSUS, Env};
use predicates::str::contains;
use serde_json::Value as Json;

/// Writers running at once, and the rounds each makes (an add, then an edit
/// of what it added).
const WRITERS: usize = 4;
const ROUNDS: usize = 25;
/// Tries of one command while the census is locked by another writer.
const TRIES: usize = 2000;

/// Whether a failed command was refused because another writer held the lock.
fn refused_by_lock(out: &Output) -> bool {
    let err = String::from_utf8_lossy(&out.stderr);
    err.contains("ouvert par") || err.contains(".lock")
}

/// Runs `recense --file census.ron ARGS` until it is not refused by the
/// lock; returns its output when it succeeded.
fn until_unlocked(env: &Env, args: &[&str]) -> Option<Output> {
    for _ in 0..TRIES {
        let out = env
            .std_cmd()
            .args(["--file", CENSUS])
            .args(args)
            .output()
            .expect("run recense");
        if out.status.success() {
            return Some(out);
        }
        if !refused_by_lock(&out) {
            return None;
        }
        std::thread::yield_now();
    }
    None
}

/// What one writer was told was done: ids added, ids edited.
#[derive(Default)]
struct Acknowledged {
    added: Vec<String>,
    edited: Vec<String>,
}

fn writer(env: &Env, w: usize) -> Acknowledged {
    let mut done = Acknowledged::default();
    for r in 0..ROUNDS {
        let name = format!("nom=Écrivain {w} tour {r}");
        let added = until_unlocked(
            env,
            &[
                "add",
                "--set",
                &name,
                "--set",
                "type=chatons",
                "--set",
                "commune=Brest",
            ],
        );
        let Some(out) = added else { continue };
        let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
        done.added.push(id.clone());
        if until_unlocked(env, &["edit", &id, "--set", "commune=Plouzané"]).is_some() {
            done.edited.push(id);
        }
    }
    done
}

#[test]
fn every_write_acknowledged_by_parallel_writers_is_in_the_file() {
    let env = Env::with_census();
    let acknowledged: Vec<Acknowledged> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..WRITERS)
            .map(|w| {
                let env = &env;
                s.spawn(move || writer(env, w))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("writer"))
            .collect()
    });
    let out = env
        .census_cmd()
        .args(["list", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let list: Vec<Json> = serde_json::from_slice(&out).expect("JSON");
    let communes: BTreeMap<&str, &str> = list
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["commune"].as_str().unwrap()))
        .collect();
    let added: Vec<&String> = acknowledged.iter().flat_map(|a| &a.added).collect();
    let edited: Vec<&String> = acknowledged.iter().flat_map(|a| &a.edited).collect();
    let adds_present = added
        .iter()
        .filter(|id| communes.contains_key(id.as_str()))
        .count();
    let edits_present = edited
        .iter()
        .filter(|id| communes.get(id.as_str()) == Some(&"Plouzané"))
        .count();
    eprintln!(
        "{WRITERS} writers x {ROUNDS} rounds: adds {adds_present}/{} present, edits {edits_present}/{} present",
        added.len(),
        edited.len()
    );
    assert_eq!(
        added.len(),
        WRITERS * ROUNDS,
        "every add was acknowledged in the end"
    );
    assert_eq!((adds_present, edits_present), (added.len(), edited.len()));
}

#[test]
fn a_lock_left_on_another_machine_says_how_to_check_and_remove_it() {
    let env = Env::with_census();
    let lock = env.copy_fixture("locks/census.ron.lock");
    let before = env.snapshot();
    env.census_cmd()
        .args(["add", "--set", "nom=Infini", "--set", "type=chatons", "--set", "commune=Brest"])
        .assert()
        .code(1)
        .stderr(contains("census.ron: le verrou census.ron.lock a été laissé par Yann (processus 4242 sur poste-de-yann)"))
        .stderr(contains("vérifiez sur poste-de-yann avec « ps -p 4242 », puis, s'il ne s'agit pas de recense, supprimez census.ron.lock."));
    common::assert_unchanged(&before, &env.snapshot());
    assert!(env.path(&lock).exists(), "a lock that may be held is kept");
}

/// Runs `recense ARGS` (with `env_var` set when given) while this test holds
/// the lock of `census`, releases the lock once the command has had time to
/// find it held, and returns the command's output.
fn run_while_locked(
    env: &Env,
    census: &str,
    args: &[&str],
    env_var: Option<(&str, &str)>,
    meanwhile: impl FnOnce(),
) -> Output {
    let held = common::hold_lock(env, census, "Yann");
    let mut cmd = env.std_cmd();
    cmd.args(args);
    if let Some((var, value)) = env_var {
        cmd.env(var, value);
    }
    let child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run recense");
    std::thread::sleep(std::time::Duration::from_millis(300));
    meanwhile();
    // Released as recense releases it: the file removed under its OS lock.
    std::fs::remove_file(env.path(&format!("{census}.lock"))).expect("remove the lock");
    drop(held);
    child.wait_with_output().expect("wait for recense")
}

const ADD: [&str; 9] = [
    "--file",
    CENSUS,
    "add",
    "--set",
    "nom=Infini",
    "--set",
    "type=chatons",
    "--set",
    "commune=Brest",
];

#[test]
fn wait_makes_a_writer_wait_for_the_lock_instead_of_failing() {
    for (flag, env_var) in [(Some("--wait"), None), (None, Some(("RECENSE_WAIT", "60")))] {
        let env = Env::with_census();
        let args: Vec<&str> = flag.into_iter().chain(ADD).collect();
        let out = run_while_locked(&env, CENSUS, &args, env_var, || {});
        assert!(
            out.status.success(),
            "{flag:?} {env_var:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        env.census_cmd()
            .arg("list")
            .assert()
            .success()
            .stdout(contains("Infini"));
        assert!(
            !env.path("census.ron.lock").exists(),
            "the lock is released"
        );
    }
}

#[test]
fn a_wait_of_some_seconds_ends_by_saying_who_holds_the_lock() {
    let env = Env::with_census();
    let _held = common::hold_lock(&env, CENSUS, "Yann");
    let before = env.snapshot();
    env.cmd()
        .arg("--wait=1")
        .args(ADD)
        .assert()
        .code(1)
        .stderr(contains("census.ron: le recensement est ouvert par Yann"));
    common::assert_unchanged(&before, &env.snapshot());
    env.cmd()
        .arg("--wait=bientôt")
        .args(ADD)
        .assert()
        .code(2)
        .stderr(contains("un nombre de secondes (par exemple --wait=30), ou --wait seul pour attendre sans limite"));
}

#[test]
fn fmt_reads_the_census_only_once_it_holds_the_lock() {
    let env = Env::new();
    let name = env.copy_fixture("valid/census-hand-edited.ron");
    let path = env.path(&name);
    let out = run_while_locked(&env, &name, &["--wait", "fmt", &name], None, || {
        // Another writer changes the census while it holds the lock.
        let text = std::fs::read_to_string(&path).expect("census");
        std::fs::write(
            &path,
            text.replace("\"Infini Brest\"", "\"Infini Brest Métropole\""),
        )
        .expect("write");
    });
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = env.read_text(&name);
    assert!(
        text.contains("Infini Brest Métropole"),
        "the change made under the lock is kept:\n{text}"
    );
}

#[test]
fn a_dry_run_merge_needs_no_lock() {
    let env = Env::with_census();
    env.add_infini();
    env.write("recu.ron", env.read(CENSUS));
    let _held = common::hold_lock(&env, CENSUS, "Yann");
    let before = env.snapshot();
    env.census_cmd()
        .args(["merge", "--dry-run", "recu.ron"])
        .assert()
        .success()
        .stdout(contains("recu.ron : 0 nouvelle, 0 mise à jour, 0 conflit"))
        .stdout(contains("(essai : rien n'a été écrit)"));
    common::assert_unchanged(&before, &env.snapshot());
    env.census_cmd()
        .args(["merge", "recu.ron"])
        .assert()
        .code(1)
        .stderr(contains("census.ron: le recensement est ouvert par Yann"));
}
