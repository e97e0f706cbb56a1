//! `recense todo` against a computation of the test's own: next steps
//! generated with known due dates, owners and closings, the expected list
//! computed from them (never by the program's code) and compared with
//! `todo --format json` and its filters.

use serde_json::Value as Json;

use crate::common::*;

fn actions_of(rows: &[Json]) -> Vec<String> {
    rows.iter()
        .map(|r| r["action"].as_str().unwrap().to_string())
        .collect()
}

/// A small deterministic generator, so that the test knows what it made.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// What the test generated: one next step.
#[derive(Debug, Clone)]
struct Made {
    action: String,
    name: &'static str,
    initiative: String,
    due: String,
    owner: &'static str,
    done: bool,
}

#[test]
fn todo_agrees_with_a_computation_of_its_own() {
    let env = Env::with_census();
    let names = ["Aléa", "Brest Wiki", "Copains d'abord"];
    let ids: Vec<String> = names
        .iter()
        .map(|n| env.add(&[&format!("nom={n}"), "type=association", "commune=Brest"]))
        .collect();
    let mut rng = Lcg(7);
    let mut made: Vec<Made> = Vec::new();
    for n in 0..18 {
        let k = rng.next(3) as usize;
        let author = ["Marie", "Yann"][rng.next(2) as usize];
        let owner = match rng.next(3) {
            0 => "Yann",
            1 => "Marie",
            _ => author,
        };
        // Due from 2026-11-10 to 2026-12-19: overdue, this week, later.
        let day = 10 + rng.next(40);
        let due = if day <= 30 {
            format!("2026-11-{day:02}")
        } else {
            format!("2026-12-{:02}", day - 30)
        };
        let mut args = vec![
            "action".to_string(),
            "add".into(),
            ids[k].clone(),
            "--kind".into(),
            "relance".into(),
            "--next".into(),
            format!("Étape {n}"),
            "--due".into(),
            due.clone(),
        ];
        if owner != author || rng.next(2) == 0 {
            args.extend(["--for".to_string(), owner.to_string()]);
        }
        let out = env
            .census_cmd()
            .args(["--as", author])
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        let action = stdout_of(&out).trim().to_string();
        let done = rng.next(4) == 0;
        if done {
            let out = env
                .census_cmd()
                .args(["--as", "Yann", "action", "done", &ids[k], &action])
                .output()
                .unwrap();
            assert!(out.status.success(), "{}", stderr_of(&out));
        }
        made.push(Made {
            action,
            name: names[k],
            initiative: ids[k].clone(),
            due,
            owner,
            done,
        });
    }
    let today = TODAY;
    let expected = |keep: &dyn Fn(&Made) -> bool| -> Vec<String> {
        let mut open: Vec<&Made> = made.iter().filter(|m| !m.done && keep(m)).collect();
        open.sort_by(|a, b| {
            (&a.due, a.name, &a.initiative, &a.action).cmp(&(
                &b.due,
                b.name,
                &b.initiative,
                &b.action,
            ))
        });
        open.iter().map(|m| m.action.clone()).collect()
    };
    let got = |who: &str, args: &[&str]| -> Vec<String> {
        let mut all = vec!["--as", who, "todo", "--format", "json"];
        all.extend_from_slice(args);
        let out = env.census_cmd().args(&all).output().unwrap();
        let rows: Json = serde_json::from_str(&stdout_of(&out)).unwrap();
        actions_of(rows.as_array().unwrap())
    };
    assert!(made.iter().any(|m| m.done) && made.iter().any(|m| !m.done));
    assert_eq!(got("Marie", &[]), expected(&|_| true));
    assert_eq!(got("Marie", &["--mine"]), expected(&|m| m.owner == "Marie"));
    assert_eq!(got("Yann", &["--mine"]), expected(&|m| m.owner == "Yann"));
    assert_eq!(
        got("Marie", &["--overdue"]),
        expected(&|m| m.due.as_str() < today)
    );
    assert_eq!(
        got("Marie", &["--until", "2026-12-06"]),
        expected(&|m| m.due.as_str() <= "2026-12-06")
    );
    assert!(
        !expected(&|m| m.due.as_str() < today).is_empty(),
        "some overdue generated"
    );
}
