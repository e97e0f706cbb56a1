//! Import benchmarks on generated censuses of 1k, 10k and 100k initiatives,
//! exported to CSV as `recense export --format csv` writes it: `import csv`
//! into an empty census (every row created), then the same file again into
//! the census it made (every row found by its id, nothing changes: the
//! idempotent path). Each is the plan then its application, as
//! `recense import` does between loading and saving the census (those are
//! measured by the `census` bench). Medians, and the peak heap memory
//! against the census in memory.
//!
//! `cargo bench --bench import` (add `-- 1000 10000` to pick sizes).

mod common;

use common::{measure, median, mib, ms};

use recense::census::import::{self, Request};
use recense::census::model::Census;
use recense::census::query::Filter;
use recense::census::time::Timestamp;
use recense::census::{Agent, AgentId, Schema, store};
use recense::documents::export::{self, Format, Header, Options};
use recense::i18n::Lang;

/// Plans the import of `request` into `census` and applies it when it
/// changes anything; returns the rows created, updated and left unchanged.
fn import_into(
    census: &mut Census,
    schema: &Schema,
    agent: &Agent,
    request: &Request,
) -> (usize, usize, usize) {
    let now = Timestamp::parse("2027-01-01T10:00:00Z").expect("date");
    let plan = import::plan(census, schema, agent, now, request).expect("plan");
    let c = plan.counts();
    if plan.changes_anything() {
        import::apply(census, schema, agent, now, plan);
    }
    (c.created, c.updated, c.unchanged)
}

fn main() {
    let sizes = common::sizes(&[1_000, 10_000, 100_000]);
    let schema = Schema::default_schema();
    let agent = Agent {
        id: AgentId::parse("bench").expect("agent id"),
        name: "Bench".into(),
    };
    let dir = tempfile::tempdir().expect("temp dir");
    println!(
        "| rows | csv size | census in memory | into an empty census | again, nothing changes | peak (empty) / census | peak (again) / census |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for n in sizes {
        let runs = common::runs(n);
        let generated = recense::dev::generate(&schema, n, 42);
        let path = dir.path().join(format!("import-{n}.csv"));
        let options = Options {
            format: Format::Csv,
            public: false,
            header: Header::Labels,
            lang: Lang::Fr,
        };
        let selection = export::select(&generated, &schema, &Filter::default(), "", Lang::Fr);
        store::write_atomically(&path, |w| {
            export::export(&generated, &schema, &selection, &options, w)
        })
        .expect("export");
        drop(selection);
        let empty = Census::new(
            &generated.territory,
            &generated.schema_id,
            generated.schema_version,
        );
        drop(generated);
        let request = Request {
            format: import::Format::Csv,
            path: path.clone(),
            overrides: Vec::new(),
            defaults: Vec::new(),
            create_likely: false,
            encoding: None,
        };

        // Into an empty census; the census it makes is kept for the rest.
        let fill = || {
            let mut census = empty.clone();
            let counts = import_into(&mut census, &schema, &agent, &request);
            (census, counts)
        };
        let first = median(runs, fill);
        let ((mut census, (created, _, _)), first_peak, _) = measure(fill);
        let in_memory = measure(|| census.clone()).1;

        // The same file again: every row unchanged.
        let mut counts = (0, 0, 0);
        let again = median(runs, || {
            counts = import_into(&mut census, &schema, &agent, &request);
        });
        let (_, again_peak, _) = measure(|| import_into(&mut census, &schema, &agent, &request));
        assert_eq!(counts, (0, 0, created), "importing again changes nothing");

        let ratio = |peak: usize| peak as f64 / in_memory as f64;
        let size = std::fs::metadata(&path).expect("size").len() as usize;
        println!(
            "| {n} ({created} created) | {} | {} | {} | {} | {:.2} ({}) | {:.2} ({}) |",
            mib(size),
            mib(in_memory),
            ms(first),
            ms(again),
            ratio(first_peak),
            mib(first_peak),
            ratio(again_peak),
            mib(again_peak),
        );
    }
}
