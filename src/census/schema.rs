//! The census form as data: steps, fields, closed choice lists.
//!
//! The default form (`schemas/communs-numeriques.ron`) is embedded in the
//! binary; territories may write their own and check it with
//! `recense schema check FILE`.

use std::collections::{BTreeMap, HashMap, HashSet};

use foldhash::fast::FixedState;

use serde::Deserialize;

use crate::census::locate::{Location, SourceText};
use crate::census::status::Status;
use crate::lang::Lang;

/// The default schema, embedded so that the program works with no file around.
pub const DEFAULT_SCHEMA_SOURCE: &str = include_str!("../../schemas/communs-numeriques.ron");
pub const DEFAULT_SCHEMA_NAME: &str = "schemas/communs-numeriques.ron";

/// A text in French and English. English may be left out: French is shown.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Localized2 {
    pub fr: String,
    #[serde(default)]
    pub en: String,
}

impl Localized2 {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.fr,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub label: Localized2,
    #[serde(default)]
    pub help: Localized2,
}

/// One element of a closed list.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: Localized2,
    /// For relation kinds: how the relation reads from the other side.
    #[serde(default)]
    pub inverse: Option<Localized2>,
    /// Codes of this choice in other standards, e.g. `{"typologie": "ASSO"}`.
    #[serde(default)]
    pub codes: BTreeMap<String, String>,
    /// Other words that find this choice in a pick list, comma-separated
    /// (an evidence "réunion" or "rencontre" is an "entretien"). Never
    /// stored nor shown: only searched.
    #[serde(default)]
    pub synonyms: Localized2,
}

/// What a field holds, and so how its values are checked and normalised.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum FieldType {
    Text,
    LongText,
    /// One element of the named choice list.
    Choice(String),
    /// Several elements of the named choice list.
    Choices(String),
    Url,
    Email,
    /// A French phone number, stored in international form `+33…`.
    Phone,
    PostalCode,
    InseeCode,
    Siret,
    Rna,
    Date,
    /// `LAT,LON` in WGS84 degrees.
    GeoPoint,
    /// Typed links to other initiatives, `KIND:ID`; KIND from the named list.
    Relations(String),
    /// Opening hours in OpenStreetMap's `opening_hours` syntax, e.g.
    /// `Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00`.
    OpeningHours,
}

impl FieldType {
    pub fn is_multi(&self) -> bool {
        matches!(self, FieldType::Choices(_) | FieldType::Relations(_))
    }

