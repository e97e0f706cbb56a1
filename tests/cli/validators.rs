//! The validators the national standards' own users run, for the tests of
//! the exports: the `jsonschema` crate (Draft 2020-12, formats checked) for
//! data·inclusion, and Python's `frictionless` for the mednum Table Schema,
//! in a virtual environment made once in `target/pyvenv` (`.ci/run` makes it
//! beforehand). Without PyPI the mednum checks say they skipped.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde_json::Value as Json;

use crate::common::{fixture_path, project_dir};

/// A standard's file, as published (tests/fixtures/standards/).
pub fn standard(name: &str) -> PathBuf {
    fixture_path(&format!("standards/{name}"))
}

/// The data·inclusion structure schema, compiled for Draft 2020-12 with
/// its formats (email, uri, date) checked as the standard's users do.
pub fn data_inclusion() -> jsonschema::Validator {
    let text = std::fs::read_to_string(standard("data-inclusion-v1-structure.schema.json"))
        .expect("the data·inclusion schema");
    let schema: Json = serde_json::from_str(&text).expect("a JSON schema");
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .expect("a valid schema")
}

/// What the validator finds wrong in a structure: `path: message`.
pub fn data_inclusion_errors(validator: &jsonschema::Validator, structure: &Json) -> Vec<String> {
    validator
        .iter_errors(structure)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The `frictionless` program of the tests' virtual environment, made on
/// first use; `None` (said once) when it cannot be installed.
fn frictionless() -> Option<&'static Path> {
    static FOUND: OnceLock<Option<PathBuf>> = OnceLock::new();
    FOUND
        .get_or_init(|| {
            let venv = project_dir().join("target").join("pyvenv");
            let program = venv.join("bin").join("frictionless");
            if program.exists() {
                return Some(program);
            }
            let made = Command::new("python3")
                .args(["-m", "venv"])
                .arg(&venv)
                .status()
                .is_ok_and(|s| s.success())
                && Command::new(venv.join("bin").join("pip"))
                    .args(["install", "--quiet", "frictionless"])
                    .status()
                    .is_ok_and(|s| s.success());
            if made && program.exists() {
                Some(program)
            } else {
                eprintln!(
                    "SKIPPED: Python's frictionless could not be installed into target/pyvenv \
                     (PyPI unreachable?); the mednum export was not checked against its schema"
                );
                None
            }
        })
        .as_deref()
}

/// What `frictionless validate` finds wrong in a mednum CSV against the
/// standard's `schema.json`: `type row field: message`. `None` when
/// frictionless could not be installed (the caller skips).
pub fn mednum_errors(csv: &str) -> Option<Vec<String>> {
    let program = frictionless()?;
    // frictionless reads only paths inside its working folder.
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("lieux.csv"), csv).expect("the CSV written");
    std::fs::copy(
        standard("lieux-mediation-numerique.schema.json"),
        dir.path().join("schema.json"),
    )
    .expect("the schema copied");
    let out = Command::new(program)
        .current_dir(dir.path())
        .args(["validate", "lieux.csv", "--schema", "schema.json", "--json"])
        .output()
        .expect("frictionless runs");
    let report: Json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "frictionless gave no JSON report ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let errors = report["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(
            report["tasks"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|t| t["errors"].as_array().into_iter().flatten()),
        )
        .map(|e| {
            format!(
                "{} row {} {}: {}",
                e["type"].as_str().unwrap_or("?"),
                e["rowNumber"],
                e["fieldName"].as_str().unwrap_or(""),
                e["message"].as_str().unwrap_or("")
            )
        })
        .collect();
    Some(errors)
}
