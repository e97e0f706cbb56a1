use super::*;

fn known<'a>(insee: Option<&'a str>, postal: Option<&'a str>, given: bool) -> Known<'a> {
    Known {
        insee,
        postal,
        insee_given: given,
        postal_given: given,
    }
}

#[test]
fn a_sloppy_name_gets_its_official_spelling_and_both_codes() {
    let s = settle("morlaix", Known::default());
    assert_eq!(s.write(COMMUNE), Some("Morlaix"));
    assert_eq!(s.write(CODE_INSEE), Some("29151"));
    assert_eq!(s.write(CODE_POSTAL), Some("29600"));
    let s = settle("Plouneour Menez", Known::default());
    assert_eq!(s.write(COMMUNE), Some("Plounéour-Ménez"));
}

#[test]
fn the_official_name_with_its_codes_writes_nothing() {
    let s = settle("Morlaix", known(Some("29151"), Some("29600"), false));
    assert!(s.writes.is_empty(), "{:?}", s.writes);
    assert!(matches!(s.outcome, Outcome::Found { former: None, .. }));
}

#[test]
fn homonyms_are_ambiguous_until_a_code_chooses() {
    let s = settle("Saint-Martin-des-Champs", Known::default());
    let Outcome::Ambiguous(ids) = &s.outcome else {
        panic!("{:?}", s.outcome)
    };
    assert_eq!(ids.len(), 5);
    assert!(s.writes.is_empty());
    let by_insee = settle("saint martin des champs", known(Some("29254"), None, true));
    assert_eq!(by_insee.write(COMMUNE), Some("Saint-Martin-des-Champs"));
    assert_eq!(by_insee.write(CODE_INSEE), None, "given: kept");
    assert_eq!(by_insee.write(CODE_POSTAL), Some("29600"));
    let by_postal = settle("Saint-Martin-des-Champs", known(None, Some("77320"), true));
    assert_eq!(by_postal.write(CODE_INSEE), Some("77423"));
    let by_dep = settle("Saint-Martin-des-Champs (29)", Known::default());
    assert_eq!(by_dep.write(CODE_INSEE), Some("29254"));
}

#[test]
fn a_former_commune_is_stored_as_the_current_one() {
    let s = settle("Plounéour-Trez", Known::default());
    assert!(matches!(
        s.outcome,
        Outcome::Found {
            former: Some(_),
            ..
        }
    ));
    assert_eq!(s.write(COMMUNE), Some("Plounéour-Brignogan-plages"));
    assert_eq!(s.write(CODE_INSEE), Some("29021"));
}

#[test]
fn several_postal_codes_are_left_to_choose() {
    let s = settle("grenoble", Known::default());
    let Outcome::Found { postal_choices, .. } = &s.outcome else {
        panic!()
    };
    assert_eq!(postal_choices, &["38000", "38100"]);
    assert_eq!(s.write(CODE_POSTAL), None);
    assert_eq!(s.write(CODE_INSEE), Some("38185"));
    // A postal code of the commune already known is kept.
    let s = settle("grenoble", known(None, Some("38100"), false));
    assert!(s.writes.iter().all(|w| w.field != CODE_POSTAL));
}

#[test]
fn stale_codes_of_a_previous_commune_are_replaced_given_ones_kept() {
    let stale = settle("Grenoble", known(Some("29019"), Some("29200"), false));
    assert_eq!(stale.write(CODE_INSEE), Some("38185"));
    let emptied: Vec<&FieldValues> = stale
        .writes
        .iter()
        .filter(|w| w.field == CODE_POSTAL)
        .collect();
    assert!(emptied[0].values.is_empty(), "{emptied:?}");
    let given = settle("Grenoble", known(Some("29019"), Some("29200"), true));
    assert_eq!(given.writes, Vec::new());
}

#[test]
fn an_unknown_place_is_kept_as_typed() {
    let s = settle("Genève", Known::default());
    assert_eq!(s.outcome, Outcome::Unknown);
    assert!(s.writes.is_empty());
}

#[test]
fn values_about_to_be_written_are_settled_in_place() {
    let schema = Schema::default_schema();
    let mut values = vec![FieldValues {
        field: COMMUNE.into(),
        values: vec!["MORLAIX".into()],
    }];
    let s = settle_values(&schema, &mut values, None).unwrap();
    assert!(s.commune().is_some());
    let get = |f: &str| {
        values
            .iter()
            .find(|v| v.field == f)
            .map(|v| v.values[0].clone())
    };
    assert_eq!(get(COMMUNE).as_deref(), Some("Morlaix"));
    assert_eq!(get(CODE_INSEE).as_deref(), Some("29151"));
    assert_eq!(get(CODE_POSTAL).as_deref(), Some("29600"));
    let mut none = vec![FieldValues {
        field: "nom".into(),
        values: vec!["x".into()],
    }];
    assert_eq!(settle_values(&schema, &mut none, None), None);
}
