//! Reading an import file: its name for messages, UTF-8 checked with the line
//! of the first bad byte, byte order marks.
//!
//! A CSV file that is not UTF-8 is read as Windows-1252 (`encoding.rs`),
//! and the plan says so; JSON and `.properties` files that are not UTF-8
//! are refused, with how to save them as UTF-8.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::ImportError;
use crate::census::file::MAX_FILE_BYTES;

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How a file is named in messages.
pub fn display(path: &Path) -> String {
    path.display().to_string()
}

fn io_error(path: &Path, error: std::io::Error) -> ImportError {
    if error.kind() == std::io::ErrorKind::NotFound {
        ImportError::NotFound {
            path: path.to_path_buf(),
        }
    } else {
        ImportError::Io {
            path: path.to_path_buf(),
            error,
        }
    }
}

/// Opens a file for streaming.
pub fn open(path: &Path) -> Result<BufReader<File>, ImportError> {
    let file = File::open(path).map_err(|e| io_error(path, e))?;
    Ok(BufReader::with_capacity(1 << 16, file))
}

/// The line (1-based) of byte `offset`, and the byte there.
fn place(bytes: &[u8], offset: usize) -> (usize, u8) {
    let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
    (line, bytes.get(offset).copied().unwrap_or(0))
}

/// Checks the first bytes of a file: empty, UTF-16.
pub fn check_start(file: &str, head: &[u8]) -> Result<(), ImportError> {
    let head = head.strip_prefix(BOM).unwrap_or(head);
    if head.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty {
            file: file.to_string(),
        });
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Err(ImportError::Utf16 {
            file: file.to_string(),
        });
    }
    Ok(())
}

/// `bytes` as UTF-8, or where it is not.
pub fn utf8(file: &str, bytes: Vec<u8>, first_line: usize) -> Result<String, ImportError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let (line, byte) = place(e.as_bytes(), offset);
        ImportError::NotUtf8 {
            file: file.to_string(),
            line: first_line + line - 1,
            byte,
        }
    })
}

/// Reads a whole (small) file as UTF-8 text, without its byte order mark.
pub fn read_text(path: &Path) -> Result<String, ImportError> {
    let file = display(path);
    let mut bytes = Vec::new();
    open(path)?
        .take(MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, e))?;
    check_start(&file, &bytes[..bytes.len().min(64)])?;
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    utf8(&file, bytes, 1)
}

/// The first line of a stream (with its line break), the byte order mark
/// removed, and the rest of the stream.
pub fn first_line(path: &Path) -> Result<(Vec<u8>, BufReader<File>), ImportError> {
    let mut reader = open(path)?;
    let mut line = Vec::new();
    reader
        .read_until(b'\n', &mut line)
        .map_err(|e| io_error(path, e))?;
    if line.starts_with(BOM) {
        line.drain(..BOM.len());
    }
    Ok((line, reader))
}

/// Watches the bytes a CSV reader reads for a quote that is never closed:
/// the `csv` crate ends such a cell quietly at the end of the file, which
/// would swallow every row after it. The states are those of RFC 4180 as the
/// `csv` crate reads it (`""` inside quotes is a quote; a quote inside an
/// unquoted cell is a plain character).
pub struct QuoteWatch<R> {
    inner: R,
    delimiter: u8,
    state: Quote,
    line: usize,
    opened_at: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    CellStart,
    Plain,
    Quoted,
    MaybeClosed,
}

impl<R: Read> QuoteWatch<R> {
    pub fn new(inner: R, delimiter: u8) -> QuoteWatch<R> {
        QuoteWatch {
            inner,
            delimiter,
            state: Quote::CellStart,
            line: 1,
            opened_at: 0,
        }
    }

    /// The line of a quote still open (call at the end of the file).
    pub fn unterminated(&self) -> Option<usize> {
        (self.state == Quote::Quoted).then_some(self.opened_at)
    }

    fn watch(&mut self, bytes: &[u8]) {
        let mut rest = bytes;
        while !rest.is_empty() {
            // Runs of bytes that change nothing are skipped: inside quotes
            // all but `"` and line ends, in a plain cell all but the
            // delimiter and line ends.
            let delimiter = self.delimiter;
            let next = match self.state {
                Quote::Quoted => memchr::memchr2(b'"', b'\n', rest),
                Quote::Plain => memchr::memchr2(delimiter, b'\n', rest),
                _ => Some(0),
            };
            let Some(next) = next else { return };
            let b = rest[next];
            rest = &rest[next + 1..];
            self.state = match (self.state, b) {
                (Quote::CellStart, b'"') => {
                    self.opened_at = self.line;
                    Quote::Quoted
                }
                (Quote::Quoted, b'"') => Quote::MaybeClosed,
                (Quote::Quoted, _) => Quote::Quoted,
                (Quote::MaybeClosed, b'"') => Quote::Quoted,
                (_, b'\n') => Quote::CellStart,
                (_, d) if d == self.delimiter => Quote::CellStart,
                (Quote::CellStart, b'\r') => Quote::CellStart,
                _ => Quote::Plain,
            };
            if b == b'\n' {
                self.line += 1;
            }
        }
    }
}

impl<R: Read> Read for QuoteWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.watch(&buf[..n]);
        crate::census::progress::advance(n as u64);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watch(text: &str) -> Option<usize> {
        let mut w = QuoteWatch::new(text.as_bytes(), b';');
        let mut sink = Vec::new();
        w.read_to_end(&mut sink).unwrap();
        w.unterminated()
    }

    #[test]
    fn open_quotes_are_found_with_their_line() {
        assert_eq!(watch("a;b\n\"x;y\"\n1;2\n"), None);
        assert_eq!(watch("a;b\n\"x \"\"q\"\" y\";2\n"), None);
        assert_eq!(watch("a;b\n1;2\n3;\"open\n4;5\n"), Some(3));
        assert_eq!(
            watch("a;b\nab\"c;d\n"),
            None,
            "a quote inside a cell is plain"
        );
        assert_eq!(watch("a;b\n\"multi\nline\";2\n"), None);
    }

    #[test]
    fn bad_bytes_are_placed() {
        let bytes = b"nom;commune\nM\xe9diath\xe8que;Brest\n".to_vec();
        match utf8("f.csv", bytes, 1) {
            Err(ImportError::NotUtf8 { line, byte, .. }) => assert_eq!((line, byte), (2, 0xE9)),
            other => panic!("{other:?}"),
        }
    }
}
