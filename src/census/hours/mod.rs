//! Opening hours as agents write them in French (`mardi 14h-18h, samedi
//! 10h-12h`, `du lundi au vendredi 9h-12h`, `lun-ven 9h-12h et 14h-17h`,
//! `fermé le dimanche`…), read into OpenStreetMap `opening_hours` syntax,
//! the form stored. See docs/french-formats.md.
//!
//! The text is cut into words (days, times, `du`/`au`/`à`/`-` for ranges,
//! `,`/`et`/`/` between items, `;` or a new line between rules, `fermé`,
//! `jours fériés`, `tous les jours`, `sauf`, `24h/24`, `7j/7`); days gather
//! until times (or `fermé`) close a rule. A word it cannot place is the
//! error's `part`, in the person's own spelling.

use crate::census::value::ValueError;

#[cfg(test)]
mod tests;

const OSM_DAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// Day names and abbreviations (folded), French first, then OSM's.
const DAY_WORDS: [(&str, u8); 34] = [
    ("lundi", 0),
    ("lundis", 0),
    ("lun", 0),
    ("lu", 0),
    ("mardi", 1),
    ("mardis", 1),
    ("mar", 1),
    ("ma", 1),
    ("mercredi", 2),
    ("mercredis", 2),
    ("mer", 2),
    ("me", 2),
    ("jeudi", 3),
    ("jeudis", 3),
    ("jeu", 3),
    ("je", 3),
    ("vendredi", 4),
    ("vendredis", 4),
    ("ven", 4),
    ("ve", 4),
    ("samedi", 5),
    ("samedis", 5),
    ("sam", 5),
    ("sa", 5),
    ("dimanche", 6),
    ("dimanches", 6),
    ("dim", 6),
    ("di", 6),
    ("mo", 0),
    ("tu", 1),
    ("we", 2),
    ("th", 3),
    ("fr", 4),
    ("su", 6),
];

/// Words that carry no meaning here.
const FILLERS: [&str; 11] = [
    "du", "de", "d", "le", "les", "la", "l", "ouvert", "ouverte", "ouverts", "horaires",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Day(u8),
    /// Minutes since midnight.
    Time(u32),
    /// `du … au`, `de … à`, `-`.
    Range,
    /// `,`, `et`, `/`: the next item of a list.
    Soft,
    /// `;`, a new line: the next rule.
    Hard,
    Closed,
    Holidays,
    EveryDay,
    AllDay,
    Except,
}

/// A word and where it is in the text (characters).
#[derive(Debug, Clone, Copy)]
struct Word {
    tok: Tok,
    start: usize,
    end: usize,
}

fn fold(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        '–' | '—' | '‑' => '-',
        '\u{a0}' | '\u{202f}' => ' ',
        c => c.to_ascii_lowercase(),
    }
}

/// `9h`, `9h30`, `09:00`, `9` (an hour), `midi`, `minuit`.
fn time(word: &str) -> Option<u32> {
    match word {
        "midi" => return Some(12 * 60),
        "minuit" => return Some(24 * 60),
        _ => {}
    }
    let (h, m) = match word.find(['h', ':']) {
        Some(k) => (&word[..k], &word[k + 1..]),
        None => (word, ""),
    };
    let h: u32 = h.parse().ok().filter(|_| (1..=2).contains(&h.len()))?;
    let m: u32 = if m.is_empty() {
        0
    } else {
        m.parse().ok().filter(|_| m.len() == 2)?
    };
    (h < 24 && m < 60 || h == 24 && m == 0).then_some(h * 60 + m)
}

