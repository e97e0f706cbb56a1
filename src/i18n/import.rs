//! The words of `recense import`: its report, and why a file or a row was
//! refused (each with its place: `file:line`).

use super::{Lang, Localized, duplicate_reason, fill, io_error, list};
use crate::census::import::plan::{Candidate, Match, Row, RowFate};
use crate::census::import::record::RowProblem;
use crate::census::import::{Format, ImportError, PropertiesProblem, Target};

strings! { ImportText, import;
    summary: "{file} : {created} {created:nouvelle|nouvelles}, {updated} {updated:mise à jour|mises à jour}, {unchanged} déjà à jour, {likely} {likely:doublon probable non importé|doublons probables non importés}, {same} en double dans le fichier, {skipped} {skipped:ligne ignorée|lignes ignorées}", "{file}: {created} new, {updated} updated, {unchanged} already up to date, {likely} likely {likely:duplicates|duplicate|duplicates} not imported, {same} repeated in the file, {skipped} {skipped:rows|row|rows} skipped";
    dry_run: "(essai : rien n'a été écrit)", "(dry run: nothing was written)";
    written: "Importé dans", "Imported into";
    nothing_to_write: "Rien de nouveau : le recensement n'a pas été réécrit.", "Nothing new: the census was not rewritten.";
    strict_refused: "--strict : rien n'a été importé, {n} {n:ligne|lignes} à corriger (voir ci-dessus).", "--strict: nothing was imported, {n} {n:rows|row|rows} to fix (see above).";
    columns_title: "Colonnes de {file} :", "Columns of {file}:";
    column_to_field: "  {column} → {field}", "  {column} → {field}";
    column_to_notes: "  {column} → notes (« {column} : … »)", "  {column} → notes (`{column}: …`)";
    column_to_id: "  {column} → identifiant recense", "  {column} → recense id";
    column_to_lat: "  {column} → coordonnees (latitude)", "  {column} → coordonnees (latitude)";
    column_to_lon: "  {column} → coordonnees (longitude)", "  {column} → coordonnees (longitude)";
    column_ignored: "  {column} → (non importée)", "  {column} → (not imported)";
    unknown_columns: "{file} : {n:colonne non reconnue, non importée|colonnes non reconnues, non importées} : {columns}. Pour {n:l'importer|les importer} : --map 'COLONNE=CHAMP' (un champ du formulaire) ou --map 'COLONNE=notes' (dans les notes, qui sont publiques).", "{file}: {n:columns|column|columns} not recognised, not imported: {columns}. To import {n:them|it|them}: --map 'COLUMN=FIELD' (a field of the form) or --map 'COLUMN=notes' (into the notes, which are public).";
    row_create: "ligne {line} : nouvelle « {name} »", "line {line}: new `{name}`";
    row_update: "ligne {line} : {id} « {name} » mise à jour : {fields}", "line {line}: {id} `{name}` updated: {fields}";
    row_unchanged: "ligne {line} : {id} « {name} » déjà à jour", "line {line}: {id} `{name}` already up to date";
    row_likely: "{file}:{line}: « {name} » ressemble à {candidates} : non importée. Si c'est la même, complétez-la avec « recense edit » ; sinon relancez avec --create-likely, puis « recense not-duplicate ».", "{file}:{line}: `{name}` looks like {candidates}: not imported. If it is the same, complete it with `recense edit`; if not, run again with --create-likely, then `recense not-duplicate`.";
    row_created_likely: "{file}:{line}: « {name} » créée, mais elle ressemble à {candidates} : « recense fuse » si c'est la même, sinon « recense not-duplicate ».", "{file}:{line}: `{name}` created, but it looks like {candidates}: `recense fuse` if it is the same, `recense not-duplicate` if not.";
    row_same: "{file}:{line}: « {name} » est la même initiative que la ligne {other} : ignorée.", "{file}:{line}: `{name}` is the same initiative as line {other}: skipped.";
    row_skipped: "{file}:{line}: ligne ignorée : {problems}", "{file}:{line}: row skipped: {problems}";
    row_failed: "{file}:{line}: mise à jour refusée : {problem}", "{file}:{line}: update refused: {problem}";
    candidate_existing: "{id} « {name} » ({reasons})", "{id} `{name}` ({reasons})";
    candidate_line: "la ligne {line} « {name} » ({reasons})", "line {line} `{name}` ({reasons})";
    evidence_word: "preuve", "evidence";
    status_word: "statut", "status";
}

