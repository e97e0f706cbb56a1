//! Writing a file from the interface: an export in any format of
//! `recense export` (of the initiatives the list shows: its search and
//! filters apply) or a report for elected officials or technicians, as
//! `recense report` writes them. The file is replaced in one go, never half
//! written, and never the census itself.

use crate::tui::widgets::error_text::error_span;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::census::store;
use crate::display::{inert, width};
use crate::documents::export::words::report_lines;
use crate::documents::export::{self, Header, Options};
use crate::documents::report;
use crate::i18n::{Localized, fill};
use crate::tui::action::Action;
use crate::tui::app::{Core, Effect, Input};
use crate::tui::keymap::Context;
use crate::tui::screens::Screen;
use crate::tui::widgets::input::TextInput;
use crate::tui::words::transfer::{TransferUi, transfer};

/// What can be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Data(export::Format),
    Report(report::Audience, report::Format),
}

impl Output {
    /// Every output, in the order shown: data formats, then reports.
    pub fn all() -> Vec<Output> {
        use report::{Audience as A, Format as F};
        let mut all: Vec<Output> = export::Format::ALL.into_iter().map(Output::Data).collect();
        for audience in [A::Elus, A::Techniciens] {
            for format in [F::Html, F::Markdown] {
                all.push(Output::Report(audience, format));
            }
        }
        all
    }

    /// The end of the file name: `-umap.csv`, `.geojson`, `-elus.html`…
    fn suffix(self) -> &'static str {
        use export::Format as E;
        use report::{Audience as A, Format as F};
        match self {
            Output::Data(E::Csv) => ".csv",
            Output::Data(E::Json) => ".json",
            Output::Data(E::Geojson) => ".geojson",
            Output::Data(E::UmapCsv) => "-umap.csv",
            Output::Data(E::Ods) => ".ods",
            Output::Data(E::Dot) => ".dot",
            Output::Data(E::Gexf) => ".gexf",
            Output::Data(E::Mednum) => "-mednum.csv",
            Output::Data(E::DataInclusion) => "-data-inclusion.json",
            Output::Report(A::Elus, F::Html) => "-elus.html",
            Output::Report(A::Elus, F::Markdown) => "-elus.md",
            Output::Report(A::Techniciens, F::Html) => "-techniciens.html",
            Output::Report(A::Techniciens, F::Markdown) => "-techniciens.md",
        }
    }

    /// Whether personal fields can be in it at all (else it is public
    /// whatever is asked).
    fn can_hold_personal(self) -> bool {
        match self {
            Output::Data(f) => !f.always_public(),
            Output::Report(..) => true,
        }
    }

    fn describe(self, t: &TransferUi) -> String {
        use export::Format as E;
        use report::{Audience as A, Format as F};
        let (id, what) = match self {
            Output::Data(f) => (
                f.id(),
                match f {
                    E::Csv => t.out_csv,
                    E::Json => t.out_json,
                    E::Geojson => t.out_geojson,
                    E::UmapCsv => t.out_umap,
                    E::Ods => t.out_ods,
                    E::Dot => t.out_dot,
                    E::Gexf => t.out_gexf,
                    E::Mednum => t.out_mednum,
                    E::DataInclusion => t.out_data_inclusion,
                },
            ),
            Output::Report(a, f) => (
                match f {
                    F::Html => "html",
                    F::Markdown => "md",
                },
                match a {
                    A::Elus => t.out_report_elus,
                    A::Techniciens => t.out_report_techniciens,
                },
            ),
        };
        format!("{id} — {what}")
    }
}

#[derive(Debug, Clone)]
pub struct ExportState {
    outputs: Vec<Output>,
    cursor: usize,
    public: bool,
    /// A CSV starts with the byte order mark, for Excel (`--bom`).
    bom: bool,
    path: TextInput,
    /// The path was typed by the person: choosing another format no longer
    /// changes it.
    path_typed: bool,
    /// The path has the keys.
    editing: bool,
    /// The file exists: Enter again replaces it.
    confirm_replace: bool,
    /// What the last write said (written, left out…), or why it failed.
    result: Vec<String>,
    failed: bool,
    /// Free texts of the last public export that look personal.
    warning: Vec<String>,
}

impl ExportState {
    pub fn new(core: &Core) -> ExportState {
        let mut s = ExportState {
            outputs: Output::all(),
            cursor: 0,
            // A file leaving the service: public unless chosen otherwise.
            public: true,
            bom: false,
            path: TextInput::default(),
            path_typed: false,
            editing: false,
            confirm_replace: false,
            result: Vec::new(),
            failed: false,
            warning: Vec::new(),
        };
        s.default_path(core);
        s
    }

