//! Opening the dashboard, the map and the network view, and drawing them
//! at 80x24, on generated censuses of 10k and 100k initiatives: medians.
//!
//! `cargo bench --bench tui_screens` (add `-- 10000` to pick sizes).

mod common;

use common::{median, ms};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use recense::census::workspace::Workspace;
use recense::census::{Agent, AgentId, Schema, file};
use recense::i18n::Lang;
use recense::tui::app::{App, Core, View};
use recense::tui::keymap::KeyMap;
use recense::tui::screens::dashboard::DashboardState;
use recense::tui::screens::map::MapState;
use recense::tui::screens::network::NetworkState;
use recense::tui::theme::Theme;

/// Draws the app once into an 80x24 test terminal.
fn draw(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| recense::tui::draw::draw(app, f))
        .expect("draw");
}

fn main() {
    let sizes = common::sizes(&[10_000, 100_000]);
    let schema = Schema::default_schema();
    let dir = tempfile::tempdir().expect("temporary folder");
    println!(
        "| initiatives | open dashboard | draw dashboard | open map | draw map | open network | draw network |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
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
        let core = Core::new(
            ws,
            agent,
            Lang::Fr,
            Theme::new(true, false),
            KeyMap::default(),
            None,
        );
        let open_dashboard = median(runs, || DashboardState::new(&core));
        let open_map = median(runs, || MapState::new(&core));
        let open_network = median(runs, || NetworkState::new(&core));
        let mut app = App::new(core);
        let mut drawn = |make: fn(&Core) -> View| {
            app.views = vec![make(&app.core)];
            median(runs, || draw(&app))
        };
        let draw_dashboard = drawn(|c| View::Dashboard(Box::new(DashboardState::new(c))));
        let draw_map = drawn(|c| View::Map(Box::new(MapState::new(c))));
        let draw_network = drawn(|c| View::Network(Box::new(NetworkState::new(c))));
        println!(
            "| {n} | {} | {} | {} | {} | {} | {} |",
            ms(open_dashboard),
            ms(draw_dashboard),
            ms(open_map),
            ms(draw_map),
            ms(open_network),
            ms(draw_network)
        );
    }
}
