//! The commune of an initiative settled against the official referential:
//! the one function `add`, `edit --set commune=…`, the interface, imports
//! and `fix-communes` share. A commune the referential knows is stored under
//! its official spelling, with its code INSEE and postal code filled when
//! they were not given; a former commune (déléguée, associée, arrondissement)
//! is stored as the current commune it belongs to; a name outside the
//! referential is kept as typed; homonyms are left for a person to choose.

pub mod fix;

use crate::census::model::Initiative;
use crate::census::ops::FieldValues;
use crate::census::schema::Schema;
use crate::census::territory::{Referential, Resolution, referential};

/// The fields this works on, by id (the default form's).
pub const COMMUNE: &str = "commune";
pub const CODE_INSEE: &str = "code_insee";
pub const CODE_POSTAL: &str = "code_postal";

/// A code known beside the commune, and whether it may be replaced when it
/// does not belong to the commune found (a code left over from the previous
/// commune of an edited initiative) or must be kept (given with the name).
#[derive(Debug, Clone, Copy, Default)]
pub struct Known<'a> {
    pub insee: Option<&'a str>,
    pub postal: Option<&'a str>,
    /// The code INSEE was given with the name: never replaced.
    pub insee_given: bool,
    /// The postal code was given with the name: never replaced.
    pub postal_given: bool,
}

/// What became of a typed commune.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// One official commune (index in the referential), reached through a
    /// former name or code when `former` is set.
    Found {
        commune: usize,
        former: Option<usize>,
        /// Its postal codes, when it has several and none was known: a
        /// person chooses (the interface asks, the command line says so).
        postal_choices: Vec<String>,
    },
    /// Homonyms: indices of the candidates, largest population first.
    Ambiguous(Vec<usize>),
    /// Not in the referential: kept as typed.
    Unknown,
}

/// A typed commune settled: what it became, and the values to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settled {
    pub typed: String,
    pub outcome: Outcome,
    /// Values that differ from what was typed or known: the official name,
    /// the code INSEE, the postal code. Empty when nothing changes.
    pub writes: Vec<FieldValues>,
}

impl Settled {
    /// The value this settles a field to, if it writes it.
    pub fn write(&self, field: &str) -> Option<&str> {
        self.writes
            .iter()
            .find(|w| w.field == field)
            .and_then(|w| w.values.first())
            .map(String::as_str)
    }

    /// The official commune found, if any.
    pub fn commune(&self) -> Option<usize> {
        match self.outcome {
            Outcome::Found { commune, .. } => Some(commune),
            _ => None,
        }
    }
}

/// Settles a typed commune with the codes known beside it.
pub fn settle(typed: &str, known: Known) -> Settled {
    let r = referential();
    let outcome = match r.place(typed, known.insee, known.postal) {
        Resolution::Found { commune, former } => return chosen(r, typed, commune, former, known),
        Resolution::Ambiguous(ids) => Outcome::Ambiguous(ids),
        Resolution::Unknown => Outcome::Unknown,
    };
    Settled {
        typed: typed.to_string(),
        outcome,
        writes: Vec::new(),
    }
}

/// Settles on a commune a person chose (from the interface's completion).
pub fn choose(typed: &str, commune: usize, former: Option<usize>, known: Known) -> Settled {
    chosen(referential(), typed, commune, former, known)
}

fn chosen(
    r: &Referential,
    typed: &str,
    commune: usize,
    former: Option<usize>,
    known: Known,
) -> Settled {
    let c = &r.communes[commune];
    let mut writes = Vec::new();
    let mut set = |field: &str, value: &str| {
        writes.push(FieldValues {
            field: field.to_string(),
            values: vec![value.to_string()],
        })
    };
    if typed.trim() != c.name {
        set(COMMUNE, &c.name);
    }
    let insee_fits = |code: &str| {
        let code = code.trim().to_ascii_uppercase();
        code == c.insee || r.formers_with_code(&code).any(|f| f.commune == commune)
    };
    match known.insee.filter(|k| !k.trim().is_empty()) {
        Some(k) if known.insee_given || insee_fits(k) => {}
        _ => set(CODE_INSEE, &c.insee),
    }
    let mut postal_choices = Vec::new();
    let postal_fits = |code: &str| c.postal_codes.iter().any(|p| p == code.trim());
    match known.postal.filter(|k| !k.trim().is_empty()) {
        Some(k) if known.postal_given || postal_fits(k) => {}
        stale => match c.postal_codes.as_slice() {
            [one] => set(CODE_POSTAL, one),
            [] => {}
            several => {
                postal_choices = several.iter().map(|p| p.to_string()).collect();
                // A postal code of the former commune's commune no longer
                // fits: emptied rather than left wrong.
                if stale.is_some() {
                    writes.push(FieldValues {
                        field: CODE_POSTAL.to_string(),
                        values: Vec::new(),
                    });
                }
            }
        },
    }
    Settled {
        typed: typed.to_string(),
        outcome: Outcome::Found {
            commune,
            former,
            postal_choices,
        },
        writes,
    }
}

