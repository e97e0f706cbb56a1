//! A census in a git work tree: the lines that name it in `.gitattributes`
//! and `.gitignore`, the side files recense keeps beside it (local to each
//! copy, never to be committed), and how to tell a census from the other
//! files of a tree by its first bytes.
//!
//! Paths are `/`-separated and relative to the repository root, as git
//! writes them. Both files use git's glob patterns, where `*`, `?`, `[` and
//! `\` are special; `.gitattributes` also splits a line at spaces unless the
//! pattern is quoted in C style (gitattributes(5)).

use std::io::Read as _;
use std::path::Path;

use crate::census::exchange::peers_path;
use crate::census::{draft, file, store};

/// The name of recense's merge driver in git's config and attributes.
const DRIVER: &str = "recense";

/// The `.gitattributes` line giving the census `rel` to recense's driver.
pub fn attribute_line(rel: &str) -> String {
    format!("{} merge={DRIVER}", attribute_pattern(rel))
}

/// The line versions before quoting wrote: wrong for a name with a space
/// or a bracket (git read it as another pattern), so it is replaced.
pub fn unquoted_attribute_line(rel: &str) -> String {
    format!("{rel} merge={DRIVER}")
}

/// `rel` as a `.gitattributes` pattern matching that one path.
fn attribute_pattern(rel: &str) -> String {
    let glob = glob_escape(rel);
    if glob.contains([' ', '"']) || glob.chars().any(char::is_control) {
        c_quote(&glob)
    } else {
        glob
    }
}

