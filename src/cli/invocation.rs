//! What every command needs: language, folders, config, census path, agent;
//! and the one way to change a census (lock, read, change, save).

use crate::i18n::cli::cli;
use std::path::PathBuf;
use std::process::ExitCode;

use std::io::Write as _;

use crate::census::error::LoadError;
use crate::census::session::{OpenError, Session};
use crate::census::store::LockWait;
use crate::census::workspace::Workspace;
use crate::census::{Agent, InitiativeId};
use crate::config::{Config, Dirs, resolve_agent};
use crate::i18n::{Lang, Localized};

use super::Cli;

/// A command that failed: its message (already in the user's language) and
/// the exit code.
#[derive(Debug)]
pub struct Fail {
    pub message: String,
    pub code: u8,
}

impl Fail {
    pub fn new(message: impl Into<String>) -> Fail {
        Fail {
            message: message.into(),
            code: 1,
        }
    }

    pub fn report(self) -> ExitCode {
        eprintln!("recense: {}", self.message);
        ExitCode::from(self.code)
    }
}

/// Writes to standard output, made inert ([`crate::display::for_terminal`]). A reader that stops early (`recense list |
/// head`) ends the program quietly instead of making it panic.
pub fn emit(text: &str) {
    super::progress::before_output();
    let text = crate::display::for_terminal(text);
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("recense: {e}");
    }
}

/// Which initiatives an id prefix may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Among {
    Live,
    Deleted,
    /// Live first, then deleted.
    Any,
}

/// One run of the command line: what every command needs, from its
/// global options, the environment and the configuration.
pub struct Invocation {
    pub lang: Lang,
    pub dirs: Dirs,
    pub config: Config,
    pub file: PathBuf,
    /// Whether the census was named (`--file` or `RECENSE_FILE`) rather
    /// than taken by default.
    pub file_given: bool,
    pub agent: Option<Agent>,
    /// The glyphs asked for: ASCII (`--ascii`, `ascii: true` in the
    /// configuration), Unicode (`--unicode`, `ascii: false`), or `None` to
    /// follow the terminal (ASCII on `TERM=linux`).
    pub ascii: Option<bool>,
}

impl Invocation {
    pub fn new(cli: &Cli) -> Result<Invocation, Fail> {
        let dirs = Dirs::discover();
        let config = Config::load(&dirs.config_file())
            .map_err(|e| Fail::new(e.localize(Lang::detect(cli.lang))))?;
        let lang = Lang::detect(cli.lang.or(config.lang));
        let file = cli.file.clone().unwrap_or_else(|| dirs.default_census());
        let agent = resolve_agent(cli.agent.as_deref(), &config);
        let ascii = glyphs(cli, &config);
        crate::census::store::wait_for_locks(cli.wait.unwrap_or(LockWait::No));
        Ok(Invocation {
            lang,
            dirs,
            config,
            file,
            file_given: cli.file.is_some(),
            agent,
            ascii,
        })
    }

    /// A failure from any localizable error.
    pub fn fail(&self, e: &impl Localized) -> Fail {
        Fail::new(e.localize(self.lang))
    }

    pub fn require_agent(&self) -> Result<Agent, Fail> {
        self.agent
            .clone()
            .ok_or_else(|| Fail::new(cli(self.lang).who_are_you))
    }

    /// Opens the census for reading.
    pub fn open(&self) -> Result<Workspace, Fail> {
        let ws = Workspace::open(&self.file).map_err(|e| self.load_fail(&e))?;
        self.warn_journal(&ws);
        Ok(ws)
    }

    /// Says which journal records were skipped (cut by a crash or a full
    /// disk), and which ids were read in capitals.
    fn warn_journal(&self, ws: &Workspace) {
        for skipped in crate::census::validate::journal_skipped(&ws.report) {
            eprintln!("{}", skipped.localize(self.lang));
        }
        for id in crate::census::validate::ids_in_small_letters(&ws.report) {
            eprintln!("{}", id.localize(self.lang));
        }
    }

