//! What the export tests share: the sample censuses, running `export` and
//! `list --format json`, reading CSV and ODS (zip) bytes back.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Read;

use serde_json::Value as Json;

use crate::common::{self, Env};
use recense::documents::export::cell::restore;

/// The two sample censuses shipped with recense.
pub const SAMPLES: [&str; 2] = ["sample-data/pays-de-brest.ron", "sample-data/grenoble.ron"];

/// An environment whose `census.ron` is a copy of `sample`.
pub fn with_sample(sample: &str) -> Env {
    let env = Env::new();
    env.write(
        common::CENSUS,
        std::fs::read(common::project_dir().join(sample)).expect("sample census"),
    );
    env
}

/// `recense --file census.ron export ARGS`, which must succeed: its output.
pub fn export(env: &Env, args: &[&str]) -> Vec<u8> {
    env.census_cmd()
        .arg("export")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// What `list --format json` says of each live initiative, by id.
pub fn listed(env: &Env, args: &[&str]) -> BTreeMap<String, Json> {
    let out = env
        .census_cmd()
        .args(["list", "--format", "json"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let items: Vec<Json> = serde_json::from_slice(&out).expect("list JSON");
    items
        .into_iter()
        .map(|i| (i["id"].as_str().expect("id").to_string(), i))
        .collect()
}

/// The rows of a `;`-separated CSV: header, then records, cells restored.
pub fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(bytes);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("well-formed record")
                .iter()
                .map(|c| restore(c).to_string())
                .collect()
        })
        .collect();
    (header, rows)
}

/// The decompressed parts of a zip (ODS), concatenated.
pub fn unzipped(bytes: &[u8]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut all = Vec::new();
    for n in 0..archive.len() {
        archive.by_index(n).unwrap().read_to_end(&mut all).unwrap();
    }
    all
}
