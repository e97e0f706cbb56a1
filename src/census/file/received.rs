//! Files as they arrive from e-mail, git or an editor: the text is made what
//! an editor shows (no byte order mark, `\n` line endings) before it is read,
//! and a file that cannot be read is looked at once more to say *why* in the
//! person's terms: compressed, still in a mail transfer encoding, lines
//! wrapped by a mail program, git conflict markers.

use crate::census::error::{LoadError, SyntaxError};
use crate::census::locate::SourceText;
use crate::census::model::{Census, Stamp, Value};

const BOM: &str = "\u{feff}";

/// The text as an editor shows it: a UTF-8 byte order mark (Notepad) removed,
/// Windows (`\r\n`) and old Mac (`\r`) line endings made `\n`. Lines and
/// columns are unchanged for the person: an editor hides the mark and the
/// `\r`. Returns whether anything was changed.
pub fn normalize(mut text: String) -> (String, bool) {
    let bom = text.starts_with(BOM);
    if bom {
        text.drain(..BOM.len());
    }
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return (text, bom);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = memchr::memchr(b'\r', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
    (out, true)
}

/// The kind of a compressed file, from its first bytes.
pub fn compressed_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 6] = [
        (b"\x1f\x8b", "gzip"),
        (b"PK\x03\x04", "zip"),
        (b"PK\x05\x06", "zip"),
        (b"BZh", "bzip2"),
        (b"\xfd7zXZ\x00", "xz"),
        (b"7z\xbc\xaf\x27\x1c", "7z"),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, format)| *format)
}

/// A better reason for a file that did not parse, when the file shows what
/// happened to it on the way; `line` is where the parser stopped (1-based).
pub fn diagnose(source: &str, name: &str, line: usize, error: &SyntaxError) -> Option<LoadError> {
    let text = SourceText::new(name, source);
    if let Some(at) = conflict_markers(source) {
        return Some(LoadError::ConflictMarkers {
            location: text.location(at),
        });
    }
    if let Some((at, encoding)) = mail_encoding(source) {
        return Some(LoadError::MailEncoded {
            location: text.location(at),
            encoding,
        });
    }
    wrapped_at(source, line, error).map(|at| LoadError::WrappedLine {
        location: text.location(at),
    })
}

/// The offset of the first `<<<<<<<` line, when the file also has the other
/// markers git writes.
fn conflict_markers(source: &str) -> Option<usize> {
    let marker = |prefix: &str| {
        source
            .match_indices(prefix)
            .map(|(i, _)| i)
            .find(|&i| i == 0 || source.as_bytes()[i - 1] == b'\n')
    };
    let start = marker("<<<<<<<")?;
    (marker("=======").is_some() || marker(">>>>>>>").is_some()).then_some(start)
}

/// A mail body saved as it travelled: a `Content-Transfer-Encoding` header,
/// base64 lines, or quoted-printable escapes (`=C3=A9`) and soft breaks.
fn mail_encoding(source: &str) -> Option<(usize, &'static str)> {
    let lower = source
        .get(..source.len().min(64 * 1024))?
        .to_ascii_lowercase();
    if let Some(at) = lower.find("content-transfer-encoding:") {
        let value = lower[at..].lines().next().unwrap_or("");
        if value.contains("quoted-printable") {
            return Some((at, "quoted-printable"));
        }
        if value.contains("base64") {
            return Some((at, "base64"));
        }
    }
    let base64_line = |l: &str| {
        l.len() >= 40
            && l.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    };
    let mut lines = source.lines().filter(|l| !l.trim().is_empty());
    if lines.next().is_some_and(base64_line) && lines.next().is_none_or(base64_line) {
        return Some((source.len() - source.trim_start().len(), "base64"));
    }
    // An accented letter (two UTF-8 bytes, `=C3=A9`) or a soft line break:
    // never in a census, where `=` appears only inside values.
    let hex = |b: &u8| b.is_ascii_digit() || (b'A'..=b'F').contains(b);
    let accent = |i: usize| {
        source.as_bytes().get(i + 1..i + 6).is_some_and(|h| {
            (b'C'..=b'F').contains(&h[0])
                && hex(&h[1])
                && h[2] == b'='
                && (b'8'..=b'B').contains(&h[3])
                && hex(&h[4])
        })
    };
    let soft_break = source.find("=\n");
    let escaped = source
        .match_indices('=')
        .map(|(i, _)| i)
        .find(|&i| accent(i));
    soft_break
        .into_iter()
        .chain(escaped)
        .min()
        .map(|at| (at, "quoted-printable"))
}

/// Where a line was cut in two by a mail program: a stamp holding a line
/// break, or a line that reads on once joined to the one before.
fn wrapped_at(source: &str, line: usize, error: &SyntaxError) -> Option<usize> {
    if let SyntaxError::BadStamp(stamp) = error
        && let Some(cut) = stamp.find('\n')
    {
        return source.find(stamp.as_str()).map(|at| at + cut);
    }
    // The end of the line before the one where reading stopped.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .take(line)
        .collect();
    let [.., before, here] = starts.as_slice() else {
        return None;
    };
    let cut = here - 1;
    // Mail programs cut lines longer than 72 to 78 characters.
    let width = source[*before..cut].chars().count();
    if !(40..=80).contains(&width) {
        return None;
    }
    let joined = format!("{} {}", &source[..cut], &source[cut + 1..]);
    match super::deserialize_only(&joined) {
        Ok(_) => Some(cut),
        Err(e) if e.span.start.line >= line => Some(cut),
        Err(_) => None,
    }
}

/// Where a value was cut by a mail program although the file still reads: a
/// value edited outside recense that holds a line break, and that with the
/// break made a space again (or removed) is the value its stamp recorded.
pub fn wrapped_value(census: &Census, source: &str) -> Option<usize> {
    let entries = census
        .initiatives
        .iter()
        .flat_map(|i| i.fields.iter().flat_map(|(_, es)| es.iter()));
    for entry in entries {
        let (Stamp::HandEdited { hash, .. }, Some(text)) = (entry.stamp, entry.value.as_text())
        else {
            continue;
        };
        let Some(cut) = text.find('\n') else {
            continue;
        };
        let unwrapped = |with: &str| Value::text(text.replace('\n', with)).short_hash() == hash;
        if unwrapped(" ") || unwrapped("") {
            let at = source.find(&text[..cut]).map_or(0, |at| at + cut);
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_the_byte_order_mark_become_what_an_editor_shows() {
        let n = |s: &str| normalize(s.to_string());
        assert_eq!(n("a\nb"), ("a\nb".to_string(), false));
        assert_eq!(n("\u{feff}a\r\nb\r\n"), ("a\nb\n".to_string(), true));
        assert_eq!(n("a\rb\r\rc"), ("a\nb\n\nc".to_string(), true));
        assert_eq!(n("a\r\n\r\nb\r"), ("a\n\nb\n".to_string(), true));
    }

    #[test]
    fn compressed_files_are_known_by_their_first_bytes() {
        assert_eq!(compressed_format(b"\x1f\x8b\x08\x00"), Some("gzip"));
        assert_eq!(compressed_format(b"PK\x03\x04rest"), Some("zip"));
        assert_eq!(compressed_format(b"// recense"), None);
    }

    #[test]
    fn a_census_with_an_equals_sign_in_a_value_is_not_taken_for_a_mail_body() {
        let text = "(\n    territory: \"a=b\",\n    x: \"https://e.fr/?q=10&p=20\"\n)";
        assert_eq!(mail_encoding(text), None);
    }
}