    pub fn choice_list(&self) -> Option<&str> {
        match self {
            FieldType::Choice(l) | FieldType::Choices(l) | FieldType::Relations(l) => Some(l),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Constraint {
    /// A regular expression the whole (normalised) value must match.
    #[serde(default)]
    pub pattern: Option<String>,
    #[serde(default)]
    pub max_len: Option<usize>,
    pub message: Localized2,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub step: String,
    pub label: Localized2,
    #[serde(default)]
    pub help: Localized2,
    #[serde(rename = "type")]
    pub field_type: FieldType,
    #[serde(default)]
    pub required: bool,
    /// Personal data (RGPD): left out of public exports.
    #[serde(default)]
    pub personal: bool,
    /// The kinds this field applies to; empty means every kind.
    #[serde(default)]
    pub kinds: Vec<String>,
    #[serde(default)]
    pub constraint: Option<Constraint>,
    /// A date field that also takes a year alone or a month (`2014`,
    /// `03/2021`), stored `2014`, `2021-03` (see census::partial_date).
    #[serde(default)]
    pub partial: bool,
}

impl Field {
    pub fn applies_to(&self, kind: Option<&str>) -> bool {
        match kind {
            _ if self.kinds.is_empty() => true,
            Some(k) => self.kinds.iter().any(|x| x == k),
            None => true,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemaFile {
    id: String,
    version: u32,
    label: Localized2,
    #[serde(default = "default_name_field")]
    name_field: String,
    #[serde(default = "default_kind_field")]
    kind_field: String,
    steps: Vec<Step>,
    choices: BTreeMap<String, Vec<Choice>>,
    fields: Vec<Field>,
    #[serde(default = "default_status_rules")]
    status_rules: Vec<StatusRule>,
    #[serde(default)]
    relay_kinds: Vec<String>,
    #[serde(default)]
    periods: Periods,
    #[serde(default)]
    report_framing: ReportFraming,
}

/// The wording of the élus report's framing paragraph: neutral (the needs
/// the commons answer) by default, or the study's own words (`etude`: "une
/// alternative démocratique au capitalisme numérique…") for a council that
/// shares them. `report_framing: etude` in the schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportFraming {
    #[default]
    Neutre,
    Etude,
}

/// How long things last: a fiche stays fresh, personal data is kept, a
/// deleted initiative's personal values survive. Each has a default, so a
/// schema may leave the block out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Periods {
    /// A fiche not verified for this many months is to be re-checked.
    pub freshness_months: u32,
    /// Personal data is kept this many months after the last contact (CNIL's
    /// guidance for contacts: three years).
    pub retention_months: u32,
    /// A deleted initiative's personal values are erased this many days after
    /// the deletion.
    pub deletion_grace_days: u32,
}

impl Default for Periods {
    fn default() -> Self {
        Periods {
            freshness_months: 12,
            retention_months: 36,
            deletion_grace_days: 30,
        }
    }
}

/// What an initiative must show before it moves up to a status.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub enum Requirement {
    /// At least one public problem answered, with a political or technical argument.
    PublicProblemArgued,
    /// At least one piece of evidence dated within this many days.
    RecentEvidence(u32),
    /// At least one confirmation by an agent who did not create the record.
    ConfirmedByOther,
    /// At least one support received.
    SupportReceived,
    /// A field of the form filled.
    FieldFilled(String),
}

/// The requirements of one status.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusRule {
    pub status: String,
    pub require: Vec<Requirement>,
}

/// *Légitimé* needs a public problem argued, evidence less than two years
/// old and a colleague's confirmation; *Soutenu* a support received.
pub fn default_status_rules() -> Vec<StatusRule> {
    vec![
        StatusRule {
            status: Status::Legitime.id().into(),
            require: vec![
                Requirement::PublicProblemArgued,
                Requirement::RecentEvidence(730),
                Requirement::ConfirmedByOther,
            ],
        },
        StatusRule {
            status: Status::Soutenu.id().into(),
            require: vec![Requirement::SupportReceived],
        },
    ]
}

fn default_name_field() -> String {
    "nom".into()
}
fn default_kind_field() -> String {
    "type".into()
}

/// A checked schema, ready to validate values.
#[derive(Debug, Clone)]
pub struct Schema {
    pub id: String,
    pub version: u32,
    pub label: Localized2,
    /// The field that names an initiative (`nom`).
    pub name_field: String,
    /// The field that gives its kind (`type`), a `Choice`.
    pub kind_field: String,
    pub steps: Vec<Step>,
    pub choices: BTreeMap<String, Vec<Choice>>,
    pub fields: Vec<Field>,
    /// Rules for moving up the status ladder.
    pub status_rules: Vec<StatusRule>,
    /// The kinds that are *structures relais* (social centres, media
    /// libraries…): a commune without one is a gap the dashboard shows.
    pub relay_kinds: Vec<String>,
    /// Freshness, retention and grace periods.
    pub periods: Periods,
    /// The wording of the élus report's framing paragraph.
    pub report_framing: ReportFraming,
    index: HashMap<String, usize, FixedState>,
    patterns: HashMap<String, regex_lite::Regex, FixedState>,
}

/// One thing wrong in a schema file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemaProblem {
    Syntax(crate::census::error::SyntaxError),
    EmptyId,
    DuplicateField(String),
    BadFieldId(String),
    UnknownStep { field: String, step: String },
    DuplicateStep(String),
    NoSteps,
    UnknownChoiceList { field: String, list: String },
    EmptyChoiceList(String),
    DuplicateChoice { list: String, choice: String },
    BadChoiceId { list: String, choice: String },
    BadPattern { field: String, error: String },
    UnknownKind { field: String, kind: String },
    MissingSpecialField { role: &'static str, field: String },
    KindFieldNotChoice(String),
    UnknownStatus(String),
    UnknownRuleField(String),
    UnknownRelayKind(String),
}

/// A problem with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedProblem {
    pub location: Location,
    pub problem: SchemaProblem,
}

/// Why a schema could not be used. Holds every problem found, not just the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaError {
    pub problems: Vec<LocatedProblem>,
}

fn valid_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
}

impl Schema {
    /// The embedded default schema.
    pub fn default_schema() -> Schema {
        // The embedded schema is checked by the test suite; failing here would
        // be a build defect, not a user error.
        Schema::parse(DEFAULT_SCHEMA_SOURCE, DEFAULT_SCHEMA_NAME)
            .expect("the embedded default schema is valid")
    }

