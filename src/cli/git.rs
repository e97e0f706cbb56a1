//! Working with git: the merge driver's set-up, and a check of everything.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::census::conflicts::conflicts;
use crate::census::draft::Draft;
use crate::census::duplicates::all_pairs;
use crate::census::error::SaveError;
use crate::census::file::ChecksumState;
use crate::census::store::LockState;
use crate::census::{repo, store};
use crate::i18n::cli::cli;
use crate::i18n::{Localized, fill};

use super::git_run::git;
use super::git_tree;
use super::invocation::{Fail, Invocation};

fn census_dir(file: &Path) -> PathBuf {
    file.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The repository root and the census path relative to it, `/`-separated.
fn in_repo(file: &Path) -> Option<(PathBuf, String)> {
    let dir = census_dir(file);
    let root = PathBuf::from(git(&dir, &["rev-parse", "--show-toplevel"])?);
    let abs = std::fs::canonicalize(&dir).ok()?.join(file.file_name()?);
    let rel = abs.strip_prefix(std::fs::canonicalize(&root).ok()?).ok()?;
    Some((root, rel.to_string_lossy().replace('\\', "/")))
}

/// The text of a file of the repository, empty when there is none yet; an
/// error when it cannot be read (it is then not overwritten).
fn read_existing(ctx: &Invocation, path: &Path) -> Result<String, Fail> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(e) => Err(Fail::new(format!(
            "{}: {}",
            path.display(),
            crate::i18n::io_error(&e, ctx.lang)
        ))),
    }
}

/// Writes a file of the repository: no `.bak` beside it, since git keeps
/// the history and `git add -A` would take the backup in.
fn write_repo_file(ctx: &Invocation, path: &Path, text: &str) -> Result<(), Fail> {
    store::save_text_with(path, text, store::Backup::None).map_err(|e| ctx.fail(&e))
}

/// The command git runs: this very program, wherever it is installed.
fn driver_command() -> String {
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "recense".to_string());
    format!("'{exe}' git-merge-driver %O %A %B %P")
}

pub fn setup_git(ctx: &Invocation) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    let file = git_tree::census_to_set_up(ctx)?;
    let Some((root, rel)) = in_repo(&file) else {
        return Err(Fail::new(fill(
            t.git_not_repo,
            &[("dir", &census_dir(&file).display())],
        )));
    };
    let attributes = root.join(".gitattributes");
    let line = repo::attribute_line(&rel);
    let existing = read_existing(ctx, &attributes)?;
    if existing.lines().any(|l| l.trim() == line) {
        outln!(
            "{}",
            fill(
                t.git_setup_attributes_kept,
                &[("file", &attributes.display()), ("line", &line)]
            )
        );
    } else {
        // A line an earlier version wrote unquoted is replaced, not kept.
        let old = repo::unquoted_attribute_line(&rel);
        let mut text: String = existing
            .lines()
            .filter(|l| l.trim() != old)
            .map(|l| format!("{l}\n"))
            .collect();
        text.push_str(&line);
        text.push('\n');
        write_repo_file(ctx, &attributes, &text)?;
        outln!(
            "{}",
            fill(
                t.git_setup_attributes,
                &[("file", &attributes.display()), ("line", &line)]
            )
        );
    }
    let ignore = root.join(".gitignore");
    let existing = read_existing(ctx, &ignore)?;
    let changed = git_tree::ignore_text(ctx, &existing, &rel);
    if let Some(text) = &changed {
        write_repo_file(ctx, &ignore, text)?;
    }
    git_tree::say_ignored(ctx, &ignore, &rel, changed.is_some());
    let driver = driver_command();
    for (key, value) in [
        ("merge.recense.name", "recense"),
        ("merge.recense.driver", driver.as_str()),
    ] {
        if git(&root, &["config", key, value]).is_none() {
            return Err(Fail::new(format!("git config {key}")));
        }
    }
    outln!("{}", fill(t.git_setup_config, &[("driver", &driver)]));
    outln!("{}", t.git_setup_done);
    Ok(ExitCode::SUCCESS)
}

