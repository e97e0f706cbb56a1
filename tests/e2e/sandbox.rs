//! Driving the real `recense` binary in a real terminal: a tmux server of its
//! own per session (its own socket and socket folder), an 80×24 pane, and an
//! isolated environment (home, config and data folders, locale, `TERM`).
//!
//! Nothing here sleeps a fixed time hoping the program is ready: every step
//! waits until the screen shows what it should (captured with
//! `tmux capture-pane`), up to a generous [`TIMEOUT`], and a failure shows the
//! last screen.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long any one expected screen may take to appear. Generous: a loaded
/// two-core machine running the other tests at the same time.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Between two looks at the screen.
const POLL: Duration = Duration::from_millis(40);

/// The size of every terminal.
pub const WIDTH: u16 = 80;
pub const HEIGHT: u16 = 24;

/// The program under test, as cargo built it for the tests.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_recense"))
}

/// Fails loudly when tmux is missing: these tests must not pass without
/// having run.
pub fn require_tmux() {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "tmux is needed by the terminal end-to-end tests (tests/tui_e2e.rs) and was not found: \
         install it (`apt-get install tmux`, `brew install tmux`…); .ci/run installs it in CI."
    );
}

/// An isolated place to run `recense`: home, config, data and working
/// folders, and the folder of the tmux sockets, all in one temporary folder.
pub struct Sandbox {
    root: TempDir,
    sessions: AtomicUsize,
    /// Variables added by a test ([`Sandbox::set_var`]) to every later run.
    extra: std::sync::Mutex<Vec<(&'static str, String)>>,
}

impl Drop for Sandbox {
    /// Removes the sandbox before `TempDir` tries: a tmux server killed at
    /// the end of a test may still be exiting and touching its socket folder,
    /// which made a single removal fail half-way and leave folders in /tmp.
    fn drop(&mut self) {
        for _ in 0..100 {
            match std::fs::remove_dir_all(self.root.path()) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    std::thread::sleep(std::time::Duration::from_millis(20))
                }
                _ => break,
            }
        }
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        require_tmux();
        let root = tempfile::Builder::new()
            .prefix("recense-e2e-")
            .tempdir()
            .expect("temporary folder");
        for sub in ["home", "config", "data", "work", "tmux"] {
            std::fs::create_dir(root.path().join(sub)).expect("create folder");
        }
        Sandbox {
            root,
            sessions: AtomicUsize::new(0),
            extra: Default::default(),
        }
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    pub fn home(&self) -> PathBuf {
        self.root().join("home")
    }

    pub fn config_dir(&self) -> PathBuf {
        self.root().join("config")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.root().join("data")
    }

    /// The working folder: programs run there.
    pub fn work(&self) -> PathBuf {
        self.root().join("work")
    }

