//! Changing a census: every change is checked against the schema *before*
//! anything is touched, then written with one new dot per action.

use smallvec::SmallVec;

use crate::census::id::{AgentId, InitiativeId};
use crate::census::model::{
    Census, CounterExhausted, Dot, Entries, Entry, Fields, Initiative, LookupError, Text, Value,
    compare_ids, system,
};
use crate::census::schema::{Field, FieldType, Schema};
use crate::census::time::Timestamp;
use crate::census::value::{self, ValueError};

/// The person making a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agent {
    pub id: AgentId,
    pub name: String,
}

/// Why a change was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpError {
    /// `--set` without `=`.
    BadAssignment(String),
    UnknownField {
        field: String,
        known: Vec<String>,
    },
    /// Fields starting with `_` are the program's own.
    SystemField(String),
    Invalid {
        field: String,
        value: String,
        error: ValueError,
    },
    /// Several values given to a single-valued field.
    NotMulti {
        field: String,
    },
    MissingRequired {
        fields: Vec<String>,
    },
    NotForKind {
        field: String,
        kind: String,
        kinds: Vec<String>,
    },
    Lookup(LookupError),
    RelationTarget {
        field: String,
        error: LookupError,
    },
    RelationToItself {
        field: String,
    },
    /// A new relation to an initiative that is deleted, or fused into
    /// another (`into`: link to that one instead).
    RelationToGone {
        field: String,
        target: InitiativeId,
        into: Option<String>,
    },
    Deleted(InitiativeId),
    NotDeleted(InitiativeId),
    /// The same initiative named twice where two are needed.
    SameInitiative,
    /// Already fused into another survivor.
    AlreadyFused {
        id: InitiativeId,
        into: String,
    },
    /// No conflict on this field of this initiative.
    NoConflict {
        id: InitiativeId,
        field: String,
    },
    /// `--pick N` beyond the values listed.
    BadPick {
        max: usize,
    },
    /// An agent's counter in the initiative cannot be incremented.
    CounterExhausted(CounterExhausted),
}

impl From<CounterExhausted> for OpError {
    fn from(e: CounterExhausted) -> OpError {
        OpError::CounterExhausted(e)
    }
}

/// One field's new content, already checked and normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldValues {
    pub field: String,
    pub values: Vec<String>,
}

/// What one edit does to an initiative. Every value is already checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// New contents (for multi-valued fields: the whole new set).
    pub set: Vec<FieldValues>,
    /// Elements added to multi-valued fields.
    pub add: Vec<FieldValues>,
    /// Elements removed from multi-valued fields.
    pub remove: Vec<FieldValues>,
    /// Fields emptied.
    pub unset: Vec<String>,
}

impl Changes {
    pub fn set(values: Vec<FieldValues>) -> Changes {
        Changes {
            set: values,
            ..Changes::default()
        }
    }
}

/// Splits the elements of a multi-valued field typed as `a,b`. For choices,
/// a label that itself holds a comma ("Savoirs, formations") stays whole:
/// the longest run of pieces that names a choice is taken.
fn split_elements(schema: &Schema, def: &Field, raw: &str) -> Vec<String> {
    let parts: Vec<&str> = raw.split(',').collect();
    let FieldType::Choices(list) = &def.field_type else {
        return parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect();
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let end = (i + 1..=parts.len())
            .rev()
            .find(|&j| value::choice(schema, list, parts[i..j].join(",").trim()).is_some())
            .unwrap_or(i + 1);
        let piece = parts[i..end].join(",");
        if !piece.trim().is_empty() {
            out.push(piece.trim().to_string());
        }
        i = end;
    }
    out
}

