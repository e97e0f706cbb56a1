//! The merge laws with public copies: over random histories of three
//! colleagues writing a contact (personal) and a name, merging full copies
//! and public copies in random order, the join stays commutative,
//! associative and idempotent byte for byte, and merging a public copy
//! then the full copy it was made from, in any order, into any state,
//! gives the same as merging the full copy alone: a public copy never
//! costs its receiver the personal values it left out.

use proptest::prelude::*;
use recense::census::erase::public::{fill_withheld, public_copy};
use recense::census::file::to_canonical;
use recense::census::merge::join;
use recense::census::model::{Census, Initiative, Value};
use recense::census::time::Timestamp;
use recense::census::{AgentId, InitiativeId, Schema};

const AGENTS: usize = 3;
const INITIATIVES: usize = 2;
const FIELDS: [&str; 3] = ["contact_nom", "nom", "contact_courriel"];

#[derive(Debug, Clone)]
enum Op {
    Write {
        agent: usize,
        initiative: usize,
        field: usize,
    },
    Sync {
        from: usize,
        to: usize,
    },
    SyncPublic {
        from: usize,
        to: usize,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let (a, i) = (0..AGENTS, 0..INITIATIVES);
    prop_oneof![
        5 => (a.clone(), i, 0..FIELDS.len()).prop_map(|(agent, initiative, field)| Op::Write { agent, initiative, field }),
        3 => (a.clone(), a.clone()).prop_map(|(from, to)| Op::Sync { from, to }),
        3 => (a.clone(), a).prop_map(|(from, to)| Op::SyncPublic { from, to }),
    ]
}

fn agent(n: usize) -> AgentId {
    AgentId::parse(&format!("agent{n}")).unwrap()
}

fn id(n: usize) -> InitiativeId {
    InitiativeId::parse(&format!("I{n}")).unwrap()
}

/// A received copy merged as `recense merge` does: a public copy's left
/// out fields are unknown, not erased.
fn merge(ours: &Census, theirs: &Census) -> Census {
    let (mut ours, mut theirs) = (ours.clone(), theirs.clone());
    fill_withheld(&mut theirs, &ours);
    fill_withheld(&mut ours, &theirs);
    join(&ours, &theirs).unwrap()
}

struct World {
    schema: Schema,
    copies: Vec<Census>,
    history: Vec<Census>,
    clock: i64,
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
            clock: 0,
        }
    }

    fn public(&self, c: &Census) -> Census {
        public_copy(c, &self.schema, false).census
    }

    fn apply(&mut self, op: &Op) {
        self.clock += 1;
        match *op {
            Op::Write {
                agent: a,
                initiative,
                field,
            } => {
                let i = self.copies[a].get_mut(&id(initiative)).unwrap();
                let dot = i.next_dot(agent(a)).unwrap();
                let value = format!("{} {}", FIELDS[field], self.clock);
                i.write(
                    FIELDS[field],
                    Value::text(value),
                    dot,
                    Timestamp(self.clock),
                );
            }
            Op::Sync { from, to } => {
                self.copies[to] = merge(&self.copies[to], &self.copies[from]);
            }
            Op::SyncPublic { from, to } => {
                let public = self.public(&self.copies[from]);
                self.copies[to] = merge(&self.copies[to], &public);
            }
        }
        self.history.extend(self.copies.iter().cloned());
    }
}

fn bytes(c: &Census) -> String {
    to_canonical(c)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn a_public_copy_then_the_full_one_in_any_order_is_the_full_one_and_the_laws_hold(
        ops in proptest::collection::vec(op(), 1..40),
        picks in proptest::collection::vec(any::<prop::sample::Index>(), 3..8),
    ) {
        let mut w = World::new();
        for op in &ops {
            w.apply(op);
        }
        let h = &w.history;
        let pick = |n: usize| &h[picks[n % picks.len()].index(h.len())];
        for n in 0..picks.len() {
            let (x, full) = (pick(n), pick(n + 1));
            let public = w.public(full);
            let direct = bytes(&merge(x, full));
            prop_assert_eq!(bytes(&merge(&merge(x, &public), full)), direct.clone(), "public, then full");
            prop_assert_eq!(bytes(&merge(&merge(x, full), &public)), direct, "full, then public");
        }
        // Every copy (gaps included) with every other: all converge.
        let all = w.copies.iter().fold(w.copies[0].clone(), |acc, c| join(&acc, c).unwrap());
        let back = w.copies.iter().rev().fold(w.copies[2].clone(), |acc, c| join(c, &acc).unwrap());
        prop_assert_eq!(bytes(&all), bytes(&back));
        // The laws, over final copies and an older state.
        let [a, b, c] = [&w.copies[0], &w.copies[1], pick(2)];
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
