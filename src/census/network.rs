//! Relations between initiatives, read in both directions.

use crate::census::id::InitiativeId;
use crate::census::model::{Census, Initiative};
use crate::census::schema::{FieldType, Schema};
use crate::census::value::split_relation;

/// One relation as stored: `from` → `kind` → `to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link<'a> {
    pub from: &'a Initiative,
    /// The relation kind id (`heberge`, `forme`…).
    pub kind: &'a str,
    /// The choice list of relation kinds (for labels and inverses).
    pub list: &'a str,
    pub to: &'a str,
}

/// The relations an initiative records, in every relation field.
pub fn outgoing<'a>(schema: &'a Schema, i: &'a Initiative) -> impl Iterator<Item = Link<'a>> + 'a {
    schema.fields.iter().flat_map(move |f| {
        let list = match &f.field_type {
            FieldType::Relations(list) => list.as_str(),
            _ => "",
        };
        i.entries(if list.is_empty() { "" } else { &f.id })
            .iter()
            .filter_map(move |e| {
                let (kind, to) = split_relation(e.value.as_text()?)?;
                Some(Link {
                    from: i,
                    kind,
                    list,
                    to,
                })
            })
    })
}

/// The relations other live initiatives record towards `id`.
pub fn incoming<'a>(census: &'a Census, schema: &'a Schema, id: &'a InitiativeId) -> Vec<Link<'a>> {
    census
        .live()
        .flat_map(|i| outgoing(schema, i))
        .filter(|l| l.to == id.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::AgentId;
    use crate::census::ops::{Agent, parse_assignments};
    use crate::census::time::Timestamp;

    #[test]
    fn relations_are_seen_from_both_sides() {
        let s = Schema::default_schema();
        let mut c = Census::new("T", &s.id, s.version);
        let a = Agent {
            id: AgentId::parse("aaaaa").unwrap(),
            name: "A".into(),
        };
        let add = |c: &mut Census, sets: &[String]| {
            let v = parse_assignments(&s, c, sets, None).unwrap();
            c.add_initiative(&s, &a, &v, Timestamp(0)).unwrap()
        };
        let wiki = add(
            &mut c,
            &[
                "nom=Wiki-Brest".into(),
                "type=ressource_commune".into(),
                "commune=Brest".into(),
            ],
        );
        let host = add(
            &mut c,
            &[
                "nom=Infini".into(),
                "type=chatons".into(),
                "commune=Brest".into(),
                format!("relations=heberge:{wiki}"),
            ],
        );
        let out: Vec<_> = outgoing(&s, c.get(&host).unwrap())
            .map(|l| (l.kind, l.to))
            .collect();
        assert_eq!(out, vec![("heberge", wiki.as_str())]);
        let inc = incoming(&c, &s, &wiki);
        assert_eq!(inc.len(), 1);
        assert_eq!(inc[0].from.id, host);
        assert!(incoming(&c, &s, &host).is_empty());
    }
}
