//! The words of office files as they come (character sets of imports, the
//! byte order mark of CSV exports) and of the progress of long work.

use super::Lang;

strings! { OfficeText, office;
    read_as_windows_1252: "{file} : pas en UTF-8, lu comme Windows-1252 (ce qu'enregistre Excel sous Windows). Si des lettres semblent fausses, essayez --encoding latin1 ou réenregistrez le fichier en UTF-8.", "{file}: not UTF-8, read as Windows-1252 (as Excel on Windows saves). If letters look wrong, try --encoding latin1 or save the file again as UTF-8.";
    read_as: "{file} : lu comme {encoding} (--encoding).", "{file}: read as {encoding} (--encoding).";
    encoding_not_csv: "--encoding ne s'applique qu'aux fichiers CSV (csv, mednum) ; les fichiers {format} sont toujours en UTF-8.", "--encoding only applies to CSV files (csv, mednum); {format} files are always UTF-8.";
    bom_not_csv: "--bom ne s'applique qu'aux exports CSV (csv, umap-csv, mednum), pas à {format}.", "--bom only applies to CSV exports (csv, umap-csv, mednum), not to {format}.";
}
