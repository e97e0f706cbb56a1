//! `recense export --contacts`: a mailing list of the contact persons who
//! consented to the network's invitations (see
//! [`crate::census::consent::MAILING_PURPOSE`]), one per e-mail address,
//! for the initiatives selected like every export. Three forms: lines
//! `Nom <courriel>` to paste into a mail program's recipients, a CSV, or
//! vCard 4.0 (RFC 6350) for an address book. Nobody without a consent in
//! force is listed.

use std::io::{self, Write};

use crate::census::consent::{self, MAILING_PURPOSE};
use crate::census::model::Initiative;
use crate::census::schema::{FieldType, Schema};
use crate::documents::export::csv_line;

/// The form of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactsFormat {
    /// `Nom <courriel>`, one a line.
    Lines,
    Csv,
    Vcard,
}

/// One person to invite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// The initiatives they are the contact of.
    pub initiatives: Vec<String>,
}

/// The list, and how many initiatives with personal data were left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContactList {
    pub contacts: Vec<Contact>,
    pub left_out: usize,
}

/// The form has no personal e-mail field: no list can be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoEmailField;

/// The first personal field of a type.
fn personal_of(schema: &Schema, wanted: fn(&FieldType) -> bool) -> Option<&str> {
    schema
        .fields
        .iter()
        .find(|f| f.personal && wanted(&f.field_type))
        .map(|f| f.id.as_str())
}

/// The contacts of `selection` whose consent in force covers invitations,
/// in the selection's order, each e-mail address once.
pub fn contacts(schema: &Schema, selection: &[&Initiative]) -> Result<ContactList, NoEmailField> {
    let email_field = personal_of(schema, |t| *t == FieldType::Email).ok_or(NoEmailField)?;
    let name_field = personal_of(schema, |t| *t == FieldType::Text);
    let phone_field = personal_of(schema, |t| *t == FieldType::Phone);
    let mut list = ContactList::default();
    for i in selection.iter().filter(|i| i.is_live()) {
        let Some(email) = i
            .value(email_field)
            .map(str::trim)
            .filter(|e| !e.is_empty())
        else {
            list.left_out += usize::from(!consent::personal_fields(schema, i).is_empty());
            continue;
        };
        if !consent::consents_to(i, MAILING_PURPOSE) {
            list.left_out += 1;
            continue;
        }
        // Values reach a terminal or a mail program: made inert first.
        let inert = |s: &str| crate::display::inert(s.trim()).into_owned();
        let initiative = inert(i.value(&schema.name_field).unwrap_or(""));
        let key = email.to_lowercase();
        if let Some(c) = list
            .contacts
            .iter_mut()
            .find(|c| c.email.to_lowercase() == key)
        {
            c.initiatives.push(initiative);
            continue;
        }
        let get = |f: Option<&str>| inert(f.and_then(|f| i.value(f)).unwrap_or(""));
        list.contacts.push(Contact {
            name: get(name_field),
            email: inert(email),
            phone: get(phone_field),
            initiatives: vec![initiative],
        });
    }
    Ok(list)
}

/// A display name as RFC 5322 wants it: quoted when it holds a special
/// character, control characters dropped.
fn display_name(name: &str) -> String {
    let clean: String = name.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().any(|c| "()<>[]:;@\\,.\"".contains(c)) {
        format!("\"{}\"", clean.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        clean
    }
}

/// A vCard text value escaped (RFC 6350 §3.4).
fn vcard_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets, never inside a character (§3.2).
fn folded(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

fn vcard(c: &Contact) -> String {
    let fn_ = if c.name.is_empty() { &c.email } else { &c.name };
    let mut lines = vec![
        "BEGIN:VCARD".to_string(),
        "VERSION:4.0".to_string(),
        format!("FN:{}", vcard_text(fn_)),
        format!("EMAIL:{}", vcard_text(&c.email)),
    ];
    if !c.phone.is_empty() {
        lines.push(format!("TEL;VALUE=uri:tel:{}", c.phone.replace(' ', "")));
    }
    let orgs: Vec<String> = c.initiatives.iter().map(|o| vcard_text(o)).collect();
    if !orgs.is_empty() {
        lines.push(format!("NOTE:{}", orgs.join("\\, ")));
    }
    lines.push("END:VCARD".to_string());
    lines.iter().map(|l| folded(l)).collect()
}

/// Writes the list.
pub fn write(list: &ContactList, format: ContactsFormat, out: &mut dyn Write) -> io::Result<()> {
    match format {
        ContactsFormat::Lines => {
            for c in &list.contacts {
                if c.name.is_empty() {
                    writeln!(out, "{}", c.email)?;
                } else {
                    writeln!(out, "{} <{}>", display_name(&c.name), c.email)?;
                }
            }
        }
        ContactsFormat::Csv => {
            out.write_all(csv_line(["nom", "courriel", "telephone", "initiatives"]).as_bytes())?;
            for c in &list.contacts {
                let initiatives = c.initiatives.join(" | ");
                let row = [c.name.as_str(), &c.email, &c.phone, &initiatives];
                out.write_all(csv_line(row).as_bytes())?;
            }
        }
        ContactsFormat::Vcard => {
            for c in &list.contacts {
                out.write_all(vcard(c).as_bytes())?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_and_vcard_lines_escaped_and_folded() {
        assert_eq!(display_name("Camille Fictive"), "Camille Fictive");
        assert_eq!(display_name("Fictive, Camille"), "\"Fictive, Camille\"");
        assert_eq!(display_name("A \"B\""), "\"A \\\"B\\\"\"");
        assert_eq!(vcard_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let long = format!("NOTE:{}", "é".repeat(60));
        let f = folded(&long);
        assert!(f.split("\r\n").all(|l| l.len() <= 75), "{f:?}");
        assert_eq!(f.replace("\r\n ", ""), format!("{long}\r\n"));
    }
}