/// Splits `FIELD=VALUE` texts, groups them by field (repeated `--set` of a
/// multi-valued field add up; `a,b` gives two elements), then checks and
/// normalises every value. `editing` is the initiative being edited, if any
/// (a relation may not point to itself).
pub fn parse_assignments(
    schema: &Schema,
    census: &Census,
    assignments: &[String],
    editing: Option<&InitiativeId>,
) -> Result<Vec<FieldValues>, OpError> {
    let mut grouped: Vec<(String, Vec<String>)> = Vec::new();
    for a in assignments {
        let (field, raw) = a
            .split_once('=')
            .ok_or_else(|| OpError::BadAssignment(a.clone()))?;
        let field = field.trim();
        let def = field_def(schema, field)?;
        let parts: Vec<String> = if def.field_type.is_multi() {
            split_elements(schema, def, raw)
        } else {
            vec![raw.to_string()]
        };
        match grouped.iter_mut().find(|(f, _)| f == field) {
            Some((_, values)) if def.field_type.is_multi() => values.extend(parts),
            Some(_) => {
                return Err(OpError::NotMulti {
                    field: field.to_string(),
                });
            }
            None => grouped.push((field.to_string(), parts)),
        }
    }
    grouped
        .into_iter()
        .map(|(field, raws)| {
            let def = field_def(schema, &field)?;
            let mut values: Vec<String> = Vec::new();
            for raw in &raws {
                let v = check_value(schema, census, def, raw, editing)?;
                if !values.contains(&v) {
                    values.push(v);
                }
            }
            if values.is_empty() {
                return Err(OpError::Invalid {
                    field,
                    value: String::new(),
                    error: ValueError::Empty,
                });
            }
            Ok(FieldValues { field, values })
        })
        .collect()
}

/// The schema's definition of a field a person names.
pub fn field_def<'a>(schema: &'a Schema, field: &str) -> Result<&'a Field, OpError> {
    if field.starts_with(system::PREFIX) {
        return Err(OpError::SystemField(field.to_string()));
    }
    schema.field(field).ok_or_else(|| OpError::UnknownField {
        field: field.to_string(),
        known: schema.fields.iter().map(|f| f.id.clone()).collect(),
    })
}

/// Checks one value of a field, with the census for relation targets.
pub fn check_value(
    schema: &Schema,
    census: &Census,
    def: &Field,
    raw: &str,
    editing: Option<&InitiativeId>,
) -> Result<String, OpError> {
    let invalid = |error| OpError::Invalid {
        field: def.id.clone(),
        value: raw.to_string(),
        error,
    };
    let v = value::normalize(schema, def, raw).map_err(invalid)?;
    if let FieldType::Relations(_) = def.field_type {
        let (kind, target) = value::split_relation(&v).unwrap_or(("", &v));
        let target = census
            .resolve(target)
            .map_err(|error| OpError::RelationTarget {
                field: def.id.clone(),
                error,
            })?;
        if Some(target) == editing {
            return Err(OpError::RelationToItself {
                field: def.id.clone(),
            });
        }
        return Ok(format!("{kind}:{target}"));
    }
    Ok(v)
}

fn kind_of<'a>(schema: &Schema, initiative: &'a Initiative) -> Option<&'a str> {
    initiative.value(&schema.kind_field)
}

/// Fields that are set but do not apply to the initiative's kind, and required
/// fields (for that kind) that are empty.
fn check_shape(schema: &Schema, i: &Initiative, touched: &[&str]) -> Result<(), OpError> {
    let kind = kind_of(schema, i);
    let set = (touched.iter())
        .filter_map(|field| schema.field(field))
        .filter(|def| i.fields.contains_key(&def.id));
    check_kinds(kind, set)?;
    check_required(schema, i, kind)
}

/// The first of these fields (all set) that does not apply to `kind`.
fn check_kinds<'s>(
    kind: Option<&str>,
    set: impl IntoIterator<Item = &'s Field>,
) -> Result<(), OpError> {
    match set.into_iter().find(|def| !def.applies_to(kind)) {
        Some(def) => Err(OpError::NotForKind {
            field: def.id.clone(),
            kind: kind.unwrap_or_default().to_string(),
            kinds: def.kinds.clone(),
        }),
        None => Ok(()),
    }
}