    /// Opens on the reports (`:rapport`).
    pub fn reports(core: &Core) -> ExportState {
        let mut s = ExportState::new(core);
        s.cursor = s
            .outputs
            .iter()
            .position(|o| matches!(o, Output::Report(..)))
            .unwrap_or(0);
        s.default_path(core);
        s
    }

    fn output(&self) -> Output {
        self.outputs[self.cursor]
    }

    /// What the chosen output will hold: `None` for a format that never
    /// holds personal data, else whether it is public.
    fn output_public(&self) -> Option<bool> {
        self.output().can_hold_personal().then_some(self.public)
    }

    /// Whether the chosen output may start with the byte order mark.
    fn takes_bom(&self) -> bool {
        matches!(self.output(), Output::Data(f) if export::bom::takes_bom(f))
    }

    /// In `~/Documents/recense/` ([`crate::tui::export_dir`]), named after
    /// the census: `brest.csv`, `brest-public.csv`, `brest-elus.html`.
    fn default_path(&mut self, core: &Core) {
        if self.path_typed {
            return;
        }
        let census = &core.session.ws.path;
        let dir = &core.export_dir;
        let stem = census
            .file_stem()
            .map_or_else(|| "recensement".into(), |s| s.to_string_lossy());
        let public = if self.public && self.output().can_hold_personal() {
            "-public"
        } else {
            ""
        };
        let name = format!("{stem}{public}{}", self.output().suffix());
        self.path.set(&dir.join(name).display().to_string());
    }

    /// Writes the chosen output to the path, replacing the file in one go.
    fn write(&mut self, core: &mut Core) -> Effect {
        let t = transfer(core.lang);
        let typed = self.path.text().trim();
        if typed.is_empty() {
            self.fail(core, t.export_need_file.to_string());
            return Effect::None;
        }
        let path = super::typed_path(typed);
        if store::same_file(&path, &core.session.ws.path) {
            let text = crate::documents::export::words::export(core.lang).output_is_census;
            self.fail(core, fill(text, &[("file", &path.display())]));
            return Effect::None;
        }
        if path.exists() && !self.confirm_replace {
            self.confirm_replace = true;
            self.result = vec![fill(t.export_replace, &[("file", &path.display())])];
            self.failed = false;
            return Effect::None;
        }
        self.confirm_replace = false;
        if let Err(error) = crate::tui::export_dir::prepare(&path, &core.export_dir) {
            let e = crate::census::error::SaveError::Io {
                path: path.clone(),
                error,
            };
            self.fail(core, e.localize(core.lang));
            return Effect::None;
        }
        let (census, schema) = (&core.session.ws.census, &core.session.ws.schema);
        let written = match self.output() {
            Output::Data(format) => {
                let list = &core.list;
                let selection =
                    export::select(census, schema, &list.filter, &list.query, core.lang);
                let options = Options {
                    format,
                    public: self.public,
                    header: Header::Labels,
                    lang: core.lang,
                };
                self.warning = if options.is_public() {
                    super::export_warning::lines(core, &selection)
                } else {
                    Vec::new()
                };
                let bom = self.bom;
                store::write_atomically(&path, |out| {
                    export::bom::export_with_bom(census, schema, &selection, &options, bom, out)
                })
                .map(|summary| report_lines(core.lang, format, &summary, Some(&path)))
            }
            Output::Report(audience, format) => {
                let options = report::Options {
                    lang: core.lang,
                    public: self.public,
                    today: core.session.clock.now().date(),
                };
                let text = report::report(census, schema, audience, format, &options);
                store::write_atomically(&path, |out| out.write_all(text.as_bytes()))
                    .map(|()| vec![fill(t.report_written, &[("file", &path.display())])])
            }
        };
        match written {
            Ok(lines) => {
                // The whole path stays on this screen (its last line names
                // it) until it is left or another file written; the status
                // line, one row, only names the file.
                let flow = crate::tui::words::flow::flow(core.lang);
                let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
                core.say(fill(
                    flow.written_short,
                    &[("name", &name.unwrap_or_default())],
                ));
                self.result = lines;
                self.failed = false;
            }
            Err(e) => {
                let text = e.localize(core.lang);
                self.fail(core, text);
            }
        }
        Effect::None
    }

    fn fail(&mut self, core: &mut Core, text: String) {
        core.error(text.clone());
        self.warning.clear();
        self.result = vec![text];
        self.failed = true;
    }
}

