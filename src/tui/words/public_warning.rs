//! The words of the export dialog's warning: free texts of a public export
//! that look like they hold an e-mail address or a phone number.

use crate::i18n::Lang;

strings! { PublicWarningWords, public_warning;
    flagged_head: "Attention : {n} texte(s) libre(s) de ce fichier public semblent contenir un courriel ou un téléphone, à relire :", "Warning: {n} free text(s) of this public file seem to hold an e-mail address or a phone number, to check:";
}
