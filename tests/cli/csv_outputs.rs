//! Every CSV that recense prints or writes follows one rule: a cell a
//! spreadsheet would read as a formula is neutralised, as `export` does.

use crate::common::*;

/// The rows of a `;`-separated CSV as written (cells not restored).
fn raw_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
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
                .map(String::from)
                .collect()
        })
        .collect();
    (header, rows)
}

const FORMULAS: [&str; 4] = [
    "=cmd|' /C calc'!A0",
    "+HYPERLINK(\"http://evil\";\"x\")",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
];

#[test]
fn list_csv_neutralises_formulas_as_export_does() {
    let env = Env::with_census();
    for formula in FORMULAS {
        env.add(&[
            &format!("nom={formula}"),
            "type=chatons",
            &format!("commune={formula}"),
        ]);
    }
    let listed = env
        .census_cmd()
        .args(["list", "--format", "csv"])
        .output()
        .expect("run recense");
    assert!(listed.status.success());
    let (_, listed) = raw_rows(&listed.stdout);
    env.census_cmd()
        .args([
            "export",
            "--format",
            "csv",
            "--header",
            "ids",
            "-o",
            "export.csv",
        ])
        .assert()
        .success();
    let (header, exported) = raw_rows(&env.read("export.csv"));
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let (nom, commune) = (column("nom"), column("commune"));
    assert_eq!(listed.len(), FORMULAS.len());
    for row in &listed {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "a formula reaches the spreadsheet: {cell:?} in {row:?}"
            );
        }
        let same = exported
            .iter()
            .find(|e| e[0] == row[0])
            .expect("listed initiative exported");
        assert_eq!(row[1], same[nom], "list and export write the name alike");
        assert_eq!(
            row[3], same[commune],
            "list and export write the commune alike"
        );
    }
}
