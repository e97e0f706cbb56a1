//! Library-level checks of the exports: selection, values, the network,
//! escaping, and the ODS zip's determinism. The command-line tests
//! (tests/cli/export.rs) read every format back on the sample censuses.

use std::io::Read;

use super::*;
use crate::census::ops::{Agent, parse_assignments};
use crate::census::{AgentId, Value};

fn agent(id: &str, name: &str) -> Agent {
    Agent {
        id: AgentId::parse(id).unwrap(),
        name: name.into(),
    }
}

/// 2026-09-21T14:13:20Z: the stamps below are seconds after it.
const BASE: i64 = 1_790_000_000;

fn add(c: &mut Census, s: &Schema, sets: &[&str], at: i64) -> crate::census::InitiativeId {
    let sets: Vec<String> = sets.iter().map(|x| x.to_string()).collect();
    let v = parse_assignments(s, c, &sets, None).unwrap();
    c.add_initiative(s, &agent("marie", "Marie"), &v, Timestamp(BASE + at))
        .unwrap()
}

/// Three initiatives: two in Brest (one hosting the wiki), one in Plouzané.
fn census() -> (Schema, Census) {
    let s = Schema::default_schema();
    let mut c = Census::new("Pays de Brest", &s.id, s.version);
    let wiki = add(
        &mut c,
        &s,
        &["nom=wiki-Brest", "type=ressource_commune", "commune=Brest"],
        100,
    );
    add(
        &mut c,
        &s,
        &[
            "nom=Infini",
            "type=chatons",
            "commune=Brest",
            "coordonnees=48.39,-4.48",
            "problemes_publics=souverainete,democratie",
            "contact_nom=Jeanne Témoin",
            &format!("relations=heberge:{wiki}"),
        ],
        300,
    );
    add(
        &mut c,
        &s,
        &["nom=Élan fablab", "type=fablab", "commune=Plouzané"],
        200,
    );
    (s, c)
}

fn names(selection: &[&Initiative], s: &Schema) -> Vec<String> {
    selection
        .iter()
        .map(|i| i.value(&s.name_field).unwrap().to_string())
        .collect()
}

fn options(format: Format) -> Options {
    Options {
        format,
        public: false,
        header: Header::Labels,
        lang: Lang::Fr,
    }
}

fn bytes(c: &Census, s: &Schema, selection: &[&Initiative], o: &Options) -> Vec<u8> {
    let mut out = Vec::new();
    export(c, s, selection, o, &mut out).unwrap();
    out
}

#[test]
fn selection_is_sorted_by_name_without_accents_or_case_even_with_a_query() {
    let (s, c) = census();
    let all = select(&c, &s, &Filter::default(), "", Lang::Fr);
    assert_eq!(names(&all, &s), ["Élan fablab", "Infini", "wiki-Brest"]);
    let brest = select(&c, &s, &Filter::default(), "brest", Lang::Fr);
    assert_eq!(names(&brest, &s), ["Infini", "wiki-Brest"]);
    let filter = Filter {
        kinds: vec!["fablab".into()],
        ..Filter::default()
    };
    assert_eq!(
        names(&select(&c, &s, &filter, "", Lang::Fr), &s),
        ["Élan fablab"]
    );
}

#[test]
fn deleted_initiatives_are_not_selected() {
    let (s, mut c) = census();
    let fablab = c
        .initiatives
        .iter()
        .find(|i| i.value("type") == Some("fablab"))
        .unwrap()
        .id
        .clone();
    c.delete_initiative(&fablab, &agent("marie", "Marie"), Timestamp(BASE + 400))
        .unwrap();
    let all = select(&c, &s, &Filter::default(), "", Lang::Fr);
    assert_eq!(names(&all, &s), ["Infini", "wiki-Brest"]);
}

#[test]
fn the_last_change_is_the_newest_stamp() {
    let (_, c) = census();
    assert_eq!(last_modified(&c), Some(Timestamp(BASE + 300)));
    assert_eq!(last_modified(&Census::new("T", "s", 1)), None);
}

#[test]
fn public_columns_leave_out_exactly_the_personal_fields() {
    let s = Schema::default_schema();
    let all = columns(&s, false);
    let public = columns(&s, true);
    assert_eq!(all.len(), s.fields.len());
    let personal = s.fields.iter().filter(|f| f.personal).count();
    assert!(personal > 0);
    assert_eq!(public.len() + personal, all.len());
    assert!(public.iter().all(|f| !f.personal));
}

