//! The follow-up of an initiative: what was done (a call, a visit, a
//! letter…) and what is to be done next, by when and by whom. Actions and
//! their closings are records in two program fields merged by union, like
//! evidence: two colleagues recording or closing the same step converge.

use std::collections::BTreeMap;

use crate::census::carry::author_of;
use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Entry, Initiative, LookupError, Value};
use crate::census::ops::{Agent, OpError};
use crate::census::schema::Schema;
use crate::census::search::fold;
use crate::census::time::{Date, Timestamp};

/// Every action: `{"id", "kind", "date", "note", "next", "due", "for"}`.
pub const ACTIONS: &str = "_actions";
/// Every closing of a next step: `{"action": id, "date": …}`.
pub const ACTIONS_DONE: &str = "_actions_done";
/// The choice list of action kinds in the schema (their labels).
pub const ACTION_KINDS: &str = "actions";
/// The kinds of action, ids fixed (scripts and files rely on them).
pub const KINDS: [&str; 8] = [
    "appel",
    "courriel",
    "rencontre",
    "visite",
    "relance",
    "courrier",
    "reunion",
    "autre",
];

/// What is to be done next, by when, and for whom (else its author).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextStep {
    pub text: String,
    pub due: Date,
    pub for_agent: Option<AgentId>,
}

/// An action to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAction {
    pub kind: String,
    /// The day it was done (default: today).
    pub date: Option<Date>,
    pub note: String,
    pub next: Option<NextStep>,
}

/// An action as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// `agent.counter`: unique in its initiative, stable across merges.
    pub id: String,
    pub kind: String,
    pub date: Option<Date>,
    pub note: String,
    pub by: Option<AgentId>,
    pub at: Option<Timestamp>,
    pub next: Option<NextStep>,
    /// Who closed its next step, and when (several colleagues may have).
    pub done: Vec<(Option<AgentId>, Option<Timestamp>)>,
}

impl Action {
    /// A next step not closed yet.
    pub fn is_open(&self) -> bool {
        self.next.is_some() && self.done.is_empty()
    }

    /// Whom the next step is for: named, else the author.
    pub fn owner(&self) -> Option<AgentId> {
        self.next
            .as_ref()
            .and_then(|n| n.for_agent)
            .or(self.by.map(|a| a.hand_owner()))
    }
}

/// Why an action could not be recorded or closed. Nothing changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionError {
    Op(OpError),
    UnknownKind(String),
    /// A next step needs its text and its due date.
    NextWithoutDue,
    DueWithoutNext,
    /// A date that names no day (`text`).
    BadDate(String),
    /// An action dated after tomorrow: what is done is in the past.
    DateAhead(Date),
    /// No open next step on this initiative.
    NothingOpen,
    /// Several open next steps: say which (their ids).
    WhichOne(Vec<String>),
    UnknownAction(String),
    AlreadyDone(String),
}

impl From<OpError> for ActionError {
    fn from(e: OpError) -> ActionError {
        ActionError::Op(e)
    }
}

fn field<'a>(e: &'a Entry, key: &str) -> Option<&'a str> {
    match &e.value {
        Value::Record(r) => r.get(key).map(String::as_str).filter(|s| !s.is_empty()),
        Value::Text(_) => None,
    }
}

/// The kind an id or a label names, when it is one of [`KINDS`].
pub fn kind_of(schema: &Schema, text: &str) -> Option<&'static str> {
    let t = fold(text.trim());
    KINDS.into_iter().find(|k| {
        *k == text.trim()
            || schema
                .choice(ACTION_KINDS, k)
                .is_some_and(|c| fold(&c.label.fr) == t || fold(&c.label.en) == t)
    })
}

