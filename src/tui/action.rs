//! What a key can ask for. Keys map to actions through the keymap; actions
//! are the only way the interface's state changes.

macro_rules! actions {
    ($($variant:ident = $id:literal,)*) => {
        /// Everything a key can do. The ids are those of `keys.ron`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Action {
            $($variant,)*
        }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$variant,)*];

            /// The id used in `keys.ron`.
            pub fn id(self) -> &'static str {
                match self {
                    $(Action::$variant => $id,)*
                }
            }

            pub fn from_id(id: &str) -> Option<Action> {
                match id {
                    $($id => Some(Action::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

actions! {
    Quit = "quit",
    Help = "help",
    Command = "command",
    MoveDown = "move_down",
    MoveUp = "move_up",
    Top = "top",
    Bottom = "bottom",
    PageDown = "page_down",
    PageUp = "page_up",
    Open = "open",
    Back = "back",
    Search = "search",
    NextMatch = "next_match",
    PrevMatch = "previous_match",
    Filter = "filter",
    ClearFilters = "clear_filters",
    SortNext = "sort",
    SortReverse = "sort_reverse",
    New = "new",
    Edit = "edit",
    CopyAsNew = "copy_as_new",
    Delete = "delete",
    Undo = "undo",
    NextPane = "next_pane",
    Confirm = "confirm",
    Cancel = "cancel",
    Toggle = "toggle",
    NextField = "next_field",
    PreviousField = "previous_field",
    NextStep = "next_step",
    PreviousStep = "previous_step",
    Yes = "yes",
    No = "no",
    OpenExisting = "open_existing",
    Conflicts = "conflicts",
    Duplicates = "duplicates",
    Fuse = "fuse",
    Swap = "swap",
    NotDuplicate = "not_duplicate",
    Import = "import",
    Export = "export",
    Apply = "apply",
    Mark = "mark",
    MarkAll = "mark_all",
    ClearMarks = "clear_marks",
    SetStatus = "status",
    AddEvidence = "evidence",
    ConfirmRecord = "confirm_initiative",
    Link = "link",
    Unlink = "unlink",
    Dashboard = "dashboard",
    Map = "map",
    Network = "network",
    PreviousPane = "previous_pane",
    MoveLeft = "move_left",
    MoveRight = "move_right",
    JumpLeft = "jump_left",
    JumpRight = "jump_right",
    JumpUp = "jump_up",
    JumpDown = "jump_down",
    AddFollowUp = "add_action",
    Todo = "todo",
    MarkDone = "mark_done",
    Consent = "consent",
    Verify = "verify",
    AddEdition = "edition",
    Redo = "redo",
    Bin = "bin",
    Restore = "restore",
    NewLine = "new_line",
    EditExternally = "external_editor",
    AddSupport = "support",
    Bom = "bom",
}
