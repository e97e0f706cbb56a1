//! The words of working with git beyond the merge driver's set-up: the
//! census found in a work tree, the side files kept out of git.

use super::Lang;

strings! { GitText, git;
    found: "Recensement de ce dépôt : {file}", "Census of this repository: {file}";
    several: "ce dépôt git contient plusieurs recensements : {files} ; choisissez-en un avec --file", "this git repository holds several censuses: {files}; choose one with --file";
    none: "aucun recensement dans ce dépôt git ({dir}) : créez-en un avec « recense init FICHIER --territory NOM », ou donnez le vôtre avec --file", "no census in this git repository ({dir}): create one with `recense init FILE --territory NAME`, or give yours with --file";
    ignore_heading: "# recense : fichiers de travail de {census}, propres à chaque copie (jamais partagés)", "# recense: side files of {census}, local to each copy (never shared)";
    ignore_added: "Ajouté à {file} : les lignes qui ignorent les fichiers de travail de {census} ({names})", "Added to {file}: the lines ignoring the side files of {census} ({names})";
    ignore_kept: "{file} a déjà les lignes qui ignorent les fichiers de travail de {census}", "{file} already has the lines ignoring the side files of {census}";
    doctor_not_ignored: "git : les fichiers de travail de {census} ({names}) ne sont pas ignorés (recense setup-git)", "git: the side files of {census} ({names}) are not ignored (recense setup-git)";
    doctor_ignored: "git : les fichiers de travail de {census} sont ignorés", "git: the side files of {census} are ignored";
    doctor_tracked: "git : {file} est suivi par git alors qu'il est propre à cette copie : chaque pull sera en conflit dessus (git rm --cached -- {quoted}, puis git commit)", "git: {file} is tracked by git although it belongs to this copy only: every pull will conflict on it (git rm --cached -- {quoted}, then git commit)";
}
