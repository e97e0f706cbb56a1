//! Reading the embedded data: inflate, then one record a line (the format is
//! described in `regenerate.py`).

use std::collections::HashMap;
use std::io::Read;

use crate::census::model::Text;

use super::{Commune, Departement, Epci, Former, FormerKind, Referential, fold_place};

/// Reads the compressed referential. An error names the line that is wrong:
/// it can only come from a bad regeneration, which the tests catch.
pub(super) fn read(gz: &[u8]) -> Result<Referential, String> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(gz)
        .read_to_string(&mut text)
        .map_err(|e| e.to_string())?;
    parse(&text)
}

pub(super) fn parse(text: &str) -> Result<Referential, String> {
    let mut r = Referential::default();
    let mut epci_index: HashMap<&str, usize> = HashMap::new();
    // EPCI SIREN of each commune, resolved once all EPCI are read.
    let mut formers: Vec<(FormerKind, &str, &str, &str)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let bad = || format!("communes.tsv:{}: {line}", n + 1);
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.as_slice() {
            [first, ..] if first.starts_with('#') => {
                if r.source.is_empty() {
                    r.source = first.trim_start_matches('#').trim().to_string();
                }
            }
            ["R", code, name] => r.regions.push((code.to_string(), name.to_string())),
            ["D", code, region, name] => r.departements.push(Departement {
                code: code.to_string(),
                region: region.to_string(),
                name: name.to_string(),
                folded: fold_place(name),
            }),
            ["E", siren, kind, name] => {
                epci_index.insert(siren, r.epcis.len());
                r.epcis.push(Epci {
                    siren: siren.to_string(),
                    kind: kind.to_string(),
                    name: name.to_string(),
                    members: Vec::new(),
                    folded: fold_place(name),
                });
            }
            ["C", insee, name, dep, epci, population, postal] => {
                let index = r.communes.len();
                let epci = if epci.is_empty() {
                    None
                } else {
                    Some(*epci_index.get(epci).ok_or_else(bad)?)
                };
                if let Some(e) = epci {
                    r.epcis[e].members.push(index);
                }
                r.communes.push(Commune {
                    insee: Text::new(insee),
                    name: Text::new(name),
                    departement: Text::new(dep),
                    epci,
                    population: population.parse().map_err(|_| bad())?,
                    postal_codes: postal
                        .split(',')
                        .filter(|p| !p.is_empty())
                        .map(Text::new)
                        .collect(),
                    folded: Text::new(fold_place(name)),
                });
            }
            ["F", kind, code, name, current] => {
                let kind = match *kind {
                    "deleguee" => FormerKind::Deleguee,
                    "associee" => FormerKind::Associee,
                    "arrondissement" => FormerKind::Arrondissement,
                    "ancien_code" => FormerKind::OldCode,
                    _ => return Err(bad()),
                };
                formers.push((kind, code, name, current));
            }
            [""] => {}
            _ => return Err(bad()),
        }
    }
    for (kind, code, name, current) in formers {
        let commune = r
            .commune_index(current)
            .ok_or_else(|| format!("communes.tsv: {code} → unknown {current}"))?;
        r.formers_by_code
            .entry(code.to_string())
            .or_default()
            .push(r.formers.len());
        r.formers.push(Former {
            kind,
            code: code.to_string(),
            name: name.to_string(),
            commune,
            folded: fold_place(name),
        });
    }
    if r.communes.is_empty() || !r.communes.is_sorted_by(|a, b| a.insee < b.insee) {
        return Err("communes.tsv: no commune".into());
    }
    Ok(r)
}
