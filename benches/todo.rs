//! The follow-up at scale: `recense todo` and the calendar export on
//! generated censuses where one initiative in three carries actions (one
//! to three, most with a next step, a quarter of them done). Medians, and
//! the load for comparison: the aim is todo ≤ 100 ms beyond the load.
//!
//! `cargo bench --bench todo` (add `-- 1000 10000` to pick sizes).

mod common;

use common::{median, ms};

use recense::census::actions::{NewAction, NextStep};
use recense::census::time::{Date, Timestamp};
use recense::census::todo::{TodoFilter, todo};
use recense::census::{Agent, AgentId, Schema, store};
use recense::documents::export::ics::write_ics;
use recense::i18n::Lang;

fn main() {
    let sizes = common::sizes(&[1_000, 10_000]);
    let schema = Schema::default_schema();
    let dir = tempfile::tempdir().expect("temp dir");
    let agents: Vec<Agent> = ["marie", "yann", "soazig"]
        .iter()
        .map(|a| Agent {
            id: AgentId::parse(a).expect("agent"),
            name: a.to_string(),
        })
        .collect();
    let today = Date::parse("2026-12-06").expect("date");
    println!(
        "| initiatives | actions | open steps | load | todo (all) | todo --mine --overdue | todo + ics |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let runs = common::runs(n);
        let mut census = recense::dev::generate(&schema, n, 42);
        let ids: Vec<_> = census.live().map(|i| i.id.clone()).collect();
        let mut count = 0;
        let at = Timestamp::parse("2026-11-01T09:00:00Z").expect("time");
        for (k, id) in ids.iter().enumerate().filter(|(k, _)| k % 3 == 0) {
            for m in 0..=(k % 3 + k % 2) {
                let agent = &agents[(k + m) % agents.len()];
                let due = Date::from_days_since_epoch(
                    today.days_since_epoch() - 30 + ((k * 7 + m * 13) % 90) as i64,
                );
                let new = NewAction {
                    kind: "appel".into(),
                    date: None,
                    note: format!("Appel {k}-{m}"),
                    next: (m % 4 != 3).then(|| NextStep {
                        text: format!("Rappeler {k}-{m}"),
                        due,
                        for_agent: None,
                    }),
                };
                let action = census
                    .add_action(&schema, id, &new, agent, at)
                    .expect("action");
                if (k + m) % 4 == 0 {
                    let _ = census.close_action(id, Some(&action), agent, at);
                }
                count += 1;
            }
        }
        let path = dir.path().join(format!("census-{n}.ron"));
        store::save(&path, &census).expect("save");
        drop(census);
        let load = median(runs, || store::load(&path).expect("load"));
        let (census, _) = store::load(&path).expect("load");
        let all = TodoFilter::default();
        let open = todo(&census, &schema.name_field, today, &all).len();
        let t_all = median(runs, || todo(&census, &schema.name_field, today, &all));
        let mine = TodoFilter {
            mine: Some(agents[0].id),
            overdue: true,
            until: None,
        };
        let t_mine = median(runs, || todo(&census, &schema.name_field, today, &mine));
        let t_ics = median(runs, || {
            let steps = todo(&census, &schema.name_field, today, &all);
            let mut out = Vec::with_capacity(1 << 20);
            write_ics(&census, &schema, &steps, Lang::Fr, &mut out).expect("ics")
        });
        println!(
            "| {n} | {count} | {open} | {} | {} | {} | {} |",
            ms(load),
            ms(t_all),
            ms(t_mine),
            ms(t_ics)
        );
    }
}
