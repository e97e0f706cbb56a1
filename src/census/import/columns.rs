//! The columns of a file and where each goes: guessed from the header,
//! changed by `--map COLUMN=FIELD` (or the interface's mapping step).

use super::{Format, ImportError};
use crate::census::ops::field_def;
use crate::census::schema::Schema;
use crate::census::search::fold;
use crate::census::standards::{Column, Map};

/// Where a column goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A field of the form.
    Field(String),
    /// A line `COLUMN : value` added to the notes.
    Notes,
    /// The initiative id (our own exports): finds the initiative again.
    Id,
    /// With [`Target::Longitude`], the field `coordonnees`.
    Latitude,
    Longitude,
    /// Not imported.
    Ignore,
}

/// How a column's target was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Its header is a field id (or `id`, `lat`, `lon`…).
    Id,
    /// Its header is a field's label, in French or English.
    Label,
    /// Given by the person (`--map`).
    Map,
    /// A column of the standard.
    Standard,
    /// Not recognised: reported, then not imported (CSV) or kept in the
    /// notes (standards).
    Unknown,
}

/// One column of the file and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnPlan {
    pub index: usize,
    pub name: String,
    pub target: Target,
    pub origin: Origin,
}

/// A header compared loosely: folded, `_` and `-` as spaces, spaces single.
fn loose(s: &str) -> String {
    fold(s)
        .replace(['_', '-', '\''], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Header words that are not field ids.
fn special(name: &str) -> Option<Target> {
    match name {
        "id" | "identifiant" | "identifier" | "ulid" => Some(Target::Id),
        "lat" | "latitude" => Some(Target::Latitude),
        "lon" | "lng" | "long" | "longitude" => Some(Target::Longitude),
        // Our own exports' computed columns: known, not imported.
        "status" | "statut" | "score" => Some(Target::Ignore),
        _ => None,
    }
}

/// Where a header goes, guessed: a field id, then a label (French or
/// English), accents, case, `_` and spaces aside.
pub fn guess(schema: &Schema, header: &str) -> (Target, Origin) {
    let wanted = loose(header);
    if let Some(t) = special(&wanted) {
        return (t, Origin::Id);
    }
    if let Some(f) = schema.fields.iter().find(|f| loose(&f.id) == wanted) {
        return (Target::Field(f.id.clone()), Origin::Id);
    }
    let by_label = schema.fields.iter().find(|f| {
        loose(&f.label.fr) == wanted || (!f.label.en.is_empty() && loose(&f.label.en) == wanted)
    });
    match by_label {
        Some(f) => (Target::Field(f.id.clone()), Origin::Label),
        None => (Target::Ignore, Origin::Unknown),
    }
}

/// The columns of a CSV header, guessed.
pub fn guess_all(schema: &Schema, header: &[String]) -> Vec<ColumnPlan> {
    header
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let (target, origin) = guess(schema, name);
            ColumnPlan {
                index,
                name: name.clone(),
                target,
                origin,
            }
        })
        .collect()
}

/// Where a standard's column goes (for showing the plan).
pub fn standard_target(schema: &Schema, column: Option<&Column>) -> Target {
    let Some(column) = column else {
        return Target::Notes;
    };
    match column.map {
        Map::Id => Target::Id,
        Map::Text { field, .. }
        | Map::Summary { field, .. }
        | Map::Detail { field, .. }
        | Map::Url { field, .. }
        | Map::Email(field)
        | Map::Phone { field, .. }
        | Map::CommuneCode(field)
        | Map::ChoiceCodes { field, .. } => Target::Field(field.to_string()),
        Map::Pivot => Target::Field("siret".into()),
        Map::Latitude => Target::Latitude,
        Map::Longitude => Target::Longitude,
        Map::KindCode { .. } => Target::Field(schema.kind_field.clone()),
        Map::Source { .. } | Map::Unmapped => Target::Notes,
        Map::LastChange => Target::Ignore,
    }
}

