//! Checking and normalising one value against its field's type: what a person
//! types becomes the canonical form stored in the file (`02 98 00 00 00` →
//! `+33298000000`, `29/11/2026` → `2026-11-29`, a choice label → its id).

use std::borrow::Cow;

use crate::census::model::Text;
use crate::census::schema::{Field, FieldType, Schema};
use crate::census::search::fold;
use crate::census::time::Date;

/// Longest short text, in characters.
pub const MAX_TEXT: usize = 500;
/// Longest long text, in characters.
pub const MAX_LONG_TEXT: usize = 20_000;

/// Why a value was refused. Each variant carries what the message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueError {
    Empty,
    TooLong {
        max: usize,
    },
    ControlCharacter,
    NotInList {
        accepted: Vec<String>,
    },
    Url,
    Email,
    Phone,
    PostalCode,
    InseeCode,
    SiretFormat,
    SiretChecksum,
    Rna,
    Date,
    /// A date of a field that takes a year or a month too.
    PartialDate,
    GeoPointFormat,
    Latitude,
    Longitude,
    /// Not OpenStreetMap `opening_hours`; says which part is wrong.
    OpeningHours {
        part: String,
    },
    RelationFormat,
    RelationKind {
        accepted: Vec<String>,
    },
    /// The schema's own constraint, with its message.
    Constraint {
        message_fr: String,
        message_en: String,
    },
}

/// Checks one value (one element for multi-valued fields) and returns its
/// canonical form. Relations are checked for form only: whether the target
/// exists is the census's business.
pub fn normalize(schema: &Schema, field: &Field, raw: &str) -> Result<String, ValueError> {
    normalize_cow(schema, field, raw).map(Cow::into_owned)
}

/// [`normalize`] of a value given owned (an import's cell): a value that is
/// already canonical (most texts) is returned as it came, without a copy.
/// On error, the value is handed back with it.
pub fn normalize_owned(
    schema: &Schema,
    field: &Field,
    raw: Text,
) -> Result<Text, (ValueError, Text)> {
    match normalize_cow(schema, field, &raw) {
        Ok(Cow::Borrowed(v)) if v.len() == raw.len() => Ok(raw),
        Ok(Cow::Borrowed(v)) => Ok(Text::new(v)),
        Ok(Cow::Owned(v)) => Ok(Text::from(v)),
        Err(e) => Err((e, raw)),
    }
}

/// The canonical form of a value, borrowed from `raw` when it is `raw`
/// trimmed.
fn normalize_cow<'r>(
    schema: &Schema,
    field: &Field,
    raw: &'r str,
) -> Result<Cow<'r, str>, ValueError> {
    let value = match &field.field_type {
        FieldType::Date if field.partial => crate::census::partial_date::parse(raw)
            .map(Cow::Owned)
            .ok_or(if raw.trim().is_empty() {
                ValueError::Empty
            } else {
                ValueError::PartialDate
            })?,
        _ => normalize_type(schema, &field.field_type, raw)?,
    };
    if let Some(c) = &field.constraint {
        let too_long = c.max_len.is_some_and(|max| value.chars().count() > max);
        let mismatch = schema
            .pattern(&field.id)
            .is_some_and(|re| !re.is_match(&value));
        if too_long || mismatch {
            return Err(ValueError::Constraint {
                message_fr: c.message.fr.clone(),
                message_en: c.message.get(crate::lang::Lang::En).to_string(),
            });
        }
    }
    Ok(value)
}

fn normalize_type<'r>(
    schema: &Schema,
    ty: &FieldType,
    raw: &'r str,
) -> Result<Cow<'r, str>, ValueError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(ValueError::Empty);
    }
    if canonical(ty, trimmed) {
        return Ok(Cow::Borrowed(trimmed));
    }
    normalize_fully(schema, ty, trimmed)
}