#[test]
fn cells_hold_labels_or_ids_joined_with_a_bar() {
    let (s, c) = census();
    let infini = c
        .initiatives
        .iter()
        .find(|i| i.value("nom") == Some("Infini"))
        .unwrap();
    let field = s.field("problemes_publics").unwrap();
    let mut cell = String::new();
    values::write_cell(&mut cell, &s, &c, infini, field, Header::Ids, Lang::Fr);
    let mut ids: Vec<&str> = cell.split('|').collect();
    ids.sort_unstable();
    assert_eq!(ids, ["democratie", "souverainete"]);
    values::write_cell(&mut cell, &s, &c, infini, field, Header::Labels, Lang::En);
    let mut labels: Vec<&str> = cell.split('|').collect();
    labels.sort_unstable();
    let expected = |id: &str| s.choice("problemes", id).unwrap().label.en.clone();
    assert_eq!(labels, [expected("democratie"), expected("souverainete")]);
    let relations = s.field("relations").unwrap();
    values::write_cell(
        &mut cell,
        &s,
        &c,
        infini,
        relations,
        Header::Labels,
        Lang::Fr,
    );
    let wiki = c
        .initiatives
        .iter()
        .find(|i| i.value("nom") == Some("wiki-Brest"))
        .unwrap();
    assert_eq!(cell, format!("héberge wiki-Brest ({})", wiki.id));
}

#[test]
fn edges_join_selected_initiatives_and_follow_fusions() {
    let (s, mut c) = census();
    let marie = agent("marie", "Marie");
    let wiki = c
        .initiatives
        .iter()
        .find(|i| i.value("nom") == Some("wiki-Brest"))
        .unwrap()
        .id
        .clone();
    let all = select(&c, &s, &Filter::default(), "", Lang::Fr);
    let e = graph::edges(&c, &s, &all);
    assert_eq!(e.len(), 1);
    assert_eq!((e[0].kind, e[0].to), ("heberge", &wiki));
    // The wiki fused into a new record: the edge goes to the survivor.
    let survivor = add(
        &mut c,
        &s,
        &["nom=Wiki Brest", "type=ressource_commune", "commune=Brest"],
        500,
    );
    c.fuse(&s, &survivor, &wiki, &marie, Timestamp(BASE + 600))
        .unwrap();
    let all = select(&c, &s, &Filter::default(), "", Lang::Fr);
    let e = graph::edges(&c, &s, &all);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].to, &survivor);
    // A target outside the selection gives no edge.
    let brest_only: Vec<&Initiative> = all
        .iter()
        .copied()
        .filter(|i| i.value("nom") == Some("Infini"))
        .collect();
    assert!(graph::edges(&c, &s, &brest_only).is_empty());
}

#[test]
fn dot_strings_cannot_break_out_of_their_quotes_or_comments() {
    let (s, mut c) = census();
    c.territory = "Brest\n} digraph evil {".into();
    let id = add(
        &mut c,
        &s,
        &["nom=Le \"Bar\\\" {", "type=association", "commune=Brest"],
        700,
    );
    let all = select(&c, &s, &Filter::default(), "", Lang::Fr);
    let text = String::from_utf8(bytes(&c, &s, &all, &options(Format::Dot))).unwrap();
    assert!(
        text.contains(&format!("\"{id}\" [label=\"Le \\\"Bar\\\\\\\" {{\"")),
        "{text}"
    );
    for line in text.lines().filter(|l| l.starts_with("//")) {
        assert!(!line.contains('\n'));
    }
    assert!(
        !text
            .lines()
            .any(|l| l.trim_start().starts_with("} digraph")),
        "{text}"
    );
}

