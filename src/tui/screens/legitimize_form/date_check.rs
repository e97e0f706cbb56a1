//! The evidence date, checked when the cursor leaves its field: in plain
//! words, the cursor kept on it (the save checks it again).

use super::{Kind, LegitimizeForm};
use crate::census::status::{StatusError, evidence_dates};
use crate::census::time::Date;
use crate::i18n::{Localized, fill};
use crate::tui::app::Core;
use crate::tui::words::flow::flow_ui;

/// Where the date is among the evidence form's fields.
const DATE: usize = 1;

impl LegitimizeForm {
    /// Whether the date being left is refused; the reason is then shown.
    pub(super) fn date_refused(&mut self, core: &Core) -> bool {
        if self.kind != Kind::Evidence || self.focus != DATE {
            return false;
        }
        let text = self.value(DATE);
        let text = text.trim();
        if text.is_empty() {
            // Left empty: today.
            return false;
        }
        let now = core.session.clock.now();
        let problem = match Date::parse(text) {
            None => Some(fill(
                flow_ui(core.lang).bad_date,
                &[("text", &crate::display::inert(text))],
            )),
            Some(date) => {
                let (earliest, latest) = evidence_dates(now);
                (!(earliest..=latest).contains(&date)).then(|| {
                    StatusError::EvidenceDate {
                        date,
                        earliest,
                        latest,
                    }
                    .localize(core.lang)
                })
            }
        };
        let refused = problem.is_some();
        self.error = problem;
        refused
    }
}
