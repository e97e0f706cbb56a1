//! The words of the export screen's byte order mark and of the record's
//! supports.

use crate::lang::Lang;

strings! { ComfortUi, comfort;
    bom_toggle: "Pour Excel : marque d'octet (BOM)", "For Excel: byte order mark (BOM)";
    bom_key: "({key} : changer)", "({key}: change)";
    supports_section: "Soutiens ({n}) — récents d'abord", "Supports ({n}) — newest first";
    support_from: "de {from}", "from {from}";
}
