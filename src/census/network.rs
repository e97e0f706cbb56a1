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
    // Only the relations fields are looked up: an initiative's fields are
    // searched by id, and the network view reads every initiative.
    let relations = schema.fields.iter().filter_map(|f| match &f.field_type {
        FieldType::Relations(list) => Some((f, list.as_str())),
        _ => None,
    });
    relations.flat_map(move |(f, list)| {
        i.entries(&f.id).iter().filter_map(move |e| {
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

/// The relations field of the schema (the first one), where `link` and
/// `unlink` write.
pub fn relation_field(schema: &Schema) -> Option<&crate::census::schema::Field> {
    schema
        .fields
        .iter()
        .find(|f| matches!(f.field_type, FieldType::Relations(_)))
}

/// The change that links `id` to `target` with `kind` (or removes that
/// link): one element of the relations field, checked as any value is.
pub fn link_changes(
    schema: &Schema,
    census: &Census,
    id: &InitiativeId,
    kind: &str,
    target: &str,
    add: bool,
) -> Result<crate::census::ops::Changes, crate::census::ops::OpError> {
    let field = relation_field(schema).map_or("relations", |f| f.id.as_str());
    let value = crate::census::ops::parse_assignments(
        schema,
        census,
        &[format!("{field}={kind}:{target}")],
        Some(id),
    )?;
    Ok(if add {
        crate::census::ops::Changes {
            add: value,
            ..Default::default()
        }
    } else {
        crate::census::ops::Changes {
            remove: value,
            ..Default::default()
        }
    })
}

/// The shape of the network: the connected groups of initiatives (the
/// study's *archipel*), largest first, and the isolated ones, to bring in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Archipelago {
    /// Groups of two or more linked initiatives, as indexes into
    /// `census.initiatives`; largest first, then by their first index.
    pub groups: Vec<Vec<usize>>,
    /// Live initiatives with no relation either way.
    pub isolated: Vec<usize>,
    /// Relations between live initiatives (each counted once per record).
    pub links: usize,
}

/// Connected groups and isolated initiatives. Relations towards a fused
/// duplicate count for the initiative it was fused into; relations towards
/// deleted or unknown initiatives do not count.
pub fn archipelago(census: &Census, schema: &Schema) -> Archipelago {
    let n = census.initiatives.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut linked = vec![false; n];
    let mut links = 0;
    for (a, i) in census.initiatives.iter().enumerate() {
        if !i.is_live() {
            continue;
        }
        for link in outgoing(schema, i) {
            let Ok(to) = InitiativeId::parse(link.to) else {
                continue;
            };
            let Some(b) = census.position(census.redirect(&to)) else {
                continue;
            };
            if b == a || !census.initiatives[b].is_live() {
                continue;
            }
            links += 1;
            linked[a] = true;
            linked[b] = true;
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    let mut isolated = Vec::new();
    for (k, i) in census.initiatives.iter().enumerate() {
        if !i.is_live() {
            continue;
        }
        if linked[k] {
            let r = root(&mut parent, k);
            by_root.entry(r).or_default().push(k);
        } else {
            isolated.push(k);
        }
    }
    let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
    groups.sort_by_key(|g| (std::cmp::Reverse(g.len()), g[0]));
    Archipelago {
        groups,
        isolated,
        links,
    }
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

        // Two linked, one alone: one group of two, one isolated.
        let alone = add(
            &mut c,
            &[
                "nom=Fablab".into(),
                "type=fablab".into(),
                "commune=Brest".into(),
            ],
        );
        let arch = archipelago(&c, &s);
        let ids = |ks: &[usize]| -> Vec<InitiativeId> {
            ks.iter().map(|&k| c.initiatives[k].id.clone()).collect()
        };
        assert_eq!(arch.groups.len(), 1);
        let mut group = ids(&arch.groups[0]);
        group.sort();
        let mut expected = vec![wiki.clone(), host.clone()];
        expected.sort();
        assert_eq!(group, expected);
        assert_eq!(ids(&arch.isolated), vec![alone.clone()]);
        assert_eq!(arch.links, 1);

        // Deleting the wiki leaves the host alone too.
        c.delete_initiative(&wiki, &a, Timestamp(1)).unwrap();
        let arch = archipelago(&c, &s);
        assert!(arch.groups.is_empty());
        assert_eq!(arch.isolated.len(), 2);
        assert_eq!(arch.links, 0);
    }
}
