//! What "Légitimé" means to an elected official: in the study, *légitimer*
//! is the collectivité recognising an initiative publicly; in recense the
//! status means "verified" (recent evidence, a colleague's confirmation, an
//! argued public problem). The collectivité's own acts — a deliberation, a
//! convention, a grant voted, a mention in a local plan — are evidence kinds
//! of their own, so that the reports can say which legitimated initiatives
//! are recognised by such an act.

use crate::census::model::{Census, Initiative};
use crate::census::status::{self, Evidence, Status};

/// The evidence kinds that are the collectivité's own acts, ids fixed.
pub const PUBLIC_ACTS: [&str; 4] = [
    "deliberation",
    "convention",
    "subvention_votee",
    "mention_plan_local",
];

/// The collectivité's acts recorded as evidence of an initiative, latest first.
pub fn public_acts(i: &Initiative) -> Vec<Evidence> {
    status::evidence(i)
        .into_iter()
        .filter(|e| PUBLIC_ACTS.contains(&e.kind.as_str()))
        .collect()
}

/// The live initiatives *Légitimé* (or, one rung up, *Soutenu*), in the
/// census's order, split into those recognised by an act of the
/// collectivité and the others.
pub fn legitimated(census: &Census) -> (Vec<&Initiative>, Vec<&Initiative>) {
    census
        .live()
        .filter(|i| {
            matches!(
                Status::from_id(status::current(i)),
                Some(Status::Legitime | Status::Soutenu)
            )
        })
        .partition(|i| !public_acts(i).is_empty())
}