/// The actions of an initiative, latest first (by date, then when recorded).
pub fn actions(i: &Initiative) -> Vec<Action> {
    let closings = i.entries(ACTIONS_DONE);
    let mut out: Vec<Action> = i
        .entries(ACTIONS)
        .iter()
        .filter_map(|e| {
            let id = field(e, "id")?.to_string();
            let next = match (field(e, "next"), field(e, "due").and_then(Date::parse)) {
                (Some(text), Some(due)) => Some(NextStep {
                    text: text.to_string(),
                    due,
                    for_agent: field(e, "for").and_then(|a| AgentId::parse(a).ok()),
                }),
                _ => None,
            };
            let done = closings
                .iter()
                .filter(|c| field(c, "action") == Some(id.as_str()))
                .map(|c| (author_of(c), c.stamp.at()))
                .collect();
            Some(Action {
                kind: field(e, "kind").unwrap_or("autre").to_string(),
                date: field(e, "date").and_then(Date::parse),
                note: field(e, "note").unwrap_or("").to_string(),
                by: author_of(e),
                at: e.stamp.at(),
                next,
                done,
                id,
            })
        })
        .collect();
    out.sort_by(|a, b| (b.date, b.at, &b.id).cmp(&(a.date, a.at, &a.id)));
    out
}

fn live_mut<'a>(census: &'a mut Census, id: &InitiativeId) -> Result<&'a mut Initiative, OpError> {
    let i = census
        .get_mut(id)
        .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))?;
    if !i.is_live() {
        return Err(OpError::Deleted(id.clone()));
    }
    Ok(i)
}

fn no_control(field: &str, text: &str) -> Result<(), ActionError> {
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(ActionError::Op(OpError::Invalid {
            field: field.into(),
            value: text.to_string(),
            error: crate::census::value::ValueError::ControlCharacter,
        }));
    }
    Ok(())
}

/// Checks an action before anything is written (its kind, texts, date).
pub fn check(schema: &Schema, new: &NewAction, now: Timestamp) -> Result<(), ActionError> {
    kind_of(schema, &new.kind).ok_or_else(|| ActionError::UnknownKind(new.kind.clone()))?;
    no_control("note", &new.note)?;
    if let Some(next) = &new.next {
        no_control("next", &next.text)?;
        if next.text.trim().is_empty() {
            return Err(ActionError::DueWithoutNext);
        }
    }
    if let Some(d) = new.date {
        let tomorrow = Date::from_days_since_epoch(now.date().days_since_epoch() + 1);
        if d > tomorrow {
            return Err(ActionError::DateAhead(d));
        }
    }
    Ok(())
}

