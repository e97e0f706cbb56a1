//! The same real initiative recorded twice: same SIRET or RNA, same website
//! domain or e-mail, a similar name in the same commune, or within 200 m.

use crate::census::id::InitiativeId;
use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::census::search::fold;
use crate::census::value::{geo_point, url_domain};

/// Why two records look like the same initiative.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    SameSiret,
    SameRna,
    SameWebsite(String),
    SameEmail,
    SimilarName,
    Near { metres: u32 },
}

/// What a record says about itself, reduced to what duplicates compare.
#[derive(Debug, Clone, Default)]
pub struct Identity {
    name: String,
    commune: String,
    siret: Option<String>,
    rna: Option<String>,
    domain: Option<String>,
    email: Option<String>,
    point: Option<(f64, f64)>,
}

/// Words that do not tell initiatives apart.
const STOP_WORDS: &[&str] = &[
    "le", "la", "les", "l", "de", "du", "des", "d", "et", "a", "au", "aux", "en",
];

/// A name folded, its punctuation and filler words removed.
pub fn name_key(name: &str) -> String {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Identity {
    pub fn of(schema: &Schema, i: &Initiative) -> Identity {
        Identity::from_values(schema, |f| i.value(f).map(String::from))
    }

    /// From field values given by a function (an entry not saved yet).
    pub fn from_values(schema: &Schema, value: impl Fn(&str) -> Option<String>) -> Identity {
        let email = value("courriel").map(|e| e.to_lowercase());
        Identity {
            name: name_key(&value(&schema.name_field).unwrap_or_default()),
            commune: fold(value("commune").unwrap_or_default().trim()),
            siret: value("siret"),
            rna: value("rna"),
            domain: value("site_web").as_deref().and_then(url_domain),
            email,
            point: value("coordonnees").and_then(|p| geo_point(&p).ok()),
        }
    }

    /// Why `self` and `other` may be the same initiative (strongest first).
    pub fn reasons(&self, other: &Identity) -> Vec<Reason> {
        let mut out = Vec::new();
        let same = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
        if same(&self.siret, &other.siret) {
            out.push(Reason::SameSiret);
        }
        if same(&self.rna, &other.rna) {
            out.push(Reason::SameRna);
        }
        if same(&self.domain, &other.domain) {
            out.push(Reason::SameWebsite(self.domain.clone().unwrap_or_default()));
        }
        if same(&self.email, &other.email) {
            out.push(Reason::SameEmail);
        }
        if !self.commune.is_empty()
            && self.commune == other.commune
            && similar_names(&self.name, &other.name)
        {
            out.push(Reason::SimilarName);
        }
        if let (Some(a), Some(b)) = (self.point, other.point) {
            let d = distance_m(a, b);
            if d <= 200.0 && similar_names(&self.name, &other.name) {
                out.push(Reason::Near {
                    metres: d.round() as u32,
                });
            }
        }
        out
    }
}

/// Equal, one inside the other, or a few typing mistakes apart.
pub fn similar_names(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() >= 5 && long.contains(short) {
        return true;
    }
    let limit = (short.chars().count() / 6).max(1);
    levenshtein_within(a, b, limit)
}

/// Whether the edit distance of `a` and `b` is at most `limit`.
fn levenshtein_within(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= limit
}

/// Great-circle distance in metres (haversine).
pub fn distance_m(a: (f64, f64), b: (f64, f64)) -> f64 {
    let r = 6_371_000.0_f64;
    let (la1, la2) = (a.0.to_radians(), b.0.to_radians());
    let dla = (b.0 - a.0).to_radians();
    let dlo = (b.1 - a.1).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}

/// Live initiatives that look like the given identity, with why.
pub fn matches(
    census: &Census,
    schema: &Schema,
    who: &Identity,
    except: Option<&InitiativeId>,
) -> Vec<(InitiativeId, Vec<Reason>)> {
    census
        .live()
        .filter(|i| Some(&i.id) != except)
        .filter_map(|i| {
            let reasons = who.reasons(&Identity::of(schema, i));
            (!reasons.is_empty()).then(|| (i.id.clone(), reasons))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_accents_fillers_or_small_typos() {
        assert_eq!(
            name_key("La Médiathèque des Capucins"),
            "mediatheque capucins"
        );
        assert!(similar_names(
            &name_key("Médiathèque des Capucins"),
            &name_key("mediatheque capucins")
        ));
        assert!(similar_names(
            &name_key("Mediathèque des Capucin"),
            &name_key("Médiathèque des Capucins")
        ));
        assert!(similar_names(&name_key("Infini"), &name_key("Infini")));
        assert!(!similar_names(
            &name_key("Infini"),
            &name_key("Tiers-lieu Recouvrance")
        ));
        assert!(!similar_names("", "x"));
    }

    #[test]
    fn distance_is_in_metres() {
        let brest = (48.3904, -4.4861);
        let near = (48.3915, -4.4861);
        let d = distance_m(brest, near);
        assert!((110.0..140.0).contains(&d), "{d}");
    }

    #[test]
    fn reasons_name_what_matches() {
        let s = Schema::default_schema();
        let a = Identity::from_values(&s, |f| match f {
            "nom" => Some("Infini".into()),
            "commune" => Some("Brest".into()),
            "site_web" => Some("https://www.infini.fr".into()),
            _ => None,
        });
        let b = Identity::from_values(&s, |f| match f {
            "nom" => Some("INFINI".into()),
            "commune" => Some("brest".into()),
            "site_web" => Some("http://infini.fr/contact".into()),
            _ => None,
        });
        let r = a.reasons(&b);
        assert!(r.contains(&Reason::SameWebsite("infini.fr".into())));
        assert!(r.contains(&Reason::SimilarName));
        let c = Identity::from_values(&s, |f| (f == "nom").then(|| "Infini".into()));
        assert!(
            a.reasons(&c).is_empty(),
            "same name, no commune: not enough"
        );
    }
}

/// A pair of records that may be one initiative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub a: InitiativeId,
    pub b: InitiativeId,
    pub reasons: Vec<Reason>,
}

/// A value shared by more records than this is a platform (a city's site,
/// a webmail), not an identity: it does not make duplicates.
const SHARED_LIMIT: usize = 5;

/// Every likely pair among live initiatives, strongest reasons first, minus
/// the pairs someone said are different.
pub fn all_pairs(census: &Census, schema: &Schema) -> Vec<Pair> {
    use std::collections::{BTreeMap, BTreeSet, HashMap};
    let live: Vec<&Initiative> = census.live().collect();
    let ids: Vec<Identity> = live.iter().map(|i| Identity::of(schema, i)).collect();
    let mut candidates: BTreeSet<(usize, usize)> = BTreeSet::new();
    let group = |key: Option<String>, groups: &mut HashMap<String, Vec<usize>>, n: usize| {
        if let Some(k) = key.filter(|k| !k.is_empty()) {
            groups.entry(k).or_default().push(n);
        }
    };
    let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_shared: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_commune: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_cell: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (n, who) in ids.iter().enumerate() {
        group(
            who.siret.clone().map(|s| format!("siret:{s}")),
            &mut by_id,
            n,
        );
        group(who.rna.clone().map(|s| format!("rna:{s}")), &mut by_id, n);
        group(
            who.domain.clone().map(|s| format!("web:{s}")),
            &mut by_shared,
            n,
        );
        group(
            who.email.clone().map(|s| format!("mail:{s}")),
            &mut by_shared,
            n,
        );
        group(Some(who.commune.clone()), &mut by_commune, n);
        if let Some((lat, lon)) = who.point {
            // Cells of about 200 m; a pair is looked for in neighbouring cells.
            by_cell
                .entry(((lat / 0.002).floor() as i64, (lon / 0.003).floor() as i64))
                .or_default()
                .push(n);
        }
    }
    let mut pairs_of = |members: &[usize]| {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                candidates.insert((a.min(b), a.max(b)));
            }
        }
    };
    for members in by_id.values() {
        pairs_of(members);
    }
    for members in by_shared.values().filter(|m| m.len() <= SHARED_LIMIT) {
        pairs_of(members);
    }
    // Similar names in one commune: comparing every pair of a large commune
    // is quadratic; names sorted (and sorted read backwards, for a typo at
    // their start) put similar ones next to each other (sorted neighbourhood).
    const WINDOW: usize = 6;
    for members in by_commune.values() {
        let reversed: Vec<String> = members
            .iter()
            .map(|&m| ids[m].name.chars().rev().collect())
            .collect();
        let mut forward: Vec<usize> = (0..members.len()).collect();
        forward.sort_by(|&x, &y| ids[members[x]].name.cmp(&ids[members[y]].name));
        let mut backward: Vec<usize> = (0..members.len()).collect();
        backward.sort_by(|&x, &y| reversed[x].cmp(&reversed[y]));
        for order in [&forward, &backward] {
            for (n, &x) in order.iter().enumerate() {
                for &y in order.iter().skip(n + 1).take(WINDOW) {
                    let (a, b) = (members[x], members[y]);
                    if similar_names(&ids[a].name, &ids[b].name) {
                        candidates.insert((a.min(b), a.max(b)));
                    }
                }
            }
        }
    }
    for (&(y, x), members) in &by_cell {
        for dy in -1..=1 {
            for dx in -1..=1 {
                let Some(others) = by_cell.get(&(y + dy, x + dx)) else {
                    continue;
                };
                for &a in members {
                    for &b in others {
                        if a < b && similar_names(&ids[a].name, &ids[b].name) {
                            candidates.insert((a, b));
                        }
                    }
                }
            }
        }
    }
    let mut out: BTreeMap<(InitiativeId, InitiativeId), Vec<Reason>> = BTreeMap::new();
    for (a, b) in candidates {
        let (x, y) = (live[a], live[b]);
        let different = x
            .values(crate::census::model::system::NOT_DUPLICATE)
            .contains(&y.id.as_str())
            || y.values(crate::census::model::system::NOT_DUPLICATE)
                .contains(&x.id.as_str());
        if different {
            continue;
        }
        let mut reasons = ids[a].reasons(&ids[b]);
        // Platforms shared by many are not reasons.
        reasons.retain(|r| match r {
            Reason::SameWebsite(d) => by_shared
                .get(&format!("web:{d}"))
                .is_none_or(|m| m.len() <= SHARED_LIMIT),
            Reason::SameEmail => ids[a]
                .email
                .as_ref()
                .and_then(|e| by_shared.get(&format!("mail:{e}")))
                .is_none_or(|m| m.len() <= SHARED_LIMIT),
            _ => true,
        });
        if !reasons.is_empty() {
            let key = if x.id < y.id {
                (x.id.clone(), y.id.clone())
            } else {
                (y.id.clone(), x.id.clone())
            };
            out.insert(key, reasons);
        }
    }
    let mut pairs: Vec<Pair> = out
        .into_iter()
        .map(|((a, b), reasons)| Pair { a, b, reasons })
        .collect();
    pairs.sort_by(|p, q| {
        p.reasons
            .iter()
            .min()
            .cmp(&q.reasons.iter().min())
            .then_with(|| (&p.a, &p.b).cmp(&(&q.a, &q.b)))
    });
    pairs
}

