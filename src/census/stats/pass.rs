//! The counts of [`Figures`](super::Figures) — per kind, status, commune,
//! problem, commons, support and need, the longest waiting, the communes
//! without a *structure relais*, evidence and confirmations — in one pass
//! over the initiatives. Values are borrowed, never copied: a choice is
//! found by its id in a table built once, and a commune's name is folded
//! once per spelling, not once per initiative (the dashboard opens on
//! large censuses).

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap};

use crate::census::model::Initiative;
use crate::census::schema::Schema;
use crate::census::search::fold;
use crate::census::status;
use crate::census::time::Date;

use super::{Count, Tally, WAITING_SHOWN, Waiting, WaitingAt};

/// What one pass counts.
pub(super) struct Counts {
    pub by_kind: Tally,
    pub by_status: Tally,
    pub by_commune: Tally,
    pub by_problem: Tally,
    pub by_commons: Tally,
    pub by_support: Tally,
    pub by_need: Tally,
    pub waiting: Vec<WaitingAt>,
    pub communes_without_relay: Vec<String>,
    pub with_evidence: usize,
    pub confirmed: usize,
}

/// Counts of a choice field: every distinct value of an initiative counted
/// once, values outside the list ignored.
struct ChoiceCount<'a> {
    field: &'a str,
    ids: Vec<&'a str>,
    position: HashMap<&'a str, usize>,
    n: Vec<usize>,
    /// The last initiative (its ordinal + 1) counted under each choice.
    seen: Vec<usize>,
    unset: usize,
}

impl<'a> ChoiceCount<'a> {
    fn new(schema: &'a Schema, field: &'a str) -> ChoiceCount<'a> {
        let list = schema
            .field(field)
            .and_then(|f| f.field_type.choice_list())
            .unwrap_or("");
        let ids: Vec<&str> = schema.choices(list).iter().map(|c| c.id.as_str()).collect();
        let mut position = HashMap::with_capacity(ids.len());
        for (k, id) in ids.iter().enumerate() {
            position.entry(*id).or_insert(k);
        }
        ChoiceCount {
            field,
            n: vec![0; ids.len()],
            seen: vec![0; ids.len()],
            ids,
            position,
            unset: 0,
        }
    }

    fn add(&mut self, ordinal: usize, i: &Initiative) {
        let mut any = false;
        for v in i
            .entries(self.field)
            .iter()
            .filter_map(|e| e.value.as_text())
        {
            any = true;
            if let Some(&k) = self.position.get(v)
                && self.seen[k] != ordinal + 1
            {
                self.seen[k] = ordinal + 1;
                self.n[k] += 1;
            }
        }
        if !any {
            self.unset += 1;
        }
    }

    /// Most frequent first, ties in the schema's order.
    fn tally(self) -> Tally {
        let mut counts: Vec<(usize, Count)> = self
            .ids
            .iter()
            .zip(self.n)
            .enumerate()
            .map(|(k, (id, n))| {
                (
                    k,
                    Count {
                        id: id.to_string(),
                        n,
                    },
                )
            })
            .collect();
        counts.sort_by_key(|(k, c)| (Reverse(c.n), *k));
        Tally {
            counts: counts.into_iter().map(|(_, c)| c).collect(),
            unset: self.unset,
        }
    }
}

/// One waiting initiative, before anything is copied: longest first, then
/// by name, then in census order.
type Candidate<'a> = (Reverse<i64>, &'a str, usize, Option<Date>);

/// Keeps the [`WAITING_SHOWN`] smallest candidates, sorted.
fn keep_longest<'a>(kept: &mut Vec<Candidate<'a>>, c: Candidate<'a>) {
    if kept.len() == WAITING_SHOWN && kept.last().is_some_and(|last| *last <= c) {
        return;
    }
    let at = kept.partition_point(|k| *k <= c);
    kept.insert(at, c);
    kept.truncate(WAITING_SHOWN);
}