/// The canonical form of a trimmed, non-empty value, by the whole check.
fn normalize_fully<'r>(
    schema: &Schema,
    ty: &FieldType,
    trimmed: &'r str,
) -> Result<Cow<'r, str>, ValueError> {
    let owned = match ty {
        FieldType::Text => return text(trimmed, MAX_TEXT, false).map(Cow::Borrowed),
        FieldType::LongText => return text(trimmed, MAX_LONG_TEXT, true).map(Cow::Borrowed),
        FieldType::Choice(list) | FieldType::Choices(list) => choice(schema, list, trimmed)
            .ok_or_else(|| ValueError::NotInList {
                accepted: schema.choices(list).iter().map(|c| c.id.clone()).collect(),
            }),
        FieldType::Url => url(trimmed),
        FieldType::Email => email(trimmed),
        FieldType::Phone => phone(trimmed),
        FieldType::PostalCode => {
            let s: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
            (s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()))
                .then_some(s)
                .ok_or(ValueError::PostalCode)
        }
        FieldType::InseeCode => insee(trimmed),
        FieldType::Siret => siret(trimmed),
        FieldType::Rna => {
            let s = trimmed.to_ascii_uppercase();
            let ok =
                s.len() == 10 && s.starts_with('W') && s[1..].bytes().all(|b| b.is_ascii_digit());
            ok.then_some(s).ok_or(ValueError::Rna)
        }
        FieldType::Date => Date::parse(trimmed)
            .map(|d| d.to_string())
            .ok_or(ValueError::Date),
        FieldType::GeoPoint => geo_point(trimmed).map(|(lat, lon)| format_point(lat, lon)),
        FieldType::Relations(list) => relation(schema, list, trimmed),
        FieldType::OpeningHours => hours(trimmed),
    };
    owned.map(Cow::Owned)
}

/// Whether `s` is already in the canonical form of `ty`, found by a quick
/// look without building anything: the normalisation below would give `s`
/// back as it is (a test checks that on many values). Most values of a file
/// that recense exported, imported back, are; `false` only means "look
/// closer", for the types without a quick look too.
fn canonical(ty: &FieldType, s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |b: &[u8]| b.iter().all(u8::is_ascii_digit);
    match ty {
        FieldType::PostalCode => b.len() == 5 && digits(b),
        FieldType::Siret => b.len() == 14 && digits(b) && siret_checksum(s),
        FieldType::Rna => b.len() == 10 && b[0] == b'W' && digits(&b[1..]),
        FieldType::InseeCode => insee_ok(b),
        FieldType::Date => {
            b.len() == 10
                && (b[4], b[7]) == (b'-', b'-')
                && digits(&b[..4])
                && digits(&b[5..7])
                && digits(&b[8..])
                && Date::parse(s).is_some()
        }
        FieldType::Phone => {
            b.len() > 1 && b[0] == b'+' && digits(&b[1..]) && international(&s[1..])
        }
        FieldType::Email => {
            !s.starts_with("mailto:")
                && email_parts(s).is_some_and(|(_, domain)| {
                    domain.is_ascii() && !domain.bytes().any(|c| c.is_ascii_uppercase())
                })
        }
        FieldType::Url => (has_scheme(s, "http://") || has_scheme(s, "https://")) && url_ok(s),
        FieldType::GeoPoint => match s.split_once(',') {
            Some((lat, lon)) => {
                let within = |x: &str, max: f64| x.parse::<f64>().is_ok_and(|v| v.abs() <= max);
                canonical_coordinate(lat)
                    && canonical_coordinate(lon)
                    && within(lat, 90.0)
                    && within(lon, 180.0)
            }
            None => false,
        },
        _ => false,
    }
}

/// `-?(0|[1-9][0-9]*)(.[0-9]{0,5}[1-9])?`, but not `-0`: what
/// [`push_coordinate`] writes (at most 6 decimals, no trailing zero). A
/// number of a dozen digits at most reads into the `f64` that writes back
/// as the same digits.
fn canonical_coordinate(s: &str) -> bool {
    let unsigned = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let int_ok = int == "0" || (!int.is_empty() && int.len() <= 3 && !int.starts_with('0'));
    let frac_ok = !unsigned.ends_with('.') && frac.len() <= 6 && !frac.ends_with('0');
    int_ok && frac_ok && int.bytes().chain(frac.bytes()).all(|c| c.is_ascii_digit()) && s != "-0"
}

