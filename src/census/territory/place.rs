//! A typed commune resolved with the codes already known beside it: a code
//! INSEE or a postal code chooses between homonyms ("Saint-Martin-des-Champs"
//! with 29250 is the one of the Finistère).

use super::{Referential, Resolution};

impl Referential {
    /// [`Referential::resolve`], then homonyms narrowed by the code INSEE
    /// (current or former) or the postal code given beside the name.
    pub fn place(&self, text: &str, insee: Option<&str>, postal: Option<&str>) -> Resolution {
        let resolution = self.resolve(text);
        let Resolution::Ambiguous(candidates) = &resolution else {
            return resolution;
        };
        let by_insee: Vec<usize> = match insee.map(str::trim).filter(|c| !c.is_empty()) {
            Some(code) => {
                let code = code.to_ascii_uppercase();
                candidates
                    .iter()
                    .copied()
                    .filter(|&i| {
                        self.communes[i].insee == code
                            || self.formers_with_code(&code).any(|f| f.commune == i)
                    })
                    .collect()
            }
            None => Vec::new(),
        };
        if let [one] = by_insee.as_slice() {
            return Resolution::Found {
                commune: *one,
                former: None,
            };
        }
        if let Some(postal) = postal.map(str::trim).filter(|c| !c.is_empty()) {
            let by_postal: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&i| self.communes[i].postal_codes.iter().any(|p| p == postal))
                .collect();
            match by_postal.as_slice() {
                [one] => {
                    return Resolution::Found {
                        commune: *one,
                        former: None,
                    };
                }
                [] => {}
                several => return Resolution::Ambiguous(several.to_vec()),
            }
        }
        resolution
    }
}