#[test]
fn gexf_text_is_valid_xml_whatever_the_values() {
    let (s, mut c) = census();
    add(
        &mut c,
        &s,
        &["nom=A & <B> \"C\" 'D'", "type=association", "commune=Brest"],
        700,
    );
    // A value changed by hand may hold a character XML forbids.
    c.initiatives[0].fields.get_mut("nom").unwrap()[0].value = Value::text("bell\u{7}");
    let all = select(&c, &s, &Filter::default(), "", Lang::Fr);
    let out = bytes(&c, &s, &all, &options(Format::Gexf));
    let mut reader = quick_xml::Reader::from_reader(out.as_slice());
    let mut labels = Vec::new();
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf).expect("well-formed XML") {
            quick_xml::events::Event::Eof => break,
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"node" => {
                let label = e.try_get_attribute("label").unwrap().unwrap();
                labels.push(
                    label
                        .decode_and_unescape_value(reader.decoder())
                        .unwrap()
                        .into_owned(),
                );
            }
            _ => {}
        }
        buf.clear();
    }
    assert!(
        labels.contains(&"A & <B> \"C\" 'D'".to_string()),
        "{labels:?}"
    );
    assert!(labels.contains(&"bell\u{fffd}".to_string()), "{labels:?}");
}

/// Every part of an ODS zip, by name.
fn parts(ods: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(ods)).unwrap();
    (0..archive.len())
        .map(|n| {
            let mut f = archive.by_index(n).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().to_string(), data)
        })
        .collect()
}

#[test]
fn ods_bytes_are_the_same_every_time_and_dated_by_the_census() {
    let (s, c) = census();
    let all = select(&c, &s, &Filter::default(), "", Lang::Fr);
    // Each workbook gets its own hash-map order: several tries would differ
    // without the normalisation.
    let first = bytes(&c, &s, &all, &options(Format::Ods));
    for _ in 0..5 {
        assert!(bytes(&c, &s, &all, &options(Format::Ods)) == first);
    }
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(first.as_slice())).unwrap();
    let date = Timestamp(BASE + 300).date();
    for n in 0..archive.len() {
        let f = archive.by_index(n).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (i32::from(t.year()), t.month(), t.day()),
            (date.year, date.month, date.day),
            "{}",
            f.name()
        );
    }
    assert_eq!(archive.by_index(0).unwrap().name(), "mimetype");
}

#[test]
fn every_ods_xml_part_declares_the_namespaces_it_uses() {
    let (s, c) = census();
    let all = select(&c, &s, &Filter::default(), "", Lang::Fr);
    for (name, data) in parts(&bytes(&c, &s, &all, &options(Format::Ods))) {
        if !name.ends_with(".xml") {
            continue;
        }
        let mut reader = quick_xml::NsReader::from_reader(data.as_slice());
        let mut buf = Vec::new();
        loop {
            let (ns, event) = reader.read_resolved_event_into(&mut buf).unwrap();
            match event {
                quick_xml::events::Event::Eof => break,
                quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e) => {
                    assert!(
                        !matches!(ns, quick_xml::name::ResolveResult::Unknown(_)),
                        "{name}: undeclared prefix in <{}>",
                        String::from_utf8_lossy(e.name().as_ref())
                    );
                }
                _ => {}
            }
            buf.clear();
        }
    }
}

#[test]
fn ods_reads_back_with_its_three_sheets() {
    let (s, c) = census();
    let all = select(&c, &s, &Filter::default(), "", Lang::Fr);
    let mut o = options(Format::Ods);
    o.public = true;
    let book = spreadsheet_ods::read_ods_buf(&bytes(&c, &s, &all, &o)).unwrap();
    assert_eq!(book.num_sheets(), 3);
    let sheet = book.sheet(0);
    let public = columns(&s, true);
    // id, the public fields, status, score.
    assert_eq!(sheet.used_grid_size().1 as usize, public.len() + 3);
    assert_eq!(sheet.value(0, 1).as_str_or(""), public[0].label.fr);
    for (row, i) in (1u32..).zip(&all) {
        assert_eq!(sheet.value(row, 0).as_str_or(""), i.id.as_str());
    }
    let relations = book.sheet(2);
    assert_eq!(relations.used_grid_size().0, 2, "a header and one relation");
}

#[test]
fn zip_dates_come_from_the_census_or_1980() {
    let d = zip_normal_date(Some(Timestamp::parse("2026-11-05T09:04:30Z").unwrap()));
    assert_eq!(
        (d.year(), d.month(), d.day(), d.hour(), d.minute()),
        (2026, 11, 5, 9, 4)
    );
    let d = zip_normal_date(None);
    assert_eq!((d.year(), d.month(), d.day()), (1980, 1, 1));
}

fn zip_normal_date(at: Option<Timestamp>) -> zip::DateTime {
    zip_normal::zip_date(at)
}