/// The counts of a plan, in one sentence.
pub fn summary(file: &str, c: &crate::census::import::Counts, lang: Lang) -> String {
    fill(
        import(lang).summary,
        &[
            ("file", &file),
            ("created", &c.created),
            ("updated", &c.updated),
            ("unchanged", &c.unchanged),
            ("likely", &c.likely),
            ("same", &c.same),
            ("skipped", &c.skipped),
        ],
    )
}

/// What happens to a row, in the lines the report gives it: each with
/// whether it asks for attention (a problem, a likely duplicate) or only
/// says what an import does (shown in a dry run).
pub fn row_lines(file: &str, row: &Row, lang: Lang) -> Vec<(String, bool)> {
    let t = import(lang);
    let name = crate::display::inert(&row.name).into_owned();
    let line = &row.line;
    let at = [
        ("file", &file as &dyn std::fmt::Display),
        ("line", line),
        ("name", &name),
    ];
    let candidates = |list: &[Candidate]| {
        list.iter()
            .map(|c| candidate(c, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match &row.outcome {
        RowFate::Create { likely, .. } => {
            let mut lines = Vec::new();
            if !likely.is_empty() {
                let c = candidates(likely);
                lines.push((
                    fill(
                        t.row_created_likely,
                        &[at[0], at[1], at[2], ("candidates", &c)],
                    ),
                    true,
                ));
            }
            lines.push((fill(t.row_create, &at), false));
            lines
        }
        RowFate::Update {
            id,
            fields,
            evidence,
            status,
            ..
        } => {
            let mut what = fields.clone();
            what.extend(evidence.iter().map(|_| t.evidence_word.to_string()));
            what.extend(status.iter().map(|_| t.status_word.to_string()));
            let what = what.join(", ");
            vec![(
                fill(t.row_update, &[at[1], at[2], ("id", id), ("fields", &what)]),
                false,
            )]
        }
        RowFate::Unchanged { id } => {
            vec![(fill(t.row_unchanged, &[at[1], at[2], ("id", id)]), false)]
        }
        RowFate::Likely { candidates: c } => {
            let c = candidates(c);
            vec![(
                fill(t.row_likely, &[at[0], at[1], at[2], ("candidates", &c)]),
                true,
            )]
        }
        RowFate::SameAs { line: other } => vec![(
            fill(t.row_same, &[at[0], at[1], at[2], ("other", other)]),
            true,
        )],
        RowFate::Skipped { problems } => {
            let p = problems
                .iter()
                .map(|p| p.localize(lang))
                .collect::<Vec<_>>()
                .join(" ; ");
            vec![(fill(t.row_skipped, &[at[0], at[1], ("problems", &p)]), true)]
        }
    }
}

/// A target as the column list shows it.
pub fn column_line(column: &str, target: &Target, lang: Lang) -> String {
    let t = import(lang);
    let text = match target {
        Target::Field(f) => return fill(t.column_to_field, &[("column", &column), ("field", f)]),
        Target::Notes => t.column_to_notes,
        Target::Id => t.column_to_id,
        Target::Latitude => t.column_to_lat,
        Target::Longitude => t.column_to_lon,
        Target::Ignore => t.column_ignored,
    };
    fill(text, &[("column", &column)])
}

/// An initiative or an earlier line a record looks like.
pub fn candidate(c: &Candidate, lang: Lang) -> String {
    let t = import(lang);
    let reasons = c
        .reasons
        .iter()
        .map(|r| duplicate_reason(r, lang))
        .collect::<Vec<_>>()
        .join(", ");
    let name = crate::display::inert(&c.name).into_owned();
    match &c.target {
        Match::Existing(id) => fill(
            t.candidate_existing,
            &[("id", id), ("name", &name), ("reasons", &reasons)],
        ),
        Match::Line(line) => fill(
            t.candidate_line,
            &[("line", line), ("name", &name), ("reasons", &reasons)],
        ),
    }
}

impl Localized for PropertiesProblem {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use PropertiesProblem as P;
        match (self, lang) {
            (P::BadUnicodeEscape(e), Lang::Fr) => format!("échappement « {e} » invalide : \\u doit être suivi de quatre chiffres hexadécimaux (par exemple \\u00e9 pour é)."),
            (P::BadUnicodeEscape(e), Lang::En) => format!("invalid escape `{e}`: \\u must be followed by four hexadecimal digits (e.g. \\u00e9 for é)."),
            (P::LoneSurrogate(e), Lang::Fr) => format!("échappement « {e} » : moitié de paire UTF-16 sans l'autre moitié ; écrivez le caractère lui-même (le fichier est en UTF-8)."),
            (P::LoneSurrogate(e), Lang::En) => format!("escape `{e}`: half of a UTF-16 pair without the other half; write the character itself (the file is UTF-8)."),
        }
    }
}

impl Localized for RowProblem {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use RowProblem as R;
        match (self, lang) {
            (R::Op(e), _) => e.localize(lang),
            (R::Status(e), _) => e.localize(lang),
            (R::MissingRequired(fields), Lang::Fr) => format!("{} sans valeur : {} (ajoutez une colonne, ou --default CHAMP=VALEUR pour toutes les lignes)", lang.plural(fields.len(), "champ obligatoire", "champs obligatoires"), list(fields)),
            (R::MissingRequired(fields), Lang::En) => format!("required {} without a value: {} (add a column, or --default FIELD=VALUE for every row)", lang.plural(fields.len(), "field", "fields"), list(fields)),
            (R::CellCount { found, expected }, Lang::Fr) => format!("{found} {} alors que l'en-tête a {expected} colonnes (un séparateur en trop ou en moins ?)", lang.plural(*found, "cellule", "cellules")),
            (R::CellCount { found, expected }, Lang::En) => format!("{found} {} while the header has {expected} columns (a separator too many or missing?)", lang.plural(*found, "cell", "cells")),
            (R::NotANumber { column, value }, Lang::Fr) => format!("{column} : « {} » n'est pas un nombre", crate::display::quoted(value)),
            (R::NotANumber { column, value }, Lang::En) => format!("{column}: `{}` is not a number", crate::display::quoted(value)),
            (R::HalfCoordinates, Lang::Fr) => "latitude sans longitude (ou l'inverse)".into(),
            (R::HalfCoordinates, Lang::En) => "latitude without longitude (or the other way round)".into(),
            (R::NotAnObject, Lang::Fr) => "cet élément n'est pas un objet JSON (une structure)".into(),
            (R::NotAnObject, Lang::En) => "this element is not a JSON object (a structure)".into(),
            (R::Deleted(id), Lang::Fr) => format!("elle désigne l'initiative {id}, supprimée (« recense restore {id} » la ramène, puis importez à nouveau)"),
            (R::Deleted(id), Lang::En) => format!("it names initiative {id}, which is deleted (`recense restore {id}` brings it back; then import again)"),
        }
    }
}

impl Localized for ImportError {
    #[rustfmt::skip]
    fn localize(&self, lang: Lang) -> String {
        use ImportError as E;
        let formats = || Format::ALL.iter().map(|f| f.id().to_string()).collect::<Vec<_>>();
        match (self, lang) {
            (E::NotFound { path }, Lang::Fr) => format!("{}: fichier introuvable.", path.display()),
            (E::NotFound { path }, Lang::En) => format!("{}: file not found.", path.display()),
            (E::Io { path, error }, Lang::Fr) => format!("{}: lecture impossible ({}).", path.display(), io_error(error, lang)),
            (E::Io { path, error }, Lang::En) => format!("{}: cannot read ({}).", path.display(), io_error(error, lang)),
            (E::Empty { file }, Lang::Fr) => format!("{file}: le fichier est vide : rien à importer."),
            (E::Empty { file }, Lang::En) => format!("{file}: the file is empty: nothing to import."),
            (E::NoRows { file }, Lang::Fr) => format!("{file}: aucune ligne à importer (l'en-tête seul, ou une liste vide)."),
            (E::NoRows { file }, Lang::En) => format!("{file}: no row to import (only the header, or an empty list)."),
            (E::NotUtf8 { file, line, byte }, Lang::Fr) => format!("{file}:{line}: le fichier n'est pas en UTF-8 (octet 0x{byte:02X} : sans doute Latin-1 ou Windows-1252, ce qu'enregistrent d'anciens tableurs). Réenregistrez-le en UTF-8 : dans LibreOffice, « Enregistrer sous… », cochez « Éditer les paramètres du filtre », jeu de caractères « Unicode (UTF-8) » ; ou « iconv -f WINDOWS-1252 -t UTF-8 ». Ou importez-le tel quel avec --encoding windows-1252 (ou latin1).") ,
            (E::NotUtf8 { file, line, byte }, Lang::En) => format!("{file}:{line}: the file is not UTF-8 (byte 0x{byte:02X}: probably Latin-1 or Windows-1252, as older spreadsheets save). Save it again as UTF-8: in LibreOffice, \"Save As…\", tick \"Edit filter settings\", character set \"Unicode (UTF-8)\"; or `iconv -f WINDOWS-1252 -t UTF-8`. Or import it as it is with --encoding windows-1252 (or latin1)."),
            (E::Utf16 { file }, Lang::Fr) => format!("{file}: le fichier est en UTF-16 : réenregistrez-le en UTF-8 (« CSV UTF-8 » dans le tableur)."),
            (E::Utf16 { file }, Lang::En) => format!("{file}: the file is UTF-16: save it again as UTF-8 (\"CSV UTF-8\" in the spreadsheet)."),
            (E::UnterminatedQuote { file, line }, Lang::Fr) => format!("{file}:{line}: un guillemet ouvert ici n'est jamais fermé : tout ce qui suit serait lu comme une seule cellule. Fermez-le (un guillemet dans une cellule s'écrit \"\")."),
            (E::UnterminatedQuote { file, line }, Lang::En) => format!("{file}:{line}: a quote opened here is never closed: everything after it would be read as one cell. Close it (a quote inside a cell is written \"\")."),
            (E::Csv { file, line, message }, Lang::Fr) => format!("{file}:{line}: CSV illisible ({message})."),
            (E::Csv { file, line, message }, Lang::En) => format!("{file}:{line}: unreadable CSV ({message})."),
            (E::Json { file, line, column, message }, Lang::Fr) => format!("{file}:{line}:{column}: JSON illisible ({message})."),
            (E::Json { file, line, column, message }, Lang::En) => format!("{file}:{line}:{column}: unreadable JSON ({message})."),
            (E::NotAnArray { file }, Lang::Fr) => format!("{file}: attendu un tableau JSON de structures data·inclusion ([{{…}}, {{…}}])."),
            (E::NotAnArray { file }, Lang::En) => format!("{file}: expected a JSON array of data·inclusion structures ([{{…}}, {{…}}])."),
            (E::Properties { file, line, column, problem }, _) => format!("{file}:{line}:{column}: {}", problem.localize(lang)),
            (E::NotOrganization { file, class }, Lang::Fr) => format!("{file}: c'est un fichier ChatonsInfos de type « {class} » ; il faut celui de l'organisation (organization.properties, file.class = organization)."),
            (E::NotOrganization { file, class }, Lang::En) => format!("{file}: this is a ChatonsInfos file of class `{class}`; the organization's file is needed (organization.properties, file.class = organization)."),
            (E::NoOrganizationName { file }, Lang::Fr) => format!("{file}: pas de « organization.name » : est-ce bien le fichier organization.properties d'un membre des CHATONS ?"),
            (E::NoOrganizationName { file }, Lang::En) => format!("{file}: no `organization.name`: is this really the organization.properties file of a CHATONS member?"),
            (E::NotStandard { file, format, column }, Lang::Fr) => format!("{file}: pas de colonne « {column} » : ce n'est pas un fichier {} (essayez le format csv).", format.id()),
            (E::NotStandard { file, format, column }, Lang::En) => format!("{file}: no `{column}` column: this is not a {} file (try the csv format).", format.id()),
            (E::BadMap(m), Lang::Fr) => format!("--map « {m} » : attendu COLONNE=CHAMP."),
            (E::BadMap(m), Lang::En) => format!("--map `{m}`: expected COLUMN=FIELD."),
            (E::UnknownColumn { column, known }, Lang::Fr) => format!("--map : pas de colonne « {column} » dans le fichier ; ses colonnes : {}.", list(known)),
            (E::UnknownColumn { column, known }, Lang::En) => format!("--map: no column `{column}` in the file; its columns: {}.", list(known)),
            (E::MapField(e), _) => format!("--map : {}", e.localize(lang)),
            (E::MapNotCsv(f), Lang::Fr) => format!("--map ne s'applique qu'au format csv ; les colonnes du format {} sont fixées par le standard (formats : {}).", f.id(), list(&formats())),
            (E::MapNotCsv(f), Lang::En) => format!("--map only applies to the csv format; the columns of {} are fixed by the standard (formats: {}).", f.id(), list(&formats())),
            (E::Default(e), _) => format!("--default : {}", e.localize(lang)),
            (E::ColumnsClash { target, columns }, Lang::Fr) => format!("les colonnes {} vont toutes dans « {target} », qui n'a qu'une valeur : envoyez les autres ailleurs avec --map 'COLONNE=CHAMP' (ou 'COLONNE=-' pour l'ignorer).", list(columns)),
            (E::ColumnsClash { target, columns }, Lang::En) => format!("columns {} all go to `{target}`, which holds one value: send the others elsewhere with --map 'COLUMN=FIELD' (or 'COLUMN=-' to leave it out).", list(columns)),
        }
    }
}
