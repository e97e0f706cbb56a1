//! Working with git: the merge driver's set-up, and a check of everything.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::census::conflicts::conflicts;
use crate::census::draft::Draft;
use crate::census::duplicates::all_pairs;
use crate::census::file::ChecksumState;
use crate::census::store;
use crate::i18n::cli::cli;
use crate::i18n::{Localized, fill};

use super::context::{Context, Fail};

/// Runs git in `dir`; its trimmed output when it succeeds.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn census_dir(ctx: &Context) -> PathBuf {
    ctx.file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The repository root and the census path relative to it, `/`-separated.
fn in_repo(ctx: &Context) -> Option<(PathBuf, String)> {
    let dir = census_dir(ctx);
    let root = PathBuf::from(git(&dir, &["rev-parse", "--show-toplevel"])?);
    let abs = std::fs::canonicalize(&dir)
        .ok()?
        .join(ctx.file.file_name()?);
    let rel = abs.strip_prefix(std::fs::canonicalize(&root).ok()?).ok()?;
    Some((root, rel.to_string_lossy().replace('\\', "/")))
}

fn attribute_line(rel: &str) -> String {
    format!("{rel} merge=recense")
}

/// The command git runs: this very program, wherever it is installed.
fn driver_command() -> String {
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "recense".to_string());
    format!("'{exe}' git-merge-driver %O %A %B %P")
}

pub fn setup_git(ctx: &Context) -> Result<ExitCode, Fail> {
    let t = cli(ctx.lang);
    let Some((root, rel)) = in_repo(ctx) else {
        return Err(Fail::new(fill(
            t.git_not_repo,
            &[("dir", &census_dir(ctx).display())],
        )));
    };
    let attributes = root.join(".gitattributes");
    let line = attribute_line(&rel);
    let existing = std::fs::read_to_string(&attributes).unwrap_or_default();
    if existing.lines().any(|l| l.trim() == line) {
        outln!(
            "{}",
            fill(
                t.git_setup_attributes_kept,
                &[("file", &attributes.display()), ("line", &line)]
            )
        );
    } else {
        let mut text = existing;
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&line);
        text.push('\n');
        store::save_text(&attributes, &text).map_err(|e| ctx.fail(&e))?;
        outln!(
            "{}",
            fill(
                t.git_setup_attributes,
                &[("file", &attributes.display()), ("line", &line)]
            )
        );
    }
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

pub fn doctor(ctx: &Context) -> Result<ExitCode, Fail> {
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
    match store::lock_holder(&lock) {
        None => report(true, t.doctor_lock_free.to_string()),
        Some((h, true)) => report(true, fill(t.doctor_lock_stale, &[("who", &h.agent)])),
        Some((h, false)) => report(
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
            if ws.report.journal > 0 {
                report(true, fill(t.doctor_journal, &[("n", &ws.report.journal)]));
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
    match in_repo(ctx) {
        None => report(true, t.doctor_git_none.to_string()),
        Some((root, rel)) => {
            let attributes =
                std::fs::read_to_string(root.join(".gitattributes")).unwrap_or_default();
            let has = attributes.lines().any(|l| l.trim() == attribute_line(&rel));
            let file = rel.as_str();
            if has {
                report(true, fill(t.doctor_git_attributes, &[("file", &file)]));
            } else {
                report(false, fill(t.doctor_git_no_attributes, &[("file", &file)]));
            }
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
