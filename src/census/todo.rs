//! What is to be done: the open next steps of the live initiatives, the
//! overdue first, then by due date — for `recense todo`, the calendar
//! export and the interface's "À faire" screen.

use crate::census::actions::{ACTIONS, Action, actions};
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::Census;
use crate::census::time::Date;

/// Which next steps to list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TodoFilter {
    /// Only those for this agent (named for them, or theirs when nobody is
    /// named).
    pub mine: Option<AgentId>,
    /// Only those due before today.
    pub overdue: bool,
    /// Only those due on or before this day.
    pub until: Option<Date>,
}

/// Where a next step stands from today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum When {
    Overdue,
    /// From today to the end of the week (Sunday).
    ThisWeek,
    Later,
}

/// One open next step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Todo {
    pub initiative: InitiativeId,
    pub name: String,
    pub action: Action,
}

impl Todo {
    pub fn due(&self) -> Date {
        self.action
            .next
            .as_ref()
            .map_or(Date::from_days_since_epoch(0), |n| n.due)
    }

    pub fn when(&self, today: Date) -> When {
        when(self.due(), today)
    }
}

/// Overdue, this week (up to Sunday) or later.
pub fn when(due: Date, today: Date) -> When {
    let end_of_week = today.days_since_epoch() + 6 - crate::census::days::weekday(today);
    if due < today {
        When::Overdue
    } else if due.days_since_epoch() <= end_of_week {
        When::ThisWeek
    } else {
        When::Later
    }
}

/// The open next steps matching `filter`, by due date (the overdue come
/// first), then by initiative name and id, then action id.
pub fn todo(census: &Census, name_field: &str, today: Date, filter: &TodoFilter) -> Vec<Todo> {
    let mut out = Vec::new();
    for i in &census.initiatives {
        // Most initiatives have no action: nothing to read.
        if !i.fields.contains_key(ACTIONS) || !i.is_live() {
            continue;
        }
        for action in actions(i) {
            let Some(next) = action.next.as_ref().filter(|_| action.is_open()) else {
                continue;
            };
            if filter.overdue && next.due >= today
                || filter.until.is_some_and(|u| next.due > u)
                || filter.mine.is_some_and(|m| action.owner() != Some(m))
            {
                continue;
            }
            out.push(Todo {
                initiative: i.id.clone(),
                name: i.value(name_field).unwrap_or("").to_string(),
                action,
            });
        }
    }
    out.sort_by(|a, b| {
        (a.due(), &a.name, &a.initiative, &a.action.id).cmp(&(
            b.due(),
            &b.name,
            &b.initiative,
            &b.action.id,
        ))
    });
    out
}

/// How many open next steps are overdue (the dashboard's figure).
pub fn overdue_count(census: &Census, today: Date) -> usize {
    let filter = TodoFilter {
        overdue: true,
        ..TodoFilter::default()
    };
    todo(census, "", today, &filter).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_week_ends_on_sunday() {
        let d = |s| Date::parse(s).unwrap();
        // 2026-12-01 is a Tuesday.
        let today = d("2026-12-01");
        assert_eq!(when(d("2026-11-30"), today), When::Overdue);
        assert_eq!(when(today, today), When::ThisWeek);
        assert_eq!(when(d("2026-12-06"), today), When::ThisWeek);
        assert_eq!(when(d("2026-12-07"), today), When::Later);
        // On a Sunday, the week is that day only.
        let sunday = d("2026-12-06");
        assert_eq!(when(sunday, sunday), When::ThisWeek);
        assert_eq!(when(d("2026-12-07"), sunday), When::Later);
    }
}
