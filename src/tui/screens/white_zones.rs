//! The dashboard's panel of white zones: the communes of the perimeter with
//! neither initiative nor structure relais among what the list shows,
//! largest population first, under the initiatives per 10,000 inhabitants.
//! Nothing is computed, nor the referential read, when the census declares
//! no perimeter.

use ratatui::text::{Line, Span};

use crate::census::coverage::coverage;
use crate::census::territory::referential;
use crate::display::inert;
use crate::i18n::fill;
use crate::i18n::territory::{population, tenths};
use crate::tui::app::Core;
use crate::tui::screens::dashboard::{Item, Panel, Target};
use crate::tui::words::territory::territory_ui;

/// How many white zones the panel lists (the rest: `recense communes`).
pub const SHOWN: usize = 12;

/// A commune without initiative, to filter on or to add one in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhiteZone {
    pub name: String,
    pub code_insee: String,
    /// Its postal code when it has only one.
    pub code_postal: Option<String>,
}

impl WhiteZone {
    fn of(index: usize) -> WhiteZone {
        let c = &referential().communes[index];
        WhiteZone {
            name: c.name.to_string(),
            code_insee: c.insee.to_string(),
            code_postal: match c.postal_codes.as_slice() {
                [one] => Some(one.to_string()),
                _ => None,
            },
        }
    }
}

/// The panel, when the census declares a perimeter.
pub fn panel(core: &Core) -> Option<Panel> {
    let ws = &core.session.ws;
    let cov = coverage(&ws.census, &ws.schema, core.list.rows())?;
    let t = territory_ui(core.lang);
    let white: Vec<_> = cov.white().collect();
    let mut items = vec![Item {
        label: fill(
            t.per_10k,
            &[("population", &population(cov.population, core.lang))],
        ),
        n: None,
        note: cov
            .per_10k_tenths()
            .map_or_else(|| "—".to_string(), |x| tenths(x, core.lang)),
        target: Target::Nothing,
    }];
    items.extend(white.iter().take(SHOWN).map(|c| Item {
        label: c.commune.clone(),
        n: None,
        note: fill(
            t.inhabitants,
            &[("n", &population(u64::from(c.population), core.lang))],
        ),
        target: Target::WhiteZone(WhiteZone::of(c.index)),
    }));
    if white.len() > SHOWN {
        items.push(Item {
            label: fill(t.more, &[("n", &(white.len() - SHOWN))]),
            n: None,
            note: String::new(),
            target: Target::Nothing,
        });
    }
    Some(Panel {
        title: fill(
            t.white_title,
            &[("white", &white.len()), ("total", &cov.communes.len())],
        ),
        items,
        max: 0,
    })
}

/// The names of the perimeter's communes without any initiative among what
/// the list shows, largest population first; none without a perimeter.
pub fn names(core: &Core) -> Vec<String> {
    let ws = &core.session.ws;
    coverage(&ws.census, &ws.schema, core.list.rows()).map_or_else(Vec::new, |cov| {
        cov.communes
            .iter()
            .filter(|c| c.initiatives == 0)
            .map(|c| c.commune.clone())
            .collect()
    })
}

/// The map legend's lines naming them, under a blank line (as many as the
/// legend has room for: the rest is cut by the frame).
pub fn legend(core: &Core, names: &[String], w: usize) -> Vec<Line<'static>> {
    if names.is_empty() {
        return Vec::new();
    }
    let theme = &core.theme;
    let t = territory_ui(core.lang);
    let mut lines = vec![
        Line::default(),
        Line::from(Span::styled(
            theme
                .truncate(
                    &format!(" {}", fill(t.map_white, &[("n", &names.len())])),
                    w,
                )
                .into_owned(),
            theme.title,
        )),
    ];
    lines.extend(names.iter().map(|n| {
        Line::from(Span::raw(
            theme.truncate(&format!("  {}", inert(n)), w).into_owned(),
        ))
    }));
    lines
}