pub fn doctor(ctx: &Invocation) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    let mut all_ok = true;
    let mut report = |ok: bool, text: String| {
        all_ok &= ok;
        let mark = if ok { t.doctor_ok } else { t.doctor_problem };
        outln!("[{mark}] {text}");
    };
    match &ctx.agent {
        Some(a) => report(
            true,
            fill(t.doctor_agent, &[("name", &a.name), ("id", &a.id)]),
        ),
        None => report(false, t.doctor_no_agent.to_string()),
    }
    let lock = store::lock_path(&ctx.file);
    match store::lock_state(&lock) {
        LockState::Free => report(true, t.doctor_lock_free.to_string()),
        LockState::Stale(h) => report(true, fill(t.doctor_lock_stale, &[("who", &h.agent)])),
        // How to check it, and remove it: the words of a refused write.
        LockState::Unproven(holder) => report(
            false,
            SaveError::LockNotProvablyStale {
                path: ctx.file.clone(),
                lock,
                holder: holder.map(Box::new),
            }
            .localize(ctx.lang),
        ),
        LockState::Held(h) => report(
            false,
            fill(
                t.doctor_lock_held,
                &[
                    ("who", &h.agent),
                    ("pid", &h.pid),
                    ("host", &h.host),
                    ("since", &h.since),
                ],
            ),
        ),
    }
    for tmp in store::stale_temps(&ctx.file) {
        let file = tmp.display();
        report(true, fill(t.doctor_stale_temp, &[("file", &file)]));
    }
    for holder in store::stale_lock_holders(&ctx.file) {
        let file = holder.display();
        report(true, fill(t.doctor_stale_lock_holder, &[("file", &file)]));
    }
    match crate::census::workspace::Workspace::open(&ctx.file) {
        Err(e) => report(false, e.localize(ctx.lang)),
        Ok(ws) => {
            let name = ctx.file.display();
            report(
                true,
                fill(
                    t.doctor_census,
                    &[("file", &name), ("n", &ws.census.live().count())],
                ),
            );
            report(
                true,
                fill(
                    t.doctor_schema,
                    &[("id", &ws.schema.id), ("version", &ws.schema.version)],
                ),
            );
            if ws.report.checksum != ChecksumState::Valid {
                report(false, t.doctor_checksum_bad.to_string());
            }
            let hand = ws.census.hand_edits().len();
            if hand > 0 {
                report(true, fill(t.doctor_hand_edits, &[("n", &hand)]));
            }
            for went_back in super::undo::went_back(ctx, &ws) {
                report(false, went_back);
            }
            let invalid = crate::census::receive::invalid_values(&ws.census, &ws.schema);
            if !invalid.is_empty() {
                let words = crate::i18n::received::received(ctx.lang).invalid_in_census;
                report(false, fill(words, &[("n", &invalid.len())]));
                for v in &invalid {
                    outln!("{}", v.localize(ctx.lang));
                }
            }
            if ws.report.journal > 0 {
                report(true, fill(t.doctor_journal, &[("n", &ws.report.journal)]));
            }
            for skipped in crate::census::validate::journal_skipped(&ws.report) {
                report(false, skipped.localize(ctx.lang));
            }
            for id in crate::census::validate::ids_in_small_letters(&ws.report) {
                report(false, id.localize(ctx.lang));
            }
            if Draft::load(&ws.path).is_some() {
                report(true, t.doctor_draft.to_string());
            }
            let c = conflicts(&ws.census, &ws.schema).len();
            report(c == 0, fill(t.doctor_conflicts, &[("n", &c)]));
            for cycle in crate::census::cycles::fusion_cycles(&ws.census) {
                report(false, crate::i18n::fusion::cycle_line(&cycle, ctx.lang));
            }
            let d = all_pairs(&ws.census, &ws.schema).len();
            report(d == 0, fill(t.doctor_duplicates, &[("n", &d)]));
        }
    }
    match in_repo(&ctx.file) {
        None => report(true, t.doctor_git_none.to_string()),
        Some((root, rel)) => {
            // What git really applies, whatever the files say.
            let given = git(&root, &["check-attr", "-z", "merge", "--", &rel])
                .is_some_and(|out| out.split('\0').nth(2) == Some("recense"));
            let file = rel.as_str();
            if given {
                report(true, fill(t.doctor_git_attributes, &[("file", &file)]));
            } else {
                report(false, fill(t.doctor_git_no_attributes, &[("file", &file)]));
            }
            git_tree::check_side_files(ctx, &root, &rel, &mut report);
            match git(&root, &["config", "merge.recense.driver"]) {
                None => report(false, t.doctor_git_no_driver.to_string()),
                Some(driver) => {
                    let program = driver
                        .split('\'')
                        .nth(1)
                        .unwrap_or_else(|| driver.split_whitespace().next().unwrap_or(""));
                    let found = Path::new(program).exists()
                        || Command::new(program).arg("--version").output().is_ok();
                    if found {
                        report(true, fill(t.doctor_git_driver, &[("driver", &driver)]));
                    } else {
                        report(false, fill(t.doctor_git_bad_driver, &[("driver", &driver)]));
                    }
                }
            }
        }
    }
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
