//! The words of the everyday flow: the welcome screen's choice, refusals
//! worded in the interface's keys, the help on working with colleagues,
//! where exports are written.

use crate::lang::Lang;

strings! { FlowText, flow;
    welcome_choose: "Commencer avec (↑/↓ choisir, Entrée créer)", "Start with (↑/↓ choose, Enter create)";
    welcome_choose_ascii: "Commencer avec (Haut/Bas choisir, Entrée créer)", "Start with (Up/Down choose, Enter create)";
    welcome_sample_note: "un exemple garde son propre nom de territoire ; le vôtre reste pour votre recensement", "a sample keeps its own territory's name; yours is kept for your census";
    written_short: "Fichier écrit : {name}", "File written: {name}";
    export_choice_public: "public : sans donnée personnelle (Espace : changer)", "public: no personal data (Space: change)";
    export_choice_internal: "interne : CONTIENT des données personnelles (RGPD)", "internal: HOLDS personal data (GDPR)";
    no_choice_matches: "aucun choix ne correspond (Retour arrière pour effacer)", "no choice matches (Backspace to erase)";
    link_need_target: "Choisissez l'initiative à relier : tapez quelques lettres de son nom.", "Choose the initiative to link: type a few letters of its name.";
    error_word: "Erreur : ", "Error: ";
    unset_one: "non renseignée", "not filled";
    unset_many: "non renseignées", "not filled";
    export_scope_one: "{n} initiative, celle de la liste (recherche, filtres) :", "{n} initiative, the one of the list (search, filters):";
    export_scope_many: "{n} initiatives, celles de la liste (recherche, filtres) :", "{n} initiatives, those of the list (search, filters):";
}

/// A message as the status line shows it: an error marked with a word when
/// no colour tells it.
pub fn error_marked<'a>(
    text: &'a str,
    error: bool,
    theme: &crate::tui::theme::Theme,
    lang: Lang,
) -> std::borrow::Cow<'a, str> {
    if error && !theme.colour {
        format!("{}{text}", flow(lang).error_word).into()
    } else {
        text.into()
    }
}
