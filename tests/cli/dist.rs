//! What a packaged recense shows about itself: `--version` with its build,
//! the help in the reader's language for every command, the French man pages
//! and the completions with the ids of the choices.

use clap::CommandFactory;
use recense::cli::Cli;

use crate::common::Env;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A text with its runs of spaces and line breaks as one space: the help
/// wraps long texts at the terminal's width.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn version_names_the_commit_the_target_the_form_and_the_communes() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("--version")
        .assert()
        .success()
        .get_output()
        .clone();
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("recense {}", env!("CARGO_PKG_VERSION")));
    let commit = lines[1].strip_prefix("commit : ").expect("a commit line");
    let hex = commit.len() == 12 && commit.chars().all(|c| c.is_ascii_hexdigit());
    assert!(hex || commit == "inconnu", "commit: {commit}");
    let target = lines[2].strip_prefix("cible : ").expect("a target line");
    assert!(target.contains("linux"), "target: {target}");
    assert_eq!(lines[3], "formulaire : communs-numeriques version 1");
    assert!(
        lines[4].starts_with("communes : @etalab/decoupage-administratif 6.0.0"),
        "{}",
        lines[4]
    );
    let en = env
        .cmd()
        .args(["--lang", "en", "--version"])
        .assert()
        .success();
    let en = stdout(en.get_output());
    assert!(en.contains("\ntarget: ") && en.contains("\nform: communs-numeriques version 1"));
}

/// Every command path (`merge`, `evidence add`…) with its French about.
fn commands() -> Vec<(Vec<String>, String)> {
    fn walk(cmd: &clap::Command, path: &[String], out: &mut Vec<(Vec<String>, String)>) {
        for sub in cmd.get_subcommands() {
            let mut p = path.to_vec();
            p.push(sub.get_name().to_string());
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            out.push((p.clone(), about));
            walk(sub, &p, out);
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), &[], &mut out);
    out
}

#[test]
fn lang_en_help_is_english_for_every_command() {
    let env = Env::new();
    let root = env
        .cmd()
        .args(["--lang", "en", "--help"])
        .assert()
        .success();
    let root = stdout(root.get_output());
    assert!(root.contains("Usage: recense [OPTIONS] [FILE]"), "{root}");
    assert!(root.contains("Commands:\n  init "), "{root}");
    assert!(root.contains("Create an empty census"), "{root}");
    assert!(root.contains("Language of messages: fr or en"), "{root}");
    assert!(!root.contains("Crée un recensement vide"), "{root}");
    for (path, french_about) in commands() {
        let out = env
            .cmd()
            .args(["--lang", "en"])
            .args(&path)
            .arg("--help")
            .assert()
            .success();
        let text = flat(&stdout(out.get_output()));
        let french_about = flat(&french_about);
        let usage = format!("Usage: recense {}", path.join(" "));
        assert!(text.contains(&usage), "{path:?}:\n{text}");
        assert!(text.contains("Print help"), "{path:?}:\n{text}");
        assert!(
            !text.contains(&french_about),
            "{path:?} left in French:\n{text}"
        );
        for french in [
            "Affiche l'aide",
            "Utilisation",
            "sinon selon la locale",
            "par défaut :",
        ] {
            assert!(!text.contains(french), "{path:?}: {french}\n{text}");
        }
    }
}

#[test]
fn help_is_french_by_default_for_every_command() {
    let env = Env::new();
    for (path, french_about) in commands() {
        let out = env.cmd().args(&path).arg("--help").assert().success();
        let text = flat(&stdout(out.get_output()));
        let french_about = flat(&french_about);
        assert!(
            text.contains(&format!("Utilisation : recense {}", path.join(" "))),
            "{text}"
        );
        assert!(text.contains(&french_about), "{path:?}:\n{text}");
        assert!(text.contains("Affiche l'aide"), "{path:?}:\n{text}");
        for english in ["Usage:", "Print help", "[default:", "[possible values"] {
            assert!(!text.contains(english), "{path:?}: {english}\n{text}");
        }
    }
    // Defaults and choices in French words.
    let list = env.cmd().args(["list", "--help"]).assert().success();
    let list = flat(&stdout(list.get_output()));
    assert!(
        list.contains("[valeurs : table, csv, json] [par défaut : table]"),
        "{list}"
    );
    // The long help lists each value with its own help, once.
    let export = env.cmd().args(["export", "--help"]).assert().success();
    let export = flat(&stdout(export.get_output()));
    assert!(
        export.contains("Valeurs possibles : - csv : Tableur"),
        "{export}"
    );
    assert_eq!(
        export.matches("[valeurs : csv, json,").count(),
        1,
        "{export}"
    );
    let en = env
        .cmd()
        .args(["--lang", "en", "export", "--help"])
        .assert()
        .success();
    let en = flat(&stdout(en.get_output()));
    assert!(en.contains("Possible values: - csv: Spreadsheet"), "{en}");
}

