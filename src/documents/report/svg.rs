//! Bar charts as inline SVG: one horizontal bar per value, its label above
//! it and its number after it, so that the chart reads in black and white,
//! on paper and without colours.

use super::Chart;

/// The drawing's width, in SVG units.
const WIDTH: usize = 640;
/// The longest bar, leaving room for its number.
const BAR_MAX: usize = 560;
/// One row: a label line, then the bar.
const ROW: usize = 36;
const BAR_HEIGHT: usize = 14;
/// Labels longer than this are cut (the whole label stays in a tooltip).
const LABEL_MAX: usize = 80;

/// The SVG of a chart; `id` names its title for screen readers.
pub fn chart(c: &Chart, id: &str) -> String {
    let height = (c.bars.len() * ROW).max(ROW);
    let scale = c.scale();
    let mut out = format!(
        "<svg class=\"bars\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"13\">\n<title id=\"{id}-title\">{}</title>\n",
        esc(&c.title)
    );
    for (row, b) in c.bars.iter().enumerate() {
        let top = row * ROW;
        let width = if b.n == 0 {
            0
        } else {
            (b.n * BAR_MAX).div_ceil(scale).clamp(2, BAR_MAX)
        };
        let label = cut(&b.label);
        out.push_str(&format!(
            "<g class=\"bar\"><title>{title} — {n}</title><text class=\"label\" x=\"0\" y=\"{ly}\" fill=\"#000000\">{label}</text><rect x=\"0\" y=\"{ry}\" width=\"{width}\" height=\"{BAR_HEIGHT}\" fill=\"#4d4d4d\"/><text class=\"n\" x=\"{nx}\" y=\"{ny}\" fill=\"#000000\">{n}</text></g>\n",
            title = esc(&b.label),
            n = b.n,
            ly = top + 13,
            label = esc(&label),
            ry = top + 17,
            nx = width + 6,
            ny = top + 29,
        ));
    }
    out.push_str("</svg>\n");
    out
}

fn cut(label: &str) -> String {
    if label.chars().count() <= LABEL_MAX {
        label.to_string()
    } else {
        let s: String = label.chars().take(LABEL_MAX - 1).collect();
        format!("{s}…")
    }
}

/// Escapes a text for an element or an attribute; control characters, which
/// XML does not allow, become visible escapes.
pub fn esc(s: &str) -> String {
    let s = crate::display::inert(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not characters XML allows, even escaped.
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::report::Bar;

    #[test]
    fn bars_are_proportional_and_labelled() {
        let c = Chart {
            id: "t",
            title: "T".into(),
            unit: "n".into(),
            bars: vec![
                Bar {
                    label: "a".into(),
                    n: 4,
                },
                Bar {
                    label: "b & c".into(),
                    n: 2,
                },
                Bar {
                    label: "z".into(),
                    n: 0,
                },
            ],
        };
        let svg = chart(&c, "chart-t");
        assert!(svg.contains(&format!("width=\"{BAR_MAX}\" height")));
        assert!(svg.contains(&format!("width=\"{}\" height", BAR_MAX / 2)));
        assert!(svg.contains("width=\"0\" height"));
        assert!(svg.contains(">b &amp; c</text>"));
        assert_eq!(svg.matches("<g class=\"bar\">").count(), 3);
    }
}
