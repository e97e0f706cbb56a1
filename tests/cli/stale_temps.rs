//! A save killed half-way leaves `FILE.tmp-PID-HOST` (`FILE.tmp-PID` in older
//! versions): a whole copy of the census, personal data included. The next
//! save removes those of processes gone from this machine; `doctor` lists
//! them. A running save's file, or another machine's, is left alone.
#![cfg(target_os = "linux")]

use crate::common;

use common::{CENSUS, Env, dead_pid, hostname};
use predicates::str::contains;

/// This machine's name as a temporary file's name holds it.
fn host_tag() -> String {
    hostname()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect()
}

#[test]
fn a_save_removes_the_temporary_files_of_dead_processes_only() {
    let env = Env::with_census();
    let dead = dead_pid();
    let alive = std::process::id();
    let host = host_tag();
    let gone = [
        format!("census.ron.tmp-{dead}"),
        format!("census.ron.tmp-{dead}-{host}"),
    ];
    let kept = [
        format!("census.ron.tmp-{alive}-{host}"),
        format!("census.ron.tmp-{dead}-elsewhere"),
        format!("other.ron.tmp-{dead}"),
    ];
    for name in gone.iter().chain(&kept) {
        env.write(name, env.read(CENSUS));
    }
    env.add_infini();
    let names = env.file_names();
    for name in &gone {
        assert!(!names.contains(name), "{name} removed: {names:?}");
    }
    for name in &kept {
        assert!(names.contains(name), "{name} kept: {names:?}");
    }
}

#[test]
fn doctor_lists_the_temporary_files_a_crash_left() {
    let env = Env::with_census();
    let name = format!("census.ron.tmp-{}-{}", dead_pid(), host_tag());
    env.write(&name, env.read(CENSUS));
    env.census_cmd()
        .arg("doctor")
        .assert()
        .stdout(contains(format!(
            "copie temporaire laissée par une sauvegarde interrompue : {name} (une copie complète du recensement, données personnelles comprises)"
        )));
    assert!(env.file_names().contains(&name), "doctor removes nothing");
}
