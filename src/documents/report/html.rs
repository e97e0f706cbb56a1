//! A report as one self-contained HTML file: inline CSS that also reads well
//! printed, charts as inline SVG, no script, nothing loaded from anywhere.
//! The markup is well-formed XML (every element closed, only XML's own
//! entities), so that it can be checked and processed as such; every text is
//! escaped.

use crate::i18n::Lang;

use super::svg::{self, esc};
use super::{Block, Document, Span, Table};

const STYLE: &str = "
body { font-family: sans-serif; line-height: 1.5; color: #111; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid #111; padding-bottom: 0.2rem; margin-top: 2.2rem; }
h3 { font-size: 1.1rem; margin-bottom: 0.3rem; }
.subtitle { margin: 0; color: #333; }
blockquote { margin: 0.6rem 0 0 0; padding: 0.1rem 0 0.1rem 1rem; border-left: 4px solid #666; font-style: italic; }
figure.quote { margin: 0.8rem 0 1rem 0; }
figure.quote figcaption { padding-left: 1.25rem; color: #333; }
figure.chart { margin: 1rem 0; }
figure.chart figcaption { font-weight: bold; margin-bottom: 0.3rem; }
figure.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
caption { font-weight: bold; text-align: left; padding-bottom: 0.3rem; }
th, td { border: 1px solid #888; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
footer { margin-top: 3rem; border-top: 1px solid #888; font-size: 0.9rem; color: #333; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, table, blockquote { break-inside: avoid; page-break-inside: avoid; }
  th { background: none; }
  a { color: #000; text-decoration: underline; }
  a[href^=\"http\"]::after { content: \" (\" attr(href) \")\"; font-size: 0.85em; }
}
";

pub fn render(doc: &Document) -> String {
    let lang = match doc.lang {
        Lang::Fr => "fr",
        Lang::En => "en",
    };
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{lang}\">\n<head>\n"));
    out.push_str("<meta charset=\"utf-8\"/>\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
    out.push_str(&format!("<title>{}</title>\n", esc(&doc.title)));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    out.push_str(&format!("<header>\n<h1>{}</h1>\n", esc(&doc.title)));
    for line in &doc.subtitle {
        out.push_str(&format!("<p class=\"subtitle\">{}</p>\n", esc(line)));
    }
    out.push_str("</header>\n<main>\n");
    for block in &doc.intro {
        render_block(&mut out, block, doc.lang);
    }
    for section in &doc.sections {
        out.push_str(&format!(
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            section.id,
            esc(&section.title)
        ));
        for block in &section.blocks {
            render_block(&mut out, block, doc.lang);
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n<footer>\n");
    for line in &doc.footer {
        out.push_str(&format!("<p>{}</p>\n", esc(line)));
    }
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

fn render_block(out: &mut String, block: &Block, lang: Lang) {
    match block {
        Block::Heading(text) => out.push_str(&format!("<h3>{}</h3>\n", esc(text))),
        Block::Paragraph(spans) => out.push_str(&format!("<p>{}</p>\n", spans_html(spans))),
        Block::List(items) => {
            out.push_str("<ul>\n");
            for item in items {
                out.push_str(&format!("<li>{}</li>\n", spans_html(item)));
            }
            out.push_str("</ul>\n");
        }
        Block::Quote { text, by } => {
            let (open, close) = match lang {
                Lang::Fr => ("«\u{a0}", "\u{a0}»"),
                Lang::En => ("“", "”"),
            };
            out.push_str(&format!(
                "<figure class=\"quote\">\n<blockquote><p>{open}{}{close}</p></blockquote>\n<figcaption>— {}</figcaption>\n</figure>\n",
                esc(text),
                esc(by)
            ));
        }
        Block::Table(table) => render_table(out, table),
        Block::Chart(chart) => {
            let id = format!("chart-{}", chart.id);
            out.push_str(&format!(
                "<figure class=\"chart\" id=\"{id}\">\n<figcaption>{}</figcaption>\n{}</figure>\n",
                esc(&chart.title),
                svg::chart(chart, &id)
            ));
        }
    }
}

fn render_table(out: &mut String, t: &Table) {
    let class = |c: usize| {
        if t.numeric.get(c).copied().unwrap_or(false) {
            " class=\"n\""
        } else {
            ""
        }
    };
    out.push_str(&format!(
        "<table id=\"table-{}\">\n<caption>{}</caption>\n<thead>\n<tr>",
        t.id,
        esc(&t.caption)
    ));
    for (c, h) in t.header.iter().enumerate() {
        out.push_str(&format!("<th scope=\"col\"{}>{}</th>", class(c), esc(h)));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (c, cell) in row.iter().enumerate() {
            out.push_str(&format!("<td{}>{}</td>", class(c), spans_html(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn spans_html(spans: &[Span]) -> String {
    let mut out = String::new();
    for s in spans {
        match s {
            Span::Text(t) => out.push_str(&esc(t)),
            Span::Strong(t) => out.push_str(&format!("<strong>{}</strong>", esc(t))),
            Span::Link { text, url } => {
                out.push_str(&format!("<a href=\"{}\">{}</a>", esc(url), esc(text)))
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_elements_and_attributes() {
        assert_eq!(
            esc("<script>alert('x')</script> & \"Cie\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Cie&quot;"
        );
        assert_eq!(esc("a\u{1b}b"), "a\\u{1b}b", "no control character in XML");
    }
}
