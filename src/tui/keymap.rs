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

/// Where a key is pressed: each screen has its own bindings; `Global` ones
/// apply everywhere a screen does not bind the key itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Context {
    Global,
    List,
    Search,
    Detail,
    Wizard,
    Picker,
    Dialog,
    Help,
    Conflicts,
    Duplicates,
    Import,
    Export,
    Dashboard,
    Map,
    Network,
}

impl Context {
    pub const ALL: [Context; 15] = [
        Context::Global,
        Context::List,
        Context::Search,
        Context::Detail,
        Context::Wizard,
        Context::Picker,
        Context::Dialog,
        Context::Help,
        Context::Conflicts,
        Context::Duplicates,
        Context::Import,
        Context::Export,
        Context::Dashboard,
        Context::Map,
        Context::Network,
    ];

    /// Its name in `keys.ron`.
    pub fn id(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::List => "list",
            Context::Search => "search",
            Context::Detail => "detail",
            Context::Wizard => "wizard",
            Context::Picker => "picker",
            Context::Dialog => "dialog",
            Context::Help => "help",
            Context::Conflicts => "conflicts",
            Context::Duplicates => "duplicates",
            Context::Import => "import",
            Context::Export => "export",
            Context::Dashboard => "dashboard",
            Context::Map => "map",
            Context::Network => "network",
        }
    }

    /// Screens where plain characters are typed into a text field.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Search | Context::Wizard | Context::Picker)
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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct KeysFile {
    #[serde(default)]
    global: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    list: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    search: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    detail: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    wizard: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    picker: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    dialog: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    help: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    conflicts: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    duplicates: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    import: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    export: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    dashboard: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    map: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    network: BTreeMap<String, Vec<String>>,
}

impl KeysFile {
    fn context(&self, c: Context) -> &BTreeMap<String, Vec<String>> {
        match c {
            Context::Global => &self.global,
            Context::List => &self.list,
            Context::Search => &self.search,
            Context::Detail => &self.detail,
            Context::Wizard => &self.wizard,
            Context::Picker => &self.picker,
            Context::Dialog => &self.dialog,
            Context::Help => &self.help,
            Context::Conflicts => &self.conflicts,
            Context::Duplicates => &self.duplicates,
            Context::Import => &self.import,
            Context::Export => &self.export,
            Context::Dashboard => &self.dashboard,
            Context::Map => &self.map,
            Context::Network => &self.network,
        }
    }
}