/// The required fields (for `kind`) that the initiative leaves empty.
fn check_required(schema: &Schema, i: &Initiative, kind: Option<&str>) -> Result<(), OpError> {
    let missing: Vec<String> = schema
        .fields
        .iter()
        .filter(|f| f.required && f.applies_to(kind) && !i.fields.contains_key(&f.id))
        .map(|f| f.id.clone())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(OpError::MissingRequired { fields: missing })
    }
}

/// Applies field contents to an initiative with one dot shared by every
/// element added in this action. Values equal to what is there are left
/// alone. Returns whether anything changed.
fn apply(
    schema: &Schema,
    i: &mut Initiative,
    agent: AgentId,
    changes: &Changes,
    now: Timestamp,
) -> Result<bool, CounterExhausted> {
    let mut dot = None;
    let mut changed = false;
    for fv in &changes.set {
        let multi = schema
            .field(&fv.field)
            .is_some_and(|f| f.field_type.is_multi());
        if multi {
            let current: Vec<String> = i.values(&fv.field).into_iter().map(String::from).collect();
            for old in current.iter().filter(|v| !fv.values.contains(v)) {
                i.remove_element(&fv.field, &Value::text(old.as_str()));
                changed = true;
            }
            for new in fv.values.iter().filter(|v| !current.contains(v)) {
                let d = next_once(&mut dot, i, agent)?;
                i.add_element(&fv.field, Value::text(new.as_str()), d, now);
                changed = true;
            }
        } else {
            let value = &fv.values[0];
            let same = i
                .entries(&fv.field)
                .iter()
                .all(|e| e.value.as_text() == Some(value))
                && !i.entries(&fv.field).is_empty()
                && !i.entries(&fv.field).iter().any(|e| e.stamp.is_hand_edit());
            if !same {
                let d = next_once(&mut dot, i, agent)?;
                i.write(&fv.field, Value::text(value.as_str()), d, now);
                changed = true;
            }
        }
    }
    for fv in &changes.add {
        for new in &fv.values {
            if !i.values(&fv.field).contains(&new.as_str()) {
                let d = next_once(&mut dot, i, agent)?;
                i.add_element(&fv.field, Value::text(new.as_str()), d, now);
                changed = true;
            }
        }
    }
    for fv in &changes.remove {
        for old in &fv.values {
            if i.values(&fv.field).contains(&old.as_str()) {
                i.remove_element(&fv.field, &Value::text(old.as_str()));
                changed = true;
            }
        }
    }
    for field in &changes.unset {
        if i.fields.contains_key(field) {
            i.clear(field);
            changed = true;
        }
    }
    if changed && dot.is_none() {
        // Only removals: say who and when all the same.
        i.touch(agent, now)?;
    }
    Ok(changed)
}

/// The dot shared by every write of one action on `i`: made at the first.
pub fn next_once(
    dot: &mut Option<Dot>,
    i: &mut Initiative,
    agent: AgentId,
) -> Result<Dot, CounterExhausted> {
    match dot {
        Some(d) => Ok(*d),
        None => Ok(*dot.insert(i.next_dot(agent)?)),
    }
}

/// What [`apply`] makes of an initiative without any field from values of
/// distinct fields (field id, whether it is multi-valued, its values), built
/// in one go rather than field after field: one dot for the action,
/// single-valued fields take their first value, multi-valued ones each value
/// once in canonical order. The values are moved into the initiative, not
/// copied.
fn fill<V: IntoIterator<Item = Text>>(
    i: &mut Initiative,
    agent: AgentId,
    set: impl ExactSizeIterator<Item = (Text, bool, V)>,
    now: Timestamp,
) -> Result<(), CounterExhausted> {
    let mut dot = None;
    let mut pairs: Vec<(Text, Entries)> = Vec::with_capacity(set.len());
    for (field, multi, values) in set {
        let mut entries = Entries::new();
        for v in values {
            let d = next_once(&mut dot, i, agent)?;
            let value = Value::Text(v);
            if !entries.iter().any(|e| e.value == value) {
                entries.push(Entry::new(value, d, now));
            }
            if !multi {
                break;
            }
        }
        if !entries.is_empty() {
            entries.sort_by(Entry::canonical_cmp);
            pairs.push((field, entries));
        }
    }
    i.fields = Fields::from_pairs(pairs);
    Ok(())
}

