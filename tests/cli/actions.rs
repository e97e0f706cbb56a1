//! The follow-up: `action add|done`, `todo`, `status --action`, actions in
//! `history`, in bundles and through merges. The fixture
//! `actions/census-actions.ron` holds Infini with three next steps
//! (79van.1 done, sedkb.2 due 2026-11-25 for Marie, sedkb.3 due 2026-12-10
//! for Yann) and the Capucins with none; the clock says 2026-11-29.

use serde_json::Value as Json;

use crate::common::*;

const FIXTURE: &str = "actions/census-actions.ron";
const FILE: &str = "census-actions.ron";
const INFINI: &str = "01M7W2Y7M09YPVV6GJCJ0V4ZEQ";
const CAPUCINS: &str = "01M7W2Y7M09H43YHXS0R8SRKHJ";

fn fixture() -> Env {
    let env = Env::new();
    env.copy_fixture(FIXTURE);
    env
}

fn run(env: &Env, who: &str, args: &[&str]) -> std::process::Output {
    env.cmd()
        .args(["--file", FILE, "--as", who])
        .args(args)
        .output()
        .expect("run recense")
}

fn todo_json(env: &Env, who: &str, args: &[&str]) -> Vec<Json> {
    let mut all = vec!["todo", "--format", "json"];
    all.extend_from_slice(args);
    let out = run(env, who, &all);
    assert!(out.status.success(), "{}", stderr_of(&out));
    serde_json::from_str::<Json>(&stdout_of(&out))
        .expect("JSON")
        .as_array()
        .expect("a list")
        .clone()
}

