//! Merge laws, as properties over random histories of several colleagues:
//! the join is commutative, associative and idempotent (byte for byte), all
//! copies converge, nothing that was not superseded is lost, and nothing that
//! was superseded comes back. Values changed by hand in a file (vim) are
//! adopted as every command does (by the copy's owner before acting; as the
//! sender's by whoever receives the file): one hand edit stays one write.
//! The same laws with purges of personal data (erasure marks) are in
//! `erasure_laws.rs`.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use recense::census::actions::{ACTIONS, ACTIONS_DONE, NewAction, NextStep, actions};
use recense::census::conflicts::{Conflict, conflicts, context_of};
use recense::census::consent::{CONSENT, ConsentChange, Decision, Means, Purpose, state};
use recense::census::editions::EDITIONS;
use recense::census::exchange::adopt_received;
use recense::census::file::to_canonical;
use recense::census::freshness::VERIFIED;
use recense::census::merge::join;
use recense::census::model::{Census, Dot, Entries, Entry, Initiative, Stamp, Value, system};
use recense::census::ops::Agent;
use recense::census::perimeter::Perimeter;
use recense::census::status::{CONFIRMATIONS, EVIDENCE, STATUS_FIELD, STATUSES};
use recense::census::supports::SUPPORTS;
use recense::census::time::{Date, Timestamp};
use recense::census::{AgentId, InitiativeId, Schema};

const AGENTS: usize = 3;
const INITIATIVES: usize = 2;
const SINGLE: [&str; 2] = ["nom", "commune"];
const MULTI: &str = "roles";
/// The follow-up: actions and the closings of their next steps.
const FOLLOW_UP: [&str; 2] = [ACTIONS, ACTIONS_DONE];
/// The legitimation fields: the status (one value) and two lists; then the
/// follow-up's lists: verifications and editions; then the supports received.
const WORK: [&str; 6] = [
    STATUS_FIELD,
    EVIDENCE,
    CONFIRMATIONS,
    VERIFIED,
    EDITIONS,
    SUPPORTS,
];

#[derive(Debug, Clone)]
enum Op {
    /// A colleague writes a single-valued field.
    Write {
        agent: usize,
        initiative: usize,
        field: usize,
    },
    /// Adds an element to the multi-valued field.
    Add {
        agent: usize,
        initiative: usize,
    },
    /// Removes the `nth` element it has (if any).
    Remove {
        agent: usize,
        initiative: usize,
        nth: usize,
    },
    Delete {
        agent: usize,
        initiative: usize,
    },
    Restore {
        agent: usize,
        initiative: usize,
    },
    /// Fuses the second initiative into the first (`back`: the first into
    /// the second, as a colleague fusing the other way round).
    Fuse {
        agent: usize,
        back: bool,
    },
    /// Legitimation work: a status (`kind` 0), evidence (1), a
    /// confirmation (2), a verification (3), an edition (4) or a support
    /// received (5).
    Work {
        agent: usize,
        initiative: usize,
        kind: usize,
    },
    /// An action, with a next step or not, through the program's own
    /// operation.
    Act {
        agent: usize,
        initiative: usize,
        next: bool,
    },
    /// Closes the `nth` open next step the colleague sees (if any).
    Close {
        agent: usize,
        initiative: usize,
        nth: usize,
    },
    /// A consent (or, `withdraw`, its withdrawal) said on day `day` of
    /// a month, recorded through `Census::record_consent`.
    Consent {
        agent: usize,
        initiative: usize,
        withdraw: bool,
        day: u8,
    },
    /// A colleague sets the census's perimeter.
    Perimeter {
        agent: usize,
    },
    /// `from`'s copy is merged into `to`'s.
    Sync {
        from: usize,
        to: usize,
    },
    /// A colleague changes a single value in their file with a text editor
    /// (the value only, its stamp left as it was).
    HandEdit {
        agent: usize,
        initiative: usize,
        field: usize,
    },
}

