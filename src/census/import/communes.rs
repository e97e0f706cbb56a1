//! Imports settle communes on the way in, as `recense add` does: the
//! official spelling, the code INSEE and postal code filled when the file
//! does not give them; what was changed or left is kept in the plan.

use super::plan::Planner;
use super::record::{Assign, Incoming};
use crate::census::communes::{self, CODE_INSEE, CODE_POSTAL, COMMUNE, Known, Outcome, Settled};
use crate::census::model::Text;

/// What became of one record's commune, when anything did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommuneNote {
    pub line: usize,
    /// The record's name.
    pub name: String,
    pub settled: Settled,
}

impl CommuneNote {
    /// Whether the commune was left as the file gave it (homonyms, or a
    /// place outside the referential).
    pub fn left(&self) -> bool {
        matches!(
            self.settled.outcome,
            Outcome::Ambiguous(_) | Outcome::Unknown
        )
    }
}

impl Planner<'_> {
    /// Settles the record's commune in place: its value replaced by the
    /// official name, codes added when the record has none. A file repeats
    /// the same few communes: each is settled once.
    pub(super) fn settle_commune(&mut self, inc: &mut Incoming) {
        if self.schema.field(COMMUNE).is_none() {
            return;
        }
        let Some(typed) = inc.value(COMMUNE).filter(|t| !t.trim().is_empty()) else {
            return;
        };
        let insee = inc.value(CODE_INSEE).filter(|t| !t.trim().is_empty());
        let postal = inc.value(CODE_POSTAL).filter(|t| !t.trim().is_empty());
        let key = (
            typed.to_string(),
            insee.unwrap_or_default().to_string(),
            postal.unwrap_or_default().to_string(),
        );
        let settled = match self.communes.get(&key) {
            Some(s) => s.clone(),
            None => {
                let known = Known {
                    insee,
                    postal,
                    insee_given: insee.is_some(),
                    postal_given: postal.is_some(),
                };
                let s = communes::settle(typed, known);
                self.communes.insert(key, s.clone());
                s
            }
        };
        for w in &settled.writes {
            let Some(value) = w.values.first() else {
                continue;
            };
            if self.schema.field(&w.field).is_none() {
                continue;
            }
            match inc.values.iter_mut().find(|a| a.field == w.field.as_str()) {
                Some(a) => a.value = Text::new(value),
                None => inc.values.push(Assign {
                    field: Text::new(&w.field),
                    value: Text::new(value),
                    column: None,
                }),
            }
        }
        if !settled.writes.is_empty() || !matches!(settled.outcome, Outcome::Found { .. }) {
            let name = inc.value(&self.schema.name_field).unwrap_or("").to_string();
            self.commune_notes.push(CommuneNote {
                line: inc.line,
                name,
                settled,
            });
        }
    }
}
