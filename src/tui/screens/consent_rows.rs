//! The consent in a record's detail: a line after the personal fields
//! saying the consent in force, a mark on each personal value kept without
//! consent, and the form that records it (the `consent` key, or Enter on
//! the line).

use ratatui::text::{Line, Span};

use crate::census::consent;
use crate::census::id::InitiativeId;
use crate::census::model::Initiative;
use crate::census::schema::{Field, Schema};
use crate::display::inert;
use crate::i18n::fill;
use crate::i18n::rgpd::consent_text;
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Overlay};
use crate::tui::screens::consent_form::ConsentForm;
use crate::tui::words::consent::consent_words;

/// Whether the consent line goes after the fields of `step`: the step of
/// the last personal field, when the record holds personal values or a
/// consent.
pub fn shown_after(schema: &Schema, i: &Initiative, step: &str) -> bool {
    let last = schema.fields.iter().rev().find(|f| f.personal);
    last.is_some_and(|f| f.step == step)
        && (!consent::personal_fields(schema, i).is_empty()
            || !i.entries(consent::CONSENT).is_empty())
}

/// The label, the state in force, and who recorded it when.
pub fn cells(core: &Core, i: &Initiative) -> (&'static str, String, String) {
    let state = consent::state(i);
    let stamp = state
        .as_ref()
        .and_then(|r| Some((r.by?, r.at?)))
        .map(|(by, at)| {
            let who = inert(core.session.ws.census.agent_name(&by)).into_owned();
            format!("{} {who}", at.date())
        })
        .unwrap_or_default();
    (
        consent_words(core.lang).row_label,
        consent_text(state.as_ref(), core.lang),
        stamp,
    )
}

/// The consent line in the warning style when personal values lack consent.
pub fn style(core: &Core, i: &Initiative, line: &mut Line<'static>) {
    if consent::lacks_consent(&core.session.ws.schema, i)
        && let Some(value) = line.spans.get_mut(1)
    {
        value.style = core.theme.warning;
    }
}

/// A personal value kept without consent, marked: `⚠ value`.
pub fn marked(core: &Core, i: &Initiative, field: &str, value: String) -> String {
    let schema = &core.session.ws.schema;
    let personal = schema.field(field).is_some_and(|f: &Field| f.personal);
    if personal && i.fields.contains_key(field) && consent::lacks_consent(schema, i) {
        format!("{} {value}", consent_words(core.lang).mark)
    } else {
        value
    }
}

/// The consent line in full, with the key that records it.
pub fn focus(core: &Core, i: &Initiative) -> Line<'static> {
    let (_, state, _) = cells(core, i);
    let key = core
        .keymap
        .first_key(crate::tui::keymap::Context::Detail, Action::Consent)
        .map(|k| k.label(core.lang))
        .unwrap_or_default();
    Line::from(Span::styled(
        fill(
            consent_words(core.lang).focus_hint,
            &[("state", &state), ("key", &key)],
        ),
        core.theme.focus,
    ))
}

/// Opens the consent form over the record.
pub fn open(core: &Core, id: &InitiativeId) -> Effect {
    match ConsentForm::open(core, id.clone()) {
        Some(form) => Effect::Overlay(Overlay::Consent(Box::new(form))),
        None => Effect::None,
    }
}

/// The dashboard's line: how many records of the list keep personal values
/// without consent; Enter opens the first of them.
pub fn dashboard_item(core: &Core) -> Option<crate::tui::screens::dashboard::Item> {
    let ws = &core.session.ws;
    let personal = consent::PersonalFields::of(&ws.schema);
    let mut lacking = core
        .list
        .rows()
        .iter()
        .map(|&n| &ws.census.initiatives[n])
        .filter(|i| i.is_live() && personal.lack_consent(i));
    let first = lacking.next()?;
    let n = 1 + lacking.count();
    let key = core
        .keymap
        .first_key(crate::tui::keymap::Context::Detail, Action::Consent)
        .map(|k| format!("({})", k.label(core.lang)))
        .unwrap_or_default();
    Some(crate::tui::screens::dashboard::Item {
        label: fill(consent_words(core.lang).dashboard_line, &[("n", &n)]),
        n: None,
        note: key,
        target: crate::tui::screens::dashboard::Target::Open(first.id.clone()),
    })
}
