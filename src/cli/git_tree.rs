//! The census in its git work tree: which census `setup-git` sets up when
//! none is named, and the side files recense writes beside it, which git
//! must ignore (committed, every later pull conflicts on them).

use std::path::{Path, PathBuf};

use crate::census::repo;
use crate::i18n::fill;
use crate::i18n::git::git as texts;

use super::git_run::{git, git_paths};
use super::invocation::{Fail, Invocation};

/// The census `setup-git` sets up: the one named (`--file`, `RECENSE_FILE`);
/// else, inside a repository, the only census of its work tree; else the
/// default census.
pub fn census_to_set_up(ctx: &Invocation) -> Result<PathBuf, Fail> {
    if ctx.file_given {
        return Ok(ctx.file.clone());
    }
    let Some(root) = git(Path::new("."), &["rev-parse", "--show-toplevel"]) else {
        return Ok(ctx.file.clone());
    };
    let root = PathBuf::from(root);
    let t = texts(ctx.lang);
    let found: Vec<PathBuf> = censuses_in(&root)
        .iter()
        .map(|rel| from_here(&root, rel))
        .collect();
    match found.as_slice() {
        [] => Err(Fail::new(fill(t.none, &[("dir", &root.display())]))),
        [one] => {
            outln!("{}", fill(t.found, &[("file", &one.display())]));
            Ok(one.clone())
        }
        _ => {
            let list: Vec<String> = found.iter().map(|p| p.display().to_string()).collect();
            Err(Fail::new(fill(t.several, &[("files", &list.join(", "))])))
        }
    }
}

/// The censuses of the work tree (tracked, or new and not ignored), told by
/// their first bytes, side files (`X.bak`…) left out; sorted.
fn censuses_in(root: &Path) -> Vec<String> {
    let listed = git_paths(
        root,
        &[
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
    );
    let mut found: Vec<String> = listed
        .into_iter()
        .filter(|rel| !repo::is_side_file(rel) && repo::is_census_file(&root.join(rel)))
        .collect();
    found.sort();
    found.dedup();
    found
}

/// `rel` (from the root) as the person would type it: from the current
/// folder when it is inside the repository, else in full.
fn from_here(root: &Path, rel: &str) -> PathBuf {
    let full = root.join(rel);
    let (Ok(here), Ok(root)) = (
        std::env::current_dir().and_then(std::fs::canonicalize),
        std::fs::canonicalize(root),
    ) else {
        return full;
    };
    let Ok(inside) = here.strip_prefix(&root) else {
        return full;
    };
    let mut path = PathBuf::new();
    let mut target = Path::new(rel).components().peekable();
    let mut below = inside.components().peekable();
    while let (Some(a), Some(b)) = (below.peek(), target.peek()) {
        if a != b {
            break;
        }
        below.next();
        target.next();
    }
    for _ in below {
        path.push("..");
    }
    path.extend(target);
    path
}

/// The side files of `rel`, for a message: `census.ron.bak, .lock, …`.
fn side_names(rel: &str) -> String {
    let suffixes = repo::side_suffixes();
    let mut names = vec![format!("{rel}{}", suffixes[0])];
    names.extend(suffixes[1..].iter().cloned());
    names.join(", ")
}

/// The new text of `.gitignore` (`existing`) ignoring the side files of
/// `rel`; `None` when it already does.
pub fn ignore_text(ctx: &Invocation, existing: &str, rel: &str) -> Option<String> {
    let heading = fill(texts(ctx.lang).ignore_heading, &[("census", &rel)]);
    repo::with_lines(existing, &heading, &repo::ignore_lines(rel))
}

/// Says what `setup-git` did to `.gitignore` (`path`).
pub fn say_ignored(ctx: &Invocation, path: &Path, rel: &str, added: bool) {
    let t = texts(ctx.lang);
    let file = path.display();
    if added {
        let names = side_names(rel);
        outln!(
            "{}",
            fill(
                t.ignore_added,
                &[("file", &file), ("census", &rel), ("names", &names)]
            )
        );
    } else {
        outln!(
            "{}",
            fill(t.ignore_kept, &[("file", &file), ("census", &rel)])
        );
    }
}

/// `doctor`: whether git ignores the side files of `rel`, and each one it
/// tracks, with how to untrack it.
pub fn check_side_files(
    ctx: &Invocation,
    root: &Path,
    rel: &str,
    report: &mut impl FnMut(bool, String),
) {
    let t = texts(ctx.lang);
    let named: Vec<String> = repo::side_suffixes()
        .iter()
        .filter(|s| !s.contains('*'))
        .map(|s| format!("{rel}{s}"))
        .collect();
    let mut args = vec!["check-ignore", "--no-index", "--"];
    args.extend(named.iter().map(String::as_str));
    let ignored = git(root, &args).map_or(0, |out| out.lines().count());
    if ignored < named.len() {
        let names = side_names(rel);
        report(
            false,
            fill(t.doctor_not_ignored, &[("census", &rel), ("names", &names)]),
        );
    } else {
        report(true, fill(t.doctor_ignored, &[("census", &rel)]));
    }
    let specs = repo::side_pathspecs(rel);
    let mut args = vec!["ls-files", "-z", "--"];
    args.extend(specs.iter().map(String::as_str));
    for tracked in git_paths(root, &args) {
        let shown = from_here(root, &tracked).display().to_string();
        report(
            false,
            fill(
                t.doctor_tracked,
                &[("file", &shown), ("quoted", &shell_quote(&shown))],
            ),
        );
    }
}

/// `text` as one word for a POSIX shell.
fn shell_quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "._/-+,:@%=".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
