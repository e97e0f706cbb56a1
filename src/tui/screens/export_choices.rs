//! The export screen's two explicit choices of what a file holds — public
//! first (a file leaving the service), internal with personal data second —
//! each line saying its own state, so neither describes the other. Other
//! options of the export screen can be added here as more lines.

use ratatui::text::{Line, Span};

use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::app::Core;
use crate::tui::keymap::Context;
use crate::tui::words::comfort::comfort;
use crate::tui::words::flow::flow;
use crate::tui::words::transfer::transfer;

/// The lines of the choice: `public` is `None` for a format that never holds
/// personal data (one line says so); then, for a CSV (`bom` not `None`),
/// whether it starts with the byte order mark Excel needs.
pub fn lines(
    core: &Core,
    public: Option<bool>,
    bom: Option<bool>,
    width: usize,
) -> Vec<Line<'static>> {
    let mut out = choice_lines(core, public, width);
    if let Some(bom) = bom {
        let t = comfort(core.lang);
        let mut text = format!("{} {}", core.theme.checked(bom), t.bom_toggle);
        // The key as the keymap (and `keys.ron`) has it.
        if let Some(key) = core.keymap.first_key(Context::Export, Action::Bom) {
            text.push(' ');
            text.push_str(&fill(t.bom_key, &[("key", &key.label(core.lang))]));
        }
        out.push(Line::from(Span::styled(
            core.theme.truncate(&text, width).into_owned(),
            core.theme.normal,
        )));
    }
    out
}

fn choice_lines(core: &Core, public: Option<bool>, width: usize) -> Vec<Line<'static>> {
    let theme = &core.theme;
    let line = |text: String, style| {
        Line::from(Span::styled(
            theme.truncate(&text, width).into_owned(),
            style,
        ))
    };
    let Some(public) = public else {
        return vec![line(
            transfer(core.lang).export_always_public.to_string(),
            theme.normal,
        )];
    };
    let f = flow(core.lang);
    let internal_style = if public { theme.normal } else { theme.warning };
    vec![
        line(
            format!("{} {}", theme.checked(public), f.export_choice_public),
            theme.normal,
        ),
        line(
            format!("{} {}", theme.checked(!public), f.export_choice_internal),
            internal_style,
        ),
    ]
}
