//! What changed between two states of a census: initiatives new and gone,
//! status moves, supports and needs that appeared or ended, communes newly
//! covered, evidence and confirmations added, and the key figures side by
//! side. Two files give two states (`recense compare`); one file gives its
//! past from the stamps of its entries (`recense report --since`), with the
//! limits `docs/follow-up-changes.md` describes: what was overwritten or
//! removed since leaves no trace.

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

use crate::census::model::{Census, Entry, Initiative, Value, system};
use crate::census::schema::Schema;
use crate::census::status::{self, CONFIRMATIONS, EVIDENCE, LADDER, STATUS_FIELD, STATUS_LOG};
use crate::census::time::{Date, Timestamp};

/// The supports field and the needs field of the form.
pub const SUPPORTS: &str = "soutiens_recus";
pub const NEEDS: &str = "besoins";

/// An initiative named in a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// Why an initiative is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GoneWhy {
    Deleted,
    Disparu,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gone {
    #[serde(flatten)]
    pub who: Named,
    pub why: GoneWhy,
}

/// A status move (ids of the statuses).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    #[serde(flatten)]
    pub who: Named,
    pub from: String,
    pub to: String,
}

/// A value of a list field (a support, a need) that appeared or ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Valued {
    #[serde(flatten)]
    pub who: Named,
    pub value: String,
}

/// How many pieces of work were added to an initiative.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counted {
    #[serde(flatten)]
    pub who: Named,
    pub n: usize,
}

/// One key figure, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// `initiatives`, `communes`, a status id, `with_evidence`, `confirmed`,
    /// `supported`, `with_needs`.
    pub key: String,
    pub before: usize,
    pub after: usize,
}

/// Everything that changed, each list sorted by name then id.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Evolution {
    pub new: Vec<Named>,
    pub gone: Vec<Gone>,
    pub moved_up: Vec<Move>,
    pub moved_down: Vec<Move>,
    pub supports_received: Vec<Valued>,
    pub supports_ended: Vec<Valued>,
    pub needs_appeared: Vec<Valued>,
    pub needs_ended: Vec<Valued>,
    pub communes_new: Vec<String>,
    pub evidence_added: Vec<Counted>,
    pub confirmations_added: Vec<Counted>,
    pub figures: Vec<Figure>,
}

/// Whether an initiative counts in the census: live and not gone.
fn present(i: &Initiative) -> bool {
    i.is_live() && status::current(i) != status::Status::Disparu.id()
}

fn named(schema: &Schema, i: &Initiative) -> Named {
    Named {
        id: i.id.to_string(),
        name: i.value(&schema.name_field).unwrap_or("").to_string(),
    }
}

/// Whether a move from `from` to `to` goes up: higher on the ladder, or back
/// on it from dormant.
fn is_up(from: &str, to: &str) -> bool {
    let on = |s: &str| LADDER.contains(&s);
    (on(from) && on(to) && status::rank(to) > status::rank(from)) || (!on(from) && on(to))
}

/// Entries of `new` that `old` does not hold (by dot and value).
fn added(old: Option<&Initiative>, new: &Initiative, field: &str) -> usize {
    if old.is_some_and(|o| o.entries(field) == new.entries(field)) {
        return 0;
    }
    let before: HashSet<(Option<crate::census::model::Dot>, &Value)> = old
        .map(|o| {
            o.entries(field)
                .iter()
                .map(|e| (e.stamp.dot(), &e.value))
                .collect()
        })
        .unwrap_or_default();
    new.entries(field)
        .iter()
        .filter(|e| !before.contains(&(e.stamp.dot(), &e.value)))
        .count()
}

/// The key figures of a census, and the communes it covers, in one pass.
fn figures(census: &Census) -> (Vec<(String, usize)>, HashSet<&str>) {
    let mut communes: HashSet<&str> = HashSet::new();
    let mut by_status = [0usize; status::STATUSES.len()];
    let (mut present_n, mut evidence, mut confirmed, mut supported, mut needs) = (0, 0, 0, 0, 0);
    for i in census.initiatives.iter().filter(|i| i.is_live()) {
        let s = status::current(i);
        if let Some(n) = status::STATUSES.iter().position(|x| *x == s) {
            by_status[n] += 1;
        }
        if s == status::Status::Disparu.id() {
            continue;
        }
        present_n += 1;
        communes.extend(
            i.entries("commune")
                .iter()
                .filter_map(|e| e.value.as_text()),
        );
        evidence += usize::from(!i.entries(EVIDENCE).is_empty());
        confirmed += usize::from(!i.entries(CONFIRMATIONS).is_empty());
        supported += usize::from(!i.entries(SUPPORTS).is_empty());
        needs += usize::from(!i.entries(NEEDS).is_empty());
    }
    let mut out: Vec<(String, usize)> = vec![
        ("initiatives".into(), present_n),
        ("communes".into(), communes.len()),
    ];
    out.extend(
        status::STATUSES
            .iter()
            .zip(by_status)
            .map(|(s, n)| (s.to_string(), n)),
    );
    out.extend([
        ("with_evidence".into(), evidence),
        ("confirmed".into(), confirmed),
        ("supported".into(), supported),
        ("with_needs".into(), needs),
    ]);
    (out, communes)
}