/// Counts `kept` (live initiatives, in census order) on `today`.
pub(super) fn count(schema: &Schema, kept: &[&Initiative], today: Date) -> Counts {
    let mut kinds = ChoiceCount::new(schema, &schema.kind_field);
    let mut others = [
        "problemes_publics",
        "communs_produits",
        "soutiens_recus",
        "besoins",
    ]
    .map(|f| ChoiceCount::new(schema, f));
    let mut statuses = [0usize; status::STATUSES.len()];
    let mut waiting: Vec<Vec<Candidate>> = vec![Vec::new(); status::STATUSES.len()];
    // Initiatives, and whether one is a structure relais, per spelling.
    let mut communes: HashMap<&str, (usize, bool)> = HashMap::new();
    let mut commune_unset = 0;
    let (mut with_evidence, mut confirmed) = (0, 0);
    let today = today.days_since_epoch();

    for (ordinal, i) in kept.iter().enumerate() {
        kinds.add(ordinal, i);
        for c in &mut others {
            c.add(ordinal, i);
        }
        if let Some(s) = status::STATUSES
            .iter()
            .position(|s| *s == status::current(i))
        {
            statuses[s] += 1;
            let since = status::since(i).map(|t| t.date());
            let days = since.map_or(0, |d| (today - d.days_since_epoch()).max(0));
            let name = i.value(&schema.name_field).unwrap_or("");
            keep_longest(&mut waiting[s], (Reverse(days), name, ordinal, since));
        }
        match i.value("commune") {
            Some(c) => {
                let relay = i
                    .value(&schema.kind_field)
                    .is_some_and(|k| schema.relay_kinds.iter().any(|r| r == k));
                let e = communes.entry(c).or_default();
                e.0 += 1;
                e.1 |= relay;
            }
            None => commune_unset += 1,
        }
        with_evidence += usize::from(!i.entries(status::EVIDENCE).is_empty());
        confirmed += usize::from(!i.entries(status::CONFIRMATIONS).is_empty());
    }

    let (by_commune, communes_without_relay) = communes_of(communes, commune_unset, schema);
    let [by_problem, by_commons, by_support, by_need] = others.map(ChoiceCount::tally);
    Counts {
        by_kind: kinds.tally(),
        by_status: Tally {
            counts: status::STATUSES
                .iter()
                .zip(statuses)
                .map(|(id, n)| Count {
                    id: id.to_string(),
                    n,
                })
                .collect(),
            unset: 0,
        },
        by_commune,
        by_problem,
        by_commons,
        by_support,
        by_need,
        waiting: status::STATUSES
            .iter()
            .zip(waiting)
            .map(|(s, longest)| WaitingAt {
                status: s.to_string(),
                longest: longest
                    .into_iter()
                    .map(|(Reverse(days), name, ordinal, since)| Waiting {
                        id: kept[ordinal].id.clone(),
                        name: name.to_string(),
                        since: since.map(|d| d.to_string()),
                        days,
                    })
                    .collect(),
            })
            .collect(),
        communes_without_relay,
        with_evidence,
        confirmed,
    }
}

/// Communes counted under their folded name, shown with their most frequent
/// spelling (the first in byte order on a tie), most initiatives first;
/// and those with no structure relais (none when the schema names none).
fn communes_of(
    spellings: HashMap<&str, (usize, bool)>,
    unset: usize,
    schema: &Schema,
) -> (Tally, Vec<String>) {
    type Commune<'a> = (usize, BTreeMap<&'a str, usize>, bool);
    let mut by_key: BTreeMap<String, Commune> = BTreeMap::new();
    for (spelling, (n, relay)) in spellings {
        let e = by_key.entry(fold(spelling)).or_default();
        e.0 += n;
        e.1.insert(spelling, n);
        e.2 |= relay;
    }
    let mut communes: Vec<(Count, String, bool)> = by_key
        .into_iter()
        .map(|(key, (n, spellings, relay))| {
            let shown = spellings
                .iter()
                .max_by_key(|(s, k)| (**k, Reverse(**s)))
                .map(|(s, _)| s.to_string())
                .unwrap_or_default();
            (Count { id: shown, n }, key, relay)
        })
        .collect();
    communes.sort_by(|a, b| b.0.n.cmp(&a.0.n).then_with(|| a.1.cmp(&b.1)));
    let without_relay = if schema.relay_kinds.is_empty() {
        Vec::new()
    } else {
        communes
            .iter()
            .filter(|(_, _, relay)| !relay)
            .map(|(c, _, _)| c.id.clone())
            .collect()
    };
    let counts = communes.into_iter().map(|(c, _, _)| c).collect();
    (Tally { counts, unset }, without_relay)
}

