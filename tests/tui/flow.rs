//! The everyday flow (issue 21, second part): one score everywhere, the
//! refusals worded in the interface's keys, the dialogs that start empty,
//! the pick lists that say when nothing matches. Keys go through the live
//! keymap to `App::update`.

use crate::tui_common;

use recense::census::status;
use recense::census::time::Date;
use recense::i18n::Lang;

use tui_common::*;

const INFINI: &str = "Infini (Internet Finistère)";
const TALL: (u16, u16) = (110, 90);

/// The header, the status section and the list show the same figure, named
/// and written the same way: the measure of `status::score`.
#[test]
fn one_score_in_the_header_the_status_section_and_the_list() {
    let mut h = brest();
    select(&mut h, INFINI);
    let ws = h.reopen();
    let i = ws
        .census
        .live()
        .find(|i| i.value(&ws.schema.name_field) == Some(INFINI))
        .unwrap();
    let score = status::score(&ws.schema, i, Date::parse(TODAY).unwrap());
    let list = h.screen(80, 24);
    let row = list.lines().find(|l| l.contains("Infini")).unwrap();
    assert!(row.trim_end().ends_with(&format!(" {score}")), "{row}");
    h.keys("enter");
    let named = recense::i18n::score::score_named(score, Lang::Fr);
    let record = h.screen(TALL.0, TALL.1);
    let header = record.lines().find(|l| l.contains(" · Légitimé · ")).unwrap();
    assert!(header.contains(&named), "{record}");
    let section = record
        .lines()
        .find(|l| l.contains("/100 (complétude"))
        .unwrap();
    assert!(section.contains(" Score "), "{section}");
    assert!(section.contains(&format!(" {score}/100 ")), "{section}");
    assert!(!header.contains('%'), "{record}");
    snap!(h, "record_header_score");
}