/// What changed from `old` to `new`.
pub fn compare(old: &Census, new: &Census, schema: &Schema) -> Evolution {
    // Both censuses are sorted by id: each initiative is found by a binary
    // search, nothing is hashed.
    let mut ev = Evolution::default();
    for i in &new.initiatives {
        let o = old.get(&i.id);
        let was = o.is_some_and(present);
        if i.merged_into().is_some() {
            continue;
        }
        if !present(i) {
            if was {
                let why = if i.is_live() {
                    GoneWhy::Disparu
                } else {
                    GoneWhy::Deleted
                };
                ev.gone.push(Gone {
                    who: named(schema, i),
                    why,
                });
            }
            continue;
        }
        // Most initiatives did not change: nothing to compare.
        if was && o == Some(i) {
            continue;
        }
        let who = named(schema, i);
        if !was {
            ev.new.push(who.clone());
        }
        if let Some(o) = o.filter(|o| o.is_live()) {
            let (from, to) = (status::current(o), status::current(i));
            if from != to {
                let m = Move {
                    who: who.clone(),
                    from: from.to_string(),
                    to: to.to_string(),
                };
                if is_up(from, to) {
                    ev.moved_up.push(m);
                } else {
                    ev.moved_down.push(m);
                }
            }
        }
        let values = |x: Option<&Initiative>, f: &str| -> BTreeSet<String> {
            x.filter(|x| present(x))
                .map(|x| x.values(f).into_iter().map(str::to_string).collect())
                .unwrap_or_default()
        };
        for (field, appeared, ended) in [
            (SUPPORTS, &mut ev.supports_received, &mut ev.supports_ended),
            (NEEDS, &mut ev.needs_appeared, &mut ev.needs_ended),
        ] {
            if o.is_some_and(|o| present(o) && o.entries(field) == i.entries(field)) {
                continue;
            }
            let (b, a) = (values(o, field), values(Some(i), field));
            for v in a.difference(&b) {
                appeared.push(Valued {
                    who: who.clone(),
                    value: v.clone(),
                });
            }
            for v in b.difference(&a) {
                ended.push(Valued {
                    who: who.clone(),
                    value: v.clone(),
                });
            }
        }
        for (field, list) in [
            (EVIDENCE, &mut ev.evidence_added),
            (CONFIRMATIONS, &mut ev.confirmations_added),
        ] {
            let n = added(o, i, field);
            if n > 0 {
                list.push(Counted {
                    who: who.clone(),
                    n,
                });
            }
        }
    }
    // Present before and absent from the new file: gone without a trace.
    for o in old.initiatives.iter().filter(|o| present(o)) {
        if new.get(&o.id).is_none() {
            ev.gone.push(Gone {
                who: named(schema, o),
                why: GoneWhy::Deleted,
            });
        }
    }
    let ((b, communes_before), (a, communes_after)) = (figures(old), figures(new));
    let mut communes_new: Vec<String> = communes_after
        .difference(&communes_before)
        .map(|c| c.to_string())
        .collect();
    communes_new.sort();
    ev.communes_new = communes_new;
    ev.figures = b
        .into_iter()
        .zip(a)
        .map(|((key, before), (_, after))| Figure { key, before, after })
        .collect();
    let by_name = |n: &Named| (crate::census::search::fold(&n.name), n.id.clone());
    ev.new.sort_by_key(by_name);
    ev.gone.sort_by_key(|g| by_name(&g.who));
    for list in [&mut ev.moved_up, &mut ev.moved_down] {
        list.sort_by_key(|m| by_name(&m.who));
    }
    for list in [
        &mut ev.supports_received,
        &mut ev.supports_ended,
        &mut ev.needs_appeared,
        &mut ev.needs_ended,
    ] {
        list.sort_by_key(|v| (by_name(&v.who), v.value.clone()));
    }
    for list in [&mut ev.evidence_added, &mut ev.confirmations_added] {
        list.sort_by_key(|c| by_name(&c.who));
    }
    ev
}