impl Op {
    /// The colleague whose command changes their copy (and so first adopts
    /// its hand edits); a hand edit is no command.
    fn actor(&self) -> Option<usize> {
        match *self {
            Op::Write { agent, .. }
            | Op::Add { agent, .. }
            | Op::Remove { agent, .. }
            | Op::Delete { agent, .. }
            | Op::Restore { agent, .. }
            | Op::Fuse { agent, .. }
            | Op::Work { agent, .. }
            | Op::Act { agent, .. }
            | Op::Close { agent, .. }
            | Op::Consent { agent, .. }
            | Op::Perimeter { agent } => Some(agent),
            Op::Sync { to, .. } => Some(to),
            Op::HandEdit { .. } => None,
        }
    }
}

fn op() -> impl Strategy<Value = Op> {
    let a = 0..AGENTS;
    let i = 0..INITIATIVES;
    prop_oneof![
        4 => (a.clone(), i.clone(), 0..SINGLE.len()).prop_map(|(agent, initiative, field)| Op::Write { agent, initiative, field }),
        3 => (a.clone(), i.clone()).prop_map(|(agent, initiative)| Op::Add { agent, initiative }),
        2 => (a.clone(), i.clone(), 0..3usize).prop_map(|(agent, initiative, nth)| Op::Remove { agent, initiative, nth }),
        1 => (a.clone(), i.clone()).prop_map(|(agent, initiative)| Op::Delete { agent, initiative }),
        1 => (a.clone(), i.clone()).prop_map(|(agent, initiative)| Op::Restore { agent, initiative }),
        2 => (a.clone(), proptest::bool::ANY).prop_map(|(agent, back)| Op::Fuse { agent, back }),
        3 => (a.clone(), i.clone(), 0..WORK.len()).prop_map(|(agent, initiative, kind)| Op::Work { agent, initiative, kind }),
        2 => (a.clone(), i.clone(), proptest::bool::ANY).prop_map(|(agent, initiative, next)| Op::Act { agent, initiative, next }),
        2 => (a.clone(), i.clone(), 0..2usize).prop_map(|(agent, initiative, nth)| Op::Close { agent, initiative, nth }),
        2 => (a.clone(), i.clone(), proptest::bool::ANY, 0..4u8).prop_map(|(agent, initiative, withdraw, day)| Op::Consent { agent, initiative, withdraw, day }),
        5 => (a.clone(), a.clone()).prop_map(|(from, to)| Op::Sync { from, to }),
        1 => a.clone().prop_map(|agent| Op::Perimeter { agent }),
        2 => (a, i, 0..SINGLE.len()).prop_map(|(agent, initiative, field)| Op::HandEdit { agent, initiative, field }),
    ]
}

fn agent(n: usize) -> Agent {
    Agent {
        id: AgentId::parse(&format!("agent{n}")).unwrap(),
        name: format!("Agent {n}"),
    }
}

fn id(n: usize) -> InitiativeId {
    InitiativeId::parse(&format!("I{n}")).unwrap()
}

/// A write as the model knows it: its value and its dot.
type Write = (String, String);

/// Which writes were made to a field and which were superseded — by a write
/// or removal made on a copy that held them.
#[derive(Debug, Default, Clone)]
struct Truth {
    written: BTreeSet<Write>,
    superseded: BTreeSet<Write>,
}

/// The writes a copy holds in a field.
fn held(i: &Initiative, field: &str) -> BTreeSet<Write> {
    i.entries(field)
        .iter()
        .map(|e| {
            let value = match e.value.as_text() {
                Some(t) => t.to_string(),
                None => format!("{:?}", e.value),
            };
            (value, format!("{:?}", e.stamp.dot()))
        })
        .collect()
}

/// A consent written, as the model knows it: initiative, dot, the day it
/// was said, whether a withdrawal, when recorded, and the consents its
/// copy held then (which it replaces).
#[derive(Debug, Clone)]
struct ConsentWrite {
    initiative: usize,
    dot: Dot,
    day: u8,
    withdraw: bool,
    at: i64,
    replaces: BTreeSet<Dot>,
}

