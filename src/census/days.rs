//! Dates as an agent types them, the same for the command line and the
//! interface: `2026-03-15` or `15/03/2026`, `15/03` (the year left out),
//! `+7j` (in seven days; `s` for weeks), `lundi`, `demain`, `hier`… A date
//! without its year and a weekday are read toward the future for a due date
//! and toward the past for the day something was done.

use crate::census::time::Date;

/// Which way a partial date is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    /// The day something was done: `15/03` is the last 15 March up to
    /// today, `lundi` the last Monday (today if it is Monday).
    Past,
    /// A due date: `15/03` is the next 15 March from today, `lundi` the
    /// next Monday after today.
    Future,
}

/// The weekday names, Monday first (French, English, and short forms).
const WEEKDAYS: [[&str; 4]; 7] = [
    ["lundi", "lun", "monday", "mon"],
    ["mardi", "mar", "tuesday", "tue"],
    ["mercredi", "mer", "wednesday", "wed"],
    ["jeudi", "jeu", "thursday", "thu"],
    ["vendredi", "ven", "friday", "fri"],
    ["samedi", "sam", "saturday", "sat"],
    ["dimanche", "dim", "sunday", "sun"],
];

/// Monday 0 … Sunday 6 (1970-01-01 was a Thursday).
pub fn weekday(d: Date) -> i64 {
    (d.days_since_epoch() + 3).rem_euclid(7)
}

fn shift(d: Date, days: i64) -> Date {
    Date::from_days_since_epoch(d.days_since_epoch() + days)
}

/// The date `text` names, read from `today`; `None` when it names none.
pub fn parse_day(text: &str, today: Date, toward: Toward) -> Option<Date> {
    let t = text.trim().to_lowercase();
    if let Some(d) = Date::parse(&t) {
        return Some(d);
    }
    match t.as_str() {
        "aujourd'hui" | "aujourd’hui" | "auj" | "today" => return Some(today),
        "demain" | "tomorrow" => return Some(shift(today, 1)),
        "hier" | "yesterday" => return Some(shift(today, -1)),
        _ => {}
    }
    if let Some(d) = relative(&t, today) {
        return Some(d);
    }
    if let Some(n) = WEEKDAYS
        .iter()
        .position(|names| names.contains(&t.as_str()))
    {
        let diff = n as i64 - weekday(today);
        let days = match toward {
            Toward::Future => (diff - 1).rem_euclid(7) + 1,
            Toward::Past => -(-diff).rem_euclid(7),
        };
        return Some(shift(today, days));
    }
    day_and_month(&t, today, toward)
}

/// `+7j`, `+7`, `-3j`, `+2s` (weeks); `d` and `w` in English.
fn relative(t: &str, today: Date) -> Option<Date> {
    let (sign, rest) = match t.as_bytes().first()? {
        b'+' => (1, &t[1..]),
        b'-' => (-1, &t[1..]),
        _ => return None,
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 5 {
        return None;
    }
    let n: i64 = rest[..digits].parse().ok()?;
    let unit = match rest[digits..].trim() {
        "" | "j" | "d" | "jours" | "jour" | "days" | "day" => 1,
        "s" | "w" | "semaines" | "semaine" | "weeks" | "week" => 7,
        _ => return None,
    };
    Some(shift(today, sign * n * unit))
}

/// `15/03`: the year is this one, or the next (past) one that puts the
/// date on the right side of today.
fn day_and_month(t: &str, today: Date, toward: Toward) -> Option<Date> {
    let (d, m) = t.split_once('/')?;
    let ok = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !ok(d) || !ok(m) {
        return None;
    }
    let (d, m): (u8, u8) = (d.parse().ok()?, m.parse().ok()?);
    // 29/02 takes the nearest year that has one.
    let years: Vec<i32> = match toward {
        Toward::Future => (0..8).map(|k| today.year + k).collect(),
        Toward::Past => (0..8).map(|k| today.year - k).collect(),
    };
    years.into_iter().find_map(|y| {
        let date = Date::new(y, m, d)?;
        let side = match toward {
            Toward::Future => date >= today,
            Toward::Past => date <= today,
        };
        side.then_some(date)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn every_form_the_issue_names_is_read() {
        // 2026-12-06 is a Sunday.
        let today = d("2026-12-06");
        assert_eq!(weekday(today), 6);
        let f = |s| parse_day(s, today, Toward::Future);
        let p = |s| parse_day(s, today, Toward::Past);
        assert_eq!(f("2026-03-15"), Some(d("2026-03-15")));
        assert_eq!(f("15/03/2027"), Some(d("2027-03-15")));
        assert_eq!(f("15/03"), Some(d("2027-03-15")), "ahead: next year");
        assert_eq!(p("15/03"), Some(d("2026-03-15")), "done: this year");
        assert_eq!(f("06/12"), Some(today));
        assert_eq!(f("+7j"), Some(d("2026-12-13")));
        assert_eq!(f("+2s"), Some(d("2026-12-20")));
        assert_eq!(f("+ 3"), None);
        assert_eq!(p("-3j"), Some(d("2026-12-03")));
        assert_eq!(f("lundi"), Some(d("2026-12-07")));
        assert_eq!(
            f("Dimanche"),
            Some(d("2026-12-13")),
            "the next one, not today"
        );
        assert_eq!(p("dimanche"), Some(today));
        assert_eq!(p("lundi"), Some(d("2026-11-30")));
        assert_eq!(f("friday"), Some(d("2026-12-11")));
        assert_eq!(f("demain"), Some(d("2026-12-07")));
        assert_eq!(p("hier"), Some(d("2026-12-05")));
        assert_eq!(f("29/02"), Some(d("2028-02-29")));
        for bad in [
            "",
            "32/01",
            "15/13",
            "lundo",
            "+j",
            "+7x",
            "2026-02-30",
            "+999999j",
        ] {
            assert_eq!(f(bad), None, "{bad}");
        }
    }
}
