//! Dates and times in UTC, without a time-zone database: the census only needs
//! calendar dates and "when" stamps (for display and ordering, never to decide
//! anything).

use std::fmt;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The inverse of [`Date::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// `2026-11-29`, and also the French `29/11/2026` (or `29-11-2026`).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let parts: Vec<&str> = s.split(['-', '/']).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        let (y, m, d) = if parts[0].len() == 4 && s.as_bytes()[4] == b'-' {
            (parts[0], parts[1], parts[2])
        } else if parts[2].len() == 4 {
            (parts[2], parts[1], parts[0])
        } else {
            return None;
        };
        if m.len() > 2 || d.len() > 2 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A moment in UTC, in whole seconds since the Unix epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// The current time, or `RECENSE_NOW` (an RFC 3339 UTC time) when set: tests
    /// and reproducible sample files use a fixed clock.
    pub fn now() -> Timestamp {
        if let Some(t) = std::env::var("RECENSE_NOW")
            .ok()
            .and_then(|s| Timestamp::parse(&s))
        {
            return t;
        }
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Timestamp(secs)
    }

    pub fn unix_millis(self) -> u64 {
        (self.0.max(0) as u64).saturating_mul(1000)
    }

    pub fn date(self) -> Date {
        Date::from_days_since_epoch(self.0.div_euclid(86_400))
    }

    /// The exact form written in files, `2026-11-29T13:31:27Z`, read fast
    /// (every entry of a census has one); `None` for any other form.
    pub fn parse_canonical(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() != 20
            || b[4] != b'-'
            || b[7] != b'-'
            || b[10] != b'T'
            || b[13] != b':'
            || b[16] != b':'
            || b[19] != b'Z'
        {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let date = Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)?;
        let (h, m, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if h > 23 || m > 59 || sec > 60 {
            return None;
        }
        Some(Timestamp(
            date.days_since_epoch() * 86_400 + i64::from(h * 3600 + m * 60 + sec),
        ))
    }

    /// `2026-11-29T13:31:27Z`; a bare date means midnight.
    pub fn parse(s: &str) -> Option<Timestamp> {
        let s = s.trim();
        let (date, time) = match s.split_once('T') {
            Some((d, t)) => (d, Some(t)),
            None => (s, None),
        };
        if date.len() != 10 {
            return None;
        }
        let day = Date::parse(date)?.days_since_epoch();
        let secs = match time {
            None => 0,
            Some(t) => {
                let t = t.strip_suffix('Z')?;
                let mut parts = t.split(':');
                let h: i64 = parts.next()?.parse().ok()?;
                let m: i64 = parts.next()?.parse().ok()?;
                let s: i64 = parts.next().map(str::parse).transpose().ok()?.unwrap_or(0);
                if parts.next().is_some() || h > 23 || m > 59 || s > 60 {
                    return None;
                }
                h * 3600 + m * 60 + s
            }
        };
        Some(Timestamp(day * 86_400 + secs))
    }
}

impl Timestamp {
    /// Appends `2026-11-29T13:31:27Z` to `out`, without the formatting
    /// machinery (a census writes one per entry).
    pub fn push_canonical(self, out: &mut String) {
        let d = self.date();
        let secs = self.0.rem_euclid(86_400) as u32;
        let mut b = *b"0000-00-00T00:00:00Z";
        let mut put = |at: usize, width: usize, mut v: u32| {
            for i in (at..at + width).rev() {
                b[i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        put(0, 4, d.year.clamp(0, 9999) as u32);
        put(5, 2, u32::from(d.month));
        put(8, 2, u32::from(d.day));
        put(11, 2, secs / 3600);
        put(14, 2, secs / 60 % 60);
        put(17, 2, secs % 60);
        out.push_str(std::str::from_utf8(&b).unwrap_or("1970-01-01T00:00:00Z"));
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.date();
        let secs = self.0.rem_euclid(86_400);
        write!(
            f,
            "{d}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_known_days() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11_017);
        for days in [-1000, 0, 11_016, 20_000, 60_000] {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
    }

    #[test]
    fn dates_parse_iso_and_french() {
        assert_eq!(Date::parse("2026-11-29"), Date::new(2026, 11, 29));
        assert_eq!(Date::parse("29/11/2026"), Date::new(2026, 11, 29));
        assert_eq!(Date::parse("2024-02-29"), Date::new(2024, 2, 29));
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("hier"), None);
        assert_eq!(Date::parse("2026-1-1x"), None);
    }

    #[test]
    fn timestamps_round_trip() {
        let t = Timestamp::parse("2026-11-29T13:31:27Z").unwrap();
        assert_eq!(t.to_string(), "2026-11-29T13:31:27Z");
        assert_eq!(Timestamp::parse_canonical("2026-11-29T13:31:27Z"), Some(t));
        let mut pushed = String::new();
        t.push_canonical(&mut pushed);
        assert_eq!(pushed, t.to_string());
        assert_eq!(Timestamp::parse_canonical("2026-11-29T13:31Z"), None);
        assert_eq!(Timestamp::parse_canonical("2026-02-30T13:31:27Z"), None);
        assert_eq!(t.date(), Date::new(2026, 11, 29).unwrap());
        assert_eq!(
            Timestamp::parse("2026-11-29T13:31Z").unwrap().to_string(),
            "2026-11-29T13:31:00Z"
        );
        assert_eq!(Timestamp::parse("2026-11-29T25:00:00Z"), None);
        assert_eq!(Timestamp::parse("2026-11-29T10:00:00"), None);
    }
}
