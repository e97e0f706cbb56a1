//! A document as plain text for a terminal (`recense stats`): aligned labels,
//! numbers and bars, `#` instead of blocks in ASCII mode. Values are made
//! inert (no terminal escape sequence gets through).

use crate::display::width;

use super::{Block, Chart, Document, Span, Table, clean};

/// The widest bar, in characters.
const BAR_WIDTH: usize = 30;

pub fn render(doc: &Document, ascii: bool) -> String {
    let mut out = String::new();
    let title = clean(&doc.title);
    out.push_str(&format!("{title}\n{}\n", "=".repeat(width(&title))));
    for line in &doc.subtitle {
        out.push_str(&format!("{}\n", clean(line)));
    }
    for block in &doc.intro {
        out.push('\n');
        render_block(&mut out, block, ascii);
    }
    for section in &doc.sections {
        let title = clean(&section.title);
        out.push_str(&format!("\n{title}\n{}\n", "-".repeat(width(&title))));
        for (n, block) in section.blocks.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            render_block(&mut out, block, ascii);
        }
    }
    if !doc.footer.is_empty() {
        out.push('\n');
        for line in &doc.footer {
            out.push_str(&format!("{}\n", clean(line)));
        }
    }
    out
}

fn render_block(out: &mut String, block: &Block, ascii: bool) {
    match block {
        Block::Heading(text) => out.push_str(&format!("{}\n", clean(text))),
        Block::Paragraph(spans) => out.push_str(&format!("{}\n", spans_text(spans))),
        Block::List(items) => {
            for item in items {
                out.push_str(&format!("  {}\n", spans_text(item)));
            }
        }
        Block::Quote { text, by } => {
            out.push_str(&format!("  \"{}\" — {}\n", clean(text), clean(by)));
        }
        Block::Table(t) => render_table(out, t),
        Block::Chart(c) => render_chart(out, c, ascii),
    }
}

fn render_chart(out: &mut String, c: &Chart, ascii: bool) {
    let labels: Vec<String> = c.bars.iter().map(|b| clean(&b.label)).collect();
    let label_width = labels.iter().map(|l| width(l)).max().unwrap_or(0);
    let numbers: Vec<String> = c.bars.iter().map(|b| b.n.to_string()).collect();
    let number_width = numbers.iter().map(String::len).max().unwrap_or(1);
    let scale = c.scale();
    let glyph = if ascii { "#" } else { "█" };
    for ((label, n), b) in labels.iter().zip(&numbers).zip(&c.bars) {
        let len = if b.n == 0 {
            0
        } else {
            (b.n * BAR_WIDTH).div_ceil(scale).clamp(1, BAR_WIDTH)
        };
        let line = format!(
            "  {label}{}  {n:>number_width$}  {}",
            " ".repeat(label_width - width(label)),
            glyph.repeat(len)
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// A table as one line per row, cells separated by ` · ` (the summary has
/// no wide tables).
fn render_table(out: &mut String, t: &Table) {
    out.push_str(&format!("{}\n", clean(&t.caption)));
    let header: Vec<String> = t.header.iter().map(|h| clean(h)).collect();
    out.push_str(&format!("  {}\n", header.join(" · ")));
    for r in &t.rows {
        let cells: Vec<String> = r.iter().map(|c| spans_text(c)).collect();
        out.push_str(&format!("  {}\n", cells.join(" · ")));
    }
}

fn spans_text(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| match s {
            Span::Text(t) | Span::Strong(t) => clean(t),
            Span::Link { text, .. } => clean(text),
        })
        .collect()
}
