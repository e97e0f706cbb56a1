//! Synthetic censuses for measurements: realistic French initiatives, valid
//! against the default schema, edited by several agents. Deterministic for a
//! given seed.

use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{Census, Dot, Initiative, Value};
use crate::census::schema::Schema;
use crate::census::time::Timestamp;
use crate::census::value::format_point;

/// A small deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// (commune, code postal, code INSEE, latitude, longitude)
pub const COMMUNES: &[(&str, &str, &str, f64, f64)] = &[
    ("Brest", "29200", "29019", 48.3904, -4.4861),
    ("Guipavas", "29490", "29075", 48.4347, -4.3986),
    ("Plougastel-Daoulas", "29470", "29189", 48.3728, -4.3697),
    ("Le Relecq-Kerhuon", "29480", "29235", 48.4078, -4.3967),
    ("Gouesnou", "29850", "29061", 48.4528, -4.4647),
    ("Plouzané", "29280", "29212", 48.3817, -4.6186),
    ("Saint-Renan", "29290", "29260", 48.4331, -4.6217),
    ("Landerneau", "29800", "29103", 48.4508, -4.2494),
    ("Morlaix", "29600", "29151", 48.5775, -3.8278),
    ("Quimper", "29000", "29232", 47.9960, -4.1024),
    ("Lannion", "22300", "22113", 48.7326, -3.4566),
    ("Rennes", "35000", "35238", 48.1173, -1.6778),
    ("Grenoble", "38000", "38185", 45.1885, 5.7245),
    ("Échirolles", "38130", "38151", 45.1436, 5.7183),
    ("Saint-Martin-d'Hères", "38400", "38421", 45.1672, 5.7653),
    ("Fontaine", "38600", "38169", 45.1928, 5.6858),
    ("Meylan", "38240", "38229", 45.2094, 5.7797),
    ("Eybens", "38320", "38158", 45.1478, 5.7500),
    ("Voiron", "38500", "38563", 45.3642, 5.5889),
    ("Seyssinet-Pariset", "38170", "38485", 45.1789, 5.6881),
    ("Lyon", "69001", "69381", 45.7675, 4.8343),
    ("Villeurbanne", "69100", "69266", 45.7719, 4.8902),
    ("Nantes", "44000", "44109", 47.2184, -1.5536),
    ("Ajaccio", "20000", "2A004", 41.9192, 8.7386),
    ("Bastia", "20200", "2B033", 42.6970, 9.4509),
    ("Saint-Denis", "97400", "97411", -20.8823, 55.4504),
];

const STREETS: &[&str] = &[
    "rue Jean Jaurès",
    "rue de Siam",
    "place de la Liberté",
    "rue Victor Hugo",
    "boulevard Gambetta",
    "rue de la République",
    "avenue Alsace-Lorraine",
    "rue Colbert",
    "rue Émile Zola",
    "quai de la Douane",
    "rue des Écoles",
    "chemin du Moulin",
    "rue Louise Michel",
    "allée des Tilleuls",
    "rue de Brest",
    "rue du Port",
    "place Saint-Louis",
    "rue Pasteur",
    "rue des Capucins",
    "rue Jules Ferry",
];

const QUARTIERS: &[&str] = &[
    "Kerourien",
    "Bellevue",
    "Pen ar Creac'h",
    "Lambézellec",
    "Saint-Martin",
    "Recouvrance",
    "Villeneuve",
    "Teisseire",
    "Mistral",
    "Berriat",
    "Saint-Bruno",
    "Europole",
    "Kérinou",
    "Keredern",
    "Pontanézen",
    "Saint-Marc",
    "Les Eaux-Claires",
    "Abbaye",
    "Bourg",
    "Centre",
];

const PEOPLE: &[&str] = &[
    "Jules Verne",
    "Louise Michel",
    "François Mitterrand",
    "Simone Veil",
    "Anjela Duval",
    "Victor Hugo",
    "Marie Curie",
    "Jean Moulin",
    "Olympe de Gouges",
    "Pierre-Jakez Hélias",
    "George Sand",
    "Paul Éluard",
];