/// New relations must point to a live initiative: a deleted one is refused
/// (restore it first), a fused one names the record it was fused into.
/// Relations already there are left alone (so that one pointing to a record
/// deleted since can still be removed or kept).
fn check_relation_targets<'v>(
    schema: &Schema,
    census: &Census,
    current: Option<&Initiative>,
    given: impl IntoIterator<Item = &'v FieldValues>,
) -> Result<(), OpError> {
    for fv in given {
        let is_relation = schema
            .field(&fv.field)
            .is_some_and(|f| matches!(f.field_type, FieldType::Relations(_)));
        if !is_relation {
            continue;
        }
        for v in &fv.values {
            if current.is_some_and(|i| i.values(&fv.field).contains(&v.as_str())) {
                continue;
            }
            let target = value::split_relation(v)
                .and_then(|(_, t)| InitiativeId::parse(t).ok())
                .and_then(|t| census.get(&t));
            let Some(target) = target.filter(|t| !t.is_live()) else {
                continue;
            };
            // A fused record: the one that now stands for it.
            let into = (!target.is_deleted() && target.merged_into().is_some())
                .then(|| census.redirect(&target.id).to_string());
            return Err(OpError::RelationToGone {
                field: fv.field.clone(),
                target: target.id.clone(),
                into,
            });
        }
    }
    Ok(())
}

/// Adding or removing elements only makes sense for multi-valued fields.
fn check_multi(schema: &Schema, changes: &Changes) -> Result<(), OpError> {
    for fv in changes.add.iter().chain(&changes.remove) {
        if !schema
            .field(&fv.field)
            .is_some_and(|f| f.field_type.is_multi())
        {
            return Err(OpError::NotMulti {
                field: fv.field.clone(),
            });
        }
    }
    Ok(())
}

/// The initiative that [`Census::add_initiative_owned`] adds, with this id,
/// in no census yet (an import builds many before adding them in one go).
pub fn new_initiative(
    schema: &Schema,
    agent: &Agent,
    id: InitiativeId,
    values: Vec<FieldValues>,
    now: Timestamp,
) -> Result<Initiative, OpError> {
    let mut i = Initiative::new(id);
    let touched: Vec<Text> = values.iter().map(|v| Text::new(&v.field)).collect();
    let distinct = (touched.iter().enumerate()).all(|(n, f)| !touched[..n].contains(f));
    if distinct {
        let multi = |f: &str| schema.field(f).is_some_and(|f| f.field_type.is_multi());
        let set = values.into_iter().map(|fv| {
            let multi = multi(&fv.field);
            (
                Text::from(fv.field),
                multi,
                fv.values.into_iter().map(Text::from),
            )
        });
        fill(&mut i, agent.id, set, now)?;
    } else {
        apply(schema, &mut i, agent.id, &Changes::set(values), now)?;
    }
    let touched: Vec<&str> = touched.iter().map(Text::as_str).collect();
    check_shape(schema, &i, &touched)?;
    Ok(i)
}

/// One field's checked values as [`new_initiative_of`] takes them: held as
/// [`Text`]s (short ones inline), moved into the initiative.
pub type FieldTexts<'s> = (&'s Field, SmallVec<[Text; 1]>);

/// [`new_initiative`] from the values of distinct fields, already held as
/// [`Text`]s: an import builds a great many, without copying their values
/// into `String`s and back.
pub fn new_initiative_of(
    schema: &Schema,
    agent: &Agent,
    id: InitiativeId,
    mut fields: Vec<FieldTexts>,
    now: Timestamp,
) -> Result<Initiative, OpError> {
    let mut i = Initiative::new(id);
    let given = fields.iter().filter(|(_, values)| !values.is_empty());
    let defs: SmallVec<[&Field; 32]> = given.map(|e| e.0).collect();
    // Sorted by id here, where the items are small: `Fields::from_pairs`
    // then finds the fields made in order and moves nothing.
    fields.sort_by(|a, b| compare_ids(a.0.id.as_bytes(), b.0.id.as_bytes()));
    let set = (fields.into_iter()).map(|(f, v)| (Text::new(&f.id), f.field_type.is_multi(), v));
    fill(&mut i, agent.id, set, now)?;
    let kind = kind_of(schema, &i);
    check_kinds(kind, defs)?;
    check_required(schema, &i, kind)?;
    Ok(i)
}

