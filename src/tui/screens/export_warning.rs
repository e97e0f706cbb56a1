//! The export dialog's warning, as `recense export --public` gives it: the
//! free texts going out in a public file that look like they hold an
//! e-mail address or a phone number (`census::erase::public`).

use crate::census::erase::public::flag_selection;
use crate::census::model::Initiative;
use crate::i18n::erasure::flagged_line;
use crate::i18n::fill;
use crate::tui::app::Core;
use crate::tui::words::public_warning::public_warning;

/// The warning lines for a public export of `selection` (none when no
/// free text looks personal).
pub fn lines(core: &Core, selection: &[&Initiative]) -> Vec<String> {
    let flagged = flag_selection(&core.session.ws.schema, selection);
    if flagged.is_empty() {
        return Vec::new();
    }
    let t = public_warning(core.lang);
    let mut out = vec![fill(t.flagged_head, &[("n", &flagged.len())])];
    out.extend(flagged.iter().map(|f| flagged_line(f, core.lang)));
    out
}
