//! Export benchmarks on generated censuses of 1k, 10k and 100k initiatives:
//! the selection (filters and sort by name), CSV and GeoJSON exports written
//! to a file as `recense export -o` writes them (medians), and the peak heap
//! memory of an export against the census in memory.
//!
//! `cargo bench --bench export` (add `-- 1000 10000` to pick sizes).

mod common;

use common::{measure, median, mib, ms};

use recense::census::query::Filter;
use recense::census::{Schema, store};
use recense::documents::export::{self, Format, Header, Options};
use recense::i18n::Lang;

fn main() {
    let sizes = common::sizes(&[1_000, 10_000, 100_000]);
    let schema = Schema::default_schema();
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "| initiatives | census in memory | select | csv | csv size | geojson | geojson size | peak (select + csv) / census | peak (select + geojson) / census |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let runs = common::runs(n);
        let (census, _, in_memory) = measure(|| recense::dev::generate(&schema, n, 42));
        let filter = Filter::default();
        let options = |format| Options {
            format,
            public: false,
            header: Header::Labels,
            lang: Lang::Fr,
        };
        let select = || export::select(&census, &schema, &filter, "", Lang::Fr);
        let path = |format: Format| dir.path().join(format!("export-{n}.{}", format.id()));
        let write = |format: Format| {
            let selection = select();
            store::write_atomically(&path(format), |w| {
                export::export(&census, &schema, &selection, &options(format), w)
            })
            .expect("export")
        };
        let select_time = median(runs, select);
        // Interleaved, so that a slow moment of this shared machine weighs on
        // both formats alike.
        let mut times = [Vec::new(), Vec::new()];
        for _ in 0..runs {
            times[0].push(median(1, || write(Format::Csv)));
            times[1].push(median(1, || write(Format::Geojson)));
        }
        let [csv, geojson] = times.map(|mut t| {
            t.sort();
            t[t.len() / 2]
        });
        let size = |format| std::fs::metadata(path(format)).expect("size").len() as usize;
        let (_, csv_peak, _) = measure(|| write(Format::Csv));
        let (_, geojson_peak, _) = measure(|| write(Format::Geojson));
        let ratio = |peak: usize| (in_memory + peak) as f64 / in_memory as f64;
        println!(
            "| {n} | {} | {} | {} | {} | {} | {} | {:.2} ({}) | {:.2} ({}) |",
            mib(in_memory),
            ms(select_time),
            ms(csv),
            mib(size(Format::Csv)),
            ms(geojson),
            mib(size(Format::Geojson)),
            ratio(csv_peak),
            mib(csv_peak),
            ratio(geojson_peak),
            mib(geojson_peak),
        );
    }
}
