//! `add`/`edit --set horaires=…`: opening hours typed in French are stored
//! in OpenStreetMap syntax; the command says which form was saved, for the
//! person to check it.

use crate::census::schema::{FieldType, Schema};
use crate::census::value::normalize;
use crate::display::inert;
use crate::i18n::fill;
use crate::i18n::formats::formats;

use super::invocation::Invocation;

/// Says, on the error output, each opening hours value of `set` (`F=V`)
/// saved in another form than typed.
pub fn say_converted(ctx: &Invocation, schema: &Schema, set: &[String]) {
    for a in set {
        let Some((field, typed)) = a.split_once('=') else {
            continue;
        };
        let Some(def) = schema.field(field.trim()) else {
            continue;
        };
        if def.field_type != FieldType::OpeningHours {
            continue;
        }
        if let Ok(osm) = normalize(schema, def, typed)
            && osm != typed.trim()
        {
            eprintln!(
                "{}",
                fill(
                    formats(ctx.lang).hours_read_as,
                    &[
                        ("field", &def.label.get(ctx.lang)),
                        ("typed", &inert(typed.trim())),
                        ("osm", &inert(&osm)),
                    ],
                )
            );
        }
    }
}
