//! The words of French formats on the interface: the OpenStreetMap form
//! opening hours typed in French will be saved as.

use crate::i18n::Lang;

strings! { FormatsWords, formats;
    hours_preview: "Sera enregistré comme « {osm} » (format OpenStreetMap)", "Will be saved as `{osm}` (OpenStreetMap format)";
}