impl Census {
    fn note_agent(&mut self, agent: &Agent) {
        if self.agents.get(&agent.id) != Some(&agent.name) {
            self.agents.insert(agent.id, agent.name.clone());
        }
    }

    /// Creates an initiative from checked values; returns its new id.
    pub fn add_initiative(
        &mut self,
        schema: &Schema,
        agent: &Agent,
        values: &[FieldValues],
        now: Timestamp,
    ) -> Result<InitiativeId, OpError> {
        self.add_initiative_owned(schema, agent, values.to_vec(), now)
    }

    /// [`Census::add_initiative`] taking its values: no copy of them (an
    /// import adds many).
    pub fn add_initiative_owned(
        &mut self,
        schema: &Schema,
        agent: &Agent,
        values: Vec<FieldValues>,
        now: Timestamp,
    ) -> Result<InitiativeId, OpError> {
        let mut id = InitiativeId::generate(now.unix_millis());
        while self.get(&id).is_some() {
            id = InitiativeId::generate(now.unix_millis());
        }
        check_relation_targets(schema, self, None, &values)?;
        let i = new_initiative(schema, agent, id.clone(), values, now)?;
        self.note_agent(agent);
        self.insert(i);
        Ok(id)
    }

    /// Changes fields of an initiative. Returns whether anything changed
    /// (setting a field to the value it has already is no change).
    pub fn edit_initiative(
        &mut self,
        schema: &Schema,
        id: &InitiativeId,
        agent: &Agent,
        changes: &Changes,
        now: Timestamp,
    ) -> Result<bool, OpError> {
        for field in &changes.unset {
            field_def(schema, field)?;
        }
        check_multi(schema, changes)?;
        let current = self
            .get(id)
            .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))?;
        if current.is_deleted() {
            return Err(OpError::Deleted(id.clone()));
        }
        check_relation_targets(
            schema,
            self,
            Some(current),
            changes.set.iter().chain(&changes.add),
        )?;
        // Work on a copy: the census is touched only if every check passes.
        let mut i = current.clone();
        let changed = apply(schema, &mut i, agent.id, changes, now)?;
        let mut touched: Vec<&str> = changes
            .set
            .iter()
            .chain(&changes.add)
            .map(|v| v.field.as_str())
            .collect();
        if changes.set.iter().any(|v| v.field == schema.kind_field) {
            // A new kind may make other fields inapplicable.
            touched.extend(i.fields.keys());
        }
        check_shape(schema, &i, &touched)?;
        if changed {
            self.note_agent(agent);
            self.insert(i);
        }
        Ok(changed)
    }

    /// Deletes an initiative, keeping a tombstone: who, when, and what the
    /// deletion had seen (so a colleague's later edit is noticed at merge).
    pub fn delete_initiative(
        &mut self,
        id: &InitiativeId,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<(), OpError> {
        let i = self
            .get_mut(id)
            .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))?;
        if i.is_deleted() {
            return Err(OpError::Deleted(id.clone()));
        }
        let context = i
            .seen
            .0
            .iter()
            .map(|(a, c)| (a.to_string(), c.to_string()))
            .collect();
        let dot = i.next_dot(agent.id)?;
        i.write(system::DELETED, Value::record(context), dot, now);
        self.note_agent(agent);
        Ok(())
    }

    /// Brings a deleted initiative back, as it was.
    pub fn restore_initiative(
        &mut self,
        id: &InitiativeId,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<(), OpError> {
        let i = self
            .get_mut(id)
            .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))?;
        if !i.is_deleted() {
            return Err(OpError::NotDeleted(id.clone()));
        }
        i.clear(system::DELETED);
        i.touch(agent.id, now)?;
        self.note_agent(agent);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (Schema, Census, Agent) {
        let schema = Schema::default_schema();
        let census = Census::new("Brest", &schema.id, schema.version);
        let agent = Agent {
            id: AgentId::parse("aaaaa").unwrap(),
            name: "Marie".into(),
        };
        (schema, census, agent)
    }

    fn set(s: &Schema, c: &Census, a: &[&str]) -> Result<Vec<FieldValues>, OpError> {
        parse_assignments(
            s,
            c,
            &a.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            None,
        )
    }

    #[test]
    fn add_checks_required_fields_and_values() {
        let (s, mut c, a) = setup();
        let err = set(&s, &c, &["nom=Infini", "siret=123"]).unwrap_err();
        assert!(matches!(err, OpError::Invalid { ref field, .. } if field == "siret"));
        let v = set(&s, &c, &["nom=Infini"]).unwrap();
        match c.add_initiative(&s, &a, &v, Timestamp(0)) {
            Err(OpError::MissingRequired { fields }) => {
                assert!(fields.contains(&"type".to_string()))
            }
            other => panic!("{other:?}"),
        }
        assert!(c.initiatives.is_empty());
        let v = set(
            &s,
            &c,
            &[
                "nom=Infini",
                "type=chatons",
                "commune=Brest",
                "roles=contributeur,academique",
                "roles=fonction_publique",
            ],
        )
        .unwrap();
        let id = c.add_initiative(&s, &a, &v, Timestamp(0)).unwrap();
        let i = c.get(&id).unwrap();
        assert_eq!(i.values("roles").len(), 3);
        assert_eq!(i.seen.get(&a.id), 1, "one action, one dot");
        assert_eq!(c.agents.get(&a.id).map(String::as_str), Some("Marie"));
    }

    #[test]
    fn unknown_and_system_fields_are_refused() {
        let (s, c, _) = setup();
        assert!(matches!(
            set(&s, &c, &["couleur=bleu"]),
            Err(OpError::UnknownField { .. })
        ));
        assert!(matches!(
            set(&s, &c, &["_deleted=x"]),
            Err(OpError::SystemField(_))
        ));
        assert!(matches!(
            set(&s, &c, &["nom"]),
            Err(OpError::BadAssignment(_))
        ));
        assert!(matches!(
            set(&s, &c, &["nom=a", "nom=b"]),
            Err(OpError::NotMulti { .. })
        ));
    }

    #[test]
    fn edit_is_a_no_op_when_nothing_changes_and_refuses_removing_required() {
        let (s, mut c, a) = setup();
        let v = set(&s, &c, &["nom=Infini", "type=association", "commune=Brest"]).unwrap();
        let id = c.add_initiative(&s, &a, &v, Timestamp(0)).unwrap();
        let same = set(&s, &c, &["nom=Infini"]).unwrap();
        assert!(
            !c.edit_initiative(&s, &id, &a, &Changes::set(same), Timestamp(1))
                .unwrap()
        );
        assert_eq!(c.get(&id).unwrap().seen.get(&a.id), 1);
        let before = c.clone();
        let err = c
            .edit_initiative(
                &s,
                &id,
                &a,
                &Changes {
                    unset: vec!["nom".into()],
                    ..Changes::default()
                },
                Timestamp(1),
            )
            .unwrap_err();
        assert!(matches!(err, OpError::MissingRequired { .. }));
        assert_eq!(c, before, "a refused edit changes nothing");
    }

    #[test]
    fn delete_keeps_a_tombstone_and_restores() {
        let (s, mut c, a) = setup();
        let v = set(&s, &c, &["nom=Infini", "type=association", "commune=Brest"]).unwrap();
        let id = c.add_initiative(&s, &a, &v, Timestamp(0)).unwrap();
        c.delete_initiative(&id, &a, Timestamp(5)).unwrap();
        let i = c.get(&id).unwrap();
        assert!(i.is_deleted());
        assert_eq!(i.value("nom"), Some("Infini"));
        assert_eq!(c.live().count(), 0);
        assert!(matches!(
            c.delete_initiative(&id, &a, Timestamp(6)),
            Err(OpError::Deleted(_))
        ));
        c.restore_initiative(&id, &a, Timestamp(7)).unwrap();
        assert_eq!(c.live().count(), 1);
    }

    #[test]
    fn relations_resolve_prefixes_and_refuse_self() {
        let (s, mut c, a) = setup();
        let v = set(&s, &c, &["nom=A", "type=association", "commune=Brest"]).unwrap();
        let first = c.add_initiative(&s, &a, &v, Timestamp(0)).unwrap();
        let prefix = &first.as_str()[..first.as_str().len() - 2];
        let rel = format!("relations=heberge:{}", prefix.to_lowercase());
        let fv = parse_assignments(&s, &c, std::slice::from_ref(&rel), None).unwrap();
        assert_eq!(fv[0].values[0], format!("heberge:{first}"));
        assert!(matches!(
            parse_assignments(&s, &c, &[rel], Some(&first)),
            Err(OpError::RelationToItself { .. })
        ));
        assert!(matches!(
            set(&s, &c, &["relations=heberge:ZZZZ"]),
            Err(OpError::RelationTarget { .. })
        ));
    }

    #[test]
    fn kind_restricted_fields() {
        let (s, mut c, a) = setup();
        let v = set(
            &s,
            &c,
            &[
                "nom=Médiathèque",
                "type=mediatheque",
                "commune=Brest",
                "chatons_services=Nextcloud",
            ],
        )
        .unwrap();
        match c.add_initiative(&s, &a, &v, Timestamp(0)) {
            Err(OpError::NotForKind { field, .. }) => assert_eq!(field, "chatons_services"),
            other => panic!("{other:?}"),
        }
    }
}

