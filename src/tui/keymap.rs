//! The keymap is data: default bindings per screen, patched by the user's
//! `keys.ron` (only what it names). Help and hints are made from it, so they
//! always tell the truth.

use std::collections::BTreeMap;
use std::path::Path;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;
use crate::census::locate::{Location, SourceText};
use crate::i18n::Lang;

mod defaults;
pub use defaults::hint_actions;

macro_rules! contexts {
    ($($variant:ident = $id:ident,)*) => {
        /// Where a key is pressed: each screen has its own bindings; `Global` ones
        /// apply everywhere a screen does not bind the key itself.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Context {
            $($variant,)*
        }

        impl Context {
            pub const ALL: &'static [Context] = &[$(Context::$variant,)*];

            /// Its name in `keys.ron`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Context::$variant => stringify!($id),)*
                }
            }
        }

        /// `keys.ron`: one section per screen, each optional.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct KeysFile {
            $(
                #[serde(default)]
                $id: BTreeMap<String, Vec<String>>,
            )*
        }

        impl KeysFile {
            fn context(&self, c: Context) -> &BTreeMap<String, Vec<String>> {
                match c {
                    $(Context::$variant => &self.$id,)*
                }
            }
        }
    };
}

// The screens' key contexts, in the order of `keys.ron` and of the help. A
// new screen adds one line here and its bindings in `defaults.rs`.
contexts! {
    Global = global,
    List = list,
    Search = search,
    Detail = detail,
    Wizard = wizard,
    Picker = picker,
    Dialog = dialog,
    Help = help,
    Conflicts = conflicts,
    Duplicates = duplicates,
    Import = import,
    Export = export,
    Dashboard = dashboard,
    Map = map,
    Network = network,
    Todo = todo,
    Drafts = drafts,
    Bin = bin,
    TextArea = text_area,
}

impl Context {
    /// Screens where plain characters are typed into a text field.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Context::Search | Context::Wizard | Context::Picker | Context::TextArea
        )
    }
}

/// A key with its modifiers, normalised (`G` is a char, not shift-g).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
}

/// `KeyCode` with an order, for stable listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

