//! The layers of the crate and their rule, checked on the sources: a module
//! names (`crate::…`, `super::…`) only modules of its own layer or of a
//! lower one, so the dependencies go one way and make no cycle.

use std::path::{Path, PathBuf};

/// The top-level modules, lowest layer first. A layer may import itself and
/// the layers before it, never one after it.
const LAYERS: &[(&str, &[&str])] = &[
    // Languages and the text tables: nothing else of the crate.
    ("lang", &["lang"]),
    // Untrusted text made inert, display widths: nothing else of the crate.
    ("display", &["display"]),
    // The census core: model, file, merge, schema, values, queries, import…,
    // and the synthetic censuses its tests and the benches measure with.
    ("core", &["census", "dev"]),
    // The words of the core's results and errors.
    ("i18n", &["i18n"]),
    // Reports and exports made for people, with their words.
    ("documents", &["documents"]),
    // Where files live and who is working, for the front ends.
    ("config", &["config"]),
    // The terminal interface, with its words.
    ("tui", &["tui"]),
    // The command line, which also starts the terminal interface.
    ("cli", &["cli"]),
];

/// The rank of a top-level module's layer.
fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, mods)| mods.contains(&module))
}

/// A module naming a module of a higher layer.
#[derive(Debug, PartialEq, Eq)]
struct Violation {
    line: usize,
    from: &'static str,
    to: &'static str,
    path: String,
}

/// The source with comments, strings and characters blanked (lines kept), so
/// that only code is searched.
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let blank = |out: &mut Vec<u8>, s: &[u8]| {
        out.extend(s.iter().map(|&c| if c == b'\n' { b'\n' } else { b' ' }))
    };
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        let end = if rest.starts_with(b"//") {
            rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len())
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            let mut j = 0;
            while j < rest.len() {
                if rest[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if rest[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            j
        } else if let Some(len) = raw_string(rest) {
            len
        } else if rest[0] == b'"' {
            let mut j = 1;
            while j < rest.len() && rest[j] != b'"' {
                j += if rest[j] == b'\\' { 2 } else { 1 };
            }
            j + 1
        } else if rest[0] == b'\'' {
            // A character literal ('x', '\n', '\u{1f}'), not a lifetime.
            let close = if rest.get(1) == Some(&b'\\') {
                rest.get(3..)
                    .and_then(|r| r.iter().position(|&c| c == b'\''))
                    .map(|p| p + 4)
            } else {
                let ch = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                (rest.get(1 + ch) == Some(&b'\'')).then_some(ch + 2)
            };
            match close {
                Some(len) => len,
                None => {
                    out.push(b'\'');
                    i += 1;
                    continue;
                }
            }
        } else {
            out.push(rest[0]);
            i += 1;
            continue;
        };
        let end = end.min(rest.len());
        blank(&mut out, &rest[..end]);
        i += end;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The length of a raw string (`r"…"`, `r#"…"#`, `br"…"`) at the start.
fn raw_string(s: &[u8]) -> Option<usize> {
    let start = if s.starts_with(b"br") {
        2
    } else {
        usize::from(s[0] == b'r')
    };
    if start == 0 {
        return None;
    }
    let hashes = s[start..].iter().take_while(|&&c| c == b'#').count();
    if s.get(start + hashes) != Some(&b'"') {
        return None;
    }
    let mut close = vec![b'"'];
    close.extend(std::iter::repeat_n(b'#', hashes));
    let body = start + hashes + 1;
    let at = s[body..].windows(close.len()).position(|w| w == close)?;
    Some(body + at + close.len())
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    &s[..s.bytes().position(|c| !is_ident(c)).unwrap_or(s.len())]
}

/// The identifiers starting each item of a path, `a` or `{a, b::c, d}`.
fn first_names(code: &str) -> Vec<&str> {
    let Some(group) = code.strip_prefix('{') else {
        return vec![ident(code)];
    };
    let mut names = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (at, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                names.push(ident(group[start..].trim_start()));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                names.push(ident(group[start..].trim_start()));
                start = at + 1;
            }
            _ => {}
        }
    }
    names
}

