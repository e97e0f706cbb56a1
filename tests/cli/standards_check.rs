//! A small checker of the constraints the standards' own schema files state,
//! read from those files (tests/fixtures/standards/):
//!
//! - Frictionless Table Schema (mednum): the header is the fields in order;
//!   `required`, `unique` (and the primary key), types `number` and `date`,
//!   `pattern` (matched against the *whole* value, as Frictionless and XML
//!   Schema patterns are), `maxLength`/`minLength`; an empty cell is a
//!   missing value, which only `required` looks at.
//! - JSON Schema (data·inclusion): `type`, `anyOf`, `$ref` to `$defs`,
//!   `enum`, `required`, `properties`, `items`, `uniqueItems`,
//!   `minLength`/`maxLength` (in characters), `pattern` (found *anywhere* in
//!   the value, as JSON Schema says; the schema anchors its own), `format`
//!   `email`, `uri` and `date`.

use std::collections::HashSet;
use std::path::Path;

use regex_lite::Regex;
use serde_json::Value as Json;

fn read_json(path: &Path) -> Json {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `YYYY-MM-DD`, a real calendar day.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

pub fn is_email(s: &str) -> bool {
    Regex::new(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
        .expect("email pattern")
        .is_match(s)
}

pub fn is_uri(s: &str) -> bool {
    Regex::new(r"^[A-Za-z][A-Za-z0-9+.-]*://[!-~]+$")
        .expect("uri pattern")
        .is_match(s)
}

/// One field of a Frictionless Table Schema.
struct Field {
    name: String,
    kind: String,
    required: bool,
    unique: bool,
    pattern: Option<Regex>,
    min_len: Option<usize>,
    max_len: Option<usize>,
}

/// A Frictionless Table Schema, for CSV files.
pub struct TableSchema {
    fields: Vec<Field>,
}

impl TableSchema {
    pub fn load(path: &Path) -> TableSchema {
        let json = read_json(path);
        let primary = json["primaryKey"].as_str().unwrap_or_default().to_string();
        let fields = json["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .map(|f| {
                let c = &f["constraints"];
                let name = f["name"].as_str().expect("name").to_string();
                Field {
                    required: c["required"].as_bool().unwrap_or(false) || name == primary,
                    unique: c["unique"].as_bool().unwrap_or(false) || name == primary,
                    pattern: c["pattern"].as_str().map(|p| {
                        Regex::new(&format!("^(?:{p})$"))
                            .unwrap_or_else(|e| panic!("pattern of {name}: {e}"))
                    }),
                    min_len: c["minLength"].as_u64().map(|n| n as usize),
                    max_len: c["maxLength"].as_u64().map(|n| n as usize),
                    kind: f["type"].as_str().unwrap_or("string").to_string(),
                    name,
                }
            })
            .collect();
        TableSchema { fields }
    }

    pub fn names(&self) -> Vec<&str> {
        self.fields.iter().map(|f| f.name.as_str()).collect()
    }

    /// Every violation in a CSV text (`,`-separated, with a header).
    pub fn check_csv(&self, text: &str) -> Vec<String> {
        let mut errors = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b',')
            .from_reader(text.as_bytes());
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(String::from)
            .collect();
        if header != self.names() {
            errors.push(format!("header {header:?} is not the fields in order"));
        }
        let mut seen: Vec<HashSet<String>> = vec![HashSet::new(); self.fields.len()];
        for (n, record) in reader.records().enumerate() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    errors.push(format!("row {}: {e}", n + 1));
                    continue;
                }
            };
            if record.len() != self.fields.len() {
                errors.push(format!("row {}: {} cells", n + 1, record.len()));
            }
            for (i, f) in self.fields.iter().enumerate() {
                let value = record.get(i).unwrap_or_default();
                let at = format!("row {}, {}", n + 1, f.name);
                if value.is_empty() {
                    if f.required {
                        errors.push(format!("{at}: required"));
                    }
                    continue;
                }
                match f.kind.as_str() {
                    "number" if value.trim().parse::<f64>().is_err() => {
                        errors.push(format!("{at}: {value:?} is not a number"))
                    }
                    "date" if !is_date(value) => {
                        errors.push(format!("{at}: {value:?} is not a date"))
                    }
                    _ => {}
                }
                if let Some(re) = &f.pattern
                    && !re.is_match(value)
                {
                    errors.push(format!("{at}: {value:?} does not match the pattern"));
                }
                let len = value.chars().count();
                if f.max_len.is_some_and(|m| len > m) {
                    errors.push(format!("{at}: {len} characters, more than allowed"));
                }
                if f.min_len.is_some_and(|m| len < m) {
                    errors.push(format!("{at}: {len} characters, fewer than allowed"));
                }
                if f.unique && !seen[i].insert(value.to_string()) {
                    errors.push(format!("{at}: {value:?} is not unique"));
                }
            }
        }
        errors
    }
}