impl Key {
    /// The key of a key event, normalised once, at the edge.
    pub fn from_event(e: &KeyEvent) -> Option<Key> {
        let code = match e.code {
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::Enter => KeyCodeOrd::Enter,
            KeyCode::Esc => KeyCodeOrd::Esc,
            KeyCode::Tab => KeyCodeOrd::Tab,
            KeyCode::BackTab => KeyCodeOrd::BackTab,
            KeyCode::Backspace => KeyCodeOrd::Backspace,
            KeyCode::Delete => KeyCodeOrd::Delete,
            KeyCode::Up => KeyCodeOrd::Up,
            KeyCode::Down => KeyCodeOrd::Down,
            KeyCode::Left => KeyCodeOrd::Left,
            KeyCode::Right => KeyCodeOrd::Right,
            KeyCode::Home => KeyCodeOrd::Home,
            KeyCode::End => KeyCodeOrd::End,
            KeyCode::PageUp => KeyCodeOrd::PageUp,
            KeyCode::PageDown => KeyCodeOrd::PageDown,
            KeyCode::F(n) => KeyCodeOrd::F(n),
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
        })
    }

    pub const fn plain(code: KeyCodeOrd) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCodeOrd::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCodeOrd::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// A printable character without Ctrl or Alt: text, in a text field.
    pub fn text(&self) -> Option<char> {
        match self.code {
            KeyCodeOrd::Char(c) if !self.ctrl && !self.alt => Some(c),
            _ => None,
        }
    }

    /// Reads `j`, `G`, `ctrl-d`, `alt-x`, `enter`, `esc`, `tab`, `backtab`,
    /// `space`, `up`, `pagedown`, `f1`…
    pub fn parse(s: &str) -> Option<Key> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if lower.starts_with("ctrl-") && rest.len() > 5 {
                ctrl = true;
                rest = &rest[5..];
            } else if lower.starts_with("alt-") && rest.len() > 4 {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCodeOrd::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCodeOrd::Enter,
                "esc" | "escape" => KeyCodeOrd::Esc,
                "tab" => KeyCodeOrd::Tab,
                "backtab" | "shift-tab" => KeyCodeOrd::BackTab,
                "backspace" => KeyCodeOrd::Backspace,
                "delete" | "del" => KeyCodeOrd::Delete,
                "space" => KeyCodeOrd::Char(' '),
                "up" => KeyCodeOrd::Up,
                "down" => KeyCodeOrd::Down,
                "left" => KeyCodeOrd::Left,
                "right" => KeyCodeOrd::Right,
                "home" => KeyCodeOrd::Home,
                "end" => KeyCodeOrd::End,
                "pageup" => KeyCodeOrd::PageUp,
                "pagedown" => KeyCodeOrd::PageDown,
                f if f.starts_with('f') => {
                    KeyCodeOrd::F(f[1..].parse().ok().filter(|n| (1..=12).contains(n))?)
                }
                _ => return None,
            },
        };
        Some(Key { code, ctrl, alt })
    }

    /// How the help screen writes the key.
    pub fn label(&self, lang: Lang) -> String {
        let name = match self.code {
            KeyCodeOrd::Char(' ') => lang.pick("Espace", "Space").to_string(),
            KeyCodeOrd::Char(c) => c.to_string(),
            KeyCodeOrd::Enter => lang.pick("Entrée", "Enter").to_string(),
            KeyCodeOrd::Esc => lang.pick("Échap", "Esc").to_string(),
            KeyCodeOrd::Tab => "Tab".to_string(),
            KeyCodeOrd::BackTab => lang.pick("Maj-Tab", "Shift-Tab").to_string(),
            KeyCodeOrd::Backspace => lang.pick("Retour arr.", "Backspace").to_string(),
            KeyCodeOrd::Delete => lang.pick("Suppr", "Delete").to_string(),
            KeyCodeOrd::Up => lang.pick("Haut", "Up").to_string(),
            KeyCodeOrd::Down => lang.pick("Bas", "Down").to_string(),
            KeyCodeOrd::Left => lang.pick("Gauche", "Left").to_string(),
            KeyCodeOrd::Right => lang.pick("Droite", "Right").to_string(),
            KeyCodeOrd::Home => lang.pick("Début", "Home").to_string(),
            KeyCodeOrd::End => lang.pick("Fin", "End").to_string(),
            KeyCodeOrd::PageUp => lang.pick("PgPréc", "PgUp").to_string(),
            KeyCodeOrd::PageDown => lang.pick("PgSuiv", "PgDn").to_string(),
            KeyCodeOrd::F(n) => format!("F{n}"),
        };
        let mut out = String::new();
        if self.ctrl {
            out.push_str("Ctrl-");
        }
        if self.alt {
            out.push_str("Alt-");
        }
        out.push_str(&name);
        out
    }
}

/// The bindings of every screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    bindings: BTreeMap<Context, Vec<(Action, Vec<Key>)>>,
}

/// A problem in `keys.ron`, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeysProblem {
    pub location: Location,
    pub what: KeysProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeysProblemKind {
    Syntax(crate::census::error::SyntaxError),
    UnknownAction { context: String, action: String },
    ActionNotInContext { context: String, action: String },
    BadKey(String),
}

