//! One file per screen, and the protocol they all answer: [`Screen`].

use ratatui::Frame;
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{Core, Effect, Input};
use super::keymap::Context;
use super::words::flow::Meaning;

pub(crate) mod action_form;
pub(crate) mod actions_section;
pub(crate) mod bin;
pub(crate) mod colleagues_help;
pub(crate) mod command;
pub mod conflicts;
pub(crate) mod consent_form;
pub(crate) mod consent_rows;
pub mod dashboard;
pub(crate) mod detail;
pub(crate) mod detail_rows;
pub(crate) mod dialog;
pub(crate) mod drafts;
pub mod duplicates;
pub(crate) mod edition_form;
pub mod export;
pub(crate) mod export_choices;
pub mod export_warning;
pub(crate) mod filters;
pub(crate) mod followup_section;
pub(crate) mod help;
pub mod import;
pub(crate) mod legitimacy_section;
pub(crate) mod legitimize_form;
pub(crate) mod list;
pub mod map;
pub mod network;
pub(crate) mod support_form;
pub(crate) mod supports_section;
pub(crate) mod todo;
pub(crate) mod welcome;
pub mod white_zones;
pub(crate) mod wizard;

/// A path as typed in a field: `~/x` is the home directory's `x`.
pub fn typed_path(text: &str) -> std::path::PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::PathBuf::from(home).join(rest),
        _ => std::path::PathBuf::from(text),
    }
}

/// What every screen answers, stacked views and overlays alike: the app
/// hands it the keys while it is on top, draws it, and does what its
/// [`Effect`] asks. A new screen is a file with one `impl Screen`, and one
/// line in [`View`] or [`Overlay`] below.
pub trait Screen {
    /// Whose bindings its keys go through (it may change with the focus
    /// inside the screen: a field being typed is `Wizard` or `Picker`).
    fn context(&self, core: &Core) -> Context;

    /// One input: changes the screen's own state (and the census through
    /// `core`), and says what concerns the whole app.
    fn update(&mut self, core: &mut Core, input: Input) -> Effect;

    /// Draws it into `area`. Only reads the state, except the scroll cells
    /// where a screen notes what fitted (see [`super::widgets::scroll`]).
    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect);

    /// Back on top after an input: a screen computed from the census
    /// computes again if the census changed meanwhile.
    fn on_top(&mut self, _core: &Core) {}

    /// Drawn over the hint bar rather than the body (the `:` command line).
    fn in_hint_bar(&self) -> bool {
        false
    }

    /// What `action` does here, when its general name would mislead (Esc
    /// in the guided entry keeps a draft): the hint bar says this instead.
    fn meaning(&self, _core: &Core, _action: Action) -> Option<Meaning> {
        None
    }

    /// Whether the hint bar leaves `action` out here (Space on a single
    /// choice, which ticks nothing).
    fn hides(&self, _core: &Core, _action: Action) -> bool {
        false
    }

    /// The text the person wrote in their own editor (Ctrl-e), for the field
    /// that asked: checked as a typed value; or why the editor failed (the
    /// field keeps its text), said in the status line and by the field.
    fn external_text(&mut self, core: &mut Core, text: Result<String, String>) -> Effect {
        if let Err(why) = text {
            core.error(why);
        }
        Effect::None
    }
}

impl<S: Screen + ?Sized> Screen for Box<S> {
    fn context(&self, core: &Core) -> Context {
        (**self).context(core)
    }

    fn update(&mut self, core: &mut Core, input: Input) -> Effect {
        (**self).update(core, input)
    }

    fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
        (**self).draw(core, frame, area)
    }

    fn on_top(&mut self, core: &Core) {
        (**self).on_top(core)
    }

    fn in_hint_bar(&self) -> bool {
        (**self).in_hint_bar()
    }

    fn meaning(&self, core: &Core, action: Action) -> Option<Meaning> {
        (**self).meaning(core, action)
    }

    fn hides(&self, core: &Core, action: Action) -> bool {
        (**self).hides(core, action)
    }

    fn external_text(&mut self, core: &mut Core, text: Result<String, String>) -> Effect {
        (**self).external_text(core, text)
    }
}

/// An enum of screens that is itself a screen: each call goes to the
/// variant's. The variants are the one list of a kind of screens.
macro_rules! screen_list {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident($ty:ty),)* }) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub enum $name {
            $($(#[$vmeta])* $variant($ty),)*
        }

        impl $name {
            fn screen(&self) -> &dyn Screen {
                match self {
                    $($name::$variant(s) => s,)*
                }
            }

            fn screen_mut(&mut self) -> &mut dyn Screen {
                match self {
                    $($name::$variant(s) => s,)*
                }
            }
        }

        impl Screen for $name {
            fn context(&self, core: &Core) -> Context {
                self.screen().context(core)
            }

            fn update(&mut self, core: &mut Core, input: Input) -> Effect {
                self.screen_mut().update(core, input)
            }

            fn draw(&self, core: &Core, frame: &mut Frame, area: Rect) {
                self.screen().draw(core, frame, area)
            }

            fn on_top(&mut self, core: &Core) {
                self.screen_mut().on_top(core)
            }

            fn in_hint_bar(&self) -> bool {
                self.screen().in_hint_bar()
            }

            fn meaning(&self, core: &Core, action: Action) -> Option<Meaning> {
                self.screen().meaning(core, action)
            }

            fn hides(&self, core: &Core, action: Action) -> bool {
                self.screen().hides(core, action)
            }

            fn external_text(&mut self, core: &mut Core, text: Result<String, String>) -> Effect {
                self.screen_mut().external_text(core, text)
            }
        }
    };
}

screen_list! {
    /// Screens stacked over the list.
    View {
        Detail(Box<detail::DetailState>),
        Wizard(Box<wizard::WizardState>),
        Conflicts(Box<conflicts::ConflictsState>),
        Duplicates(Box<duplicates::DuplicatesState>),
        Import(Box<import::ImportState>),
        Export(Box<export::ExportState>),
        Dashboard(Box<dashboard::DashboardState>),
        Map(Box<map::MapState>),
        Network(Box<network::NetworkState>),
        /// "À faire": the open next steps.
        Todo(Box<todo::TodoState>),
        /// The deleted initiatives, to restore.
        Bin(Box<bin::BinState>),
    }
}

screen_list! {
    /// Things drawn over everything, that take the keys while open.
    Overlay {
        /// The keys of the screen below.
        Help(help::HelpState),
        Dialog(dialog::Dialog),
        /// The `:` command line.
        Command(command::CommandLine),
        Filters(filters::FilterEditor),
        /// A legitimizing form (status, evidence, confirmation, link) and its
        /// result.
        Legit(Box<legitimize_form::LegitimizeForm>),
        /// The action form (`A`).
        Action(Box<action_form::ActionForm>),
        /// The consent of a record's contact person.
        Consent(Box<consent_form::ConsentForm>),
        /// A new edition of an event or a training.
        Edition(Box<edition_form::EditionForm>),
        /// The drafts kept, to resume one or start afresh.
        Drafts(drafts::DraftsChoice),
        /// A support received, with its amount (`$`).
        Support(Box<support_form::SupportForm>),
    }
}
