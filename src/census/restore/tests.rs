use super::*;
use crate::census::conflicts::conflicts;
use crate::census::id::AgentId;
use crate::census::merge::join;
use crate::census::ops::{Changes, parse_assignments};
use crate::census::schema::Schema;

fn agent(name: &str) -> Agent {
    Agent {
        id: AgentId::from_name(name),
        name: name.to_string(),
    }
}

/// After every date of the generated census.
fn later(n: i64) -> Timestamp {
    Timestamp(Timestamp::parse("2030-01-01").unwrap().0 + n)
}

fn edit(c: &mut Census, s: &Schema, id: &InitiativeId, who: &Agent, set: &str, at: i64) {
    let v = parse_assignments(s, c, &[set.to_string()], Some(id)).unwrap();
    c.edit_initiative(s, id, who, &Changes::set(v), later(at))
        .unwrap();
}

/// The old census, the current one (Anne renamed an initiative and deleted
/// another) and the colleague's copy that received Anne's changes.
fn history() -> (Schema, Census, Census, Census, InitiativeId, InitiativeId) {
    let s = Schema::default_schema();
    let old = crate::dev::generate(&s, 6, 3);
    let (renamed, deleted) = (old.initiatives[1].id.clone(), old.initiatives[4].id.clone());
    let anne = agent("Anne");
    let mut now = old.clone();
    edit(&mut now, &s, &renamed, &anne, "nom=Nom changé", 1);
    now.delete_initiative(&deleted, &anne, later(2)).unwrap();
    let colleague = now.clone();
    (s, old, now, colleague, renamed, deleted)
}

#[test]
fn putting_an_old_file_back_does_not_survive_a_merge() {
    // The defect this module answers: the old file loses against the copy
    // that saw the newer writes.
    let (_, old, _, colleague, renamed, deleted) = history();
    let merged = join(&old, &colleague).unwrap();
    assert_eq!(
        merged.get(&renamed).unwrap().value("nom"),
        Some("Nom changé")
    );
    assert!(merged.get(&deleted).unwrap().is_deleted());
}

#[test]
fn restored_values_are_new_writes_that_survive_merges_in_both_orders() {
    let (s, old, mut now, colleague, renamed, deleted) = history();
    let before = old.get(&renamed).unwrap().value("nom").unwrap().to_string();
    let done = restore_from(
        &mut now,
        &old,
        Scope::default(),
        Created::Keep,
        &agent("Anne"),
        later(3),
    )
    .expect("small counters");
    assert_eq!(done.changed.len(), 2, "{done:?}");
    assert_eq!(done.changed[0].fields[0].after, vec![before.clone()]);
    for merged in [
        join(&now, &colleague).unwrap(),
        join(&colleague, &now).unwrap(),
    ] {
        assert_eq!(
            merged.get(&renamed).unwrap().value("nom"),
            Some(before.as_str())
        );
        assert!(merged.get(&deleted).unwrap().is_live());
        assert!(conflicts(&merged, &s).is_empty());
    }
    assert_eq!(
        join(&now, &colleague).unwrap(),
        join(&colleague, &now).unwrap()
    );
}

#[test]
fn nothing_is_written_when_nothing_differs() {
    let (_, old, _, _, _, _) = history();
    let mut same = old.clone();
    let done = restore_from(
        &mut same,
        &old,
        Scope::default(),
        Created::Delete,
        &agent("Anne"),
        later(3),
    )
    .expect("small counters");
    assert!(done.is_empty());
    assert_eq!(same, old);
}

#[test]
fn initiatives_created_since_are_kept_or_deleted_as_asked() {
    let s = Schema::default_schema();
    let old = crate::dev::generate(&s, 3, 1);
    let mut now = old.clone();
    let v = parse_assignments(
        &s,
        &now,
        &[
            "nom=Atelier".into(),
            "type=association".into(),
            "commune=Brest".into(),
        ],
        None,
    )
    .unwrap();
    let id = now
        .add_initiative(&s, &agent("Anne"), &v, later(1))
        .unwrap();
    let mut kept = now.clone();
    let done = restore_from(
        &mut kept,
        &old,
        Scope::default(),
        Created::Keep,
        &agent("Anne"),
        later(2),
    )
    .expect("small counters");
    assert!(done.is_empty());
    assert_eq!(
        done.created_since,
        vec![(id.clone(), "Atelier".to_string())]
    );
    assert_eq!(kept, now);
    let done = restore_from(
        &mut now,
        &old,
        Scope::default(),
        Created::Delete,
        &agent("Anne"),
        later(2),
    )
    .expect("small counters");
    assert_eq!(done.changed[0].state, State::DeletedCreated);
    assert!(now.get(&id).unwrap().is_deleted());
    assert!(
        conflicts(&now, &s).is_empty(),
        "a deletion that saw everything"
    );
}

#[test]
fn one_field_of_one_initiative_is_restored_alone() {
    let (s, old, mut now, _, renamed, deleted) = history();
    let anne = agent("Anne");
    edit(&mut now, &s, &renamed, &anne, "notes=Vu", 3);
    let scope = Scope {
        initiative: Some(&renamed),
        field: Some("nom"),
    };
    let done = restore_from(&mut now, &old, scope, Created::Keep, &anne, later(4))
        .expect("small counters");
    assert_eq!(done.changed.len(), 1);
    assert_eq!(done.changed[0].fields.len(), 1);
    let i = now.get(&renamed).unwrap();
    assert_eq!(i.value("nom"), old.get(&renamed).unwrap().value("nom"));
    assert_eq!(i.value("notes"), Some("Vu"));
    assert!(now.get(&deleted).unwrap().is_deleted());
}