    /// A path in the working folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.work().join(name)
    }

    /// `$XDG_CONFIG_HOME/recense/config.ron`.
    pub fn config_file(&self) -> PathBuf {
        self.config_dir().join("recense").join("config.ron")
    }

    /// The census opened by `recense` alone: `$XDG_DATA_HOME/recense/recense.ron`.
    pub fn default_census(&self) -> PathBuf {
        self.data_dir().join("recense").join("recense.ron")
    }

    /// The variables every run gets; nothing else is inherited, except `PATH`.
    fn variables(&self) -> Vec<(&'static str, String)> {
        vec![
            ("HOME", self.home().display().to_string()),
            ("XDG_CONFIG_HOME", self.config_dir().display().to_string()),
            ("XDG_DATA_HOME", self.data_dir().display().to_string()),
            ("LANG", "fr_FR.UTF-8".to_string()),
            ("PATH", path_var()),
        ]
        .into_iter()
        .chain(self.extra.lock().map(|e| e.clone()).unwrap_or_default())
        .collect()
    }

    /// Gives every later run of the program the variable `name`.
    pub fn set_var(&self, name: &'static str, value: &str) {
        if let Ok(mut extra) = self.extra.lock() {
            extra.push((name, value.to_string()));
        }
    }

    /// `recense ARGS…` from a script (no terminal), in the working folder.
    pub fn cli<S: AsRef<OsStr>>(&self, args: &[S]) -> Output {
        let mut cmd = Command::new(binary());
        cmd.env_clear().current_dir(self.work()).args(args);
        for (k, v) in self.variables() {
            cmd.env(k, v);
        }
        cmd.output().expect("run recense")
    }

    /// `recense ARGS…` that must succeed; its standard output.
    #[track_caller]
    pub fn cli_ok<S: AsRef<OsStr>>(&self, args: &[S]) -> String {
        let out = self.cli(args);
        assert!(
            out.status.success(),
            "recense {:?} failed ({}):\n{}",
            args.iter()
                .map(|a| a.as_ref().to_owned())
                .collect::<Vec<_>>(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("UTF-8 output")
    }

    /// The file names of a folder, sorted.
    pub fn files_in(&self, dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn next_session(&self) -> usize {
        self.sessions.fetch_add(1, Ordering::Relaxed)
    }
}

impl Default for Sandbox {
    fn default() -> Self {
        Sandbox::new()
    }
}

fn path_var() -> String {
    std::env::var("PATH").unwrap_or_else(|_| "/usr/local/bin:/usr/bin:/bin".to_string())
}

/// Quotes a word for `sh`.
fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The terminal the program believes it runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    pub term: &'static str,
    pub no_color: bool,
}

impl Terminal {
    /// A modern terminal emulator.
    pub const XTERM: Terminal = Terminal {
        term: "xterm-256color",
        no_color: false,
    };
    /// The Linux console, colours refused.
    pub const LINUX_NO_COLOR: Terminal = Terminal {
        term: "linux",
        no_color: true,
    };
    /// The Linux console, with its colours.
    pub const LINUX: Terminal = Terminal {
        term: "linux",
        no_color: false,
    };
}

/// A socket name unique among the sessions of every test process running now.
fn unique_socket(sandbox: &Sandbox) -> String {
    static SESSIONS: AtomicUsize = AtomicUsize::new(0);
    format!(
        "recense-e2e-{}-{}-{}",
        std::process::id(),
        SESSIONS.fetch_add(1, Ordering::Relaxed),
        sandbox.next_session()
    )
}

/// `recense` running in a tmux pane of its own tmux server. The server is
/// killed when this is dropped, also when the test fails.
pub struct Session<'a> {
    sandbox: &'a Sandbox,
    socket: String,
    config: PathBuf,
    killed: bool,
}

/// What the wrapper script prints after the program: its exit code…
pub const END_MARK: &str = "FIN-";
/// …and, before it, whether the terminal settings are those from before.
pub const TTY_RESTORED: &str = "TTY-RESTORED";
pub const TTY_CHANGED: &str = "TTY-CHANGED";

