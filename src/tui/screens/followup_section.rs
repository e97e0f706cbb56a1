//! The record's follow-up part: when the fiche was last verified (and
//! whether it is to be re-checked), and the editions of an event or a
//! training, latest first.

use crate::census::editions::{self, is_event};
use crate::census::freshness::{last_verified, verifications};
use crate::census::id::InitiativeId;
use crate::census::model::Initiative;
use crate::display::inert;
use crate::i18n::fill;
use crate::tui::app::{Core, Effect};
use crate::tui::screens::Overlay;
use crate::tui::screens::edition_form::EditionForm;
use crate::tui::screens::legitimacy_section::{Part, item};
use crate::tui::words::followup::followup_ui;

pub fn parts(core: &Core, i: &Initiative) -> Vec<Part> {
    let t = followup_ui(core.lang);
    let census = &core.session.ws.census;
    let mut out = vec![Part::Section(t.section.to_string())];
    let last = last_verified(i);
    let state = match last {
        Some(at) if at.date() >= core.stale_cutoff() => t.fresh,
        _ => t.to_recheck,
    };
    let date = last.map_or(t.never.to_string(), |at| at.date().to_string());
    // Who, when the last verification was an explicit one.
    let who = verifications(i)
        .last()
        .filter(|v| v.at == last)
        .and_then(|v| v.by)
        .map(|a| inert(census.agent_name(&a)).into_owned())
        .unwrap_or_default();
    out.push(item(t.verified_on, &format!("{date} · {state}"), who));
    if is_event(&core.session.ws.schema, i) {
        let list = editions::editions(i);
        out.push(Part::Section(fill(t.editions, &[("n", &list.len())])));
        for e in &list {
            let date = e.date.map(|d| d.to_string()).unwrap_or_default();
            let n = e.participants.map_or("?".to_string(), |n| n.to_string());
            let value = fill(
                t.edition_value,
                &[("place", &e.place), ("participants", &n), ("note", &e.note)],
            );
            let value = value.trim_end_matches([' ', '·']).to_string();
            out.push(item(&date, &value, String::new()));
        }
    }
    out
}

/// `E` on a record: the edition form of an event or a training, or why not.
pub fn edition_form(core: &mut Core, id: &InitiativeId) -> Effect {
    let ws = &core.session.ws;
    match ws.census.get(id) {
        Some(i) if is_event(&ws.schema, i) => Effect::Overlay(Overlay::Edition(Box::new(
            EditionForm::new(core, id.clone()),
        ))),
        _ => {
            let e = crate::census::editions::EditionError::NotAnEvent(id.clone());
            let text = crate::i18n::Localized::localize(&e, core.lang);
            core.error(text);
            Effect::None
        }
    }
}