/// `COLUMN=FIELD` (`--map`): FIELD is a field id or label, `notes` (a line
/// `COLUMN : value` in the notes), `id`, `lat`, `lon`, or `-` (not imported).
pub fn parse_map(schema: &Schema, text: &str) -> Result<(String, Target), ImportError> {
    let (column, field) = text
        .rsplit_once('=')
        .ok_or_else(|| ImportError::BadMap(text.to_string()))?;
    let (column, field) = (column.trim(), field.trim());
    if column.is_empty() {
        return Err(ImportError::BadMap(text.to_string()));
    }
    let target = match field {
        "" | "-" => Target::Ignore,
        "notes" => Target::Notes,
        _ => match guess(schema, field) {
            (Target::Ignore, _) => {
                return Err(ImportError::MapField(
                    field_def(schema, field).err().unwrap_or(
                        crate::census::ops::OpError::UnknownField {
                            field: field.to_string(),
                            known: Vec::new(),
                        },
                    ),
                ));
            }
            (Target::Field(f), _) if f == "notes" => Target::Notes,
            (target, _) => target,
        },
    };
    Ok((column.to_string(), target))
}

/// Applies `--map` choices (a column by its exact header, else loosely).
pub fn override_all(
    format: Format,
    columns: &mut [ColumnPlan],
    overrides: &[(String, Target)],
) -> Result<(), ImportError> {
    if !overrides.is_empty() && format != Format::Csv {
        return Err(ImportError::MapNotCsv(format));
    }
    for (name, target) in overrides {
        let exact: Vec<usize> = (0..columns.len())
            .filter(|&i| columns[i].name == *name)
            .collect();
        let found = if exact.is_empty() {
            (0..columns.len())
                .filter(|&i| loose(&columns[i].name) == loose(name))
                .collect()
        } else {
            exact
        };
        if found.is_empty() {
            return Err(ImportError::UnknownColumn {
                column: name.clone(),
                known: columns.iter().map(|c| c.name.clone()).collect(),
            });
        }
        for i in found {
            columns[i].target = target.clone();
            columns[i].origin = Origin::Map;
        }
    }
    Ok(())
}

/// Two columns for one single-valued target cannot both be read.
pub fn check_clashes(schema: &Schema, columns: &[ColumnPlan]) -> Result<(), ImportError> {
    for (i, c) in columns.iter().enumerate() {
        let single = match &c.target {
            Target::Field(f) => schema.field(f).is_some_and(|d| !d.field_type.is_multi()),
            Target::Id | Target::Latitude | Target::Longitude => true,
            Target::Notes | Target::Ignore => false,
        };
        if !single || columns[..i].iter().any(|e| e.target == c.target) {
            continue;
        }
        let same: Vec<String> = columns
            .iter()
            .filter(|e| e.target == c.target)
            .map(|e| e.name.clone())
            .collect();
        if same.len() > 1 {
            let target = match &c.target {
                Target::Field(f) => f.clone(),
                Target::Id => "id".into(),
                Target::Latitude => "lat".into(),
                _ => "lon".into(),
            };
            return Err(ImportError::ColumnsClash {
                target,
                columns: same,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_ids_and_labels_loosely() {
        let s = Schema::default_schema();
        let t = |h: &str| guess(&s, h).0;
        assert_eq!(t("nom"), Target::Field("nom".into()));
        assert_eq!(t("Code postal"), Target::Field("code_postal".into()));
        assert_eq!(t("CODE_POSTAL"), Target::Field("code_postal".into()));
        assert_eq!(t("Coordonnées GPS"), Target::Field("coordonnees".into()));
        assert_eq!(t("Municipality"), Target::Field("commune".into()));
        assert_eq!(t("Identifiant"), Target::Id);
        assert_eq!(t("lat"), Target::Latitude);
        assert_eq!(t("Couleur préférée"), Target::Ignore);
        assert_eq!(guess(&s, "Nom").1, Origin::Id);
        assert_eq!(guess(&s, "Courriel générique").1, Origin::Label);
    }

    #[test]
    fn maps_name_fields_and_refuse_unknown_ones() {
        let s = Schema::default_schema();
        assert_eq!(
            parse_map(&s, "Structure=nom").unwrap(),
            ("Structure".into(), Target::Field("nom".into()))
        );
        assert_eq!(
            parse_map(&s, "Tél.=Téléphone générique").unwrap().1,
            Target::Field("telephone".into())
        );
        assert_eq!(parse_map(&s, "x=-").unwrap().1, Target::Ignore);
        assert_eq!(parse_map(&s, "x=notes").unwrap().1, Target::Notes);
        assert!(matches!(
            parse_map(&s, "x=couleur"),
            Err(ImportError::MapField(_))
        ));
        assert!(matches!(parse_map(&s, "nom"), Err(ImportError::BadMap(_))));
    }
}
