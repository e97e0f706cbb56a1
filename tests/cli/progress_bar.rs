//! The progress bar of long commands is for a person at a terminal: with
//! standard error in a pipe (scripts, CI) nothing but the messages, even
//! when the work takes more than a second.

use crate::common;

use common::{Env, stderr_of};

#[test]
fn a_long_validate_with_stderr_in_a_pipe_prints_no_bar() {
    let env = Env::new();
    env.cmd()
        .args(["dev", "generate", "--count", "2000", "-o", "big.ron"])
        .assert()
        .success();
    for quiet in [false, true] {
        let mut cmd = env.cmd();
        if quiet {
            cmd.arg("--quiet");
        }
        // Slowed past the second after which a bar would be drawn.
        let out = cmd
            .args(["validate", "big.ron"])
            .env("RECENSE_TEST_SLOW_READ_MS", "400")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let stderr = stderr_of(&out);
        assert!(!stderr.contains("validate ["), "{stderr}");
        assert!(
            !stderr.contains('\r') && !stderr.contains('\u{1b}'),
            "{stderr:?}"
        );
    }
}
