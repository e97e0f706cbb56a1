//! Dates known to the year or the month (« créée en 2014 », « membre depuis
//! mars 2021 »), for the date fields the schema marks `partial: true`:
//! `AAAA`, `MM/AAAA` (or `AAAA-MM`, `mars 2021`) besides whole dates.
//! Stored so that they sort with whole dates: `2014`, `2021-03`,
//! `2021-03-05`.

use crate::census::time::Date;

/// Month names (folded), January first.
const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

fn year(s: &str) -> Option<u32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
        .filter(|y| (1000..=9999).contains(y))
}

fn month(s: &str) -> Option<u32> {
    let n: u32 = if (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()?
    } else {
        let folded: String = s
            .chars()
            .map(|c| match c {
                'é' | 'É' => 'e',
                'û' | 'Û' => 'u',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        let folded = folded.trim_end_matches('.');
        let k = MONTHS
            .iter()
            .position(|m| *m == folded || (folded.len() >= 3 && m.starts_with(folded)))?;
        k as u32 + 1
    };
    (1..=12).contains(&n).then_some(n)
}

/// The stored form of a whole or partial date, or `None`.
pub fn parse(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(d) = Date::parse(s) {
        return Some(d.to_string());
    }
    if let Some(y) = year(s) {
        return Some(format!("{y:04}"));
    }
    let (a, b) = s
        .split_once(['/', '-'])
        .or_else(|| s.split_once(char::is_whitespace))?;
    let (a, b) = (a.trim(), b.trim());
    let (m, y) = match (year(a), year(b)) {
        (Some(y), None) => (month(b)?, y),
        (None, Some(y)) => (month(a)?, y),
        _ => return None,
    };
    Some(format!("{y:04}-{m:02}"))
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn years_months_and_whole_dates_sort_together() {
        assert_eq!(parse("2014").as_deref(), Some("2014"));
        assert_eq!(parse("03/2021").as_deref(), Some("2021-03"));
        assert_eq!(parse("3/2021").as_deref(), Some("2021-03"));
        assert_eq!(parse("2021-03").as_deref(), Some("2021-03"));
        assert_eq!(parse("mars 2021").as_deref(), Some("2021-03"));
        assert_eq!(parse("Février 2019").as_deref(), Some("2019-02"));
        assert_eq!(parse("déc. 2019").as_deref(), Some("2019-12"));
        assert_eq!(parse("05/03/2021").as_deref(), Some("2021-03-05"));
        assert_eq!(parse("2021-03-05").as_deref(), Some("2021-03-05"));
        for bad in [
            "13/2021",
            "2021-00",
            "14",
            "03/21",
            "mars",
            "printemps 2021",
            "2021-02-30",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        let mut sorted = ["2021-03-05", "2014", "2021-03", "2020-12-31"];
        sorted.sort_unstable();
        assert_eq!(sorted, ["2014", "2020-12-31", "2021-03", "2021-03-05"]);
    }
}
