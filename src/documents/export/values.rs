//! A field's values as exports and views write them: stored ids for
//! scripts, labels for people.

use crate::census::id::InitiativeId;
use crate::census::model::{Census, Initiative};
use crate::census::schema::{Field, FieldType, Schema};
use crate::census::value::split_relation;
use crate::i18n::Lang;

use super::{Header, MULTI_SEPARATOR};

/// The values of a field for people: choice labels, relations as
/// « héberge Wiki-Brest (ID) », other values as stored. A single-valued
/// field gives its shown value (the newest in a conflict).
pub fn labels(
    schema: &Schema,
    census: &Census,
    i: &Initiative,
    field: &str,
    lang: Lang,
) -> Vec<String> {
    let def = schema.field(field);
    match def.map(|d| &d.field_type) {
        Some(FieldType::Choice(list) | FieldType::Choices(list)) => stored(i, field, def)
            .iter()
            .map(|v| schema.choice_label(list, v, lang).to_string())
            .collect(),
        Some(FieldType::Relations(list)) => i
            .values(field)
            .iter()
            .map(|v| relation_label(schema, census, list, v, lang))
            .collect(),
        Some(FieldType::Phone) => stored(i, field, def)
            .into_iter()
            .map(|v| crate::census::phone::for_people(v).into_owned())
            .collect(),
        _ => stored(i, field, def)
            .into_iter()
            .map(String::from)
            .collect(),
    }
}

/// The stored values of a field: the shown one for a single-valued field,
/// every distinct one otherwise (and for fields the schema does not know).
fn stored<'a>(i: &'a Initiative, field: &str, def: Option<&Field>) -> Vec<&'a str> {
    match def {
        Some(d) if !d.field_type.is_multi() => i.value(field).into_iter().collect(),
        _ => i.values(field),
    }
}

/// « héberge Wiki-Brest (ID) »: the relation's label, the target's name and
/// id (kept so that the relation can be read back).
fn relation_label(schema: &Schema, census: &Census, list: &str, value: &str, lang: Lang) -> String {
    let (kind, target) = split_relation(value).unwrap_or(("", value));
    let name = InitiativeId::parse(target)
        .ok()
        .and_then(|t| census.get(&t))
        .and_then(|t| t.value(&schema.name_field))
        .unwrap_or(target);
    format!(
        "{} {} ({})",
        schema.choice_label(list, kind, lang),
        name,
        target
    )
}

/// Fills `cell` with a field's values, joined with `|`: labels or stored
/// ids according to `header`. `cell` is cleared first (one buffer serves a
/// whole export).
pub fn write_cell(
    cell: &mut String,
    schema: &Schema,
    census: &Census,
    i: &Initiative,
    field: &Field,
    header: Header,
    lang: Lang,
) {
    cell.clear();
    let mut push = |v: &str| {
        if !cell.is_empty() {
            cell.push_str(MULTI_SEPARATOR);
        }
        cell.push_str(v);
    };
    match (header, &field.field_type) {
        (Header::Labels, FieldType::Choice(list) | FieldType::Choices(list)) => {
            for v in stored(i, &field.id, Some(field)) {
                push(schema.choice_label(list, v, lang));
            }
        }
        (Header::Labels, FieldType::Relations(list)) => {
            for v in i.values(&field.id) {
                push(&relation_label(schema, census, list, v, lang));
            }
        }
        // For people: the national form (scripts and standards: E.164).
        (Header::Labels, FieldType::Phone) => {
            for v in stored(i, &field.id, Some(field)) {
                push(&crate::census::phone::for_people(v));
            }
        }
        _ => {
            for v in stored(i, &field.id, Some(field)) {
                push(v);
            }
        }
    }
}
