//! `recense report` as files people receive: HTML well-formed and
//! self-contained, every census value escaped in HTML and Markdown, no
//! personal data with `--public`, `-o` written atomically, errors that say
//! where and what to do.

use crate::common;
use crate::report_common;

use common::{CENSUS, Env, assert_located, assert_unchanged, stderr_of, stdout_of};
use recense::census::Schema;
use report_common::*;

const AUDIENCES: [&str; 2] = ["elus", "techniciens"];

/// Nothing that runs, nothing loaded from elsewhere: no script, no event
/// handler, no `src`, no `<link>`, no CSS `url()` or `@import`; links only
/// to websites (`<a href="http…">`) or inside the page.
#[track_caller]
fn assert_self_contained(html: &str) {
    assert!(!html.to_lowercase().contains("<script"), "no script");
    let doc = parse_html(html);
    for n in doc.descendants().filter(|n| n.is_element()) {
        let tag = n.tag_name().name();
        assert!(
            !matches!(
                tag,
                "script" | "link" | "img" | "iframe" | "object" | "embed" | "image" | "use"
            ),
            "<{tag}> in the report"
        );
        for a in n.attributes() {
            assert!(a.name() != "src", "src= on <{tag}>");
            assert!(!a.name().starts_with("on"), "{}= on <{tag}>", a.name());
            if a.name() == "href" {
                assert_eq!(tag, "a", "href= on <{tag}>");
                let v = a.value();
                assert!(
                    v.starts_with("https://") || v.starts_with("http://") || v.starts_with('#')
                );
            }
        }
        if tag == "style" || n.attribute("style").is_some() {
            let css = format!("{}{}", text_of(n), n.attribute("style").unwrap_or(""));
            assert!(!css.contains("url(") && !css.contains("@import"), "{css}");
        }
    }
}

#[test]
fn html_reports_are_well_formed_and_self_contained() {
    for sample in SAMPLES {
        let env = with_sample(sample);
        for audience in AUDIENCES {
            let html = report(&env, &["--audience", audience, "--format", "html"]);
            assert!(html.starts_with("<!DOCTYPE html>"));
            assert_self_contained(&html);
            let doc = parse_html(&html);
            assert_eq!(doc.root_element().tag_name().name(), "html");
            // Printable: a print style sheet, and bars that carry their number.
            assert!(html.contains("@media print"));
            assert!(doc.descendants().any(|n| n.has_tag_name("svg")));
        }
    }
}

const NASTY_NAME: &str = "<script>alert(1)</script> & Cie";
const NASTY_TEXT: &str = "<b>gras</b> | *étoile* _souligné_ [lien](http://x) & `code`";

#[test]
fn every_census_value_is_escaped() {
    let env = Env::with_census();
    env.add(&[
        &format!("nom={NASTY_NAME}"),
        "type=chatons",
        "commune=Brest",
        "problemes_publics=fracture_numerique",
        "communs_produits=services_heberges",
        "besoins=hebergement",
        &format!("argument_politique={NASTY_TEXT}"),
        &format!("argument_technique={NASTY_TEXT}"),
        "chatons_services=<img src=x onerror=alert(1)>",
        &format!("soutiens_details={NASTY_TEXT}"),
    ]);
    env.add(&["nom=Fablab", "type=fablab", "commune=Plouzané"]);
    for audience in AUDIENCES {
        let html = report(&env, &["--audience", audience, "--format", "html"]);
        assert_self_contained(&html);
        for raw in ["<b>", "<img", "<script"] {
            assert!(!html.contains(raw), "{raw} in the {audience} HTML");
        }
        let doc = parse_html(&html);
        let texts: Vec<String> = doc
            .descendants()
            .filter(|n| n.is_element())
            .map(text_of)
            .collect();
        assert!(
            texts.iter().any(|t| t.contains(NASTY_NAME)),
            "the name shows as written in the {audience} HTML"
        );
        let md = report(&env, &["--audience", audience]);
        for raw in ["<b>", "<img", "<script", "*étoile*", "_souligné_", "[lien]"] {
            // Markup that stays markup: not preceded by a backslash.
            let bare = md.match_indices(raw).any(|(i, _)| !md[..i].ends_with('\\'));
            assert!(!bare, "{raw} unescaped in the {audience} Markdown");
        }
        assert!(md.contains("\\<script\\>alert(1)\\</script\\> \\& Cie"));
        for table in md_tables(&md) {
            let columns = md_cells(table[0]).len();
            for line in table {
                assert_eq!(md_cells(line).len(), columns, "{line}");
            }
        }
    }
}

