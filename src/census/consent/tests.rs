//! Consent records, the consent in force after merges, and the checks.

use super::*;
use crate::census::merge::join;
use crate::census::ops::parse_assignments;

fn agent(id: &str, name: &str) -> Agent {
    Agent {
        id: AgentId::parse(id).unwrap(),
        name: name.into(),
    }
}

fn day(d: &str) -> Timestamp {
    Timestamp::parse(d).unwrap()
}

fn setup(contact: bool) -> (Schema, Census, InitiativeId) {
    let s = Schema::default_schema();
    let mut c = Census::new("T", &s.id, s.version);
    let mut set = vec![
        "nom=Infini".into(),
        "type=chatons".into(),
        "commune=Brest".into(),
    ];
    if contact {
        set.push("contact_nom=Camille Fictive".into());
    }
    let v = parse_assignments(&s, &c, &set, None).unwrap();
    let id = c
        .add_initiative(&s, &agent("marie", "Marie"), &v, day("2026-01-10"))
        .unwrap();
    (s, c, id)
}

fn give(purposes: &[Purpose]) -> ConsentChange {
    ConsentChange::Give {
        means: Means::Oral,
        purposes: purposes.to_vec(),
    }
}

#[test]
fn the_ids_are_the_fixed_ones() {
    let means: Vec<&str> = Means::ALL.iter().map(|m| m.id()).collect();
    assert_eq!(means, ["oral", "courriel", "formulaire", "ecrit"]);
    let purposes: Vec<&str> = Purpose::ALL.iter().map(|p| p.id()).collect();
    assert_eq!(purposes, ["contact", "diffusion_interne", "invitations"]);
    assert_eq!(
        parse_purposes("invitations, contact,contact"),
        Ok(vec![Purpose::Contact, Purpose::Invitations])
    );
    assert_eq!(parse_purposes(" , "), Err(ConsentError::NoPurpose));
    assert_eq!(
        parse_purposes("newsletter"),
        Err(ConsentError::UnknownPurpose("newsletter".into()))
    );
    assert_eq!(
        parse_means("verbal"),
        Err(ConsentError::UnknownMeans("verbal".into()))
    );
}

#[test]
fn personal_values_without_consent_are_told() {
    let (s, mut c, id) = setup(true);
    let (_, bare, _) = setup(false);
    assert!(
        !lacks_consent(&s, bare.live().next().unwrap()),
        "no personal value"
    );
    assert!(lacks_consent(&s, c.get(&id).unwrap()));
    assert_eq!(count_without_consent(&s, &c), 1);
    let marie = agent("marie", "Marie");
    c.record_consent(
        &id,
        &give(&[Purpose::Contact]),
        None,
        &marie,
        day("2026-02-01"),
    )
    .unwrap();
    let i = c.get(&id).unwrap();
    assert!(!lacks_consent(&s, i));
    assert!(consents_to(i, Purpose::Contact));
    assert!(!consents_to(i, Purpose::Invitations));
    let st = state(i).unwrap();
    assert_eq!(st.date, Date::parse("2026-02-01"));
    assert_eq!(st.by, Some(marie.id));
    c.record_consent(
        &id,
        &ConsentChange::Withdraw,
        None,
        &marie,
        day("2026-03-01"),
    )
    .unwrap();
    assert!(lacks_consent(&s, c.get(&id).unwrap()));
    assert_eq!(records(c.get(&id).unwrap()).len(), 2);
}

#[test]
fn the_latest_said_wins_whatever_the_merge_order() {
    let (_, base, id) = setup(true);
    let (anne, bruno) = (agent("annee", "Anne"), agent("bruno", "Bruno"));
    // Anne records, later, a consent given in January; Bruno, apart,
    // a withdrawal said in March: the withdrawal is the person's latest word.
    let mut a = base.clone();
    let mut b = base.clone();
    let jan = Date::parse("2026-01-15");
    let mar = Date::parse("2026-03-01");
    a.record_consent(
        &id,
        &give(&[Purpose::Invitations]),
        jan,
        &anne,
        day("2026-04-01"),
    )
    .unwrap();
    b.record_consent(
        &id,
        &ConsentChange::Withdraw,
        mar,
        &bruno,
        day("2026-03-02"),
    )
    .unwrap();
    let ab = join(&a, &b).unwrap();
    let ba = join(&b, &a).unwrap();
    for c in [&ab, &ba] {
        let st = state(c.get(&id).unwrap()).unwrap();
        assert_eq!(st.decision, Decision::Withdrawn);
        assert_eq!(st.by, Some(bruno.id));
    }
    // The same day: the withdrawal wins, in both orders.
    let mut a = base.clone();
    let mut b = base;
    a.record_consent(
        &id,
        &give(&[Purpose::Contact]),
        mar,
        &anne,
        day("2026-03-05"),
    )
    .unwrap();
    b.record_consent(
        &id,
        &ConsentChange::Withdraw,
        mar,
        &bruno,
        day("2026-03-02"),
    )
    .unwrap();
    for c in [join(&a, &b).unwrap(), join(&b, &a).unwrap()] {
        assert_eq!(
            state(c.get(&id).unwrap()).unwrap().decision,
            Decision::Withdrawn
        );
    }
}

#[test]
fn a_consent_recorded_after_seeing_a_withdrawal_replaces_it_whatever_the_dates() {
    let (_, mut c, id) = setup(true);
    let marie = agent("marie", "Marie");
    let mar = Date::parse("2026-03-01");
    c.record_consent(
        &id,
        &ConsentChange::Withdraw,
        mar,
        &marie,
        day("2026-03-01"),
    )
    .unwrap();
    // The same day, the person agrees again: the record that saw the
    // withdrawal is in force, though a withdrawal wins a tie of dates.
    c.record_consent(
        &id,
        &give(&[Purpose::Invitations]),
        mar,
        &marie,
        day("2026-03-01"),
    )
    .unwrap();
    let st = state(c.get(&id).unwrap()).unwrap();
    assert!(st.covers(Purpose::Invitations), "{st:?}");
    assert_eq!(
        records(c.get(&id).unwrap()).len(),
        2,
        "both kept, as history"
    );
}

#[test]
fn dates_ahead_or_deleted_initiatives_are_refused() {
    let (_, mut c, id) = setup(true);
    let marie = agent("marie", "Marie");
    let now = day("2026-02-01");
    assert!(matches!(
        parse_date("2030-01-01", now),
        Err(ConsentError::DateOutOfRange { .. })
    ));
    assert_eq!(
        parse_date("hier", now),
        Err(ConsentError::BadDate("hier".into()))
    );
    assert_eq!(
        parse_date("15/01/2026", now),
        Ok(Date::parse("2026-01-15").unwrap())
    );
    c.delete_initiative(&id, &marie, now).unwrap();
    assert!(matches!(
        c.record_consent(&id, &ConsentChange::Withdraw, None, &marie, now),
        Err(ConsentError::Op(OpError::Deleted(_)))
    ));
}
