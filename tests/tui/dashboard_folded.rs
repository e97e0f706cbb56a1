//! The dashboard at 80x24: the bars at 0 of a panel are folded into one line
//! (« 6 autres à 0 »), in the language of the interface.

use crate::tui_common::*;

use recense::census::status;
use recense::i18n::Lang;
use recense::tui::app::View;
use recense::tui::screens::dashboard::{DashboardState, Target};

fn dashboard(h: &Harness) -> &DashboardState {
    match h.app.views.last() {
        Some(View::Dashboard(d)) => d,
        other => panic!("the dashboard is not open: {other:?}"),
    }
}

/// The kinds of the schema no live initiative has, read from the census.
fn kinds_at_zero(h: &Harness) -> Vec<String> {
    let ws = &h.app.core.session.ws;
    let schema = &ws.schema;
    let list = schema
        .field(&schema.kind_field)
        .and_then(|f| f.field_type.choice_list())
        .expect("a list of kinds");
    schema
        .choices(list)
        .iter()
        .filter(|c| {
            ws.census
                .live()
                .all(|i| i.value(&schema.kind_field) != Some(c.id.as_str()))
        })
        .map(|c| {
            schema
                .choice_label(list, &c.id, h.app.core.lang)
                .to_string()
        })
        .collect()
}

#[test]
fn bars_at_zero_are_one_line_per_panel() {
    for (lang, folded) in [(Lang::Fr, "autres à 0"), (Lang::En, "others at 0")] {
        let mut h = Harness::sample_with(
            "pays-de-brest",
            Setup {
                lang,
                ..Setup::default()
            },
        );
        h.keys("T");
        let zeros = kinds_at_zero(&h);
        assert!(zeros.len() >= 2, "the sample leaves kinds at 0: {zeros:?}");
        let d = dashboard(&h);
        for panel in &d.panels {
            assert!(
                panel.items.iter().all(|i| i.n != Some(0)),
                "no bar at 0 in {}",
                panel.title
            );
        }
        let kinds = &d.panels[0].items;
        let last = kinds.last().expect("kinds");
        assert_eq!(last.label, format!("{} {folded}", zeros.len()));
        assert_eq!((last.n, &last.target), (None, &Target::Nothing));
        assert!(kinds.iter().all(|i| !zeros.contains(&i.label)));
        // The statuses at 0 too: every status is either a bar or counted in
        // the folded line.
        let statuses = &d.panels[1].items;
        let bars = statuses.iter().filter(|i| i.n.is_some()).count();
        let at_zero = status::STATUSES.len() - bars;
        assert_eq!(
            statuses.last().unwrap().label,
            format!("{at_zero} {folded}")
        );
        // On screen, with Enter on it doing nothing.
        let screen = h.screen(80, 24);
        assert!(screen.contains(&last.label), "{screen}");
        let (panel, item) = (0, kinds.len() - 1);
        h.keys("g");
        for _ in 0..item {
            h.keys("j");
        }
        assert_eq!(dashboard(&h).cursor, (panel, item));
        h.keys("enter");
        assert!(matches!(h.app.views.last(), Some(View::Dashboard(_))));
    }
}