    /// A census that cannot be read, with how to create it when missing.
    fn load_fail(&self, e: &LoadError) -> Fail {
        let mut fail = self.fail(e);
        if matches!(e, LoadError::NotFound { .. }) {
            fail.message.push(' ');
            fail.message.push_str(cli(self.lang).create_census_hint);
        }
        fail
    }

    /// The initiative a text names: its whole id, a unique beginning or end
    /// of it, or (in a workspace) its name; with a message that says why
    /// when it names none (deleted, not deleted, several, unknown).
    pub fn resolve(
        &self,
        within: &(impl super::lookup::Within + ?Sized),
        text: &str,
        among: Among,
    ) -> Result<InitiativeId, Fail> {
        super::lookup::resolve(self, within, text, among)
    }

    /// Changes the census: takes the lock, reads the file (a file that cannot
    /// be read is never written), applies `change`, saves atomically if it
    /// says something changed.
    pub fn mutate<T>(
        &self,
        change: impl FnOnce(&mut Workspace, &Agent) -> Result<(T, bool), Fail>,
    ) -> Result<T, Fail> {
        self.with_session(|s| change(&mut s.ws, &s.agent))
    }

    /// [`Invocation::mutate`], with the editing session (the same as the
    /// interface's) for `change` to call its operations.
    pub fn with_session<T>(
        &self,
        change: impl FnOnce(&mut Session) -> Result<(T, bool), Fail>,
    ) -> Result<T, Fail> {
        let agent = self.require_agent()?;
        let mut session = Session::open_for_writing(&self.file, agent).map_err(|e| match e {
            OpenError::Load(e) => self.load_fail(&e),
            OpenError::Lock(e) => self.fail(&e),
        })?;
        self.warn_journal(&session.ws);
        // Blocks deleted by hand: this write forgets them, so it says so
        // unless the change (a merge) brought them back.
        let hand_deleted = session.hand_deleted();
        let (out, changed) = change(&mut session)?;
        if changed {
            session.save().map_err(|e| self.fail(&e))?;
            if let Some(count) = hand_deleted.and_then(|h| h.forgotten(&session.ws.census)) {
                let name = self.file.display().to_string();
                let text = crate::i18n::files::deleted_before_write(self.lang, &name, count);
                eprintln!("{text}");
            }
        }
        session.close();
        Ok(out)
    }

    /// [`Invocation::with_session`] for a dry run: the census is read as for
    /// writing but without its lock (another program may hold it), and
    /// nothing is written whatever `change` says.
    pub fn with_dry_session<T>(
        &self,
        change: impl FnOnce(&mut Session) -> Result<(T, bool), Fail>,
    ) -> Result<T, Fail> {
        let agent = self.require_agent()?;
        let ws = Workspace::open(&self.file).map_err(|e| self.load_fail(&e))?;
        let mut session = Session::new(ws, agent, None);
        let now = session.clock.now();
        session.ws.census.adopt_hand_edits(&session.agent, now);
        change(&mut session).map(|(out, _)| out)
    }
}

/// `--wait`'s value: seconds, or none (`sans-limite`) to wait until the
/// census is free.
pub fn parse_wait(text: &str) -> Result<LockWait, String> {
    match text.trim() {
        "sans-limite" | "forever" => Ok(LockWait::Forever),
        "0" => Ok(LockWait::No),
        n => n
            .parse::<u64>()
            .map(|s| LockWait::For(std::time::Duration::from_secs(s)))
            .map_err(|_| cli(Lang::detect(None)).wait_not_seconds.to_string()),
    }
}

/// The glyphs asked for: `--ascii` or `--unicode` first, then the
/// configuration's `ascii`; `None` leaves it to the terminal.
fn glyphs(cli: &super::Cli, config: &Config) -> Option<bool> {
    if cli.ascii {
        Some(true)
    } else if cli.unicode {
        Some(false)
    } else {
        config.ascii
    }
}
