//! The merge laws with erasure (the purge law of tests/cli/merge_laws.rs's
//! family): over random histories of three colleagues writing a contact,
//! a name and a free text that repeats the contact, purging and merging in
//! random order, the join stays commutative, associative and idempotent
//! byte for byte; no merge of any older state (any copy at any moment, in
//! any order) brings back a value a purge erased; and a value written after
//! a purge (its dot named by no mark) is kept.

use std::collections::BTreeSet;

use proptest::prelude::*;
use recense::census::erase::person::purge_initiative;
use recense::census::erase::{Why, marks};
use recense::census::file::to_canonical;
use recense::census::merge::join;
use recense::census::model::{Census, Initiative, Value};
use recense::census::ops::Agent;
use recense::census::time::Timestamp;
use recense::census::{AgentId, InitiativeId, Schema};

const AGENTS: usize = 3;
const INITIATIVES: usize = 2;
const FIELDS: [&str; 3] = ["contact_nom", "nom", "description"];

#[derive(Debug, Clone)]
enum Op {
    Write {
        agent: usize,
        initiative: usize,
        field: usize,
    },
    Purge {
        agent: usize,
        initiative: usize,
    },
    Sync {
        from: usize,
        to: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let (a, i) = (0..AGENTS, 0..INITIATIVES);
    prop_oneof![
        5 => (a.clone(), i.clone(), 0..FIELDS.len()).prop_map(|(agent, initiative, field)| Op::Write { agent, initiative, field }),
        2 => (a.clone(), i).prop_map(|(agent, initiative)| Op::Purge { agent, initiative }),
        4 => (a.clone(), a).prop_map(|(from, to)| Op::Sync { from, to }),
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

/// (initiative, field, value) erased by a purge.
type Erased = (usize, String, String);

struct World {
    schema: Schema,
    copies: Vec<Census>,
    /// Every copy after every step: the older states a colleague may send.
    history: Vec<Census>,
    erased: BTreeSet<Erased>,
    /// Values written after a purge, on a copy holding its marks, and
    /// neither written over nor purged since.
    after_purge: BTreeSet<Erased>,
    clock: i64,
    counter: usize,
}

impl World {
    fn new() -> World {
        let schema = Schema::default_schema();
        let mut c = Census::new("T", &schema.id, schema.version);
        for n in 0..INITIATIVES {
            c.insert(Initiative::new(id(n)));
        }
        World {
            schema,
            copies: vec![c.clone(); AGENTS],
            history: vec![c],
            erased: BTreeSet::new(),
            after_purge: BTreeSet::new(),
            clock: 0,
            counter: 0,
        }
    }

    fn apply(&mut self, op: &Op) {
        self.clock += 1;
        let now = Timestamp(self.clock);
        match *op {
            Op::Write {
                agent: a,
                initiative,
                field,
            } => {
                self.counter += 1;
                let c = &mut self.copies[a];
                let i = c.get_mut(&id(initiative)).unwrap();
                let value = match FIELDS[field] {
                    // A free text that names the contact, as people write.
                    "description" => match i.value("contact_nom") {
                        Some(contact) => format!("voir {contact} ({})", self.counter),
                        None => format!("texte {}", self.counter),
                    },
                    _ => format!("Nom{} Valeur", self.counter),
                };
                let purged_before = !marks(i).is_empty();
                let dot = i.next_dot(agent(a).id).unwrap();
                i.write(FIELDS[field], Value::text(&value), dot, now);
                // Any later write may supersede it: no longer followed.
                self.after_purge
                    .retain(|(k, f, _)| !(*k == initiative && f == FIELDS[field]));
                if purged_before && FIELDS[field] == "contact_nom" {
                    self.after_purge
                        .insert((initiative, FIELDS[field].to_string(), value));
                }
            }
            Op::Purge {
                agent: a,
                initiative,
            } => {
                let c = &mut self.copies[a];
                let before = c.get(&id(initiative)).unwrap().clone();
                purge_initiative(
                    c,
                    &self.schema,
                    &id(initiative),
                    &[],
                    &agent(a),
                    now,
                    Why::Asked,
                )
                .unwrap();
                let after = c.get(&id(initiative)).unwrap();
                for field in ["contact_nom", "description"] {
                    for v in before.values(field) {
                        if !after.values(field).contains(&v) {
                            self.erased
                                .insert((initiative, field.to_string(), v.to_string()));
                            self.after_purge
                                .retain(|(k, f, x)| !(*k == initiative && f == field && x == v));
                        }
                    }
                }
            }
            Op::Sync { from, to } => {
                self.copies[to] = join(&self.copies[to], &self.copies[from]).unwrap();
            }
        }
        self.history.extend(self.copies.iter().cloned());
    }
}

fn bytes(c: &Census) -> String {
    to_canonical(c)
}

/// The erased values still held by `c`.
fn revived(c: &Census, erased: &BTreeSet<Erased>) -> Vec<Erased> {
    erased
        .iter()
        .filter(|(k, f, v)| c.get(&id(*k)).unwrap().values(f).contains(&v.as_str()))
        .cloned()
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn after_a_purge_no_merge_of_older_states_revives_the_value_and_the_laws_hold(
        ops in proptest::collection::vec(op(), 1..50),
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 1..12),
    ) {
        let mut w = World::new();
        for op in &ops {
            w.apply(op);
        }
        // Everyone's final copy together: the whole knowledge, marks included.
        let all = w.copies.iter().fold(w.copies[0].clone(), |acc, c| join(&acc, c).unwrap());
        // Older states merged in any order, into it or it into them.
        let mut into = all.clone();
        let mut onto = all.clone();
        for p in &picks {
            let old = &w.history[p.index(w.history.len())];
            into = join(&into, old).unwrap();
            onto = join(old, &onto).unwrap();
        }
        prop_assert_eq!(bytes(&into), bytes(&all), "older states add nothing to what saw them all");
        prop_assert_eq!(bytes(&onto), bytes(&all));
        prop_assert_eq!(revived(&all, &w.erased), Vec::<Erased>::new());
        // A value written after a purge, and neither purged nor written
        // over since, is kept.
        for (k, f, v) in &w.after_purge {
            let i = all.get(&id(*k)).unwrap();
            prop_assert!(i.values(f).contains(&v.as_str()), "{} {} {}", k, f, v);
        }
        // The laws, over final copies and older states with and without marks.
        let h = &w.history;
        let old = &h[picks[0].index(h.len())];
        let [a, b, c] = [&w.copies[0], &w.copies[1], old];
        prop_assert_eq!(bytes(&join(a, b).unwrap()), bytes(&join(b, a).unwrap()));
        prop_assert_eq!(bytes(&join(a, c).unwrap()), bytes(&join(c, a).unwrap()));
        prop_assert_eq!(
            bytes(&join(a, &join(b, c).unwrap()).unwrap()),
            bytes(&join(&join(a, b).unwrap(), c).unwrap())
        );
        prop_assert_eq!(bytes(&join(a, a).unwrap()), bytes(a));
        let ab = join(a, b).unwrap();
        prop_assert_eq!(bytes(&join(&ab, b).unwrap()), bytes(&ab));
    }
}

/// A purge on one copy, a new contact written after it on another copy
/// that received it: merging every older state keeps the new contact.
#[test]
fn a_contact_written_after_the_purge_is_kept_by_every_merge() {
    let mut w = World::new();
    for op in [
        Op::Write {
            agent: 0,
            initiative: 0,
            field: 0,
        },
        Op::Write {
            agent: 0,
            initiative: 0,
            field: 2,
        },
        Op::Sync { from: 0, to: 1 },
        Op::Purge {
            agent: 0,
            initiative: 0,
        },
        Op::Sync { from: 0, to: 2 },
        Op::Write {
            agent: 2,
            initiative: 0,
            field: 0,
        },
    ] {
        w.apply(&op);
    }
    assert_eq!(w.erased.len(), 2, "{:?}", w.erased);
    assert_eq!(w.after_purge.len(), 1);
    let mut all = w.copies[2].clone();
    for old in &w.history {
        all = join(old, &all).unwrap();
    }
    assert_eq!(revived(&all, &w.erased), Vec::<Erased>::new());
    let (_, f, v) = w.after_purge.iter().next().unwrap();
    assert_eq!(all.get(&id(0)).unwrap().values(f), vec![v.as_str()]);
}
