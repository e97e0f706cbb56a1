//! The census in figures: what the dashboard draws, what the reports for
//! elected officials and technicians argue with, and what `recense stats`
//! gives scripts. One computation for all three.

use serde::Serialize;

use crate::census::id::InitiativeId;
use crate::census::model::{Census, Initiative};
use crate::census::query::Filter;
use crate::census::schema::Schema;
use crate::census::time::Date;
use crate::census::{conflicts, duplicates, network, status};

mod pass;

/// How many initiatives have one value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// A choice id (kinds, statuses, problems…) or a commune name.
    pub id: String,
    pub n: usize,
}

/// The counts of one field: every value of its list (zeros included: a
/// problem nobody answers is a finding), most frequent first, ties in the
/// schema's order; and how many initiatives leave it empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Tally {
    pub counts: Vec<Count>,
    pub unset: usize,
}

impl Tally {
    /// The count of one value (0 when absent).
    pub fn get(&self, id: &str) -> usize {
        self.counts.iter().find(|c| c.id == id).map_or(0, |c| c.n)
    }

    /// The largest count (the scale of a bar chart).
    pub fn max(&self) -> usize {
        self.counts.iter().map(|c| c.n).max().unwrap_or(0)
    }
}

/// An initiative that has been at its status for a while.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Waiting {
    pub id: InitiativeId,
    pub name: String,
    /// The date it reached its status.
    pub since: Option<String>,
    /// Days since then (0 when unknown).
    pub days: i64,
}

/// The initiatives waiting longest at one status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WaitingAt {
    pub status: String,
    /// Longest first, at most [`WAITING_SHOWN`].
    pub longest: Vec<Waiting>,
}

/// How many initiatives are listed per status as waiting longest.
pub const WAITING_SHOWN: usize = 5;

/// The network: its connected groups (the *archipel*) and the isolated
/// initiatives, the ones to bring in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct NetworkFigures {
    /// Relations between live initiatives.
    pub links: usize,
    /// Sizes of the connected groups, largest first.
    pub groups: Vec<usize>,
    pub isolated: Vec<InitiativeId>,
}

/// Every figure of a census (or of the initiatives a filter keeps).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Figures {
    pub territory: String,
    /// The day the figures are computed for (ages, evidence freshness).
    pub date: String,
    /// Live initiatives counted.
    pub total: usize,
    pub by_kind: Tally,
    /// Every status in ladder order (not sorted by count).
    pub by_status: Tally,
    pub by_commune: Tally,
    pub by_problem: Tally,
    pub by_commons: Tally,
    pub by_support: Tally,
    pub by_need: Tally,
    /// The statuses in ladder order, each with its longest waiting.
    pub waiting: Vec<WaitingAt>,
    /// Communes with initiatives but no *structure relais* (schema's
    /// `relay_kinds`), most initiatives first.
    pub communes_without_relay: Vec<String>,
    /// Initiatives with at least one piece of evidence.
    pub with_evidence: usize,
    /// Initiatives confirmed by at least one colleague.
    pub confirmed: usize,
    /// Mean completeness/freshness score (0–100).
    pub mean_score: u8,
    /// Values changed concurrently and not yet settled.
    pub conflicts: usize,
    /// Likely duplicates not yet fused or set apart.
    pub duplicates: usize,
    pub network: NetworkFigures,
}

/// How much [`figures_with`] computes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// Every figure (the reports, `recense stats`).
    All,
    /// What the dashboard shows: the counts, the longest waiting, the
    /// communes without a structure relais, evidence and confirmations, in
    /// one pass. The mean score, the conflicts, the likely duplicates and
    /// the network are left at zero: they read every field of every
    /// initiative, or compare names across the whole census, too slow for a
    /// screen that must open at once on a large census.
    Counts,
}

/// The figures of the live initiatives `filter` keeps, on `today`.
pub fn figures(census: &Census, schema: &Schema, filter: &Filter, today: Date) -> Figures {
    let kept: Vec<usize> = (0..census.initiatives.len())
        .filter(|&k| {
            let i = &census.initiatives[k];
            i.is_live() && filter.matches(schema, i)
        })
        .collect();
    figures_of(census, schema, &kept, today)
}

