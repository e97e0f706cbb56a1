//! Java `.properties` files, as `java.util.Properties.load(Reader)` reads
//! them (ChatonsInfos files are UTF-8): `#` and `!` comment lines,
//! `key=value`, `key: value` or `key value`, lines continued by an odd
//! number of trailing backslashes (the next line's leading spaces dropped),
//! escapes `\t \n \r \f \\ \= \: \uXXXX` (a backslash before any other
//! character is dropped). A malformed `\u` escape is an error, as in Java.

use super::ImportError;

/// One `key=value` of the file, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Property {
    pub key: String,
    pub value: String,
    pub line: usize,
}

/// What is wrong at a place of a properties file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PropertiesProblem {
    /// `\u` not followed by four hexadecimal digits.
    BadUnicodeEscape(String),
    /// Half of a UTF-16 surrogate pair (`\uD83D` alone).
    LoneSurrogate(String),
}

/// A piece of a logical line: where it starts in the logical line (in
/// chars), its line in the file and the column of its first char.
struct Segment {
    start: usize,
    line: usize,
    column: usize,
}

const SPACE: [char; 3] = [' ', '\t', '\x0c'];

/// The natural lines of a text (ended by `\n`, `\r\n` or `\r`), numbered.
fn natural_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' || bytes[i] == b'\r' {
            out.push((out.len() + 1, &text[start..i]));
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() {
        out.push((out.len() + 1, &text[start..]));
    }
    out
}

fn odd_backslashes(s: &str) -> bool {
    s.chars().rev().take_while(|&c| c == '\\').count() % 2 == 1
}

/// Reads every property of a text.
pub fn parse(file: &str, text: &str) -> Result<Vec<Property>, ImportError> {
    let lines = natural_lines(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (line, raw) = lines[i];
        i += 1;
        let trimmed = raw.trim_start_matches(SPACE);
        if trimmed.is_empty() || trimmed.starts_with(['#', '!']) {
            continue;
        }
        let mut logical = String::new();
        let mut segments = Vec::new();
        let (mut current, mut at_line) = (trimmed, line);
        let mut column = raw.chars().count() - trimmed.chars().count() + 1;
        loop {
            segments.push(Segment {
                start: logical.chars().count(),
                line: at_line,
                column,
            });
            if odd_backslashes(current) && i <= lines.len() {
                logical.push_str(&current[..current.len() - 1]);
                let Some(&(next_line, next)) = lines.get(i) else {
                    break;
                };
                i += 1;
                current = next.trim_start_matches(SPACE);
                at_line = next_line;
                column = next.chars().count() - current.chars().count() + 1;
            } else {
                logical.push_str(current);
                break;
            }
        }
        let place = |offset: usize| {
            let s = segments
                .iter()
                .rev()
                .find(|s| s.start <= offset)
                .unwrap_or(&segments[0]);
            (s.line, s.column + offset - s.start)
        };
        let fail = |offset: usize, problem: PropertiesProblem| {
            let (line, column) = place(offset);
            ImportError::Properties {
                file: file.to_string(),
                line,
                column,
                problem,
            }
        };
        let chars: Vec<char> = logical.chars().collect();
        let (key_end, value_start) = split_key(&chars);
        let key = unescape(&chars[..key_end], 0).map_err(|(at, p)| fail(at, p))?;
        let value = unescape(&chars[value_start..], value_start).map_err(|(at, p)| fail(at, p))?;
        out.push(Property { key, value, line });
    }
    Ok(out)
}

/// Where the key ends and the value starts.
fn split_key(chars: &[char]) -> (usize, usize) {
    let mut k = 0;
    let mut separator = false;
    while k < chars.len() {
        match chars[k] {
            '\\' => k += 2,
            '=' | ':' => {
                separator = true;
                break;
            }
            c if SPACE.contains(&c) => break,
            _ => k += 1,
        }
    }
    let key_end = k.min(chars.len());
    let mut v = key_end + usize::from(separator);
    while v < chars.len() {
        match chars[v] {
            c if SPACE.contains(&c) => v += 1,
            '=' | ':' if !separator => {
                separator = true;
                v += 1;
            }
            _ => break,
        }
    }
    (key_end, v.min(chars.len()))
}

fn hex4(chars: &[char], at: usize) -> Option<u32> {
    let digits: String = chars.get(at..at + 4)?.iter().collect();
    if digits.chars().all(|c| c.is_ascii_hexdigit()) {
        u32::from_str_radix(&digits, 16).ok()
    } else {
        None
    }
}