#[test]
fn a_census_follows_what_it_has_seen() {
    let (_, old, now, _, _, _) = history();
    assert!(follows(&now, &old));
    assert!(!follows(&old, &now));
}

/// One change made after the old census: an initiative (by index), what
/// is done to it, and by whom (0: Anne, who later restores; 1: Bruno).
#[derive(Debug, Clone)]
enum Change {
    Set(usize, &'static str, String, usize),
    AddRole(usize, &'static str, usize),
    RemoveRole(usize, &'static str, usize),
    Delete(usize, usize),
    Restore(usize, usize),
}

fn change() -> impl proptest::strategy::Strategy<Value = Change> {
    use proptest::prelude::*;
    let field = prop::sample::select(vec!["nom", "notes", "site_web"]);
    let role = prop::sample::select(vec!["contributeur", "academique", "fonction_publique"]);
    prop_oneof![
        (0..6usize, field, "[a-z]{1,6}", 0..2usize)
            .prop_map(|(i, f, v, w)| Change::Set(i, f, v, w)),
        (0..6usize, role.clone(), 0..2usize).prop_map(|(i, r, w)| Change::AddRole(i, r, w)),
        (0..6usize, role, 0..2usize).prop_map(|(i, r, w)| Change::RemoveRole(i, r, w)),
        (0..6usize, 0..2usize).prop_map(|(i, w)| Change::Delete(i, w)),
        (0..6usize, 0..2usize).prop_map(|(i, w)| Change::Restore(i, w)),
    ]
}

fn apply(c: &mut Census, s: &Schema, change: &Change, at: i64) {
    let who = |w: usize| agent(["Anne", "Bruno"][w]);
    let id = |i: usize| c.initiatives[i].id.clone();
    let changes = |field: &str, value: &str| {
        vec![FieldValues {
            field: field.to_string(),
            values: vec![value.to_string()],
        }]
    };
    // Refused changes (a deleted initiative, a field not for its kind) are
    // simply not made.
    let _ = match change {
        Change::Set(i, f, v, w) => {
            let value = if *f == "site_web" {
                format!("https://{v}.fr")
            } else {
                v.clone()
            };
            c.edit_initiative(
                s,
                &id(*i),
                &who(*w),
                &Changes::set(changes(f, &value)),
                later(at),
            )
            .map(|_| ())
        }
        Change::AddRole(i, r, w) => {
            let add = Changes {
                add: changes("roles", r),
                ..Changes::default()
            };
            c.edit_initiative(s, &id(*i), &who(*w), &add, later(at))
                .map(|_| ())
        }
        Change::RemoveRole(i, r, w) => {
            let remove = Changes {
                remove: changes("roles", r),
                ..Changes::default()
            };
            c.edit_initiative(s, &id(*i), &who(*w), &remove, later(at))
                .map(|_| ())
        }
        Change::Delete(i, w) => c.delete_initiative(&id(*i), &who(*w), later(at)),
        Change::Restore(i, w) => c.restore_initiative(&id(*i), &who(*w), later(at)),
    };
}

use crate::census::ops::FieldValues;

/// What a person sees of an initiative: whether it is live, and the values
/// of each field except the bookkeeping ones. The values of a multi-valued
/// field are a set: an element removed then added again is listed after
/// the others (entries are in write order), which is no change.
fn seen_values(i: &Initiative) -> (bool, Vec<(String, Vec<String>)>) {
    let fields = (i.fields.iter())
        .filter(|(f, _)| *f != system::MODIFIED && *f != system::DELETED)
        .map(|(f, _)| {
            let mut values: Vec<String> = i.values(f).into_iter().map(String::from).collect();
            values.sort();
            (f.to_string(), values)
        })
        .collect();
    (i.is_live(), fields)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// Whatever happened since, the restored values are what every copy
    /// holds after merging with a copy that had seen all or part of those
    /// changes, in either order, and nothing is left in conflict.
    #[test]
    fn restored_values_hold_through_merges(
        changes in proptest::collection::vec(change(), 1..25),
        cut in 0..25usize,
    ) {
        let s = Schema::default_schema();
        let old = crate::dev::generate(&s, 6, 7);
        let mut now = old.clone();
        let mut colleague = old.clone();
        for (n, c) in changes.iter().enumerate() {
            apply(&mut now, &s, c, n as i64);
            if n == cut.min(changes.len() - 1) {
                colleague = now.clone();
            }
        }
        restore_from(&mut now, &old, Scope::default(), Created::Keep, &agent("Anne"), later(100)).expect("small counters");
        let (ab, ba) = (join(&now, &colleague).unwrap(), join(&colleague, &now).unwrap());
        proptest::prop_assert_eq!(&ab, &ba);
        for o in &old.initiatives {
            let merged = ab.get(&o.id).unwrap();
            proptest::prop_assert_eq!(seen_values(merged), seen_values(o));
        }
        proptest::prop_assert!(conflicts(&ab, &s).is_empty());
    }
}
