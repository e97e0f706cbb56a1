//! What every command-line test needs: the real `recense` binary run in an
//! isolated environment (its own config, data and home folders, a fixed clock,
//! an explicit language), a census to work on, and checks on the files left
//! on disk.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value as Json;
use tempfile::TempDir;

/// The fixed clock of every test: stamps and dates are predictable.
pub const NOW: &str = "2026-11-29T10:00:00Z";
/// The date part of [`NOW`], as `show` prints it beside each value.
pub const TODAY: &str = "2026-11-29";
/// The census most tests work on, in the working folder.
pub const CENSUS: &str = "census.ron";
/// The agent recorded by [`Env::with_census`].
pub const AGENT: &str = "Marie";
/// The sample census shipped with recense (19 initiatives of the Pays de
/// Brest), the common starting point of colleagues in the merge tests.
pub const SAMPLE: &str = "sample-data/pays-de-brest.ron";

/// An isolated place to run `recense`: a temporary folder holding the config
/// folder, the data folder, the home folder and the working folder.
pub struct Env {
    root: TempDir,
    locale: String,
}

impl Env {
    /// An empty environment, French locale, no config, no census.
    pub fn new() -> Env {
        let root = tempfile::tempdir().expect("temporary folder");
        for sub in ["config", "data", "home", "work"] {
            std::fs::create_dir(root.path().join(sub)).expect("create folder");
        }
        Env {
            root,
            locale: "fr_FR.UTF-8".to_string(),
        }
    }

    /// An environment with an empty census `census.ron` created by
    /// `recense init --as Marie`, so that Marie is the recorded agent.
    pub fn with_census() -> Env {
        let env = Env::new();
        env.init();
        env
    }

    /// The same environment with another locale (`LANG` and `LC_ALL`).
    pub fn locale(mut self, locale: &str) -> Env {
        self.locale = locale.to_string();
        self
    }

    /// The working folder: commands run there and relative paths start there.
    pub fn work(&self) -> PathBuf {
        self.root.path().join("work")
    }

