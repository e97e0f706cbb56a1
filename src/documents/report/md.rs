//! A report as Markdown that renders on any forge (GitHub, GitLab, Forgejo):
//! GFM tables, bars drawn with text, every value escaped. Each chart and
//! table is preceded by an HTML comment naming it (`<!-- chart: problems -->`),
//! invisible once rendered, for scripts.

use crate::i18n::Lang;

use super::{Block, Chart, Document, Span, Table};

/// The widest bar, in characters.
const BAR_WIDTH: usize = 20;

pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", esc(&doc.title)));
    for line in &doc.subtitle {
        out.push_str(&format!("*{}*\n\n", esc(line)));
    }
    for block in &doc.intro {
        render_block(&mut out, block, doc.lang);
    }
    for section in &doc.sections {
        out.push_str(&format!("## {}\n\n", esc(&section.title)));
        for block in &section.blocks {
            render_block(&mut out, block, doc.lang);
        }
    }
    out.push_str("---\n\n");
    for line in &doc.footer {
        out.push_str(&format!("*{}*\n\n", esc(line)));
    }
    // One final line break, not two.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn render_block(out: &mut String, block: &Block, lang: Lang) {
    match block {
        Block::Heading(text) => out.push_str(&format!("### {}\n\n", esc(text))),
        Block::Paragraph(spans) => out.push_str(&format!("{}\n\n", spans_md(spans))),
        Block::List(items) => {
            for item in items {
                out.push_str(&format!("- {}\n", spans_md(item)));
            }
            out.push('\n');
        }
        Block::Quote { text, by } => {
            let (open, close) = match lang {
                Lang::Fr => ("« ", " »"),
                Lang::En => ("“", "”"),
            };
            out.push_str(&format!(
                "> {open}{}{close}\n>\n> — {}\n\n",
                esc(text),
                esc(by)
            ));
        }
        Block::Table(table) => render_table(out, table),
        Block::Chart(chart) => render_chart(out, chart),
    }
}

fn render_table(out: &mut String, t: &Table) {
    out.push_str(&format!("<!-- table: {} -->\n", t.id));
    out.push_str(&format!("**{}**\n\n", esc(&t.caption)));
    row(out, t.header.iter().map(|h| esc(h)));
    row(
        out,
        (0..t.header.len()).map(|c| {
            if t.numeric.get(c).copied().unwrap_or(false) {
                "---:".to_string()
            } else {
                "---".to_string()
            }
        }),
    );
    for r in &t.rows {
        row(out, r.iter().map(|cell| spans_md(cell)));
    }
    out.push('\n');
}

fn render_chart(out: &mut String, c: &Chart) {
    out.push_str(&format!("<!-- chart: {} -->\n", c.id));
    row(
        out,
        [esc(&c.title), esc(&c.unit), String::new()].into_iter(),
    );
    row(out, ["---", "---:", "---"].into_iter().map(String::from));
    let scale = c.scale();
    for b in &c.bars {
        row(
            out,
            [esc(&b.label), b.n.to_string(), bar(b.n, scale)].into_iter(),
        );
    }
    out.push('\n');
}

/// A bar of `n` on a scale whose longest bar is `scale`: at least one block
/// for anything above zero.
pub fn bar(n: usize, scale: usize) -> String {
    if n == 0 {
        return String::new();
    }
    let len = (n * BAR_WIDTH).div_ceil(scale.max(1)).clamp(1, BAR_WIDTH);
    "█".repeat(len)
}

fn row(out: &mut String, cells: impl Iterator<Item = String>) {
    out.push('|');
    for cell in cells {
        if cell.is_empty() {
            out.push_str(" |");
        } else {
            out.push_str(&format!(" {cell} |"));
        }
    }
    out.push('\n');
}

fn spans_md(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&esc_inline(t, out.is_empty())),
            Span::Strong(t) if !t.is_empty() => {
                out.push_str(&format!("**{}**", esc_inline(t, false)))
            }
            Span::Strong(_) => {}
            Span::Link { text, url } => {
                let url = url.replace('|', "%7C").replace('\\', "%5C");
                out.push_str(&format!("[{}](<{url}>)", esc_inline(text, false)));
            }
        }
    }
    out
}

/// Escapes a text that starts a line.
fn esc(s: &str) -> String {
    esc_inline(s, true)
}

/// Escapes what Markdown would read as markup: emphasis, links, HTML,
/// table cells, entities; and, at the start of a line, what would start a
/// list, a heading or a quote.
fn esc_inline(s: &str, line_start: bool) -> String {
    let s = super::clean(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if line_start {
        let first_digits = out.chars().take_while(char::is_ascii_digit).count();
        let after = out[first_digits..].chars().next();
        if out.starts_with(['-', '+', '=']) {
            out.insert(0, '\\');
        } else if first_digits > 0 && matches!(after, Some('.' | ')')) {
            out.insert(first_digits, '\\');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_values_is_escaped() {
        assert_eq!(esc("<b>a|b</b>"), "\\<b\\>a\\|b\\</b\\>");
        assert_eq!(esc("*x* _y_ & [z]"), "\\*x\\* \\_y\\_ \\& \\[z\\]");
        assert_eq!(esc("- item"), "\\- item");
        assert_eq!(esc("12. rue"), "12\\. rue");
        assert_eq!(esc("1995 création"), "1995 création");
        assert_eq!(esc("a\nb"), "a b", "a line break would end a table row");
    }

    #[test]
    fn bars_keep_their_proportions() {
        assert_eq!(bar(0, 10), "");
        assert_eq!(bar(10, 10).chars().count(), BAR_WIDTH);
        assert_eq!(bar(5, 10).chars().count(), BAR_WIDTH / 2);
        assert_eq!(bar(1, 1000).chars().count(), 1, "never invisible");
    }
}
