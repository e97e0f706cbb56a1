//! French opening hours, as found on associations' sites, posters and
//! directories, read into OpenStreetMap syntax.

use super::french_to_osm;
use crate::census::value::ValueError;

fn osm(text: &str) -> String {
    french_to_osm(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

fn part(text: &str) -> String {
    match french_to_osm(text) {
        Err(ValueError::OpeningHours { part }) => part,
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn the_forms_of_the_issue() {
    assert_eq!(
        osm("mardi 14h-18h, samedi 10h-12h"),
        "Tu 14:00-18:00; Sa 10:00-12:00"
    );
    assert_eq!(osm("du lundi au vendredi 9h-12h"), "Mo-Fr 09:00-12:00");
    assert_eq!(
        osm("lun-ven 9h-12h et 14h-17h"),
        "Mo-Fr 09:00-12:00,14:00-17:00"
    );
    assert_eq!(osm("fermé le dimanche"), "Su off");
}

#[test]
fn real_world_french_forms() {
    for (fr, expected) in [
        (
            "Du lundi au vendredi de 9h à 12h et de 14h à 17h",
            "Mo-Fr 09:00-12:00,14:00-17:00",
        ),
        (
            "Lundi au vendredi : 9h00 - 12h00 / 13h30 - 17h00",
            "Mo-Fr 09:00-12:00,13:30-17:00",
        ),
        ("Mardi et jeudi : 18h-20h", "Tu,Th 18:00-20:00"),
        (
            "lundi, mercredi et vendredi 14h-17h",
            "Mo,We,Fr 14:00-17:00",
        ),
        (
            "Du mardi au samedi de 10h à 18h, fermé le dimanche et le lundi",
            "Tu-Sa 10:00-18:00; Mo,Su off",
        ),
        ("tous les jours de 9h à 19h", "Mo-Su 09:00-19:00"),
        ("24h/24, 7j/7", "24/7"),
        ("7j/7 24h/24", "24/7"),
        ("sam. 10h-12h", "Sa 10:00-12:00"),
        ("Mer 14h30-17h30", "We 14:30-17:30"),
        ("le samedi de 14 h à 18 h", "Sa 14:00-18:00"),
        ("samedi 9 h 30 - 12 h", "Sa 09:30-12:00"),
        ("9h-12h", "09:00-12:00"),
        ("9h-12h du lundi au vendredi", "Mo-Fr 09:00-12:00"),
        (
            "lundi 9h-12h\nmercredi 14h-18h",
            "Mo 09:00-12:00; We 14:00-18:00",
        ),
        (
            "lundi 9h-12h ; jeudi 14h-16h",
            "Mo 09:00-12:00; Th 14:00-16:00",
        ),
        ("tous les jours sauf le lundi 10h-18h", "Tu-Su 10:00-18:00"),
        (
            "du lundi au vendredi 8h30-12h, fermé les jours fériés",
            "Mo-Fr 08:30-12:00; PH off",
        ),
        ("dimanche et jours fériés fermé", "Su,PH off"),
        ("vendredi 18h-minuit", "Fr 18:00-24:00"),
        ("samedi 20h-0h", "Sa 20:00-24:00"),
        ("lundi 12h-midi", "error"),
        (
            "mercredi de 14h à 18h, samedi de 10h à 12h et de 14h à 17h",
            "We 14:00-18:00; Sa 10:00-12:00,14:00-17:00",
        ),
        ("Lundi – Vendredi 9h–17h", "Mo-Fr 09:00-17:00"),
        ("ven-dim 10:00-18:00", "Fr-Su 10:00-18:00"),
        ("Mo-Fr 9h-12h", "Mo-Fr 09:00-12:00"),
        ("du samedi au lundi 10h-12h", "Mo,Sa,Su 10:00-12:00"),
        ("lundi, mardi 9h-12h", "Mo,Tu 09:00-12:00"),
    ] {
        if expected == "error" {
            assert!(french_to_osm(fr).is_err(), "{fr}");
        } else {
            assert_eq!(osm(fr), expected, "{fr}");
        }
    }
}

#[test]
fn every_result_is_valid_openstreetmap() {
    for fr in [
        "mardi 14h-18h, samedi 10h-12h",
        "fermé le dimanche",
        "24h/24 7j/7",
        "dimanche et jours fériés fermé",
    ] {
        let out = osm(fr);
        assert_eq!(
            crate::census::value::opening_hours(&out).as_deref(),
            Ok(out.as_str())
        );
    }
}

#[test]
fn what_cannot_be_read_is_named_as_typed() {
    assert_eq!(part("mardi 14h-18h, sur rendez-vous"), "sur");
    assert_eq!(part("Lundi"), "Lundi");
    assert_eq!(part("mardi 25h-26h"), "25h");
    assert_eq!(part("mardi 14h"), "14h");
    assert_eq!(part("jeudi 18h-14h"), "14h");
    assert_eq!(part("fermé le lundi 9h-12h"), "9h");
    assert_eq!(french_to_osm("  "), Err(ValueError::Empty));
}
