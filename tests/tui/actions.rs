//! The follow-up in the terminal interface: `A` adds an action with its next
//! step, the record lists its actions, "À faire" groups the open steps
//! (overdue, this week, later), Enter opens the initiative, `x` marks done,
//! the dashboard counts the overdue ones. The clock says Tuesday 2026-12-01.

use crate::tui_common;

use recense::census::actions::{ACTIONS, ACTIONS_DONE, NewAction, NextStep, actions};
use recense::census::file::{parse, to_canonical};
use recense::census::time::{Date, Timestamp};
use recense::census::todo::When;
use recense::census::{Agent, AgentId, Census, Schema};
use recense::tui::app::{Overlay, View};

use tui_common::*;

const INFINI: &str = "Infini (Internet Finistère)";

fn colleague() -> Agent {
    Agent {
        id: AgentId::parse("yann").unwrap(),
        name: "Yann".into(),
    }
}

/// The Brest sample without the actions it may carry.
fn without_follow_up() -> Census {
    let text = std::fs::read_to_string(sample_path("pays-de-brest")).unwrap();
    let (mut census, _): (Census, _) = parse(&text, "pays-de-brest.ron").unwrap();
    for i in &mut census.initiatives {
        i.fields.remove(ACTIONS);
        i.fields.remove(ACTIONS_DONE);
    }
    census
}

/// The app over [`without_follow_up`].
fn bare() -> Harness {
    Harness::from_text(&to_canonical(&without_follow_up()), Setup::default())
}

/// One next step the test records: on the `nth` initiative (in name
/// order), due on `due`, closed or not.
struct Step {
    nth: usize,
    due: &'static str,
    done: bool,
}

const STEPS: [Step; 7] = [
    Step {
        nth: 0,
        due: "2026-11-20",
        done: false,
    },
    Step {
        nth: 3,
        due: "2026-11-30",
        done: false,
    },
    Step {
        nth: 1,
        due: "2026-11-28",
        done: true,
    },
    Step {
        nth: 2,
        due: "2026-12-01",
        done: false,
    },
    Step {
        nth: 4,
        due: "2026-12-06",
        done: false,
    },
    Step {
        nth: 0,
        due: "2026-12-07",
        done: false,
    },
    Step {
        nth: 5,
        due: "2027-01-15",
        done: false,
    },
];

/// The Brest sample without any follow-up of its own, and the steps of
/// [`STEPS`] recorded by Yann through the library; returns the census text
/// and, for each step, (initiative id, action id).
fn census_with_steps() -> (String, Vec<(String, String)>) {
    let mut census = without_follow_up();
    let schema = Schema::default_schema();
    let mut names: Vec<(String, String)> = census
        .live()
        .map(|i| (i.value("nom").unwrap_or("").to_string(), i.id.to_string()))
        .collect();
    names.sort();
    let at = Timestamp::parse("2026-11-15T09:00:00Z").unwrap();
    let mut made = Vec::new();
    for (n, s) in STEPS.iter().enumerate() {
        let id = recense::census::InitiativeId::parse(&names[s.nth].1).unwrap();
        let new = NewAction {
            kind: ["appel", "visite", "courriel"][n % 3].into(),
            date: None,
            note: format!("Note {n}"),
            next: Some(NextStep {
                text: format!("Étape {n}"),
                due: Date::parse(s.due).unwrap(),
                for_agent: None,
            }),
        };
        let action = census
            .add_action(&schema, &id, &new, &colleague(), at)
            .unwrap();
        if s.done {
            census
                .close_action(&id, Some(&action), &colleague(), at)
                .unwrap();
        }
        made.push((id.to_string(), action));
    }
    (to_canonical(&census), made)
}

fn harness() -> (Harness, Vec<(String, String)>) {
    let (text, made) = census_with_steps();
    (Harness::from_text(&text, Setup::default()), made)
}

fn todo_listed(h: &Harness) -> Vec<(When, String, String)> {
    match h.app.views.last() {
        Some(View::Todo(t)) => t.listed(),
        other => panic!("not on « À faire »: {other:?}"),
    }
}

#[test]
fn the_todo_screen_agrees_with_a_grouping_of_its_own() {
    let (mut h, made) = harness();
    h.keys("w");
    // Computed here from the steps written above: due before today is
    // overdue; up to Sunday 2026-12-06 is this week.
    let today = TODAY;
    let mut expected: Vec<(When, &str, String, String)> = STEPS
        .iter()
        .zip(&made)
        .filter(|(s, _)| !s.done)
        .map(|(s, (i, a))| {
            let when = if s.due < today {
                When::Overdue
            } else if s.due <= "2026-12-06" {
                When::ThisWeek
            } else {
                When::Later
            };
            (when, s.due, i.clone(), a.clone())
        })
        .collect();
    expected.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    let expected: Vec<(When, String, String)> =
        expected.into_iter().map(|(w, _, i, a)| (w, i, a)).collect();
    assert_eq!(todo_listed(&h), expected);
    assert_eq!(expected.iter().filter(|e| e.0 == When::Overdue).count(), 2);
    // The dashboard counts the same overdue ones, and leads here.
    h.keys("esc T");
    let labels: Vec<String> = match h.app.views.last() {
        Some(View::Dashboard(d)) => d
            .panels
            .iter()
            .flat_map(|p| p.items.iter().map(|i| i.label.clone()))
            .collect(),
        other => panic!("{other:?}"),
    };
    assert!(
        labels
            .iter()
            .any(|l| l == "Prochaines étapes en retard : 2"),
        "{labels:?}"
    );
    h.keys("w");
    assert_eq!(todo_listed(&h), expected);
}

