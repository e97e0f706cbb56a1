//! The documents made for people from a census: reports for the people who
//! decide, exports for spreadsheets, maps and graphs, each with its words.
//! Above the census core and its words (`crate::i18n`), below the front
//! ends: the CLI and the TUI both call these functions.

pub mod changes;
pub mod export;
pub mod report;
pub mod rgpd;
