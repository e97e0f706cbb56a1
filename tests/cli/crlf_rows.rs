//! CSV files with CRLF line ends, as Excel saves them: the rows an import
//! refuses are placed on their own line of the file (`file:line:`), after a
//! cell written over two lines too, whether the file is UTF-8, UTF-8 with a
//! byte order mark or Windows-1252; such a cell keeps its line break.

use crate::common;

use common::{Env, list_json, stderr_of};

const FIXTURES: [&str; 3] = [
    "import/excel-crlf.csv",
    "import/excel-crlf-bom.csv",
    "import/excel-crlf-windows-1252.csv",
];

#[test]
fn rows_of_a_crlf_file_are_placed_on_their_line() {
    for fixture in FIXTURES {
        let env = Env::with_census();
        let name = env.copy_fixture(fixture);
        let out = env
            .census_cmd()
            .args(["import", "csv", &name])
            .assert()
            .success()
            .get_output()
            .clone();
        let err = stderr_of(&out);
        // Line 4 names a kind the form does not know; line 7, after the
        // cell written over lines 5 and 6, has no commune.
        for (line, phrase) in [(4, "piscine"), (7, "commune")] {
            let at = format!("{name}:{line}: ");
            assert!(
                err.lines().any(|l| l.contains(&at) && l.contains(phrase)),
                "{fixture}: {at} {phrase}:\n{err}"
            );
        }
        assert_eq!(
            err.lines().filter(|l| l.contains("ligne ignorée")).count(),
            2,
            "{fixture}: only those two rows are refused:\n{err}"
        );
        let all = list_json(&env, &[]);
        let fablab = all
            .iter()
            .find(|i| i["fields"]["nom"] == "Fablab de l'école")
            .unwrap_or_else(|| panic!("{fixture}: the two-line cell imports"));
        assert_eq!(
            fablab["fields"]["description"], "Ouvert le mercredi\net le samedi",
            "{fixture}"
        );
        assert_eq!(all.len(), 3, "{fixture}");
    }
}