impl KeyMap {
    /// The action of a key in a screen (its own bindings, then the global ones,
    /// except in text fields, where plain characters are text).
    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        let find = |ctx: Context| {
            self.bindings
                .get(&ctx)?
                .iter()
                .find(|(_, keys)| keys.contains(&key))
                .map(|(a, _)| *a)
        };
        find(context).or_else(|| {
            let global_allowed =
                !(context.takes_text() && key.text().is_some()) && context != Context::Dialog;
            if global_allowed {
                find(Context::Global)
            } else {
                None
            }
        })
    }

    /// Every binding of a screen, in order: what the help shows. Only the
    /// keys that do the action there: a global key that is text in a text
    /// field (`q`, `?` while typing) is left out.
    pub fn bindings(&self, context: Context) -> impl Iterator<Item = (Action, Vec<Key>)> + '_ {
        let own = self.bindings.get(&context).into_iter().flatten();
        let global = (context != Context::Global)
            .then(|| self.bindings.get(&Context::Global))
            .flatten()
            .into_iter()
            .flatten();
        own.chain(global).map(move |(a, keys)| {
            let live = keys
                .iter()
                .copied()
                .filter(|k| self.action(context, *k) == Some(*a))
                .collect();
            (*a, live)
        })
    }

    /// The first key of an action in a screen, for the hint bar.
    pub fn first_key(&self, context: Context, action: Action) -> Option<Key> {
        self.bindings(context)
            .find(|(a, _)| *a == action)
            .and_then(|(_, k)| k.first().copied())
    }

    /// The defaults patched by a `keys.ron` text: each action it names gets
    /// the keys it gives (and those keys leave other actions of that screen).
    /// Problems are reported; everything else still applies.
    pub fn patched(mut self, source: &str, name: &str) -> (KeyMap, Vec<KeysProblem>) {
        let text = SourceText::new(name, source);
        let file: KeysFile = match ron::Options::default().from_str(source) {
            Ok(f) => f,
            Err(e) => {
                let problem = KeysProblem {
                    location: text.location_of_span(&e.span),
                    what: KeysProblemKind::Syntax(crate::census::error::SyntaxError::from_ron(
                        &e.code,
                    )),
                };
                return (self, vec![problem]);
            }
        };
        let mut problems = Vec::new();
        for &context in Context::ALL {
            let section = text.find_key(context.id(), 0).unwrap_or(0);
            for (action_id, key_texts) in file.context(context) {
                let at = text.find_string(action_id, section).unwrap_or(section);
                let mut problem = |what| {
                    problems.push(KeysProblem {
                        location: text.location(at),
                        what,
                    })
                };
                let Some(action) = Action::from_id(action_id) else {
                    problem(KeysProblemKind::UnknownAction {
                        context: context.id().into(),
                        action: action_id.clone(),
                    });
                    continue;
                };
                let Some(list) = self.bindings.get_mut(&context) else {
                    continue;
                };
                let Some(slot) = list.iter().position(|(a, _)| *a == action) else {
                    problem(KeysProblemKind::ActionNotInContext {
                        context: context.id().into(),
                        action: action_id.clone(),
                    });
                    continue;
                };
                let mut keys = Vec::new();
                for k in key_texts {
                    match Key::parse(k) {
                        Some(key) => keys.push(key),
                        None => problem(KeysProblemKind::BadKey(k.clone())),
                    }
                }
                for (_, other) in list.iter_mut() {
                    other.retain(|k| !keys.contains(k));
                }
                list[slot].1 = keys;
            }
        }
        (self, problems)
    }

    /// The defaults patched by the user's `keys.ron`, if there is one.
    pub fn load(path: &Path) -> (KeyMap, Vec<KeysProblem>) {
        match std::fs::read_to_string(path) {
            Ok(source) => KeyMap::default().patched(&source, &path.display().to_string()),
            Err(_) => (KeyMap::default(), Vec::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_parse_and_read_back() {
        assert_eq!(Key::parse("j"), Some(Key::ch('j')));
        assert_eq!(Key::parse("G"), Some(Key::ch('G')));
        assert_eq!(Key::parse("ctrl-d"), Some(Key::ctrl('d')));
        assert_eq!(Key::parse("Ctrl-D"), Some(Key::ctrl('d')));
        assert_eq!(Key::parse("space"), Some(Key::ch(' ')));
        assert_eq!(
            Key::parse("pagedown"),
            Some(Key::plain(KeyCodeOrd::PageDown))
        );
        assert_eq!(Key::parse("f13"), None);
        assert_eq!(Key::parse("hyper-x"), None);
        assert_eq!(Key::ctrl('d').label(Lang::Fr), "Ctrl-d");
        assert_eq!(Key::plain(KeyCodeOrd::Enter).label(Lang::Fr), "Entrée");
    }

    #[test]
    fn no_key_is_bound_to_two_actions_of_one_screen() {
        let k = KeyMap::default();
        for &context in Context::ALL {
            let mut seen: BTreeMap<Key, Action> = BTreeMap::new();
            for (action, keys) in k.bindings.get(&context).into_iter().flatten() {
                for key in keys {
                    if let Some(other) = seen.insert(*key, *action) {
                        panic!(
                            "{}: `{}` is bound to {} and {}",
                            context.id(),
                            key.label(Lang::En),
                            other.id(),
                            action.id()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn every_screen_is_a_section_of_keys_ron_with_its_defaults() {
        let k = KeyMap::default();
        let sections: Vec<String> = Context::ALL
            .iter()
            .map(|c| format!("{}: {{}}", c.id()))
            .collect();
        let src = format!("({})", sections.join(", "));
        let (patched, problems) = k.clone().patched(&src, "keys.ron");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(patched, k);
        for &context in Context::ALL {
            assert!(
                k.bindings.contains_key(&context),
                "{} has no default bindings",
                context.id()
            );
            for action in hint_actions(context) {
                assert!(
                    k.first_key(context, *action).is_some(),
                    "{}: the hint `{}` has no key",
                    context.id(),
                    action.id()
                );
            }
        }
    }

    #[test]
    fn vim_keys_and_arrows_move_in_the_list() {
        let k = KeyMap::default();
        assert_eq!(
            k.action(Context::List, Key::ch('j')),
            Some(Action::MoveDown)
        );
        assert_eq!(
            k.action(Context::List, Key::plain(KeyCodeOrd::Down)),
            Some(Action::MoveDown)
        );
        assert_eq!(k.action(Context::List, Key::ch('G')), Some(Action::Bottom));
        assert_eq!(k.action(Context::List, Key::ch('q')), Some(Action::Quit));
        // In a text field, `q` is a letter.
        assert_eq!(k.action(Context::Search, Key::ch('q')), None);
        assert_eq!(
            k.action(Context::Search, Key::plain(KeyCodeOrd::Esc)),
            Some(Action::Cancel)
        );
    }

    #[test]
    fn keys_ron_patches_only_what_it_names() {
        let src = "(\n  list: {\n    \"move_down\": [\"ctrl-n\", \"x\"],\n  },\n)";
        let (k, problems) = KeyMap::default().patched(src, "keys.ron");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            k.action(Context::List, Key::ctrl('n')),
            Some(Action::MoveDown)
        );
        assert_eq!(
            k.action(Context::List, Key::ch('j')),
            None,
            "j no longer moves down"
        );
        assert_eq!(
            k.action(Context::List, Key::ch('k')),
            Some(Action::MoveUp),
            "untouched"
        );
        assert_eq!(
            k.action(Context::Detail, Key::ch('j')),
            Some(Action::MoveDown),
            "other screens untouched"
        );
    }

    #[test]
    fn a_key_taken_by_the_user_leaves_its_old_action() {
        let src = "(list: {\"search\": [\"s\"]})";
        let (k, _) = KeyMap::default().patched(src, "keys.ron");
        assert_eq!(k.action(Context::List, Key::ch('s')), Some(Action::Search));
        assert!(k.first_key(Context::List, Action::SortNext).is_none());
    }

    #[test]
    fn bad_keys_files_say_where_and_keep_the_rest() {
        let src = "(\n  list: {\n    \"fly\": [\"x\"],\n    \"search\": [\"hyper-s\", \"ctrl-f\"],\n  },\n)";
        let (k, problems) = KeyMap::default().patched(src, "keys.ron");
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].location.line, 3);
        assert!(matches!(
            problems[0].what,
            KeysProblemKind::UnknownAction { .. }
        ));
        assert_eq!(problems[1].location.line, 4);
        assert_eq!(
            k.action(Context::List, Key::ctrl('f')),
            Some(Action::Search)
        );
        let (k, problems) = KeyMap::default().patched("(list: {", "keys.ron");
        assert_eq!(problems.len(), 1);
        assert_eq!(
            k,
            KeyMap::default(),
            "a file that does not parse changes nothing"
        );
    }
}
