//! The dashboard's panel of white zones: the communes of the perimeter with
//! neither initiative nor structure relais among what the list shows,
//! largest population first, under the initiatives per 10,000 inhabitants.
//! Nothing is computed, nor the referential read, when the census declares
//! no perimeter.

use crate::census::coverage::coverage;
use crate::census::territory::referential;
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
            name: c.name.clone(),
            code_insee: c.insee.clone(),
            code_postal: match c.postal_codes.as_slice() {
                [one] => Some(one.clone()),
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