fn words(text: &[char]) -> Result<Vec<Word>, (usize, usize)> {
    let folded: Vec<char> = text.iter().copied().map(fold).collect();
    let mut out = Vec::new();
    let mut i = 0;
    let push = |out: &mut Vec<Word>, tok, start, end| out.push(Word { tok, start, end });
    while i < folded.len() {
        let c = folded[i];
        if c == ' ' || c == '\t' || c == ':' || c == '.' || c == '(' || c == ')' {
            i += 1;
            continue;
        }
        let single = match c {
            '-' => Some(Tok::Range),
            ',' | '/' | '&' | '+' => Some(Tok::Soft),
            ';' | '\n' | '\r' => Some(Tok::Hard),
            _ => None,
        };
        if let Some(tok) = single {
            push(&mut out, tok, i, i + 1);
            i += 1;
            continue;
        }
        // A word: letters and digits (and `h`/`:` inside a time).
        let start = i;
        let digit = c.is_ascii_digit();
        while i < folded.len() {
            let d = folded[i];
            let inside = d.is_alphanumeric() || d == '\'' || (digit && d == ':');
            if !inside {
                break;
            }
            i += 1;
        }
        // `9 h 30`: a lone `h` after a number belongs to it.
        let mut end = i;
        if digit {
            let mut j = i;
            while j < folded.len() && folded[j] == ' ' {
                j += 1;
            }
            if j < folded.len()
                && folded[j] == 'h'
                && !folded.get(j + 1).is_some_and(|x| x.is_alphabetic())
            {
                let mut k = j + 1;
                while k < folded.len() && folded[k] == ' ' {
                    k += 1;
                }
                let mut e = k;
                while e < folded.len() && folded[e].is_ascii_digit() {
                    e += 1;
                }
                end = if e > k { e } else { j + 1 };
                i = end;
            }
        }
        if start == i {
            return Err((start, start + 1));
        }
        let word: String = folded[start..end].iter().filter(|c| **c != ' ').collect();
        let word = word.trim_start_matches("l'").trim_start_matches("d'");
        let tok = if digit {
            // `24h/24` and `7j/7`.
            let next: String = folded[end..].iter().take(3).collect();
            if (word == "24h" || word == "24") && next.starts_with("/24") {
                i = end + 3;
                end = i;
                Some(Tok::AllDay)
            } else if (word == "7j" || word == "7") && next.starts_with("/7") {
                i = end + 2;
                end = i;
                Some(Tok::EveryDay)
            } else {
                time(word).map(Tok::Time)
            }
        } else if let Some((_, d)) = DAY_WORDS.iter().find(|(w, _)| *w == word) {
            Some(Tok::Day(*d))
        } else {
            match word {
                "au" | "a" | "jusqu'a" | "jusqu'au" => Some(Tok::Range),
                "et" => Some(Tok::Soft),
                "ferme" | "fermee" | "fermes" | "fermees" | "fermeture" => Some(Tok::Closed),
                "feries" | "ferie" | "jf" | "ph" => Some(Tok::Holidays),
                "tous" | "chaque" | "tlj" => Some(Tok::EveryDay),
                "jours" | "jour" => None,
                "sauf" => Some(Tok::Except),
                "midi" | "minuit" => time(word).map(Tok::Time),
                w if FILLERS.contains(&w) => None,
                _ => return Err((start, end)),
            }
        };
        // `jours` alone (`tous les jours`, `jours fériés`) says nothing more.
        if let Some(tok) = tok {
            push(&mut out, tok, start, end);
        } else if digit {
            return Err((start, end));
        }
    }
    Ok(out)
}

/// One rule being read.
#[derive(Debug, Default)]
struct Rule {
    days: u8,
    holidays: bool,
    spans: Vec<(u32, u32)>,
    closed: bool,
    /// The body (times, `fermé`) came after the days: a new day starts a
    /// new rule.
    body_after_days: bool,
    /// Days came after the body (`9h-12h du lundi au vendredi`): new times
    /// start a new rule.
    days_after_body: bool,
    /// After `sauf`: days are taken out.
    except: bool,
    start: usize,
}

impl Rule {
    fn is_empty(&self) -> bool {
        self.days == 0 && !self.holidays && self.spans.is_empty() && !self.closed
    }

    fn has_body(&self) -> bool {
        !self.spans.is_empty() || self.closed
    }

    fn osm(&self) -> String {
        let mut sel: Vec<String> = Vec::new();
        let mut d = 0;
        while d < 7 {
            if self.days & (1 << d) == 0 {
                d += 1;
                continue;
            }
            let mut e = d;
            while e + 1 < 7 && self.days & (1 << (e + 1)) != 0 {
                e += 1;
            }
            sel.push(match e - d {
                0 => OSM_DAYS[d].to_string(),
                1 => format!("{},{}", OSM_DAYS[d], OSM_DAYS[e]),
                _ => format!("{}-{}", OSM_DAYS[d], OSM_DAYS[e]),
            });
            d = e + 1;
        }
        if self.holidays {
            sel.push("PH".into());
        }
        let body = if self.closed {
            "off".to_string()
        } else if self.days == 0x7f && !self.holidays && self.spans == [(0, 24 * 60)] {
            return "24/7".into();
        } else {
            let hm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
            self.spans
                .iter()
                .map(|(a, b)| format!("{}-{}", hm(*a), hm(*b)))
                .collect::<Vec<_>>()
                .join(",")
        };
        if sel.is_empty() {
            body
        } else {
            format!("{} {body}", sel.join(","))
        }
    }
}

