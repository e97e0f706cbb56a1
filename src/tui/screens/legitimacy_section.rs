//! The record's legitimizing part: the status with who set it and when, its
//! score, what is missing to reach the next status, the status history, the
//! evidence and the confirmations — newest first, so a change made now shows
//! at the top of its section.

use crate::census::id::AgentId;
use crate::census::model::Initiative;
use crate::census::status;
use crate::census::time::{Date, Timestamp};
use crate::display::inert;
use crate::i18n::{fill, status_label};
use crate::tui::app::Core;
use crate::tui::words::legitimize::legit;

/// One line of the record: a label, a value, who and when; `full` is what
/// the focus line shows when it is selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub value: String,
    pub stamp: String,
    pub full: String,
}

/// A section title or a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Section(String),
    Item(Item),
}

/// A line of a record's section (legitimacy, follow-up, actions,
/// supports): label and value on one line and inert; `full` joins the three.
pub(crate) fn item(label: &str, value: &str, stamp: String) -> Part {
    let (label, value) = (one_line(label), one_line(value));
    let full = [label.as_str(), value.as_str(), stamp.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" — ");
    Part::Item(Item {
        label,
        value,
        stamp,
        full,
    })
}

/// A text on one line, inert.
pub(crate) fn one_line(s: &str) -> String {
    inert(&s.replace(['\n', '\t'], " ")).into_owned()
}

/// `date who`, as beside a changed field.
fn stamp(core: &Core, date: Option<Date>, who: Option<AgentId>) -> String {
    let date = date.map(|d| d.to_string()).unwrap_or_default();
    let who = who.map_or(String::new(), |a| {
        inert(core.session.ws.census.agent_name(&a)).into_owned()
    });
    format!("{date} {who}").trim().to_string()
}

fn day(t: Option<Timestamp>) -> Option<Date> {
    t.map(Timestamp::date)
}

/// The rung above the current status, if the initiative is on the ladder
/// below the top.
fn next_status(current: &str) -> Option<&'static str> {
    let at = status::LADDER.iter().position(|s| *s == current)?;
    status::LADDER.get(at + 1).copied()
}

pub fn parts(core: &Core, i: &Initiative) -> Vec<Part> {
    let t = legit(core.lang);
    let lang = core.lang;
    let schema = &core.session.ws.schema;
    let today = core.session.clock.now().date();
    let current = status::current(i);
    let mut out = vec![Part::Section(t.section_status.to_string())];

    let set_by = i
        .last_change(status::STATUS_FIELD)
        .and_then(|s| s.dot())
        .map(|d| d.agent)
        .or_else(|| status::creator(i));
    out.push(item(
        t.status,
        status_label(current, lang),
        stamp(core, day(status::since(i)), set_by),
    ));
    let score = status::score(schema, i, today);
    let words = crate::i18n::score::score_words(lang);
    out.push(item(
        words.name,
        &format!(
            "{} ({})",
            crate::i18n::score::score_value(score, lang),
            words.meaning
        ),
        String::new(),
    ));
    if let Some(next) = next_status(current) {
        let missing = status::missing_to_reach(schema, i, next, today);
        let next = status_label(next, lang);
        if missing.is_empty() {
            let label = fill(t.ready_for, &[("status", &next)]);
            out.push(item(&label, t.nothing_missing, String::new()));
        }
        for (n, m) in missing.iter().enumerate() {
            let label = if n == 0 {
                fill(t.missing_for, &[("status", &next)])
            } else {
                String::new()
            };
            let text = crate::tui::refusals::missing_here(&crate::tui::refusals::Here::of(core), m);
            out.push(item(&label, &text, String::new()));
        }
    }

    out.push(Part::Section(t.section_history.to_string()));
    let history = status::history(i);
    if history.is_empty() {
        out.push(item("", t.none, String::new()));
    }
    for c in history.iter().rev() {
        out.push(item(
            status_label(&c.status, lang),
            &c.comment,
            stamp(core, day(c.at), c.by),
        ));
    }

    let evidence = status::evidence(i);
    out.push(Part::Section(fill(
        t.section_evidence,
        &[("n", &evidence.len())],
    )));
    if evidence.is_empty() {
        out.push(item("", t.none, String::new()));
    }
    for e in &evidence {
        let kind = schema.choice_label(status::EVIDENCE_KINDS, &e.kind, lang);
        let value = match (e.note.trim().is_empty(), e.url.is_empty()) {
            (_, true) => e.note.clone(),
            (true, false) => e.url.clone(),
            (false, false) => format!("{} · {}", e.note.trim(), e.url),
        };
        out.push(item(kind, &value, stamp(core, e.date.or(day(e.at)), e.by)));
    }

    let mut confirmations = status::confirmations(i);
    confirmations.sort_by_key(|(_, _, at)| std::cmp::Reverse(*at));
    out.push(Part::Section(fill(
        t.section_confirmations,
        &[("n", &confirmations.len())],
    )));
    if confirmations.is_empty() {
        out.push(item("", t.none, String::new()));
    }
    for (agent, comment, at) in &confirmations {
        let who = inert(core.session.ws.census.agent_name(agent)).into_owned();
        let label = format!("{} {who}", t.confirmed_by);
        out.push(item(&label, comment, stamp(core, day(*at), None)));
    }
    out
}