fn text(s: &str, max: usize, multiline: bool) -> Result<&str, ValueError> {
    // No more bytes than the limit: no more characters either.
    if s.len() > max && s.chars().count() > max {
        return Err(ValueError::TooLong { max });
    }
    // Control characters are U+0000-U+001F, U+007F and U+0080-U+009F (in
    // UTF-8, 0xC2 then 0x80-0x9F): a text without such bytes, most of
    // them, is checked in one quick pass; the others character by character.
    // Sixteen bytes at a time without a branch: long descriptions are
    // checked in a few vector instructions.
    let ok = |b: &u8| (*b >= 0x20) & (*b != 0x7F) & (*b != 0xC2);
    let plain =
        (s.as_bytes().chunks(16)).all(|chunk| chunk.iter().fold(true, |all, b| all & ok(b)));
    let bad = |c: char| c.is_control() && !(multiline && (c == '\n' || c == '\t'));
    if !plain && s.chars().any(bad) {
        return Err(ValueError::ControlCharacter);
    }
    Ok(s)
}

/// A choice by id, or by its label in either language, accents and case aside.
pub fn choice(schema: &Schema, list: &str, raw: &str) -> Option<String> {
    let items = schema.choices(list);
    if let Some(c) = items.iter().find(|c| c.id == raw) {
        return Some(c.id.clone());
    }
    let wanted = fold(raw);
    items
        .iter()
        .find(|c| {
            fold(&c.id) == wanted || fold(&c.label.fr) == wanted || fold(&c.label.en) == wanted
        })
        .map(|c| c.id.clone())
}

/// Whether `s` starts with `scheme`, case aside.
fn has_scheme(s: &str, scheme: &str) -> bool {
    s.len() > scheme.len() && s.as_bytes()[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes())
}

/// The host in what follows a URL's scheme: before any path, query or
/// fragment, after any user, without the port.
fn host(rest: &str) -> &str {
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = host.rsplit('@').next().unwrap_or("");
    host.split(':').next().unwrap_or("")
}

/// Whether a URL with its scheme has no space nor control character and a
/// host name with a dot.
fn url_ok(url: &str) -> bool {
    if !printable(url, b"") {
        return false;
    }
    let scheme_end = url.as_bytes().windows(3).position(|w| w == b"://");
    let host = host(scheme_end.map_or("", |at| &url[at + 3..]));
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
}

fn url(s: &str) -> Result<String, ValueError> {
    let with_scheme = if has_scheme(s, "http://") || has_scheme(s, "https://") {
        s.to_string()
    } else if !s.contains("://") && s.contains('.') {
        format!("https://{s}")
    } else {
        return Err(ValueError::Url);
    };
    url_ok(&with_scheme)
        .then_some(with_scheme)
        .ok_or(ValueError::Url)
}

/// The host of a URL, lowercased, without `www.`: what duplicate checks compare.
pub fn url_domain(url: &str) -> Option<String> {
    let host = host(url.split_once("://").map(|x| x.1).unwrap_or(url));
    let host = host.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// The local part and domain of an address (without `mailto:`), if it is one.
fn email_parts(s: &str) -> Option<(&str, &str)> {
    let (local, domain) = s.rsplit_once('@')?;
    let ok = !local.is_empty()
        && !local.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.as_bytes().windows(2).any(|w| w == b"..")
        && printable(s, b",;");
    ok.then_some((local, domain))
}

/// Whether `s` has no space, no control character, nor any of `refused`
/// (ASCII): byte by byte when `s` is ASCII, as most addresses are.
fn printable(s: &str, refused: &[u8]) -> bool {
    if s.is_ascii() {
        s.bytes()
            .all(|b| b.is_ascii_graphic() && !refused.contains(&b))
    } else {
        s.chars().all(|c| {
            let refused = c.is_ascii() && refused.contains(&(c as u8));
            !(c.is_whitespace() || c.is_control() || refused)
        })
    }
}

fn email(s: &str) -> Result<String, ValueError> {
    let s = s.strip_prefix("mailto:").unwrap_or(s);
    let (local, domain) = email_parts(s).ok_or(ValueError::Email)?;
    Ok(format!("{local}@{}", domain.to_lowercase()))
}

/// Whether the digits after `+` make an international number (a French
/// one has 11).
fn international(digits: &str) -> bool {
    (8..=15).contains(&digits.len())
        && !digits.starts_with('0')
        && !(digits.starts_with("33") && digits.len() != 11)
}

/// French numbers in any usual writing → `+33…` (overseas departments get their
/// own country code); other international numbers are kept as `+…`.
fn phone(s: &str) -> Result<String, ValueError> {
    let s = s.replace("(0)", "");
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in s.chars().enumerate() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if i == 0 => plus = true,
            ' ' | '.' | '-' | '(' | ')' | '\u{a0}' => {}
            _ => return Err(ValueError::Phone),
        }
    }
    if !plus && digits.starts_with("00") {
        digits.drain(..2);
        plus = true;
    }
    if plus {
        return (international(&digits))
            .then(|| format!("+{digits}"))
            .ok_or(ValueError::Phone);
    }
    if digits.len() != 10 || !digits.starts_with('0') || digits.as_bytes()[1] == b'0' {
        return Err(ValueError::Phone);
    }
    let national = &digits[1..];
    let overseas = [
        ("262", "262"),
        ("263", "262"),
        ("692", "262"),
        ("693", "262"),
        ("269", "262"),
        ("639", "262"),
        ("590", "590"),
        ("690", "590"),
        ("691", "590"),
        ("594", "594"),
        ("694", "594"),
        ("596", "596"),
        ("696", "596"),
        ("697", "596"),
    ];
    let code = overseas
        .iter()
        .find(|(prefix, _)| national.starts_with(prefix))
        .map_or("33", |(_, code)| code);
    Ok(format!("+{code}{national}"))
}

