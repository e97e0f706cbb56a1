//! Legitimizing from the interface: a status change, evidence, a
//! confirmation, a link — on one initiative or on all the marked ones, always
//! through the library's functions (those the command line calls), saved as
//! every other change: one initiative through the journal, a batch with one
//! save of the whole census.
//!
//! Undo: a status change (even of a batch) is undone as one step, by setting
//! each initiative's previous status back (recorded in its history like any
//! change). Evidence and confirmations cannot be taken back — they merge by
//! union with colleagues' copies — so undo says so and leaves them.

use crate::census::id::InitiativeId;
use crate::census::network;
use crate::census::ops::OpError;
use crate::census::status::{self, StatusError};
use crate::i18n::{Localized, fill};
use crate::tui::words::legitimize::legit;

use super::action::Action;
use super::app::Core;
use super::keymap::Context;

/// What to do to each target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LegitimizeStep {
    Status {
        status: String,
        comment: String,
    },
    Evidence {
        kind: String,
        /// Empty: today.
        date: String,
        note: String,
        url: String,
    },
    Confirm {
        comment: String,
    },
}

/// What an action did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepResult {
    pub done: Vec<InitiativeId>,
    /// Those left unchanged, with why (the command line's words).
    pub refused: Vec<(InitiativeId, String)>,
    /// A value refused before anything changed (a date, a link): the same
    /// for every target, so the form says it and stays open.
    pub invalid: Option<String>,
}

/// How to undo a legitimizing step (kept by the session's undo).
pub use crate::census::session::LegitimizeUndo;

impl Core {
    /// Applies `action` to every target; those refused are listed with why,
    /// the others are done. One target: saved through the journal; several:
    /// one save of the whole census.
    pub fn legitimize(&mut self, targets: &[InitiativeId], action: &LegitimizeStep) -> StepResult {
        if let Err(text) = self.writable() {
            return StepResult {
                invalid: Some(text),
                ..StepResult::default()
            };
        }
        let session = &mut self.session;
        let now = session.clock.now();
        let agent = &session.agent;
        let mut out = StepResult::default();
        let mut before = Vec::new();
        for id in targets {
            let previous = (session.ws.census.get(id)).map(|i| status::current(i).to_string());
            let census = &mut session.ws.census;
            let schema = &session.ws.schema;
            let result = match action {
                LegitimizeStep::Status { status, comment } => {
                    census.set_status(schema, id, status, comment, agent, now)
                }
                LegitimizeStep::Evidence {
                    kind,
                    date,
                    note,
                    url,
                } => {
                    let date = Some(date.trim()).filter(|d| !d.is_empty());
                    census.add_evidence(schema, id, kind, date, note, url, agent, now)
                }
                LegitimizeStep::Confirm { comment } => census.confirm(id, comment, agent, now),
            };
            match result {
                Ok(()) => {
                    out.done.push(id.clone());
                    if let Some(p) = previous {
                        before.push((id.clone(), p));
                    }
                }
                // A bad date or link is checked before anything is written,
                // and would be refused for every target alike.
                Err(e @ StatusError::Op(OpError::Invalid { .. })) => {
                    out.invalid = Some(e.localize(self.lang));
                    break;
                }
                Err(e) => {
                    let here = crate::tui::refusals::Here {
                        keymap: &self.keymap,
                        schema: &session.ws.schema,
                        lang: self.lang,
                    };
                    let text = crate::tui::refusals::refusal_here(&here, &e);
                    out.refused.push((id.clone(), text));
                }
            }
        }
        if out.done.is_empty() {
            return out;
        }
        self.save_changed(&out.done, targets.len() == 1);
        let undo = match action {
            LegitimizeStep::Status { .. } => LegitimizeUndo::Statuses(before),
            _ => LegitimizeUndo::Irreversible,
        };
        self.push_legit_undo(undo);
        out
    }

    /// After changes of `ids`: indexes, list and conflicts brought up to
    /// date, then saved (one through the journal, or the whole census once).
    fn save_changed(&mut self, ids: &[InitiativeId], one: bool) {
        if let ([id], true) = (ids, one) {
            self.after_change(id);
            return;
        }
        let ws = &self.session.ws;
        for id in ids {
            if let Some(pos) = ws.census.position(id) {
                self.index.update(&ws.census, &ws.schema, pos);
            }
        }
        self.refresh_list();
        self.count_conflicts();
        self.save_all();
    }

    /// Links `id` to `target` with `kind`, or removes that link: an edit of
    /// the relations field, undone as any edit. Returns whether it changed.
    pub fn link(
        &mut self,
        id: &InitiativeId,
        kind: &str,
        target: &str,
        add: bool,
    ) -> Result<bool, String> {
        let ws = &self.session.ws;
        let changes = network::link_changes(&ws.schema, &ws.census, id, kind, target, add)
            .map_err(|e| e.localize(self.lang))?;
        self.edit(id, &changes)
    }

    /// Undoes a legitimizing step (called by `Core::undo`).
    pub(super) fn undo_legit(&mut self, step: LegitimizeUndo) {
        let t = legit(self.lang);
        let list = match step {
            LegitimizeUndo::Irreversible => {
                let key = self.undo_key();
                self.say(fill(t.undo_irreversible, &[("key", &key)]));
                return;
            }
            LegitimizeUndo::Statuses(list) => list,
        };
        let (done, refused) = self.session.set_statuses_back(&list, t.undo_comment);
        let refused: Vec<String> = refused.iter().map(|e| e.localize(self.lang)).collect();
        if !done.is_empty() {
            self.save_changed(&done, list.len() == 1);
            if let [id] = done.as_slice() {
                self.list.select_id(&self.session.ws.census, id);
            }
        }
        if refused.is_empty() {
            self.say(fill(t.undo_statuses, &[("n", &done.len())]));
        } else {
            self.error(fill(
                t.undo_statuses_refused,
                &[
                    ("n", &done.len()),
                    ("refused", &refused.len()),
                    ("why", &refused[0]),
                ],
            ));
        }
    }

    /// The key of undo, as the help shows it.
    pub fn undo_key(&self) -> String {
        self.keymap
            .first_key(Context::List, Action::Undo)
            .map(|k| k.label(self.lang))
            .unwrap_or_default()
    }
}
