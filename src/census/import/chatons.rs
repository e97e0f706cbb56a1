//! A ChatonsInfos `organization.properties` file (what each CHATONS member
//! publishes at `/.well-known/chatonsinfos/`) as one initiative of kind
//! `chatons`: name, description, website, e-mail, address, coordinates,
//! dates, status; the membership of the collective as evidence from an
//! official register; the services in the field of hosted services; every
//! other `organization.*` property kept in the notes.

use super::ImportError;
use super::properties::{Property, get};
use super::record::{EvidenceSpec, Incoming};
use crate::census::schema::Schema;
use crate::census::standards::LEGAL_FORM;
use crate::census::status::Status;

/// The kind given to a ChatonsInfos organization.
pub const KIND: &str = "chatons";

/// Properties read into fields (the others of `organization.*` go to the notes).
const MAPPED: [(&str, &str); 6] = [
    ("organization.name", "nom"),
    ("organization.description", "description"),
    ("organization.website", "site_web"),
    ("organization.contact.email", "courriel"),
    ("organization.startdate", "date_creation"),
    (
        "organization.memberof.chatons.startdate",
        "chatons_adhesion",
    ),
];

/// Read elsewhere than [`MAPPED`]: coordinates, address, status, legal form.
const READ: [&str; 6] = [
    "organization.type",
    "organization.geolocation.latitude",
    "organization.geolocation.longitude",
    "organization.geolocation.address",
    "organization.status.level",
    "organization.status.description",
];

/// `12 rue X, 29200 Brest` → (street, postcode, commune), as far as found.
pub fn split_address(address: &str) -> (String, Option<String>, Option<String>) {
    let chars: Vec<char> = address.chars().collect();
    let found = (0..chars.len().saturating_sub(4)).find(|&i| {
        chars[i..i + 5].iter().all(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 5).is_none_or(|c| !c.is_ascii_digit())
    });
    let Some(at) = found else {
        return (address.trim().to_string(), None, None);
    };
    let street: String = chars[..at].iter().collect();
    let code: String = chars[at..at + 5].iter().collect();
    let after: String = chars[at + 5..].iter().collect();
    let commune = after
        .split([',', '\n'])
        .next()
        .map(|c| c.trim().trim_end_matches('.').trim().to_string())
        .filter(|c| !c.is_empty() && !c.eq_ignore_ascii_case("france"));
    let street = street
        .trim()
        .trim_end_matches([',', '-'])
        .trim()
        .to_string();
    (street, Some(code), commune)
}

/// A decimal degree as ChatonsInfos writes it (`48,39` or `48.39`).
fn degrees(text: &str) -> String {
    text.trim().replace(',', ".")
}

/// `organization.type` (ASSOCIATION, INFORMAL, COOPERATIVE, MICROCOMPANY,
/// COMPANY, INDIVIDUAL, OTHER) as the legal form whose `chatonsinfos` code
/// it is; a type the form does not know stays in the notes.
fn legal_form(schema: &Schema, inc: &mut Incoming, given: Option<&str>) {
    let Some(given) = given else { return };
    let field = schema
        .field(LEGAL_FORM)
        .filter(|f| f.applies_to(Some(KIND)));
    let found = field.and_then(|f| {
        let list = f.field_type.choice_list()?;
        schema.choices(list).iter().find(|c| {
            c.codes
                .get("chatonsinfos")
                .is_some_and(|code| code.eq_ignore_ascii_case(given))
        })
    });
    match found {
        Some(choice) => inc.set(LEGAL_FORM, &choice.id, None),
        None => inc.note("organization.type", given, None),
    }
}

/// The record of an organization file.
pub fn record(schema: &Schema, file: &str, props: &[Property]) -> Result<Incoming, ImportError> {
    if let Some(class) = get(props, "file.class")
        && !class.value.trim().eq_ignore_ascii_case("organization")
    {
        return Err(ImportError::NotOrganization {
            file: file.to_string(),
            class: class.value.trim().to_string(),
        });
    }
    let name = get(props, "organization.name")
        .filter(|p| !p.value.trim().is_empty())
        .ok_or_else(|| ImportError::NoOrganizationName {
            file: file.to_string(),
        })?;
    let mut inc = Incoming::new(name.line);
    inc.set(&schema.kind_field, KIND, None);
    let value = |key: &str| {
        get(props, key)
            .map(|p| p.value.trim())
            .filter(|v| !v.is_empty())
    };
    for (key, field) in MAPPED {
        if let Some(v) = value(key) {
            inc.set(field, v, None);
        }
    }
    if let (Some(lat), Some(lon)) = (
        value("organization.geolocation.latitude"),
        value("organization.geolocation.longitude"),
    ) {
        inc.set(
            "coordonnees",
            &format!("{},{}", degrees(lat), degrees(lon)),
            None,
        );
    }
    if let Some(address) = value("organization.geolocation.address") {
        let (street, code, commune) = split_address(address);
        match (&code, &commune) {
            (Some(code), Some(commune)) => {
                inc.set("adresse", &street, None);
                inc.set("code_postal", code, None);
                inc.set("commune", commune, None);
            }
            _ => inc.set("adresse", address, None),
        }
    }
    legal_form(schema, &mut inc, value("organization.type"));
    let status = value("organization.status.level").map(|s| s.to_ascii_uppercase());
    let comment = value("organization.status.description").unwrap_or("ChatonsInfos");
    match status.as_deref() {
        Some("IDLE") => inc.status = Some((Status::EnSommeil.id().into(), comment.to_string())),
        Some("AWAY") => inc.status = Some((Status::Disparu.id().into(), comment.to_string())),
        _ => {}
    }
    if let Some(date) = value("organization.memberof.chatons.startdate") {
        inc.evidence.push(EvidenceSpec {
            kind: "registre_officiel".into(),
            date: date.to_string(),
            note: "Membre du collectif CHATONS (ChatonsInfos)".into(),
            url: value("organization.website")
                .unwrap_or_default()
                .to_string(),
        });
    }
    let services: Vec<String> = props
        .iter()
        .filter_map(|p| {
            let name = p.key.strip_prefix("subs.")?;
            Some(format!("{name} : {}", p.value.trim()))
        })
        .chain(
            props
                .iter()
                .filter(|p| p.key == "service.name")
                .map(|p| p.value.trim().to_string()),
        )
        .filter(|s| !s.trim().is_empty())
        .collect();
    let services_field = schema
        .field("chatons_services")
        .filter(|f| f.applies_to(Some(KIND)));
    match services_field {
        Some(f) if !services.is_empty() => inc.set(&f.id, &services.join("\n"), None),
        _ => {
            for s in &services {
                inc.note("service", s, None);
            }
        }
    }
    for p in props {
        let known = MAPPED.iter().any(|(k, _)| *k == p.key) || READ.contains(&p.key.as_str());
        if p.key.starts_with("organization.") && !known {
            inc.note(&p.key, &p.value, None);
        }
    }
    Ok(inc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_split_into_street_postcode_and_commune() {
        assert_eq!(
            split_address("12 rue de Siam, 29200 Brest"),
            (
                "12 rue de Siam".into(),
                Some("29200".into()),
                Some("Brest".into())
            )
        );
        assert_eq!(
            split_address("29200 Brest, France"),
            ("".into(), Some("29200".into()), Some("Brest".into()))
        );
        assert_eq!(
            split_address("Quelque part"),
            ("Quelque part".into(), None, None)
        );
        assert_eq!(
            split_address("BP 123456 Paris").1,
            None,
            "six digits are not a postcode"
        );
    }
}