    /// Reads and checks a schema; every problem found is reported with its
    /// `file:line:column`.
    pub fn parse(source: &str, file_name: &str) -> Result<Schema, SchemaError> {
        let text = SourceText::new(file_name, source);
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let file: SchemaFile = options.from_str(source).map_err(|e| SchemaError {
            problems: vec![LocatedProblem {
                location: text.location_of_span(&e.span),
                problem: SchemaProblem::Syntax(crate::census::error::SyntaxError::from_ron(
                    &e.code,
                )),
            }],
        })?;
        let problems = check(&file, &text);
        if !problems.is_empty() {
            return Err(SchemaError { problems });
        }
        let index = file
            .fields
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        let patterns = file
            .fields
            .iter()
            .filter_map(|f| {
                let p = f.constraint.as_ref()?.pattern.as_ref()?;
                Some((f.id.clone(), regex_lite::Regex::new(p).ok()?))
            })
            .collect();
        Ok(Schema {
            id: file.id,
            version: file.version,
            label: file.label,
            name_field: file.name_field,
            kind_field: file.kind_field,
            steps: file.steps,
            choices: file.choices,
            fields: file.fields,
            status_rules: file.status_rules,
            relay_kinds: file.relay_kinds,
            periods: file.periods,
            report_framing: file.report_framing,
            index,
            patterns,
        })
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.index.get(id).map(|&i| &self.fields[i])
    }

    pub fn pattern(&self, field: &str) -> Option<&regex_lite::Regex> {
        self.patterns.get(field)
    }

    pub fn choices(&self, list: &str) -> &[Choice] {
        self.choices.get(list).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn choice(&self, list: &str, id: &str) -> Option<&Choice> {
        self.choices(list).iter().find(|c| c.id == id)
    }

    /// The list of kinds (the choice list of the kind field).
    pub fn kinds(&self) -> &[Choice] {
        self.field(&self.kind_field)
            .and_then(|f| f.field_type.choice_list())
            .map(|l| self.choices(l))
            .unwrap_or(&[])
    }

    /// Fields of one step, in schema order.
    pub fn fields_of_step<'a>(&'a self, step: &'a str) -> impl Iterator<Item = &'a Field> + 'a {
        self.fields.iter().filter(move |f| f.step == step)
    }

    /// The label of a choice, or its id when the list does not know it.
    pub fn choice_label<'a>(&'a self, list: &str, id: &'a str, lang: Lang) -> &'a str {
        self.choice(list, id)
            .map(|c| c.label.get(lang))
            .unwrap_or(id)
    }
}

