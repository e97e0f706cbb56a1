//! The words of a census opened to be looked at only (a read-only file or
//! folder): the header's mark and why a change is refused. Short enough for
//! the status line of an 80-column terminal.

use crate::lang::Lang;

strings! { ViewingUi, viewing;
    mark: "LECTURE SEULE", "READ-ONLY";
    file_refused: "Lecture seule (fichier protégé) ; pour modifier : chmod u+w {file}", "Read-only (file write-protected); to change it: chmod u+w {file}";
    folder_refused: "Lecture seule (dossier protégé) ; pour modifier, copiez {file} ailleurs", "Read-only (folder write-protected); to change it, copy {file} elsewhere";
}
