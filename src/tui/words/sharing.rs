//! The words of a census several sessions have open at once: who else is
//! there, in the status line.

use crate::lang::Lang;

strings! { SharingUi, sharing;
    also_open: "aussi ouvert par : {names}", "also open by: {names}";
    over_ssh: " (ssh)", " (ssh)";
}
