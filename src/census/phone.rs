//! Phone numbers as people read them. Stored in international form
//! (E.164, `+33298881234`, what open-data standards want); shown to people
//! (the interface, `show`, exports with labels: CSV for colleagues, ODS,
//! reports) in the national form of France, `02 98 88 12 34`, overseas
//! departments included; other countries' numbers stay international.

use std::borrow::Cow;

use crate::census::schema::{FieldType, Schema};

/// Country codes whose numbers are written nationally with a leading 0:
/// France and its overseas departments.
const FRENCH_CODES: [&str; 5] = ["33", "262", "590", "594", "596"];

/// The national form of a French number in E.164 (`+33298881234` →
/// `02 98 88 12 34`; `+262692123456` → `06 92 12 34 56`); anything else
/// as it is.
pub fn for_people(stored: &str) -> Cow<'_, str> {
    let Some(digits) = stored.strip_prefix('+') else {
        return Cow::Borrowed(stored);
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(stored);
    }
    for code in FRENCH_CODES {
        let Some(national) = digits.strip_prefix(code) else {
            continue;
        };
        // Overseas numbers keep their département's prefix in the
        // national part (`+262 692…` is `0692…`): 9 digits after the code.
        if national.len() != 9 {
            continue;
        }
        let full = format!("0{national}");
        let pairs: Vec<&str> = (0..5).map(|k| &full[2 * k..2 * k + 2]).collect();
        return Cow::Owned(pairs.join(" "));
    }
    Cow::Borrowed(stored)
}

/// `value` of `field` as people read it: [`for_people`] for a phone field,
/// the value itself otherwise.
pub fn shown<'a>(schema: &Schema, field: &str, value: &'a str) -> Cow<'a, str> {
    match schema.field(field).map(|d| &d.field_type) {
        Some(FieldType::Phone) => for_people(value),
        _ => Cow::Borrowed(value),
    }
}

#[cfg(test)]
mod tests {
    use super::for_people;

    #[test]
    fn french_numbers_read_nationally_and_others_stay_international() {
        assert_eq!(for_people("+33298881234"), "02 98 88 12 34");
        assert_eq!(for_people("+33612345678"), "06 12 34 56 78");
        assert_eq!(for_people("+262692123456"), "06 92 12 34 56");
        assert_eq!(for_people("+262262123456"), "02 62 12 34 56");
        assert_eq!(for_people("+590590123456"), "05 90 12 34 56");
        assert_eq!(for_people("+596696123456"), "06 96 12 34 56");
        assert_eq!(for_people("+3221234567"), "+3221234567");
        assert_eq!(for_people("+4930123456"), "+4930123456");
        assert_eq!(for_people("02 98 88 12 34"), "02 98 88 12 34");
        assert_eq!(for_people("+3329888"), "+3329888");
        assert_eq!(for_people(""), "");
    }
}
