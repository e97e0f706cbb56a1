//! `bundle -o` names a new file: onto the census itself, it would replace a
//! whole census by the few initiatives of the bundle.

use crate::common;

use common::{CENSUS, Env, assert_unchanged};
use predicates::str::contains;

#[test]
fn a_bundle_onto_the_census_itself_is_refused_and_writes_nothing() {
    let env = Env::with_census();
    env.copy_sample(CENSUS);
    let before = env.snapshot();
    for output in [CENSUS, "./census.ron"] {
        env.census_cmd()
            .args(["bundle", "--since", "2026-01-01", "-o", output])
            .assert()
            .code(1)
            .stderr(contains(format!(
                "{output} est le recensement lui-même : le paquet le remplacerait ; choisissez un autre fichier de sortie"
            )));
        assert_unchanged(&before, &env.snapshot());
    }
    env.census_cmd()
        .args(["--lang", "en", "bundle", "--for", "Bruno", "-o", CENSUS])
        .assert()
        .code(1)
        .stderr(contains(
            "census.ron is the census itself: the bundle would replace it; choose another output file",
        ));
    assert_unchanged(&before, &env.snapshot());
}
