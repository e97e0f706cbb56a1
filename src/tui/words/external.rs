//! The interface's words of editing a text in one's own editor (Ctrl-e):
//! why it failed, always saying that the field kept its text.

use crate::display::quoted;
use crate::lang::{Lang, fill};
use crate::tui::external::ExternalError;

strings! { ExternalUi, external_ui;
    not_found: "Éditeur introuvable : {editor}. Réglez VISUAL ou EDITOR (par exemple EDITOR=nano) ; le champ garde son texte.", "Editor not found: {editor}. Set VISUAL or EDITOR (for example EDITOR=nano); the field keeps its text.";
    failed: "L'éditeur {editor} a échoué (code {code}) : le champ garde son texte.", "The editor {editor} failed (code {code}): the field keeps its text.";
    killed: "L'éditeur {editor} a été interrompu : le champ garde son texte.", "The editor {editor} was interrupted: the field keeps its text.";
    start: "L'éditeur {editor} n'a pas pu être lancé ({error}) : le champ garde son texte.", "The editor {editor} could not be started ({error}): the field keeps its text.";
    temp_file: "Le fichier temporaire pour l'éditeur n'a pas pu être écrit ({error}) : le champ garde son texte.", "The temporary file for the editor could not be written ({error}): the field keeps its text.";
    read: "Le texte de l'éditeur n'a pas pu être relu ({error}) : le champ garde son texte. Enregistrez en UTF-8.", "The editor's text could not be read back ({error}): the field keeps its text. Save it as UTF-8.";
}

/// Why editing in the editor failed, in `lang`.
pub fn external_error(e: &ExternalError, lang: Lang) -> String {
    let t = external_ui(lang);
    let name = |editor: &str| match lang {
        Lang::Fr => format!("« {} »", quoted(editor)),
        Lang::En => format!("“{}”", quoted(editor)),
    };
    match e {
        ExternalError::NotFound { editor } => fill(t.not_found, &[("editor", &name(editor))]),
        ExternalError::Failed {
            editor,
            code: Some(code),
        } => fill(t.failed, &[("editor", &name(editor)), ("code", code)]),
        ExternalError::Failed { editor, code: None } => {
            fill(t.killed, &[("editor", &name(editor))])
        }
        ExternalError::Start { editor, error } => {
            fill(t.start, &[("editor", &name(editor)), ("error", error)])
        }
        ExternalError::TempFile(error) => fill(t.temp_file, &[("error", error)]),
        ExternalError::Read(error) => fill(t.read, &[("error", error)]),
    }
}
