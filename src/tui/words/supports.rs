//! The words of the support form (`$`): a support received, with its year,
//! its amount in euros and who gave it.

use crate::lang::Lang;

strings! { SupportUi, support_ui;
    form: "Nouveau soutien reçu : {name}", "New support received: {name}";
    kind: "Type", "Kind";
    year: "Année", "Year";
    amount: "Montant (€, facultatif)", "Amount (€, optional)";
    from: "De qui", "From whom";
    note: "Note", "Note";
    kinds: "Types : {list}", "Kinds: {list}";
    bad_year: "Année : quatre chiffres, par exemple 2025.", "Year: four digits, for example 2025.";
    added: "Soutien enregistré : {name}", "Support recorded: {name}";
}