/// A JSON Schema document, for JSON instances.
pub struct JsonSchema {
    root: Json,
}

impl JsonSchema {
    pub fn load(path: &Path) -> JsonSchema {
        JsonSchema {
            root: read_json(path),
        }
    }

    /// Every violation of one instance.
    pub fn check(&self, instance: &Json) -> Vec<String> {
        let mut errors = Vec::new();
        self.validate(&self.root, instance, "$", &mut errors);
        errors
    }

    fn resolve<'a>(&'a self, schema: &'a Json) -> &'a Json {
        match schema["$ref"].as_str() {
            Some(r) => {
                let name = r.strip_prefix("#/$defs/").expect("local $ref");
                &self.root["$defs"][name]
            }
            None => schema,
        }
    }

    fn validate(&self, schema: &Json, v: &Json, at: &str, errors: &mut Vec<String>) {
        let schema = self.resolve(schema);
        if let Some(branches) = schema["anyOf"].as_array() {
            let ok = branches.iter().any(|b| {
                let mut e = Vec::new();
                self.validate(b, v, at, &mut e);
                e.is_empty()
            });
            if !ok {
                errors.push(format!("{at}: {v} matches no branch of anyOf"));
            }
        }
        if let Some(t) = schema["type"].as_str() {
            let ok = match t {
                "string" => v.is_string(),
                "number" => v.is_number(),
                "integer" => v.is_i64() || v.is_u64(),
                "null" => v.is_null(),
                "array" => v.is_array(),
                "object" => v.is_object(),
                "boolean" => v.is_boolean(),
                _ => false,
            };
            if !ok {
                errors.push(format!("{at}: {v} is not of type {t}"));
                return;
            }
        }
        if let Some(values) = schema["enum"].as_array()
            && !values.contains(v)
        {
            errors.push(format!("{at}: {v} is not in the enum"));
        }
        if let Some(s) = v.as_str() {
            let len = s.chars().count();
            if schema["minLength"]
                .as_u64()
                .is_some_and(|m| (len as u64) < m)
            {
                errors.push(format!("{at}: shorter than minLength"));
            }
            if schema["maxLength"]
                .as_u64()
                .is_some_and(|m| (len as u64) > m)
            {
                errors.push(format!("{at}: longer than maxLength"));
            }
            if let Some(p) = schema["pattern"].as_str()
                && !Regex::new(p).expect("pattern").is_match(s)
            {
                errors.push(format!("{at}: {s:?} does not match {p}"));
            }
            let format_ok = match schema["format"].as_str() {
                Some("email") => is_email(s),
                Some("uri") => is_uri(s),
                Some("date") => is_date(s),
                _ => true,
            };
            if !format_ok {
                errors.push(format!("{at}: {s:?} is not a valid {}", schema["format"]));
            }
        }
        if let Some(items) = v.as_array() {
            if schema["uniqueItems"].as_bool() == Some(true) {
                let mut seen = HashSet::new();
                if !items.iter().all(|i| seen.insert(i.to_string())) {
                    errors.push(format!("{at}: items are not unique"));
                }
            }
            if schema.get("items").is_some() {
                for (n, item) in items.iter().enumerate() {
                    self.validate(&schema["items"], item, &format!("{at}[{n}]"), errors);
                }
            }
        }
        if let Some(object) = v.as_object() {
            for key in schema["required"].as_array().into_iter().flatten() {
                let key = key.as_str().unwrap_or_default();
                if !object.contains_key(key) {
                    errors.push(format!("{at}: required {key} missing"));
                }
            }
            if let Some(props) = schema["properties"].as_object() {
                for (key, value) in object {
                    if let Some(s) = props.get(key) {
                        self.validate(s, value, &format!("{at}.{key}"), errors);
                    }
                }
            }
        }
    }
}
