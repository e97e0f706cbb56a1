//! The open next steps as an iCalendar file (RFC 5545) that Thunderbird or
//! any calendar imports: one VTODO per step, due on its date. The UID is
//! the initiative's id and the action's, so that importing again updates
//! the task instead of doubling it; DTSTAMP is when the action was
//! recorded, so that the same census always gives the same bytes. Text is
//! escaped (`\`, `;`, `,`, line breaks), lines are folded at 75 octets and
//! end with CRLF.

use std::io::{self, Write};

use crate::census::model::Census;
use crate::census::schema::Schema;
use crate::census::time::{Date, Timestamp};
use crate::census::todo::Todo;
use crate::i18n::actions::actions as words;
use crate::i18n::{Lang, fill};

/// A TEXT value escaped as RFC 5545 §3.3.11 says; other control
/// characters (a file edited by hand) are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so that no line is longer than 75 octets
/// (never inside a UTF-8 character), with its CRLF.
pub fn fold(line: &str) -> String {
    const MAX: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > MAX {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

fn date(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year, d.month, d.day)
}

fn stamp(t: Timestamp) -> String {
    let secs = t.0.rem_euclid(86_400);
    format!(
        "{}T{:02}{:02}{:02}Z",
        date(t.date()),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Writes `steps` as a calendar; returns how many were written.
pub fn write_ics(
    census: &Census,
    schema: &Schema,
    steps: &[Todo],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let t = words(lang);
    let mut line = |text: String| out.write_all(fold(&text).as_bytes());
    line("BEGIN:VCALENDAR".into())?;
    line("VERSION:2.0".into())?;
    line("PRODID:-//recense//recense//FR".into())?;
    line("CALSCALE:GREGORIAN".into())?;
    line(format!(
        "X-WR-CALNAME:{}",
        escape(&fill(t.ics_calendar, &[("territory", &census.territory)]))
    ))?;
    for step in steps {
        let a = &step.action;
        let Some(next) = &a.next else { continue };
        let who = |agent: Option<crate::census::AgentId>| {
            agent.map_or("?".to_string(), |a| census.agent_name(&a).to_string())
        };
        let kind = schema.choice_label(crate::census::actions::ACTION_KINDS, &a.kind, lang);
        let mut description = fill(
            t.ics_description,
            &[
                ("kind", &kind),
                ("date", &a.date.map(|d| d.to_string()).unwrap_or_default()),
                ("who", &who(a.by)),
                ("name", &step.name),
                ("id", &step.initiative),
            ],
        );
        if !a.note.is_empty() {
            description.push('\n');
            description.push_str(&a.note);
        }
        if let Some(f) = next.for_agent {
            description.push('\n');
            description.push_str(&fill(t.ics_for, &[("who", &who(Some(f)))]));
        }
        line("BEGIN:VTODO".into())?;
        line(format!("UID:{}-{}@recense", step.initiative, a.id))?;
        line(format!("DTSTAMP:{}", stamp(a.at.unwrap_or_default())))?;
        line(format!("DUE;VALUE=DATE:{}", date(next.due)))?;
        line(format!(
            "SUMMARY:{}",
            escape(&fill(
                t.ics_summary,
                &[("text", &next.text), ("name", &step.name)]
            ))
        ))?;
        line(format!("DESCRIPTION:{}", escape(&description)))?;
        line("STATUS:NEEDS-ACTION".into())?;
        line("CATEGORIES:recense".into())?;
        line("END:VTODO".into())?;
    }
    line("END:VCALENDAR".into())?;
    Ok(steps.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lines_folded_at_75_octets_on_character_boundaries() {
        assert_eq!(escape("a,b;c\\d\ne\u{1b}[2J"), "a\\,b\\;c\\\\d\\ne[2J");
        let long = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&long);
        assert!(folded.ends_with("\r\n"));
        let lines: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        for l in &lines[1..] {
            assert!(l.starts_with(' '));
        }
        let unfolded: String = lines
            .iter()
            .enumerate()
            .map(|(n, l)| if n == 0 { *l } else { &l[1..] })
            .collect();
        assert_eq!(unfolded, long);
        assert_eq!(fold("END:VTODO"), "END:VTODO\r\n");
    }

    #[test]
    fn stamps_are_utc_basic_forms() {
        let t = Timestamp::parse("2026-12-06T09:05:03Z").unwrap();
        assert_eq!(stamp(t), "20261206T090503Z");
    }
}
