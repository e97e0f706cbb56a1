//! The default keymap: every screen's bindings, and the actions its hint bar
//! shows. `keys.ron` patches these; the help and hints are made from them.

use std::collections::BTreeMap;

use super::{Context, Key, KeyCodeOrd, KeyMap};
use crate::tui::action::Action;

/// The actions the hint bar shows, per screen.
pub fn hint_actions(context: Context) -> &'static [Action] {
    use Action::*;
    match context {
        Context::List => &[
            Help, Search, Filter, New, Open, Delete, Quit, Mark, SetStatus,
        ],
        Context::Search => &[Confirm, Cancel],
        Context::Detail => &[
            Open,
            Back,
            SetStatus,
            AddEvidence,
            ConfirmRecord,
            NextPane,
            CopyAsNew,
            Link,
            Undo,
            Help,
        ],
        Context::Wizard => &[Confirm, NextField, PreviousField, Cancel, NextStep, Help],
        Context::Picker => &[Toggle, Confirm, Cancel, Help],
        Context::Dialog => &[Yes, No],
        Context::Help => &[Back, MoveDown, MoveUp],
        Context::Conflicts => &[Confirm, Open, Back, Help],
        Context::Duplicates => &[Fuse, Swap, NotDuplicate, Open, Back, Help],
        Context::Import => &[Confirm, NextPane, Apply, Back, Help],
        Context::Export => &[Confirm, Toggle, NextPane, Back, Bom, Help],
        Context::Dashboard => &[Open, NextPane, Back, Map, Network, Todo, Help],
        Context::Map => &[Open, MoveLeft, JumpLeft, Back, Dashboard, Help],
        Context::Network => &[Open, NextPane, Back, Dashboard, Map, Help],
        Context::Todo => &[Open, MarkDone, AddFollowUp, Back, Help],
        Context::TextArea => &[Confirm, NewLine, EditExternally, NextField, Cancel, Help],
        Context::Global => &[Help, Quit],
        Context::Drafts => &[Confirm, Delete, Cancel, Help],
        Context::Bin => &[Restore, Back, Help],
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
                (Quit, vec![c('q'), Key::ctrl('c')]),
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
                (Verify, vec![c('V')]),
                (Dashboard, vec![c('T')]),
                (Map, vec![c('L')]),
                (Network, vec![c('R')]),
                (AddFollowUp, vec![c('A')]),
                (Todo, vec![c('w')]),
                (Redo, vec![Key::ctrl('r')]),
                (Bin, vec![c('b')]),
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
                (AddFollowUp, vec![c('A')]),
                (Consent, vec![c('a')]),
                (Verify, vec![c('V')]),
                (AddEdition, vec![c('E')]),
                (Redo, vec![Key::ctrl('r')]),
                (AddSupport, vec![c('$')]),
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
                (EditExternally, vec![Key::ctrl('e')]),
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
                (Bom, vec![c('b')]),
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
                (Todo, vec![c('w')]),
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
        bindings.insert(
            Context::Todo,
            moves(vec![
                (Open, vec![p(K::Enter), c('o'), c('l'), p(K::Right)]),
                (MarkDone, vec![c('x')]),
                (AddFollowUp, vec![c('A')]),
                (Back, vec![p(K::Esc), c('h'), p(K::Left), p(K::Backspace)]),
            ]),
        );
        bindings.insert(
            Context::Drafts,
            moves(vec![
                (Confirm, vec![p(K::Enter)]),
                (Delete, vec![c('d'), p(K::Delete)]),
                (Cancel, vec![p(K::Esc)]),
            ]),
        );
        bindings.insert(
            Context::Bin,
            moves(vec![
                (Restore, vec![p(K::Enter), c('r')]),
                (Back, vec![p(K::Esc), c('h'), p(K::Left), p(K::Backspace)]),
            ]),
        );
        // A long text: Enter is a new line; arrows and Home/End move in the
        // text (see `widgets::text_area`); page keys change steps, as in the
        // entry.
        bindings.insert(
            Context::TextArea,
            vec![
                (
                    Confirm,
                    vec![
                        Key::ctrl('s'),
                        Key {
                            alt: true,
                            ..p(K::Enter)
                        },
                    ],
                ),
                (NewLine, vec![p(K::Enter)]),
                (EditExternally, vec![Key::ctrl('e')]),
                (Cancel, vec![p(K::Esc)]),
                (NextField, vec![p(K::Tab)]),
                (PreviousField, vec![p(K::BackTab)]),
                (NextStep, vec![p(K::PageDown), Key::ctrl('n')]),
                (PreviousStep, vec![p(K::PageUp), Key::ctrl('p')]),
            ],
        );
        KeyMap { bindings }
    }
}
