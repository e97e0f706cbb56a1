//! The words of what merging a received file reports beyond its summary:
//! another territory, values `add` would refuse (also listed by `doctor`).

use super::{Lang, Localized, value_problem};
use crate::census::file::write_str_literal;
use crate::census::ops::OpError;
use crate::census::receive::{InvalidValue, OtherTerritory};

strings! { ReceivedText, received;
    territory_kept: "{file} : ce fichier recense le territoire « {theirs} », pas « {ours} » : le recensement garde « {kept} »", "{file}: this file is a census of `{theirs}`, not `{ours}`: the census keeps `{kept}`";
    territory_chosen: "{file} : ce fichier recense le territoire « {theirs} », pas « {ours} » : le recensement est désormais celui de « {kept} »", "{file}: this file is a census of `{theirs}`, not `{ours}`: the census is now of `{kept}`";
    territory_hint: "(--territory NOM pour en choisir un autre)", "(--territory NAME to choose another)";
    invalid_at_merge: "{file} : {n} {n:valeur|valeurs} que « recense add » refuserait, {n:gardée telle quelle|gardées telles quelles} (corrigez-{n:la|les} avec « recense edit ») :", "{file}: {n} {n:values|value|values} `recense add` would refuse, kept as {n:they are|it is|they are} (correct {n:them|it|them} with `recense edit`):";
    invalid_in_census: "{n} {n:valeur|valeurs} que « recense add » refuserait (corrigez-{n:la|les} avec « recense edit ») :", "{n} {n:values|value|values} `recense add` would refuse (correct {n:them|it|them} with `recense edit`):";
    invalid_short: "{n} {n:valeur|valeurs} que « recense add » refuserait, {n:gardée|gardées} (« recense doctor » {n:la liste|les liste})", "{n} {n:values|value|values} `recense add` would refuse, kept (`recense doctor` lists {n:them|it|them})";
    relation_to_itself: "une initiative ne peut pas être reliée à elle-même", "an initiative cannot be related to itself";
    colon: " : ", ": ";
}

/// The warning about a census of another territory, for the file `file`.
pub fn other_territory(t: &OtherTerritory, file: &dyn std::fmt::Display, lang: Lang) -> String {
    let text = received(lang);
    let words = if t.kept == t.ours {
        text.territory_kept
    } else {
        text.territory_chosen
    };
    super::fill(
        words,
        &[
            ("file", file),
            ("theirs", &t.theirs),
            ("ours", &t.ours),
            ("kept", &t.kept),
        ],
    )
}

/// One line: `  ID FIELD="VALUE" : why` (the value quoted as in the file,
/// so that a newline or a control character shows).
impl Localized for InvalidValue {
    fn localize(&self, lang: Lang) -> String {
        let text = received(lang);
        let why = match &self.error {
            OpError::Invalid { error, .. } => value_problem(error, lang),
            OpError::RelationTarget { error, .. } => error.localize(lang),
            OpError::RelationToItself { .. } => text.relation_to_itself.to_string(),
            other => other.localize(lang),
        };
        let mut value = String::new();
        write_str_literal(&mut value, &self.value);
        let value = crate::display::quoted(&value);
        format!(
            "  {} {}={value}{}{why}",
            self.initiative, self.field, text.colon
        )
    }
}

/// What the interface adds to a merge's summary line: ` · ` and the warning
/// about another territory, ` · ` and how many values `add` would refuse.
pub fn merged_extra(
    r: &crate::census::receive::Received,
    file: &dyn std::fmt::Display,
    lang: Lang,
) -> String {
    let mut out = String::new();
    if let Some(other) = &r.territory {
        out.push_str(" · ");
        out.push_str(&other_territory(other, file, lang));
    }
    if let Some(held) = &r.erased {
        out.push_str(" · ");
        out.push_str(&super::erasure::held_erased(held, file, lang));
    }
    if !r.invalid.is_empty() {
        out.push_str(" · ");
        out.push_str(&super::fill(
            received(lang).invalid_short,
            &[("n", &r.invalid.len())],
        ));
    }
    out
}

/// Why a received file was refused, worded once for `recense merge`, the
/// git merge driver and the interface's `:merge`.
impl Localized for crate::census::exchange::IncomingError {
    fn localize(&self, lang: Lang) -> String {
        use crate::census::exchange::IncomingError;
        match self {
            IncomingError::Load(e) => e.localize(lang),
            IncomingError::Checksum { path, missing } => {
                let t = super::cli::cli(lang);
                let text = if *missing {
                    t.checksum_missing
                } else {
                    t.checksum_bad
                };
                super::fill(text, &[("file", &path.display())])
            }
            IncomingError::Merge(e) => e.localize(lang),
        }
    }
}

impl Localized for crate::census::merge::MergeError {
    fn localize(&self, lang: Lang) -> String {
        let crate::census::merge::MergeError::Schema { ours, theirs } = self;
        super::fill(
            super::cli::cli(lang).schema_mismatch,
            &[("ours", ours), ("theirs", theirs)],
        )
    }
}

impl Localized for crate::census::session::OpenError {
    fn localize(&self, lang: Lang) -> String {
        use crate::census::session::OpenError;
        match self {
            OpenError::Load(e) => e.localize(lang),
            OpenError::Lock(e) => e.localize(lang),
        }
    }
}
