//! Planning rows that name initiatives by id.

use super::{Outcome, Request, plan};
use crate::census::time::Timestamp;
use crate::census::{Agent, AgentId, Schema};

#[test]
fn a_row_naming_a_fused_initiative_goes_to_the_one_kept() {
    let schema = Schema::default_schema();
    let mut census = crate::dev::generate(&schema, 2, 42);
    let agent = Agent {
        id: AgentId::parse("test").unwrap(),
        name: "Test".into(),
    };
    let now = Timestamp::parse("2027-01-01T10:00:00Z").unwrap();
    let (keep, other) = (
        census.initiatives[0].id.clone(),
        census.initiatives[1].id.clone(),
    );
    let name = census.initiatives[1]
        .value(&schema.name_field)
        .unwrap()
        .to_string();
    census.fuse(&keep, &other, &agent, now).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.csv");
    std::fs::write(&path, format!("id;nom\n{other};{name}\n{keep};Autre nom\n")).unwrap();
    let plan = plan(
        &census,
        &schema,
        &agent,
        now,
        &Request::new(super::Format::Csv, &path),
    )
    .unwrap();
    match &plan.rows[0].outcome {
        Outcome::Update { id, .. } | Outcome::Unchanged { id } => assert_eq!(id, &keep),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        plan.rows[1].outcome,
        Outcome::SameAs { line: 2 },
        "the kept initiative is taken already"
    );
}