impl Default for KeyMap {
    fn default() -> Self {
        use Action::*;
        use KeyCodeOrd as K;
        let p = Key::plain;
        let c = Key::ch;
        let moves = |extra: Vec<(Action, Vec<Key>)>| {
            let mut v = vec![
                (MoveDown, vec![c('j'), p(K::Down)]),
                (MoveUp, vec![c('k'), p(K::Up)]),
                (Top, vec![c('g'), p(K::Home)]),
                (Bottom, vec![c('G'), p(K::End)]),
                (PageDown, vec![Key::ctrl('d'), p(K::PageDown)]),
                (PageUp, vec![Key::ctrl('u'), p(K::PageUp)]),
            ];
            v.extend(extra);
            v
        };
        let mut bindings = BTreeMap::new();
        bindings.insert(
            Context::Global,
            vec![
                (Quit, vec![c('q')]),
                (Help, vec![c('?'), p(K::F(1))]),
                (Command, vec![c(':')]),
            ],
        );
        bindings.insert(
            Context::List,
            moves(vec![
                (Open, vec![p(K::Enter), c('l'), p(K::Right)]),
                (Search, vec![c('/')]),
                (NextMatch, vec![c('n')]),
                (PrevMatch, vec![c('N')]),
                (Filter, vec![c('f')]),
                (ClearFilters, vec![c('F')]),
                (SortNext, vec![c('s')]),
                (SortReverse, vec![c('S')]),
                (New, vec![c('a')]),
                (Edit, vec![c('e')]),
                (CopyAsNew, vec![c('c')]),
                (Delete, vec![c('d')]),
                (Undo, vec![c('u')]),
                (Conflicts, vec![c('C')]),
                (Duplicates, vec![c('D')]),
                (Import, vec![c('i')]),
                (Export, vec![c('x')]),
                (Mark, vec![c(' '), c('m')]),
                (MarkAll, vec![c('M')]),
                (ClearMarks, vec![c('X')]),
                (SetStatus, vec![c('t')]),
                (AddEvidence, vec![c('p')]),
                (ConfirmRecord, vec![c('v')]),
                (Dashboard, vec![c('T')]),
                (Map, vec![c('L')]),
                (Network, vec![c('R')]),
            ]),
        );
        bindings.insert(
            Context::Search,
            vec![
                (Confirm, vec![p(K::Enter)]),
                (Cancel, vec![p(K::Esc)]),
                (MoveDown, vec![p(K::Down), Key::ctrl('n')]),
                (MoveUp, vec![p(K::Up), Key::ctrl('p')]),
            ],
        );
        bindings.insert(
            Context::Detail,
            moves(vec![
                (Open, vec![p(K::Enter), c('l'), p(K::Right)]),
                (Back, vec![p(K::Esc), c('h'), p(K::Left), p(K::Backspace)]),
                (NextPane, vec![p(K::Tab)]),
                (Edit, vec![c('e')]),
                (CopyAsNew, vec![c('c')]),
                (Delete, vec![c('d')]),
                (Undo, vec![c('u')]),
                (SetStatus, vec![c('t')]),
                (AddEvidence, vec![c('p')]),
                (ConfirmRecord, vec![c('v')]),
                (Link, vec![c('r')]),
                (Unlink, vec![c('R')]),
            ]),
        );
        bindings.insert(
            Context::Wizard,
            vec![
                (Confirm, vec![p(K::Enter)]),
                (Cancel, vec![p(K::Esc)]),
                (NextField, vec![p(K::Tab), p(K::Down)]),
                (PreviousField, vec![p(K::BackTab), p(K::Up)]),
                (NextStep, vec![p(K::PageDown), Key::ctrl('n')]),
                (PreviousStep, vec![p(K::PageUp), Key::ctrl('p')]),
            ],
        );
        bindings.insert(
            Context::Picker,
            vec![
                (MoveDown, vec![p(K::Down)]),
                (MoveUp, vec![p(K::Up)]),
                (Toggle, vec![c(' ')]),
                (Confirm, vec![p(K::Enter)]),
                (Cancel, vec![p(K::Esc)]),
                (NextField, vec![p(K::Tab)]),
                (PreviousField, vec![p(K::BackTab)]),
                (NextStep, vec![p(K::PageDown), Key::ctrl('n')]),
                (PreviousStep, vec![p(K::PageUp), Key::ctrl('p')]),
                // In the relations editor: the kind of the next relation ticked.
                (NextPane, vec![Key::ctrl('r')]),
            ],
        );
        bindings.insert(
            Context::Dialog,
            vec![
                (Yes, vec![c('o'), c('y')]),
                (No, vec![c('n'), p(K::Esc)]),
                (Confirm, vec![p(K::Enter)]),
                (OpenExisting, vec![c('O')]),
            ],
        );
        bindings.insert(
            Context::Help,
            moves(vec![(Back, vec![p(K::Esc), c('?'), c('q')])]),
        );
        bindings.insert(
            Context::Conflicts,
            moves(vec![
                (Confirm, vec![p(K::Enter)]),
                (Open, vec![c('o'), c('l'), p(K::Right)]),
                (Back, vec![p(K::Esc), c('h'), p(K::Left)]),
            ]),
        );
        bindings.insert(
            Context::Duplicates,
            moves(vec![
                (Fuse, vec![c('f')]),
                (Swap, vec![c('s')]),
                (NotDuplicate, vec![c('n')]),
                (Open, vec![p(K::Enter), c('o')]),
                (Back, vec![p(K::Esc), c('h'), p(K::Left)]),
            ]),
        );
        bindings.insert(
            Context::Import,
            moves(vec![
                (Confirm, vec![p(K::Enter)]),
                (NextPane, vec![p(K::Tab)]),
                (Apply, vec![c('w')]),
                (Back, vec![p(K::Esc)]),
            ]),
        );
        bindings.insert(
            Context::Export,
            moves(vec![
                (Confirm, vec![p(K::Enter)]),
                (Toggle, vec![c(' ')]),
                (NextPane, vec![p(K::Tab)]),
                (Back, vec![p(K::Esc), c('h'), p(K::Left)]),
            ]),
        );
        bindings.insert(
            Context::Dashboard,
            moves(vec![
                (Open, vec![p(K::Enter), c('o')]),
                (NextPane, vec![p(K::Tab), c('l'), p(K::Right)]),
                (PreviousPane, vec![p(K::BackTab), c('h'), p(K::Left)]),
                (Back, vec![p(K::Esc), p(K::Backspace)]),
                (Map, vec![c('L')]),
                (Network, vec![c('R')]),
            ]),
        );
        bindings.insert(
            Context::Map,
            vec![
                (MoveLeft, vec![c('h'), p(K::Left)]),
                (MoveDown, vec![c('j'), p(K::Down)]),
                (MoveUp, vec![c('k'), p(K::Up)]),
                (MoveRight, vec![c('l'), p(K::Right)]),
                (JumpLeft, vec![c('H')]),
                (JumpDown, vec![c('J')]),
                (JumpUp, vec![c('K')]),
                (JumpRight, vec![c('L')]),
                (Open, vec![p(K::Enter), c('o')]),
                (Back, vec![p(K::Esc), p(K::Backspace)]),
                (Dashboard, vec![c('T')]),
                (Network, vec![c('R')]),
            ],
        );
        bindings.insert(
            Context::Network,
            moves(vec![
                (Open, vec![p(K::Enter), c('o'), c('l'), p(K::Right)]),
                (NextPane, vec![p(K::Tab)]),
                (PreviousPane, vec![p(K::BackTab)]),
                (Back, vec![p(K::Esc), c('h'), p(K::Left), p(K::Backspace)]),
                (Dashboard, vec![c('T')]),
                (Map, vec![c('L')]),
            ]),
        );
        KeyMap { bindings }
    }
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
        for context in Context::ALL {
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
        for context in Context::ALL {
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
