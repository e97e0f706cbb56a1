//! The national standard *Lieux de médiation numérique* v1.0.2 (La MedNum,
//! ANCT): a CSV file, `,`-separated, one row per place, multiple values
//! joined with `|`. <https://github.com/LaMednum/standard-mediation-num>

use std::io::Write;

use super::{Column, LeftOut, Map, export_row};
use crate::census::{Census, Initiative, Schema};

const fn text(field: &'static str) -> Map {
    Map::Text {
        field,
        min: 1,
        max: usize::MAX,
    }
}

const fn col(name: &'static str, required: bool, map: Map) -> Column {
    Column {
        name,
        required,
        map,
    }
}

/// The longest `presentation_resume` the standard accepts.
pub const SUMMARY_MAX: usize = 280;

/// The standard's columns, in its order, and how each relates to our
/// fields. Required: exactly what the standard's `schema.json` requires
/// (`services` has been optional since v1.0.1: a place without services is
/// exported).
pub const COLUMNS: [Column; 32] = [
    col("id", true, Map::Id),
    col("pivot", true, Map::Pivot),
    col("nom", true, text("nom")),
    col("commune", true, text("commune")),
    col("code_postal", true, Map::CommuneCode("code_postal")),
    col("code_insee", false, Map::CommuneCode("code_insee")),
    col("adresse", true, text("adresse")),
    col("complement_adresse", false, Map::Unmapped),
    col("latitude", false, Map::Latitude),
    col("longitude", false, Map::Longitude),
    col(
        "typologie",
        false,
        Map::KindCode {
            key: "typologie",
            allowed: None,
        },
    ),
    col(
        "telephone",
        false,
        Map::Phone {
            field: "telephone",
            french: true,
        },
    ),
    col("courriels", false, Map::Email("courriel")),
    col(
        "site_web",
        false,
        Map::Url {
            field: "site_web",
            max: usize::MAX,
        },
    ),
    col("horaires", false, text("horaires")),
    col(
        "presentation_resume",
        false,
        Map::Summary {
            field: "description",
            min: 1,
            max: SUMMARY_MAX,
            one_line: true,
        },
    ),
    col(
        "presentation_detail",
        false,
        Map::Detail {
            field: "description",
            summary_max: SUMMARY_MAX,
        },
    ),
    col("source", false, Map::Source { slug: false }),
    col("itinerance", false, Map::Unmapped),
    col("structure_parente", false, Map::Unmapped),
    col("date_maj", true, Map::LastChange),
    col(
        "services",
        false,
        Map::ChoiceCodes {
            field: "services_mediation",
            key: "mednum",
        },
    ),
    col(
        "publics_specifiquement_adresses",
        false,
        Map::ChoiceCodes {
            field: "publics",
            key: "mednum",
        },
    ),
    col("prise_en_charge_specifique", false, Map::Unmapped),
    col(
        "frais_a_charge",
        false,
        Map::ChoiceCodes {
            field: "frais",
            key: "mednum",
        },
    ),
    col(
        "dispositif_programmes_nationaux",
        false,
        Map::ChoiceCodes {
            field: "dispositif_programmes_nationaux",
            key: "mednum",
        },
    ),
    col("formations_labels", false, Map::Unmapped),
    col("autres_formations_labels", false, Map::Unmapped),
    col(
        "modalites_acces",
        false,
        Map::ChoiceCodes {
            field: "modalites_acces",
            key: "mednum",
        },
    ),
    col("modalites_accompagnement", false, Map::Unmapped),
    col("fiche_acces_libre", false, Map::Unmapped),
    col(
        "prise_rdv",
        false,
        Map::Url {
            field: "prise_rdv",
            max: usize::MAX,
        },
    ),
];

/// The standard's column of this name.
pub fn column(name: &str) -> Option<&'static Column> {
    COLUMNS.iter().find(|c| c.name == name.trim())
}

/// Writes the selection as the standard's CSV; initiatives lacking a
/// required column are left out (never filled with made-up values) and
/// returned with what they lack. Only public fields are read.
pub fn export(
    census: &Census,
    schema: &Schema,
    selection: &[&Initiative],
    out: &mut dyn Write,
) -> std::io::Result<Vec<LeftOut>> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b',')
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out);
    writer.write_record(COLUMNS.iter().map(|c| c.name))?;
    let mut left_out = Vec::new();
    for i in selection {
        let (cells, missing) = export_row(&COLUMNS, census, schema, i);
        if missing.is_empty() {
            writer.write_record(cells.iter().map(|c| c.as_deref().unwrap_or("")))?;
        } else {
            left_out.push(LeftOut {
                id: i.id.clone(),
                name: i.value(&schema.name_field).unwrap_or_default().to_string(),
                missing,
            });
        }
    }
    writer.flush()?;
    Ok(left_out)
}
