//! Pieces shared by several screens.

pub mod field_editor;
pub mod input;
pub mod picker;
pub mod scroll;