const THEMES: &[&str] = &[
    "Libre",
    "Numérique solidaire",
    "Partage",
    "Communs",
    "Logiciels libres",
    "Données ouvertes",
    "Cartographie",
    "Réemploi",
    "Culture libre",
    "Wiki",
    "Inclusion numérique",
    "Low-tech",
    "Vélo",
    "Jardins partagés",
];

const SENTENCES: &[&str] = &[
    "Accompagne les habitants dans leurs usages du numérique.",
    "Anime des ateliers d'initiation aux logiciels libres chaque semaine.",
    "Héberge des services libres pour les associations du territoire.",
    "Publie des données ouvertes sur la vie du quartier.",
    "Organise des install-parties et des cafés réparation.",
    "Contribue au wiki local et forme de nouveaux contributeurs.",
    "Prête du matériel informatique reconditionné aux familles.",
    "Réunit les acteurs des communs numériques autour de rencontres mensuelles.",
];

const FIRST_NAMES: &[&str] = &[
    "Nolwenn", "Yann", "Camille", "Karim", "Maëlle", "Gwenaël", "Inès", "Loïc", "Sophie", "Théo",
];

struct Agent {
    id: AgentId,
    name: &'static str,
}

fn agents() -> Vec<Agent> {
    [
        ("Agent Brest", "agbst"),
        ("Agent Grenoble", "aggre"),
        ("Agent Métropole", "agmet"),
        ("Agent Quartiers", "agqrt"),
    ]
    .into_iter()
    .map(|(name, id)| Agent {
        id: AgentId::parse(id).unwrap_or_else(|_| AgentId::from_name(name)),
        name,
    })
    .collect()
}

