//! Pieces shared by several screens.

pub(crate) mod commune_input;
pub(crate) mod error_text;
pub(crate) mod field_editor;
pub(crate) mod hours_preview;
pub(crate) mod input;
pub(crate) mod picker;
pub(crate) mod scroll;
pub(crate) mod text_area;
pub(crate) mod text_fields;
