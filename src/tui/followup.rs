//! The follow-up over the years in the interface: a fiche verified with
//! `V`, the filter of fiches to re-check, an edition added to an event.
//! Each calls the session as `recense verify` and `recense edition add` do.

use crate::census::editions::EditionSpec;
use crate::census::freshness::months_before;
use crate::census::id::InitiativeId;
use crate::census::time::Date;
use crate::i18n::{Localized, fill};
use crate::tui::app::Core;
use crate::tui::words::followup::followup_ui;

impl Core {
    /// Records that the fiche `id` was verified today; says so.
    pub fn verify(&mut self, id: &InitiativeId) {
        match self.session.verify(id, "") {
            Ok(()) => {
                self.after_change(id);
                let name = self.name_of(id);
                self.say(fill(followup_ui(self.lang).verified, &[("name", &name)]));
            }
            Err(e) => {
                let text = e.localize(self.lang);
                self.error(text);
            }
        }
    }

    /// Records an edition of the event `id`; on disk when this returns `Ok`.
    pub fn add_edition(&mut self, id: &InitiativeId, spec: &EditionSpec) -> Result<(), String> {
        (self.session.add_edition(id, spec)).map_err(|e| e.localize(self.lang))?;
        self.after_change(id);
        let name = self.name_of(id);
        self.say(fill(
            followup_ui(self.lang).edition_added,
            &[("name", &name)],
        ));
        Ok(())
    }

    /// The day before which a fiche is to be re-checked.
    pub fn stale_cutoff(&self) -> Date {
        let months = self.session.ws.schema.periods.freshness_months;
        months_before(self.session.clock.now().date(), months)
    }

    /// Shows only the fiches to re-check, oldest first.
    pub fn filter_stale(&mut self) {
        self.list.filter.stale_before = Some(self.stale_cutoff());
        self.refresh_list();
    }

    fn name_of(&self, id: &InitiativeId) -> String {
        let ws = &self.session.ws;
        let name = ws
            .census
            .get(id)
            .and_then(|i| i.value(&ws.schema.name_field));
        crate::display::inert(name.unwrap_or("?")).into_owned()
    }
}
