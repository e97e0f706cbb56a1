//! The support an initiative received, counted: each support is a record
//! (kind, year, amount in euros if known, from whom) in a program field
//! merged by union, like evidence, so that two colleagues recording the same
//! grant converge and the reports can total the euros per year, per kind and
//! per commune. The kind is also ticked in the form's field of supports
//! received (`soutiens_recus`), which the status rules read; the free text of
//! `soutiens_details`, where amounts used to be written, stays as it was.

use std::collections::BTreeMap;

use crate::census::carry::author_of;
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Entry, Initiative, LookupError, Value};
use crate::census::ops::{Agent, Changes, FieldValues, OpError};
use crate::census::schema::Schema;
use crate::census::time::Timestamp;
use crate::census::value;

/// Every support recorded: `{"kind", "year", "amount", "from", "note"}`.
pub const SUPPORTS: &str = "_soutiens";
/// The form's field of the kinds of support received; its choice list
/// gives the kinds.
pub const RECEIVED_FIELD: &str = "soutiens_recus";
/// The earliest year a support may bear.
pub const FIRST_YEAR: i32 = 1900;

/// A support to record. The amount is in cents (`None`: not known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSupport {
    pub kind: String,
    pub year: i32,
    pub amount: Option<u64>,
    pub from: String,
    pub note: String,
}

/// A support as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Support {
    pub kind: String,
    pub year: Option<i32>,
    /// In cents.
    pub amount: Option<u64>,
    pub from: String,
    pub note: String,
    pub by: Option<AgentId>,
    pub at: Option<Timestamp>,
}

/// Why a support could not be recorded. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SupportError {
    Op(OpError),
    /// Not a kind of the schema's list (its ids).
    UnknownKind {
        kind: String,
        accepted: Vec<String>,
    },
    /// A year outside `FIRST_YEAR..=latest` (next year: a grant voted for it).
    Year {
        year: i32,
        latest: i32,
    },
    /// Not an amount in euros (`1500`, `1 500`, `1500,50`).
    Amount(String),
}

impl From<OpError> for SupportError {
    fn from(e: OpError) -> SupportError {
        SupportError::Op(e)
    }
}

/// An amount in euros as people write it (`1500`, `1 500`, `1 500,50 €`,
/// `1500.5`), in cents. At most two decimals; no sign.
pub fn parse_amount(text: &str) -> Option<u64> {
    let compact: String = text
        .trim()
        .trim_end_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}')
        .collect();
    let (euros, cents) = match compact.split_once([',', '.']) {
        Some((e, c)) => (e, c),
        None => (compact.as_str(), ""),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(euros) || (!cents.is_empty() && (!digits(cents) || cents.len() > 2)) {
        return None;
    }
    let euros: u64 = euros.parse().ok()?;
    let cents: u64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<u64>().ok()? * 10,
        _ => cents.parse().ok()?,
    };
    euros.checked_mul(100)?.checked_add(cents)
}

/// Cents as the file holds them: `1500`, `1500.50`.
pub fn amount_text(cents: u64) -> String {
    match cents % 100 {
        0 => (cents / 100).to_string(),
        c => format!("{}.{c:02}", cents / 100),
    }
}

fn field<'a>(e: &'a Entry, key: &str) -> Option<&'a str> {
    match &e.value {
        Value::Record(r) => r.get(key).map(String::as_str).filter(|s| !s.is_empty()),
        Value::Text(_) => None,
    }
}

/// The supports of an initiative, latest year first.
pub fn supports(i: &Initiative) -> Vec<Support> {
    let mut out: Vec<Support> = i
        .entries(SUPPORTS)
        .iter()
        .map(|e| Support {
            kind: field(e, "kind").unwrap_or("").to_string(),
            year: field(e, "year").and_then(|y| y.parse().ok()),
            amount: field(e, "amount").and_then(parse_amount),
            from: field(e, "from").unwrap_or("").to_string(),
            note: field(e, "note").unwrap_or("").to_string(),
            by: author_of(e),
            at: e.stamp.at(),
        })
        .collect();
    out.sort_by_key(|s| std::cmp::Reverse((s.year, s.at)));
    out
}

/// The choice list of the kinds of support.
pub fn kinds_list(schema: &Schema) -> Option<&str> {
    schema.field(RECEIVED_FIELD)?.field_type.choice_list()
}

fn no_control(name: &str, text: &str) -> Result<(), SupportError> {
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(OpError::Invalid {
            field: name.into(),
            value: text.to_string(),
            error: value::ValueError::ControlCharacter,
        }
        .into());
    }
    Ok(())
}

/// Checks a support before anything is written; gives its kind's id.
pub fn check(schema: &Schema, new: &NewSupport, now: Timestamp) -> Result<String, SupportError> {
    let list = kinds_list(schema).unwrap_or_default();
    let kind = value::choice(schema, list, &new.kind).ok_or_else(|| SupportError::UnknownKind {
        kind: new.kind.clone(),
        accepted: schema.choices(list).iter().map(|c| c.id.clone()).collect(),
    })?;
    let latest = now.date().year + 1;
    if !(FIRST_YEAR..=latest).contains(&new.year) {
        return Err(SupportError::Year {
            year: new.year,
            latest,
        });
    }
    no_control("from", &new.from)?;
    no_control("note", &new.note)?;
    Ok(kind)
}