/// The violations of the rule in one file of module path `module`.
fn violations(module: &[&str], src: &str) -> Vec<Violation> {
    let Some(from) = module.first().and_then(|m| rank(m)) else {
        return Vec::new();
    };
    let code = code_only(src);
    let bytes = code.as_bytes();
    // Inline modules (`mod tests {`) open at a brace depth: `super` starts there.
    let mut inline: Vec<usize> = Vec::new();
    let mut depth = 0;
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let word_start = i == 0 || !is_ident(bytes[i - 1]);
        let rest = &code[i..];
        if bytes[i] == b'{' {
            depth += 1;
        } else if bytes[i] == b'}' {
            depth -= 1;
            if inline.last() == Some(&depth) {
                inline.pop();
            }
        } else if word_start && rest.starts_with("mod ") {
            let after = rest[4..].trim_start();
            let name_len = after.bytes().take_while(|&c| is_ident(c)).count();
            if after[name_len..].trim_start().starts_with('{') {
                inline.push(depth);
            }
        }
        let mut targets: Vec<(&str, String)> = Vec::new();
        if word_start && rest.starts_with("crate::") {
            let path = &rest["crate::".len()..];
            targets = first_names(path)
                .into_iter()
                .map(|name| (name, format!("crate::{name}")))
                .collect();
        } else if word_start && rest.starts_with("super::") {
            let mut ups: usize = 0;
            let mut path = rest;
            while let Some(p) = path.strip_prefix("super::") {
                ups += 1;
                path = p;
            }
            let levels = ups.saturating_sub(inline.len());
            if levels >= module.len() {
                let prefix = "super::".repeat(ups);
                targets = first_names(path)
                    .into_iter()
                    .map(|name| (name, format!("{prefix}{name}")))
                    .collect();
            }
            i += "super::".len() * ups - 1;
        }
        for (name, path) in targets {
            if let Some(to) = rank(name).filter(|&to| to > from) {
                found.push(Violation {
                    line: code[..i].matches('\n').count() + 1,
                    from: LAYERS[from].0,
                    to: LAYERS[to].0,
                    path,
                });
            }
        }
        i += 1;
    }
    found
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("read src").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/`: `census/import/mod.rs` is
/// `census::import`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The checked files under `src/`: path, module path and text.
fn checked_files() -> Vec<(PathBuf, Vec<String>, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|file| {
            let rel = file.strip_prefix(&src).expect("under src").to_path_buf();
            // The binary is its own crate, the root declares the layers, and
            // this check is a test of the whole.
            let skipped = ["main.rs", "lib.rs", "layers.rs"].map(Path::new);
            if skipped.contains(&rel.as_path()) {
                return None;
            }
            let text = std::fs::read_to_string(&file).expect("read a source");
            Some((Path::new("src").join(&rel), module_of(&rel), text))
        })
        .collect()
}

/// The lines where a text for people is made: the `Localized` trait or its
/// `localize` method named.
fn wording(src: &str) -> Vec<usize> {
    let code = code_only(src);
    let mut lines = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let words = line.split(|c: char| !(c.is_alphanumeric() || c == '_'));
        if words
            .into_iter()
            .any(|w| w == "Localized" || w == "localize")
        {
            lines.push(n + 1);
        }
    }
    lines
}

#[test]
fn no_module_imports_a_higher_layer() {
    let mut problems = Vec::new();
    for (file, module, text) in checked_files() {
        let top = module[0].as_str();
        if rank(top).is_none() {
            problems.push(format!(
                "{}: module `{top}` is in no layer of LAYERS",
                file.display()
            ));
            continue;
        }
        let path: Vec<&str> = module.iter().map(String::as_str).collect();
        for v in violations(&path, &text) {
            problems.push(format!(
                "{}:{}: layer {} names `{}` of layer {}, above it (see LAYERS in src/layers.rs)",
                file.display(),
                v.line,
                v.from,
                v.path,
                v.to
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_core_words_nothing() {
    let mut problems = Vec::new();
    for (file, module, text) in checked_files() {
        if rank(&module[0]).is_some_and(|r| LAYERS[r].0 == "core") {
            for line in wording(&text) {
                problems.push(format!(
                    "{}:{line}: the core's results and errors are data; word them in src/i18n",
                    file.display()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(
        wording("use crate::lang::Localized;\n// localize\nx.localize(lang);\nLocalized2::new()"),
        vec![1, 3]
    );
}

#[test]
fn the_check_sees_upward_paths_and_only_them() {
    let census = ["census", "query"];
    let one = |line, to, path: &str| Violation {
        line,
        from: "core",
        to,
        path: path.to_string(),
    };
    assert_eq!(
        violations(
            &census,
            "use crate::lang::Lang;\nuse crate::tui::app::App;\n"
        ),
        vec![one(2, "tui", "crate::tui")]
    );
    assert_eq!(
        violations(&census, "use crate::{census::model, i18n::fill};"),
        vec![one(1, "i18n", "crate::i18n")]
    );
    assert_eq!(
        violations(&census, "fn f() { super::super::documents::report::x() }"),
        vec![one(1, "documents", "super::super::documents")]
    );
    // Inside an inline module, one more `super` is needed to leave the file.
    let inline = "mod tests {\n    use super::super::cli;\n    use super::super::super::cli;\n}";
    assert_eq!(
        violations(&census, inline),
        vec![one(3, "cli", "super::super::super::cli")]
    );
    // Comments, strings and characters are not code.
    let quoted = "// crate::tui\n/* crate::cli */ let s = \"crate::tui\"; let r = r#\"crate::cli\"#; let c = '\"'; let t = \"crate::tui\";";
    assert_eq!(violations(&census, quoted), vec![]);
    // The same paths are allowed from above.
    assert_eq!(
        violations(
            &["cli"],
            "use crate::tui::app::App;\nuse crate::{census, i18n};"
        ),
        vec![]
    );
}