fn actions_of(rows: &[Json]) -> Vec<String> {
    rows.iter()
        .map(|r| r["action"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn todo_lists_the_open_steps_overdue_first_with_their_filters() {
    let env = fixture();
    let all = todo_json(&env, "Marie", &[]);
    assert_eq!(actions_of(&all), ["sedkb.2", "sedkb.3"], "79van.1 is done");
    assert_eq!(all[0]["overdue"], true);
    assert_eq!(all[0]["due"], "2026-11-25");
    assert_eq!(all[1]["for"], "Yann");
    assert_eq!(
        actions_of(&todo_json(&env, "Marie", &["--mine"])),
        ["sedkb.2"]
    );
    assert_eq!(
        actions_of(&todo_json(&env, "Yann", &["--mine"])),
        ["sedkb.3"]
    );
    assert_eq!(
        actions_of(&todo_json(&env, "Marie", &["--overdue"])),
        ["sedkb.2"]
    );
    assert!(todo_json(&env, "Marie", &["--until", "2026-11-24"]).is_empty());
    // +11j from 2026-11-29 is 2026-12-10: included.
    assert_eq!(todo_json(&env, "Marie", &["--until", "+11j"]).len(), 2);
    let table = run(&env, "Marie", &["todo"]);
    let text = stdout_of(&table);
    let late = text.lines().find(|l| l.contains("sedkb.2")).unwrap();
    assert!(
        late.contains("en retard") && late.starts_with("2026-11-25"),
        "{text}"
    );
    assert!(stderr_of(&table).contains("2 prochaines étapes, dont 1 en retard"));
}

#[test]
fn an_action_with_a_next_step_typed_like_in_the_interface() {
    let env = fixture();
    let out = run(
        &env,
        "Marie",
        &[
            "action",
            "add",
            CAPUCINS,
            "--kind",
            "Rencontre",
            "--date",
            "hier",
            "--note",
            "Avec la directrice",
            "--next",
            "Envoyer la charte",
            "--due",
            "lundi",
            "--for",
            "Yann",
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    let id = stdout_of(&out).trim().to_string();
    assert!(
        stderr_of(&out).contains("prochaine étape le 2026-11-30"),
        "{}",
        stderr_of(&out)
    );
    let rows = todo_json(&env, "Yann", &["--mine"]);
    let row = rows
        .iter()
        .find(|r| r["initiative"] == CAPUCINS)
        .expect("listed");
    assert_eq!(row["action"], id.as_str());
    assert_eq!(row["kind"], "rencontre", "the label names the kind");
    assert_eq!(row["date"], "2026-11-28");
    assert_eq!(row["note"], "Avec la directrice");
    assert_eq!(row["by"], "Marie");
    // Done: it leaves the list, and history says who closed it.
    let done = run(&env, "Yann", &["action", "done", CAPUCINS]);
    assert!(done.status.success(), "{}", stderr_of(&done));
    assert!(stderr_of(&done).contains(&format!("Fait : {id}")));
    let left = todo_json(&env, "Yann", &[]);
    assert!(
        !left.iter().any(|r| r["initiative"] == CAPUCINS),
        "{left:?}"
    );
    assert_eq!(
        actions_of(&left),
        ["sedkb.2", "sedkb.3"],
        "Infini's are still there"
    );
    let history = stdout_of(&run(&env, "Marie", &["history", CAPUCINS]));
    assert!(history.contains("Action « Rencontre » par Marie : Avec la directrice — ensuite : Envoyer la charte (le 2026-11-30, pour Yann)"), "{history}");
    assert!(
        history.contains("2026-11-29  Fait par Yann : Envoyer la charte"),
        "{history}"
    );
    let json: Json = serde_json::from_str(&stdout_of(&run(
        &env,
        "Marie",
        &["history", CAPUCINS, "--format", "json"],
    )))
    .unwrap();
    let events: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["action", "done"]);
}

/// Each refusal: exit code 1, the message, and the file left alone.
#[test]
fn every_refusal_says_why_and_writes_nothing() {
    let env = fixture();
    let cases: &[(&[&str], &str)] = &[
        (
            &["action", "add", INFINI, "--kind", "pigeon"],
            "type d'action « pigeon » inconnu ; types : appel, courriel, rencontre, visite, relance, courrier, reunion, autre.",
        ),
        (
            &[
                "action", "add", INFINI, "--kind", "appel", "--next", "Rappeler",
            ],
            "--next sans --due : donnez l'échéance",
        ),
        (
            &["action", "add", INFINI, "--kind", "appel", "--due", "+7j"],
            "--due ou --for sans --next",
        ),
        (
            &["action", "add", INFINI, "--kind", "appel", "--for", "Yann"],
            "--due ou --for sans --next",
        ),
        (
            &[
                "action", "add", INFINI, "--kind", "appel", "--next", "Rappeler", "--due",
                "bientôt",
            ],
            "date « bientôt » illisible : écrivez 2026-03-15, 15/03/2026, 15/03, +7j",
        ),
        (
            &[
                "action",
                "add",
                INFINI,
                "--kind",
                "appel",
                "--date",
                "2026-12-25",
            ],
            "action datée du 2026-12-25 refusée",
        ),
        (
            &[
                "action", "add", INFINI, "--kind", "appel", "--note", "a\u{7}b",
            ],
            "note",
        ),
        (
            &["action", "done", INFINI],
            "plusieurs prochaines étapes ouvertes : dites laquelle (sedkb.2, sedkb.3).",
        ),
        (
            &["action", "done", INFINI, "sedkb.9"],
            "aucune prochaine étape « sedkb.9 » sur cette initiative",
        ),
        (
            &["action", "done", INFINI, "79van.1"],
            "la prochaine étape 79van.1 est déjà faite.",
        ),
        (
            &["action", "done", CAPUCINS],
            "aucune prochaine étape ouverte sur cette initiative",
        ),
        (&["action", "add", "ZZZ", "--kind", "appel"], "ZZZ"),
        (&["todo", "--until", "jamais"], "date « jamais » illisible"),
        (
            &["status", INFINI, "contacte", "--action", "pigeon"],
            "type d'action « pigeon » inconnu",
        ),
    ];
    for (args, phrase) in cases {
        let before = env.snapshot();
        let out = run(&env, "Marie", args);
        assert_eq!(out.status.code(), Some(1), "{args:?} accepted");
        assert!(
            stderr_of(&out).contains(phrase),
            "{args:?}: {}",
            stderr_of(&out)
        );
        assert_unchanged(&before, &env.snapshot());
    }
    // In English too.
    let out = env
        .cmd()
        .args([
            "--file", FILE, "--as", "Marie", "--lang", "en", "action", "done", INFINI,
        ])
        .output()
        .unwrap();
    assert!(stderr_of(&out).contains("several open next steps: say which one (sedkb.2, sedkb.3)."));
}

#[test]
fn a_status_move_is_recorded_with_its_action_in_one_go() {
    let env = fixture();
    let out = run(
        &env,
        "Marie",
        &[
            "status",
            INFINI,
            "contacte",
            "--comment",
            "premier contact",
            "--action",
            "appel",
            "--note",
            "Au téléphone",
        ],
    );
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stderr_of(&out).contains("Contacté, avec l'action sedkb.5"),
        "{}",
        stderr_of(&out)
    );
    let json: Json = serde_json::from_str(&stdout_of(&run(
        &env,
        "Marie",
        &["history", INFINI, "--format", "json"],
    )))
    .unwrap();
    let events = json.as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["event"] == "status" && e["status"] == "contacte")
    );
    assert!(events.iter().any(|e| e["event"] == "action"
        && e["id"] == "sedkb.5"
        && e["kind"] == "appel"
        && e["note"] == "Au téléphone"));
    // A status refused: no action recorded either.
    let before = env.snapshot();
    let out = run(
        &env,
        "Marie",
        &["status", INFINI, "legitime", "--action", "visite"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains("pas encore « Légitimé »"),
        "{}",
        stderr_of(&out)
    );
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn two_colleagues_closing_the_same_step_converge_and_actions_travel_in_bundles() {
    let env = fixture();
    std::fs::copy(env.path(FILE), env.path("yann.ron")).unwrap();
    assert!(
        run(&env, "Marie", &["action", "done", INFINI, "sedkb.2"])
            .status
            .success()
    );
    let yann = |args: &[&str]| {
        env.cmd()
            .args(["--file", "yann.ron", "--as", "Yann"])
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        yann(&["action", "done", INFINI, "sedkb.2"])
            .status
            .success()
    );
    assert!(
        yann(&[
            "action",
            "add",
            CAPUCINS,
            "--kind",
            "courrier",
            "--next",
            "Attendre la réponse",
            "--due",
            "+14j"
        ])
        .status
        .success()
    );
    // Yann sends a bundle of what changed; Marie merges it, then Yann her file.
    let bundle = yann(&["bundle", "--since", "2026-11-29", "-o", "paquet.ron"]);
    assert!(bundle.status.success(), "{}", stderr_of(&bundle));
    let merged = run(&env, "Marie", &["merge", "paquet.ron"]);
    assert!(merged.status.success(), "{}", stderr_of(&merged));
    assert!(yann(&["merge", FILE]).status.success());
    let marie = todo_json(&env, "Marie", &[]);
    assert_eq!(actions_of(&marie), ["sedkb.3", "79van.1"]);
    let at_yann: Vec<Json> =
        serde_json::from_str::<Json>(&stdout_of(&yann(&["todo", "--format", "json"])))
            .unwrap()
            .as_array()
            .unwrap()
            .clone();
    assert_eq!(marie, at_yann, "both copies list the same");
    let history = stdout_of(&run(&env, "Marie", &["history", INFINI]));
    assert_eq!(
        history.matches("Fait par").count(),
        3,
        "79van.1 and both closings of sedkb.2: {history}"
    );
    let conflicts = run(&env, "Marie", &["conflicts"]);
    assert!(
        !stdout_of(&conflicts).contains("_actions"),
        "no conflict: {}",
        stdout_of(&conflicts)
    );
}
