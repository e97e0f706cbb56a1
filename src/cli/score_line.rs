//! The record's score in `recense show`: the same figure, name and form as
//! in the interface and the reports.

use crate::census::model::Initiative;
use crate::census::schema::Schema;
use crate::census::status;
use crate::i18n::Lang;
use crate::i18n::score::{score_value, score_words};

/// `  Statut : Repéré · Score 77/100 (complétude et fraîcheur des preuves)`.
pub fn score_line(schema: &Schema, i: &Initiative, lang: Lang) -> String {
    let today = crate::census::time::Timestamp::now().date();
    let words = score_words(lang);
    format!(
        "  {} · {} {} ({})\n",
        crate::i18n::status_label(status::current(i), lang),
        words.name,
        score_value(status::score(schema, i, today), lang),
        words.meaning
    )
}