struct World {
    copies: Vec<Census>,
    consents: Vec<ConsentWrite>,
    truth: BTreeMap<(usize, &'static str), Truth>,
    next: u32,
    clock: i64,
    schema: Schema,
    /// The perimeter set last (every setting is later than the ones before).
    perimeter: String,
}

impl World {
    fn new() -> World {
        let schema = Schema::default_schema();
        let mut start = Census::new("T", &schema.id, schema.version);
        for n in 0..INITIATIVES {
            start.insert(Initiative::new(id(n)));
        }
        World {
            copies: vec![start; AGENTS],
            consents: Vec::new(),
            truth: BTreeMap::new(),
            next: 0,
            clock: 0,
            schema,
            perimeter: String::new(),
        }
    }

    fn fresh(&mut self) -> String {
        self.next += 1;
        self.clock += 1;
        format!("v{}", self.next)
    }

    fn apply(&mut self, op: &Op) {
        if let Some(a) = op.actor() {
            self.adopt_own(a);
        }
        match *op {
            Op::Write {
                agent: a,
                initiative: k,
                field,
            } => {
                let field = SINGLE[field];
                let value = self.fresh();
                let who = agent(a);
                let i = self.copies[a].get_mut(&id(k)).unwrap();
                let before = held(i, field);
                let dot = i.next_dot(who.id).expect("a small counter");
                i.write(field, Value::text(&value), dot, Timestamp(self.clock));
                let t = self.truth.entry((k, field)).or_default();
                t.superseded.extend(before);
                t.written.extend(held(i, field));
            }
            Op::Add {
                agent: a,
                initiative: k,
            } => {
                let value = self.fresh();
                let who = agent(a);
                let i = self.copies[a].get_mut(&id(k)).unwrap();
                let dot = i.next_dot(who.id).expect("a small counter");
                i.add_element(MULTI, Value::text(&value), dot, Timestamp(self.clock));
                self.truth
                    .entry((k, MULTI))
                    .or_default()
                    .written
                    .extend(held(i, MULTI));
            }
            Op::Remove {
                agent: a,
                initiative: k,
                nth,
            } => {
                let i = self.copies[a].get_mut(&id(k)).unwrap();
                let Some(value) = i.values(MULTI).get(nth).map(|v| v.to_string()) else {
                    return;
                };
                let before = held(i, MULTI);
                i.remove_element(MULTI, &Value::text(&value));
                let removed = before
                    .difference(&held(i, MULTI))
                    .cloned()
                    .collect::<Vec<_>>();
                self.truth
                    .entry((k, MULTI))
                    .or_default()
                    .superseded
                    .extend(removed);
            }
            Op::Delete {
                agent: a,
                initiative: k,
            } => {
                self.clock += 1;
                let _ = self.copies[a].delete_initiative(&id(k), &agent(a), Timestamp(self.clock));
            }
            Op::Restore {
                agent: a,
                initiative: k,
            } => {
                self.clock += 1;
                let _ = self.copies[a].restore_initiative(&id(k), &agent(a), Timestamp(self.clock));
            }
            Op::Fuse { agent: a, back } => {
                self.clock += 1;
                let (k, o) = if back { (1, 0) } else { (0, 1) };
                let copy = &self.copies[a];
                let (keep, other) = (copy.get(&id(k)).unwrap(), copy.get(&id(o)).unwrap());
                if !keep.is_live()
                    || other.is_deleted()
                    || other.merged_into().is_some_and(|m| m != id(k).as_str())
                {
                    return;
                }
                // The fusion writes into the survivor values of the absorbed
                // record that the survivor lacks and no earlier fusion saw:
                // fresh writes (of values seen before) for the model.
                let fields: Vec<&'static str> = SINGLE
                    .iter()
                    .copied()
                    .chain([MULTI])
                    .chain(WORK)
                    .chain(FOLLOW_UP)
                    .collect();
                let before: Vec<(&str, BTreeSet<Write>)> =
                    fields.iter().map(|f| (*f, held(keep, f))).collect();
                self.copies[a]
                    .fuse(
                        &self.schema,
                        &id(k),
                        &id(o),
                        &agent(a),
                        Timestamp(self.clock),
                    )
                    .unwrap();
                let keep = self.copies[a].get(&id(k)).unwrap();
                for (field, had) in before {
                    let new: Vec<Write> = held(keep, field).difference(&had).cloned().collect();
                    self.truth
                        .entry((k, field))
                        .or_default()
                        .written
                        .extend(new);
                }
            }
            Op::Work {
                agent: a,
                initiative: k,
                kind,
            } => {
                let field = WORK[kind];
                let n = self.next as usize;
                let note = self.fresh();
                let who = agent(a);
                let i = self.copies[a].get_mut(&id(k)).unwrap();
                let before = held(i, field);
                let dot = i.next_dot(who.id).expect("a small counter");
                let at = Timestamp(self.clock);
                let t = self.truth.entry((k, field)).or_default();
                if field == STATUS_FIELD {
                    i.write(field, Value::text(STATUSES[n % STATUSES.len()]), dot, at);
                    t.superseded.extend(before);
                } else {
                    let record = BTreeMap::from([("note".to_string(), note)]);
                    i.add_element(field, Value::record(record), dot, at);
                }
                t.written.extend(held(i, field));
            }
            Op::Act {
                agent: a,
                initiative: k,
                next,
            } => {
                let note = self.fresh();
                let new = NewAction {
                    kind: "appel".into(),
                    date: None,
                    next: next.then(|| NextStep {
                        text: format!("suite de {note}"),
                        due: recense::census::time::Date::new(2026, 12, 1 + (self.next % 28) as u8)
                            .unwrap(),
                        for_agent: None,
                    }),
                    note,
                };
                let at = Timestamp(self.clock);
                // Refused on a deleted or fused record, as for a person.
                if self.copies[a]
                    .add_action(&self.schema, &id(k), &new, &agent(a), at)
                    .is_ok()
                {
                    let i = self.copies[a].get(&id(k)).unwrap();
                    self.truth
                        .entry((k, ACTIONS))
                        .or_default()
                        .written
                        .extend(held(i, ACTIONS));
                }
            }
            Op::Close {
                agent: a,
                initiative: k,
                nth,
            } => {
                self.clock += 1;
                let i = self.copies[a].get(&id(k)).unwrap();
                let open: Vec<String> = actions(i)
                    .into_iter()
                    .filter(|x| x.is_open())
                    .map(|x| x.id)
                    .collect();
                let Some(action) = open.get(nth) else { return };
                let at = Timestamp(self.clock);
                if self.copies[a]
                    .close_action(&id(k), Some(action), &agent(a), at)
                    .is_ok()
                {
                    let i = self.copies[a].get(&id(k)).unwrap();
                    self.truth
                        .entry((k, ACTIONS_DONE))
                        .or_default()
                        .written
                        .extend(held(i, ACTIONS_DONE));
                }
            }
            Op::Consent {
                agent: a,
                initiative: k,
                withdraw,
                day,
            } => {
                self.clock += 1;
                let who = agent(a);
                let change = if withdraw {
                    ConsentChange::Withdraw
                } else {
                    ConsentChange::Give {
                        means: Means::Oral,
                        purposes: vec![Purpose::Invitations],
                    }
                };
                // The clock of the model is in 1970: days of the month before.
                let date = Date::parse(&format!("1969-12-2{day}"));
                let copy = &mut self.copies[a];
                let before: BTreeSet<Dot> = copy
                    .get(&id(k))
                    .unwrap()
                    .entries(CONSENT)
                    .iter()
                    .filter_map(|e| e.stamp.dot())
                    .collect();
                if copy
                    .record_consent(&id(k), &change, date, &who, Timestamp(self.clock))
                    .is_err()
                {
                    return; // deleted or fused on this copy: refused, nothing written
                }
                let i = copy.get(&id(k)).unwrap();
                let dot = i
                    .entries(CONSENT)
                    .iter()
                    .filter_map(|e| e.stamp.dot())
                    .find(|d| !before.contains(d))
                    .unwrap();
                self.truth
                    .entry((k, CONSENT))
                    .or_default()
                    .written
                    .extend(held(i, CONSENT));
                self.consents.push(ConsentWrite {
                    initiative: k,
                    dot,
                    day,
                    withdraw,
                    at: self.clock,
                    replaces: before,
                });
            }
            Op::Perimeter { agent: a } => {
                let spec = format!("insee:{}", self.fresh());
                let by = agent(a).id.to_string();
                self.copies[a].perimeter = Perimeter::set(&spec, &by, Timestamp(self.clock));
                self.perimeter = spec;
            }
            Op::Sync { from, to } => {
                // An e-mail: its hand edits adopted as its sender's.
                let mut mail = self.copies[from].clone();
                adopt_received(&mut mail, &agent(to), Timestamp(self.clock));
                record_adopted(&mut self.truth, &self.copies[from], &mail);
                self.copies[to] = join(&self.copies[to], &mail).unwrap();
            }
            Op::HandEdit {
                agent: a,
                initiative: k,
                field,
            } => {
                let field = SINGLE[field];
                let value = self.fresh();
                let i = self.copies[a].get_mut(&id(k)).unwrap();
                let before = held(i, field);
                let stamp = match i.entries(field).first() {
                    Some(e) => match e.stamp {
                        Stamp::Recorded { dot, at } => Stamp::HandEdited {
                            dot,
                            at,
                            hash: e.value.short_hash(),
                        },
                        other => other,
                    },
                    None => Stamp::Bare,
                };
                let mut entries = Entries::new();
                entries.push(Entry {
                    value: Value::text(&value),
                    stamp,
                });
                i.fields.insert(field, entries);
                self.truth
                    .entry((k, field))
                    .or_default()
                    .superseded
                    .extend(before);
            }
        }
    }