fn check(file: &SchemaFile, text: &SourceText) -> Vec<LocatedProblem> {
    let mut problems = Vec::new();
    let fields_start = text.find_key("fields", 0).unwrap_or(0);
    let steps_start = text.find_key("steps", 0).unwrap_or(0);
    let choices_start = text.find_key("choices", 0).unwrap_or(0);
    let mut push = |offset: usize, problem: SchemaProblem| {
        problems.push(LocatedProblem {
            location: text.location(offset),
            problem,
        })
    };

    if file.id.trim().is_empty() {
        push(text.find_key("id", 0).unwrap_or(0), SchemaProblem::EmptyId);
    }
    if file.steps.is_empty() {
        push(steps_start, SchemaProblem::NoSteps);
    }
    let mut step_ids = HashSet::new();
    for (n, step) in file.steps.iter().enumerate() {
        if !step_ids.insert(step.id.as_str()) {
            let at = text.find_id_value(
                &step.id,
                steps_start,
                n_occurrence(&file.steps[..n], |s| &s.id, &step.id),
            );
            push(at, SchemaProblem::DuplicateStep(step.id.clone()));
        }
    }
    for (list, items) in &file.choices {
        let list_at = text
            .find_string(list, choices_start)
            .unwrap_or(choices_start);
        if items.is_empty() {
            push(list_at, SchemaProblem::EmptyChoiceList(list.clone()));
        }
        let mut seen = HashSet::new();
        for (n, item) in items.iter().enumerate() {
            let nth = n_occurrence(&items[..n], |c| &c.id, &item.id);
            let at = || text.find_id_value(&item.id, list_at, nth);
            if !valid_id(&item.id) {
                push(
                    at(),
                    SchemaProblem::BadChoiceId {
                        list: list.clone(),
                        choice: item.id.clone(),
                    },
                );
            }
            if !seen.insert(item.id.as_str()) {
                push(
                    at(),
                    SchemaProblem::DuplicateChoice {
                        list: list.clone(),
                        choice: item.id.clone(),
                    },
                );
            }
        }
    }

    let mut field_ids = HashSet::new();
    let kind_list = file
        .fields
        .iter()
        .find(|f| f.id == file.kind_field)
        .and_then(|f| match &f.field_type {
            FieldType::Choice(l) => Some(l.clone()),
            _ => None,
        });
    for (n, field) in file.fields.iter().enumerate() {
        let nth = n_occurrence(&file.fields[..n], |f| &f.id, &field.id);
        let at = text.find_id_value(&field.id, fields_start, nth);
        if !valid_id(&field.id) {
            push(at, SchemaProblem::BadFieldId(field.id.clone()));
        }
        if !field_ids.insert(field.id.as_str()) {
            push(at, SchemaProblem::DuplicateField(field.id.clone()));
        }
        if !step_ids.contains(field.step.as_str()) {
            let a = text.find_string(&field.step, at).unwrap_or(at);
            push(
                a,
                SchemaProblem::UnknownStep {
                    field: field.id.clone(),
                    step: field.step.clone(),
                },
            );
        }
        if let Some(list) = field.field_type.choice_list()
            && !file.choices.contains_key(list)
        {
            let a = text.find_string(list, at).unwrap_or(at);
            push(
                a,
                SchemaProblem::UnknownChoiceList {
                    field: field.id.clone(),
                    list: list.to_string(),
                },
            );
        }
        for kind in &field.kinds {
            let known = kind_list
                .as_ref()
                .and_then(|l| file.choices.get(l))
                .is_some_and(|items| items.iter().any(|c| &c.id == kind));
            if !known {
                let a = text.find_string(kind, at).unwrap_or(at);
                push(
                    a,
                    SchemaProblem::UnknownKind {
                        field: field.id.clone(),
                        kind: kind.clone(),
                    },
                );
            }
        }
        if let Some(pattern) = field.constraint.as_ref().and_then(|c| c.pattern.as_ref())
            && let Err(e) = regex_lite::Regex::new(pattern)
        {
            let a = text.find_key("pattern", at).unwrap_or(at);
            push(
                a,
                SchemaProblem::BadPattern {
                    field: field.id.clone(),
                    error: e.to_string(),
                },
            );
        }
    }
    for (role, id) in [("name", &file.name_field), ("kind", &file.kind_field)] {
        if !file.fields.iter().any(|f| &f.id == id) {
            push(
                fields_start,
                SchemaProblem::MissingSpecialField {
                    role,
                    field: id.clone(),
                },
            );
        }
    }
    if file.fields.iter().any(|f| f.id == file.kind_field) && kind_list.is_none() {
        let at = text.find_id_value(&file.kind_field, fields_start, 0);
        push(
            at,
            SchemaProblem::KindFieldNotChoice(file.kind_field.clone()),
        );
    }
    if !file.relay_kinds.is_empty() {
        let relay_start = text.find_key("relay_kinds", 0).unwrap_or(0);
        let kinds = kind_list.as_ref().and_then(|l| file.choices.get(l));
        for kind in &file.relay_kinds {
            if !kinds.is_some_and(|items| items.iter().any(|c| &c.id == kind)) {
                let a = text.find_string(kind, relay_start).unwrap_or(relay_start);
                push(a, SchemaProblem::UnknownRelayKind(kind.clone()));
            }
        }
    }
    let rules_start = text.find_key("status_rules", 0).unwrap_or(0);
    for rule in &file.status_rules {
        let at = text
            .find_string(&rule.status, rules_start)
            .unwrap_or(rules_start);
        if !crate::census::status::STATUSES.contains(&rule.status.as_str()) {
            problems.push(LocatedProblem {
                location: text.location(at),
                problem: SchemaProblem::UnknownStatus(rule.status.clone()),
            });
        }
        for r in &rule.require {
            if let Requirement::FieldFilled(f) = r
                && !file.fields.iter().any(|x| &x.id == f)
            {
                let a = text.find_string(f, at).unwrap_or(at);
                problems.push(LocatedProblem {
                    location: text.location(a),
                    problem: SchemaProblem::UnknownRuleField(f.clone()),
                });
            }
        }
    }
    problems.sort_by_key(|p| (p.location.line, p.location.column));
    problems
}

