//! `evidence add --date`: a date more than a day ahead would keep evidence
//! fresh forever, one before 1900 is a typo; both are refused, the census
//! left as it was.

use crate::common::*;

fn add_evidence(env: &Env, id: &str, date: &str) -> std::process::Output {
    env.census_cmd()
        .args([
            "--lang", "en", "evidence", "add", id, "--kind", "visite", "--date", date,
        ])
        .output()
        .expect("run recense")
}

#[test]
fn dates_far_ahead_or_before_1900_are_refused() {
    let env = Env::with_census();
    let id = env.add_capucins();
    for date in ["9999-12-31", "2026-12-01", "1899-12-31", "0001-01-01"] {
        let before = env.snapshot();
        let out = add_evidence(&env, &id, date);
        assert_eq!(out.status.code(), Some(1), "{date} accepted");
        let err = stderr_of(&out);
        assert!(
            err.contains(date) && err.contains("1900-01-01") && err.contains("2026-11-30"),
            "{date}: {err}"
        );
        assert_unchanged(&before, &env.snapshot());
    }
    // Today (NOW is 2026-11-29), tomorrow (a colleague a time zone ahead)
    // and 1900 itself are taken.
    for date in [TODAY, "2026-11-30", "1900-01-01"] {
        let out = add_evidence(&env, &id, date);
        assert!(out.status.success(), "{date}: {}", stderr_of(&out));
    }
}
