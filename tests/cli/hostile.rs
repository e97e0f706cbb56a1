//! A census whose values and agent names hold terminal escapes (ESC, BEL,
//! OSC), a bidi override (U+202E) and newlines: no command lets one of them
//! reach the terminal, on standard output or on standard error, and no
//! value forges a line of its own.

use crate::common::*;

const HOSTILE: &str = "hostile/census-hostile.ron";
const FIRST: &str = "01M8KBYJ808GACQFDEPG38BYMN";

/// Fails when a command's output holds a byte that a terminal would obey,
/// or a line that a value's newline made.
fn assert_inert(what: &str, output: &std::process::Output) {
    for (stream, text) in [
        ("stdout", String::from_utf8_lossy(&output.stdout)),
        ("stderr", String::from_utf8_lossy(&output.stderr)),
    ] {
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(
                !text.contains(bad),
                "{what}: {stream} holds {:?}:\n{text}",
                bad
            );
        }
        for line in text.lines() {
            assert!(
                !line.starts_with("forged") && !line.starts_with("recense: forged"),
                "{what}: {stream} has a line forged by a value:\n{text}"
            );
        }
    }
}

fn run(env: &Env, args: &[&str]) -> std::process::Output {
    env.cmd()
        .args(["--file", CENSUS])
        .args(args)
        .output()
        .expect("run recense")
}

#[test]
fn no_command_lets_a_control_sequence_through() {
    // Read commands on the hostile census itself.
    let read = Env::new();
    read.write(
        CENSUS,
        std::fs::read(fixture_path(HOSTILE)).expect("fixture"),
    );
    // Merge and bundle: a clean census receiving the hostile one.
    let receiving = Env::with_census();
    receiving.write(
        "received.ron",
        std::fs::read(fixture_path(HOSTILE)).expect("fixture"),
    );
    for lang in ["fr", "en"] {
        let commands: [&[&str]; 13] = [
            &["list"],
            &["list", "--format", "table"],
            &["list", "--format", "csv"],
            &["list", "--format", "json"],
            &["show", FIRST],
            &["show", FIRST, "--format", "json"],
            &["validate", CENSUS],
            &["stats"],
            &["conflicts"],
            &["conflicts", "--format", "json"],
            &["duplicates"],
            &["history", FIRST],
            &["doctor"],
        ];
        for args in commands {
            let out = run(&read, &[&["--lang", lang], args].concat());
            assert_inert(&args.join(" "), &out);
        }
        let receive: [&[&str]; 3] = [
            &["merge", "--dry-run", "received.ron"],
            &["merge", "received.ron"],
            &["bundle", "--for", "Yann", "-o", "b.ron"],
        ];
        for args in receive {
            let out = run(&receiving, &[&["--lang", lang], args].concat());
            assert_inert(&args.join(" "), &out);
        }
    }
}

#[test]
fn a_hostile_csv_is_reported_inert_and_short() {
    let env = Env::with_census();
    let long = "\u{1b}[5mx\u{7}".repeat(200_000);
    let csv = format!(
        "nom;type;commune;code_postal\n\
         Infini\u{1b}[2J\u{202e};chatons;Brest;29\u{1b}[5m200\n\
         Autre;chatons;Brest;{long}\n\
         Autre\u{7};chatons;Brest\nforged;29200\n"
    );
    env.write("hostile.csv", csv);
    let out = run(&env, &["import", "csv", "hostile.csv", "--dry-run"]);
    assert_inert("import --dry-run", &out);
    let out = run(&env, &["import", "csv", "hostile.csv"]);
    assert_inert("import", &out);
    assert!(
        out.stderr.len() < 20_000,
        "a 1 MB cell is echoed whole: {} bytes on stderr",
        out.stderr.len()
    );
}

#[test]
fn validate_flags_control_characters_in_agent_names() {
    let env = Env::new();
    let hostile = env.copy_fixture(HOSTILE);
    let out = env
        .cmd()
        .args(["--lang", "en", "validate", &hostile])
        .output()
        .expect("run recense");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert_located(&err, &hostile, 10, "agent name");
    assert_located(&err, &hostile, 11, "agent name");
}