/// A sample with distinctive contact persons on three initiatives, each also
/// expressing a need; returns the stored personal values.
fn with_contacts() -> (Env, Vec<String>) {
    let env = with_sample("pays-de-brest.ron");
    let items = list_json(&env, &[]);
    for (k, item) in items.iter().take(3).enumerate() {
        let id = item["id"].as_str().unwrap();
        env.census_cmd()
            .args(["--as", "Marie", "edit", id])
            .args(["--set", &format!("contact_nom=Personne Témoin{k}")])
            .args(["--set", &format!("contact_courriel=temoin{k}@exemple.org")])
            .args(["--set", &format!("contact_telephone=06 12 34 56 7{k}")])
            .args(["--add", "besoins=hebergement"])
            .assert()
            .success();
    }
    let schema = Schema::default_schema();
    let personal: Vec<&str> = schema
        .fields
        .iter()
        .filter(|f| f.personal)
        .map(|f| f.id.as_str())
        .collect();
    let mut values = Vec::new();
    for item in list_json(&env, &[]).iter().take(3) {
        for field in &personal {
            values.extend(field_values(item, field));
        }
    }
    assert_eq!(
        values.len(),
        9,
        "three fields on three initiatives: {values:?}"
    );
    (env, values)
}

/// A French phone as reports for people write it (`+33612345670` →
/// `06 12 34 56 70`); any other value as it is.
fn for_people(v: &str) -> String {
    match v.strip_prefix("+33") {
        Some(rest) if rest.len() == 9 && rest.bytes().all(|b| b.is_ascii_digit()) => {
            let digits = format!("0{rest}");
            let pairs: Vec<&str> = (0..5).map(|i| &digits[2 * i..2 * i + 2]).collect();
            pairs.join(" ")
        }
        _ => v.to_string(),
    }
}

#[test]
fn public_reports_hold_no_personal_data() {
    let (env, personal) = with_contacts();
    for format in ["md", "html"] {
        // The technicians' internal report gives the contact persons.
        let internal = report(&env, &["--audience", "techniciens", "--format", format]);
        for v in &personal {
            assert!(
                internal.contains(&for_people(v)),
                "{v} in the internal {format}"
            );
        }
        // Never with --public; never in the elected officials' report.
        for audience in AUDIENCES {
            let public = report(
                &env,
                &["--audience", audience, "--format", format, "--public"],
            );
            let plain = report(&env, &["--audience", audience, "--format", format]);
            for v in &personal {
                for shown in [v.clone(), for_people(v)] {
                    assert!(!public.contains(&shown), "{shown} in the public {audience}");
                    if audience == "elus" {
                        assert!(!plain.contains(&shown), "{shown} in the elus {format}");
                    }
                }
            }
        }
    }
}

#[test]
fn output_goes_to_the_file_atomically() {
    let env = with_sample("grenoble.ron");
    let shown = report(&env, &["--audience", "techniciens", "--format", "html"]);
    for _ in 0..2 {
        let out = env
            .census_cmd()
            .args(["report", "--audience", "techniciens", "--format", "html"])
            .args(["-o", "rapport.html"])
            .assert()
            .success()
            .get_output()
            .clone();
        assert_eq!(stdout_of(&out), "");
        assert!(stderr_of(&out).contains("rapport.html"));
        assert_eq!(env.read_text("rapport.html"), shown);
        // No temporary file, no backup of the previous report.
        assert_eq!(
            env.file_names(),
            vec![CENSUS.to_string(), "rapport.html".into()]
        );
    }
}

#[test]
fn output_cannot_replace_the_census() {
    let env = with_sample("grenoble.ron");
    let before = env.snapshot();
    let out = env
        .census_cmd()
        .args(["report", "--audience", "elus", "-o", CENSUS])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let message = stderr_of(&out);
    assert!(
        message.contains(CENSUS) && message.contains("rapport.html"),
        "{message}"
    );
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn output_in_a_missing_folder_says_where() {
    let env = with_sample("grenoble.ron");
    let before = env.snapshot();
    let out = env
        .census_cmd()
        .args(["report", "--audience", "elus", "-o", "absent/rapport.md"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        stderr_of(&out).contains("absent/rapport.md"),
        "{}",
        stderr_of(&out)
    );
    assert_unchanged(&before, &env.snapshot());
}

#[test]
fn an_unreadable_census_is_reported_with_its_place() {
    let env = Env::new();
    let name = env.copy_fixture("invalid/census-missing-comma.ron");
    for args in [vec!["report", "--audience", "elus"], vec!["stats"]] {
        let out = env
            .cmd()
            .args(["--file", &name])
            .args(&args)
            .assert()
            .code(1)
            .get_output()
            .clone();
        assert_located(&stderr_of(&out), &name, 6, "virgule");
    }
}
