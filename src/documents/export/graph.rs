//! The network of initiatives, shared by the GraphViz and Gephi exports:
//! nodes are the selected live initiatives, edges their relations between
//! them (a relation towards a fused duplicate goes to the initiative that
//! absorbed it), colours by kind.

use std::collections::HashSet;

use crate::census::id::InitiativeId;
use crate::census::model::{Census, Initiative};
use crate::census::network::outgoing;
use crate::census::schema::Schema;
use crate::i18n::Lang;

/// One relation between two exported initiatives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Edge<'a> {
    pub from: &'a InitiativeId,
    pub to: &'a InitiativeId,
    /// The relation kind id (`heberge`…).
    pub kind: &'a str,
    /// The choice list of relation kinds, for the label.
    pub list: &'a str,
}

/// The relations between the initiatives of `selection`, in the order of
/// their sources, then as stored; no self-loop, no edge twice.
pub(super) fn edges<'a>(
    census: &'a Census,
    schema: &'a Schema,
    selection: &[&'a Initiative],
) -> Vec<Edge<'a>> {
    let nodes: HashSet<&InitiativeId> = selection.iter().map(|i| &i.id).collect();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for i in selection {
        for link in outgoing(schema, i) {
            let Some(target) = InitiativeId::parse(link.to)
                .ok()
                .and_then(|t| census.get(&t))
                .map(|t| census.redirect(&t.id))
            else {
                continue;
            };
            if target == &i.id || !nodes.contains(target) {
                continue;
            }
            if seen.insert((&i.id, link.kind, target)) {
                out.push(Edge {
                    from: &i.id,
                    to: target,
                    kind: link.kind,
                    list: link.list,
                });
            }
        }
    }
    out
}

/// Light colours, readable under black text, one per kind in schema order
/// (ColorBrewer Set3, Pastel1 and Pastel2).
const PALETTE: [(u8, u8, u8); 20] = [
    (0x8d, 0xd3, 0xc7),
    (0xff, 0xff, 0xb3),
    (0xbe, 0xba, 0xda),
    (0xfb, 0x80, 0x72),
    (0x80, 0xb1, 0xd3),
    (0xfd, 0xb4, 0x62),
    (0xb3, 0xde, 0x69),
    (0xfc, 0xcd, 0xe5),
    (0xbc, 0x80, 0xbd),
    (0xcc, 0xeb, 0xc5),
    (0xff, 0xed, 0x6f),
    (0xfb, 0xb4, 0xae),
    (0xb3, 0xcd, 0xe3),
    (0xde, 0xcb, 0xe4),
    (0xfe, 0xd9, 0xa6),
    (0xff, 0xff, 0xcc),
    (0xe5, 0xd8, 0xbd),
    (0xfd, 0xda, 0xec),
    (0xb3, 0xe2, 0xcd),
    (0xfd, 0xcd, 0xac),
];

/// The colour of a kind the schema does not know, or of no kind.
const UNKNOWN: (u8, u8, u8) = (0xd9, 0xd9, 0xd9);

/// One kind present in the export: its id, label and colour.
pub(super) struct Kind<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub colour: (u8, u8, u8),
}

/// The colour of an initiative's kind.
pub(super) fn colour(schema: &Schema, kind: Option<&str>) -> (u8, u8, u8) {
    kind.and_then(|k| schema.kinds().iter().position(|c| c.id == k))
        .map_or(UNKNOWN, |n| PALETTE[n % PALETTE.len()])
}

/// The label of a kind, or its id when the schema does not know it.
pub(super) fn kind_label<'a>(schema: &'a Schema, kind: &'a str, lang: Lang) -> &'a str {
    schema
        .kinds()
        .iter()
        .find(|c| c.id == kind)
        .map_or(kind, |c| c.label.get(lang))
}

/// `#rrggbb`.
pub(super) fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The kinds of the selected initiatives, in schema order, then the kinds
/// the schema does not know (sorted): the legend.
pub(super) fn kinds<'a>(
    schema: &'a Schema,
    selection: &[&'a Initiative],
    lang: Lang,
) -> Vec<Kind<'a>> {
    let used: HashSet<&str> = selection
        .iter()
        .filter_map(|i| i.value(&schema.kind_field))
        .collect();
    let mut out: Vec<Kind> = schema
        .kinds()
        .iter()
        .filter(|c| used.contains(c.id.as_str()))
        .map(|c| Kind {
            id: &c.id,
            label: c.label.get(lang),
            colour: colour(schema, Some(&c.id)),
        })
        .collect();
    let mut unknown: Vec<&str> = used
        .into_iter()
        .filter(|k| !schema.kinds().iter().any(|c| c.id == *k))
        .collect();
    unknown.sort_unstable();
    out.extend(unknown.into_iter().map(|k| Kind {
        id: k,
        label: k,
        colour: UNKNOWN,
    }));
    out
}
