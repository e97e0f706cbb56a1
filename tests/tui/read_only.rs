//! A census nothing can be written to here (a read-only file, or a folder
//! where its lock cannot be made) opens to be looked at only: marked in the
//! header, every change refused with why and what to do, no lock taken and
//! nothing written.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use recense::tui::app::{App, Clock, Core};

use crate::tui_common::{Harness, NOW, Setup, agent, sample_path, snap};

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Every file of the folder with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    out.sort();
    out
}

/// The Pays de Brest sample opened as the interface opens a census.
fn opened(h: &mut Harness) {
    let setup = Setup::default();
    let mut core = Core::open(&h.path, agent(), setup.lang, setup.theme, setup.keymap)
        .expect("a read-only census opens");
    core.session.clock = Clock::Fixed(recense::census::time::Timestamp::parse(NOW).unwrap());
    h.app = App::new(core);
}

fn brest() -> Harness {
    let text = std::fs::read_to_string(sample_path("pays-de-brest")).unwrap();
    Harness::from_text(&text, Setup::default())
}

#[test]
fn a_read_only_file_is_shown_marked_and_every_change_is_refused() {
    let mut h = brest();
    chmod(&h.path, 0o444);
    opened(&mut h);
    let before = files(h.dir.path());
    snap!(h, "read_only_file");
    let refusal = "Lecture seule (fichier protégé) ; pour modifier : chmod u+w census.ron";
    for keys in ["e", "a", "d", "t", "u", "enter e", "enter t"] {
        h.keys("esc esc").keys(keys);
        let said = h.message().unwrap_or_default();
        assert_eq!(said, refusal, "{keys}");
        assert!(h.app.overlay.is_none(), "{keys}: no form opens");
    }
    h.keys("esc esc :")
        .type_text("merge elsewhere.ron")
        .keys("enter");
    assert_eq!(h.message().as_deref(), Some(refusal));
    h.quit();
    assert_eq!(
        files(h.dir.path()),
        before,
        "nothing written, no lock taken"
    );
    chmod(&h.path, 0o644);
}

#[test]
fn a_census_in_a_read_only_folder_is_shown_without_its_lock() {
    let mut h = brest();
    let dir = h.dir.path().to_path_buf();
    chmod(&dir, 0o555);
    // Whoever may write anyway (root) takes the lock as usual.
    if std::fs::write(dir.join("probe"), "").is_ok() {
        std::fs::remove_file(dir.join("probe")).unwrap();
        chmod(&dir, 0o755);
        eprintln!("skipped: this user writes in a read-only folder (root)");
        return;
    }
    opened(&mut h);
    let before = files(&dir);
    let shown = h.screen(80, 24);
    assert!(shown.contains("LECTURE SEULE"), "{shown}");
    h.keys("e");
    let said = h.message().unwrap_or_default();
    assert_eq!(
        said,
        "Lecture seule (dossier protégé) ; pour modifier, copiez census.ron ailleurs"
    );
    h.quit();
    assert_eq!(files(&dir), before, "nothing written, no lock taken");
    chmod(&dir, 0o755);
}
