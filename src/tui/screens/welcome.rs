//! First run: who you are, which territory, and whether to start from a
//! bundled sample or an empty census.

use crate::tui::widgets::error_text::error_span;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::display::inert;
use crate::i18n::Lang;
use crate::tui::action::Action;
use crate::tui::app::Input;
use crate::tui::keymap::Context;
use crate::tui::theme::Theme;
use crate::tui::widgets::input::TextInput;
use crate::tui::words::ui::ui;

/// The samples shipped in the binary.
pub const SAMPLE_BREST: &str = include_str!("../../../sample-data/pays-de-brest.ron");
pub const SAMPLE_GRENOBLE: &str = include_str!("../../../sample-data/grenoble.ron");

/// How the new census starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    SampleBrest,
    SampleGrenoble,
    Empty,
}

impl Start {
    const ALL: [Start; 3] = [Start::SampleBrest, Start::SampleGrenoble, Start::Empty];

    /// The text of the sample, if any.
    pub fn sample(self) -> Option<&'static str> {
        match self {
            Start::SampleBrest => Some(SAMPLE_BREST),
            Start::SampleGrenoble => Some(SAMPLE_GRENOBLE),
            Start::Empty => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WelcomeProgress {
    Editing,
    Quit,
    Done {
        name: String,
        territory: String,
        start: Start,
        /// The perimeter's canonical text; empty: none typed (a sample
        /// keeps its own).
        perimeter: String,
    },
}

#[derive(Debug, Clone)]
pub struct WelcomeState {
    pub name: TextInput,
    pub territory: TextInput,
    /// Optional; reached with Tab (Enter on the territory goes on to how
    /// to start).
    pub perimeter: TextInput,
    start: usize,
    /// 0: name, 1: territory, 2: perimeter, 3: how to start.
    focus: usize,
    /// Only the name is asked when the census already exists.
    pub census_exists: bool,
    error: Option<String>,
}

impl WelcomeState {
    pub fn new(name: &str, territory: &str, census_exists: bool) -> WelcomeState {
        WelcomeState {
            name: TextInput::new(name),
            territory: TextInput::new(territory),
            perimeter: TextInput::new(""),
            // An empty census unless a sample is chosen: a territory typed
            // is never given a sample's initiatives by default.
            start: Start::ALL.len() - 1,
            focus: 0,
            census_exists,
            error: None,
        }
    }

    fn last_focus(&self) -> usize {
        if self.census_exists { 0 } else { 3 }
    }

    /// The perimeter typed, as canonical text, or why it is refused.
    fn perimeter_spec(&self, lang: Lang) -> Result<String, String> {
        let text = self.perimeter.text().trim();
        if text.is_empty() {
            return Ok(String::new());
        }
        let r = crate::census::territory::referential();
        r.parse_perimeter(text)
            .map(|parts| r.perimeter_spec(&parts))
            .map_err(|e| crate::i18n::territory::perimeter_error(&e, lang))
    }

    pub fn context(&self) -> Context {
        if self.focus == 3 {
            Context::Picker
        } else {
            Context::Wizard
        }
    }

    pub fn update(&mut self, input: Input, lang: Lang) -> WelcomeProgress {
        let ui = ui(lang);
        self.error = None;
        match input.action {
            Some(Action::Cancel) => return WelcomeProgress::Quit,
            Some(Action::NextField) => self.focus = (self.focus + 1).min(self.last_focus()),
            Some(Action::PreviousField) => self.focus = self.focus.saturating_sub(1),
            Some(Action::MoveDown) => self.start = (self.start + 1).min(Start::ALL.len() - 1),
            Some(Action::MoveUp) => self.start = self.start.saturating_sub(1),
            Some(Action::Confirm) | Some(Action::Toggle) if self.focus < self.last_focus() => {
                if self.focus == 0 && self.name.text().trim().is_empty() {
                    self.error = Some(ui.welcome_need_name.to_string());
                } else if self.focus == 1 && self.territory.text().trim().is_empty() {
                    self.error = Some(ui.welcome_need_territory.to_string());
                } else if self.focus == 2
                    && let Err(e) = self.perimeter_spec(lang)
                {
                    self.error = Some(e);
                } else {
                    // The perimeter is optional: Enter on the territory
                    // goes on to how to start.
                    self.focus = if self.focus == 1 { 3 } else { self.focus + 1 };
                }
            }
            Some(Action::Confirm) => {
                if self.name.text().trim().is_empty() {
                    self.focus = 0;
                    self.error = Some(ui.welcome_need_name.to_string());
                } else if !self.census_exists && self.territory.text().trim().is_empty() {
                    self.focus = 1;
                    self.error = Some(ui.welcome_need_territory.to_string());
                } else {
                    let perimeter = match self.perimeter_spec(lang) {
                        Ok(p) => p,
                        Err(e) => {
                            self.focus = 2;
                            self.error = Some(e);
                            return WelcomeProgress::Editing;
                        }
                    };
                    return WelcomeProgress::Done {
                        name: self.name.text().trim().to_string(),
                        territory: self.territory.text().trim().to_string(),
                        start: Start::ALL[self.start],
                        perimeter,
                    };
                }
            }
            _ => {
                match self.focus {
                    0 => self.name.handle(input.key),
                    1 => self.territory.handle(input.key),
                    2 => self.perimeter.handle(input.key),
                    _ => false,
                };
            }
        }
        WelcomeProgress::Editing
    }

    pub fn draw(&self, theme: &Theme, lang: Lang, frame: &mut Frame) {
        let ui = ui(lang);
        let area = frame.area();
        let popup = area.centered(Constraint::Max(70), Constraint::Max(20));
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(format!(" {} ", ui.welcome_title), theme.title))
            .title_bottom(Span::styled(format!(" {} ", ui.welcome_hint), theme.muted));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [intro, name, territory, perimeter, start, error] = inner.layout(&Layout::vertical([
            Constraint::Length(3),
            Constraint::Length(2),
            Constraint::Length(2),
            Constraint::Length(2),
            Constraint::Length(6),
            Constraint::Fill(1),
        ]));
        frame.render_widget(
            Paragraph::new(ui.welcome_text).wrap(Wrap { trim: true }),
            intro,
        );
        let field =
            |frame: &mut Frame, area: Rect, label: &str, input: &TextInput, focused: bool| {
                let style = if focused { theme.focus } else { theme.normal };
                frame.render_widget(
                    Paragraph::new(vec![
                        Line::from(Span::styled(label.to_string(), theme.muted)),
                        Line::from(Span::styled(format!("> {}", inert(input.text())), style)),
                    ]),
                    area,
                );
                if focused {
                    let before: String = input.text().chars().take(input.cursor()).collect();
                    frame.set_cursor_position((
                        area.x + 2 + crate::display::width(&inert(&before)) as u16,
                        area.y + 1,
                    ));
                }
            };
        field(frame, name, ui.welcome_name, &self.name, self.focus == 0);
        if !self.census_exists {
            field(
                frame,
                territory,
                ui.welcome_territory,
                &self.territory,
                self.focus == 1,
            );
            field(
                frame,
                perimeter,
                crate::tui::words::territory::territory_ui(lang).perimeter_label,
                &self.perimeter,
                self.focus == 2,
            );
            let labels = [
                ui.welcome_sample_brest,
                ui.welcome_sample_grenoble,
                ui.welcome_empty,
            ];
            let flow = crate::tui::words::flow::flow(lang);
            let choose = if theme.ascii {
                flow.welcome_choose_ascii
            } else {
                flow.welcome_choose
            };
            let mut lines = vec![Line::from(Span::styled(choose, theme.muted))];
            for (n, label) in labels.iter().enumerate() {
                let mark = if n == self.start {
                    theme.pointer()
                } else {
                    " "
                };
                let style = if n == self.start && self.focus == 3 {
                    theme.selected
                } else {
                    theme.normal
                };
                lines.push(Line::from(Span::styled(format!(" {mark} {label}"), style)));
            }
            if self.start != Start::ALL.len() - 1 {
                lines.push(Line::from(Span::styled(
                    flow.welcome_sample_note,
                    theme.muted,
                )));
            }
            frame.render_widget(Paragraph::new(lines), start);
        }
        if let Some(e) = &self.error {
            frame.render_widget(
                Paragraph::new(error_span(e, theme, lang)).wrap(Wrap { trim: true }),
                error,
            );
        }
    }
}

#[cfg(test)]
#[path = "welcome_tests.rs"]
mod tests;
