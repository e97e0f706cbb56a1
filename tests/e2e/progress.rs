//! Feedback on long work in a real terminal: the interface shows a loading
//! line with the share read at once, then the list; a long command shows a
//! progress bar on standard error, not with `--quiet`. The census read is
//! slowed by the test-only `RECENSE_TEST_SLOW_READ_MS` so that both can be
//! seen whatever the machine's speed.

use crate::sandbox as e2e;

use e2e::{Sandbox, Session};

/// A sandbox whose agent is known, with a generated census of `count`
/// initiatives, `big.ron`, read slowly.
fn slow_census(count: &str) -> Sandbox {
    let sb = Sandbox::new();
    sb.cli_ok(&[
        "init",
        "first.ron",
        "--territory",
        "T",
        "--as",
        "Marie Le Gall",
    ]);
    sb.cli_ok(&["dev", "generate", "--count", count, "-o", "big.ron"]);
    sb.set_var("RECENSE_TEST_SLOW_READ_MS", "400");
    sb
}

#[test]
fn a_large_census_shows_a_loading_line_with_progress_then_the_list() {
    let sb = slow_census("3000");
    let s = Session::start(&sb, &["big.ron"]);
    let loading = s.wait_until("the loading line", |screen| {
        screen.contains("Chargement de big.ron…") && screen.contains(" %")
    });
    assert!(!loading.contains("3000 initiatives"), "{loading}");
    s.wait_for("· 3000 initiatives");
    s.key("q");
    assert_eq!(s.wait_exit(), 0);
}

#[test]
fn a_long_command_shows_a_progress_bar_on_a_terminal_but_not_with_quiet() {
    let sb = slow_census("3000");
    let s = Session::start(&sb, &["validate", "big.ron"]);
    let bar = s.wait_until("the bar", |screen| screen.contains("validate ["));
    assert!(bar.contains('%'), "{bar}");
    assert_eq!(s.wait_exit(), 0);
    let done = s.screen();
    assert!(!done.contains("validate ["), "the bar is cleared:\n{done}");
    let s = Session::start(&sb, &["--quiet", "validate", "big.ron"]);
    assert_eq!(s.wait_exit(), 0);
    assert!(!s.transcript().contains("validate ["), "{}", s.transcript());
}
