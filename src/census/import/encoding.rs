//! The character set of a CSV file. Excel on a French Windows saves CSV in
//! Windows-1252: a file that is not UTF-8 is read as Windows-1252 (by
//! `encoding_rs`), and the plan says so; `--encoding` chooses instead.
//!
//! `latin1` is ISO-8859-1 proper, byte for byte the first 256 code points:
//! unlike Windows-1252 it reads the bytes 0x80 to 0x9F as control
//! characters, not as `€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ`
//! (`encoding_rs`, following the WHATWG, reads the label `latin1` as
//! Windows-1252: this one does not).

use std::io::Read;
use std::path::Path;

use super::ImportError;
use super::source::{self, BOM};
use crate::census::file::MAX_FILE_BYTES;

/// The character sets an import reads (ids fixed: `--encoding` takes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Windows1252,
    Latin1,
}

impl TextEncoding {
    pub const ALL: [TextEncoding; 3] = [
        TextEncoding::Utf8,
        TextEncoding::Windows1252,
        TextEncoding::Latin1,
    ];

    pub fn id(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "utf-8",
            TextEncoding::Windows1252 => "windows-1252",
            TextEncoding::Latin1 => "latin1",
        }
    }

    /// The set named `text` (its id, any case; `cp1252` and `iso-8859-1`
    /// too).
    pub fn parse(text: &str) -> Option<TextEncoding> {
        match text.trim().to_ascii_lowercase().as_str() {
            "utf-8" | "utf8" => Some(TextEncoding::Utf8),
            "windows-1252" | "cp1252" => Some(TextEncoding::Windows1252),
            "latin1" | "latin-1" | "iso-8859-1" => Some(TextEncoding::Latin1),
            _ => None,
        }
    }

    /// `bytes` (not UTF-8) as text.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            TextEncoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
            TextEncoding::Latin1 => bytes.iter().map(|&b| char::from(b)).collect(),
        }
    }
}

/// Whether a whole file is UTF-8, read once in pieces (a character cut
/// between two pieces is carried to the next).
pub fn is_utf8(path: &Path) -> Result<bool, ImportError> {
    let mut reader = source::open(path)?.take(MAX_FILE_BYTES);
    let mut buf = vec![0u8; 1 << 16];
    let mut carried = 0;
    loop {
        let n = reader.read(&mut buf[carried..]).map_err(|e| io(path, e))?;
        let filled = carried + n;
        if n == 0 {
            return Ok(carried == 0);
        }
        match std::str::from_utf8(&buf[..filled]) {
            Ok(_) => carried = 0,
            Err(e) if e.error_len().is_none() => {
                let valid = e.valid_up_to();
                buf.copy_within(valid..filled, 0);
                carried = filled - valid;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// The text of a file read in `encoding` (not UTF-8), whole.
pub fn read_decoded(path: &Path, encoding: TextEncoding) -> Result<String, ImportError> {
    let mut bytes = Vec::new();
    source::open(path)?
        .take(MAX_FILE_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| io(path, e))?;
    source::check_start(&source::display(path), &bytes[..bytes.len().min(64)])?;
    let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
    Ok(encoding.decode(bytes))
}

fn io(path: &Path, error: std::io::Error) -> ImportError {
    ImportError::Io {
        path: path.to_path_buf(),
        error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_and_latin1_differ_only_in_0x80_to_0x9f() {
        let bytes = b"M\xe9diath\xe8que \x80 \x9c";
        assert_eq!(TextEncoding::Windows1252.decode(bytes), "Médiathèque € œ");
        assert_eq!(
            TextEncoding::Latin1.decode(bytes),
            "Médiathèque \u{80} \u{9c}"
        );
    }

    #[test]
    fn a_file_is_utf8_only_when_every_piece_is() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        };
        // A two-byte letter across the 64 KiB boundary is no error.
        let mut long = vec![b'a'; (1 << 16) - 1];
        long.extend("é;Brest\n".as_bytes());
        assert!(is_utf8(&write("long.csv", &long)).unwrap());
        long.extend(b"M\xe9diath\xe8que\n");
        assert!(!is_utf8(&write("late.csv", &long)).unwrap());
        assert!(!is_utf8(&write("cut.csv", b"nom\n\xc3")).unwrap());
    }

    #[test]
    fn encodings_are_named_by_their_ids() {
        for e in TextEncoding::ALL {
            assert_eq!(TextEncoding::parse(e.id()), Some(e));
        }
        assert_eq!(TextEncoding::parse("ebcdic"), None);
    }
}