/// `path` as a glob matching only itself.
fn glob_escape(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 4);
    if path.starts_with(['#', '!']) {
        out.push('\\');
    }
    for c in path.chars() {
        if matches!(c, '\\' | '*' | '?' | '[') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A C-style quoted string, as git reads quoted patterns.
fn c_quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("\\{b:03o}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The side files recense may write beside a census `FILE`, as suffixes of
/// its name: `*` stands for a part that changes (a process id, a date).
pub fn side_suffixes() -> Vec<String> {
    let probe = Path::new("c");
    let fixed = [
        store::backup_path(probe),
        store::lock_path(probe),
        file::journal::journal_path(probe),
        peers_path(probe),
        draft::draft_path(probe),
    ];
    let mut suffixes: Vec<String> = fixed
        .iter()
        .map(|p| p.to_string_lossy()[1..].to_string())
        .collect();
    // The temporary file of a save, the copy written after a crash, and
    // the holder files of a lock being taken.
    suffixes.extend([
        ".tmp-*".to_string(),
        ".rescue-*.ron".to_string(),
        ".lock.*".to_string(),
        // The journals of the interface's sessions and who has it open
        // (see `census::sharing`).
        ".journal.*".to_string(),
        ".presence".to_string(),
    ]);
    suffixes
}

/// The side files of the census `rel`, each path or pattern as git reads it
/// in a `.gitignore` at the root (anchored there by a leading `/`). None
/// for a name no `.gitignore` line can hold (a line break in it).
pub fn ignore_lines(rel: &str) -> Vec<String> {
    if rel.contains(['\n', '\r']) {
        return Vec::new();
    }
    let base = glob_escape(rel);
    side_suffixes()
        .iter()
        .map(|suffix| format!("/{base}{suffix}"))
        .collect()
}

/// The same side files as git pathspecs (for `git ls-files`).
pub fn side_pathspecs(rel: &str) -> Vec<String> {
    let base = glob_escape(rel);
    side_suffixes()
        .iter()
        .map(|suffix| format!(":(glob){base}{suffix}"))
        .collect()
}

/// Whether a file name is a side file of some census (`X.bak`,
/// `X.tmp-123`…): a copy of a census, not a census of its own.
pub fn is_side_file(name: &str) -> bool {
    side_suffixes()
        .iter()
        .any(|suffix| ends_with_pattern(name, suffix))
}

/// Whether `name` ends with `pattern` (where `*` is any run of characters)
/// and something comes before it.
fn ends_with_pattern(name: &str, pattern: &str) -> bool {
    let (head, tail) = pattern.split_once('*').unwrap_or((pattern, ""));
    if tail.is_empty() && !pattern.contains('*') {
        return name.len() > head.len() && name.ends_with(head);
    }
    let Some(rest) = name.strip_suffix(tail) else {
        return false;
    };
    rest.rfind(head).is_some_and(|at| at > 0)
}

/// `existing` (the text of a `.gitignore`) with the `lines` it lacks
/// appended under `heading`; `None` when it has them all.
pub fn with_lines(existing: &str, heading: &str, lines: &[String]) -> Option<String> {
    let has: Vec<&str> = existing.lines().map(str::trim_end).collect();
    let missing: Vec<&String> = lines
        .iter()
        .filter(|l| !has.contains(&l.as_str()))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let mut text = existing.to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(heading);
    text.push('\n');
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    Some(text)
}

/// How many bytes of a file are read to tell whether it is a census.
const HEAD_BYTES: u64 = 4096;

/// Whether `head`, the first bytes of a file, begin a census: after a
/// byte-order mark, blank lines and `//` comments, `(` and the key
/// `format`, which recense writes first in every census and bundle (a form
/// starts with `id`, the record of colleagues with `{`).
pub fn looks_like_census(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(head);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut start = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("//") {
            continue;
        }
        start.extend(line.chars().filter(|c| !c.is_whitespace()));
        if start.len() >= "(format:".len() {
            break;
        }
    }
    start.starts_with("(format:")
}

/// Whether the file at `path` is a census, reading only its first bytes.
pub fn is_census_file(path: &Path) -> bool {
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    f.take(HEAD_BYTES).read_to_end(&mut head).is_ok() && looks_like_census(&head)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_stay_plain() {
        assert_eq!(attribute_line("census.ron"), "census.ron merge=recense");
        assert_eq!(
            attribute_line("équipe/recensement-2026.ron"),
            "équipe/recensement-2026.ron merge=recense"
        );
    }

    #[test]
    fn special_characters_are_escaped_and_spaces_quoted() {
        assert_eq!(
            attribute_line("Recensement [Brest] 2026.ron"),
            r#""Recensement \\[Brest] 2026.ron" merge=recense"#
        );
        assert_eq!(attribute_line("a*b?.ron"), r"a\*b\?.ron merge=recense");
        assert_eq!(attribute_line("#1.ron"), r"\#1.ron merge=recense");
        assert_eq!(
            attribute_line("dit \"x\".ron"),
            r#""dit \"x\".ron" merge=recense"#
        );
    }

    #[test]
    fn ignore_lines_name_every_side_file_beside_the_census() {
        assert_eq!(
            ignore_lines("data/my [1].ron"),
            [
                r"/data/my \[1].ron.bak",
                r"/data/my \[1].ron.lock",
                r"/data/my \[1].ron.journal",
                r"/data/my \[1].ron.peers.ron",
                r"/data/my \[1].ron.draft",
                r"/data/my \[1].ron.tmp-*",
                r"/data/my \[1].ron.rescue-*.ron",
                r"/data/my \[1].ron.lock.*",
                r"/data/my \[1].ron.journal.*",
                r"/data/my \[1].ron.presence",
            ]
        );
        assert!(ignore_lines("a\nb.ron").is_empty());
    }

    #[test]
    fn side_files_are_told_from_censuses() {
        for side in [
            "census.ron.bak",
            "census.ron.tmp-4242",
            "census.ron.rescue-2026-12-01T100000Z.ron",
            "census.ron.peers.ron",
            "census.ron.lock.4242-0-poste",
            "census.ron.journal.4242-poste",
            "census.ron.presence",
        ] {
            assert!(is_side_file(side), "{side}");
        }
        for census in ["census.ron", "brest.ron", ".bak", "rescue-1.ron"] {
            assert!(!is_side_file(census), "{census}");
        }
    }

    #[test]
    fn missing_lines_are_appended_once() {
        let lines = vec!["/c.ron.bak".to_string(), "/c.ron.lock".to_string()];
        let text = with_lines("target/\n/c.ron.bak", "# recense", &lines).expect("changed");
        assert_eq!(text, "target/\n/c.ron.bak\n# recense\n/c.ron.lock\n");
        assert_eq!(with_lines(&text, "# recense", &lines), None);
    }

    #[test]
    fn a_census_is_recognised_by_its_first_bytes() {
        let canonical = file::to_canonical(&crate::census::Census::new(
            "Brest",
            "communs-numeriques",
            1,
        ));
        assert!(looks_like_census(canonical.as_bytes()));
        assert!(looks_like_census(b"\xef\xbb\xbf(\r\n  format: 1,\r\n"));
        assert!(looks_like_census(b"(format:1,territory:\"B\""));
        assert!(!looks_like_census(b"(\n    id: \"mini-test\",\n"));
        assert!(!looks_like_census(b"// recense: what each colleague\n{\n}"));
        assert!(!looks_like_census(b"\x89PNG\r\n"));
        assert!(!looks_like_census(b""));
    }
}