impl Census {
    /// Gives each value changed by hand in the person's own census a write of
    /// its own, by the hand-edit agent of `agent` (`k3x9q~`, shown as a hand
    /// edit), so that merging keeps it instead of taking it for the value it
    /// replaced (see [`Census::adopt_hand_edits_of`]; `now` dates an
    /// initiative recording no date). Returns how many initiatives had hand
    /// edits.
    pub fn adopt_hand_edits(&mut self, agent: &Agent, now: Timestamp) -> usize {
        self.adopt_hand_edits_of(agent.id, &agent.name, now)
    }
}

#[cfg(test)]
mod hand_tests {
    use super::*;
    use crate::census::file::{parse, to_canonical};

    #[test]
    fn a_hand_edit_is_adopted_and_survives_a_merge_with_the_old_copy() {
        let schema = Schema::default_schema();
        let mut old = Census::new("T", &schema.id, schema.version);
        let marie = Agent {
            id: AgentId::parse("aaaaa").unwrap(),
            name: "Marie".into(),
        };
        let v = parse_assignments(
            &schema,
            &old,
            &[
                "nom=Infini".into(),
                "type=chatons".into(),
                "commune=Brest".into(),
            ],
            None,
        )
        .unwrap();
        old.add_initiative(&schema, &marie, &v, Timestamp(0))
            .unwrap();
        let text = to_canonical(&old).replace("\"Infini\"", "\"Infini Brest\"");
        let (mut edited, _) = parse(&text, "t").unwrap();
        assert_eq!(edited.adopt_hand_edits(&marie, Timestamp(9)), 1);
        assert!(edited.hand_edits().is_empty());
        let merged = crate::census::merge::join(&old, &edited).unwrap();
        assert_eq!(merged.initiatives[0].values("nom"), vec!["Infini Brest"]);
        let stamp = merged.initiatives[0].last_change("nom").unwrap();
        assert!(stamp.dot().unwrap().agent.is_hand());
        assert_eq!(merged, crate::census::merge::join(&edited, &old).unwrap());
    }
}
