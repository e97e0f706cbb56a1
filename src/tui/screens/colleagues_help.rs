//! The short help page on working with colleagues (`:collègues`, named at
//! the end of the keys' help and in every refusal that needs a colleague):
//! copies sent by e-mail or git, `:merge`, confirming, evidence, duplicates.
//! Its keys come from the live keymap.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::display::width;

use crate::i18n::{Lang, fill};
use crate::tui::action::Action;
use crate::tui::app::Core;
use crate::tui::keymap::Context;
use crate::tui::widgets::scroll::Scroll;
use crate::tui::words::refusal::refusal;

/// The command that opens the page, in the interface's language.
pub fn command(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => ":collègues",
        Lang::En => ":colleagues",
    }
}

/// The line that ends the keys' help and leads here.
pub fn help_row(lang: Lang) -> (String, &'static str) {
    (command(lang).to_string(), refusal(lang).colleagues_row)
}

/// The page's text, its keys from the keymap.
pub fn text(core: &Core) -> String {
    let key = |context, action| {
        core.keymap
            .first_key(context, action)
            .map_or_else(|| "?".to_string(), |k| k.label(core.lang))
    };
    fill(
        refusal(core.lang).colleagues_text,
        &[
            ("confirm", &key(Context::Detail, Action::ConfirmRecord)),
            ("evidence", &key(Context::Detail, Action::AddEvidence)),
            ("conflicts", &key(Context::List, Action::Conflicts)),
            ("duplicates", &key(Context::List, Action::Duplicates)),
        ],
    )
}

pub fn draw(core: &Core, scroll: &Scroll, frame: &mut Frame, area: Rect) {
    let theme = &core.theme;
    let ui = core.ui();
    let popup = area.centered(Constraint::Percentage(90), Constraint::Percentage(90));
    frame.render_widget(Clear, popup);
    let close = core
        .keymap
        .first_key(Context::Help, Action::Back)
        .map(|k| k.label(core.lang))
        .unwrap_or_default();
    let bottom = format!(
        " {close}{}{} ",
        ui.colon,
        crate::tui::words::ui::action_label(Action::Back, core.lang).1
    );
    let block = Block::bordered()
        .border_set(theme.border())
        .title(Span::styled(
            format!(" {} ", refusal(core.lang).colleagues_title),
            theme.title,
        ))
        .title_bottom(Span::styled(bottom, theme.muted));
    let inner = block.inner(popup);
    let lines = wrap(&text(core), inner.width as usize);
    let offset = scroll.fit(lines.len(), inner.height as usize);
    let shown: Vec<Line> = lines.into_iter().skip(offset).map(Line::from).collect();
    frame.render_widget(Paragraph::new(shown).block(block), popup);
}

/// The text cut into lines of at most `width` columns, at spaces.
fn wrap(text: &str, columns: usize) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ') {
            if !line.is_empty() && width(&line) + 1 + width(word) > columns.max(1) {
                out.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        out.push(line);
    }
    out
}
