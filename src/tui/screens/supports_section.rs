//! The record's supports (`$`, `recense support add`): each as its kind,
//! year, amount in euros and from whom, latest year first, with who
//! recorded it and when. Nothing when none is recorded.

use crate::census::model::Initiative;
use crate::census::supports::{kinds_list, supports};
use crate::display::inert;
use crate::i18n::fill;
use crate::i18n::record_supports::{record_supports, support_value};
use crate::tui::app::Core;
use crate::tui::screens::legitimacy_section::{Part, item};

pub fn parts(core: &Core, i: &Initiative) -> Vec<Part> {
    let census = &core.session.ws.census;
    let schema = &core.session.ws.schema;
    let list = kinds_list(schema).unwrap_or_default();
    let all = supports(i);
    // None recorded: no section (the form's field of supports received
    // already says what is known).
    if all.is_empty() {
        return Vec::new();
    }
    let t = record_supports(core.lang);
    let mut out = vec![Part::Section(fill(t.section, &[("n", &all.len())]))];
    for s in &all {
        let label = schema.choice_label(list, &s.kind, core.lang).to_string();
        let date = s.at.map(|t| t.date().to_string()).unwrap_or_default();
        let who =
            s.by.map(|a| inert(census.agent_name(&a)).into_owned())
                .unwrap_or_default();
        out.push(item(
            &label,
            &support_value(s, core.lang),
            format!("{date} {who}").trim().to_string(),
        ));
    }
    out
}
