//! The census as a report sees it: personal fields left out when the report
//! is public, values cleaned, and the initiatives in the order they are cited
//! as examples (the best-established first).

use crate::census::model::{Census, Initiative};
use crate::census::schema::{FieldType, Schema};
use crate::census::search::fold;
use crate::census::stats::Figures;
use crate::census::status::{self, Status};
use crate::census::time::Date;
use crate::documents::report::words::{ReportText, count, report_text};
use crate::i18n::Lang;

use super::{Options, Span, clean, safe_url};

/// How many names a list shows before "and N more".
pub const NAMES_SHOWN: usize = 20;
/// How many rows a table of initiatives shows.
pub const ROWS_SHOWN: usize = 40;
/// How many communes the chart of communes shows.
pub const COMMUNES_SHOWN: usize = 20;
/// A quoted argument or detail is cut after this many characters.
pub const QUOTE_MAX: usize = 600;

/// The census as a report sees it.
pub struct View<'a> {
    pub census: &'a Census,
    pub schema: &'a Schema,
    pub lang: Lang,
    pub public: bool,
    pub today: Date,
    pub figures: Figures,
    pub t: &'static ReportText,
    /// Live initiatives that may be cited, best first: supported,
    /// legitimized, met, contacted, spotted, then dormant (gone ones never);
    /// then by score, then by name.
    order: Vec<usize>,
    /// The position of each initiative in `order` (`usize::MAX` when absent).
    rank: Vec<usize>,
}

/// Which statuses come first among examples (lower is better).
fn preference(status: &str) -> Option<u8> {
    match Status::from_id(status) {
        Some(Status::Soutenu) => Some(0),
        Some(Status::Legitime) => Some(1),
        Some(Status::Rencontre) => Some(2),
        Some(Status::Contacte) => Some(3),
        Some(Status::Repere) | None => Some(4),
        Some(Status::EnSommeil) => Some(5),
        Some(Status::Disparu) => None,
    }
}

