//! `export --format ics`: the open next steps read back by a real
//! iCalendar parser, Python's `icalendar` (installed by `.ci/run`; the test
//! installs it with pip when it is missing and says so when it cannot).

use std::process::Command;

use serde_json::Value as Json;

use crate::common::*;

const FILE: &str = "census-actions.ron";
const INFINI: &str = "01M7W2Y7M09YPVV6GJCJ0V4ZEQ";
const CAPUCINS: &str = "01M7W2Y7M09H43YHXS0R8SRKHJ";

/// Reads a calendar with `icalendar` and prints its tasks as JSON.
const READER: &str = r#"
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
out = []
for c in cal.walk('VTODO'):
    out.append({
        'uid': str(c.get('uid')),
        'due': c.decoded('due').isoformat(),
        'summary': str(c.get('summary')),
        'description': str(c.get('description')),
        'status': str(c.get('status')),
        'dtstamp': c.decoded('dtstamp').isoformat(),
    })
print(json.dumps({'name': str(cal.get('x-wr-calname')), 'todos': out}))
"#;

/// Whether Python's `icalendar` can be imported, installing it if needed.
fn icalendar_available() -> bool {
    let import = || {
        Command::new("python3")
            .args(["-c", "import icalendar"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if import() {
        return true;
    }
    let _ = Command::new("python3")
        .args(["-m", "pip", "install", "--quiet", "--user", "icalendar"])
        .output();
    import()
}

fn parse(env: &Env, file: &str) -> Json {
    let out = Command::new("python3")
        .args(["-c", READER])
        .arg(env.path(file))
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "icalendar refused the file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn export(env: &Env, who: &str, file: &str, more: &[&str]) {
    let out = env
        .cmd()
        .args([
            "--file", FILE, "--as", who, "export", "--format", "ics", "-o", file,
        ])
        .args(more)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
}

#[test]
fn the_calendar_is_well_formed_octet_by_octet() {
    let env = Env::new();
    env.copy_fixture("actions/census-actions.ron");
    // A step whose text needs escaping and folding.
    let long =
        "Envoyer la convention, signée; puis \\ relancer le président de l'association des usagers";
    let out = env
        .cmd()
        .args([
            "--file", FILE, "--as", "Marie", "action", "add", CAPUCINS, "--kind", "courrier",
        ])
        .args(["--next", long, "--due", "+3j"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    export(&env, "Marie", "a.ics", &[]);
    let bytes = env.read("a.ics");
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split_inclusive('\n') {
        assert!(line.ends_with("\r\n"), "a line without CRLF: {line:?}");
        assert!(line.len() - 2 <= 75, "{} octets: {line:?}", line.len() - 2);
    }
    assert!(text.contains("SUMMARY:Envoyer la convention\\, signée\\; puis \\\\ relancer"));
    // The same census gives the same bytes.
    export(&env, "Marie", "b.ics", &[]);
    assert_eq!(env.read("b.ics"), bytes);
}

#[test]
fn a_real_parser_reads_back_the_open_steps_with_stable_uids() {
    if !icalendar_available() {
        eprintln!(
            "SKIPPED: Python's icalendar is not installed and pip could not install it (offline?); run .ci/run or `python3 -m pip install icalendar`."
        );
        return;
    }
    let env = Env::new();
    env.copy_fixture("actions/census-actions.ron");
    let note = "Appelé; rappeler\nmardi, sans faute";
    let out = env
        .cmd()
        .args([
            "--file", FILE, "--as", "Yann", "action", "add", CAPUCINS, "--kind", "appel", "--note",
            note,
        ])
        .args(["--next", "Passer à la médiathèque", "--due", "2026-12-02"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    export(&env, "Marie", "all.ics", &[]);
    let cal = parse(&env, "all.ics");
    assert_eq!(cal["name"], "recense — suivi (Pays de Brest)");
    let todos = cal["todos"].as_array().unwrap();
    // What `todo` lists, in its order.
    let listed = env
        .cmd()
        .args(["--file", FILE, "--as", "Marie", "todo", "--format", "json"])
        .output()
        .unwrap();
    let listed: Json = serde_json::from_slice(&listed.stdout).unwrap();
    let listed = listed.as_array().unwrap();
    assert_eq!(todos.len(), listed.len());
    assert_eq!(todos.len(), 3);
    for (t, l) in todos.iter().zip(listed) {
        let uid = format!(
            "{}-{}@recense",
            l["initiative"].as_str().unwrap(),
            l["action"].as_str().unwrap()
        );
        assert_eq!(t["uid"], uid.as_str());
        assert_eq!(t["due"], l["due"]);
        assert_eq!(t["status"], "NEEDS-ACTION");
        assert_eq!(
            t["summary"].as_str().unwrap(),
            format!(
                "{} — {}",
                l["next"].as_str().unwrap(),
                l["name"].as_str().unwrap()
            )
        );
    }
    let yann = todos
        .iter()
        .find(|t| t["uid"].as_str().unwrap().starts_with(CAPUCINS))
        .unwrap();
    assert!(
        yann["description"].as_str().unwrap().ends_with(note),
        "{}",
        yann["description"]
    );
    assert_eq!(yann["dtstamp"], "2026-11-29T10:00:00+00:00");
    // --mine: Yann's two (one named for him, one of his own).
    export(&env, "Yann", "mine.ics", &["--mine"]);
    let mine = parse(&env, "mine.ics");
    let uids: Vec<&str> = mine["todos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["uid"].as_str().unwrap())
        .collect();
    assert_eq!(uids.len(), 2);
    assert!(
        uids.contains(&format!("{INFINI}-sedkb.3@recense").as_str()),
        "{uids:?}"
    );
    // Done: gone from the next export; the others keep their UID.
    let done = env
        .cmd()
        .args([
            "--file", FILE, "--as", "Marie", "action", "done", INFINI, "sedkb.2",
        ])
        .output()
        .unwrap();
    assert!(done.status.success());
    export(&env, "Marie", "later.ics", &[]);
    let later = parse(&env, "later.ics");
    let before: Vec<&Json> = todos
        .iter()
        .filter(|t| t["uid"] != format!("{INFINI}-sedkb.2@recense").as_str())
        .collect();
    let after: Vec<&Json> = later["todos"].as_array().unwrap().iter().collect();
    assert_eq!(before, after);
}
