//! The words of the export dialog's warning: free texts of a public export
//! that look like they hold an e-mail address or a phone number.

use crate::i18n::Lang;

strings! { PublicWarningWords, public_warning;
    flagged_head: "Attention : {n} {n:texte libre|textes libres} de ce fichier public {n:semble|semblent} contenir un courriel ou un téléphone, à relire :", "Warning: {n} free {n:texts|text|texts} of this public file {n:seem|seems|seem} to hold an e-mail address or a phone number, to check:";
}
