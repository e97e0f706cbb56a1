//! Checking a whole census against its schema, with the place of each problem.

use crate::census::file::{ChecksumState, LoadReport};
use crate::census::id::InitiativeId;
use crate::census::locate::{Location, SourceText};
use crate::census::model::{Census, Initiative, system};
use crate::census::schema::{FieldType, Schema};
use crate::census::value::{self, ValueError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    MissingRequired,
    InvalidValue {
        value: String,
        error: ValueError,
    },
    /// Valid, but not in the form recense writes (typed by hand).
    NotCanonical {
        value: String,
        canonical: String,
    },
    UnknownField,
    NotForKind {
        kind: String,
    },
    Conflict {
        values: Vec<String>,
    },
    HandEdited,
    DanglingRelation {
        target: String,
    },
    ChecksumMismatch,
    ChecksumMissing,
    /// A value cut by a mail program (the file travelled in a message body).
    WrappedByMail,
    /// Initiative blocks deleted by hand: the footer counted `recorded`.
    DeletedByHand {
        count: usize,
        recorded: usize,
    },
    /// Records fused into one another (opposite fusions merged), in
    /// redirect order from the one shown.
    FusionCycle {
        cycle: Vec<InitiativeId>,
    },
    /// An agent's name holds a control character (an escape sequence, a
    /// line break): it is shown inert, and should be corrected by hand.
    AgentNameControl {
        agent: String,
    },
    /// A journal record cut or damaged (a crash or a full disk while it was
    /// appended), skipped: the change it held had not been said saved.
    JournalRecordSkipped,
    /// An initiative id written in small letters (`typed`): read, and
    /// written back at the next save, in capitals.
    IdInSmallLetters {
        typed: String,
    },
    /// The code INSEE designates another commune than the name (`of_code`
    /// is that commune's name, empty when the code is no commune's).
    CommuneInseeMismatch {
        commune: String,
        insee: String,
        of_code: String,
    },
    /// The commune is a former one, merged into `current` (`code`).
    FormerCommune {
        commune: String,
        current: String,
        code: String,
    },
}

impl Problem {
    pub fn severity(&self) -> Severity {
        match self {
            Problem::MissingRequired
            | Problem::InvalidValue { .. }
            | Problem::AgentNameControl { .. } => Severity::Error,
            _ => Severity::Warning,
        }
    }
}

/// One finding about a census.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub location: Location,
    pub initiative: Option<InitiativeId>,
    pub field: Option<String>,
    pub problem: Problem,
}

/// The journal records skipped when the census was read, as warnings.
pub fn journal_skipped(report: &LoadReport) -> Vec<Diagnostic> {
    (report.journal_skipped.iter())
        .map(|location| Diagnostic {
            location: location.clone(),
            initiative: None,
            field: None,
            problem: Problem::JournalRecordSkipped,
        })
        .collect()
}

/// The initiative ids read in capitals though written in small letters,
/// as warnings.
pub fn ids_in_small_letters(report: &LoadReport) -> Vec<Diagnostic> {
    (report.ids_in_small_letters.iter())
        .map(|(location, typed)| Diagnostic {
            location: location.clone(),
            initiative: None,
            field: None,
            problem: Problem::IdInSmallLetters {
                typed: typed.clone(),
            },
        })
        .collect()
}

/// Checks every live initiative; `source` is the file's text, for locations.
pub fn validate(
    census: &Census,
    schema: &Schema,
    report: &LoadReport,
    source: &str,
    name: &str,
) -> Vec<Diagnostic> {
    let text = SourceText::new(name, source);
    let mut out = Vec::new();
    match report.checksum {
        ChecksumState::Valid => {}
        ChecksumState::Missing => out.push(Diagnostic {
            location: text.location(0),
            initiative: None,
            field: None,
            problem: Problem::ChecksumMissing,
        }),
        ChecksumState::Mismatch => out.push(Diagnostic {
            location: text.location(text.find_key("checksum", 0).unwrap_or(0)),
            initiative: None,
            field: None,
            problem: Problem::ChecksumMismatch,
        }),
    }
    if let Some(location) = &report.wrapped {
        out.push(Diagnostic {
            location: location.clone(),
            initiative: None,
            field: None,
            problem: Problem::WrappedByMail,
        });
    }
    out.extend(journal_skipped(report));
    out.extend(ids_in_small_letters(report));
    if let Some(recorded) = report.deleted_by_hand {
        out.push(Diagnostic {
            location: text.location(text.text.rfind("// recense: ").unwrap_or(0)),
            initiative: None,
            field: None,
            problem: Problem::DeletedByHand {
                count: crate::census::file::footer::deleted_by_hand(recorded, census),
                recorded: recorded.count,
            },
        });
    }
    agent_names(census, &text, &mut out);
    let mut cursor = 0;
    for i in &census.initiatives {
        // Initiatives are in file order when the file is canonical; search
        // forward from the previous one, from the start otherwise.
        let at = text
            .find_string(i.id.as_str(), cursor)
            .or_else(|| text.find_string(i.id.as_str(), 0))
            .unwrap_or(0);
        cursor = at;
        if i.is_deleted() {
            continue;
        }
        check_initiative(census, schema, i, &text, at, &mut out);
    }
    out.extend(crate::census::cycles::diagnostics(census, &text));
    out
}