impl<'a> Session<'a> {
    /// `recense ARGS…` in an 80×24 xterm.
    pub fn start(sandbox: &'a Sandbox, args: &[&str]) -> Session<'a> {
        Session::start_in(sandbox, args, Terminal::XTERM)
    }

    /// `recense ARGS…` in an 80×24 terminal of the given kind. The program is
    /// run by a small `sh` script that then prints whether the terminal modes
    /// are back as they were and the exit code (`FIN-0`).
    pub fn start_in(sandbox: &'a Sandbox, args: &[&str], terminal: Terminal) -> Session<'a> {
        Session::start_in_env(sandbox, args, terminal, &[])
    }

    /// `recense ARGS…` in an 80×24 xterm, with these variables set too
    /// (`EDITOR`…).
    pub fn start_with_env(
        sandbox: &'a Sandbox,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> Session<'a> {
        Session::start_in_env(sandbox, args, Terminal::XTERM, env)
    }

    fn start_in_env(
        sandbox: &'a Sandbox,
        args: &[&str],
        terminal: Terminal,
        env: &[(&str, &str)],
    ) -> Session<'a> {
        let socket = unique_socket(sandbox);
        let config = sandbox.root().join(format!("{socket}.tmux.conf"));
        // No status line: the pane is the whole 80×24.
        std::fs::write(&config, "set -g status off\nset -g history-limit 1000\n")
            .expect("write tmux config");

        let mut script = String::from("#!/bin/sh\n");
        for (k, v) in sandbox.variables() {
            script.push_str(&format!("export {k}={}\n", sh_quote(&v)));
        }
        script.push_str(&format!("export TERM={}\n", sh_quote(terminal.term)));
        script.push_str(
            "unset LC_ALL LC_MESSAGES LC_CTYPE LANGUAGE RECENSE_FILE RECENSE_AGENT RECENSE_NOW \
             NO_COLOR TMUX TMUX_PANE COLORTERM\n",
        );
        if terminal.no_color {
            script.push_str("export NO_COLOR=1\n");
        }
        for (k, v) in env {
            script.push_str(&format!("export {k}={}\n", sh_quote(v)));
        }
        script.push_str(&format!(
            "cd {} || exit 97\n",
            sh_quote(&sandbox.work().display().to_string())
        ));
        script.push_str("before=$(stty -g)\n");
        let mut line = sh_quote(&binary().display().to_string());
        for a in args {
            line.push(' ');
            line.push_str(&sh_quote(a));
        }
        script.push_str(&line);
        script.push('\n');
        script.push_str("code=$?\n");
        script.push_str(&format!(
            "if [ \"$(stty -g)\" = \"$before\" ]; then echo {TTY_RESTORED}; else echo {TTY_CHANGED}; fi\n"
        ));
        script.push_str(&format!("echo \"{END_MARK}$code\"\n"));
        // The pane stays alive a while, so that the terminal state the program
        // left (cursor shown, main screen) can be read. The server is killed
        // at the end of the test; if the test process itself is killed, the
        // server still goes away by itself when this ends.
        script.push_str("exec sleep 600\n");
        let script_path = sandbox.root().join(format!("{socket}.sh"));
        std::fs::write(&script_path, script).expect("write script");

        let session = Session {
            sandbox,
            socket,
            config,
            killed: false,
        };
        let width = WIDTH.to_string();
        let height = HEIGHT.to_string();
        let out = session.tmux(&[
            "new-session",
            "-d",
            "-x",
            &width,
            "-y",
            &height,
            "sh",
            &script_path.display().to_string(),
        ]);
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        session
    }

    /// A tmux command on this session's server.
    fn tmux(&self, args: &[&str]) -> Output {
        let mut cmd = Command::new("tmux");
        cmd.env_clear()
            .env("PATH", path_var())
            .env("HOME", self.sandbox.home())
            .env("LANG", "C.UTF-8")
            // The socket folder is in the sandbox: nothing shared with the
            // tmux of the person running the tests.
            .env("TMUX_TMPDIR", self.sandbox.root().join("tmux"))
            .args(["-u", "-L", &self.socket, "-f"])
            .arg(&self.config)
            .args(args);
        cmd.output().expect("run tmux")
    }

    /// The screen as text, one line per row (trailing spaces removed).
    pub fn screen(&self) -> String {
        self.capture(false)
    }

    /// The screen with its colours and attributes, as escape sequences.
    pub fn styled_screen(&self) -> String {
        self.capture(true)
    }

    /// Everything the pane shows and scrolled away: what a person sees
    /// after the program ended (the end of the `pane is dead` screen).
    pub fn transcript(&self) -> String {
        self.capture_args(&["capture-pane", "-p", "-S", "-"])
    }

    fn capture(&self, styled: bool) -> String {
        if styled {
            self.capture_args(&["capture-pane", "-p", "-e"])
        } else {
            self.capture_args(&["capture-pane", "-p"])
        }
    }

    fn capture_args(&self, args: &[&str]) -> String {
        let out = self.tmux(args);
        if !out.status.success() {
            return format!(
                "<capture-pane failed: {}>",
                String::from_utf8_lossy(&out.stderr).trim()
            );
        }
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A tmux format of the pane (`#{pane_pid}`, `#{alternate_on}`…).
    pub fn format(&self, format: &str) -> String {
        let out = self.tmux(&["display-message", "-p", format]);
        assert!(
            out.status.success(),
            "tmux display-message {format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Waits until `check` accepts the screen; returns that screen. Fails
    /// after [`TIMEOUT`] with `what` and the last screen.
    #[track_caller]
    pub fn wait_until(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if check(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "after {:?}, still waiting for: {what}\n── last screen ──\n{}\n─────────────────",
                    TIMEOUT,
                    framed(&screen)
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// From now on, copies every byte the program writes to its terminal
    /// into `file`.
    pub fn record_output(&self, file: &Path) {
        let command = format!("cat >> {}", sh_quote(&file.display().to_string()));
        let out = self.tmux(&["pipe-pane", "-o", &command]);
        assert!(
            out.status.success(),
            "tmux pipe-pane: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Stops [`Session::record_output`].
    pub fn stop_recording(&self) {
        let _ = self.tmux(&["pipe-pane"]);
    }

    /// Waits until the screen has not changed for a while (a frame being
    /// written is never taken for the last one); returns it.
    #[track_caller]
    pub fn wait_settled(&self) -> String {
        let quiet = Duration::from_millis(300);
        let start = Instant::now();
        let mut screen = self.screen();
        let mut since = Instant::now();
        loop {
            std::thread::sleep(POLL);
            let now = self.screen();
            if now != screen {
                screen = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "the screen never settled:\n{}",
                framed(&screen)
            );
        }
    }

    /// Waits until the screen shows `text`.
    #[track_caller]
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("« {text} »"), |s| s.contains(text))
    }

    /// Waits until the screen shows all these texts at once.
    #[track_caller]
    pub fn wait_for_all(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("all of {texts:?}"), |s| {
            texts.iter().all(|t| s.contains(t))
        })
    }

    /// Waits until the screen no longer shows `text`.
    #[track_caller]
    pub fn wait_gone(&self, text: &str) -> String {
        self.wait_until(&format!("« {text} » to go away"), |s| !s.contains(text))
    }

    /// Waits until the styled screen satisfies `check` (selection, colours).
    #[track_caller]
    pub fn wait_until_styled(&self, what: &str, check: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.styled_screen();
            if check(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "after {:?}, still waiting for: {what}\n── last screen ──\n{}\n─────────────────",
                    TIMEOUT,
                    framed(&strip_escapes(&screen))
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Presses one key, by its tmux name (`Enter`, `Escape`, `Down`, `BTab`,
    /// `C-u`, `a`…). One key per call: `Escape` followed by another key in
    /// the same write would reach the program as Alt+key.
    pub fn key(&self, key: &str) {
        let out = self.tmux(&["send-keys", key]);
        assert!(
            out.status.success(),
            "tmux send-keys {key}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Types text literally (`Enter` is five letters, not the key).
    pub fn type_text(&self, text: &str) {
        let out = self.tmux(&["send-keys", "-l", text]);
        assert!(
            out.status.success(),
            "tmux send-keys -l {text:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Presses a key and waits for the screen to show `text`.
    #[track_caller]
    pub fn press(&self, key: &str, then: &str) -> String {
        self.key(key);
        self.wait_for(then)
    }

    /// Presses a key and waits until the screen is no longer `before`.
    #[track_caller]
    pub fn press_and_wait_change(&self, key: &str, before: &str) -> String {
        self.key(key);
        self.wait_until(&format!("the screen to change after {key}"), |s| {
            s != before
        })
    }

    /// Moves the selection with `key` until the selected line (drawn in
    /// reverse video) contains `label`; at most `max` presses.
    #[track_caller]
    pub fn select_line(&self, key: &str, label: &str, max: usize) {
        for _ in 0..=max {
            let styled = self.styled_screen();
            let selected = selected_lines(&styled);
            if selected.iter().any(|l| l.contains(label)) {
                return;
            }
            self.key(key);
            self.wait_until_styled(
                &format!("the selection to move after {key} (looking for « {label} »)"),
                |s| selected_lines(s) != selected,
            );
        }
        panic!(
            "« {label} » never selected after {max} × {key}\n{}",
            framed(&self.screen())
        );
    }

    /// The process id of `recense` in the pane: the child of the script.
    #[track_caller]
    pub fn program_pid(&self) -> u32 {
        let shell: u32 = self
            .format("#{pane_pid}")
            .parse()
            .expect("pane pid is a number");
        let start = Instant::now();
        loop {
            if let Some(pid) = children_named(shell, "recense").first() {
                return *pid;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "no recense process under the pane's shell (pid {shell})"
            );
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the program has ended and the script printed its exit
    /// code; returns it.
    #[track_caller]
    pub fn wait_exit(&self) -> i32 {
        let start = Instant::now();
        let ended = |s: &str| s.lines().any(|l| l.trim_start().starts_with(END_MARK));
        let mut screen = self.transcript();
        while !ended(&screen) {
            if start.elapsed() > TIMEOUT {
                panic!(
                    "after {TIMEOUT:?}, the program has not ended (no {END_MARK}<code>)\n\
                     ── last screen ──\n{}\n─────────────────",
                    framed(&self.screen())
                );
            }
            std::thread::sleep(POLL);
            screen = self.transcript();
        }
        let line = screen
            .lines()
            .find(|l| l.trim_start().starts_with(END_MARK))
            .expect("end line");
        line.trim()[END_MARK.len()..]
            .parse()
            .unwrap_or_else(|_| panic!("exit code in {line:?}"))
    }

    /// The connection drops: the tmux server and its terminals vanish, the
    /// program gets SIGHUP and finds its terminal gone.
    pub fn kill_server(&mut self) {
        if !self.killed {
            let _ = self.tmux(&["kill-server"]);
            self.killed = true;
        }
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        self.kill_server();
    }
}

/// A screen between rulers, with its row numbers, for failure messages.
pub fn framed(screen: &str) -> String {
    screen
        .lines()
        .enumerate()
        .map(|(n, l)| format!("{n:>2}|{l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Removes the escape sequences of a styled capture.
pub fn strip_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if ('@'..='~').contains(&d) {
                        break;
                    }
                }
            } else {
                chars.next();
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The SGR parameter lists of a styled capture (`1;7`, `38;5;6`…).
pub fn sgr_sequences(s: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find("\x1b[") {
        let after = &rest[i + 2..];
        let end = after.find(|c: char| ('@'..='~').contains(&c));
        match end {
            Some(e) => {
                if after[e..].starts_with('m') {
                    found.push(after[..e].to_string());
                }
                rest = &after[e + 1..];
            }
            None => break,
        }
    }
    found
}

/// The lines of a styled capture that have reverse-video text (the
/// selection), without their escapes.
pub fn selected_lines(styled: &str) -> Vec<String> {
    styled
        .lines()
        .filter(|line| {
            sgr_sequences(line)
                .iter()
                .any(|p| p.split(';').any(|n| n == "7"))
        })
        .map(strip_escapes)
        .collect()
}

/// The processes whose parent is `parent` and whose name is `name`.
pub fn children_named(parent: u32, name: &str) -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|s| s.parse::<u32>().ok())
        else {
            continue;
        };
        let Some(stat) = ProcStat::read(pid) else {
            continue;
        };
        if stat.ppid == parent && stat.comm == name && stat.state != 'Z' {
            found.push(pid);
        }
    }
    found
}

/// What `/proc/PID/stat` says of a process.
#[derive(Debug, Clone)]
pub struct ProcStat {
    pub comm: String,
    pub state: char,
    pub ppid: u32,
    /// CPU time in clock ticks, user and system.
    pub utime: u64,
    pub stime: u64,
}

impl ProcStat {
    pub fn read(pid: u32) -> Option<ProcStat> {
        let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // `PID (COMM) STATE PPID …`: COMM may hold spaces and parentheses.
        let open = text.find('(')?;
        let close = text.rfind(')')?;
        let comm = text[open + 1..close].to_string();
        let rest: Vec<&str> = text[close + 1..].split_whitespace().collect();
        Some(ProcStat {
            comm,
            state: rest.first()?.chars().next()?,
            ppid: rest.get(1)?.parse().ok()?,
            utime: rest.get(11)?.parse().ok()?,
            stime: rest.get(12)?.parse().ok()?,
        })
    }

    pub fn cpu_ticks(&self) -> u64 {
        self.utime + self.stime
    }
}

/// How many times the threads of a process were woken up so far (voluntary
/// and forced context switches, summed over its threads): a count, not a
/// time, so an idle check holds on a loaded machine.
pub fn wakeups(pid: u32) -> Option<u64> {
    let mut total = 0;
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).ok()? {
        let status = std::fs::read_to_string(task.ok()?.path().join("status")).ok()?;
        for line in status.lines() {
            if let Some(n) = line
                .strip_prefix("voluntary_ctxt_switches:")
                .or_else(|| line.strip_prefix("nonvoluntary_ctxt_switches:"))
            {
                total += n.trim().parse::<u64>().ok()?;
            }
        }
    }
    Some(total)
}

/// Whether a process still runs (a zombie waiting for its parent does not).
pub fn running(pid: u32) -> bool {
    ProcStat::read(pid).is_some_and(|s| s.state != 'Z')
}

/// Waits until `pid` has ended.
#[track_caller]
pub fn wait_process_gone(pid: u32) {
    let start = Instant::now();
    while running(pid) {
        assert!(
            start.elapsed() < TIMEOUT,
            "recense (pid {pid}) still runs {TIMEOUT:?} after its terminal went away"
        );
        std::thread::sleep(POLL);
    }
}

/// The text of a file, or a clear failure.
#[track_caller]
pub fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Parses JSON printed by the command line.
#[track_caller]
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}
