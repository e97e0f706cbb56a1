//! Where an initiative stands in the census: spotted, contacted, met,
//! legitimized, supported — or dormant, gone.

use crate::census::model::Initiative;

/// The program's field holding the current status.
pub const STATUS_FIELD: &str = "_status";

/// Status ids, fixed (scripts rely on them), in ladder order.
pub const STATUSES: [&str; 7] = [
    "repere",
    "contacte",
    "rencontre",
    "legitime",
    "soutenu",
    "en_sommeil",
    "disparu",
];

/// An initiative recorded and nothing more is *spotted*.
pub const DEFAULT_STATUS: &str = "repere";

/// The current status of an initiative.
pub fn current(i: &Initiative) -> &str {
    i.value(STATUS_FIELD).unwrap_or(DEFAULT_STATUS)
}

/// The position of a status in the ladder (for sorting).
pub fn rank(status: &str) -> usize {
    STATUSES
        .iter()
        .position(|s| *s == status)
        .unwrap_or(STATUSES.len())
}
