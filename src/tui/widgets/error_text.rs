//! An error under a form or a field: red and bold in colour, and led by the
//! word « Erreur : » without colour, where bold alone does not tell it.

use ratatui::text::Span;

use crate::lang::Lang;
use crate::tui::theme::Theme;
use crate::tui::words::flow::error_marked;

/// The error `text`, made inert, marked and styled as an error.
pub fn error_span(text: &str, theme: &Theme, lang: Lang) -> Span<'static> {
    let text = crate::display::inert(text);
    Span::styled(
        error_marked(&text, true, theme, lang).into_owned(),
        theme.error,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_colour_the_error_is_led_by_a_word() {
        let plain = Theme::new(false, false);
        assert_eq!(
            error_span("date invalide", &plain, Lang::Fr).content,
            "Erreur : date invalide"
        );
        assert_eq!(
            error_span("bad date", &plain, Lang::En).content,
            "Error: bad date"
        );
        let coloured = Theme::new(true, false);
        assert_eq!(
            error_span("date invalide", &coloured, Lang::Fr).content,
            "date invalide"
        );
    }
}
