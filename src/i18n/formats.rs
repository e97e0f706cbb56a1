//! The words of French formats read into stored ones: opening hours
//! written in French, shown in the OpenStreetMap form they were read as.

use super::Lang;

strings! { FormatsText, formats;
    hours_read_as: "{field} : « {typed} » enregistré comme « {osm} » (format OpenStreetMap)", "{field}: `{typed}` saved as `{osm}` (OpenStreetMap format)";
}
