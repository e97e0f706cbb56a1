//! Reading needs no lock: in a read-only folder, on a read-only census,
//! every command that only reads works and writes nothing (no lock, no
//! journal, no temporary file).

use std::os::unix::fs::PermissionsExt;

use crate::common;

use common::{CENSUS, Env, assert_unchanged, stderr_of};

fn chmod(path: &std::path::Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn read_commands_work_on_a_read_only_census_in_a_read_only_folder() {
    let env = Env::with_census();
    env.copy_sample(CENSUS);
    env.copy_sample("received.ron");
    let id = "01M6B5G7T0HT5KFD63KMNBCWPR";
    chmod(&env.path(CENSUS), 0o444);
    chmod(&env.work(), 0o555);
    // Whoever may write anyway (root) still proves nothing is written.
    let before = env.snapshot();
    let commands: &[&[&str]] = &[
        &["list"],
        &["list", "--format", "csv"],
        &["show", id],
        &["stats"],
        &["report", "--audience", "elus"],
        &["export", "--format", "json"],
        &["conflicts"],
        &["merge", "--dry-run", "received.ron"],
    ];
    for args in commands {
        let out = env.census_cmd().args(*args).output().expect("run recense");
        assert!(
            out.status.success(),
            "{args:?}: {:?}\n{}",
            out.status.code(),
            stderr_of(&out)
        );
        assert_unchanged(&before, &env.snapshot());
    }
    env.cmd().args(["validate", CENSUS]).assert().success();
    assert_unchanged(&before, &env.snapshot());
    chmod(&env.work(), 0o755);
    chmod(&env.path(CENSUS), 0o644);
}