/// How many earlier items have the same id (0 for the first occurrence).
fn n_occurrence<T>(earlier: &[T], id: impl Fn(&T) -> &String, wanted: &str) -> usize {
    earlier.iter().filter(|t| id(t) == wanted).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_schema_is_valid_and_has_the_fixed_ids() {
        let s = Schema::default_schema();
        for id in [
            "nom",
            "type",
            "commune",
            "code_postal",
            "code_insee",
            "adresse",
            "coordonnees",
            "site_web",
            "siret",
            "rna",
            "courriel",
            "telephone",
            "contact_nom",
            "contact_courriel",
            "contact_telephone",
            "communs_produits",
            "roles",
            "problemes_publics",
            "argument_politique",
            "argument_technique",
            "soutiens_recus",
            "besoins",
            "relations",
            "notes",
        ] {
            assert!(s.field(id).is_some(), "missing field {id}");
        }
        for id in ["contact_nom", "contact_courriel", "contact_telephone"] {
            assert!(s.field(id).unwrap().personal, "{id} must be personal");
        }
        assert!(!s.field("nom").unwrap().personal);
        let kinds: Vec<&str> = s.kinds().iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "association",
                "chatons",
                "collectif_libriste",
                "centre_social",
                "mediatheque",
                "mairie_de_quartier",
                "maison_des_associations",
                "patronage_laique",
                "aide_alimentaire",
                "espace_public_numerique",
                "fablab",
                "tiers_lieu",
                "lieu_de_rencontre",
                "evenement",
                "formation",
                "collectivite",
                "enseignement_recherche",
                "entreprise_ess",
                "ressource_commune",
            ]
        );
        // Every kind has a typologie code, but a CHATONS member: its
        // members are associations, companies, cooperatives, individuals,
        // and its code is its legal form's.
        for kind in s.kinds() {
            assert_eq!(
                kind.codes.contains_key("typologie"),
                kind.id != "chatons",
                "{}",
                kind.id
            );
        }
        let forms = s.field("forme_juridique").unwrap();
        assert_eq!(forms.kinds, ["chatons"]);
        let list = forms.field_type.choice_list().unwrap();
        for form in s.choices(list) {
            assert!(form.codes.contains_key("typologie"), "{}", form.id);
            assert!(form.codes.contains_key("chatonsinfos"), "{}", form.id);
        }
        let acts = crate::census::recognition::PUBLIC_ACTS;
        for act in acts {
            assert!(s.choice("preuves", act).is_some(), "{act}");
        }
    }

    #[test]
    fn default_choice_lists_have_the_fixed_ids() {
        let s = Schema::default_schema();
        let ids = |field: &str| -> Vec<String> {
            let list = s
                .field(field)
                .unwrap()
                .field_type
                .choice_list()
                .unwrap()
                .to_string();
            s.choices(&list).iter().map(|c| c.id.clone()).collect()
        };
        for (field, expected) in [
            (
                "communs_produits",
                &[
                    "logiciel_libre",
                    "donnees_ouvertes",
                    "contenus_libres",
                    "services_heberges",
                    "materiel_fabrication",
                    "savoirs_formations",
                ][..],
            ),
            (
                "roles",
                &[
                    "fonction_publique",
                    "academique",
                    "organisateur_espaces",
                    "contributeur",
                ][..],
            ),
            (
                "problemes_publics",
                &[
                    "fracture_numerique",
                    "souverainete",
                    "transition_ecologique",
                    "democratie",
                    "depense_publique",
                ][..],
            ),
            (
                "soutiens_recus",
                &[
                    "subvention_fonctionnement",
                    "appel_a_projets",
                    "materiel",
                    "hebergement",
                    "locaux",
                    "formation_agents",
                    "poste_dedie",
                ][..],
            ),
            (
                "besoins",
                &[
                    "subvention_fonctionnement",
                    "appel_a_projets",
                    "materiel",
                    "hebergement",
                    "locaux",
                    "formation_agents",
                    "poste_dedie",
                ][..],
            ),
        ] {
            let got = ids(field);
            for id in expected {
                assert!(got.iter().any(|g| g == id), "{field} lacks {id}");
            }
        }
    }

    #[test]
    fn periods_default_when_left_out_and_are_read_when_given() {
        let default = include_str!("../../schemas/communs-numeriques.ron");
        let i = default.find("    periods:").unwrap();
        let j = i + default[i..].find('\n').unwrap() + 1;
        let without = format!("{}{}", &default[..i], &default[j..]);
        let s = Schema::parse(&without, "s.ron").unwrap();
        assert_eq!(s.periods, Periods::default());
        assert_eq!(s.periods.retention_months, 36);
        let other = default.replace("retention_months: 36", "retention_months: 24");
        let s = Schema::parse(&other, "s.ron").unwrap();
        assert_eq!(s.periods.retention_months, 24);
        assert_eq!(s.periods.freshness_months, 12);
        let unknown = default.replace("retention_months: 36", "retention_mois: 36");
        assert!(Schema::parse(&unknown, "s.ron").is_err());
    }
}
