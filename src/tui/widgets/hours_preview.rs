//! Under an opening hours field being typed: the OpenStreetMap form the
//! text will be saved as, for the person to check (French is read, see
//! census::hours).

use crate::census::schema::{Field, FieldType, Schema};
use crate::census::value::normalize;
use crate::display::inert;
use crate::i18n::{Lang, fill};
use crate::tui::words::formats::formats;

/// The line to show under `field` holding `typed`, when it is opening
/// hours read into another form than typed.
pub fn preview(schema: &Schema, field: &Field, typed: &str, lang: Lang) -> Option<String> {
    if field.field_type != FieldType::OpeningHours || typed.trim().is_empty() {
        return None;
    }
    let osm = normalize(schema, field, typed).ok()?;
    (osm != typed.trim()).then(|| fill(formats(lang).hours_preview, &[("osm", &inert(&osm))]))
}
