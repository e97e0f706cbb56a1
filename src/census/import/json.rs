//! A JSON array read element by element, each with the line it starts on
//! (what a report of bad records needs, and what `serde_json` alone does
//! not give).

use serde_json::Value as Json;

use super::ImportError;
use crate::census::locate::SourceText;

/// The elements of a JSON array in a text.
pub struct JsonArray<'a> {
    file: &'a str,
    text: &'a str,
    at: usize,
    done: bool,
    /// The line of byte `counted`, kept as reading moves on.
    line: usize,
    counted: usize,
}

fn skip_space(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() && bytes[at].is_ascii_whitespace() {
        at += 1;
    }
    at
}

impl<'a> JsonArray<'a> {
    /// Starts reading; the text must hold an array.
    pub fn new(file: &'a str, text: &'a str) -> Result<JsonArray<'a>, ImportError> {
        let at = skip_space(text, 0);
        match text.as_bytes().get(at) {
            Some(b'[') => Ok(JsonArray {
                file,
                text,
                at: at + 1,
                done: false,
                line: 1,
                counted: 0,
            }),
            None => Err(ImportError::Empty {
                file: file.to_string(),
            }),
            Some(_) => Err(ImportError::NotAnArray {
                file: file.to_string(),
            }),
        }
    }

    fn error(&self, offset: usize, message: String) -> ImportError {
        let location = SourceText::new(self.file, self.text).location(offset);
        ImportError::Json {
            file: self.file.to_string(),
            line: location.line,
            column: location.column,
            message,
        }
    }

    /// The next element and the line it starts on.
    pub fn next_element(&mut self) -> Result<Option<(usize, Json)>, ImportError> {
        if self.done {
            return Ok(None);
        }
        let start = skip_space(self.text, self.at);
        if self.text.as_bytes().get(start) == Some(&b']') {
            return self.finish(start + 1);
        }
        let mut stream =
            serde_json::Deserializer::from_str(&self.text[start..]).into_iter::<Json>();
        let value = match stream.next() {
            Some(Ok(v)) => v,
            Some(Err(e)) => {
                let offset = start + offset_of(&self.text[start..], e.line(), e.column());
                // serde_json's own place is relative to the element: drop it.
                let message = e.to_string();
                let message = message
                    .rfind(" at line ")
                    .map_or(message.as_str(), |at| &message[..at]);
                return Err(self.error(offset, message.to_string()));
            }
            None => return Err(self.error(start, "unexpected end".into())),
        };
        let end = start + stream.byte_offset();
        self.line += self.text.as_bytes()[self.counted..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.counted = start;
        let line = self.line;
        let next = skip_space(self.text, end);
        match self.text.as_bytes().get(next) {
            Some(b',') => self.at = next + 1,
            Some(b']') => self.at = next,
            _ => {
                return Err(self.error(next, "expected `,` or `]`".into()));
            }
        }
        Ok(Some((line, value)))
    }

    /// Nothing but spaces may follow the document.
    fn finish(&mut self, end: usize) -> Result<Option<(usize, Json)>, ImportError> {
        self.done = true;
        let rest = skip_space(self.text, end);
        if rest < self.text.len() {
            return Err(self.error(rest, "trailing characters".into()));
        }
        Ok(None)
    }
}

/// The byte offset of a 1-based `line:column` in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column.saturating_sub(1)).min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Result<Vec<(usize, Json)>, ImportError> {
        let mut a = JsonArray::new("f.json", text)?;
        let mut out = Vec::new();
        while let Some(e) = a.next_element()? {
            out.push(e);
        }
        Ok(out)
    }

    #[test]
    fn elements_come_with_their_line() {
        let got = all("[\n{\"a\": 1},\n{\"a\": 2}\n]\n").unwrap();
        assert_eq!(got.iter().map(|e| e.0).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(got[1].1["a"], 2);
        assert_eq!(all("[]").unwrap().len(), 0);
        assert!(matches!(
            all("{\"a\": 1}"),
            Err(ImportError::NotAnArray { .. })
        ));
    }

    #[test]
    fn errors_say_where() {
        match all("[\n{\"a\": 1},\n{\"a\": }\n]") {
            Err(ImportError::Json { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        match all("[\n{\"a\": 1}\n{\"a\": 2}]") {
            Err(ImportError::Json { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        assert!(matches!(all("\"x\""), Err(ImportError::NotAnArray { .. })));
        assert!(matches!(all("[{\"a\": 1}"), Err(ImportError::Json { .. })));
    }
}
