//! The export screen's byte order mark (`b`), as `recense export --bom`:
//! shown and ticked only for a CSV, it makes the written file start with
//! `EF BB BF` so that Excel, on a double-click, shows the accents.

use crate::tui_common;

use recense::tui::theme::Theme;
use tui_common::*;

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn written(h: &Harness, name: &str) -> Vec<u8> {
    std::fs::read(h.dir.path().join(name)).expect("the file is written")
}

/// The folder of the census replaced by a stand-in of its width.
fn stand_in(h: &Harness) -> (String, String) {
    let dir = h.dir.path().display().to_string();
    let stand_in = "<dossier>"
        .chars()
        .chain(std::iter::repeat('_'))
        .take(dir.chars().count())
        .collect();
    (dir, stand_in)
}

#[test]
fn b_puts_the_byte_order_mark_at_the_start_of_the_csv_only_when_ticked() {
    let mut h = brest();
    h.keys("x");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("☐ Pour Excel : marque d'octet (BOM)"),
        "{screen}"
    );
    assert!(screen.contains("b BOM Excel"), "the hint bar: {screen}");
    h.keys("enter");
    let plain = written(&h, "census-public.csv");
    assert!(plain.starts_with(b"id;"), "no mark unless asked");

    h.keys("b");
    assert!(
        h.screen(80, 24)
            .contains("☑ Pour Excel : marque d'octet (BOM)")
    );
    // The file exists: the second Enter replaces it.
    h.keys("enter enter");
    let marked = written(&h, "census-public.csv");
    assert_eq!(&marked[..3], BOM);
    assert_eq!(&marked[3..], &plain[..], "the same CSV after the mark");

    // Ticked again: off.
    h.keys("b enter enter");
    assert!(written(&h, "census-public.csv").starts_with(b"id;"));
}

#[test]
fn the_mark_is_neither_shown_nor_written_for_other_formats() {
    let mut h = brest();
    // Ticked on the CSV, then JSON chosen.
    h.keys("x b j");
    let screen = h.screen(80, 24);
    assert!(!screen.contains("BOM"), "{screen}");
    h.keys("b enter");
    let json = written(&h, "census-public.json");
    assert_eq!(json.first(), Some(&b'{'), "no mark in a JSON file");
    // The mednum CSV takes it, as `--bom` does.
    h.keys("G");
    while !h.screen(80, 24).contains("▶ mednum") {
        h.keys("k");
    }
    assert!(h.screen(80, 24).contains("☑ Pour Excel"));
    h.keys("enter");
    assert_eq!(&written(&h, "census-mednum.csv")[..3], BOM);
}

#[test]
fn the_ascii_interface_ticks_with_brackets() {
    let setup = Setup {
        theme: Theme::new(false, true),
        ..Setup::default()
    };
    let mut h = Harness::sample_with("pays-de-brest", setup);
    h.keys("x");
    assert!(
        h.screen(80, 24)
            .contains("[ ] Pour Excel : marque d'octet (BOM)")
    );
    h.keys("b");
    assert!(
        h.screen(80, 24)
            .contains("[x] Pour Excel : marque d'octet (BOM)")
    );
}

#[test]
fn the_export_screen_with_the_mark_ticked_at_both_sizes() {
    let mut h = brest();
    h.keys("x b");
    let (dir, stand_in) = stand_in(&h);
    snap!(&h, "export_bom", &[(dir.as_str(), stand_in.as_str())]);
}