/// The figures of some initiatives (indexes into `census.initiatives`, as
/// `query::find` gives them: a search and filters), on `today`. Deleted ones
/// among them are left out.
pub fn figures_of(census: &Census, schema: &Schema, kept: &[usize], today: Date) -> Figures {
    figures_with(census, schema, kept, today, Extent::All)
}

/// [`figures_of`], computing only what `extent` says.
pub fn figures_with(
    census: &Census,
    schema: &Schema,
    kept: &[usize],
    today: Date,
    extent: Extent,
) -> Figures {
    // In census order whatever order they come in: the same set always gives
    // the same figures.
    let mut kept = kept.to_vec();
    kept.sort_unstable();
    kept.dedup();
    kept.retain(|&k| census.initiatives.get(k).is_some_and(Initiative::is_live));
    let items: Vec<&Initiative> = kept.iter().map(|&k| &census.initiatives[k]).collect();
    let c = pass::count(schema, &items, today);
    let total = items.len();
    let all = extent == Extent::All;

    let mean_score = if !all || total == 0 {
        0
    } else {
        let sum: usize = items
            .iter()
            .map(|i| status::score(schema, i, today) as usize)
            .sum();
        (sum as f64 / total as f64).round() as u8
    };
    let network = if all {
        network_of(census, schema, &kept)
    } else {
        NetworkFigures::default()
    };

    Figures {
        territory: census.territory.clone(),
        date: today.to_string(),
        total,
        by_kind: c.by_kind,
        by_status: c.by_status,
        by_commune: c.by_commune,
        by_problem: c.by_problem,
        by_commons: c.by_commons,
        by_support: c.by_support,
        by_need: c.by_need,
        waiting: c.waiting,
        communes_without_relay: c.communes_without_relay,
        with_evidence: c.with_evidence,
        confirmed: c.confirmed,
        mean_score,
        conflicts: if all {
            conflicts::conflicts(census, schema).len()
        } else {
            0
        },
        duplicates: if all {
            duplicates::all_pairs(census, schema).len()
        } else {
            0
        },
        network,
    }
}

