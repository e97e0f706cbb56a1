//! The words of a problem in the user's key file.

use crate::lang::{Lang, Localized};
use crate::tui::keymap::KeysProblem;

impl Localized for KeysProblem {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use crate::tui::keymap::KeysProblemKind as K;
        let what = match (&self.what, lang) {
            (K::Syntax(e), _) => e.localize(lang),
            (K::UnknownAction { context, action }, Lang::Fr) => format!("action « {action} » inconnue dans « {context} » ; « recense » puis ? montre les actions de chaque écran."),
            (K::UnknownAction { context, action }, Lang::En) => format!("unknown action `{action}` in `{context}`; ? in recense shows each screen's actions."),
            (K::ActionNotInContext { context, action }, Lang::Fr) => format!("l'action « {action} » n'existe pas dans l'écran « {context} »."),
            (K::ActionNotInContext { context, action }, Lang::En) => format!("action `{action}` does not exist in screen `{context}`."),
            (K::BadKey(k), Lang::Fr) => format!("touche « {k} » illisible (exemples : \"j\", \"ctrl-d\", \"enter\", \"pagedown\")."),
            (K::BadKey(k), Lang::En) => format!("unreadable key `{k}` (e.g. \"j\", \"ctrl-d\", \"enter\", \"pagedown\")."),
        };
        format!("{}: {what}", self.location)
    }
}
