//! Where the interface writes exports and reports by default: a folder an
//! agent finds, `~/Documents/recense/` (the XDG documents folder of
//! `user-dirs.dirs`, else `Documents` in the home folder), and the census's
//! own folder only when there is no home folder at all.

use std::path::{Path, PathBuf};

/// The folder exports and reports go to by default, from the user's
/// folders of this session.
pub fn export_dir(census: &Path) -> PathBuf {
    let user = directories::UserDirs::new();
    choose(
        user.as_ref().map(|u| (u.document_dir(), u.home_dir())),
        census,
    )
}

/// The rule: the documents folder, else `Documents` in the home folder,
/// else the census's folder; `recense` inside the first two.
pub fn choose(user: Option<(Option<&Path>, &Path)>, census: &Path) -> PathBuf {
    match user {
        Some((Some(documents), _)) => documents.join("recense"),
        Some((None, home)) => home.join("Documents").join("recense"),
        None => census.parent().unwrap_or(Path::new("")).to_path_buf(),
    }
}

/// Makes the default folder when a file is about to be written there (a
/// folder typed by hand is not made: a typo would leave folders behind).
pub fn prepare(path: &Path, dir: &Path) -> std::io::Result<()> {
    if path.parent() == Some(dir) && !dir.is_dir() {
        std::fs::create_dir_all(dir)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_then_home_documents_then_the_census_folder() {
        let census = Path::new("/data/recense/brest.ron");
        let docs = Path::new("/home/marie/Mes documents");
        let home = Path::new("/home/marie");
        assert_eq!(
            choose(Some((Some(docs), home)), census),
            Path::new("/home/marie/Mes documents/recense")
        );
        assert_eq!(
            choose(Some((None, home)), census),
            Path::new("/home/marie/Documents/recense")
        );
        assert_eq!(choose(None, census), Path::new("/data/recense"));
    }

    #[test]
    fn only_the_default_folder_is_made() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("Documents").join("recense");
        let typed = root.path().join("typo").join("x.csv");
        prepare(&typed, &dir).unwrap();
        assert!(!typed.parent().unwrap().exists());
        prepare(&dir.join("brest.csv"), &dir).unwrap();
        assert!(dir.is_dir());
    }
}
