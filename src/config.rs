//! Where files live and who is working: the config file (`config.ron` in the
//! config dir), `--as NAME` / `RECENSE_AGENT`, `--file` / `RECENSE_FILE`.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::census::error::{LoadError, SaveError, SyntaxError};
use crate::census::file::write_str_literal;
use crate::census::locate::SourceText;
use crate::census::{Agent, AgentId};
use crate::lang::Lang;

/// The user's folders (XDG on Linux).
#[derive(Debug, Clone)]
pub struct Dirs {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl Dirs {
    pub fn discover() -> Dirs {
        match directories::ProjectDirs::from("fr", "recense", "recense") {
            Some(p) => Dirs {
                config: p.config_dir().to_path_buf(),
                data: p.data_dir().to_path_buf(),
            },
            // No home directory at all: work in the current folder.
            None => Dirs {
                config: PathBuf::from(".recense"),
                data: PathBuf::from(".recense"),
            },
        }
    }

    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.ron")
    }

    pub fn default_census(&self) -> PathBuf {
        self.data.join("recense.ron")
    }
}

/// The content of `config.ron`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub agent_id: Option<AgentId>,
    #[serde(default)]
    pub agent_name: Option<String>,
    #[serde(default)]
    pub territory: Option<String>,
    #[serde(default)]
    pub lang: Option<Lang>,
    /// `ascii: true` draws in ASCII everywhere; `ascii: false` keeps the
    /// Unicode glyphs even on `TERM=linux` (a console font that has them).
    #[serde(default)]
    pub ascii: Option<bool>,
}

/// `lang: "en"` in the config; another text is a precise syntax error.
impl<'de> serde::Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let s = String::deserialize(d)?;
        s.parse()
            .map_err(|_| serde::de::Error::custom(crate::census::error::tagged("lang", &s)))
    }
}

impl Config {
    /// Reads the config; a missing file is an empty config.
    pub fn load(path: &Path) -> Result<Config, LoadError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(error) => {
                return Err(LoadError::Io {
                    path: path.to_path_buf(),
                    error,
                });
            }
        };
        let name = path.display().to_string();
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(&text)
            .map_err(|e| LoadError::Syntax {
                location: SourceText::new(&name, &text).location_of_span(&e.span),
                error: SyntaxError::from_ron(&e.code),
            })
    }

    pub fn to_ron(&self) -> String {
        let mut out = String::from("// recense configuration\n(\n");
        if let Some(id) = &self.agent_id {
            out.push_str(&format!("    agent_id: \"{id}\",\n"));
        }
        for (key, value) in [
            ("agent_name", &self.agent_name),
            ("territory", &self.territory),
        ] {
            if let Some(v) = value {
                out.push_str(&format!("    {key}: "));
                write_str_literal(&mut out, v);
                out.push_str(",\n");
            }
        }
        if let Some(lang) = self.lang {
            out.push_str(&format!("    lang: \"{}\",\n", lang.pick("fr", "en")));
        }
        if let Some(ascii) = self.ascii {
            out.push_str(&format!("    ascii: {ascii},\n"));
        }
        out.push_str(")\n");
        out
    }

    pub fn save(&self, path: &Path) -> Result<(), SaveError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|error| SaveError::Io {
                path: dir.to_path_buf(),
                error,
            })?;
        }
        crate::census::store::save_text(path, &self.to_ron())
    }

    /// The agent of this config, if it names one.
    pub fn agent(&self) -> Option<Agent> {
        let name = self.agent_name.clone()?;
        let id = self.agent_id.unwrap_or_else(|| AgentId::from_name(&name));
        Some(Agent { id, name })
    }
}

/// Who is working: `--as NAME` (or `RECENSE_AGENT`) wins over the config. A
/// name that matches the config's keeps the config's id; another name gets a
/// stable id derived from it.
pub fn resolve_agent(explicit: Option<&str>, config: &Config) -> Option<Agent> {
    match explicit.map(str::trim).filter(|s| !s.is_empty()) {
        Some(name) => match config.agent() {
            Some(a) if a.name == name => Some(a),
            _ => Some(Agent {
                id: AgentId::from_name(name),
                name: name.to_string(),
            }),
        },
        None => config.agent(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_round_trips_and_names_the_agent() {
        let c = Config {
            agent_id: Some(AgentId::parse("k3x9q").unwrap()),
            agent_name: Some("Marie \"M\" Le Gall".into()),
            territory: Some("Pays de Brest".into()),
            lang: Some(Lang::En),
            ascii: Some(false),
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.ron");
        c.save(&path).unwrap();
        assert_eq!(Config::load(&path).unwrap(), c);
        assert_eq!(resolve_agent(None, &c).unwrap().id.as_str(), "k3x9q");
        assert_eq!(
            resolve_agent(Some("Marie \"M\" Le Gall"), &c)
                .unwrap()
                .id
                .as_str(),
            "k3x9q"
        );
        assert_eq!(
            resolve_agent(Some("Yann"), &c).unwrap().id,
            AgentId::from_name("Yann")
        );
        assert_eq!(resolve_agent(None, &Config::default()), None);
    }

    #[test]
    fn a_bad_config_is_a_located_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.ron");
        std::fs::write(&path, "(\n  agent_nme: \"x\",\n)").unwrap();
        match Config::load(&path) {
            Err(LoadError::Syntax { location, .. }) => assert_eq!(location.line, 2),
            other => panic!("{other:?}"),
        }
    }
}
