//! CRLF line ends, as Excel and Windows write them, read as LF before the
//! `csv` crate sees them.
//!
//! The crate ends a record on the `\r` of a CRLF and counts lines by `\n`:
//! the `\n` is read with the *next* record, after that record's position
//! was taken, so every row of a CRLF file was placed one line too high. A
//! quoted cell written over two lines kept its `\r`, a control character
//! the fields refuse. With each `\r\n` read as `\n`, a row's position is
//! its line in the file (a lone `\r` is left as it is). A file whose first
//! line ends with LF is read as it is.

use std::io::{self, Read};

/// A stream with each `\r\n` read as `\n`.
pub struct CrlfAsLf<R> {
    inner: R,
    /// Off: the stream is given as read (a file whose first line ends
    /// with LF: the common path costs nothing).
    active: bool,
    /// A byte read to see what followed a `\r`, not given yet.
    ahead: Option<u8>,
}

impl<R: Read> CrlfAsLf<R> {
    pub fn new(inner: R, active: bool) -> CrlfAsLf<R> {
        CrlfAsLf {
            inner,
            active,
            ahead: None,
        }
    }

    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// The next byte of the inner stream (`None` at its end).
    fn next_byte(&mut self) -> io::Result<Option<u8>> {
        let mut one = [0u8];
        loop {
            match self.inner.read(&mut one) {
                Ok(0) => return Ok(None),
                Ok(_) => return Ok(Some(one[0])),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }
}

impl<R: Read> Read for CrlfAsLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if !self.active {
            return self.inner.read(buf);
        }
        if buf.is_empty() {
            return Ok(0);
        }
        let n = match self.ahead.take() {
            Some(b) => {
                buf[0] = b;
                1
            }
            None => self.inner.read(buf)?,
        };
        if n == 0 {
            return Ok(0);
        }
        // Bytes move only from the first `\r\n` on: a file with LF ends
        // is given as read.
        let mut out = n;
        if let Some(first) = memchr::memmem::find(&buf[..n], b"\r\n") {
            out = first;
            let mut from = first + 1;
            while let Some(next) = memchr::memmem::find(&buf[from..n], b"\r\n") {
                buf.copy_within(from..from + next, out);
                out += next;
                from += next + 1;
            }
            buf.copy_within(from..n, out);
            out += n - from;
        }
        // A `\r` that ends what was read: the next byte says whether it
        // starts a `\r\n`.
        if buf[out - 1] == b'\r' {
            match self.next_byte()? {
                Some(b'\n') => buf[out - 1] = b'\n',
                other => self.ahead = other,
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Gives its bytes `chunk` at a time.
    struct Chunks<'a> {
        bytes: &'a [u8],
        chunk: usize,
    }

    impl Read for Chunks<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = self.chunk.min(buf.len()).min(self.bytes.len());
            buf[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn read_all(text: &str, chunk: usize, buf_size: usize) -> String {
        let mut r = CrlfAsLf::new(
            Chunks {
                bytes: text.as_bytes(),
                chunk,
            },
            true,
        );
        let mut out = Vec::new();
        let mut buf = vec![0; buf_size];
        loop {
            let n = r.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn crlf_becomes_lf_whatever_the_reads_cut() {
        let cases = [
            ("a;b\r\n1;2\r\n", "a;b\n1;2\n"),
            ("a\r\n\"x\r\ny\"\r\n", "a\n\"x\ny\"\n"),
            ("lone\rcr\r", "lone\rcr\r"),
            ("\r\r\n\r", "\r\n\r"),
            ("no end\r\nlast", "no end\nlast"),
            ("", ""),
        ];
        for (text, want) in cases {
            for chunk in 1..=4 {
                for buf_size in 1..=4 {
                    assert_eq!(
                        read_all(text, chunk, buf_size),
                        want,
                        "{text:?} by {chunk} into {buf_size}"
                    );
                }
            }
        }
    }
}
