//! The national open-data standards a census is exported to.

pub mod data_inclusion;
pub mod mednum;

/// An initiative left out of a standard's export, and the standard's columns it lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    pub id: crate::census::InitiativeId,
    pub name: String,
    pub missing: Vec<&'static str>,
}