#[test]
fn help_follows_the_locale_and_the_configuration() {
    let english = Env::new().locale("en_GB.UTF-8");
    let out = english.cmd().args(["merge", "--help"]).assert().success();
    assert!(stdout(out.get_output()).contains("Usage: recense merge"));

    let configured = Env::new();
    let config = configured.config_file();
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "(lang: \"en\")\n").unwrap();
    let out = configured.cmd().args(["list", "--help"]).assert().success();
    assert!(stdout(out.get_output()).contains("List the initiatives"));
    // --lang beats the configuration, in both forms.
    for args in [&["--lang", "fr"][..], &["--lang=fr"][..]] {
        let out = configured
            .cmd()
            .args(args)
            .args(["list", "--help"])
            .assert()
            .success();
        assert!(stdout(out.get_output()).contains("Liste les initiatives"));
    }
}

#[test]
fn man_pages_are_french_one_per_command() {
    let env = Env::new();
    let dir = env.path("man");
    env.cmd()
        .args(["dev", "man", "-o"])
        .arg(&dir)
        .assert()
        .success();
    for (path, _) in commands() {
        let page = dir.join(format!("recense-{}.1", path.join("-")));
        assert!(page.exists(), "{}", page.display());
    }
    let root = std::fs::read_to_string(dir.join("recense.1")).unwrap();
    assert!(root.contains(".SH NOM\n"), "{root}");
    assert!(root.contains(".SH COMMANDES\n"), "{root}");
    assert!(
        root.contains("recensement des communs numériques"),
        "{root}"
    );
    assert!(root.contains("recense\\-format(5)"), "{root}");
    let merge = std::fs::read_to_string(dir.join("recense-merge.1")).unwrap();
    assert!(merge.contains("Fusionne des recensements"), "{merge}");
    assert!(merge.contains("recense(1)"), "{merge}");
    let title = format!(
        "\"recense {}\" \"Manuel de recense\"",
        env!("CARGO_PKG_VERSION")
    );
    assert!(merge.contains(".TH RECENSE-MERGE 1 "), "{merge}");
    assert!(merge.contains(&title), "{merge}");
    assert!(
        !merge.contains("Print help") && !merge.contains(".SH NAME"),
        "{merge}"
    );
    // Rendered as a reader sees it, where man is installed.
    let rendered = std::process::Command::new("man")
        .args(["-l", "-P", "cat"])
        .arg(dir.join("recense.1"))
        .env("LC_ALL", "C.UTF-8")
        .env("MANWIDTH", "80")
        .output();
    match rendered {
        Ok(out) if out.status.success() => {
            let text = stdout(&out);
            assert!(text.contains("communs numériques"), "{text}");
            assert!(text.contains("NOM"), "{text}");
        }
        _ => eprintln!("man is not installed: the rendering of the pages was not checked"),
    }
}

#[test]
fn completions_offer_commands_formats_and_the_form_s_choices() {
    let env = Env::new();
    let dir = env.path("completions");
    env.cmd()
        .args(["dev", "completions", "-o"])
        .arg(&dir)
        .assert()
        .success();
    let bash = std::fs::read_to_string(dir.join("recense")).unwrap();
    let zsh = std::fs::read_to_string(dir.join("_recense")).unwrap();
    let fish = std::fs::read_to_string(dir.join("recense.fish")).unwrap();
    for (shell, text) in [("bash", &bash), ("zsh", &zsh), ("fish", &fish)] {
        // Commands, a value_enum (export formats), statuses, evidence
        // kinds, action kinds, initiative types and languages.
        for id in [
            "merge",
            "umap-csv",
            "legitime",
            "en_sommeil",
            "site_web",
            "relance",
            "fablab",
        ] {
            assert!(text.contains(id), "{shell}: {id} missing");
        }
    }
    // Relations are a positional argument of `link`: clap_complete offers
    // the values of positionals in bash and zsh, not in fish.
    assert!(
        bash.contains("partenaire heberge forme relaie"),
        "bash: relations"
    );
    assert!(zsh.contains("heberge"), "zsh: relations");
    assert!(bash.contains("fr en"), "bash: languages");
    assert!(
        fish.contains("Fusionne des recensements"),
        "fish descriptions in French"
    );
    if let Ok(out) = std::process::Command::new("bash")
        .arg("-n")
        .arg(dir.join("recense"))
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
