//! Documents about personal data (RGPD): the record of processing
//! (`recense rgpd registre`) and the mailing list of consenting contacts
//! (`recense export --contacts`).

pub mod contacts;
mod registre;
mod words;

pub use registre::registre;