/// A commune code in capitals: 5 digits, or `2A`/`2B` (Corsica) and 3.
fn insee_ok(b: &[u8]) -> bool {
    b.len() == 5
        && b[2..].iter().all(u8::is_ascii_digit)
        && match (b[0], b[1]) {
            (b'2', b'A' | b'B' | b'1'..=b'9') => true,
            (b'0' | b'1' | b'3'..=b'9', d) => d.is_ascii_digit(),
            _ => false,
        }
}

fn insee(s: &str) -> Result<String, ValueError> {
    let s = s.to_ascii_uppercase();
    insee_ok(s.as_bytes())
        .then_some(s)
        .ok_or(ValueError::InseeCode)
}

/// Luhn checksum over a string of digits.
pub fn luhn_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn siret(s: &str) -> Result<String, ValueError> {
    let digits: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValueError::SiretFormat);
    }
    siret_checksum(&digits)
        .then_some(digits)
        .ok_or(ValueError::SiretChecksum)
}

/// The checksum of 14 digits: Luhn, or La Poste's own for its offices.
fn siret_checksum(digits: &str) -> bool {
    if digits.starts_with("356000000") {
        digits.bytes().map(|b| u32::from(b - b'0')).sum::<u32>() % 5 == 0
    } else {
        luhn_ok(digits)
    }
}

/// `48.39,-4.48` (also with a space or `;` between) → (lat, lon), range-checked.
pub fn geo_point(s: &str) -> Result<(f64, f64), ValueError> {
    let parts: Vec<&str> = if s.contains(';') {
        s.split(';').collect()
    } else if s.contains(',') {
        s.split(',').collect()
    } else {
        s.split_whitespace().collect()
    };
    let [lat, lon] = parts.as_slice() else {
        return Err(ValueError::GeoPointFormat);
    };
    let parse = |x: &str| x.trim().parse::<f64>().ok().filter(|v| v.is_finite());
    let (Some(lat), Some(lon)) = (parse(lat), parse(lon)) else {
        return Err(ValueError::GeoPointFormat);
    };
    if !(-90.0..=90.0).contains(&lat) {
        return Err(ValueError::Latitude);
    }
    if !(-180.0..=180.0).contains(&lon) {
        return Err(ValueError::Longitude);
    }
    Ok((lat, lon))
}

/// At most 6 decimals (about 10 cm), trailing zeros removed.
pub fn format_point(lat: f64, lon: f64) -> String {
    let mut out = String::with_capacity(24);
    push_coordinate(&mut out, lat);
    out.push(',');
    push_coordinate(&mut out, lon);
    out
}

/// One coordinate with at most 6 decimals, trailing zeros dropped, `-0` as
/// `0`, pushed onto `out` (no allocation of its own).
fn push_coordinate(out: &mut String, v: f64) {
    use std::fmt::Write;
    let start = out.len();
    let _ = write!(out, "{v:.6}");
    let kept = out[start..]
        .trim_end_matches('0')
        .trim_end_matches('.')
        .len();
    out.truncate(start + kept);
    if &out[start..] == "-0" {
        out.truncate(start);
        out.push('0');
    }
}

