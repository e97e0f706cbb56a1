//! Taking a lock writes its holder to `FILE.lock.PID-N-HOST`, then links it
//! into place; a program killed in between leaves that file. The next
//! taking of the lock removes those of processes gone from this machine,
//! `doctor` lists them, and `setup-git` ignores them.
#![cfg(target_os = "linux")]

use crate::common;

use common::{Env, dead_pid, hostname};
use predicates::str::contains;

/// This machine's name as a holder file's name holds it.
fn host_tag() -> String {
    hostname()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect()
}

const HOLDER: &str = "(pid: 1, host: \"x\", agent: \"Yann\", since: \"2026-11-29T09:00:00Z\")";

#[test]
fn the_next_lock_removes_the_holder_files_of_dead_processes_only() {
    let env = Env::with_census();
    let (dead, alive, host) = (dead_pid(), std::process::id(), host_tag());
    let gone = [
        format!("census.ron.lock.{dead}-0-{host}"),
        format!("census.ron.lock.{dead}-3"),
    ];
    let kept = [
        format!("census.ron.lock.{alive}-0-{host}"),
        format!("census.ron.lock.{dead}-0-elsewhere"),
        format!("census.ron.lock.{dead}-held-{host}"),
        format!("other.ron.lock.{dead}-0-{host}"),
    ];
    for name in gone.iter().chain(&kept) {
        env.write(name, HOLDER);
    }
    // A dead process's name, but a program holds its OS lock: kept.
    let held = format!("census.ron.lock.{dead}-7-{host}");
    env.write(&held, HOLDER);
    let file = std::fs::File::open(env.path(&held)).expect("open");
    file.lock().expect("OS lock");
    let doctor = env
        .census_cmd()
        .arg("doctor")
        .output()
        .expect("run recense");
    let said = common::stdout_of(&doctor);
    for name in &gone {
        assert!(
            said.contains(&format!(
                "fichier laissé par une prise de verrou interrompue : {name} ; la prochaine prise du verrou le supprimera"
            )),
            "{name}: {said}"
        );
    }
    assert!(!said.contains(&held) && !said.contains(&kept[0]), "{said}");
    assert!(
        env.file_names().contains(&gone[0]),
        "doctor removes nothing"
    );
    env.add_infini();
    let names = env.file_names();
    for name in &gone {
        assert!(!names.contains(name), "{name} removed: {names:?}");
    }
    for name in kept.iter().chain([&held]) {
        assert!(names.contains(name), "{name} kept: {names:?}");
    }
    assert!(!names.contains(&"census.ron.lock".to_string()), "{names:?}");
}

#[test]
fn doctor_names_a_holder_file_in_english_too() {
    let env = Env::with_census();
    let name = format!("census.ron.lock.{}-0-{}", dead_pid(), host_tag());
    env.write(&name, HOLDER);
    env.census_cmd()
        .args(["--lang", "en", "doctor"])
        .assert()
        .stdout(contains(format!(
            "file left by an interrupted taking of the lock: {name}; the next taking of the lock will remove it"
        )));
}
