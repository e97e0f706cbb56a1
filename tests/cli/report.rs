//! `recense stats` and the figures of `recense report`: the figures of the
//! Markdown and HTML reports are those of `stats --format json`, which are
//! those counted here from `list --format json`; filters as in `list`.
//! Expectations are computed from the data, never written down.

use crate::common;
use crate::report_common;

use std::collections::BTreeMap;

use common::{stderr_of, stdout_of};
use recense::census::Schema;
use recense::i18n::{Lang, status_label};
use report_common::*;
use serde_json::Value as Json;

/// The label of each id of the choice list of `field`, in `lang`.
fn labels(field: &str, lang: Lang) -> BTreeMap<String, String> {
    let schema = Schema::default_schema();
    let list = schema
        .field(field)
        .and_then(|f| f.field_type.choice_list())
        .expect("a choice field")
        .to_string();
    schema
        .choices(&list)
        .iter()
        .map(|c| (c.id.clone(), c.label.get(lang).to_string()))
        .collect()
}

/// A tally of stats with labels instead of ids.
fn labelled(stats: &Json, key: &str, field: &str) -> BTreeMap<String, usize> {
    let names = labels(field, Lang::Fr);
    tally(stats, key)
        .into_iter()
        .map(|(id, n)| (names[&id].clone(), n))
        .collect()
}

/// Independent counts from `list --format json`, with every value of the
/// list present (zeros included), by id.
fn counted(items: &[Json], field: &str) -> BTreeMap<String, usize> {
    let mut out: BTreeMap<String, usize> = labels(field, Lang::Fr)
        .into_keys()
        .map(|id| (id, 0))
        .collect();
    out.extend(count_by(items, |i| field_values(i, field)));
    out
}

#[test]
fn stats_json_counts_what_list_lists() {
    for sample in SAMPLES {
        let env = with_sample(sample);
        let stats = stats_json(&env, &[]);
        let items = list_json(&env, &[]);
        assert_eq!(
            stats["total"].as_u64(),
            Some(items.len() as u64),
            "{sample}"
        );
        for (key, field) in [
            ("by_kind", "type"),
            ("by_problem", "problemes_publics"),
            ("by_commons", "communs_produits"),
            ("by_support", "soutiens_recus"),
            ("by_need", "besoins"),
        ] {
            assert_eq!(tally(&stats, key), counted(&items, field), "{sample} {key}");
            let unset = items
                .iter()
                .filter(|i| field_values(i, field).is_empty())
                .count();
            assert_eq!(stats[key]["unset"].as_u64(), Some(unset as u64));
        }
        let statuses = count_by(&items, |i| vec![i["status"].as_str().unwrap().to_string()]);
        for (id, n) in tally(&stats, "by_status") {
            assert_eq!(statuses.get(&id).copied().unwrap_or(0), n, "{sample} {id}");
        }
        let communes = count_by(&items, |i| field_values(i, "commune"));
        let stats_communes = tally(&stats, "by_commune");
        assert_eq!(
            stats_communes, communes,
            "{sample}: one spelling per commune"
        );
    }
}

#[test]
fn report_figures_equal_stats_in_markdown_and_html() {
    for sample in SAMPLES {
        let env = with_sample(sample);
        let stats = stats_json(&env, &[]);
        let statuses: BTreeMap<String, usize> = tally(&stats, "by_status")
            .into_iter()
            .map(|(id, n)| (status_label(&id, Lang::Fr).to_string(), n))
            .collect();
        let with_zeros = |key: &str, field: &str| labelled(&stats, key, field);
        let without_zeros = |key: &str, field: &str| {
            let mut t = labelled(&stats, key, field);
            t.retain(|_, n| *n > 0);
            t
        };
        let communes = tally(&stats, "by_commune");
        let charts: Vec<(&str, &str, BTreeMap<String, usize>)> = vec![
            (
                "elus",
                "problems",
                with_zeros("by_problem", "problemes_publics"),
            ),
            ("elus", "kinds", without_zeros("by_kind", "type")),
            ("elus", "needs", with_zeros("by_need", "besoins")),
            ("elus", "statuses", statuses.clone()),
            (
                "techniciens",
                "commons",
                with_zeros("by_commons", "communs_produits"),
            ),
            ("techniciens", "statuses", statuses),
        ];
        for (audience, id, expected) in &charts {
            let md = report(&env, &["--audience", audience]);
            let html = report(&env, &["--audience", audience, "--format", "html"]);
            let doc = parse_html(&html);
            for (format, bars) in [("md", md_chart(&md, id)), ("html", html_chart(&doc, id))] {
                let got: BTreeMap<String, usize> = bars.iter().cloned().collect();
                assert_eq!(got.len(), bars.len(), "{sample} {id}: one bar per value");
                assert_eq!(&got, expected, "{sample} {audience} {format} chart {id}");
            }
        }
        // The communes with most initiatives (at most 20 bars).
        let md = report(&env, &["--audience", "elus"]);
        let html = report(&env, &["--audience", "elus", "--format", "html"]);
        for bars in [
            md_chart(&md, "communes"),
            html_chart(&parse_html(&html), "communes"),
        ] {
            assert_eq!(bars.len(), communes.len().min(20), "{sample}");
            for (commune, n) in bars {
                assert_eq!(communes.get(&commune), Some(&n), "{sample} {commune}");
            }
        }
        // Support received and needed, every kind of support.
        let received = labelled(&stats, "by_support", "soutiens_recus");
        let needed = labelled(&stats, "by_need", "besoins");
        for audience in ["elus", "techniciens"] {
            let md = report(&env, &["--audience", audience]);
            let html = report(&env, &["--audience", audience, "--format", "html"]);
            let doc = parse_html(&html);
            for rows in [md_rows(&md, "table", "support"), html_rows(&doc, "support")] {
                assert_eq!(rows.len(), received.len(), "{sample} {audience}");
                for r in rows {
                    assert_eq!(r[1].parse::<usize>().unwrap(), received[&r[0]], "{r:?}");
                    assert_eq!(r[2].parse::<usize>().unwrap(), needed[&r[0]], "{r:?}");
                }
            }
        }
    }
}

