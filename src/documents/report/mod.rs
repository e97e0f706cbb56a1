//! Reports for the people who decide: one for elected officials (the public
//! problems the commons answer, the territory, support and needs, the
//! network), one for technicians (the commons produced, services that can
//! replace proprietary tools, technical arguments, costs and needs).
//!
//! A report is first a [`Document`] — sections of paragraphs, lists, quotes,
//! tables and bar charts — built from the census [`Figures`] and the census
//! itself; then two renderers write it as Markdown or as one self-contained
//! HTML file. `recense stats` prints the figures through the same model.
//! Nothing here knows about terminals: the CLI and the TUI call [`report`].

mod coverage;
mod elus;
mod html;
mod md;
mod shared;
mod summary;
mod supports;
mod svg;
mod techniciens;
mod text;
mod view;
pub(crate) mod words;

use crate::census::model::Census;
use crate::census::schema::Schema;
use crate::census::stats::Figures;
use crate::census::time::Date;
use crate::i18n::Lang;

pub use summary::stats_text;

/// Who a report is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// Elected officials: the political discourse.
    Elus,
    /// Technical services: the technical discourse.
    Techniciens,
}

/// How a report is written out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown that renders on any forge (GitHub, GitLab, Forgejo).
    Markdown,
    /// One self-contained HTML file (inline CSS and SVG, no script).
    Html,
}

/// What a report is made with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub lang: Lang,
    /// Leaves out every field the schema marks personal.
    pub public: bool,
    /// The day of the report (ages, evidence freshness, the date shown).
    pub today: Date,
}

/// A report as text: the same census, options and day give the same bytes.
pub fn report(
    census: &Census,
    schema: &Schema,
    audience: Audience,
    format: Format,
    options: &Options,
) -> String {
    render(&document(census, schema, audience, options), format)
}

/// The document of a report, before it is written out.
pub fn document(
    census: &Census,
    schema: &Schema,
    audience: Audience,
    options: &Options,
) -> Document {
    let view = view::View::new(census, schema, options);
    match audience {
        Audience::Elus => elus::build(&view),
        Audience::Techniciens => techniciens::build(&view),
    }
}

/// Writes a document out.
pub fn render(doc: &Document, format: Format) -> String {
    match format {
        Format::Markdown => md::render(doc),
        Format::Html => html::render(doc),
    }
}

/// A report: a title, sections, and a closing note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub lang: Lang,
    pub title: String,
    /// Who it is for, and as of when.
    pub subtitle: Vec<String>,
    /// Before the first section.
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
    /// After the last section: how it was made, whether it holds personal data.
    pub footer: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// A stable anchor (`problems`, `support`…).
    pub id: &'static str,
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading inside a section.
    Heading(String),
    Paragraph(Vec<Span>),
    List(Vec<Vec<Span>>),
    /// Words of an initiative, with who said them.
    Quote {
        text: String,
        by: String,
    },
    Table(Table),
    Chart(Chart),
}

/// A piece of text. Every text is plain: renderers escape it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text(String),
    Strong(String),
    /// A link to an initiative's own website (`http` or `https` only).
    Link {
        text: String,
        url: String,
    },
}

/// A table; each cell is a run of spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// A stable id (`support`, `services`…).
    pub id: &'static str,
    pub caption: String,
    pub header: Vec<String>,
    /// Columns holding numbers (right-aligned).
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<Vec<Span>>>,
}

/// Horizontal bars, each with its label and its number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    /// A stable id (`problems`, `kinds`…): the same figure in every format.
    pub id: &'static str,
    pub title: String,
    /// What the numbers count (`Initiatives`).
    pub unit: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub n: usize,
}

impl Chart {
    /// The longest bar's number (at least 1: the scale of the chart).
    pub fn scale(&self) -> usize {
        self.bars.iter().map(|b| b.n).max().unwrap_or(0).max(1)
    }
}

/// Text fit for any output: line breaks and tabs become spaces, other
/// control characters visible escapes (`\u{1b}`).
pub(crate) fn clean(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    crate::display::inert(&flat).into_owned()
}

/// Whether a URL may be a link: `http(s)://` and nothing that could break out
/// of an attribute or a Markdown link.
pub(crate) fn safe_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "https://".len()
        && !url
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
}

/// The figures a report is built on (as `recense stats` gives them).
pub fn figures(census: &Census, schema: &Schema, today: Date) -> Figures {
    crate::census::stats::figures(
        census,
        schema,
        &crate::census::query::Filter::default(),
        today,
    )
}
