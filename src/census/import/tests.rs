//! Planning rows that name initiatives by id.

use super::{Request, RowFate, plan};
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
    census.fuse(&schema, &keep, &other, &agent, now).unwrap();
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
        RowFate::Update { id, .. } | RowFate::Unchanged { id } => assert_eq!(id, &keep),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        plan.rows[1].outcome,
        RowFate::SameAs { line: 2 },
        "the kept initiative is taken already"
    );
}

/// A record repeating one created earlier in the file names the line of
/// that record, whatever came before it (rows skipped or left as likely
/// duplicates do not shift the lines).
#[test]
fn a_repeated_record_names_the_line_that_creates_it() {
    let schema = Schema::default_schema();
    let census = crate::census::model::Census::new("Test", &schema.id, schema.version);
    let agent = Agent {
        id: AgentId::parse("test").unwrap(),
        name: "Test".into(),
    };
    let now = Timestamp::parse("2027-01-01T10:00:00Z").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rows.csv");
    std::fs::write(
        &path,
        "nom;type;commune;code_postal\n\
         Sans code;association;Brest;2920\n\
         Alpha;association;Brest;29200\n\
         Beta;fablab;Quimper;29000\n\
         Beta;fablab;Quimper;29000\n\
         Alpha;association;Brest;29200\n",
    )
    .unwrap();
    let request = Request::new(super::Format::Csv, &path);
    let plan = plan(&census, &schema, &agent, now, &request).unwrap();
    let outcomes: Vec<(usize, &RowFate)> = plan.rows.iter().map(|r| (r.line, &r.outcome)).collect();
    assert!(
        matches!(outcomes[0], (2, RowFate::Skipped { .. })),
        "{outcomes:?}"
    );
    assert!(
        matches!(outcomes[1], (3, RowFate::Create { .. })),
        "{outcomes:?}"
    );
    assert!(
        matches!(outcomes[2], (4, RowFate::Create { .. })),
        "{outcomes:?}"
    );
    assert_eq!(outcomes[3], (5, &RowFate::SameAs { line: 4 }));
    assert_eq!(outcomes[4], (6, &RowFate::SameAs { line: 3 }));
}
