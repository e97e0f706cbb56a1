//! Everything that knows about censuses, and nothing about terminals.

pub mod carry;
pub mod conflicts;
pub mod cycles;
pub mod draft;
pub mod duplicates;
pub mod error;
pub mod exchange;
pub mod export;
pub mod file;
pub mod fusion;
pub mod geo;
pub mod hash;
pub mod id;
pub mod import;
pub mod locate;
pub mod merge;
pub mod model;
pub mod network;
pub mod ops;
pub mod quality;
pub mod query;
pub mod report;
pub mod schema;
pub mod search;
pub mod standards;
pub mod stats;
pub mod status;
pub mod store;
pub mod time;
pub mod validate;
pub mod value;
pub mod workspace;

pub use id::{AgentId, InitiativeId};
pub use model::{Census, Entry, Initiative, Value};
pub use ops::Agent;
pub use schema::Schema;
