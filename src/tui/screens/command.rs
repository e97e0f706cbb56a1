//! The `:` command line, drawn over the hint bar. What it runs (`:w`, `:q`,
//! `:merge FILE`…) is `App::run_command`.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Paragraph;

use crate::display::{inert, width};
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;

/// The command being typed.
#[derive(Debug, Default)]
pub struct CommandLine {
    line: TextInput,
}

impl Screen for CommandLine {
    fn context(&self, _core: &Core) -> Context {
        Context::Search
    }

    /// Enter closes the line and runs the command (`App::run_command`);
    /// Esc closes it.
    fn update(&mut self, _core: &mut Core, input: Input) -> Effect {
        match input.action {
            Some(Action::Confirm) => {
                let command = self.line.text().trim().to_string();
                Effect::Close.then(Effect::Run(command))
            }
            Some(Action::Cancel) => Effect::Close,
            _ => {
                self.line.handle(input.key);
                Effect::None
            }
        }
    }

    fn draw(&self, _core: &Core, frame: &mut Frame, area: Rect) {
        let line = &self.line;
        let text = format!(":{}", inert(line.text()));
        // Over the hint bar: nothing of the hints shows through.
        frame.render_widget(ratatui::widgets::Clear, area);
        frame.render_widget(Paragraph::new(text), area);
        let before: String = line.text().chars().take(line.cursor()).collect();
        frame.set_cursor_position((area.x + 1 + width(&inert(&before)) as u16, area.y));
    }

    fn in_hint_bar(&self) -> bool {
        true
    }
}
