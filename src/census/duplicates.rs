//! The same real initiative recorded twice: same SIRET or RNA, same website
//! domain or e-mail, a similar name in the same commune, or within 200 m.

use crate::census::id::InitiativeId;
use crate::census::model::{Census, Initiative};
use crate::census::schema::Schema;
use crate::census::search::{fold, letter_set};
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

/// Whether every field an identity reads holds one value at most: then the
/// identity of an initiative is the one of the values it was made from.
pub fn single_valued(schema: &Schema) -> bool {
    [
        schema.name_field.as_str(),
        "commune",
        "siret",
        "rna",
        "site_web",
        "courriel",
        "coordonnees",
    ]
    .iter()
    .all(|f| schema.field(f).is_none_or(|d| !d.field_type.is_multi()))
}

impl Identity {
    pub fn of(schema: &Schema, i: &Initiative) -> Identity {
        Identity::from_values(schema, |f| i.value(f).map(String::from))
    }

    /// From field values given by a function (an entry not saved yet). The
    /// fields read are those of [`single_valued`].
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

    /// The same initiative beyond doubt: the same name in the same commune,
    /// or the same SIRET or RNA under a similar name (a SIRET alone may be
    /// shared by several places of one body, e.g. a city's libraries).
    pub fn is_same(&self, other: &Identity) -> bool {
        let same = |a: &Option<String>, b: &Option<String>| a.is_some() && a == b;
        let same_place = !self.name.is_empty()
            && !self.commune.is_empty()
            && self.name == other.name
            && self.commune == other.commune;
        let registered = same(&self.siret, &other.siret) || same(&self.rna, &other.rna);
        same_place || (registered && similar_names(&self.name, &other.name))
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

/// Whether `similar_names(a, b)` can be true, from the names' lengths and
/// letter sets (`search::letter_set`) alone: a name inside another has no
/// letter the other lacks, and each edit adds or removes at most one letter.
/// Most pairs of names are told apart here, without reading them.
pub fn may_be_similar(a: &str, a_letters: u64, b: &str, b_letters: u64) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let ((short, short_set), long_set) = if a.len() <= b.len() {
        ((a, a_letters), b_letters)
    } else {
        ((b, b_letters), a_letters)
    };
    if short.len() >= 5 && short_set & !long_set == 0 {
        return true;
    }
    let limit = (short.chars().count() / 6).max(1);
    // An edit changes a length in bytes by at most 4.
    a.len().abs_diff(b.len()) <= limit * 4
        && (a_letters & !b_letters).count_ones() as usize <= limit
        && (b_letters & !a_letters).count_ones() as usize <= limit
}

/// Whether the edit distance of `a` and `b` is at most `limit`: only the
/// diagonal band of width `limit` is computed, on bytes when both names are
/// ASCII (folded names nearly always are).
fn levenshtein_within(a: &str, b: &str, limit: usize) -> bool {
    if a.is_ascii() && b.is_ascii() {
        banded(a.as_bytes(), b.as_bytes(), limit)
    } else {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        banded(&a, &b, limit)
    }
}

fn banded<T: PartialEq>(a: &[T], b: &[T], limit: usize) -> bool {
    if a.len().abs_diff(b.len()) > limit {
        return false;
    }
    const FAR: usize = usize::MAX / 2;
    let mut prev: Vec<usize> = (0..=b.len())
        .map(|j| if j <= limit { j } else { FAR })
        .collect();
    let mut cur = vec![FAR; b.len() + 1];
    for i in 1..=a.len() {
        let lo = i.saturating_sub(limit).max(1);
        let hi = (i + limit).min(b.len());
        cur[lo - 1] = if lo == 1 && i <= limit { i } else { FAR };
        let mut row_min = cur[lo - 1];
        for j in lo..=hi {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let v = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if hi < b.len() {
            cur[hi + 1] = FAR;
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

    /// The full edit distance, for comparison.
    fn naive(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                cur[j] = (prev[j - 1] + usize::from(a[i - 1] != b[j - 1]))
                    .min(prev[j] + 1)
                    .min(cur[j - 1] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn the_banded_distance_agrees_with_the_full_one() {
        let words = [
            "mediatheque capucins",
            "mediateque capucins",
            "capucins mediatheque",
            "infini",
            "infinit",
            "nfini",
            "",
            "é",
            "ée",
            "fablab gare",
            "fablab garre",
            "fab lab gare",
        ];
        for a in words {
            for b in words {
                for limit in 0..4 {
                    assert_eq!(
                        levenshtein_within(a, b, limit),
                        naive(a, b) <= limit,
                        "{a:?} {b:?} {limit}"
                    );
                }
            }
        }
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

/// Identities indexed by what may make two of them one: identifiers, shared
/// addresses, commune (and exact name in it), place. Lookups never compare an
/// identity with every other: only with those sharing a key.
#[derive(Debug, Default)]
pub struct IdentityIndex {
    ids: Vec<Identity>,
    /// The letter set of each identity's name (`may_be_similar`).
    letters: Vec<u64>,
    by_id: std::collections::HashMap<String, Vec<usize>>,
    by_shared: std::collections::HashMap<String, Vec<usize>>,
    by_commune: std::collections::HashMap<String, Vec<usize>>,
    by_name: std::collections::HashMap<(String, String), Vec<usize>>,
    by_cell: std::collections::HashMap<(i64, i64), Vec<usize>>,
}

impl IdentityIndex {
    /// Adds an identity; returns its number in the index.
    pub fn push(&mut self, who: Identity) -> usize {
        let n = self.ids.len();
        let put = |key: Option<String>, map: &mut std::collections::HashMap<String, Vec<usize>>| {
            if let Some(k) = key.filter(|k| !k.is_empty()) {
                map.entry(k).or_default().push(n);
            }
        };
        put(
            who.siret.clone().map(|s| format!("siret:{s}")),
            &mut self.by_id,
        );
        put(who.rna.clone().map(|s| format!("rna:{s}")), &mut self.by_id);
        put(
            who.domain.clone().map(|s| format!("web:{s}")),
            &mut self.by_shared,
        );
        put(
            who.email.clone().map(|s| format!("mail:{s}")),
            &mut self.by_shared,
        );
        put(Some(who.commune.clone()), &mut self.by_commune);
        if !who.commune.is_empty() && !who.name.is_empty() {
            self.by_name
                .entry((who.commune.clone(), who.name.clone()))
                .or_default()
                .push(n);
        }
        if let Some(p) = who.point {
            self.by_cell.entry(cell(p)).or_default().push(n);
        }
        self.letters.push(letter_set(&who.name));
        self.ids.push(who);
        n
    }

    pub fn get(&self, n: usize) -> &Identity {
        &self.ids[n]
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// A value shared by more records than this is a platform.
    fn shared(&self, key: &str) -> bool {
        self.by_shared
            .get(key)
            .is_some_and(|m| m.len() > SHARED_LIMIT)
    }

    /// Identities with the same SIRET or RNA, or the same name in the same
    /// commune: the cheap lookups, no name comparison.
    pub fn same_keys(&self, who: &Identity, mut add: impl FnMut(usize)) {
        let keys = [
            who.siret.as_ref().map(|s| format!("siret:{s}")),
            who.rna.as_ref().map(|s| format!("rna:{s}")),
        ];
        for k in keys.into_iter().flatten() {
            self.by_id
                .get(&k)
                .into_iter()
                .flatten()
                .for_each(|&b| add(b));
        }
        if !who.commune.is_empty() && !who.name.is_empty() {
            let key = (who.commune.clone(), who.name.clone());
            self.by_name
                .get(&key)
                .into_iter()
                .flatten()
                .for_each(|&b| add(b));
        }
    }

    /// Candidates for `who`: same identifier or address, similar name in the
    /// same commune or nearby (each may come more than once).
    pub fn candidates(&self, who: &Identity, mut add: impl FnMut(usize)) {
        self.same_keys(who, &mut add);
        let keys = [
            who.domain.as_ref().map(|s| format!("web:{s}")),
            who.email.as_ref().map(|s| format!("mail:{s}")),
        ];
        for k in keys.into_iter().flatten().filter(|k| !self.shared(k)) {
            self.by_shared
                .get(&k)
                .into_iter()
                .flatten()
                .for_each(|&b| add(b));
        }
        let letters = letter_set(&who.name);
        let similar = |b: usize| {
            may_be_similar(&who.name, letters, &self.ids[b].name, self.letters[b])
                && similar_names(&who.name, &self.ids[b].name)
        };
        for &b in self.by_commune.get(&who.commune).into_iter().flatten() {
            if similar(b) {
                add(b);
            }
        }
        if let Some(p) = who.point {
            let (y, x) = cell(p);
            for dy in -1..=1 {
                for dx in -1..=1 {
                    for &b in self.by_cell.get(&(y + dy, x + dx)).into_iter().flatten() {
                        if similar(b) {
                            add(b);
                        }
                    }
                }
            }
        }
    }

    /// Why `who` and the identity `n` may be one, minus the reasons that
    /// come from a shared platform address.
    pub fn reasons(&self, who: &Identity, n: usize) -> Vec<Reason> {
        let mut reasons = who.reasons(&self.ids[n]);
        reasons.retain(|r| match r {
            Reason::SameWebsite(d) => !self.shared(&format!("web:{d}")),
            Reason::SameEmail => who
                .email
                .as_ref()
                .is_none_or(|e| !self.shared(&format!("mail:{e}"))),
            _ => true,
        });
        reasons
    }
}

/// Finds pairs among the live initiatives, through their [`IdentityIndex`].
struct PairFinder<'a> {
    live: Vec<&'a Initiative>,
    index: IdentityIndex,
}

/// Cells of about 200 m: a pair "within 200 m" is in the same or a
/// neighbouring cell.
fn cell((lat, lon): (f64, f64)) -> (i64, i64) {
    ((lat / 0.002).floor() as i64, (lon / 0.003).floor() as i64)
}

impl<'a> PairFinder<'a> {
    fn new(census: &'a Census, schema: &Schema) -> PairFinder<'a> {
        let live: Vec<&Initiative> = census.live().collect();
        let mut index = IdentityIndex::default();
        for i in &live {
            index.push(Identity::of(schema, i));
        }
        PairFinder { live, index }
    }

    /// Candidates paired with `a`: same identifier or address, similar name
    /// in the same commune or nearby.
    fn candidates_of(&self, a: usize, out: &mut std::collections::BTreeSet<(usize, usize)>) {
        self.index.candidates(self.index.get(a), |b| {
            if a != b {
                out.insert((a.min(b), a.max(b)));
            }
        });
    }

    /// The pairs, with their reasons, minus those said to be different.
    fn pairs(&self, candidates: std::collections::BTreeSet<(usize, usize)>) -> Vec<Pair> {
        let mut pairs: Vec<Pair> = candidates
            .into_iter()
            .filter_map(|(a, b)| {
                let (x, y) = (self.live[a], self.live[b]);
                let different = x
                    .values(crate::census::model::system::NOT_DUPLICATE)
                    .contains(&y.id.as_str())
                    || y.values(crate::census::model::system::NOT_DUPLICATE)
                        .contains(&x.id.as_str());
                if different {
                    return None;
                }
                let reasons = self.index.reasons(self.index.get(a), b);
                let (a, b) = if x.id < y.id {
                    (x.id.clone(), y.id.clone())
                } else {
                    (y.id.clone(), x.id.clone())
                };
                (!reasons.is_empty()).then_some(Pair { a, b, reasons })
            })
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
}

/// Every likely pair among live initiatives, strongest reasons first, minus
/// the pairs someone said are different.
pub fn all_pairs(census: &Census, schema: &Schema) -> Vec<Pair> {
    let finder = PairFinder::new(census, schema);
    let mut candidates = std::collections::BTreeSet::new();
    for a in 0..finder.live.len() {
        finder.candidates_of(a, &mut candidates);
    }
    finder.pairs(candidates)
}

/// The likely pairs that involve one of `ids` (after a merge: the new and
/// changed initiatives), without comparing every other pair.
pub fn pairs_involving(census: &Census, schema: &Schema, ids: &[&InitiativeId]) -> Vec<Pair> {
    let finder = PairFinder::new(census, schema);
    let wanted: std::collections::HashSet<&str> = ids.iter().map(|i| i.as_str()).collect();
    let mut candidates = std::collections::BTreeSet::new();
    for (a, i) in finder.live.iter().enumerate() {
        if wanted.contains(i.id.as_str()) {
            finder.candidates_of(a, &mut candidates);
        }
    }
    finder.pairs(candidates)
}

#[cfg(test)]
mod prefilter_tests {
    use super::*;

    proptest::proptest! {
        /// The prefilter never turns away names that `similar_names`
        /// accepts (a small alphabet makes near names frequent).
        #[test]
        fn may_be_similar_lets_every_similar_pair_through(
            a in "[abcdeé ]{0,14}",
            edits in proptest::collection::vec((0usize..16, "[abcdeèx]{0,2}"), 0..4),
        ) {
            let mut b: Vec<char> = a.chars().collect();
            for (at, with) in &edits {
                let at = (*at).min(b.len());
                let end = (at + 1).min(b.len());
                b.splice(at..end, with.chars());
            }
            let b: String = b.into_iter().collect();
            for (x, y) in [(&a, &b), (&b, &a)] {
                if similar_names(x, y) {
                    proptest::prop_assert!(
                        may_be_similar(x, letter_set(x), y, letter_set(y)),
                        "{:?} {:?}", x, y
                    );
                }
            }
        }
    }

    #[test]
    fn may_be_similar_turns_away_names_without_common_letters() {
        let (a, b) = ("mediatheque", "fablab");
        assert!(!similar_names(a, b));
        assert!(!may_be_similar(a, letter_set(a), b, letter_set(b)));
        let (a, b) = ("infini", "infini brest");
        assert!(may_be_similar(a, letter_set(a), b, letter_set(b)));
    }
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
