//! The perimeter's cost: opening the dashboard without a perimeter and with
//! one (the white zones panel), and the coverage `recense communes` computes,
//! on generated censuses: medians. The first coverage also reads the
//! embedded referential (once per process): shown apart.
//!
//! `cargo bench --bench perimeter` (add `-- 10000` to pick sizes).

mod common;

use std::time::Instant;

use common::{median, ms};

use recense::census::coverage::coverage;
use recense::census::perimeter::Perimeter;
use recense::census::time::Timestamp;
use recense::census::workspace::Workspace;
use recense::census::{Agent, AgentId, Schema, file};
use recense::i18n::Lang;
use recense::tui::app::Core;
use recense::tui::keymap::KeyMap;
use recense::tui::screens::dashboard::DashboardState;
use recense::tui::theme::Theme;

/// The Finistère and the Isère: the generated communes are there.
const PERIMETER: &str = "dep:29,dep:38";

fn main() {
    let sizes = common::sizes(&[10_000]);
    let schema = Schema::default_schema();
    let dir = tempfile::tempdir().expect("temporary folder");
    println!(
        "| initiatives | dashboard, no perimeter | first coverage (reads the referential) | coverage | dashboard, with perimeter |"
    );
    println!("|---:|---:|---:|---:|---:|");
    for n in sizes {
        let runs = if n > 20_000 { 5 } else { 11 };
        let path = dir.path().join(format!("census-{n}.ron"));
        let census = recense::dev::generate(&schema, n, 42);
        std::fs::write(&path, file::to_canonical(&census)).expect("write census");
        let ws = Workspace::open(&path).expect("census opens");
        let agent = Agent {
            id: AgentId::parse("bench").expect("agent id"),
            name: "Bench".into(),
        };
        let mut core = Core::new(
            ws,
            agent,
            Lang::Fr,
            Theme::new(true, false),
            KeyMap::default(),
            None,
        );
        let without = median(runs, || DashboardState::new(&core));
        core.session.ws.census.perimeter = Perimeter::set(PERIMETER, "bench", Timestamp(1));
        let all: Vec<usize> = (0..core.session.ws.census.initiatives.len()).collect();
        let ws = &core.session.ws;
        let t = Instant::now();
        std::hint::black_box(coverage(&ws.census, &ws.schema, &all));
        let first = t.elapsed();
        let cov = median(runs, || coverage(&ws.census, &ws.schema, &all));
        let with = median(runs, || DashboardState::new(&core));
        println!(
            "| {n} | {} | {} | {} | {} |",
            ms(without),
            ms(first),
            ms(cov),
            ms(with)
        );
    }
}
