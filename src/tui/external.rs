//! A field's text edited in the person's own editor, as git and mutt do:
//! `$VISUAL`, else `$EDITOR`, else `vi`, run as `sh -c '$EDITOR "$@"'` (so
//! that `EDITOR="code -w"` works) on a file in a private temporary folder
//! (0700, the file 0600, both removed after). The text comes back less one
//! final line break. Screens only ask for it ([`ExternalEdit`], through an
//! `Effect`); the run loop does it, with the terminal given to the editor
//! meanwhile (`terminal::Guard::suspended`).

use std::ffi::OsStr;
use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::tui::action::Action;
use crate::tui::app::Input;
use crate::tui::keymap::{Key, KeyCodeOrd};

/// What a screen asks the run loop to edit: the text, and a name for the
/// file (the field's id), so that the editor's title says what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalEdit {
    pub text: String,
    pub name: String,
}

/// Why the text could not be edited; the field keeps its text.
#[derive(Debug)]
pub enum ExternalError {
    /// The temporary folder or file could not be written.
    TempFile(std::io::Error),
    /// `sh` itself could not be started.
    Start {
        editor: String,
        error: std::io::Error,
    },
    /// The shell found no such command (exit 127).
    NotFound { editor: String },
    /// The editor ended with an error (its code), or was killed (none).
    Failed { editor: String, code: Option<i32> },
    /// The file could not be read back, or is not UTF-8.
    Read(std::io::Error),
}

/// The editor's command: `$VISUAL`, else `$EDITOR`, else `vi` (an empty
/// variable counts as unset, as in git).
pub fn editor_command(visual: Option<&OsStr>, editor: Option<&OsStr>) -> String {
    [visual, editor]
        .into_iter()
        .flatten()
        .map(|v| v.to_string_lossy().trim().to_string())
        .find(|v| !v.is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// The editor of this environment.
pub fn editor_from_env() -> String {
    editor_command(
        std::env::var_os("VISUAL").as_deref(),
        std::env::var_os("EDITOR").as_deref(),
    )
}

/// The input a screen is given after the editor: its text is then checked
/// and confirmed as if typed and confirmed.
pub fn confirm_input() -> Input {
    Input {
        key: Key::plain(KeyCodeOrd::Enter),
        action: Some(Action::Confirm),
    }
}

/// A file name made of the field's id: letters, digits, `-` and `_`.
fn file_name(name: &str) -> String {
    let base: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let base = if base.is_empty() { "texte" } else { &base };
    format!("{base}.txt")
}

/// Writes the text in a private temporary file, runs `editor` on it (with
/// the terminal as it is: the caller leaves the interface's screen first),
/// and reads the text back.
pub fn edit(editor: &str, request: &ExternalEdit) -> Result<String, ExternalError> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("recense-");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    let dir = builder.tempdir().map_err(ExternalError::TempFile)?;
    let path = dir.path().join(file_name(&request.name));
    write_private(&path, &format!("{}\n", request.text)).map_err(ExternalError::TempFile)?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .arg(&path)
        .status()
        .map_err(|error| ExternalError::Start {
            editor: editor.to_string(),
            error,
        })?;
    match status.code() {
        Some(0) => {}
        Some(127) => {
            return Err(ExternalError::NotFound {
                editor: editor.to_string(),
            });
        }
        code => {
            return Err(ExternalError::Failed {
                editor: editor.to_string(),
                code,
            });
        }
    }
    let text = std::fs::read_to_string(&path).map_err(ExternalError::Read)?;
    // The folder and the file go with `dir`, here.
    Ok(match text.strip_suffix('\n') {
        Some(t) => t.strip_suffix('\r').unwrap_or(t).to_string(),
        None => text,
    })
}

/// A new file only its owner can read and write.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(path)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(text: &str) -> ExternalEdit {
        ExternalEdit {
            text: text.to_string(),
            name: "description".to_string(),
        }
    }

    /// A small editor: a shell script in its own folder.
    fn script(dir: &Path, body: &str) -> String {
        let path = dir.join("editor.sh");
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the script");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
                .expect("make it executable");
        }
        path.display().to_string()
    }

    #[test]
    fn visual_then_editor_then_vi() {
        fn s(v: &str) -> Option<&OsStr> {
            Some(OsStr::new(v))
        }
        assert_eq!(editor_command(s("nvim"), s("nano")), "nvim");
        assert_eq!(editor_command(s(" "), s("nano")), "nano");
        assert_eq!(editor_command(None, s("code -w")), "code -w");
        assert_eq!(editor_command(None, None), "vi");
    }

    #[test]
    fn the_editor_gets_a_private_file_and_its_text_comes_back() {
        let dir = tempfile::tempdir().expect("folder");
        let seen = dir.path().join("seen");
        // Notes what it was given (the text, the file's mode, its folder's),
        // then writes a paragraph of two lines.
        let editor = script(
            dir.path(),
            &format!(
                "cat \"$1\" > '{0}.text'; stat -c %a \"$1\" > '{0}.mode'; \
                 stat -c %a \"$(dirname \"$1\")\" > '{0}.dir'; echo \"$1\" > '{0}.path'; \
                 printf 'Ligne un\\nligne deux\\n' > \"$1\"",
                seen.display()
            ),
        );
        let out = edit(&editor, &request("Avant")).expect("edited");
        assert_eq!(out, "Ligne un\nligne deux");
        let read = |ext: &str| {
            std::fs::read_to_string(format!("{}.{ext}", seen.display()))
                .expect("noted")
                .trim_end()
                .to_string()
        };
        assert_eq!(read("text"), "Avant");
        assert_eq!(read("mode"), "600");
        assert_eq!(read("dir"), "700");
        assert!(read("path").ends_with("/description.txt"));
        assert!(
            !Path::new(&read("path")).exists(),
            "the file is removed after"
        );
    }

    #[test]
    fn arguments_in_the_command_are_split_by_the_shell() {
        let dir = tempfile::tempdir().expect("folder");
        let editor = script(dir.path(), "printf '%s' \"$1\" > \"$2\"");
        let out = edit(&format!("{editor} 'deux mots'"), &request("x")).expect("edited");
        assert_eq!(out, "deux mots");
    }

    #[test]
    fn a_failing_or_missing_editor_is_an_error() {
        let failed = edit("false", &request("x"));
        assert!(matches!(
            failed,
            Err(ExternalError::Failed { code: Some(1), .. })
        ));
        let missing = edit("recense-no-such-editor", &request("x"));
        assert!(matches!(missing, Err(ExternalError::NotFound { .. })));
    }
}