    /// A path in the working folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.work().join(name)
    }

    pub fn config_dir(&self) -> PathBuf {
        self.root.path().join("config")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    /// Where recense reads its config (XDG: `$XDG_CONFIG_HOME/recense/`).
    pub fn config_file(&self) -> PathBuf {
        self.config_dir().join("recense").join("config.ron")
    }

    /// The census used when neither `--file` nor `RECENSE_FILE` is given.
    pub fn default_census(&self) -> PathBuf {
        self.data_dir().join("recense").join("recense.ron")
    }

    /// The environment of every run: `Some` sets a variable, `None` removes
    /// it. Nothing is inherited from the person running the tests.
    fn isolation(&self) -> Vec<(&'static str, Option<OsString>)> {
        vec![
            ("XDG_CONFIG_HOME", Some(self.config_dir().into())),
            ("XDG_DATA_HOME", Some(self.data_dir().into())),
            ("HOME", Some(self.root.path().join("home").into())),
            ("LANG", Some(self.locale.clone().into())),
            ("LC_ALL", Some(self.locale.clone().into())),
            ("RECENSE_NOW", Some(NOW.into())),
            ("LC_MESSAGES", None),
            ("LANGUAGE", None),
            ("RECENSE_FILE", None),
            ("RECENSE_AGENT", None),
        ]
    }

    /// `recense`, run in the working folder of this isolated environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("recense").expect("the recense binary");
        cmd.current_dir(self.work());
        for (var, value) in self.isolation() {
            match value {
                Some(v) => cmd.env(var, v),
                None => cmd.env_remove(var),
            };
        }
        cmd
    }

    /// `recense` as [`Env::cmd`], its clock set to `now` instead of [`NOW`]:
    /// colleagues who write on different days.
    pub fn cmd_at(&self, now: &str) -> Command {
        let mut cmd = self.cmd();
        cmd.env("RECENSE_NOW", now);
        cmd
    }

    /// Another program (git) run in `dir` with the isolation of `recense`
    /// (home, config and data folders, clock, language): whatever it runs in
    /// turn (a git merge driver) is isolated too.
    pub fn program(&self, program: &str, dir: &Path) -> std::process::Command {
        let mut cmd = std::process::Command::new(program);
        cmd.current_dir(dir);
        for (var, value) in self.isolation() {
            match value {
                Some(v) => cmd.env(var, v),
                None => cmd.env_remove(var),
            };
        }
        cmd
    }

    /// The same as [`Env::cmd`] as a `std::process::Command`, for the rare
    /// test that needs to handle the child's pipes itself.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_recense"));
        cmd.current_dir(self.work());
        for (var, value) in self.isolation() {
            match value {
                Some(v) => cmd.env(var, v),
                None => cmd.env_remove(var),
            };
        }
        cmd
    }

    /// `recense --file census.ron`.
    pub fn census_cmd(&self) -> Command {
        let mut cmd = self.cmd();
        cmd.args(["--file", CENSUS]);
        cmd
    }

    /// Creates `census.ron` (territory « Pays de Brest ») and records Marie as
    /// the agent in the config.
    pub fn init(&self) {
        self.cmd()
            .args([
                "init",
                CENSUS,
                "--territory",
                "Pays de Brest",
                "--as",
                AGENT,
            ])
            .assert()
            .success();
    }

    /// Adds an initiative to `census.ron`; returns its id.
    pub fn add(&self, sets: &[&str]) -> String {
        let mut cmd = self.census_cmd();
        cmd.arg("add");
        for s in sets {
            cmd.args(["--set", s]);
        }
        let out = cmd.assert().success().get_output().stdout.clone();
        let id = String::from_utf8(out).expect("UTF-8 id").trim().to_string();
        assert_eq!(id.len(), 26, "add prints a ULID, got {id:?}");
        id
    }

    /// Adds « Médiathèque des Capucins », a médiathèque in Brest.
    pub fn add_capucins(&self) -> String {
        self.add(&[
            "nom=Médiathèque des Capucins",
            "type=mediatheque",
            "commune=Brest",
        ])
    }

    /// Adds « Infini », a CHATONS in Brest.
    pub fn add_infini(&self) -> String {
        self.add(&["nom=Infini", "type=chatons", "commune=Brest"])
    }

    /// Adds « Fablab des Fourneaux », a fablab in Plouzané.
    pub fn add_fablab(&self) -> String {
        self.add(&[
            "nom=Fablab des Fourneaux",
            "type=fablab",
            "commune=Plouzané",
        ])
    }

    /// The bytes of a file of the working folder.
    pub fn read(&self, name: &str) -> Vec<u8> {
        std::fs::read(self.path(name)).unwrap_or_else(|e| panic!("read {name}: {e}"))
    }

    /// The text of a file of the working folder.
    pub fn read_text(&self, name: &str) -> String {
        String::from_utf8(self.read(name)).expect("UTF-8 file")
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create folder");
        }
        std::fs::write(path, bytes).expect("write file");
    }

    /// Copies the sample census [`SAMPLE`] into the working folder as `name`.
    pub fn copy_sample(&self, name: &str) {
        self.write(
            name,
            std::fs::read(project_dir().join(SAMPLE)).expect("sample census"),
        );
    }

    /// Copies a fixture (`valid/NAME` or `invalid/NAME`) into the working
    /// folder under its own file name; returns that name.
    pub fn copy_fixture(&self, fixture: &str) -> String {
        let name = Path::new(fixture)
            .file_name()
            .expect("fixture file name")
            .to_string_lossy()
            .into_owned();
        self.write(
            &name,
            std::fs::read(fixture_path(fixture)).expect("fixture"),
        );
        name
    }

    /// Every file under the working folder with its bytes: compare two of
    /// them to prove a command wrote nothing (no change, no backup, no lock,
    /// no temporary file).
    pub fn snapshot(&self) -> Snapshot {
        let mut files = BTreeMap::new();
        collect(&self.work(), &self.work(), &mut files);
        Snapshot(files)
    }

    /// The names of the files of the working folder (not recursive).
    pub fn file_names(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.work())
            .expect("read working folder")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Default for Env {
    fn default() -> Self {
        Env::new()
    }
}

/// The files of a folder and their bytes.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot(pub BTreeMap<String, Vec<u8>>);

fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("read folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            let name = path
                .strip_prefix(root)
                .expect("inside root")
                .to_string_lossy()
                .into_owned();
            out.insert(name, std::fs::read(&path).expect("read file"));
        }
    }
}