#[test]
fn every_markdown_table_row_has_the_header_s_columns() {
    for sample in SAMPLES {
        let env = with_sample(sample);
        for audience in ["elus", "techniciens"] {
            let md = report(&env, &["--audience", audience]);
            let tables = md_tables(&md);
            assert!(tables.len() >= 3, "{sample} {audience}: charts and tables");
            for table in tables {
                let columns = md_cells(table[0]).len();
                assert!(
                    table[1].trim_matches('|').split('|').all(|c| {
                        let c = c.trim();
                        c.starts_with("---") || c.starts_with(":--")
                    }),
                    "the second line separates: {}",
                    table[1]
                );
                for line in &table {
                    assert_eq!(md_cells(line).len(), columns, "{line}");
                }
            }
        }
    }
}

#[test]
fn stats_filters_are_those_of_list() {
    let env = with_sample("pays-de-brest.ron");
    let total = |args: &[&str]| stats_json(&env, args)["total"].as_u64().unwrap() as usize;
    let listed = |args: &[&str]| list_json(&env, args).len();
    for args in [
        vec!["--kind", "patronage_laique"],
        vec!["--kind", "Médiathèque"],
        vec!["--commune", "brest"],
        vec!["--status", "repere"],
        vec!["-q", "wiki"],
        vec!["-q", "brest", "--kind", "collectivite"],
    ] {
        assert_eq!(total(&args), listed(&args), "{args:?}");
    }
    // The filtered figures count the filtered initiatives only.
    let kept = list_json(&env, &["--commune", "Brest"]);
    let stats = stats_json(&env, &["--commune", "Brest"]);
    assert_eq!(
        tally(&stats, "by_problem"),
        counted(&kept, "problemes_publics")
    );
    // A wrong filter fails as in `list`, with the same message.
    let fail = |cmd: &str| {
        let out = env
            .census_cmd()
            .args([cmd, "--kind", "licorne"])
            .assert()
            .code(1)
            .get_output()
            .clone();
        stderr_of(&out)
    };
    let message = fail("stats");
    assert!(message.contains("licorne"), "{message}");
    assert_eq!(message, fail("list"));
    let out = env
        .census_cmd()
        .args(["stats", "--status", "envolé"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(stderr_of(&out).contains("envolé"));
}

#[test]
fn stats_text_shows_every_count_with_its_label() {
    let env = with_sample("grenoble.ron");
    let stats = stats_json(&env, &[]);
    let out = env
        .census_cmd()
        .arg("stats")
        .assert()
        .success()
        .get_output()
        .clone();
    let text = stdout_of(&out);
    let has_line = |label: &str, n: usize| {
        text.lines().any(|l| {
            let l = l.trim();
            l.starts_with(label)
                && l[label.len()..].split_whitespace().next() == Some(&n.to_string())
        })
    };
    for (key, field) in [("by_problem", "problemes_publics"), ("by_need", "besoins")] {
        for (label, n) in labelled(&stats, key, field) {
            assert!(has_line(&label, n), "« {label} {n} » in:\n{text}");
        }
    }
    assert!(text.contains('█'));
    // --ascii: bars of #, nothing else changes.
    let out = env
        .census_cmd()
        .args(["--ascii", "stats"])
        .assert()
        .success()
        .get_output()
        .clone();
    let ascii = stdout_of(&out);
    assert!(!ascii.contains('█') && ascii.contains('#'));
    assert_eq!(ascii.replace('#', "█"), text);
    // English labels from the schema with --lang en.
    let out = env
        .census_cmd()
        .args(["--lang", "en", "stats"])
        .assert()
        .success()
        .get_output()
        .clone();
    let english = stdout_of(&out);
    for label in labels("problemes_publics", Lang::En).values() {
        assert!(english.contains(label.as_str()), "{label}");
    }
}

#[test]
fn reports_are_in_english_with_lang_en() {
    let env = with_sample("pays-de-brest.ron");
    let fr = labels("problemes_publics", Lang::Fr);
    let en = labels("problemes_publics", Lang::En);
    let md = report(&env, &["--audience", "elus", "--lang", "en"]);
    let html = report(
        &env,
        &["--audience", "elus", "--format", "html", "--lang", "en"],
    );
    let doc = parse_html(&html);
    assert_eq!(doc.root_element().attribute("lang"), Some("en"));
    for bars in [md_chart(&md, "problems"), html_chart(&doc, "problems")] {
        for (label, _) in bars {
            assert!(en.values().any(|l| *l == label), "{label} is English");
            assert!(
                !fr.values()
                    .any(|l| *l == label && !en.values().any(|e| e == l))
            );
        }
    }
    let french = report(&env, &["--audience", "elus"]);
    assert_ne!(md, french);
}

#[test]
fn the_same_census_on_the_same_day_gives_the_same_bytes() {
    let env = with_sample("pays-de-brest.ron");
    for audience in ["elus", "techniciens"] {
        for format in ["md", "html"] {
            let args = ["--audience", audience, "--format", format];
            assert_eq!(
                report(&env, &args),
                report(&env, &args),
                "{audience} {format}"
            );
        }
    }
    assert_eq!(stats_json(&env, &[]), stats_json(&env, &[]));
}
