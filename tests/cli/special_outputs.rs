//! `-o` onto a device, a named pipe or a socket (`-o /dev/null`,
//! `-o /dev/stdout`, a FIFO read by another program) writes into it: the
//! atomic save's rename would replace the device by a plain file — run as
//! root, `export -o /dev/null` turned /dev/null into a file.
#![cfg(unix)]

use std::fs;
use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::process::Command as Process;

use crate::common;

use common::Env;

/// A FIFO in the test's folder, with a reader collecting what is written.
fn fifo_with_reader(env: &Env, name: &str) -> std::thread::JoinHandle<Vec<u8>> {
    let path = env.path(name);
    let made = Process::new("mkfifo").arg(&path).status().expect("mkfifo");
    assert!(made.success());
    std::thread::spawn(move || {
        let mut out = Vec::new();
        fs::File::open(&path)
            .unwrap()
            .read_to_end(&mut out)
            .unwrap();
        out
    })
}

fn is_fifo(env: &Env, name: &str) -> bool {
    fs::symlink_metadata(env.path(name))
        .unwrap()
        .file_type()
        .is_fifo()
}

#[test]
fn an_export_into_a_named_pipe_writes_into_it_and_keeps_the_pipe() {
    let env = Env::with_census();
    env.add_infini();
    let reader = fifo_with_reader(&env, "pipe");
    env.census_cmd()
        .args(["export", "--format", "csv", "-o", "pipe"])
        .assert()
        .success();
    // Checked first: a replaced pipe leaves its reader waiting forever.
    assert!(is_fifo(&env, "pipe"), "the pipe was replaced by a file");
    let got = String::from_utf8(reader.join().unwrap()).unwrap();
    assert!(got.contains("Infini"), "{got}");
}

#[test]
fn a_report_into_a_named_pipe_writes_into_it_and_keeps_the_pipe() {
    let env = Env::with_census();
    env.add_infini();
    let reader = fifo_with_reader(&env, "pipe");
    env.census_cmd()
        .args(["report", "--audience", "elus", "-o", "pipe"])
        .assert()
        .success();
    assert!(is_fifo(&env, "pipe"), "the pipe was replaced by a file");
    let got = String::from_utf8(reader.join().unwrap()).unwrap();
    assert!(got.contains("Infini"), "{got}");
}
