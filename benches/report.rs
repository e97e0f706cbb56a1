//! Report and stats benchmarks on generated censuses of 1k, 10k and 100k
//! initiatives: medians of the figures (`recense stats`) and of each report
//! (both audiences, Markdown and HTML), the census already loaded.
//!
//! `cargo bench --bench report` (add `-- 1000 10000` to pick sizes).

mod common;

use common::{median, ms};

use recense::census::query::Filter;
use recense::census::time::Date;
use recense::census::{Schema, stats};
use recense::documents::report::{self, Audience, Format, Options};
use recense::i18n::Lang;

fn main() {
    let sizes = common::sizes(&[1_000, 10_000, 100_000]);
    let schema = Schema::default_schema();
    let today = Date::new(2026, 11, 29).expect("a date");
    let options = Options {
        lang: Lang::Fr,
        public: false,
        today,
    };
    println!(
        "{:>8}  {:>10}  {:>10}  {:>10}  {:>10}  {:>10}  {:>9}",
        "size", "stats", "elus md", "elus html", "tech md", "tech html", "html size"
    );
    for size in sizes {
        let census = recense::dev::generate(&schema, size, 1);
        let runs = if size >= 100_000 { 5 } else { 11 };
        let figures = median(runs, || {
            stats::figures(&census, &schema, &Filter::default(), today)
        });
        let mut times = Vec::new();
        let mut html_len = 0;
        for audience in [Audience::Elus, Audience::Techniciens] {
            for format in [Format::Markdown, Format::Html] {
                times.push(median(runs, || {
                    report::report(&census, &schema, audience, format, &options)
                }));
                if audience == Audience::Elus && format == Format::Html {
                    html_len = report::report(&census, &schema, audience, format, &options).len();
                }
            }
        }
        println!(
            "{size:>8}  {:>10}  {:>10}  {:>10}  {:>10}  {:>10}  {:>6} KiB",
            ms(figures),
            ms(times[0]),
            ms(times[1]),
            ms(times[2]),
            ms(times[3]),
            html_len / 1024
        );
    }
}
