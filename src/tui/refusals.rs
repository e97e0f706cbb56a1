//! Legitimizing refusals in the interface's own terms: the keys and screens
//! that do what is missing ("un collègue, sur sa copie, touche v, puis
//! :merge"), never a command to type in another terminal. The rules are the
//! library's (`census::status`); only the words are the interface's.

use crate::census::id::AgentId;
use crate::census::model::Initiative;
use crate::census::schema::Schema;
use crate::census::status::{self, Missing, StatusError};
use crate::i18n::{Lang, Localized, fill, status_label};
use crate::tui::action::Action;
use crate::tui::app::Core;
use crate::tui::keymap::{Context, KeyMap};
use crate::tui::words::refusal::refusal;

/// What the words need: the live keymap, the census's schema, the language.
pub struct Here<'a> {
    pub keymap: &'a KeyMap,
    pub schema: &'a Schema,
    pub lang: Lang,
}

impl<'a> Here<'a> {
    pub fn of(core: &'a Core) -> Here<'a> {
        Here {
            keymap: &core.keymap,
            schema: &core.session.ws.schema,
            lang: core.lang,
        }
    }
}

/// The label of the key bound to `action` in the record, `?` when unbound.
fn key(keymap: &KeyMap, action: Action, lang: Lang) -> String {
    keymap
        .first_key(Context::Detail, action)
        .map_or_else(|| "?".to_string(), |k| k.label(lang))
}

/// A field's label in the census's schema, its id when unknown.
fn label(core: &Here, field: &str) -> String {
    core.schema
        .field(field)
        .map_or_else(|| field.to_string(), |f| f.label.get(core.lang).to_string())
}

fn age(days: u32, lang: Lang) -> String {
    match (days.is_multiple_of(365), lang) {
        (true, Lang::Fr) if days == 365 => "un an".into(),
        (true, Lang::Fr) => format!("{} ans", days / 365),
        (true, Lang::En) if days == 365 => "a year".into(),
        (true, Lang::En) => format!("{} years", days / 365),
        (false, Lang::Fr) => format!("{days} jours"),
        (false, Lang::En) => format!("{days} days"),
    }
}

/// What is missing, said with the key that does it.
pub fn missing_here(core: &Here, m: &Missing) -> String {
    let t = refusal(core.lang);
    let keymap = core.keymap;
    let edit = key(keymap, Action::Edit, core.lang);
    match m {
        Missing::Confirmation => fill(
            t.missing_confirmation,
            &[("confirm", &key(keymap, Action::ConfirmRecord, core.lang))],
        ),
        Missing::RecentEvidence { days } => fill(
            t.missing_evidence,
            &[
                ("age", &age(*days, core.lang)),
                ("evidence", &key(keymap, Action::AddEvidence, core.lang)),
            ],
        ),
        Missing::PublicProblem => fill(
            t.missing_public_problem,
            &[
                ("edit", &edit),
                ("field", &label(core, "problemes_publics")),
            ],
        ),
        Missing::Argument => fill(
            t.missing_argument,
            &[
                ("edit", &edit),
                ("field", &label(core, "argument_politique")),
                ("other", &label(core, "argument_technique")),
            ],
        ),
        Missing::Support => fill(
            t.missing_support,
            &[("edit", &edit), ("field", &label(core, "soutiens_recus"))],
        ),
        Missing::Field(f) => fill(
            t.missing_field,
            &[("edit", &edit), ("field", &label(core, f))],
        ),
    }
}

/// Why a legitimizing step was refused, in the interface's terms.
pub fn refusal_here(core: &Here, e: &StatusError) -> String {
    let t = refusal(core.lang);
    let confirm = key(core.keymap, Action::ConfirmRecord, core.lang);
    match e {
        StatusError::OwnConfirmation => fill(t.own_confirmation, &[("confirm", &confirm)]),
        StatusError::AlreadyConfirmed => fill(t.already_confirmed, &[("confirm", &confirm)]),
        StatusError::Refused { status, missing } => {
            let missing: Vec<String> = missing.iter().map(|m| missing_here(core, m)).collect();
            fill(
                t.not_yet,
                &[
                    ("status", &status_label(status, core.lang)),
                    ("missing", &missing.join(" ; ")),
                ],
            )
        }
        other => other.localize(core.lang),
    }
}

/// Why `agent` may not confirm `i`, said before any comment is asked.
pub fn confirmation_refused_here(core: &Core, i: &Initiative, agent: AgentId) -> Option<String> {
    status::confirmation_refused(i, agent).map(|e| refusal_here(&Here::of(core), &e))
}
