//! Running git: the one place the CLI starts it, for the merge driver's
//! set-up, the doctor and the census's work tree.

use std::path::Path;
use std::process::Command;

/// Runs git in `dir`; its trimmed output when it succeeds.
pub(super) fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// Runs git in `dir` with `-z` output: the paths it prints, none when it
/// fails.
pub(super) fn git_paths(dir: &Path, args: &[&str]) -> Vec<String> {
    let Ok(out) = Command::new("git").args(args).current_dir(dir).output() else {
        return Vec::new();
    };
    if !out.status.success() {
        return Vec::new();
    }
    String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}
