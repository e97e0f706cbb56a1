//! Counts take their plural forms in both languages: no `(s)`, French 0 and
//! 1 singular, English only 1.

use crate::common::{Env, stderr_of};

/// What `recense --lang LANG export --format csv` says on stderr.
fn export_summary(env: &Env, lang: &str) -> String {
    let out = env
        .census_cmd()
        .args(["--lang", lang, "export", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    stderr_of(&out)
}

/// What `recense --lang LANG list` says of its count on stderr.
fn list_count(env: &Env, lang: &str) -> String {
    let out = env
        .census_cmd()
        .args(["--lang", lang, "list"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    stderr_of(&out)
}

#[test]
fn export_and_list_counts_agree_with_one_and_two_initiatives() {
    let env = Env::new();
    env.init();
    let cases = [
        (
            "0 initiative exportée au format csv",
            "0 initiatives exported as csv",
            "0 initiative",
            "0 initiatives",
        ),
        (
            "1 initiative exportée au format csv",
            "1 initiative exported as csv",
            "1 initiative",
            "1 initiative",
        ),
        (
            "2 initiatives exportées au format csv",
            "2 initiatives exported as csv",
            "2 initiatives",
            "2 initiatives",
        ),
    ];
    for (n, (fr, en, list_fr, list_en)) in cases.into_iter().enumerate() {
        if n == 1 {
            env.add_capucins();
        } else if n == 2 {
            env.add_infini();
        }
        let said = [
            (export_summary(&env, "fr"), fr),
            (export_summary(&env, "en"), en),
            (list_count(&env, "fr"), list_fr),
            (list_count(&env, "en"), list_en),
        ];
        for (text, want) in said {
            assert_eq!(text.trim_end(), want, "{n} initiatives");
        }
    }
}

#[test]
fn a_merge_summary_agrees_each_count() {
    let env = Env::new();
    env.init();
    std::fs::copy(env.path("census.ron"), env.path("colleague.ron")).unwrap();
    env.add_capucins();
    env.add_infini();
    env.cmd()
        .args(["--file", "colleague.ron", "add"])
        .args(["--set", "nom=Fablab des Fourneaux"])
        .args(["--set", "type=fablab", "--set", "commune=Plouzané"])
        .assert()
        .success();
    let merge = |file: &str, into: &str, lang: &str| {
        let out = env
            .cmd()
            .args(["--file", into, "--lang", lang, "merge", file])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        format!("{}{}", crate::common::stdout_of(&out), stderr_of(&out))
    };
    let one = merge("colleague.ron", "census.ron", "fr");
    assert!(
        one.contains("colleague.ron : 1 nouvelle, 0 mise à jour, 0 conflit, 0 doublon possible"),
        "{one}"
    );
    let two = merge("census.ron", "colleague.ron", "en");
    assert!(
        two.contains("census.ron: 2 new, 0 updated, 0 conflicts, 0 possible duplicates"),
        "{two}"
    );
    assert!(!one.contains('{') && !two.contains('{'), "{one}{two}");
}
