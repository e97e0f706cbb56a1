//! The words of the commune field's completion from the official list.

use crate::lang::Lang;

strings! { CommunesUi, communes;
    hint: "Haut/Bas : choisir dans la liste officielle · Entrée : valider", "Up/Down: choose in the official list · Enter: confirm";
    unknown: "⚠ « {typed} » n'est pas dans la liste officielle des communes : il sera gardé tel quel (lieu étranger ou inhabituel ?).", "⚠ `{typed}` is not in the official list of communes: it will be kept as typed (a foreign or unusual place?).";
    unknown_ascii: "! « {typed} » n'est pas dans la liste officielle des communes : il sera gardé tel quel (lieu étranger ou inhabituel ?).", "! `{typed}` is not in the official list of communes: it will be kept as typed (a foreign or unusual place?).";
    postal_title: "{commune} a plusieurs codes postaux : lequel ?", "{commune} has several postal codes: which one?";
    postal_hint: "Haut/Bas · Entrée choisit · Échap : revenir à la commune", "Up/Down · Enter picks · Esc: back to the commune";
}