#[cfg(test)]
mod pair_tests {
    use super::*;
    use crate::census::AgentId;
    use crate::census::ops::{Agent, parse_assignments};
    use crate::census::time::Timestamp;

    #[test]
    fn pairs_come_with_reasons_and_not_duplicate_is_remembered() {
        let s = Schema::default_schema();
        let mut c = Census::new("T", &s.id, s.version);
        let a = Agent {
            id: AgentId::parse("aaaaa").unwrap(),
            name: "A".into(),
        };
        let add = |c: &mut Census, sets: &[&str]| {
            let v = parse_assignments(
                &s,
                c,
                &sets.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
                None,
            )
            .unwrap();
            c.add_initiative(&s, &a, &v, Timestamp(1)).unwrap()
        };
        let x = add(
            &mut c,
            &[
                "nom=Médiathèque des Capucins",
                "type=mediatheque",
                "commune=Brest",
            ],
        );
        let y = add(
            &mut c,
            &[
                "nom=mediatheque capucins",
                "type=mediatheque",
                "commune=BREST",
            ],
        );
        let z = add(
            &mut c,
            &[
                "nom=Infini",
                "type=chatons",
                "commune=Brest",
                "siret=73282932000074",
            ],
        );
        let w = add(
            &mut c,
            &[
                "nom=Internet Finistère",
                "type=association",
                "commune=Quimper",
                "siret=73282932000074",
            ],
        );
        let _far = add(
            &mut c,
            &[
                "nom=Médiathèque des Capucins",
                "type=mediatheque",
                "commune=Grenoble",
            ],
        );
        let pairs = all_pairs(&c, &s);
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        assert!(pairs.iter().any(|p| [&p.a, &p.b].contains(&&z)
            && [&p.a, &p.b].contains(&&w)
            && p.reasons == vec![Reason::SameSiret]));
        assert!(pairs.iter().any(|p| [&p.a, &p.b].contains(&&x)
            && [&p.a, &p.b].contains(&&y)
            && p.reasons.contains(&Reason::SimilarName)));
        c.mark_not_duplicate(&x, &y, &a, Timestamp(2)).unwrap();
        assert_eq!(all_pairs(&c, &s).len(), 1);
    }
}
