//! The words of the export screen's byte order mark.

use crate::lang::Lang;

strings! { ComfortUi, comfort;
    bom_toggle: "Pour Excel : marque d'octet (BOM)", "For Excel: byte order mark (BOM)";
    bom_key: "({key} : changer)", "({key}: change)";
}
