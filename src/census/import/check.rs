//! Checking the values of a record as `recense add` checks them.

use super::plan::{Checked, Planner};
use super::record::{Incoming, RowProblem};
use crate::census::model::{LookupError, Text};
use crate::census::ops::{OpError, check_value, field_def, parse_assignments};
use crate::census::schema::FieldType;
use crate::census::{InitiativeId, value};

impl<'a> Planner<'a> {
    /// A choice by id or label, remembered: a file repeats the same few.
    fn choice(&mut self, list: &str, raw: &str) -> Option<Text> {
        if let Some(found) = self.choices.get(list).and_then(|m| m.get(raw)) {
            return found.clone();
        }
        let found = value::choice(self.schema, list, raw).map(Text::from);
        self.choices
            .entry(list.to_string())
            .or_default()
            .insert(raw.to_string(), found.clone());
        found
    }

    /// The initiative a relation names: by its whole id, else as
    /// `recense edit` finds it (a prefix…).
    fn resolve(&mut self, target: &str) -> Result<&'a InitiativeId, LookupError> {
        let census = self.census;
        match self.position(target) {
            Some(pos) => Ok(&census.initiatives[pos].id),
            None => census.resolve(target),
        }
    }

    /// Every value of the record checked as `recense add` checks it, into
    /// `out`. The values are taken from the record, not copied: a text
    /// already in its canonical form is kept as it came.
    pub(super) fn check_values(
        &mut self,
        inc: &mut Incoming,
        own: Option<&InitiativeId>,
        out: &mut Vec<Checked<'a>>,
        problems: &mut Vec<RowProblem>,
    ) {
        let (schema, census) = (self.schema, self.census);
        for (n, a) in inc.values.drain(..).enumerate() {
            let known = self.last_fields.get(n).filter(|f| f.id == a.field);
            let def = match known.map_or_else(|| field_def(schema, &a.field), |f| Ok(*f)) {
                Ok(def) => {
                    self.last_fields.truncate(n);
                    self.last_fields.push(def);
                    def
                }
                Err(e) => {
                    problems.push(RowProblem::Op(e));
                    continue;
                }
            };
            let mut push = |value: Text| {
                out.push(Checked {
                    def,
                    value,
                    column: a.column,
                    default: false,
                })
            };
            match &def.field_type {
                FieldType::Choice(list) | FieldType::Choices(list) => {
                    match self.choice(list, a.value.trim()) {
                        Some(id) => push(id),
                        None if def.field_type.is_multi() && a.value.contains(',') => {
                            match parse_assignments(
                                schema,
                                census,
                                &[format!("{}={}", a.field, a.value)],
                                None,
                            ) {
                                Ok(fvs) => (fvs.into_iter())
                                    .flat_map(|fv| fv.values)
                                    .for_each(|v| push(Text::from(v))),
                                Err(e) => problems.push(RowProblem::Op(e)),
                            }
                        }
                        None => match check_value(schema, census, def, &a.value, None) {
                            Ok(v) => push(Text::from(v)),
                            Err(e) => problems.push(RowProblem::Op(e)),
                        },
                    }
                }
                FieldType::Relations(_) => {
                    let invalid = |error| OpError::Invalid {
                        field: a.field.to_string(),
                        value: a.value.to_string(),
                        error,
                    };
                    let v = match value::normalize(schema, def, &a.value) {
                        Ok(v) => v,
                        Err(e) => {
                            problems.push(RowProblem::Op(invalid(e)));
                            continue;
                        }
                    };
                    let (kind, target) = value::split_relation(&v).unwrap_or(("", &v));
                    let resolved = match self.resolve(target) {
                        Ok(id) => Ok(id.clone()),
                        Err(LookupError::NotFound(t)) => match InitiativeId::parse(&t) {
                            Ok(id) => {
                                self.pending.push((
                                    self.rows.len(),
                                    a.field.to_string(),
                                    id.clone(),
                                ));
                                Ok(id)
                            }
                            Err(_) => Err(LookupError::NotFound(t)),
                        },
                        Err(e) => Err(e),
                    };
                    match resolved {
                        Ok(id) if Some(&id) == own => {
                            problems.push(RowProblem::Op(OpError::RelationToItself {
                                field: a.field.to_string(),
                            }))
                        }
                        Ok(id) => push(Text::from(format!("{kind}:{id}"))),
                        Err(error) => problems.push(RowProblem::Op(OpError::RelationTarget {
                            field: a.field.to_string(),
                            error,
                        })),
                    }
                }
                // What `check_value` does for any other type, without a
                // copy of a value that is already canonical.
                _ => match value::normalize_owned(schema, def, a.value) {
                    Ok(v) => push(v),
                    Err((error, raw)) => problems.push(RowProblem::Op(OpError::Invalid {
                        field: def.id.clone(),
                        value: raw.into_string(),
                        error,
                    })),
                },
            }
        }
        for (n, c) in out.iter().enumerate() {
            // Only a single-valued field with several different values can
            // be refused: the type is looked at first, the other values then.
            let same_field = |d: &Checked| std::ptr::eq(d.def, c.def);
            let differ = || out.iter().any(|d| same_field(d) && d.value != c.value);
            let first = || out.iter().position(same_field) == Some(n);
            if !c.def.field_type.is_multi() && differ() && first() {
                problems.push(RowProblem::Op(OpError::NotMulti {
                    field: c.def.id.clone(),
                }));
            }
        }
    }
}
