//! What every command needs: language, folders, config, census path, agent;
//! and the one way to change a census (lock, read, change, save).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::census::Agent;
use crate::census::store::Lock;
use crate::census::workspace::Workspace;
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

pub struct Context {
    pub lang: Lang,
    pub dirs: Dirs,
    pub config: Config,
    pub file: PathBuf,
    pub agent: Option<Agent>,
}

impl Context {
    pub fn new(cli: &Cli) -> Result<Context, Fail> {
        let dirs = Dirs::discover();
        let config = Config::load(&dirs.config_file())
            .map_err(|e| Fail::new(e.localize(Lang::detect(cli.lang))))?;
        let lang = Lang::detect(cli.lang.or(config.lang));
        let file = cli.file.clone().unwrap_or_else(|| dirs.default_census());
        let agent = resolve_agent(cli.agent.as_deref(), &config);
        Ok(Context {
            lang,
            dirs,
            config,
            file,
            agent,
        })
    }

    /// A failure from any localizable error.
    pub fn fail(&self, e: &impl Localized) -> Fail {
        Fail::new(e.localize(self.lang))
    }

    pub fn say<'a>(&self, fr: &'a str, en: &'a str) -> &'a str {
        self.lang.pick(fr, en)
    }

    pub fn require_agent(&self) -> Result<Agent, Fail> {
        self.agent.clone().ok_or_else(|| {
            Fail::new(self.say(
                "qui êtes-vous ? Donnez votre nom avec --as NOM (ou RECENSE_AGENT), ou enregistrez-le une fois pour toutes avec « recense init --as NOM ».",
                "who are you? Give your name with --as NAME (or RECENSE_AGENT), or record it once with `recense init --as NAME`.",
            ))
        })
    }

    /// Opens the census for reading.
    pub fn open(&self) -> Result<Workspace, Fail> {
        Workspace::open(&self.file).map_err(|e| self.fail(&e))
    }

    /// Changes the census: takes the lock, reads the file (a file that cannot
    /// be read is never written), applies `change`, saves atomically if it
    /// says something changed.
    pub fn mutate<T>(
        &self,
        change: impl FnOnce(&mut Workspace, &Agent) -> Result<(T, bool), Fail>,
    ) -> Result<T, Fail> {
        let agent = self.require_agent()?;
        let lock = Lock::acquire(&self.file, &agent.name).map_err(|e| self.fail(&e))?;
        let mut ws = self.open()?;
        let (out, changed) = change(&mut ws, &agent)?;
        if changed {
            ws.save().map_err(|e| self.fail(&e))?;
        }
        lock.release();
        Ok(out)
    }
}