fn slug(s: &str) -> String {
    let folded = crate::census::search::fold(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A Luhn-valid SIRET.
fn siret(rng: &mut Rng) -> String {
    let mut digits: Vec<u8> = (0..13).map(|_| rng.below(10) as u8).collect();
    if digits[..9] == [3, 5, 6, 0, 0, 0, 0, 0, 0] {
        digits[0] = 4;
    }
    for last in 0..10u8 {
        let s: String = digits
            .iter()
            .chain(std::iter::once(&last))
            .map(|d| char::from(b'0' + d))
            .collect();
        if crate::census::value::luhn_ok(&s) {
            return s;
        }
    }
    unreachable!("one check digit in ten satisfies Luhn")
}

fn name_for(rng: &mut Rng, kind: &str, commune: &str) -> String {
    let quartier = *rng.pick(QUARTIERS);
    let theme = *rng.pick(THEMES);
    match kind {
        "association" => {
            format!(
                "{} {commune}",
                rng.pick(&["Association", "Collectif", "Les Amis du", "Réseau"])
            ) + &format!(" {theme}")
        }
        "chatons" => format!(
            "{} {}",
            rng.pick(&["Chaton", "Hébergeur libre", "Nuage", "Toile"]),
            slug(commune)
        ),
        "collectif_libriste" => format!("GULL {commune} {quartier}"),
        "centre_social" => format!("Centre social {quartier}"),
        "mediatheque" => format!("Médiathèque {}", rng.pick(PEOPLE)),
        "mairie_de_quartier" => format!("Mairie de quartier {quartier}"),
        "maison_des_associations" => format!("Maison des associations de {commune}"),
        "patronage_laique" => format!("Patronage laïque {quartier}"),
        "aide_alimentaire" => format!(
            "{} {commune} {quartier}",
            rng.pick(&["Restos du cœur", "Épicerie solidaire", "Banque alimentaire"])
        ),
        "espace_public_numerique" => format!("Point d'accès public à internet {quartier}"),
        "fablab" => format!(
            "Fablab {} {commune}",
            rng.pick(&["des Capucins", "du Port", "Université", "de la Gare"])
        ),
        "tiers_lieu" => format!("Tiers-lieu {quartier}"),
        "lieu_de_rencontre" => format!("Café {theme} {quartier}"),
        "evenement" => format!(
            "{} {commune} {}",
            rng.pick(&["Forum", "Rencontres", "Fête", "Assemblée"]),
            2015 + rng.below(11)
        ),
        "formation" => format!("Formation {theme} {commune}"),
        "collectivite" => format!("Service {theme} de {commune}"),
        "enseignement_recherche" => format!("Laboratoire {theme} {commune}"),
        "entreprise_ess" => format!("Coopérative {theme} {commune}"),
        _ => format!("Wiki {commune} {quartier}"),
    }
}

/// A synthetic census of `count` initiatives.
/// The next dot in a generated initiative, whose counters are 1 or 2: far
/// from [`Dot::MAX_COUNTER`], so the refusal cannot happen here.
fn fresh_dot(i: &mut Initiative, agent: AgentId) -> Dot {
    i.next_dot(agent).unwrap_or(Dot { agent, counter: 1 })
}

pub fn generate(schema: &Schema, count: usize, seed: u64) -> Census {
    let mut rng = Rng::new(seed);
    let agents = agents();
    let mut census = Census::new("Territoire de démonstration", &schema.id, schema.version);
    for a in &agents {
        census.agents.insert(a.id, a.name.to_string());
    }
    let kinds: Vec<&str> = schema.kinds().iter().map(|c| c.id.as_str()).collect();
    let list = |field: &str| -> Vec<String> {
        let l = schema
            .field(field)
            .and_then(|f| f.field_type.choice_list())
            .unwrap_or_default();
        schema.choices(l).iter().map(|c| c.id.clone()).collect()
    };
    let (communs, roles, problems, supports) = (
        list("communs_produits"),
        list("roles"),
        list("problemes_publics"),
        list("soutiens_recus"),
    );
    let start = Timestamp::parse("2024-01-01T08:00:00Z").map_or(0, |t| t.0);
    let span = 2 * 365 * 86_400;
    let mut ids: Vec<InitiativeId> = Vec::with_capacity(count);
    let mut initiatives = Vec::with_capacity(count);
    for n in 0..count {
        let created = Timestamp(start + (span as u64 * n as u64 / count.max(1) as u64) as i64);
        let mut random = [0u8; 10];
        random.copy_from_slice(
            &rng.next_u64()
                .to_le_bytes()
                .iter()
                .chain(&rng.next_u64().to_le_bytes()[..2])
                .copied()
                .collect::<Vec<_>>(),
        );
        let id = InitiativeId::from_parts(created.unix_millis() + n as u64, random);
        let mut i = Initiative::new(id.clone());
        let author = &agents[rng.below(agents.len())];
        let dot = fresh_dot(&mut i, author.id);
        let kind = *rng.pick(&kinds);
        let &(commune, cp, insee, lat, lon) = rng.pick(COMMUNES);
        let name = name_for(&mut rng, kind, commune);
        let put = |i: &mut Initiative, field: &str, value: String| {
            i.write(field, Value::text(value), dot, created)
        };
        put(&mut i, "nom", name.clone());
        put(&mut i, "type", kind.to_string());
        put(&mut i, "commune", commune.to_string());
        put(&mut i, "code_postal", cp.to_string());
        put(&mut i, "code_insee", insee.to_string());
        put(
            &mut i,
            "adresse",
            format!("{} {}", 1 + rng.below(120), rng.pick(STREETS)),
        );
        let jitter = |rng: &mut Rng| (rng.unit() - 0.5) * 0.04;
        put(
            &mut i,
            "coordonnees",
            format_point(lat + jitter(&mut rng), lon + jitter(&mut rng)),
        );
        let domain = format!("{}.{}", slug(&name), rng.pick(&["fr", "org", "bzh", "net"]));
        if rng.chance(60) {
            put(&mut i, "site_web", format!("https://{domain}"));
        }
        if rng.chance(50) {
            put(&mut i, "courriel", format!("contact@{domain}"));
        }
        if rng.chance(40) {
            put(
                &mut i,
                "telephone",
                format!("+332{:08}", rng.below(100_000_000)),
            );
        }
        if rng.chance(30) {
            put(&mut i, "siret", siret(&mut rng));
        }
        if kind == "association" && rng.chance(60) {
            put(&mut i, "rna", format!("W{:09}", rng.below(1_000_000_000)));
        }
        if rng.chance(70) {
            put(
                &mut i,
                "description",
                format!("{} {}", rng.pick(SENTENCES), rng.pick(SENTENCES)),
            );
        }
        if rng.chance(15) {
            put(
                &mut i,
                "contact_nom",
                format!(
                    "{} {}.",
                    rng.pick(FIRST_NAMES),
                    char::from(b'A' + rng.below(26) as u8)
                ),
            );
        }
        let elements =
            |i: &mut Initiative, rng: &mut Rng, field: &str, from: &[String], max: usize| {
                for _ in 0..rng.below(max + 1) {
                    i.add_element(field, Value::text(rng.pick(from).clone()), dot, created);
                }
            };
        elements(&mut i, &mut rng, "communs_produits", &communs, 3);
        elements(&mut i, &mut rng, "roles", &roles, 2);
        elements(&mut i, &mut rng, "problemes_publics", &problems, 3);
        elements(&mut i, &mut rng, "soutiens_recus", &supports, 2);
        elements(&mut i, &mut rng, "besoins", &supports, 2);
        if rng.chance(35) {
            i.write(
                "argument_politique",
                Value::text("Réduit la fracture numérique et renforce l'autonomie des habitants."),
                dot,
                created,
            );
        }
        if kind == "chatons" {
            i.write(
                "chatons_services",
                Value::text("Nextcloud, Etherpad, Mobilizon"),
                dot,
                created,
            );
        }
        if !ids.is_empty() && rng.chance(30) {
            let target = ids[rng.below(ids.len())].clone();
            let relation = rng.pick(&["partenaire", "heberge", "forme", "relaie", "membre_de"]);
            i.add_element(
                "relations",
                Value::text(format!("{relation}:{target}")),
                dot,
                created,
            );
        }
        // A colleague's later edit of one field.
        if rng.chance(40) {
            let editor = &agents[rng.below(agents.len())];
            let later = Timestamp(created.0 + 86_400 * (1 + rng.below(200) as i64));
            let d2 = fresh_dot(&mut i, editor.id);
            if rng.chance(50) {
                i.write(
                    "notes",
                    Value::text(format!("Rencontrés le {}.", later.date())),
                    d2,
                    later,
                );
            } else {
                i.write(
                    "adresse",
                    Value::text(format!("{} {}", 1 + rng.below(120), rng.pick(STREETS))),
                    d2,
                    later,
                );
            }
        }
        ids.push(id);
        initiatives.push(i);
    }
    initiatives.sort_by(|a, b| a.id.cmp(&b.id));
    census.initiatives = initiatives;
    census
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::file::{parse, to_canonical};
    use crate::census::validate::{Severity, validate};

    #[test]
    fn generated_census_is_valid_and_deterministic() {
        let schema = Schema::default_schema();
        let census = generate(&schema, 300, 7);
        assert_eq!(census.initiatives.len(), 300);
        let text = to_canonical(&census);
        assert_eq!(text, to_canonical(&generate(&schema, 300, 7)));
        let (back, report) = parse(&text, "gen.ron").unwrap();
        let errors: Vec<_> = validate(&back, &schema, &report, &text, "gen.ron")
            .into_iter()
            .filter(|d| d.problem.severity() == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(back.agents.len() >= 4);
    }
}
