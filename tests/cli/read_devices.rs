//! A device named as a file (`/dev/zero`: size 0, endless) is refused at
//! once instead of being read up to the size limit.
#![cfg(unix)]

use crate::common;

use common::{Env, assert_unchanged};
use predicates::str::contains;

#[test]
fn merging_dev_zero_is_refused_without_reading_it() {
    let env = Env::with_census();
    env.add_infini();
    let before = env.snapshot();
    env.census_cmd()
        .args(["merge", "/dev/zero"])
        .assert()
        .code(1)
        .stderr(contains(
            "/dev/zero: ce n'est pas un fichier mais un périphérique ; donnez le chemin d'un recensement (un fichier .ron).",
        ));
    assert_unchanged(&before, &env.snapshot());
    env.cmd()
        .args(["--lang", "en", "validate", "/dev/zero"])
        .assert()
        .code(1)
        .stderr(contains("/dev/zero: this is a device, not a file"));
}