/// Asserts that nothing under the working folder changed.
#[track_caller]
pub fn assert_unchanged(before: &Snapshot, after: &Snapshot) {
    let names = |s: &Snapshot| s.0.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(before), names(after), "files were created or removed");
    for (name, bytes) in &before.0 {
        assert!(
            after.0.get(name) == Some(bytes),
            "{name} was changed by a command that had to leave it alone"
        );
    }
}

/// The path of a fixture file, e.g. `invalid/census-truncated.ron`.
pub fn fixture_path(fixture: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(fixture)
}

/// The root of the project (shipped schemas and samples).
pub fn project_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The two sample censuses shipped with recense, in `sample-data/`.
pub const SAMPLES: [&str; 2] = ["pays-de-brest.ron", "grenoble.ron"];

/// The path of a shipped sample census, e.g. `grenoble.ron`.
pub fn sample_path(sample: &str) -> PathBuf {
    project_dir().join("sample-data").join(sample)
}

/// An environment whose `census.ron` is a copy of a shipped sample.
pub fn with_sample(sample: &str) -> Env {
    let env = Env::new();
    env.write(
        CENSUS,
        std::fs::read(sample_path(sample)).expect("sample census"),
    );
    env
}

/// `recense --file census.ron list --format json ARGS`.
pub fn list_json(env: &Env, args: &[&str]) -> Vec<Json> {
    let out = env
        .census_cmd()
        .args(["list", "--format", "json"])
        .args(args)
        .assert()
        .success()
        .get_output()
        .clone();
    match serde_json::from_str(&stdout_of(&out)).expect("list --format json is JSON") {
        Json::Array(items) => items,
        other => panic!("expected an array, got {other}"),
    }
}

/// The standard error of a finished command, as text.
pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The standard output of a finished command, as text.
pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Whether `text` has a line with `FILE:LINE:COLUMN:` (any column) that also
/// says `phrase`: the place and the message belong together.
pub fn has_located(text: &str, file: &str, line: usize, phrase: &str) -> bool {
    let at = format!("{file}:{line}:");
    text.lines().any(|l| {
        l.contains(phrase)
            && l.match_indices(&at).any(|(i, m)| {
                let rest = &l[i + m.len()..];
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                digits > 0 && rest[digits..].starts_with(':')
            })
    })
}

/// Asserts [`has_located`], showing the whole text when it fails.
#[track_caller]
pub fn assert_located(text: &str, file: &str, line: usize, phrase: &str) {
    assert!(
        has_located(text, file, line, phrase),
        "expected `{file}:{line}:COLUMN:` with « {phrase} » on one line, got:\n{text}"
    );
}

/// The line number reported right after `FILE:` on the line saying `phrase`.
pub fn reported_line(text: &str, file: &str, phrase: &str) -> Option<usize> {
    let at = format!("{file}:");
    text.lines().filter(|l| l.contains(phrase)).find_map(|l| {
        let i = l.find(&at)?;
        let rest = &l[i + at.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    })
}

/// This machine's name, as recense writes it in lock files.
pub fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "?".to_string())
}

/// A lock file naming `agent`, process `pid` on `host`.
pub fn lock_text(pid: u32, host: &str, agent: &str) -> String {
    format!("(pid: {pid}, host: \"{host}\", agent: \"{agent}\", since: \"2026-11-29T09:00:00Z\")\n")
}

/// Holds the lock of `census` in `env` as a running recense does: the lock
/// file naming this test's process, under an OS lock kept while the returned
/// file is open.
pub fn hold_lock(env: &Env, census: &str, agent: &str) -> std::fs::File {
    let name = format!("{census}.lock");
    env.write(&name, lock_text(std::process::id(), &hostname(), agent));
    let file = std::fs::File::open(env.path(&name)).expect("open the lock");
    file.lock().expect("OS lock");
    file
}

/// The pid of a process that has finished: a lock naming it is stale.
pub fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true")
        .spawn()
        .expect("run `true`");
    let pid = child.id();
    child.wait().expect("wait for `true`");
    pid
}

/// The longest common prefix of two ids: ids made in the same millisecond
/// share their first ten characters, so this prefix names both.
pub fn common_prefix(a: &str, b: &str) -> String {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect()
}
