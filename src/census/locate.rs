//! Where things are in a source file: `file:line:column` for every message
//! about a file a person may have edited by hand.

use std::fmt;

/// A position in a named file; lines and columns count from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// A source text with its line starts, to turn offsets into locations and to
/// find the place of a key or a value that a check complains about.
/// Line starts are computed on first use: reading a valid file never needs them.
pub struct SourceText<'a> {
    pub name: &'a str,
    pub text: &'a str,
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> SourceText<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        SourceText {
            name,
            text,
            line_starts: std::cell::OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// The location of a byte offset.
    pub fn location(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Location {
            file: self.name.to_string(),
            line,
            column,
        }
    }

    /// The location of a RON error span (its start).
    pub fn location_of_span(&self, span: &ron::error::Span) -> Location {
        Location {
            file: self.name.to_string(),
            line: span.start.line.max(1),
            column: span.start.col.max(1),
        }
    }

    /// The offset of the first `key:` at or after `from` (a struct key).
    pub fn find_key(&self, key: &str, from: usize) -> Option<usize> {
        let mut at = from;
        while let Some(i) = self.text.get(at..)?.find(key) {
            let start = at + i;
            let end = start + key.len();
            let before_ok = start == 0
                || !self.text.as_bytes()[start - 1].is_ascii_alphanumeric()
                    && self.text.as_bytes()[start - 1] != b'_';
            let rest = self.text[end..].trim_start_matches([' ', '\t']);
            if before_ok && rest.starts_with(':') {
                return Some(start);
            }
            at = end;
        }
        None
    }

    /// The offset of the first string literal `"value"` at or after `from`.
    pub fn find_string(&self, value: &str, from: usize) -> Option<usize> {
        let needle = format!("\"{value}\"");
        self.text.get(from..)?.find(&needle).map(|i| from + i)
    }

    /// The offset of the `nth` (0-based) `id: "value"` at or after `from`.
    pub fn find_id_value(&self, value: &str, from: usize, nth: usize) -> usize {
        let mut at = from;
        let mut seen = 0;
        while let Some(k) = self.find_key("id", at) {
            let after = self.text[k + 2..].trim_start_matches([' ', '\t', ':']);
            let value_at = self.text.len() - after.len();
            if after.starts_with(&format!("\"{value}\"")) {
                if seen == nth {
                    return value_at;
                }
                seen += 1;
            }
            at = k + 2;
        }
        from
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let t = SourceText::new("f.ron", "ab\ncdé\nx");
        assert_eq!(t.location(0).to_string(), "f.ron:1:1");
        assert_eq!(t.location(4).to_string(), "f.ron:2:2");
        // Columns count characters, not bytes.
        assert_eq!(t.location(7).to_string(), "f.ron:2:4");
        assert_eq!(t.location(8).to_string(), "f.ron:3:1");
    }

    #[test]
    fn keys_and_ids_are_found() {
        let src = "(\n  fields: [\n    (id: \"a\"),\n    (id: \"b\", step_id: \"x\"),\n    (id: \"a\"),\n  ],\n)";
        let t = SourceText::new("s", src);
        let f = t.find_key("fields", 0).unwrap();
        assert_eq!(t.location(f).line, 2);
        assert_eq!(t.location(t.find_id_value("a", f, 1)).line, 5);
        assert_eq!(t.location(t.find_id_value("b", f, 0)).to_string(), "s:4:10");
        // `step_id:` is not the key `id:`.
        assert_eq!(
            t.find_key("id", t.find_string("b", 0).unwrap()),
            Some(src.rfind("id").unwrap())
        );
    }
}