impl Screen for ExportState {
    fn context(&self, _core: &Core) -> Context {
        if self.editing {
            Context::Search
        } else {
            Context::Export
        }
    }

    fn hides(&self, _core: &Core, action: Action) -> bool {
        action == Action::Bom && !self.takes_bom()
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        if self.editing {
            match input.action {
                Some(Action::Confirm) | Some(Action::Cancel) => self.editing = false,
                _ => {
                    if self.path.handle(input.key) {
                        self.path_typed = true;
                        self.confirm_replace = false;
                    }
                }
            }
            return Effect::None;
        }
        let Some(action) = input.action else {
            return Effect::None;
        };
        let last = self.outputs.len() - 1;
        let before = (self.cursor, self.public);
        match action {
            Action::MoveDown => self.cursor = (self.cursor + 1).min(last),
            Action::MoveUp => self.cursor = self.cursor.saturating_sub(1),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Toggle => self.public = !self.public,
            Action::Bom if self.takes_bom() => {
                self.bom = !self.bom;
                self.confirm_replace = false;
            }
            Action::NextPane => self.editing = true,
            Action::Confirm => return self.write(core),
            Action::Back => return Effect::Close,
            _ => {}
        }
        if (self.cursor, self.public) != before {
            self.confirm_replace = false;
            self.default_path(core);
        }
        Effect::None
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        let theme = &core.theme;
        let t = transfer(core.lang);
        let block = Block::bordered()
            .border_set(theme.border())
            .title(Span::styled(format!(" {} ", t.export_title), theme.title));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        // The result and the warning get the lines they need, wrapped (at
        // least two, at most half).
        let columns = usize::from(inner.width.max(1));
        let needed: usize = (self.warning.iter().chain(&self.result))
            .map(|l| width(&inert(l)).div_ceil(columns).max(1))
            .sum();
        let result_height = (needed.max(2) as u16).min(inner.height / 2);
        let [scope, list, options, path, result] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(2 + u16::from(self.takes_bom())),
            Constraint::Length(2),
            Constraint::Length(result_height),
        ]));
        let shown = core.list.rows().len();
        let scope_text = match self.output() {
            Output::Data(_) => {
                let flow = crate::tui::words::flow::flow(core.lang);
                let scope = core
                    .lang
                    .plural(shown, flow.export_scope_one, flow.export_scope_many);
                fill(scope, &[("n", &shown)])
            }
            Output::Report(..) => t.report_scope.to_string(),
        };
        frame.render_widget(Paragraph::new(Span::styled(scope_text, theme.muted)), scope);

        let height = list.height as usize;
        let start = self.cursor.saturating_sub(height.saturating_sub(1));
        let w = list.width as usize;
        let lines: Vec<Line> = self
            .outputs
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(n, o)| {
                let on = n == self.cursor;
                let mark = if on { theme.pointer() } else { " " };
                let style = if on { theme.selected } else { theme.normal };
                let text = format!("{mark} {}", o.describe(t));
                Line::from(Span::styled(theme.truncate(&text, w).into_owned(), style))
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);

        frame.render_widget(
            Paragraph::new(super::export_choices::lines(
                core,
                self.output_public(),
                self.takes_bom().then_some(self.bom),
                w,
            )),
            options,
        );

        let [label, field] = path.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
        ]));
        frame.render_widget(
            Paragraph::new(Span::styled(t.export_file, theme.muted)),
            label,
        );
        let path_style = if self.editing {
            theme.focus
        } else {
            theme.normal
        };
        let text = format!("> {}", inert(self.path.text()));
        frame.render_widget(
            Paragraph::new(Span::styled(
                theme.truncate(&text, w).into_owned(),
                path_style,
            )),
            field,
        );
        if self.editing {
            let before: String = self.path.text().chars().take(self.path.cursor()).collect();
            let x = field.x + 2 + width(&inert(&before)) as u16;
            frame.set_cursor_position((x.min(field.right().saturating_sub(1)), field.y));
        }

        let style = if self.failed {
            theme.error
        } else if self.confirm_replace {
            theme.warning
        } else {
            theme.success
        };
        let warning = self
            .warning
            .iter()
            .map(|l| Line::from(Span::styled(inert(l).into_owned(), theme.warning)));
        let lines: Vec<Line> = warning
            .chain(self.result.iter().map(|l| {
                if self.failed {
                    Line::from(error_span(l, theme, core.lang))
                } else {
                    Line::from(Span::styled(inert(l).into_owned(), style))
                }
            }))
            .collect();
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), result);
    }
}
