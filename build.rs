//! Build facts for `recense --version` and the man pages: the commit the
//! binary is built from and its date (`RECENSE_COMMIT` and `RECENSE_DATE`
//! when set, as a packager building from a tarball would, else git; empty
//! when neither is known) and the target triple.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=RECENSE_COMMIT");
    println!("cargo:rerun-if-env-changed=RECENSE_DATE");
    let target = std::env::var("TARGET").unwrap_or_default();
    println!("cargo:rustc-env=RECENSE_TARGET={target}");
    let commit = match std::env::var("RECENSE_COMMIT") {
        Ok(c) => c,
        Err(_) => git_commit(),
    };
    println!("cargo:rustc-env=RECENSE_COMMIT={commit}");
    let date = match std::env::var("RECENSE_DATE") {
        Ok(d) => d,
        Err(_) => git(&["log", "-1", "--format=%cs"]).unwrap_or_default(),
    };
    println!("cargo:rustc-env=RECENSE_DATE={date}");
}

/// The short commit of HEAD, and the files whose change must rebuild it.
fn git_commit() -> String {
    for path in ["HEAD", "packed-refs"] {
        if let Some(p) = git(&["rev-parse", "--git-path", path]) {
            println!("cargo:rerun-if-changed={p}");
        }
    }
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"])
        && let Some(p) = git(&["rev-parse", "--git-path", &branch])
    {
        println!("cargo:rerun-if-changed={p}");
    }
    git(&["rev-parse", "--short=12", "HEAD"]).unwrap_or_default()
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!text.is_empty()).then_some(text)
}
