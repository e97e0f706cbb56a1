//! The reports' coverage of the perimeter (communes covered, white zones by
//! population, relays per commune), checked against figures computed here
//! from the data file; and `report --commune`, the report for one commune
//! with the list's filters.

use std::io::Read;

use crate::common;

use common::{Env, stderr_of, stdout_of};

/// `(insee, name, population)` of the CA Morlaix Communauté's communes.
fn morlaix_members() -> Vec<(String, String, u64)> {
    let gz = std::fs::read(common::project_dir().join("src/census/territory/communes.tsv.gz"))
        .expect("data file");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .expect("gzip");
    text.lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() == 7 && c[0] == "C" && c[4] == "242900835")
        .map(|c| (c[1].to_string(), c[2].to_string(), c[5].parse().unwrap()))
        .collect()
}

/// Thousands separated by a narrow no-break space, as French prints them.
fn french(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, ch) in s.chars().enumerate() {
        if k > 0 && (s.len() - k).is_multiple_of(3) {
            out.push('\u{202f}');
        }
        out.push(ch);
    }
    out
}

/// Morlaix Communauté as the perimeter; two initiatives in Morlaix (one a
/// médiathèque, a structure relais), one in Carantec, one in Brest.
fn morlaix() -> Env {
    let env = Env::with_census();
    env.census_cmd()
        .args(["perimeter", "set", "CA Morlaix Communauté"])
        .assert()
        .success();
    env.add(&[
        "nom=Médiathèque de Morlaix",
        "type=mediatheque",
        "commune=Morlaix",
    ]);
    env.add(&["nom=Chatons du Trégor", "type=chatons", "commune=Morlaix"]);
    env.add(&["nom=Fablab de Carantec", "type=fablab", "commune=Carantec"]);
    env.add_infini();
    env
}

fn report(env: &Env, args: &[&str]) -> String {
    let out = env.census_cmd().arg("report").args(args).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    stdout_of(&out)
}

#[test]
fn both_reports_tell_the_coverage_of_the_perimeter() {
    let env = morlaix();
    let members = morlaix_members();
    let covered = ["Morlaix", "Carantec"];
    let mut white: Vec<&(String, String, u64)> = members
        .iter()
        .filter(|m| !covered.contains(&m.1.as_str()))
        .collect();
    white.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let total: u64 = members.iter().map(|m| m.2).sum();
    let white_pop: u64 = white.iter().map(|m| m.2).sum();
    let morlaix_pop = members.iter().find(|m| m.1 == "Morlaix").unwrap().2;
    for audience in ["elus", "techniciens"] {
        let text = report(&env, &["--audience", audience]);
        assert!(
            text.contains("Le périmètre et ses zones blanches"),
            "{audience}"
        );
        let plural =
            |n: usize, one: &'static str, many: &'static str| if n < 2 { one } else { many };
        let intro = format!(
            "2 communes sur les {} du périmètre ont au moins une initiative recensée ; {} {}, sans initiative ni structure relais, {} {} {}, soit {} % de la population du périmètre ({} habitants).",
            members.len(),
            white.len(),
            plural(white.len(), "zone blanche", "zones blanches"),
            plural(white.len(), "rassemble", "rassemblent"),
            french(white_pop),
            plural(white_pop as usize, "habitant", "habitants"),
            (white_pop * 100 + total / 2) / total,
            french(total)
        );
        assert!(text.contains(&intro), "{audience}: {text}");
        // White zones, largest first; the covered communes are not among them.
        let first = format!("| {} | {} |", white[0].1, french(white[0].2));
        let second = format!("| {} | {} |", white[1].1, french(white[1].2));
        let (a, b) = (
            text.find(&first).expect(&first),
            text.find(&second).expect(&second),
        );
        assert!(a < b);
        let table = text
            .split("<!-- table: white-zones -->")
            .nth(1)
            .expect("white zones table");
        let table = table.split("<!--").next().unwrap();
        assert!(
            table.contains(&first) && !table.contains("| Carantec | "),
            "{audience}"
        );
        // Relays per commune.
        assert!(
            text.contains(&format!("| Morlaix | {} | 2 | 1 |", french(morlaix_pop))),
            "{text}"
        );
        assert!(
            text.contains("1 initiative recensée hors du périmètre"),
            "{audience}"
        );
    }
}

#[test]
fn a_census_without_perimeter_has_no_coverage_blocks() {
    let env = Env::with_census();
    env.add_infini();
    let text = report(&env, &["--audience", "techniciens"]);
    assert!(!text.contains("zones blanches"), "{text}");
}

#[test]
fn report_for_one_commune_keeps_its_initiatives_and_the_filters() {
    let env = morlaix();
    let text = report(&env, &["--audience", "elus", "--commune", "morlaix"]);
    assert!(
        text.contains("Pour la commune de Morlaix (29151) : 2 initiatives"),
        "{text}"
    );
    assert!(text.contains("Médiathèque de Morlaix") && text.contains("Chatons du Trégor"));
    assert!(
        !text.contains("Fablab de Carantec") && !text.contains("Infini"),
        "{text}"
    );
    assert!(text.contains("1 commune sur les 1 du périmètre"), "{text}");
    let text = report(
        &env,
        &[
            "--audience",
            "techniciens",
            "--commune",
            "29151",
            "--kind",
            "mediatheque",
        ],
    );
    assert!(
        text.contains("Pour la commune de Morlaix (29151) : 1 initiative"),
        "{text}"
    );
    assert!(!text.contains("Chatons du Trégor"), "{text}");
}

#[test]
fn report_for_a_homonym_or_an_unknown_commune_is_refused() {
    let env = morlaix();
    let out = env
        .census_cmd()
        .args([
            "report",
            "--audience",
            "elus",
            "--commune",
            "Saint-Martin-des-Champs",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(err.contains("plusieurs communes portent ce nom"), "{err}");
    assert!(
        err.contains("Saint-Martin-des-Champs (29) · 29600"),
        "{err}"
    );
    assert!(err.contains("Saint-Martin-des-Champs (77)"), "{err}");
    let out = env
        .census_cmd()
        .args(["report", "--audience", "elus", "--commune", "Atlantide"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("--commune Atlantide : commune inconnue"));
    assert!(stdout_of(&out).is_empty());
}