#[test]
fn enter_opens_the_initiative_and_x_marks_the_step_done() {
    let (mut h, made) = harness();
    h.keys("w");
    let first = todo_listed(&h)[0].clone();
    h.keys("enter");
    match h.app.views.last() {
        Some(View::Detail(d)) => assert_eq!(d.id.to_string(), first.1),
        other => panic!("{other:?}"),
    }
    h.keys("esc x");
    assert_eq!(h.message().as_deref(), Some("Fait : Étape 0."));
    let after = todo_listed(&h);
    assert!(!after.contains(&first));
    assert_eq!(after.len(), made.len() - 2);
    // Written: a later session sees it closed, by Camille.
    let ws = h.reopen();
    let id = recense::census::InitiativeId::parse(&first.1).unwrap();
    let closed = actions(ws.census.get(&id).unwrap())
        .into_iter()
        .find(|a| a.id == first.2)
        .unwrap();
    assert!(!closed.is_open());
    assert_eq!(closed.done[0].0, Some(AgentId::parse(AGENT_ID).unwrap()));
}

#[test]
fn a_on_a_record_adds_an_action_with_a_next_step_typed_freely() {
    let mut h = bare();
    select(&mut h, INFINI);
    h.keys("A");
    assert!(matches!(h.app.overlay, Some(Overlay::Action(_))));
    h.type_text("visi");
    h.keys("enter");
    h.type_text("Rencontré le bureau");
    h.keys("tab");
    h.type_text("Envoyer la convention");
    h.keys("tab");
    h.type_text("lundi");
    h.keys("tab");
    h.type_text("Yann");
    h.keys("enter");
    assert!(h.app.overlay.is_none(), "{}", h.screen(80, 24));
    assert_eq!(
        h.message().as_deref(),
        Some("Action enregistrée ; prochaine étape le 2026-12-07.")
    );
    let ws = h.reopen();
    let i = ws
        .census
        .live()
        .find(|i| i.value("nom") == Some(INFINI))
        .unwrap();
    let a = &actions(i)[0];
    assert_eq!(
        (a.kind.as_str(), a.note.as_str()),
        ("visite", "Rencontré le bureau")
    );
    let next = a.next.as_ref().unwrap();
    assert_eq!(next.text, "Envoyer la convention");
    assert_eq!(next.due.to_string(), "2026-12-07");
    assert_eq!(
        next.for_agent
            .map(|f| ws.census.agent_name(&f).to_string())
            .as_deref(),
        Some("Yann")
    );
    // The record shows it, latest first; selected, its whole text.
    h.keys("enter G");
    assert!(h.screen(110, 90).contains("Actions (1) — récentes d'abord"));
    let record = h.screen(110, 90);
    assert!(
        record.contains("ensuite : Envoyer la convention (le 2026-12-07, pour Yann)"),
        "{record}"
    );
}

#[test]
fn the_form_refuses_a_date_it_cannot_read_and_stays_open() {
    let mut h = bare();
    select(&mut h, INFINI);
    h.keys("A enter");
    h.keys("tab");
    h.type_text("Rappeler");
    h.keys("tab");
    h.type_text("bientôt");
    h.keys("enter");
    assert!(matches!(h.app.overlay, Some(Overlay::Action(_))));
    assert!(
        h.screen(80, 24).contains("date « bientôt » illisible"),
        "{}",
        h.screen(80, 24)
    );
    // A next step without its date.
    h.keys("ctrl-u enter");
    assert!(
        h.screen(80, 24)
            .contains("Donnez l'échéance de la prochaine étape"),
        "{}",
        h.screen(80, 24)
    );
    assert!(
        actions(
            h.reopen()
                .census
                .live()
                .find(|i| i.value("nom") == Some(INFINI))
                .unwrap()
        )
        .is_empty()
    );
}

#[test]
fn a_status_move_recorded_with_its_action_from_the_form() {
    let mut h = bare();
    select(&mut h, "Wiki-Brest");
    let before = recense::census::status::history(
        h.reopen()
            .census
            .live()
            .find(|i| i.value("nom") == Some("Wiki-Brest"))
            .unwrap(),
    )
    .len();
    h.keys("A");
    h.type_text("appel");
    h.keys("enter");
    h.type_text("Appel au coordinateur");
    // The status picker is the last field.
    h.keys("tab tab tab tab tab");
    h.type_text("en sommeil");
    h.keys("enter");
    assert!(h.app.overlay.is_none(), "{}", h.screen(80, 24));
    let ws = h.reopen();
    let i = ws
        .census
        .live()
        .find(|i| i.value("nom") == Some("Wiki-Brest"))
        .unwrap();
    assert_eq!(recense::census::status::current(i), "en_sommeil");
    assert_eq!(recense::census::status::history(i).len(), before + 1);
    assert_eq!(actions(i)[0].note, "Appel au coordinateur");
}

#[test]
fn snapshots_of_the_action_form_and_the_todo_screen() {
    let (mut h, _) = harness();
    select(&mut h, INFINI);
    h.keys("A");
    snap!(&h, "action_kind");
    h.keys("enter");
    h.type_text("Rencontré le bureau");
    h.keys("tab");
    h.type_text("Envoyer la convention");
    h.keys("tab");
    h.type_text("+7j");
    snap!(&h, "action_form");
    h.keys("esc w");
    snap!(&h, "todo");
}

#[test]
fn an_empty_todo_screen_says_how_to_fill_it() {
    let mut h = bare();
    h.keys("w");
    assert!(matches!(h.app.views.last(), Some(View::Todo(_))));
    assert!(todo_listed(&h).is_empty());
    snap!(&h, "todo_empty");
}