/// Settles the commune among values about to be written (`add`, `edit
/// --set`, an imported record): the commune is replaced by its official
/// name and the codes are added, unless given among `values` (kept as
/// given) or already right in `record`. None when `values` set no commune
/// or the form has no commune field. Values with an empty list in the
/// returned writes are fields to empty (a stale postal code); they are not
/// added to `values`.
pub fn settle_values(
    schema: &Schema,
    values: &mut Vec<FieldValues>,
    record: Option<&Initiative>,
) -> Option<Settled> {
    schema.field(COMMUNE)?;
    let typed = first(values, COMMUNE)?.to_string();
    let given_insee = first(values, CODE_INSEE).map(str::to_string);
    let given_postal = first(values, CODE_POSTAL).map(str::to_string);
    let (insee_given, postal_given) = (given_insee.is_some(), given_postal.is_some());
    let from_record = |field: &str| record.and_then(|i| i.value(field)).map(str::to_string);
    let insee = given_insee.or_else(|| from_record(CODE_INSEE));
    let postal = given_postal.or_else(|| from_record(CODE_POSTAL));
    let known = Known {
        insee: insee.as_deref(),
        postal: postal.as_deref(),
        insee_given,
        postal_given,
    };
    let settled = settle(&typed, known);
    apply(schema, values, &settled);
    Some(settled)
}

/// Puts a settlement's writes into `values` (replacing or adding), for the
/// fields the form has. Fields to empty are left out.
pub fn apply(schema: &Schema, values: &mut Vec<FieldValues>, settled: &Settled) {
    for w in &settled.writes {
        if w.values.is_empty() || schema.field(&w.field).is_none() {
            continue;
        }
        match values.iter_mut().find(|v| v.field == w.field) {
            Some(v) => v.values = w.values.clone(),
            None => values.push(w.clone()),
        }
    }
}

/// Fields a settlement empties (a stale postal code), that the form has.
pub fn emptied(schema: &Schema, settled: &Settled) -> Vec<String> {
    settled
        .writes
        .iter()
        .filter(|w| w.values.is_empty() && schema.field(&w.field).is_some())
        .map(|w| w.field.clone())
        .collect()
}

fn first<'a>(values: &'a [FieldValues], field: &str) -> Option<&'a str> {
    values
        .iter()
        .find(|v| v.field == field)
        .and_then(|v| v.values.first())
        .map(String::as_str)
        .filter(|s| !s.trim().is_empty())
}

/// A code of an initiative's commune known from the referential, for the
/// exports: its code INSEE, or its postal code when it has only one. None
/// for homonyms the recorded codes do not settle, or a place outside the
/// referential.
pub fn derived_code(i: &Initiative, field: &str) -> Option<String> {
    let name = i.value(COMMUNE)?;
    let r = referential();
    let Resolution::Found { commune, .. } =
        r.place(name, i.value(CODE_INSEE), i.value(CODE_POSTAL))
    else {
        return None;
    };
    let c = &r.communes[commune];
    match field {
        CODE_INSEE => Some(c.insee.to_string()),
        CODE_POSTAL => match c.postal_codes.as_slice() {
            [one] => Some(one.to_string()),
            _ => None,
        },
        _ => None,
    }
}

/// What `validate` notices about a commune and its code INSEE.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The code INSEE designates another commune (`of_code` is its name,
    /// empty when the code is no commune's).
    InseeMismatch { insee: String, of_code: String },
    /// The name is a former commune's, merged into `current`.
    Former { current: String, code: String },
}

/// Checks an initiative's commune against its code INSEE. Nothing is said
/// of a name outside the referential or of homonyms without a code.
pub fn check(i: &Initiative) -> Vec<Finding> {
    let Some(name) = i.value(COMMUNE) else {
        return Vec::new();
    };
    let r = referential();
    let insee = i.value(CODE_INSEE);
    let mut out = Vec::new();
    let resolution = r.place(name, insee, i.value(CODE_POSTAL));
    if let Resolution::Found {
        commune,
        former: Some(_),
    } = resolution
    {
        let c = &r.communes[commune];
        out.push(Finding::Former {
            current: c.name.to_string(),
            code: c.insee.to_string(),
        });
    }
    if let Some(code) = insee {
        let of_code = r.current_for_code(&code.trim().to_ascii_uppercase());
        let fits = match (&resolution, of_code) {
            (Resolution::Found { commune, .. }, Some((c, _))) => {
                r.communes[*commune].insee == c.insee
            }
            (Resolution::Found { .. }, None) => false,
            // A name outside the referential, or homonyms none of which has
            // this code: the code names a commune, so does the name?
            (Resolution::Ambiguous(_), _) => false,
            (Resolution::Unknown, _) => true,
        };
        if !fits {
            out.push(Finding::InseeMismatch {
                insee: code.to_string(),
                of_code: of_code.map(|(c, _)| c.name.to_string()).unwrap_or_default(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests;