/// The census as its stamps say it was at the start of `day`: entries
/// written since are left out, and the status is the last one recorded
/// before. What was overwritten or removed since is not in the file and
/// cannot come back (an initiative whose every value was rewritten since
/// looks new).
pub fn as_of(census: &Census, day: Date) -> Census {
    let cutoff = Timestamp::parse(&day.to_string()).unwrap_or(Timestamp(i64::MIN));
    let before = |e: &Entry| e.stamp.at().is_none_or(|t| t < cutoff);
    let mut past = census.clone();
    past.initiatives.retain_mut(|i| {
        let status_then = status::history(i)
            .into_iter()
            .rfind(|c| c.at.is_some_and(|t| t < cutoff))
            .map(|c| c.status);
        i.fields.retain(|_, es| {
            es.retain(|e| before(e));
            !es.is_empty()
        });
        i.fields.remove(STATUS_FIELD);
        if let Some(s) = status_then {
            let mut es = crate::census::model::Entries::new();
            if let Some(log) = i.entries(STATUS_LOG).last() {
                es.push(Entry {
                    value: Value::text(s),
                    stamp: log.stamp,
                });
            }
            i.fields.insert(STATUS_FIELD, es);
        }
        i.fields.keys().any(|f| !f.starts_with(system::PREFIX))
    });
    past
}

/// What changed in one census since the start of `day`, from its stamps.
pub fn since(census: &Census, schema: &Schema, day: Date) -> Evolution {
    compare(&as_of(census, day), census, schema)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::id::AgentId;
    use crate::census::ops::{Agent, Changes, parse_assignments};

    fn day(d: &str) -> Timestamp {
        Timestamp::parse(d).unwrap()
    }

    #[test]
    fn since_reads_the_past_from_the_stamps() {
        let s = Schema::default_schema();
        let mut c = Census::new("T", &s.id, s.version);
        let a = Agent {
            id: AgentId::parse("marie").unwrap(),
            name: "Marie".into(),
        };
        let add = |c: &mut Census, name: &str, commune: &str, at: &str| {
            let v = parse_assignments(
                &s,
                c,
                &[
                    format!("nom={name}"),
                    "type=association".into(),
                    format!("commune={commune}"),
                ],
                None,
            )
            .unwrap();
            c.add_initiative(&s, &a, &v, day(at)).unwrap()
        };
        let old = add(&mut c, "Ancienne", "Brest", "2025-03-01");
        let gone = add(&mut c, "Partie", "Brest", "2025-03-01");
        c.set_status(&s, &old, "contacte", "", &a, day("2025-04-01"))
            .unwrap();
        c.set_status(&s, &old, "rencontre", "", &a, day("2026-02-01"))
            .unwrap();
        let set = parse_assignments(&s, &c, &["soutiens_recus=locaux".into()], Some(&old)).unwrap();
        c.edit_initiative(&s, &old, &a, &Changes::set(set), day("2026-02-02"))
            .unwrap();
        c.delete_initiative(&gone, &a, day("2026-02-03")).unwrap();
        let fresh = add(&mut c, "Nouvelle", "Morlaix", "2026-02-04");
        let ev = since(&c, &s, Date::parse("2026-01-01").unwrap());
        assert_eq!(
            ev.new.iter().map(|n| &n.id).collect::<Vec<_>>(),
            [&fresh.to_string()]
        );
        assert_eq!(ev.gone.len(), 1);
        assert_eq!(ev.gone[0].who.id, gone.to_string());
        assert_eq!(ev.gone[0].why, GoneWhy::Deleted);
        assert_eq!(ev.moved_up.len(), 1);
        assert_eq!(
            (ev.moved_up[0].from.as_str(), ev.moved_up[0].to.as_str()),
            ("contacte", "rencontre")
        );
        assert_eq!(ev.supports_received[0].value, "locaux");
        assert_eq!(ev.communes_new, ["Morlaix"]);
        let inits = &ev.figures[0];
        assert_eq!(
            (inits.key.as_str(), inits.before, inits.after),
            ("initiatives", 2, 2)
        );
    }
}
