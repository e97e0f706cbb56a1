//! `recense --version`: the version, the commit the binary was built from
//! (`build.rs`), its target, and the versions of what it embeds: the
//! default form and the communes referential.

use crate::census::schema::Schema;
use crate::census::territory::embedded_source;
use crate::i18n::help::help;
use crate::i18n::{Lang, fill};

/// The long version text, after the program's name.
pub fn long(lang: Lang) -> String {
    let w = help(lang);
    let commit = match env!("RECENSE_COMMIT") {
        "" => w.unknown,
        commit => commit,
    };
    let schema = Schema::default_schema();
    let lines = [
        env!("CARGO_PKG_VERSION").to_string(),
        fill(w.commit, &[("value", &commit)]),
        fill(w.target, &[("value", &env!("RECENSE_TARGET"))]),
        fill(w.form, &[("id", &schema.id), ("version", &schema.version)]),
        fill(
            w.communes,
            &[("value", &embedded_source().replace('\t', " ; "))],
        ),
    ];
    lines.join("\n")
}
