//! Writing a census in its canonical form, by hand: sorted, fixed layout,
//! one entry per line, so equal data give equal bytes and small changes give
//! small diffs.

use std::fmt::Write as _;

use super::{HEADER, checksum_of};
use crate::census::model::{Census, Entry, FORMAT_VERSION, Initiative, Stamp, Value};

/// Writes a RON string literal; control characters are escaped so that every
/// entry stays on one line and nothing in a value can act on a terminal.
pub fn write_str_literal(out: &mut String, s: &str) {
    out.push('"');
    // Most values need no escape at all: copy them whole. (0xC2 starts the
    // UTF-8 form of the C1 control characters U+0080..U+009F.)
    let plain = s
        .bytes()
        .all(|b| b >= 0x20 && b != b'"' && b != b'\\' && b != 0x7f && b != 0xC2);
    if plain {
        out.push_str(s);
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn write_value(out: &mut String, v: &Value) {
    match v {
        Value::Text(s) => write_str_literal(out, s),
        Value::Record(map) => {
            out.push('{');
            for (n, (k, v)) in map.iter().enumerate() {
                if n > 0 {
                    out.push_str(", ");
                }
                write_str_literal(out, k);
                out.push_str(": ");
                write_str_literal(out, v);
            }
            out.push('}');
        }
    }
}

fn write_entry(out: &mut String, e: &Entry) {
    out.push('(');
    write_value(out, &e.value);
    let stamp = match e.stamp {
        Stamp::Recorded { dot, at } => Some((dot, at, e.value.short_hash())),
        // An edit not yet adopted keeps its old hash, so it stays visible.
        Stamp::HandEdited { dot, at, hash } => Some((dot, at, hash)),
        Stamp::Bare => None,
    };
    if let Some((dot, at, hash)) = stamp {
        // Written without `format!`: a census has one stamp per entry.
        out.push_str(", \"");
        out.push_str(dot.agent.as_str());
        out.push(':');
        push_u32(out, dot.counter);
        out.push(' ');
        at.push_canonical(out);
        out.push(' ');
        push_hex6(out, hash);
        out.push('"');
    }
    out.push(')');
}

fn push_u32(out: &mut String, mut n: u32) {
    let mut buf = [0u8; 10];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
}

fn push_hex6(out: &mut String, h: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut buf = [0u8; 6];
    for (i, b) in buf.iter_mut().enumerate() {
        *b = HEX[((h >> (20 - 4 * i)) & 0xF) as usize];
    }
    out.push_str(std::str::from_utf8(&buf).unwrap_or("000000"));
}

pub(super) fn write_initiative(out: &mut String, i: &Initiative) {
    out.push_str("        (\n            id: ");
    write_str_literal(out, i.id.as_str());
    out.push_str(",\n            seen: {");
    for (n, (agent, counter)) in i.seen.0.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        let _ = write!(out, "\"{agent}\": {counter}");
    }
    out.push_str("},\n            fields: {\n");
    for (field, entries) in i.fields.iter() {
        out.push_str("                ");
        write_str_literal(out, field);
        out.push_str(": [");
        if let [one] = entries.as_slice() {
            write_entry(out, one);
        } else {
            out.push('\n');
            for e in entries {
                out.push_str("                    ");
                write_entry(out, e);
                out.push_str(",\n");
            }
            out.push_str("                ");
        }
        out.push_str("],\n");
    }
    out.push_str("            },\n        ),\n");
}

/// The canonical text of one initiative, as it stands in the file.
pub fn initiative_canonical(i: &Initiative) -> String {
    let mut out = String::new();
    write_initiative(&mut out, i);
    out
}

/// The checksums of the canonical text of a census as this version writes
/// it and as earlier ones did, without the footer line.
pub(super) fn canonical_checksums(census: &Census) -> [String; 2] {
    let mut body = canonical_body(census, false);
    let earlier = checksum_of(&body);
    super::footer::write(&mut body, census);
    [checksum_of(&body), earlier]
}

/// The canonical text of a census.
pub fn to_canonical(census: &Census) -> String {
    let mut out = canonical_body(census, true);
    let sum = checksum_of(&out);
    let _ = writeln!(out, "    checksum: \"{sum}\",\n)");
    out
}

/// The canonical text of a census up to its checksum line (what it covers).
fn canonical_body(census: &Census, footer: bool) -> String {
    let estimate = 256 + census.initiatives.len() * 1400;
    let mut out = String::with_capacity(estimate);
    out.push_str(HEADER);
    let _ = writeln!(out, "(\n    format: {FORMAT_VERSION},");
    out.push_str("    territory: ");
    write_str_literal(&mut out, &census.territory);
    if !census.perimeter.is_default() {
        let p = &census.perimeter;
        out.push_str(",\n    perimeter: (spec: ");
        write_str_literal(&mut out, &p.spec);
        let _ = write!(out, ", at: {}, by: ", p.at.0);
        write_str_literal(&mut out, &p.by);
        out.push(')');
    }
    out.push_str(",\n    schema: ");
    write_str_literal(&mut out, &census.schema_id);
    let _ = writeln!(out, ",\n    schema_version: {},", census.schema_version);
    out.push_str("    agents: {");
    if !census.agents.is_empty() {
        out.push('\n');
        for (id, name) in &census.agents {
            let _ = write!(out, "        \"{id}\": ");
            write_str_literal(&mut out, name);
            out.push_str(",\n");
        }
        out.push_str("    ");
    }
    out.push_str("},\n    initiatives: [");
    if !census.initiatives.is_empty() {
        out.push('\n');
        for i in &census.initiatives {
            write_initiative(&mut out, i);
        }
        out.push_str("    ");
    }
    out.push_str("],\n");
    if footer {
        super::footer::write(&mut out, census);
    }
    out
}