/// Resolves escapes; an error gives the offset of its backslash.
fn unescape(chars: &[char], base: usize) -> Result<String, (usize, PropertiesProblem)> {
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '\\' {
            out.push(c);
            i += 1;
            continue;
        }
        let Some(&next) = chars.get(i + 1) else {
            break;
        };
        match next {
            't' => out.push('\t'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            'f' => out.push('\x0c'),
            'u' => {
                let start = i;
                let text = || {
                    chars[start..(start + 6).min(chars.len())]
                        .iter()
                        .collect::<String>()
                };
                let high = hex4(chars, i + 2)
                    .ok_or_else(|| (base + start, PropertiesProblem::BadUnicodeEscape(text())))?;
                let code = if (0xD800..0xDC00).contains(&high) {
                    let low = (chars.get(i + 6..i + 8) == Some(&['\\', 'u']))
                        .then(|| hex4(chars, i + 8))
                        .flatten()
                        .filter(|l| (0xDC00..0xE000).contains(l))
                        .ok_or_else(|| (base + start, PropertiesProblem::LoneSurrogate(text())))?;
                    i += 6;
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    high
                };
                let ch = char::from_u32(code)
                    .ok_or_else(|| (base + start, PropertiesProblem::LoneSurrogate(text())))?;
                out.push(ch);
                i += 4;
            }
            other => out.push(other),
        }
        i += 2;
    }
    Ok(out)
}

/// The value of the last property with this key (Java keeps the last).
pub fn get<'a>(props: &'a [Property], key: &str) -> Option<&'a Property> {
    props.iter().rev().find(|p| p.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kv(text: &str) -> Vec<(String, String)> {
        parse("f", text)
            .unwrap()
            .into_iter()
            .map(|p| (p.key, p.value))
            .collect()
    }

    fn pair(k: &str, v: &str) -> (String, String) {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn separators_comments_and_spaces() {
        assert_eq!(
            kv("# comment\n! other\n\na=1\nb : 2\nc 3\n  d=\ne\n"),
            vec![
                pair("a", "1"),
                pair("b", "2"),
                pair("c", "3"),
                pair("d", ""),
                pair("e", "")
            ]
        );
        assert_eq!(kv("k = a = b"), vec![pair("k", "a = b")]);
        assert_eq!(
            kv("k=v  "),
            vec![pair("k", "v  ")],
            "trailing spaces are kept"
        );
    }

    #[test]
    fn escapes_and_continuations() {
        assert_eq!(
            kv(r"a\=b\:c\ d=x\ty\nz\\w\q"),
            vec![pair("a=b:c d", "x\ty\nz\\wq")]
        );
        assert_eq!(
            kv("k=un \\\n    deux \\\n\ttrois"),
            vec![pair("k", "un deux trois")]
        );
        assert_eq!(
            kv("k=fin\\\\\nl=2"),
            vec![pair("k", "fin\\"), pair("l", "2")]
        );
        assert_eq!(kv(r"k=caf\u00e9 \uD83D\uDE00"), vec![pair("k", "café 😀")]);
        assert_eq!(kv("k=é direct"), vec![pair("k", "é direct")]);
        assert_eq!(
            kv("k=v\\"),
            vec![pair("k", "v")],
            "a last lone backslash is dropped"
        );
        assert_eq!(
            kv("# c \\\nk=v"),
            vec![pair("k", "v")],
            "comments do not continue"
        );
        assert_eq!(
            kv("a=1\r\nb=2\rc=3"),
            vec![pair("a", "1"), pair("b", "2"), pair("c", "3")]
        );
    }

    #[test]
    fn malformed_escapes_are_placed() {
        match parse("f", "a=1\nkey=ab\\u12G4") {
            Err(ImportError::Properties {
                line,
                column,
                problem,
                ..
            }) => {
                assert_eq!((line, column), (2, 7));
                assert_eq!(
                    problem,
                    PropertiesProblem::BadUnicodeEscape("\\u12G4".into())
                );
            }
            other => panic!("{other:?}"),
        }
        match parse("f", "k=a \\\n  b\\uD83D") {
            Err(ImportError::Properties {
                line,
                column,
                problem,
                ..
            }) => {
                assert_eq!((line, column), (2, 4));
                assert!(matches!(problem, PropertiesProblem::LoneSurrogate(_)));
            }
            other => panic!("{other:?}"),
        }
    }
}
