use super::*;

fn names(r: &Referential, found: &[Match]) -> Vec<String> {
    found
        .iter()
        .map(|m| {
            let c = &r.communes[m.commune];
            format!("{} ({})", c.name, c.departement)
        })
        .collect()
}

#[test]
fn the_embedded_data_reads_whole_and_names_its_source() {
    let r = referential();
    assert_eq!(
        r.source.split('\t').next(),
        Some("@etalab/decoupage-administratif 6.0.0")
    );
    // COG 2026: about 35,000 current communes, 1,250 EPCI, 101 départements
    // plus the collectivités d'outre-mer the package lists.
    assert!(
        (34_000..36_000).contains(&r.communes.len()),
        "{}",
        r.communes.len()
    );
    assert!((1_200..1_300).contains(&r.epcis.len()), "{}", r.epcis.len());
    assert!(r.departements.len() >= 101);
    assert_eq!(r.regions.len(), 26);
    let insee: Vec<&str> = r.communes.iter().map(|c| c.insee.as_str()).collect();
    let mut sorted = insee.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        insee, sorted,
        "communes are sorted by INSEE code, once each"
    );
}

#[test]
fn a_commune_has_its_codes_population_departement_region_and_epci() {
    let r = referential();
    let morlaix = r.commune("29151").unwrap();
    assert_eq!(morlaix.name, "Morlaix");
    assert_eq!(morlaix.departement, "29");
    assert_eq!(morlaix.postal_codes, ["29600"]);
    assert!(morlaix.population > 10_000);
    assert_eq!(r.region_of(morlaix), Some("53"));
    assert_eq!(r.region_name("53"), Some("Bretagne"));
    let epci = r.epci_of(morlaix).unwrap();
    assert_eq!(epci.siren, "242900835");
    assert!(epci.name.contains("Morlaix"), "{}", epci.name);
    assert!(epci.members.iter().any(|&i| r.communes[i].insee == "29254"));
    assert_eq!(r.label(morlaix), "Morlaix (29) · 29600");
}

#[test]
fn lookups_ignore_accents_case_hyphens_and_abbreviations() {
    let r = referential();
    let found = r.search("st martin des champs 29", 10);
    assert_eq!(names(r, &found), ["Saint-Martin-des-Champs (29)"]);
    for typed in [
        "PLOUGASTEL DAOULAS",
        "plougastel-daoulas",
        "Plougastél Daoulas",
    ] {
        let found = r.search(typed, 5);
        assert_eq!(
            r.communes[found[0].commune].name, "Plougastel-Daoulas",
            "{typed}"
        );
        assert_eq!(found[0].level, 0, "{typed}");
    }
    let found = r.search("Morl", 5);
    assert_eq!(
        r.communes[found[0].commune].name, "Morlaix",
        "the largest first"
    );
    let found = r.search("l abergement clemenciat", 3);
    assert_eq!(r.communes[found[0].commune].insee, "01001");
}

#[test]
fn homonyms_are_all_found_largest_first_and_a_departement_narrows() {
    let r = referential();
    let found = r.search("Saint-Martin-des-Champs", 20);
    let deps: Vec<&str> = found
        .iter()
        .filter(|m| m.level == 0 && m.former.is_none())
        .map(|m| r.communes[m.commune].departement.as_str())
        .collect();
    assert_eq!(deps.len(), 5, "{deps:?}");
    assert_eq!(deps[0], "29", "Finistère's is the largest: {deps:?}");
    assert!(
        matches!(r.resolve("Saint-Martin-des-Champs"), Resolution::Ambiguous(v) if v.len() == 5)
    );
    match r.resolve("Saint-Martin-des-Champs (29)") {
        Resolution::Found { commune, former } => {
            assert_eq!(r.communes[commune].insee, "29254");
            assert_eq!(former, None);
        }
        other => panic!("{other:?}"),
    }
    match r.resolve("Morlaix (29) · 29600") {
        Resolution::Found { commune, .. } => assert_eq!(r.communes[commune].insee, "29151"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn former_communes_and_old_codes_resolve_to_the_current_one() {
    let r = referential();
    // Arbignieu is a commune déléguée of Arboys en Bugey (01015).
    match r.resolve("arbignieu") {
        Resolution::Found {
            commune,
            former: Some(f),
        } => {
            assert_eq!(r.communes[commune].insee, "01015");
            assert_eq!(r.formers[f].kind, FormerKind::Deleguee);
        }
        other => panic!("{other:?}"),
    }
    // 01340 is an old code of Arboys en Bugey.
    let (c, via) = r.current_for_code("01340").unwrap();
    assert_eq!(c.insee, "01015");
    assert_eq!(via.unwrap().kind, FormerKind::OldCode);
    // 01340 is also the postal code of ten communes: the INSEE code first.
    let found = r.search("01340", 5);
    assert_eq!(r.communes[found[0].commune].insee, "01015");
    assert!(found[1..].iter().all(|m| m.level == 4));
    // An arrondissement municipal resolves to its city.
    let (c, via) = r.current_for_code("13201").unwrap();
    assert_eq!(c.name, "Marseille");
    assert_eq!(via.unwrap().kind, FormerKind::Arrondissement);
    // A current name wins over a former homonym: Saint-Martin-des-Champs
    // (50) is only déléguée, so it is not among the five.
    assert!(
        r.search("Saint-Martin-des-Champs 50", 5)
            .iter()
            .all(|m| m.former.is_some())
    );
}

#[test]
fn codes_and_postal_codes_find_communes() {
    let r = referential();
    let found = r.search("29600", 10);
    let names: Vec<&str> = found
        .iter()
        .map(|m| r.communes[m.commune].name.as_str())
        .collect();
    assert!(
        names.contains(&"Morlaix") && names.contains(&"Saint-Martin-des-Champs"),
        "{names:?}"
    );
    assert_eq!(
        r.search("2A004", 1)
            .first()
            .map(|m| r.communes[m.commune].name.as_str()),
        Some("Ajaccio")
    );
    assert_eq!(r.communes_with_postal_code("29200").len(), 1);
}

#[test]
fn unknown_places_and_empty_queries_find_nothing() {
    let r = referential();
    assert_eq!(r.resolve("Genève"), Resolution::Unknown);
    assert_eq!(r.resolve(""), Resolution::Unknown);
    assert!(r.search("", 10).is_empty());
    assert!(r.search("zzzz", 10).is_empty());
}

#[test]
fn epci_and_departements_resolve_by_name_or_code() {
    let r = referential();
    let brest = r.epci_named("Brest Métropole");
    assert_eq!(brest.len(), 1);
    assert_eq!(r.epcis[brest[0]].siren, "242900314");
    assert_eq!(r.epci_named("242900314"), brest);
    let fin = r.departement_named("finistere");
    assert_eq!(fin.len(), 1);
    assert_eq!(r.departements[fin[0]].code, "29");
    assert_eq!(r.departement_named("2a").len(), 1);
}

#[test]
fn a_damaged_data_line_is_named() {
    let err = load::parse("# x\nC\t29151\tMorlaix\n").unwrap_err();
    assert!(err.contains("communes.tsv:2"), "{err}");
}