    /// Copy `a` adopts its own hand edits, as every command does first.
    fn adopt_own(&mut self, a: usize) {
        let before = self.copies[a].clone();
        self.copies[a].adopt_hand_edits(&agent(a), Timestamp(self.clock));
        record_adopted(&mut self.truth, &before, &self.copies[a]);
    }

    /// Everyone adopts their hand edits (they run a command before sending).
    fn adopt_all(&mut self) {
        for a in 0..AGENTS {
            self.adopt_own(a);
        }
    }
}

/// The entries an adoption gave hand edits are writes.
fn record_adopted(
    truth: &mut BTreeMap<(usize, &'static str), Truth>,
    before: &Census,
    after: &Census,
) {
    for k in 0..INITIATIVES {
        let (was, is) = (before.get(&id(k)).unwrap(), after.get(&id(k)).unwrap());
        for field in SINGLE {
            let new: Vec<Write> = held(is, field)
                .difference(&held(was, field))
                .cloned()
                .collect();
            truth.entry((k, field)).or_default().written.extend(new);
        }
    }
}

fn bytes(c: &Census) -> String {
    to_canonical(c)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn join_is_commutative_associative_idempotent(ops in proptest::collection::vec(op(), 1..60)) {
        let mut w = World::new();
        for op in &ops {
            w.apply(op);
        }
        let [a, b, c] = [&w.copies[0], &w.copies[1], &w.copies[2]];
        prop_assert_eq!(bytes(&join(a, b).unwrap()), bytes(&join(b, a).unwrap()));
        prop_assert_eq!(
            bytes(&join(a, &join(b, c).unwrap()).unwrap()),
            bytes(&join(&join(a, b).unwrap(), c).unwrap())
        );
        prop_assert_eq!(bytes(&join(a, a).unwrap()), bytes(a));
        let ab = join(a, b).unwrap();
        prop_assert_eq!(bytes(&join(&ab, b).unwrap()), bytes(&ab), "merging the same e-mail twice changes nothing");
    }

    #[test]
    fn copies_converge_and_nothing_is_lost_or_revived(ops in proptest::collection::vec(op(), 1..80)) {
        let mut w = World::new();
        for op in &ops {
            w.apply(op);
        }
        w.adopt_all();
        // Everyone sends their copy to everyone, in two different orders.
        let forward = w.copies.iter().skip(1).fold(w.copies[0].clone(), |acc, c| join(&acc, c).unwrap());
        let backward = w.copies.iter().rev().skip(1).fold(w.copies[AGENTS - 1].clone(), |acc, c| join(c, &acc).unwrap());
        prop_assert_eq!(bytes(&forward), bytes(&backward));
        prop_assert_eq!(&forward.perimeter.spec, &w.perimeter, "the perimeter set last is kept");
        for ((k, field), truth) in &w.truth {
            let i = forward.get(&id(*k)).unwrap();
            let present = held(i, field);
            let expected: BTreeSet<Write> = truth.written.difference(&truth.superseded).cloned().collect();
            prop_assert_eq!(&present, &expected, "initiative {} field {}", k, field);
        }
        nothing_hidden(&forward, &w.schema)?;
        consent_in_force(&forward, &w.consents)?;
    }

    #[test]
    fn a_hand_edit_received_by_several_colleagues_stays_one_write(
        ops in proptest::collection::vec(op(), 0..60),
        initiative in 0..INITIATIVES,
        field in 0..SINGLE.len(),
    ) {
        let mut w = World::new();
        for op in &ops {
            w.apply(op);
        }
        // Agent 0 types a value in vim and sends the file to agents 1 and 2,
        // who then send each other their copies.
        w.apply(&Op::HandEdit { agent: 0, initiative, field });
        let typed = format!("v{}", w.next);
        for (from, to) in [(0, 1), (0, 2), (1, 2), (2, 1)] {
            w.apply(&Op::Sync { from, to });
        }
        let f = SINGLE[field];
        let adopted = |c: &Census| -> Vec<Write> {
            held(c.get(&id(initiative)).unwrap(), f)
                .into_iter()
                .filter(|(v, _)| *v == typed)
                .collect()
        };
        prop_assert_eq!(adopted(&w.copies[1]).len(), 1, "one write");
        prop_assert_eq!(adopted(&w.copies[1]), adopted(&w.copies[2]));
        // Agent 1 writes the field again and they exchange: the hand edit it
        // overwrote does not come back, and there is no conflict.
        w.apply(&Op::Write { agent: 1, initiative, field });
        w.apply(&Op::Sync { from: 2, to: 1 });
        w.apply(&Op::Sync { from: 1, to: 2 });
        for c in &w.copies[1..] {
            prop_assert!(adopted(c).is_empty(), "the overwritten hand edit came back");
            prop_assert_eq!(held(c.get(&id(initiative)).unwrap(), f).len(), 1);
        }
    }
}

/// The consent in force after every merge is the model's: among the
/// consents no later one replaced (one written on a copy that held it),
/// the latest said; on the same day a withdrawal; then the latest recorded.
fn consent_in_force(c: &Census, writes: &[ConsentWrite]) -> Result<(), TestCaseError> {
    for k in 0..INITIATIVES {
        let mine: Vec<&ConsentWrite> = writes.iter().filter(|w| w.initiative == k).collect();
        let replaced: BTreeSet<Dot> = mine
            .iter()
            .flat_map(|w| w.replaces.iter().copied())
            .collect();
        let expected = mine
            .iter()
            .filter(|w| !replaced.contains(&w.dot))
            .max_by_key(|w| (w.day, w.withdraw, w.at, w.dot));
        let found = state(c.get(&id(k)).unwrap());
        match (expected, found) {
            (None, None) => {}
            (Some(w), Some(r)) => {
                prop_assert_eq!(
                    r.decision == Decision::Withdrawn,
                    w.withdraw,
                    "initiative {}",
                    k
                );
                prop_assert_eq!(r.date, Date::parse(&format!("1969-12-2{}", w.day)));
                prop_assert_eq!(r.by, Some(w.dot.agent));
                prop_assert_eq!(r.at, Some(Timestamp(w.at)));
            }
            (e, f) => prop_assert!(false, "initiative {}: expected {:?}, found {:?}", k, e, f),
        }
    }
    Ok(())
}

/// Nothing silently hidden: every record is shown, deleted, or redirects to
/// one that is (opposite fusions make no pair of records that both vanish);
/// a cycle of fusions is a conflict; every edit — form or legitimation —
/// that a deletion or a fusion did not see is listed as a conflict.
fn nothing_hidden(c: &Census, schema: &Schema) -> Result<(), TestCaseError> {
    for k in 0..INITIATIVES {
        let shown = c.get(c.redirect(&id(k))).unwrap();
        prop_assert!(
            shown.is_live() || shown.is_deleted(),
            "initiative {} vanished",
            k
        );
    }
    let found = conflicts(c, schema);
    let cycles = recense::census::cycles::fusion_cycles(c);
    prop_assert_eq!(
        cycles.len(),
        found
            .iter()
            .filter(|x| matches!(x, Conflict::FusionCycle { .. }))
            .count()
    );
    for i in &c.initiatives {
        let guard = if i.is_deleted() {
            system::DELETED
        } else if i.merged_into().is_some() {
            system::MERGED_INTO
        } else {
            continue;
        };
        let contexts: Vec<_> = i
            .entries(guard)
            .iter()
            .map(|e| context_of(&e.value))
            .collect();
        let listed: Vec<&(String, recense::census::Entry)> = found
            .iter()
            .flat_map(|x| match x {
                Conflict::DeletedEdited { id, edits, .. } if id == &i.id => edits.iter().collect(),
                Conflict::AfterFusion {
                    absorbed, edits, ..
                } if absorbed == &i.id => edits.iter().collect(),
                _ => Vec::new(),
            })
            .collect();
        // The model's own list of what people write, not the program's.
        let written = |f: &str| {
            SINGLE.contains(&f) || f == MULTI || WORK.contains(&f) || FOLLOW_UP.contains(&f)
        };
        for (field, entries) in i.fields.iter().filter(|(f, _)| written(f)) {
            for e in entries {
                let dot = e.stamp.dot().unwrap();
                if contexts.iter().any(|ctx| ctx.covers(&dot)) {
                    continue;
                }
                prop_assert!(
                    listed.iter().any(|(f, x)| f == field && x == e),
                    "{} {} {:?} not listed",
                    i.id,
                    field,
                    e
                );
            }
        }
    }
    Ok(())
}

#[test]
fn a_deletion_survives_unless_restored_by_someone_who_saw_it() {
    let mut w = World::new();
    w.apply(&Op::Delete {
        agent: 0,
        initiative: 0,
    });
    w.apply(&Op::Write {
        agent: 1,
        initiative: 0,
        field: 0,
    });
    w.apply(&Op::Sync { from: 0, to: 2 });
    w.apply(&Op::Sync { from: 1, to: 2 });
    let merged = &w.copies[2];
    assert!(merged.get(&id(0)).unwrap().is_deleted());
    assert!(
        !recense::census::conflicts::conflicts(merged, &w.schema).is_empty(),
        "deleted by A, edited by B"
    );
    // Someone who saw the deletion restores it: the restore wins everywhere.
    w.apply(&Op::Restore {
        agent: 2,
        initiative: 0,
    });
    w.apply(&Op::Sync { from: 2, to: 0 });
    assert!(w.copies[0].get(&id(0)).unwrap().is_live());
    assert!(
        !w.copies[0]
            .get(&id(0))
            .unwrap()
            .fields
            .contains_key(system::DELETED)
    );
}

#[test]
fn two_colleagues_closing_one_next_step_converge() {
    let mut w = World::new();
    w.apply(&Op::Act {
        agent: 0,
        initiative: 0,
        next: true,
    });
    w.apply(&Op::Sync { from: 0, to: 1 });
    for agent in [0, 1] {
        w.apply(&Op::Close {
            agent,
            initiative: 0,
            nth: 0,
        });
    }
    w.apply(&Op::Sync { from: 0, to: 1 });
    w.apply(&Op::Sync { from: 1, to: 0 });
    assert_eq!(bytes(&w.copies[0]), bytes(&w.copies[1]));
    let i = w.copies[0].get(&id(0)).unwrap();
    let all = actions(i);
    assert_eq!(all.len(), 1);
    assert!(!all[0].is_open());
    assert_eq!(all[0].done.len(), 2, "both closings are kept");
    assert!(conflicts(&w.copies[0], &w.schema).is_empty());
}