/// Agents' names with a control character, located at their line.
fn agent_names(census: &Census, text: &SourceText, out: &mut Vec<Diagnostic>) {
    let block = text.find_key("agents", 0).unwrap_or(0);
    for (id, name) in &census.agents {
        if name.chars().any(char::is_control) {
            let at = text.find_string(id.as_str(), block).unwrap_or(block);
            out.push(Diagnostic {
                location: text.location(at),
                initiative: None,
                field: None,
                problem: Problem::AgentNameControl {
                    agent: id.to_string(),
                },
            });
        }
    }
}

fn check_initiative(
    census: &Census,
    schema: &Schema,
    i: &Initiative,
    text: &SourceText,
    at: usize,
    out: &mut Vec<Diagnostic>,
) {
    let kind = i.value(&schema.kind_field);
    let mut push = |field: &str, problem: Problem| {
        // A missing field is placed at its initiative; others at their key.
        let offset = match problem {
            Problem::MissingRequired => at,
            _ => text.text[at..]
                .find(&format!("\"{field}\":"))
                .map_or(at, |i| at + i),
        };
        out.push(Diagnostic {
            location: text.location(offset),
            initiative: Some(i.id.clone()),
            field: Some(field.to_string()),
            problem,
        });
    };
    for def in &schema.fields {
        if def.required && def.applies_to(kind) && !i.fields.contains_key(&def.id) {
            push(&def.id, Problem::MissingRequired);
        }
    }
    communes(i, &mut push);
    for (field, entries) in i.fields.iter() {
        if field.starts_with(system::PREFIX) {
            continue;
        }
        let Some(def) = schema.field(field) else {
            push(field, Problem::UnknownField);
            continue;
        };
        if !def.applies_to(kind) {
            push(
                field,
                Problem::NotForKind {
                    kind: kind.unwrap_or_default().to_string(),
                },
            );
        }
        if entries.iter().any(|e| e.stamp.is_hand_edit()) {
            push(field, Problem::HandEdited);
        }
        if !def.field_type.is_multi() && i.is_conflict(field) {
            push(
                field,
                Problem::Conflict {
                    values: i.values(field).into_iter().map(String::from).collect(),
                },
            );
        }
        for e in entries {
            let Some(v) = e.value.as_text() else {
                push(
                    field,
                    Problem::InvalidValue {
                        value: String::new(),
                        error: ValueError::Empty,
                    },
                );
                continue;
            };
            match value::normalize(schema, def, v) {
                Err(error) => push(
                    field,
                    Problem::InvalidValue {
                        value: v.to_string(),
                        error,
                    },
                ),
                Ok(c) if c != v && !matches!(def.field_type, FieldType::Relations(_)) => push(
                    field,
                    Problem::NotCanonical {
                        value: v.to_string(),
                        canonical: c,
                    },
                ),
                Ok(_) => {}
            }
            if let FieldType::Relations(_) = def.field_type
                && let Some((_, target)) = value::split_relation(v)
            {
                let known = InitiativeId::parse(target)
                    .ok()
                    .and_then(|t| census.get(&t))
                    .is_some();
                if !known {
                    push(
                        field,
                        Problem::DanglingRelation {
                            target: target.to_string(),
                        },
                    );
                }
            }
        }
    }
}

/// A commune and its code INSEE checked against the official referential.
fn communes(i: &Initiative, push: &mut impl FnMut(&str, Problem)) {
    use crate::census::communes::{self, Finding};
    let commune = i.value(communes::COMMUNE).unwrap_or_default().to_string();
    for finding in communes::check(i) {
        match finding {
            Finding::InseeMismatch { insee, of_code } => push(
                communes::CODE_INSEE,
                Problem::CommuneInseeMismatch {
                    commune: commune.clone(),
                    insee,
                    of_code,
                },
            ),
            Finding::Former { current, code } => push(
                communes::COMMUNE,
                Problem::FormerCommune {
                    commune: commune.clone(),
                    current,
                    code,
                },
            ),
        }
    }
}