/// `KIND:ID`, or `ID` alone for the list's first kind.
fn relation(schema: &Schema, list: &str, s: &str) -> Result<String, ValueError> {
    let (kind, id) = match s.split_once(':') {
        Some((k, id)) => {
            let kind = choice(schema, list, k.trim()).ok_or_else(|| ValueError::RelationKind {
                accepted: schema.choices(list).iter().map(|c| c.id.clone()).collect(),
            })?;
            (kind, id.trim())
        }
        None => {
            let first = schema
                .choices(list)
                .first()
                .ok_or(ValueError::RelationFormat)?;
            (first.id.clone(), s)
        }
    };
    if crate::census::id::InitiativeId::parse(id).is_err() {
        return Err(ValueError::RelationFormat);
    }
    Ok(format!("{kind}:{id}"))
}

const DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Checks OpenStreetMap `opening_hours` (the common forms: `24/7`, day
/// selectors `Mo-Fr`, `Sa,Su`, `PH`, times `09:00-12:00,14:00-18:30`, `off`)
/// and writes it back with single spaces: `Mo-Fr 09:00-12:00; Sa 10:00-12:00`.
pub fn opening_hours(s: &str) -> Result<String, ValueError> {
    let bad = |part: &str| ValueError::OpeningHours {
        part: part.trim().to_string(),
    };
    let mut rules = Vec::new();
    for rule in s.split(';').map(str::trim).filter(|r| !r.is_empty()) {
        if rule == "24/7" {
            rules.push(rule.to_string());
            continue;
        }
        let mut parts = rule.split_whitespace();
        let mut out = Vec::new();
        let mut first = parts.next().ok_or_else(|| bad(rule))?;
        // Day selectors are optional: "09:00-18:00" alone means every day.
        if !first.starts_with(|c: char| c.is_ascii_digit()) {
            for sel in first.split(',') {
                let ok = match sel.split_once('-') {
                    Some((a, b)) => DAYS.contains(&a) && DAYS.contains(&b),
                    None => DAYS.contains(&sel) || sel == "PH" || sel == "SH",
                };
                if !ok {
                    return Err(bad(first));
                }
            }
            out.push(first.to_string());
            match parts.next() {
                Some(next) => first = next,
                None => return Err(bad(rule)),
            }
        }
        if first == "off" || first == "closed" {
            out.push(first.to_string());
        } else {
            for span in first.split(',') {
                let (a, b) = span.split_once('-').ok_or_else(|| bad(span))?;
                let time = |t: &str| {
                    let (h, m) = t.split_once(':')?;
                    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
                    (t.len() == 5 && h <= 24 && m <= 59 && (h < 24 || m == 0)).then_some(())
                };
                if time(a).is_none() || time(b).is_none() {
                    return Err(bad(span));
                }
            }
            out.push(first.to_string());
        }
        if let Some(extra) = parts.next() {
            return Err(bad(extra));
        }
        rules.push(out.join(" "));
    }
    if rules.is_empty() {
        return Err(ValueError::Empty);
    }
    Ok(rules.join("; "))
}

/// Opening hours in OpenStreetMap syntax, or written in French (read into
/// it, see census::hours). An error names the part the French reading
/// stopped at when the text reads as French (it has words of its own),
/// else the part OpenStreetMap's did.
fn hours(s: &str) -> Result<String, ValueError> {
    let osm_error = match opening_hours(s) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    match crate::census::hours::french_to_osm(s) {
        Ok(v) => opening_hours(&v),
        Err(e) => {
            let words = s
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() >= 3 && w != "off" && w != "closed");
            Err(if words { e } else { osm_error })
        }
    }
}

