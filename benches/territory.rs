//! The official geography: the first lookup (inflate and read the embedded
//! communes), then search as you type, one lookup per key, over the ~35,000
//! communes and ~7,000 former names and codes.
//!
//! `cargo bench --bench territory`

use std::time::{Duration, Instant};

use recense::census::territory::{Referential, referential};

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// What an agent types, one prefix a key.
const TYPED: &[&str] = &[
    "st martin des champs 29",
    "Plougastel-Daoulas",
    "Morlaix",
    "Grenoble",
    "Saint-Martin-d'Hères",
    "29600",
];

fn per_key(r: &Referential) -> Vec<Duration> {
    let mut times = Vec::new();
    for text in TYPED {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        for (k, _) in chars.iter().enumerate() {
            let end = chars.get(k + 1).map_or(text.len(), |(i, _)| *i);
            let t = Instant::now();
            std::hint::black_box(r.search(&text[..end], 12));
            times.push(t.elapsed());
        }
    }
    times
}

fn main() {
    let t = Instant::now();
    let r = referential();
    let first = t.elapsed();
    println!(
        "first lookup (inflate + read {} communes, {} EPCI, {} former names): {}",
        r.communes.len(),
        r.epcis.len(),
        r.formers.len(),
        ms(first)
    );
    let mut all = Vec::new();
    for _ in 0..5 {
        all.extend(per_key(r));
    }
    let max = *all.iter().max().unwrap();
    println!(
        "search as you type: {} keys, median {} per key, slowest {}",
        all.len(),
        ms(median(all)),
        ms(max)
    );
}