impl Census {
    /// Records a support received by a live initiative, and ticks its kind
    /// among the supports received.
    pub fn add_support(
        &mut self,
        schema: &Schema,
        id: &InitiativeId,
        new: &NewSupport,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<(), SupportError> {
        let kind = check(schema, new, now)?;
        let i = self
            .get_mut(id)
            .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))?;
        if !i.is_live() {
            return Err(OpError::Deleted(id.clone()).into());
        }
        let ticked = i.values(RECEIVED_FIELD).iter().any(|v| *v == kind);
        let dot = i.next_dot(agent.id).map_err(OpError::from)?;
        let mut r = BTreeMap::new();
        let amount = new.amount.map(amount_text).unwrap_or_default();
        for (k, v) in [
            ("kind", kind.as_str()),
            ("year", &new.year.to_string()),
            ("amount", &amount),
            ("from", new.from.trim()),
            ("note", new.note.trim()),
        ] {
            if !v.is_empty() {
                r.insert(k.to_string(), v.to_string());
            }
        }
        i.add_element(SUPPORTS, Value::record(r), dot, now);
        self.agents.insert(agent.id, agent.name.clone());
        if !ticked && schema.field(RECEIVED_FIELD).is_some() {
            let changes = Changes {
                add: vec![FieldValues {
                    field: RECEIVED_FIELD.to_string(),
                    values: vec![kind],
                }],
                ..Changes::default()
            };
            self.edit_initiative(schema, id, agent, &changes, now)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::ops::parse_assignments;
    use crate::census::status::{Missing, missing_for};

    fn setup() -> (Schema, Census, Agent, InitiativeId) {
        let s = Schema::default_schema();
        let mut c = Census::new("T", &s.id, s.version);
        let marie = Agent {
            id: AgentId::parse("marie").unwrap(),
            name: "Marie".into(),
        };
        let v = parse_assignments(
            &s,
            &c,
            &[
                "nom=Fablab".into(),
                "type=fablab".into(),
                "commune=Brest".into(),
            ],
            None,
        )
        .unwrap();
        let now = Timestamp::parse("2026-03-01").unwrap();
        let id = c.add_initiative(&s, &marie, &v, now).unwrap();
        (s, c, marie, id)
    }

    fn grant(kind: &str, year: i32, amount: Option<u64>) -> NewSupport {
        NewSupport {
            kind: kind.into(),
            year,
            amount,
            from: " Région ".into(),
            note: String::new(),
        }
    }

    #[test]
    fn a_support_is_recorded_and_its_kind_ticked() {
        let (s, mut c, marie, id) = setup();
        let now = Timestamp::parse("2026-03-02").unwrap();
        let today = now.date();
        assert_eq!(
            missing_for(&s, c.get(&id).unwrap(), "soutenu", today),
            [Missing::Support]
        );
        c.add_support(&s, &id, &grant("Locaux", 2026, Some(150_050)), &marie, now)
            .unwrap();
        c.add_support(&s, &id, &grant("locaux", 2025, None), &marie, now)
            .unwrap();
        let i = c.get(&id).unwrap();
        assert_eq!(i.values(RECEIVED_FIELD), ["locaux"], "ticked once");
        assert!(missing_for(&s, i, "soutenu", today).is_empty());
        let all = supports(i);
        assert_eq!(all.len(), 2);
        assert_eq!((all[0].year, all[0].amount), (Some(2026), Some(150_050)));
        assert_eq!(all[0].from, "Région", "trimmed");
        assert_eq!((all[1].year, all[1].amount), (Some(2025), None));
        assert_eq!(all[1].by, Some(marie.id));
        let refused = [
            (grant("pigeon", 2026, None), "kind"),
            (grant("locaux", 1899, None), "year"),
            (grant("locaux", 2028, None), "year"),
        ];
        for (new, what) in refused {
            let before = c.get(&id).unwrap().clone();
            assert!(c.add_support(&s, &id, &new, &marie, now).is_err(), "{what}");
            assert_eq!(c.get(&id).unwrap(), &before, "nothing changed");
        }
    }

    #[test]
    fn amounts_are_read_as_people_write_them() {
        assert_eq!(parse_amount("1500"), Some(150_000));
        assert_eq!(parse_amount("1 500"), Some(150_000));
        assert_eq!(parse_amount("1\u{202f}500,50 €"), Some(150_050));
        assert_eq!(parse_amount("1500.5"), Some(150_050));
        assert_eq!(parse_amount("0"), Some(0));
        for bad in ["", "-5", "1,234,5", "12.345", "mille", "1e3", ","] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
        assert_eq!(amount_text(150_000), "1500");
        assert_eq!(amount_text(150_050), "1500.50");
        assert_eq!(amount_text(5), "0.05");
        for cents in [0, 5, 150_000, 150_050, 99_999] {
            assert_eq!(parse_amount(&amount_text(cents)), Some(cents));
        }
    }
}
