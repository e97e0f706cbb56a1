//! Possible duplicates, the two records side by side: fuse them (keeping
//! either), or say they are different (remembered, and shared at the next
//! merge).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::census::duplicates::{Pair, all_pairs};
use crate::census::id::InitiativeId;
use crate::display::{inert, width};
use crate::i18n::{duplicate_reason, fill};
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input, View};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::screens::detail::{DetailState, field_value};

#[derive(Debug, Clone, Default)]
pub struct DuplicatesState {
    pairs: Vec<Pair>,
    cursor: usize,
    /// Keep the right-hand record instead of the left.
    swapped: bool,
}

impl DuplicatesState {
    /// Finds the pairs now (on a large census this takes a moment, once).
    pub fn new(core: &Core) -> DuplicatesState {
        DuplicatesState {
            pairs: all_pairs(&core.session.ws.census, &core.session.ws.schema),
            cursor: 0,
            swapped: false,
        }
    }

    /// (kept, taken in) of the selected pair.
    fn sides(&self) -> Option<(&InitiativeId, &InitiativeId)> {
        let p = self.pairs.get(self.cursor)?;
        Some(if self.swapped {
            (&p.b, &p.a)
        } else {
            (&p.a, &p.b)
        })
    }

    fn forget(&mut self, gone: &[&InitiativeId]) {
        self.pairs
            .retain(|p| !gone.contains(&&p.a) && !gone.contains(&&p.b));
        self.cursor = self.cursor.min(self.pairs.len().saturating_sub(1));
        self.swapped = false;
    }
}

impl Screen for DuplicatesState {
    fn context(&self, _core: &Core) -> Context {
        Context::Duplicates
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        let Some(action) = input.action else {
            return Effect::None;
        };
        let last = self.pairs.len().saturating_sub(1);
        match action {
            Action::MoveDown => self.cursor = (self.cursor + 1).min(last),
            Action::MoveUp => self.cursor = self.cursor.saturating_sub(1),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::PageDown => self.cursor = (self.cursor + 5).min(last),
            Action::PageUp => self.cursor = self.cursor.saturating_sub(5),
            Action::Swap => self.swapped = !self.swapped,
            Action::Back => return Effect::Close,
            Action::Open => {
                if let Some((keep, _)) = self.sides() {
                    return Effect::Push(View::Detail(Box::new(DetailState::new(keep.clone()))));
                }
            }
            Action::Fuse => {
                let Some((keep, other)) = self.sides().map(|(k, o)| (k.clone(), o.clone())) else {
                    return Effect::None;
                };
                let before = core.conflicts;
                match core.fuse(&keep, &other) {
                    Ok(n) => {
                        let mut text = fill(core.ui().fused_done, &[("n", &n)]);
                        if core.conflicts > before {
                            text.push_str(&format!(" ; {}", core.ui().fused_conflicts));
                        }
                        core.say(text);
                        self.forget(&[&other]);
                    }
                    Err(e) => core.error(e),
                }
            }
            Action::NotDuplicate => {
                let Some((a, b)) = self.sides().map(|(k, o)| (k.clone(), o.clone())) else {
                    return Effect::None;
                };
                match core.not_duplicate(&a, &b) {
                    Ok(()) => {
                        core.say(core.ui().not_duplicate_done);
                        self.pairs.remove(self.cursor);
                        self.cursor = self.cursor.min(self.pairs.len().saturating_sub(1));
                    }
                    Err(e) => core.error(e),
                }
            }
            _ => {}
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let ui = core.ui();
        let schema = &core.session.ws.schema;
        let census = &core.session.ws.census;
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(
                format!(" {} ", ui.duplicates_title),
                theme.title,
            ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        if self.pairs.is_empty() {
            frame.render_widget(
                Paragraph::new(Span::styled(ui.duplicates_none, theme.muted)),
                inner,
            );
            return;
        }
        let list_height = (self.pairs.len() as u16).clamp(1, inner.height / 3);
        let [list, compare] = inner.layout(&Layout::vertical([
            Constraint::Length(list_height),
            Constraint::Fill(1),
        ]));
        let name = |id: &InitiativeId| {
            inert(
                census
                    .get(id)
                    .and_then(|i| i.value(&schema.name_field))
                    .unwrap_or("?"),
            )
            .into_owned()
        };
        let start = self.cursor.saturating_sub(list_height as usize - 1);
        let lines: Vec<Line> = self
            .pairs
            .iter()
            .enumerate()
            .skip(start)
            .take(list_height as usize)
            .map(|(n, p)| {
                let reasons: Vec<String> = p
                    .reasons
                    .iter()
                    .map(|r| duplicate_reason(r, core.lang))
                    .collect();
                let text = format!(
                    "{} {} {} — {}",
                    name(&p.a),
                    if theme.ascii { "<>" } else { "↔" },
                    name(&p.b),
                    reasons.join(", ")
                );
                let style = if n == self.cursor {
                    theme.selected
                } else {
                    Style::default()
                };
                Line::from(Span::styled(
                    theme.truncate(&text, list.width as usize).into_owned(),
                    style,
                ))
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);

        let Some((keep, other)) = self.sides() else {
            return;
        };
        let (Some(a), Some(b)) = (census.get(keep), census.get(other)) else {
            return;
        };
        let total = compare.width as usize;
        let label_w = (total / 4).clamp(10, 20);
        let col = total.saturating_sub(label_w + 2) / 2;
        let cell = |s: &str, w: usize| {
            let t = theme.truncate(s, w.saturating_sub(1)).into_owned();
            let pad = " ".repeat(w.saturating_sub(width(&t)));
            format!("{t}{pad}")
        };
        let mut lines = vec![Line::from(vec![
            Span::raw(cell("", label_w + 1)),
            Span::styled(
                cell(&format!("{} : {}", ui.duplicate_kept, name(keep)), col),
                theme.focus,
            ),
            Span::styled(
                cell(&format!("{} : {}", ui.duplicate_absorbed, name(other)), col),
                theme.focus,
            ),
        ])];
        for f in &schema.fields {
            let (va, vb) = (field_value(core, a, &f.id), field_value(core, b, &f.id));
            if va.is_empty() && vb.is_empty() {
                continue;
            }
            let style = if va == vb {
                theme.normal
            } else {
                theme.warning
            };
            lines.push(Line::from(vec![
                Span::styled(cell(f.label.get(core.lang), label_w + 1), theme.muted),
                Span::styled(cell(&va, col), style),
                Span::styled(cell(&vb, col), style),
            ]));
        }
        frame.render_widget(Paragraph::new(lines), compare);
    }
}
