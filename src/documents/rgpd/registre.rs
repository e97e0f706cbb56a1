//! The record of processing (RGPD article 30) as the schema and the census
//! say it: purposes, categories of persons and data, recipients, retention,
//! security measures, and how many consents are in force. Written as a
//! report [`Document`], so Markdown and HTML come from the same renderers.

use crate::census::consent::{self, Purpose};
use crate::census::model::Census;
use crate::census::schema::Schema;
use crate::census::time::Date;
use crate::documents::report::{Block, Document, Format, Section, Span, Table, render};
use crate::i18n::{Lang, fill};

use super::words::pick;

fn para(text: String) -> Block {
    Block::Paragraph(vec![Span::Text(text)])
}

fn section(id: &'static str, title: &str, blocks: Vec<Block>) -> Section {
    Section {
        id,
        title: title.to_string(),
        blocks,
    }
}

/// How many live initiatives hold personal data, and of those how many have
/// a consent in force, withdrawn, none.
fn consent_counts(schema: &Schema, census: &Census) -> [usize; 4] {
    let mut n = [0; 4];
    let personal = consent::PersonalFields::of(schema);
    for i in census.live() {
        if !personal.held_by(i) {
            continue;
        }
        n[0] += 1;
        match consent::state(i) {
            Some(s) if s.is_given() => n[1] += 1,
            Some(_) => n[2] += 1,
            None => n[3] += 1,
        }
    }
    n
}

/// The record of processing, as a document.
pub fn document(schema: &Schema, census: &Census, lang: Lang, today: Date) -> Document {
    let t = pick(lang);
    let territory = census.territory.as_str();
    let [personal, given, withdrawn, none] = consent_counts(schema, census);
    let purposes: Vec<Vec<Span>> = Purpose::ALL
        .into_iter()
        .map(|p| {
            let n = census.live().filter(|i| consent::consents_to(i, p)).count();
            vec![Span::Text(fill(
                t.purpose_line,
                &[
                    ("label", &crate::i18n::rgpd::purpose_label(p, lang)),
                    (
                        "description",
                        &crate::i18n::rgpd::purpose_description(p, lang),
                    ),
                    ("n", &n),
                ],
            ))]
        })
        .collect();
    let rows: Vec<Vec<Vec<Span>>> = schema
        .fields
        .iter()
        .filter(|f| f.personal)
        .map(|f| {
            let filled = census
                .live()
                .filter(|i| i.fields.contains_key(&f.id))
                .count();
            vec![
                vec![Span::Text(f.label.get(lang).to_string())],
                vec![Span::Text(f.id.clone())],
                vec![Span::Text(filled.to_string())],
            ]
        })
        .collect();
    let table = Table {
        id: "personal-fields",
        caption: t.data_caption.to_string(),
        header: vec![t.col_field.into(), t.col_id.into(), t.col_filled.into()],
        numeric: vec![false, false, true],
        rows,
    };
    let periods = schema.periods;
    let security: Vec<Vec<Span>> = t
        .security
        .split('|')
        .map(|s| vec![Span::Text(s.to_string())])
        .collect();
    let sections = vec![
        section(
            "controller",
            t.controller_title,
            vec![para(fill(t.controller, &[("territory", &territory)]))],
        ),
        section(
            "purposes",
            t.purposes_title,
            vec![
                para(t.purpose_census.into()),
                para(t.purposes_consent.into()),
                Block::List(purposes),
                para(t.legal_basis.into()),
            ],
        ),
        section(
            "persons",
            t.persons_title,
            vec![Block::List(vec![
                vec![Span::Text(fill(t.persons_contacts, &[("n", &personal)]))],
                vec![Span::Text(fill(
                    t.persons_agents,
                    &[("n", &census.agents.len())],
                ))],
            ])],
        ),
        section(
            "data",
            t.data_title,
            vec![Block::Table(table), para(t.data_other.into())],
        ),
        section(
            "recipients",
            t.recipients_title,
            vec![para(t.recipients.into())],
        ),
        section(
            "retention",
            t.retention_title,
            vec![para(fill(
                t.retention,
                &[
                    ("months", &periods.retention_months),
                    ("days", &periods.deletion_grace_days),
                ],
            ))],
        ),
        section("security", t.security_title, vec![Block::List(security)]),
        section(
            "state",
            t.state_title,
            vec![para(fill(
                t.state,
                &[
                    ("personal", &personal),
                    ("given", &given),
                    ("withdrawn", &withdrawn),
                    ("none", &none),
                ],
            ))],
        ),
    ];
    Document {
        lang,
        title: t.title.to_string(),
        subtitle: vec![fill(
            t.subtitle,
            &[
                ("territory", &territory),
                ("date", &today),
                ("schema", &schema.label.get(lang)),
                ("version", &schema.version),
            ],
        )],
        intro: vec![para(t.intro.into())],
        sections,
        footer: vec![t.footer.to_string()],
    }
}

/// The record of processing as Markdown or HTML text.
pub fn registre(
    schema: &Schema,
    census: &Census,
    lang: Lang,
    today: Date,
    format: Format,
) -> String {
    render(&document(schema, census, lang, today), format)
}