/// Splits a stored relation `KIND:ID`.
pub fn split_relation(value: &str) -> Option<(&str, &str)> {
    value.split_once(':')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schema() -> Schema {
        Schema::default_schema()
    }

    fn norm(field: &str, raw: &str) -> Result<String, ValueError> {
        let s = schema();
        let f = s.field(field).unwrap().clone();
        normalize(&s, &f, raw)
    }

    #[test]
    fn siret_checksum_and_la_poste() {
        // SIRET of a real establishment (Luhn-valid).
        assert_eq!(
            norm("siret", "732 829 320 00074").as_deref(),
            Ok("73282932000074")
        );
        assert_eq!(
            norm("siret", "73282932000075"),
            Err(ValueError::SiretChecksum)
        );
        assert_eq!(norm("siret", "7328293200007"), Err(ValueError::SiretFormat));
        assert_eq!(
            norm("siret", "7328293200007A"),
            Err(ValueError::SiretFormat)
        );
        // La Poste: digit sum multiple of 5 is valid even when Luhn fails.
        let la_poste = "35600000049837";
        assert_eq!(
            la_poste.bytes().map(|b| u32::from(b - b'0')).sum::<u32>() % 5,
            0
        );
        assert!(!luhn_ok(la_poste));
        assert_eq!(norm("siret", la_poste).as_deref(), Ok(la_poste));
        // Luhn-valid but digit sum not a multiple of 5: refused for La Poste.
        assert_eq!(
            norm("siret", "35600000000048"),
            Err(ValueError::SiretChecksum)
        );
    }

    #[test]
    fn rna_postal_and_insee() {
        assert_eq!(norm("rna", "w291000123").as_deref(), Ok("W291000123"));
        assert_eq!(norm("rna", "W29100012"), Err(ValueError::Rna));
        assert_eq!(norm("rna", "X291000123"), Err(ValueError::Rna));
        assert_eq!(norm("code_postal", "29 200").as_deref(), Ok("29200"));
        assert_eq!(norm("code_postal", "2920"), Err(ValueError::PostalCode));
        assert_eq!(norm("code_insee", "29019").as_deref(), Ok("29019"));
        assert_eq!(norm("code_insee", "2a004").as_deref(), Ok("2A004"));
        assert_eq!(norm("code_insee", "2B033").as_deref(), Ok("2B033"));
        assert_eq!(norm("code_insee", "2C033"), Err(ValueError::InseeCode));
        assert_eq!(norm("code_insee", "20033"), Err(ValueError::InseeCode));
        assert_eq!(norm("code_insee", "97411").as_deref(), Ok("97411"));
    }

    #[test]
    fn phones_become_international() {
        assert_eq!(
            norm("telephone", "02 98 00 12 34").as_deref(),
            Ok("+33298001234")
        );
        assert_eq!(
            norm("telephone", "+33 (0)2.98.00.12.34").as_deref(),
            Ok("+33298001234")
        );
        assert_eq!(
            norm("telephone", "0033298001234").as_deref(),
            Ok("+33298001234")
        );
        assert_eq!(
            norm("telephone", "0692 12 34 56").as_deref(),
            Ok("+262692123456")
        );
        assert_eq!(
            norm("telephone", "+32 2 123 45 67").as_deref(),
            Ok("+3221234567")
        );
        assert_eq!(norm("telephone", "02 98"), Err(ValueError::Phone));
        assert_eq!(norm("telephone", "+33 2 98"), Err(ValueError::Phone));
        assert_eq!(norm("telephone", "appeler"), Err(ValueError::Phone));
    }

    #[test]
    fn points_keep_six_decimals_without_trailing_zeros() {
        assert_eq!(format_point(48.39, -4.4861), "48.39,-4.4861");
        assert_eq!(format_point(45.0, 5.72), "45,5.72");
        assert_eq!(format_point(-0.0000001, 1.23456789), "0,1.234568");
        assert_eq!(format_point(0.0, -0.0), "0,0");
    }

    #[test]
    fn urls_emails_dates_points() {
        assert_eq!(
            norm("site_web", "www.infini.fr").as_deref(),
            Ok("https://www.infini.fr")
        );
        assert_eq!(
            norm("site_web", "http://a-brest.net/x?y").as_deref(),
            Ok("http://a-brest.net/x?y")
        );
        assert_eq!(norm("site_web", "pas un site"), Err(ValueError::Url));
        assert_eq!(norm("site_web", "ftp://x.org"), Err(ValueError::Url));
        assert_eq!(
            url_domain("https://www.Infini.fr/contact").as_deref(),
            Some("infini.fr")
        );
        assert_eq!(
            norm("courriel", "Contact@Infini.FR").as_deref(),
            Ok("Contact@infini.fr")
        );
        assert_eq!(norm("courriel", "contact@infini"), Err(ValueError::Email));
        assert_eq!(norm("courriel", "a b@c.fr"), Err(ValueError::Email));
        assert_eq!(
            norm("coordonnees", "48.3904, -4.4861").as_deref(),
            Ok("48.3904,-4.4861")
        );
        assert_eq!(
            norm("coordonnees", "48.39 -4.48").as_deref(),
            Ok("48.39,-4.48")
        );
        assert_eq!(norm("coordonnees", "91,0"), Err(ValueError::Latitude));
        assert_eq!(norm("coordonnees", "45,181"), Err(ValueError::Longitude));
        assert_eq!(
            norm("coordonnees", "Brest"),
            Err(ValueError::GeoPointFormat)
        );
        assert_eq!(
            norm("coordonnees", "NaN,1"),
            Err(ValueError::GeoPointFormat)
        );
    }

    #[test]
    fn choices_accept_ids_and_labels() {
        assert_eq!(norm("type", "mediatheque").as_deref(), Ok("mediatheque"));
        assert_eq!(norm("type", "Médiathèque").as_deref(), Ok("mediatheque"));
        assert_eq!(norm("type", "MEDIATHEQUE").as_deref(), Ok("mediatheque"));
        match norm("type", "piscine") {
            Err(ValueError::NotInList { accepted }) => {
                assert!(accepted.contains(&"chatons".to_string()))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_limits_and_control_characters() {
        assert_eq!(norm("nom", "  Infini  ").as_deref(), Ok("Infini"));
        assert_eq!(norm("nom", "   "), Err(ValueError::Empty));
        assert_eq!(
            norm("nom", "a\u{1b}[2Jb"),
            Err(ValueError::ControlCharacter)
        );
        assert_eq!(
            norm("nom", &"x".repeat(MAX_TEXT + 1)),
            Err(ValueError::TooLong { max: MAX_TEXT })
        );
        assert_eq!(
            norm("notes", "ligne 1\nligne 2").as_deref(),
            Ok("ligne 1\nligne 2")
        );
    }

    proptest::proptest! {
        /// The byte pass of `text` says what the character check says.
        #[test]
        fn texts_are_checked_as_character_by_character(
            s in "[a-zé«»\u{80}-\u{a0}\u{0}-\u{1f}\u{7f}\n\t ]{0,30}",
            max in 0usize..30,
            multiline: bool,
        ) {
            let bad = |c: char| c.is_control() && !(multiline && (c == '\n' || c == '\t'));
            let expected = if s.chars().count() > max {
                Err(ValueError::TooLong { max })
            } else if s.chars().any(bad) {
                Err(ValueError::ControlCharacter)
            } else {
                Ok(s.as_str())
            };
            proptest::prop_assert_eq!(text(&s, max, multiline), expected);
        }

        /// Byte by byte or character by character, `printable` says what a
        /// look at each character says.
        #[test]
        fn printable_is_decided_as_character_by_character(
            s in "[a-z@.,;: \t\u{7f}\u{85}\u{a0}\u{0}-\u{1f}é\u{2003}]{0,12}",
        ) {
            let expected = s.chars().all(|c| {
                !c.is_whitespace() && !c.is_control() && c != ',' && c != ';'
            });
            proptest::prop_assert_eq!(printable(&s, b",;"), expected);
        }

        /// What the quick look takes as canonical, the whole check gives
        /// back unchanged: values near each type's canonical form, some of
        /// them canonical, most a character away.
        #[test]
        fn what_looks_canonical_normalizes_to_itself(
            postal in "[0-9 ]{4,6}",
            siret in "[0-9]{13,15}",
            rna in "[Ww][0-9]{8,10}",
            insee in "[0-9ABab]{2}[0-9]{3}",
            date in "[0-9]{4}-[0-9]{1,2}-[0-9]{1,3}",
            phone in "\\+?[0-9]{6,16}",
            email in "(mailto:)?[a-z.@]{1,5}@[a-zA-Z.]{1,8}",
            url in "(https?|HTTPS|ftp)://[a-zA-Z.:/@ -]{0,15}",
            geo in "-?[0-9]{1,3}(\\.[0-9]{0,7})?,-?[0-9]{1,3}(\\.[0-9]{0,7})?",
        ) {
            let schema = Schema::default_schema();
            let cases = [
                (FieldType::PostalCode, postal),
                (FieldType::Siret, siret),
                (FieldType::Rna, rna),
                (FieldType::InseeCode, insee),
                (FieldType::Date, date),
                (FieldType::Phone, phone),
                (FieldType::Email, email),
                (FieldType::Url, url),
                (FieldType::GeoPoint, geo),
            ];
            for (ty, value) in cases {
                if canonical(&ty, &value) {
                    let full = normalize_fully(&schema, &ty, &value);
                    proptest::prop_assert_eq!(full.as_deref(), Ok(value.as_str()), "{:?}", ty);
                }
            }
        }
    }

    #[test]
    fn values_in_canonical_form_are_seen_at_once() {
        let yes = [
            (FieldType::PostalCode, "29200"),
            (FieldType::Siret, "43493312300029"),
            (FieldType::Rna, "W291000123"),
            (FieldType::InseeCode, "2A004"),
            (FieldType::Date, "2024-04-02"),
            (FieldType::Phone, "+33298001234"),
            (FieldType::Email, "contact@example.org"),
            (FieldType::Url, "https://example.org/a?b#c"),
            (FieldType::GeoPoint, "48.39,-4.4861"),
            (FieldType::GeoPoint, "0,-0.5"),
        ];
        for (ty, value) in yes {
            assert!(canonical(&ty, value), "{value} is canonical");
        }
        let no = [
            (FieldType::PostalCode, "29 200"),
            (FieldType::Siret, "43493312300028"),
            (FieldType::Rna, "w291000123"),
            (FieldType::InseeCode, "2a004"),
            (FieldType::Date, "02/04/2024"),
            (FieldType::Phone, "0298001234"),
            (FieldType::Email, "Contact@Example.org"),
            (FieldType::Url, "example.org"),
            (FieldType::GeoPoint, "48.390,-4.48"),
            (FieldType::GeoPoint, "-0,5"),
            (FieldType::GeoPoint, "48.1234567,-4"),
            (FieldType::GeoPoint, "048.1,-4"),
            (FieldType::GeoPoint, "48.39, -4.48"),
            (FieldType::Text, "anything"),
        ];
        for (ty, value) in no {
            assert!(!canonical(&ty, value), "{value} needs the whole check");
        }
    }

    #[test]
    fn opening_hours_follow_openstreetmap() {
        assert_eq!(
            opening_hours("Mo-Fr 09:00-12:00,14:00-18:30;Sa 10:00-12:00").as_deref(),
            Ok("Mo-Fr 09:00-12:00,14:00-18:30; Sa 10:00-12:00")
        );
        assert_eq!(opening_hours("24/7").as_deref(), Ok("24/7"));
        assert_eq!(
            opening_hours("Mo,We,Fr 14:00-17:00; PH off").as_deref(),
            Ok("Mo,We,Fr 14:00-17:00; PH off")
        );
        assert_eq!(opening_hours("09:00-18:00").as_deref(), Ok("09:00-18:00"));
        assert_eq!(
            opening_hours("Lu-Ve 09:00-12:00"),
            Err(ValueError::OpeningHours {
                part: "Lu-Ve".into()
            })
        );
        assert_eq!(
            opening_hours("Mo-Fr 9h-12h"),
            Err(ValueError::OpeningHours {
                part: "9h-12h".into()
            })
        );
        assert_eq!(
            opening_hours("Mo-Fr 09:00-25:00"),
            Err(ValueError::OpeningHours {
                part: "09:00-25:00".into()
            })
        );
        assert_eq!(
            opening_hours("Mo-Fr"),
            Err(ValueError::OpeningHours {
                part: "Mo-Fr".into()
            })
        );
    }

    #[test]
    fn relations_take_a_kind() {
        let r = norm("relations", "01JDQ3B8R2V6TXYZAB00000001").unwrap();
        assert!(r.ends_with(":01JDQ3B8R2V6TXYZAB00000001"), "{r}");
        assert!(norm("relations", "nimporte:01J").is_err());
    }
}
