//! Two records of one real initiative: fusing them, or saying they are not
//! duplicates; and settling the conflicts merging leaves.

use std::collections::BTreeMap;

use crate::census::carry::carry_work;
use crate::census::conflicts::{Conflict, conflicts, context_of};
use crate::census::id::InitiativeId;
use crate::census::model::{Census, Entry, Initiative, LookupError, Seen, Value, system};
use crate::census::ops::{Agent, OpError, next_once};
use crate::census::schema::Schema;
use crate::census::time::Timestamp;

/// What an initiative has seen, as a record value (deletions, fusions).
fn context(i: &Initiative) -> BTreeMap<String, String> {
    i.seen
        .0
        .iter()
        .map(|(a, c)| (a.to_string(), c.to_string()))
        .collect()
}

fn lookup<'a>(census: &'a Census, id: &InitiativeId) -> Result<&'a Initiative, OpError> {
    census
        .get(id)
        .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))
}

impl Census {
    /// Fuses `other` into `keep`: values of `other` that `keep` lacks are
    /// added (multi-valued fields unite; a different single value becomes a
    /// conflict to settle), and `other` keeps a redirect to `keep` recording
    /// what the fusion saw, so that a colleague's later edit of `other` is
    /// shown on `keep` instead of being lost. Fusing again takes in such
    /// later edits.
    pub fn fuse(
        &mut self,
        schema: &Schema,
        keep: &InitiativeId,
        other: &InitiativeId,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<usize, OpError> {
        if keep == other {
            return Err(OpError::SameInitiative);
        }
        let source = lookup(self, other)?.clone();
        let target = lookup(self, keep)?;
        if let Some(into) = target.merged_into() {
            return Err(OpError::AlreadyFused {
                id: keep.clone(),
                into: into.to_string(),
            });
        }
        if target.is_deleted() {
            return Err(OpError::Deleted(keep.clone()));
        }
        if source.is_deleted() {
            return Err(OpError::Deleted(other.clone()));
        }
        if let Some(into) = source.merged_into()
            && into != keep.as_str()
        {
            return Err(OpError::AlreadyFused {
                id: other.clone(),
                into: into.to_string(),
            });
        }
        let mut target = target.clone();
        let mut added = 0;
        let mut dot = None;
        // Fusing again takes in only what an earlier fusion did not see: a
        // value it copied and someone removed since must not come back.
        let earlier: Vec<Seen> = source
            .entries(system::MERGED_INTO)
            .iter()
            .map(|e| context_of(&e.value))
            .collect();
        let unseen = |e: &Entry| {
            e.stamp
                .dot()
                .is_none_or(|d| !earlier.iter().any(|c| c.covers(&d)))
        };
        for (field, entries) in source
            .fields
            .iter()
            .filter(|(f, _)| !f.starts_with(system::PREFIX))
        {
            // The kept record keeps its own name: the other one stays on
            // the absorbed record, and `edit` takes it if wanted.
            if field == schema.name_field && target.fields.contains_key(field) {
                continue;
            }
            let have: Vec<&str> = target.values(field);
            let new: Vec<Value> = entries
                .iter()
                .filter(|e| unseen(e) && e.value.as_text().is_some_and(|v| !have.contains(&v)))
                .map(|e| e.value.clone())
                .collect();
            for value in new {
                let d = next_once(&mut dot, &mut target, agent.id)?;
                let list = target.fields.get_or_insert(field);
                if !list.iter().any(|e| e.value == value) {
                    // Dates only order what is shown: keep the original one.
                    let at = entries
                        .iter()
                        .find(|e| e.value == value)
                        .and_then(|e| e.stamp.at())
                        .unwrap_or(now);
                    list.push(Entry::new(value, d, at));
                    added += 1;
                }
            }
            if let Some(list) = target.fields.get_mut(field) {
                list.sort_by(Entry::canonical_cmp);
            }
        }
        added += carry_work(&mut target, &source, &unseen, &mut dot, agent.id, now)?;
        // Who was said not to be a duplicate of `other` is not one of `keep`.
        for e in source.entries(system::NOT_DUPLICATE) {
            if e.value.as_text() != Some(keep.as_str())
                && !target
                    .entries(system::NOT_DUPLICATE)
                    .iter()
                    .any(|x| x.value == e.value)
            {
                let d = next_once(&mut dot, &mut target, agent.id)?;
                target.add_element(system::NOT_DUPLICATE, e.value.clone(), d, now);
            }
        }
        let mut absorbed = source;
        let mut record = context(&absorbed);
        record.insert("into".to_string(), keep.to_string());
        let d = absorbed.next_dot(agent.id)?;
        absorbed.write(system::MERGED_INTO, Value::record(record), d, now);
        self.insert(target);
        self.insert(absorbed);
        crate::census::cycles::mark(self);
        self.agents.insert(agent.id, agent.name.clone());
        Ok(added)
    }

    /// Records that `a` and `b` are different initiatives, on both, so the
    /// pair is not proposed again (here and in every copy merged with this one).
    pub fn mark_not_duplicate(
        &mut self,
        a: &InitiativeId,
        b: &InitiativeId,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<bool, OpError> {
        if a == b {
            return Err(OpError::SameInitiative);
        }
        lookup(self, a)?.check_next_dot(agent.id)?;
        lookup(self, b)?.check_next_dot(agent.id)?;
        let mut changed = false;
        for (x, y) in [(a, b), (b, a)] {
            let Some(i) = self.get_mut(x) else { continue };
            if i.values(system::NOT_DUPLICATE).contains(&y.as_str()) {
                continue;
            }
            let d = i.next_dot(agent.id)?;
            i.add_element(system::NOT_DUPLICATE, Value::text(y.as_str()), d, now);
            changed = true;
        }
        if changed {
            self.agents.insert(agent.id, agent.name.clone());
        }
        Ok(changed)
    }

    /// Settles a conflict by choosing value `pick` (1 = the first listed).
    /// For a deletion in conflict with edits, 1 deletes again (having seen
    /// the edits), 2 keeps the initiative. For a cycle of fusions
    /// (`_merged_into`), the record to keep, in the order listed. For a
    /// fusion against a « not a duplicate » (`_not_duplicate`), 1 keeps the
    /// fusion, 2 undoes it. Returns the initiatives changed.
    pub fn resolve_pick(
        &mut self,
        schema: &Schema,
        id: &InitiativeId,
        field: &str,
        pick: usize,
        agent: &Agent,
        now: Timestamp,
    ) -> Result<Vec<InitiativeId>, OpError> {
        let conflict = conflicts(self, schema).into_iter().find(|c| match c {
            Conflict::Field {
                id: i, field: f, ..
            } => i == id && f == field,
            Conflict::DeletedEdited { id: i, .. } => i == id && field == system::DELETED,
            Conflict::AfterFusion { .. } => false,
            Conflict::FusionCycle { records, .. } => {
                field == system::MERGED_INTO && records.iter().any(|(r, _)| r == id)
            }
            Conflict::FusedNotDuplicate {
                survivor, absorbed, ..
            } => field == system::NOT_DUPLICATE && (survivor == id || absorbed == id),
        });
        let Some(conflict) = conflict else {
            return Err(OpError::NoConflict {
                id: id.clone(),
                field: field.to_string(),
            });
        };
        let changed = match conflict {
            Conflict::FusionCycle { records, .. } => {
                let (kept, _) = records
                    .get(pick.wrapping_sub(1))
                    .ok_or(OpError::BadPick { max: records.len() })?;
                let i = self.live_record(kept)?;
                i.touch(agent.id, now)?;
                i.clear(system::MERGED_INTO);
                vec![kept.clone()]
            }
            Conflict::FusedNotDuplicate {
                survivor, absorbed, ..
            } => match pick {
                1 => {
                    // The fusion stands: the pair is no longer said different.
                    for x in [&survivor, &absorbed] {
                        lookup(self, x)?.check_next_dot(agent.id)?;
                    }
                    for (x, y) in [(&survivor, &absorbed), (&absorbed, &survivor)] {
                        let i = self.live_record(x)?;
                        if i.values(system::NOT_DUPLICATE).contains(&y.as_str()) {
                            i.touch(agent.id, now)?;
                            i.remove_element(system::NOT_DUPLICATE, &Value::text(y.as_str()));
                        }
                    }
                    vec![survivor, absorbed]
                }
                2 => {
                    // Two initiatives after all: the absorbed one comes back.
                    let i = self.live_record(&absorbed)?;
                    i.touch(agent.id, now)?;
                    i.clear(system::MERGED_INTO);
                    vec![absorbed]
                }
                _ => return Err(OpError::BadPick { max: 2 }),
            },
            Conflict::Field { entries, .. } => {
                let i = self.live_record(id)?;
                let chosen = entries
                    .get(pick.wrapping_sub(1))
                    .ok_or(OpError::BadPick { max: entries.len() })?;
                let d = i.next_dot(agent.id)?;
                i.write(field, chosen.value.clone(), d, now);
                vec![id.clone()]
            }
            Conflict::DeletedEdited { .. } => {
                let i = self.live_record(id)?;
                match pick {
                    1 => {
                        let record = context(i);
                        let d = i.next_dot(agent.id)?;
                        i.write(system::DELETED, Value::record(record), d, now);
                    }
                    2 => {
                        i.touch(agent.id, now)?;
                        i.clear(system::DELETED);
                    }
                    _ => return Err(OpError::BadPick { max: 2 }),
                }
                vec![id.clone()]
            }
            Conflict::AfterFusion { .. } => Vec::new(),
        };
        crate::census::cycles::mark(self);
        self.agents.insert(agent.id, agent.name.clone());
        Ok(changed)
    }

    /// An initiative of the census, to change.
    fn live_record(&mut self, id: &InitiativeId) -> Result<&mut Initiative, OpError> {
        self.get_mut(id)
            .ok_or_else(|| OpError::Lookup(LookupError::NotFound(id.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::census::AgentId;
    use crate::census::merge::join;
    use crate::census::ops::{Changes, parse_assignments};

    fn setup() -> (Schema, Census, Agent, Agent) {
        let s = Schema::default_schema();
        let c = Census::new("T", &s.id, s.version);
        let a = Agent {
            id: AgentId::parse("aaaaa").unwrap(),
            name: "A".into(),
        };
        let b = Agent {
            id: AgentId::parse("bbbbb").unwrap(),
            name: "B".into(),
        };
        (s, c, a, b)
    }

    fn add(s: &Schema, c: &mut Census, who: &Agent, sets: &[&str]) -> InitiativeId {
        let v = parse_assignments(
            s,
            c,
            &sets.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
            None,
        )
        .unwrap();
        c.add_initiative(s, who, &v, Timestamp(1)).unwrap()
    }

    #[test]
    fn fusing_unites_values_and_keeps_a_redirect_that_catches_later_edits() {
        let (s, mut c, a, b) = setup();
        let keep = add(
            &s,
            &mut c,
            &a,
            &[
                "nom=Infini",
                "type=chatons",
                "commune=Brest",
                "roles=contributeur",
            ],
        );
        let other = add(
            &s,
            &mut c,
            &b,
            &[
                "nom=Infini Brest",
                "type=chatons",
                "commune=Brest",
                "roles=academique",
                "site_web=infini.fr",
            ],
        );
        let colleague = c.clone();
        c.fuse(&s, &keep, &other, &a, Timestamp(2)).unwrap();
        let k = c.get(&keep).unwrap();
        assert_eq!(k.values("roles"), vec!["contributeur", "academique"]);
        assert_eq!(k.value("site_web"), Some("https://infini.fr"));
        assert_eq!(
            k.values("nom"),
            vec!["Infini"],
            "the kept record keeps its name"
        );
        assert_eq!(c.redirect(&other), &keep);
        assert_eq!(c.live().count(), 1);

        // Meanwhile a colleague, who had not seen the fusion, edits the old record.
        let mut late = colleague;
        let set = parse_assignments(
            &s,
            &late,
            &["telephone=02 98 00 00 00".into()],
            Some(&other),
        )
        .unwrap();
        late.edit_initiative(&s, &other, &b, &Changes::set(set), Timestamp(3))
            .unwrap();
        let merged = join(&c, &late).unwrap();
        let found = conflicts(&merged, &s);
        assert!(found.iter().any(|x| matches!(x, Conflict::AfterFusion { survivor, edits, .. } if survivor == &keep && edits.iter().any(|(f, _)| f == "telephone"))));
        // Fusing again takes the late edit in, and the conflict is gone.
        let mut merged = merged;
        merged.fuse(&s, &keep, &other, &a, Timestamp(4)).unwrap();
        assert_eq!(
            merged.get(&keep).unwrap().value("telephone"),
            Some("+33298000000")
        );
        assert!(
            !conflicts(&merged, &s)
                .iter()
                .any(|x| matches!(x, Conflict::AfterFusion { .. }))
        );
    }

    #[test]
    fn a_deletion_that_did_not_see_an_edit_is_a_conflict_until_settled() {
        let (s, mut c, a, b) = setup();
        let id = add(
            &s,
            &mut c,
            &a,
            &["nom=Infini", "type=chatons", "commune=Brest"],
        );
        let mut mine = c.clone();
        mine.delete_initiative(&id, &a, Timestamp(2)).unwrap();
        let set = parse_assignments(&s, &c, &["notes=Vu au forum".into()], Some(&id)).unwrap();
        c.edit_initiative(&s, &id, &b, &Changes::set(set), Timestamp(3))
            .unwrap();
        let mut merged = join(&mine, &c).unwrap();
        assert!(matches!(
            conflicts(&merged, &s).as_slice(),
            [Conflict::DeletedEdited { .. }]
        ));
        let mut restored = merged.clone();
        restored
            .resolve_pick(&s, &id, system::DELETED, 2, &a, Timestamp(4))
            .unwrap();
        assert!(restored.get(&id).unwrap().is_live());
        merged
            .resolve_pick(&s, &id, system::DELETED, 1, &a, Timestamp(4))
            .unwrap();
        assert!(merged.get(&id).unwrap().is_deleted());
        assert!(conflicts(&merged, &s).is_empty());
    }

    #[test]
    fn not_duplicate_is_recorded_on_both() {
        let (s, mut c, a, _) = setup();
        let x = add(
            &s,
            &mut c,
            &a,
            &["nom=A", "type=association", "commune=Brest"],
        );
        let y = add(
            &s,
            &mut c,
            &a,
            &["nom=A bis", "type=association", "commune=Brest"],
        );
        assert!(c.mark_not_duplicate(&x, &y, &a, Timestamp(2)).unwrap());
        assert!(
            !c.mark_not_duplicate(&y, &x, &a, Timestamp(3)).unwrap(),
            "already known"
        );
        assert_eq!(
            c.get(&x).unwrap().values(system::NOT_DUPLICATE),
            vec![y.as_str()]
        );
        assert_eq!(
            c.get(&y).unwrap().values(system::NOT_DUPLICATE),
            vec![x.as_str()]
        );
    }
}