impl Census {
    /// Records an action on a live initiative; returns its id.
    pub fn add_action(
        &mut self,
        schema: &Schema,
        id: &InitiativeId,
        new: &NewAction,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<String, ActionError> {
        check(schema, new, now)?;
        let kind = kind_of(schema, &new.kind).unwrap_or("autre");
        let i = live_mut(self, id)?;
        let dot = i.next_dot(agent.id).map_err(OpError::from)?;
        let action = format!("{}.{}", agent.id, dot.counter);
        let mut r = BTreeMap::new();
        let mut put = |k: &str, v: String| {
            if !v.trim().is_empty() {
                r.insert(k.to_string(), v.trim().to_string());
            }
        };
        put("id", action.clone());
        put("kind", kind.to_string());
        put("date", new.date.unwrap_or(now.date()).to_string());
        put("note", new.note.clone());
        if let Some(next) = &new.next {
            put("next", next.text.clone());
            put("due", next.due.to_string());
            put(
                "for",
                next.for_agent.map(|a| a.to_string()).unwrap_or_default(),
            );
        }
        i.add_element(ACTIONS, Value::record(r), dot, now);
        self.agents.insert(agent.id, agent.name.clone());
        Ok(action)
    }

    /// Closes a next step ("fait"): `action` by its id, or the only open
    /// one of the initiative. Returns the id of the action closed.
    pub fn close_action(
        &mut self,
        id: &InitiativeId,
        action: Option<&str>,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<String, ActionError> {
        let i = live_mut(self, id)?;
        let all = actions(i);
        let target = match action.map(str::trim) {
            Some(a) => {
                let found = all
                    .iter()
                    .find(|x| x.id == a && x.next.is_some())
                    .ok_or_else(|| ActionError::UnknownAction(a.to_string()))?;
                if !found.is_open() {
                    return Err(ActionError::AlreadyDone(a.to_string()));
                }
                found.id.clone()
            }
            None => {
                let mut open: Vec<(Date, String)> = all
                    .iter()
                    .filter(|x| x.is_open())
                    .filter_map(|x| Some((x.next.as_ref()?.due, x.id.clone())))
                    .collect();
                open.sort();
                let open: Vec<String> = open.into_iter().map(|(_, id)| id).collect();
                match open.as_slice() {
                    [] => return Err(ActionError::NothingOpen),
                    [one] => one.clone(),
                    _ => return Err(ActionError::WhichOne(open)),
                }
            }
        };
        let dot = i.next_dot(agent.id).map_err(OpError::from)?;
        let r = BTreeMap::from([
            ("action".to_string(), target.clone()),
            ("date".to_string(), now.date().to_string()),
        ]);
        i.add_element(ACTIONS_DONE, Value::record(r), dot, now);
        self.agents.insert(agent.id, agent.name.clone());
        Ok(target)
    }

    /// The agent a name or an id given by a person names: a colleague
    /// already in the file (by id or name, accents and case aside), else
    /// the id `--as NAME` would give that name.
    pub fn agent_named(&self, text: &str) -> Option<AgentId> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        if let Ok(a) = AgentId::parse(t)
            && self.agents.contains_key(&a)
        {
            return Some(a);
        }
        let folded = fold(t);
        self.agents
            .iter()
            .find(|(_, name)| fold(name) == folded)
            .map(|(a, _)| *a)
            .or(Some(AgentId::from_name(t)))
    }

    /// [`Census::agent_named`], and a colleague new to the file is
    /// recorded under that name (the id `--as NAME` gives them), so that
    /// views show their name.
    pub fn agent_for(&mut self, text: &str) -> Option<AgentId> {
        let a = self.agent_named(text)?;
        self.agents
            .entry(a)
            .or_insert_with(|| text.trim().to_string());
        Some(a)
    }
}

impl crate::census::session::Session {
    /// Records an action (see [`Census::add_action`]); nothing to undo but
    /// by closing or recording another.
    pub fn add_action(
        &mut self,
        id: &InitiativeId,
        new: &NewAction,
    ) -> Result<String, ActionError> {
        let now = self.clock.now();
        let ws = &mut self.ws;
        let r = ws.census.add_action(&ws.schema, id, new, &self.agent, now);
        if r.is_ok() {
            self.push_legit_undo(crate::census::session::LegitimizeUndo::Irreversible);
        }
        r
    }

    /// Closes a next step (see [`Census::close_action`]).
    pub fn close_action(
        &mut self,
        id: &InitiativeId,
        action: Option<&str>,
    ) -> Result<String, ActionError> {
        let now = self.clock.now();
        let r = self.ws.census.close_action(id, action, &self.agent, now);
        if r.is_ok() {
            self.push_legit_undo(crate::census::session::LegitimizeUndo::Irreversible);
        }
        r
    }

    /// Changes a status and records the action that moved it, in one go:
    /// the action is checked first, so that either both are recorded or
    /// neither.
    pub fn set_status_with_action(
        &mut self,
        id: &InitiativeId,
        status: &str,
        comment: &str,
        new: &NewAction,
    ) -> Result<String, StatusOrAction> {
        let now = self.clock.now();
        let ws = &mut self.ws;
        check(&ws.schema, new, now).map_err(StatusOrAction::Action)?;
        let before = ws
            .census
            .get(id)
            .map(|i| crate::census::status::current(i).to_string());
        ws.census
            .set_status(&ws.schema, id, status, comment, &self.agent, now)
            .map_err(StatusOrAction::Status)?;
        let action = ws
            .census
            .add_action(&ws.schema, id, new, &self.agent, now)
            .map_err(StatusOrAction::Action)?;
        if let Some(before) = before {
            self.push_legit_undo(crate::census::session::LegitimizeUndo::Statuses(vec![(
                id.clone(),
                before,
            )]));
        }
        Ok(action)
    }
}

/// What refused a status change recorded with its action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatusOrAction {
    Status(crate::census::status::StatusError),
    Action(ActionError),
}