/// Reads French opening hours into OpenStreetMap syntax; the error names
/// the part it could not read (as typed).
pub fn french_to_osm(text: &str) -> Result<String, ValueError> {
    let chars: Vec<char> = text.chars().collect();
    let part = |a: usize, b: usize| ValueError::OpeningHours {
        part: chars[a.min(chars.len())..b.min(chars.len())]
            .iter()
            .collect::<String>()
            .trim()
            .to_string(),
    };
    let words = words(&chars).map_err(|(a, b)| part(a, b))?;
    let mut rules: Vec<String> = Vec::new();
    let mut rule = Rule::default();
    let mut last: Option<Tok> = None;
    let mut pending_time: Option<(u32, usize)> = None;
    let mut range_from: Option<u8> = None;
    let finish = |rule: &mut Rule, end: usize, rules: &mut Vec<String>| {
        if rule.is_empty() {
            return Ok(());
        }
        if !rule.has_body() {
            return Err(part(rule.start, end));
        }
        rules.push(rule.osm());
        *rule = Rule::default();
        Ok(())
    };
    for w in &words {
        if rule.is_empty() && !matches!(w.tok, Tok::Hard | Tok::Soft) {
            rule.start = w.start;
        }
        match w.tok {
            Tok::Day(d) => {
                if pending_time.is_some() {
                    return Err(part(w.start, w.end));
                }
                if rule.has_body() && rule.body_after_days {
                    finish(&mut rule, w.start, &mut rules)?;
                    rule.start = w.start;
                } else if rule.has_body() {
                    rule.days_after_body = true;
                }
                let bits = match range_from.take() {
                    Some(from) if from <= d => (from..=d).fold(0u8, |b, x| b | 1 << x),
                    Some(from) => (from..7).chain(0..=d).fold(0u8, |b, x| b | 1 << x),
                    None => 1 << d,
                };
                if rule.except {
                    rule.days &= !bits;
                } else {
                    rule.days |= bits;
                }
            }
            Tok::Range => match last {
                Some(Tok::Day(d)) => {
                    // The day just added opens the range.
                    range_from = Some(d);
                    if !rule.except {
                        rule.days &= !(1 << d);
                    }
                }
                Some(Tok::Time(_)) if pending_time.is_some() => {}
                // `du lundi`: `du` is a filler, `au` the range.
                _ => return Err(part(w.start, w.end)),
            },
            Tok::Time(t) => {
                if rule.closed && !rule.body_after_days {
                    return Err(part(w.start, w.end));
                }
                match (pending_time.take(), last) {
                    (Some((a, _)), Some(Tok::Range)) => {
                        if t <= a && t != 0 {
                            return Err(part(w.start, w.end));
                        }
                        rule.spans.push((a, if t == 0 { 24 * 60 } else { t }));
                        rule.body_after_days = rule.days != 0 || rule.holidays;
                    }
                    (Some((_, s)), _) => return Err(part(s, w.end)),
                    (None, _) => {
                        if rule.days_after_body {
                            finish(&mut rule, w.start, &mut rules)?;
                            rule.start = w.start;
                        }
                        pending_time = Some((t, w.start));
                    }
                }
            }
            Tok::Soft | Tok::Hard => {
                if let Some((_, s)) = pending_time {
                    return Err(part(s, w.end));
                }
                if range_from.is_some() {
                    return Err(part(w.start, w.end));
                }
                if w.tok == Tok::Hard {
                    finish(&mut rule, w.start, &mut rules)?;
                }
            }
            Tok::Closed => {
                if !rule.spans.is_empty() {
                    finish(&mut rule, w.start, &mut rules)?;
                    rule.start = w.start;
                }
                rule.body_after_days = rule.days != 0 || rule.holidays;
                rule.closed = true;
            }
            Tok::Holidays => {
                if rule.has_body() && rule.body_after_days {
                    finish(&mut rule, w.start, &mut rules)?;
                    rule.start = w.start;
                }
                rule.holidays = true;
            }
            Tok::EveryDay => {
                if rule.has_body() && rule.body_after_days {
                    finish(&mut rule, w.start, &mut rules)?;
                    rule.start = w.start;
                }
                rule.days = 0x7f;
            }
            Tok::AllDay => {
                rule.spans.push((0, 24 * 60));
                rule.body_after_days = rule.days != 0;
            }
            Tok::Except => {
                if rule.days == 0 {
                    rule.days = 0x7f;
                }
                rule.except = true;
            }
        }
        last = Some(w.tok);
    }
    if let Some((_, s)) = pending_time {
        return Err(part(s, chars.len()));
    }
    if range_from.is_some() {
        return Err(part(rule.start, chars.len()));
    }
    finish(&mut rule, chars.len(), &mut rules)?;
    if rules.is_empty() {
        return Err(ValueError::Empty);
    }
    Ok(rules.join("; "))
}