/// The network figures of `kept` (live initiatives' indexes): the links of
/// the whole census, the groups with one of them, the isolated among them.
fn network_of(census: &Census, schema: &Schema, kept: &[usize]) -> NetworkFigures {
    let mut is_kept = vec![false; census.initiatives.len()];
    for &k in kept {
        is_kept[k] = true;
    }
    let arch = network::archipelago(census, schema);
    NetworkFigures {
        links: arch.links,
        groups: arch
            .groups
            .iter()
            .filter(|g| g.iter().any(|&k| is_kept[k]))
            .map(Vec::len)
            .collect(),
        isolated: arch
            .isolated
            .iter()
            .filter(|&&k| is_kept[k])
            .map(|&k| census.initiatives[k].id.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::AgentId;
    use crate::census::ops::{Agent, parse_assignments};
    use crate::census::search::fold;
    use crate::census::time::Timestamp;

    fn agent(name: &str) -> Agent {
        Agent {
            id: AgentId::parse(&name.to_lowercase()).unwrap(),
            name: name.into(),
        }
    }

    fn add(c: &mut Census, s: &Schema, sets: &[&str], at: i64) -> InitiativeId {
        let sets: Vec<String> = sets.iter().map(|s| s.to_string()).collect();
        let v = parse_assignments(s, c, &sets, None).unwrap();
        c.add_initiative(s, &agent("alice"), &v, Timestamp(at))
            .unwrap()
    }

    const DAY: i64 = 86_400;

    #[test]
    fn counts_gaps_waiting_and_network() {
        let s = Schema::default_schema();
        let mut c = Census::new("Test", &s.id, s.version);
        let day0 = Date::new(2026, 1, 1).unwrap().days_since_epoch() * DAY;
        let papi = add(
            &mut c,
            &s,
            &[
                "nom=PAPI",
                "type=espace_public_numerique",
                "commune=Brest",
                "problemes_publics=fracture_numerique,democratie",
            ],
            day0,
        );
        add(
            &mut c,
            &s,
            &[
                "nom=Infini",
                "type=chatons",
                "commune=brest",
                "problemes_publics=souverainete",
                "besoins=locaux",
                &format!("relations=membre_de:{papi}"),
            ],
            day0 + 10 * DAY,
        );
        add(
            &mut c,
            &s,
            &["nom=Fablab", "type=fablab", "commune=Quimper"],
            day0 + 20 * DAY,
        );
        let gone = add(
            &mut c,
            &s,
            &["nom=Vieux", "type=fablab", "commune=Morlaix"],
            day0,
        );
        c.delete_initiative(&gone, &agent("alice"), Timestamp(day0 + DAY))
            .unwrap();

        let today = Date::new(2026, 3, 2).unwrap();
        let f = figures(&c, &s, &Filter::default(), today);
        assert_eq!(f.total, 3, "the deleted one is not counted");
        assert_eq!(f.by_kind.get("fablab"), 1);
        assert_eq!(f.by_kind.get("chatons"), 1);
        assert_eq!(f.by_kind.counts.len(), s.kinds().len(), "zeros kept");
        assert!(f.by_kind.counts[0].n >= f.by_kind.counts[1].n);
        // Statuses in ladder order, everyone spotted.
        let order: Vec<&str> = f.by_status.counts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(order, status::STATUSES);
        assert_eq!(f.by_status.get("repere"), 3);
        // Communes folded together, the usual spelling shown.
        assert_eq!(f.by_commune.counts[0].n, 2);
        assert_eq!(f.by_commune.counts.len(), 2);
        // Problems: multi-valued, two unset.
        assert_eq!(f.by_problem.get("fracture_numerique"), 1);
        assert_eq!(f.by_problem.get("souverainete"), 1);
        assert_eq!(f.by_problem.get("transition_ecologique"), 0);
        assert_eq!(f.by_problem.unset, 1);
        assert_eq!(f.by_need.get("locaux"), 1);
        // Brest has an espace public numérique; Quimper only a fablab.
        assert_eq!(f.communes_without_relay, vec!["Quimper".to_string()]);
        // Waiting: oldest first, days counted from creation.
        let spotted = &f.waiting[0];
        assert_eq!(spotted.status, "repere");
        assert_eq!(spotted.longest[0].name, "PAPI");
        assert_eq!(spotted.longest[0].days, 31 + 29);
        assert_eq!(spotted.longest[2].name, "Fablab");
        // Network: PAPI and Infini linked, the fablab alone.
        assert_eq!(f.network.links, 1);
        assert_eq!(f.network.groups, vec![2]);
        assert_eq!(f.network.isolated.len(), 1);

        // A filter keeps a part of the census.
        let only_brest = Filter {
            communes: vec![fold("Brest")],
            ..Filter::default()
        };
        let f = figures(&c, &s, &only_brest, today);
        assert_eq!(f.total, 2);
        assert!(f.communes_without_relay.is_empty());
        assert!(f.network.isolated.is_empty());

        // The same initiatives given by index, in any order, deleted ones
        // included: the same figures.
        let brest: Vec<usize> = (0..c.initiatives.len())
            .rev()
            .filter(|&k| {
                let i = &c.initiatives[k];
                i.value("commune").is_some_and(|v| fold(v) == "brest")
            })
            .collect();
        assert_eq!(brest.len(), 2);
        let gone_k = c.position(&gone).unwrap();
        let mut with_gone = brest.clone();
        with_gone.push(gone_k);
        with_gone.push(brest[0]);
        assert_eq!(figures_of(&c, &s, &with_gone, today), f);
        assert_eq!(figures_of(&c, &s, &[], today).total, 0);
        // The counts alone: the same counts, the rest left at zero.
        let quick = figures_with(&c, &s, &brest, today, Extent::Counts);
        assert_eq!(
            quick,
            Figures {
                mean_score: 0,
                conflicts: 0,
                duplicates: 0,
                network: NetworkFigures::default(),
                ..f
            }
        );
    }
}