#[cfg(test)]
mod tests {
    use super::super::{Extent, figures_with};
    use crate::census::Schema;
    use crate::census::search::fold;
    use crate::census::status;
    use crate::census::time::Date;

    /// Every count of the one pass checked against a plain recount, on a
    /// generated census with a part of it kept.
    #[test]
    fn one_pass_agrees_with_a_plain_recount() {
        let s = Schema::default_schema();
        let c = crate::dev::generate(&s, 600, 3);
        let today = Date::new(2026, 6, 1).unwrap();
        let kept: Vec<usize> = (0..c.initiatives.len()).filter(|k| k % 3 != 1).collect();
        let f = figures_with(&c, &s, &kept, today, Extent::Counts);
        let live: Vec<_> = kept
            .iter()
            .map(|&k| &c.initiatives[k])
            .filter(|i| i.is_live())
            .collect();
        assert_eq!(f.total, live.len());
        let fields = [
            (&f.by_kind, s.kind_field.as_str()),
            (&f.by_problem, "problemes_publics"),
            (&f.by_commons, "communs_produits"),
            (&f.by_support, "soutiens_recus"),
            (&f.by_need, "besoins"),
        ];
        for (tally, field) in fields {
            assert!(tally.max() > 0, "{field}: something counted");
            for count in &tally.counts {
                let n = live
                    .iter()
                    .filter(|i| i.values(field).contains(&count.id.as_str()))
                    .count();
                assert_eq!(count.n, n, "{field} = {}", count.id);
            }
            let unset = live.iter().filter(|i| i.values(field).is_empty()).count();
            assert_eq!(tally.unset, unset, "{field} unset");
            assert!(tally.counts.windows(2).all(|w| w[0].n >= w[1].n));
        }
        for count in &f.by_status.counts {
            let n = live
                .iter()
                .filter(|i| status::current(i) == count.id)
                .count();
            assert_eq!(count.n, n, "status {}", count.id);
        }
        for count in &f.by_commune.counts {
            let key = fold(&count.id);
            let n = live
                .iter()
                .filter(|i| i.value("commune").is_some_and(|v| fold(v) == key))
                .count();
            assert_eq!(count.n, n, "commune {}", count.id);
        }
        let with_commune: usize = f.by_commune.counts.iter().map(|c| c.n).sum();
        assert_eq!(with_commune + f.by_commune.unset, live.len());
        for gap in &f.communes_without_relay {
            let key = fold(gap);
            assert!(live.iter().all(|i| {
                i.value("commune").is_none_or(|v| fold(v) != key)
                    || !i
                        .value(&s.kind_field)
                        .is_some_and(|k| s.relay_kinds.iter().any(|r| r == k))
            }));
        }
        let evidence = live
            .iter()
            .filter(|i| !status::evidence(i).is_empty())
            .count();
        assert_eq!(f.with_evidence, evidence);
        for at in &f.waiting {
            let here: Vec<_> = live
                .iter()
                .filter(|i| status::current(i) == at.status)
                .collect();
            assert_eq!(at.longest.len(), here.len().min(super::WAITING_SHOWN));
            let longest = here
                .iter()
                .map(|i| {
                    status::since(i).map_or(0, |t| {
                        (today.days_since_epoch() - t.date().days_since_epoch()).max(0)
                    })
                })
                .max()
                .unwrap_or(0);
            assert_eq!(at.longest.first().map_or(0, |w| w.days), longest);
            assert!(
                at.longest
                    .windows(2)
                    .all(|w| (w[0].days, &w[1].name) >= (w[1].days, &w[0].name))
            );
        }
    }
}
