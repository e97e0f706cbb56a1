//! The record's follow-up: its actions, latest first, each with its next
//! step (due date, for whom) and whether it was done.

use crate::census::actions::{ACTION_KINDS, actions};
use crate::census::model::Initiative;
use crate::display::inert;
use crate::i18n::fill;
use crate::tui::app::Core;
use crate::tui::screens::legitimacy_section::{Part, item, one_line};
use crate::tui::words::actions::follow;

pub fn parts(core: &Core, i: &Initiative) -> Vec<Part> {
    let t = follow(core.lang);
    let census = &core.session.ws.census;
    let schema = &core.session.ws.schema;
    let all = actions(i);
    let mut out = vec![Part::Section(fill(t.section, &[("n", &all.len())]))];
    if all.is_empty() {
        out.push(item("", t.none, String::new()));
    }
    let name = |a: crate::census::AgentId| inert(census.agent_name(&a)).into_owned();
    for a in &all {
        let kind = schema
            .choice_label(ACTION_KINDS, &a.kind, core.lang)
            .to_string();
        let mut value = one_line(&a.note);
        if let Some(n) = &a.next {
            let mut step = format!(
                "{}{}{} ({}",
                t.then,
                core.ui().colon,
                one_line(&n.text),
                fill(t.due_on, &[("due", &n.due)])
            );
            if let Some(f) = n.for_agent {
                step.push_str(", ");
                step.push_str(&fill(t.for_whom, &[("who", &name(f))]));
            }
            step.push(')');
            if !a.is_open() {
                step.push_str(&format!(" [{}]", t.done_mark));
            }
            value = if value.is_empty() {
                step
            } else {
                format!("{value} · {step}")
            };
        }
        let date = a.date.map(|d| d.to_string()).unwrap_or_default();
        let who = a.by.map(name).unwrap_or_default();
        out.push(item(
            &kind,
            &value,
            format!("{date} {who}").trim().to_string(),
        ));
    }
    out
}