impl<'a> View<'a> {
    pub fn new(census: &'a Census, schema: &'a Schema, options: &Options) -> View<'a> {
        let figures = super::figures(census, schema, options.today);
        let mut keyed: Vec<(u8, std::cmp::Reverse<u8>, String, usize)> = census
            .initiatives
            .iter()
            .enumerate()
            .filter(|(_, i)| i.is_live())
            .filter_map(|(k, i)| {
                let p = preference(status::current(i))?;
                let score = status::score(schema, i, options.today);
                let name = fold(i.value(&schema.name_field).unwrap_or(""));
                Some((p, std::cmp::Reverse(score), name, k))
            })
            .collect();
        // Ties end on the index, and initiatives are kept sorted by id.
        keyed.sort_unstable();
        let order: Vec<usize> = keyed.into_iter().map(|(_, _, _, k)| k).collect();
        let mut rank = vec![usize::MAX; census.initiatives.len()];
        for (r, &k) in order.iter().enumerate() {
            rank[k] = r;
        }
        View {
            census,
            schema,
            lang: options.lang,
            public: options.public,
            today: options.today,
            figures,
            t: report_text(options.lang),
            order,
            rank,
        }
    }

    pub fn initiative(&self, k: usize) -> &'a Initiative {
        &self.census.initiatives[k]
    }

    /// Whether a field is in the schema and may appear in this report.
    pub fn shown(&self, field: &str) -> bool {
        self.schema
            .field(field)
            .is_some_and(|f| !(self.public && f.personal))
    }

    /// A field's value, cleaned; `None` when empty or not shown.
    pub fn text(&self, i: &Initiative, field: &str) -> Option<String> {
        if !self.shown(field) {
            return None;
        }
        i.value(field)
            .map(|s| clean(s.trim()))
            .filter(|s| !s.is_empty())
    }

    /// A multi-valued field's values; none when not shown.
    pub fn values<'b>(&self, i: &'b Initiative, field: &str) -> Vec<&'b str> {
        if self.shown(field) {
            i.values(field)
        } else {
            Vec::new()
        }
    }

    pub fn has(&self, i: &Initiative, field: &str, value: &str) -> bool {
        self.values(i, field).contains(&value)
    }

    /// The name of an initiative (its id when it has none that may be shown).
    pub fn name(&self, i: &Initiative) -> String {
        self.text(i, &self.schema.name_field)
            .unwrap_or_else(|| i.id.to_string())
    }

    /// The label of a value of a choice field.
    pub fn label(&self, field: &str, id: &str) -> String {
        let list = self
            .schema
            .field(field)
            .and_then(|f| f.field_type.choice_list())
            .unwrap_or("");
        clean(self.schema.choice_label(list, id, self.lang))
    }

    /// The initiative's name, linked to its website when it has one.
    pub fn name_span(&self, i: &Initiative) -> Span {
        let text = self.name(i);
        let site = self
            .schema
            .fields
            .iter()
            .filter(|f| f.field_type == FieldType::Url)
            .find_map(|f| self.text(i, &f.id).filter(|u| safe_url(u)));
        match site {
            Some(url) => Span::Link { text, url },
            None => Span::Text(text),
        }
    }

    /// `Name (Commune)`, the name linked to the website.
    pub fn cited(&self, i: &Initiative) -> Vec<Span> {
        let mut out = vec![self.name_span(i)];
        if let Some(c) = self.text(i, "commune") {
            out.push(Span::Text(format!(" ({c})")));
        }
        out
    }

    /// Who said a quoted text: `Name (Commune)`, plain.
    pub fn source(&self, i: &Initiative) -> String {
        match self.text(i, "commune") {
            Some(c) => format!("{} ({c})", self.name(i)),
            None => self.name(i),
        }
    }

    /// The initiatives that `keep` accepts, best first.
    pub fn by_preference<'b>(
        &'b self,
        keep: impl Fn(&Initiative) -> bool + 'b,
    ) -> impl Iterator<Item = usize> + 'b {
        self.order
            .iter()
            .copied()
            .filter(move |&k| keep(self.initiative(k)))
    }

    /// The best `n` initiatives that `keep` accepts, best first.
    pub fn best(&self, n: usize, keep: impl Fn(&Initiative) -> bool) -> Vec<usize> {
        self.by_preference(keep).take(n).collect()
    }

    /// Whether a field that may be shown has a value.
    pub fn filled(&self, i: &Initiative, field: &str) -> bool {
        self.shown(field) && i.value(field).is_some_and(|s| !s.trim().is_empty())
    }

    /// Sorts initiatives best first; those that may not be cited go last.
    pub fn sort_best(&self, ks: &mut [usize]) {
        ks.sort_by_key(|&k| (self.rank[k], k));
    }

    /// The names of some initiatives, comma-separated, at most
    /// [`NAMES_SHOWN`], then "and N more" (`total` is how many there are).
    pub fn names(&self, ks: &[usize], total: usize, with_commune: bool) -> Vec<Span> {
        let mut out = Vec::new();
        for (n, &k) in ks.iter().take(NAMES_SHOWN).enumerate() {
            if n > 0 {
                out.push(Span::Text(", ".into()));
            }
            let i = self.initiative(k);
            if with_commune {
                out.extend(self.cited(i));
            } else {
                out.push(self.name_span(i));
            }
        }
        let shown = ks.len().min(NAMES_SHOWN);
        if total > shown {
            out.push(Span::Text(format!(", {}", self.and_more(total - shown))));
        }
        out.push(Span::Text(".".into()));
        out
    }

    /// "and N more".
    pub fn and_more(&self, n: usize) -> String {
        count(self.lang, n, self.t.and_more_one, self.t.and_more_many)
    }

    /// Fields through which an initiative is reached: e-mails, phones and,
    /// when the report is not public, the personal fields (contact person).
    fn contact_fields(&self) -> Vec<&'a str> {
        let personal = self.schema.fields.iter().filter(|f| f.personal);
        let generic =
            self.schema.fields.iter().filter(|f| {
                !f.personal && matches!(f.field_type, FieldType::Email | FieldType::Phone)
            });
        personal
            .chain(generic)
            .map(|f| f.id.as_str())
            .filter(|f| self.shown(f))
            .collect()
    }

    /// The contact column of a table, when the schema has contact fields.
    pub fn contact_header(&self) -> Option<String> {
        (!self.contact_fields().is_empty()).then(|| self.t.col_contact.to_string())
    }

    /// How to reach an initiative (see [`View::contact_fields`]).
    pub fn contact(&self, i: &Initiative) -> Vec<Span> {
        let parts: Vec<String> = self
            .contact_fields()
            .iter()
            .filter_map(|f| self.text(i, f))
            .map(|v| crate::census::phone::for_people(&v).into_owned())
            .collect();
        let text = if parts.is_empty() {
            self.t.none.to_string()
        } else {
            parts.join(" · ")
        };
        vec![Span::Text(text)]
    }

    /// Initiatives by position in the census (`Figures` gives ids).
    pub fn positions(&self, ids: &[crate::census::InitiativeId]) -> Vec<usize> {
        ids.iter()
            .filter_map(|id| self.census.position(id))
            .collect()
    }
}

/// A text cut to [`QUOTE_MAX`] characters.
pub fn shortened(s: &str) -> String {
    if s.chars().count() <= QUOTE_MAX {
        return s.to_string();
    }
    let cut: String = s.chars().take(QUOTE_MAX).collect();
    format!("{}…", cut.trim_end())
}
