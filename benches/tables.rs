//! The research tables on adversarial shapes, each at two sizes ten times apart in output rows:
//! the ratio of the times shows whether producing the tables is linear in their rows (the
//! target is at most 12× the time for 10× the rows).
//!
//! ```text
//! cargo bench --bench tables
//! ```
//!
//! - `parties_x_obligations`: p parties, p obligations each by one party to all (p = 100, 316:
//!   10× the directed pairs). Each pair once scanned every obligation: p³.
//! - `listed_obligations`: p parties, p obligations each by one party to three named ones.
//! - `long_range`: a bilateral treaty in force since 1001, through 1800 or through 9000.
//! - `many_agreements`: m bilateral treaties of ten years each among 50 states (m = 1 000,
//!   10 000), in one dossier: the state-year table sums over all of them.
//! - `disputed_pledges`: p parties, p² pledges each by one party to the next, all alternatives
//!   of one dispute (p = 100, 316: 10× the pledges and the dyads). Each party's rows once
//!   scanned every disputed pledge for its name: p³.
//!
//! Rows go through [`TableStream`] in batches of 16 384 (as `TableSink::add`) and are counted, not written: the
//! command line's writing is measured with `/usr/bin/time` (docs/performance.md).
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use defense_agreements::Dossier;
use defense_agreements::tables::{Options, TableStream, Tables};

fn actors(n: usize) -> String {
    (0..n).map(|i| format!(r#"{{"id": "a{i}", "name": "A{i}", "kind": "state"}}"#)).collect::<Vec<_>>().join(",")
}

fn parties(ids: impl Iterator<Item = usize>) -> String {
    ids.map(|i| format!(r#"{{"actor": "a{i}", "role": "party"}}"#)).collect::<Vec<_>>().join(",")
}

fn agreement(id: &str, parties: &str, obligations: &str, actions: &str) -> String {
    format!(
        r#"{{"id": "{id}", "title": "T", "kind": "defense_pact", "parties": [{parties}],
            "obligations": [{obligations}], "actions": [{actions}]}}"#
    )
}

fn dossier(actors: &str, agreements: &[String]) -> Dossier {
    let json = format!(
        r#"{{"schema_version": "1.0", "id": "d", "actors": [{actors}], "agreements": [{}]}}"#,
        agreements.join(",")
    );
    Dossier::from_json(&json).unwrap_or_else(|e| panic!("{e}"))
}

const KINDS: [&str; 3] = ["defense", "consultation", "neutrality"];
/// In force for part of one year: one year row per pair.
const ONE_YEAR: &str =
    r#"{"type": "entry_into_force", "date": "2020-01-01"}, {"type": "termination", "date": "2020-06-01"}"#;

fn parties_x_obligations(p: usize) -> Dossier {
    let obligations =
        (0..p).map(|i| format!(r#"{{"type": "{}", "obligors": ["a{i}"]}}"#, KINDS[i % 3])).collect::<Vec<_>>();
    dossier(&actors(p), &[agreement("p", &parties(0..p), &obligations.join(","), ONE_YEAR)])
}

fn listed_obligations(p: usize) -> Dossier {
    let obligations = (0..p)
        .map(|i| {
            let to = [1, 2, 3].map(|d| format!("\"a{}\"", (i + d) % p)).join(",");
            format!(r#"{{"type": "{}", "obligors": ["a{i}"], "beneficiaries": [{to}]}}"#, KINDS[i % 3])
        })
        .collect::<Vec<_>>();
    dossier(&actors(p), &[agreement("p", &parties(0..p), &obligations.join(","), ONE_YEAR)])
}

fn bilateral() -> Dossier {
    let actions = r#"{"type": "entry_into_force", "date": "1001-01-01"}"#;
    dossier(&actors(2), &[agreement("p", &parties(0..2), r#"{"type": "defense"}"#, actions)])
}

fn many_agreements(m: usize) -> Dossier {
    let agreements = (0..m)
        .map(|k| {
            let (a, b) = (k % 50, (k / 50 + k + 1) % 50);
            let b = if a == b { (b + 1) % 50 } else { b };
            let start = 1900 + k % 100;
            let actions = format!(
                r#"{{"type": "entry_into_force", "date": "{start}-01-01"}}, {{"type": "termination", "date": "{}-01-01"}}"#,
                start + 10
            );
            agreement(&format!("t{k}"), &parties([a, b].into_iter()), r#"{"type": "defense"}"#, &actions)
        })
        .collect::<Vec<_>>();
    dossier(&actors(50), &agreements)
}

fn disputed_pledges(p: usize) -> Dossier {
    let obligations = (0..p * p)
        .map(|k| {
            format!(
                r#"{{"type": "defense", "obligors": ["a{}"], "beneficiaries": ["a{}"], "citations": [{{"source": "s{}"}}], "dispute": "d"}}"#,
                k % p,
                (k + 1) % p,
                k % p
            )
        })
        .collect::<Vec<_>>();
    let sources = (0..p).map(|i| format!(r#"{{"id": "s{i}", "title": "S"}}"#)).collect::<Vec<_>>().join(",");
    let json = format!(
        r#"{{"schema_version": "1.0", "id": "d", "actors": [{}], "agreements": [{}], "sources": [{sources}],
            "disputes": [{{"id": "d"}}]}}"#,
        actors(p),
        agreement("p", &parties(0..p), &obligations.join(","), ONE_YEAR)
    );
    Dossier::from_json(&json).unwrap_or_else(|e| panic!("{e}"))
}

/// The rows of `dossier` through `through`, counted batch by batch.
fn rows(dossier: &Dossier, through: i32) -> usize {
    let mut rows = 0;
    let options = Options::checked_through(through).unwrap_or_else(|e| panic!("{e}"));
    let mut stream = TableStream::new(&options, 1 << 14, |batch: &Tables| {
        rows += batch.len();
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|e| panic!("{e}"));
    let _ = stream.add(dossier);
    let _ = stream.finish();
    rows
}

fn tables(c: &mut Criterion) {
    let mut g = c.benchmark_group("tables");
    g.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    let cases: Vec<(&str, usize, Dossier, i32)> = vec![
        ("parties_x_obligations", 100, parties_x_obligations(100), 2024),
        ("parties_x_obligations", 316, parties_x_obligations(316), 2024),
        ("listed_obligations", 100, listed_obligations(100), 2024),
        ("listed_obligations", 316, listed_obligations(316), 2024),
        ("long_range", 800, bilateral(), 1800),
        ("long_range", 8000, bilateral(), 9000),
        ("many_agreements", 1_000, many_agreements(1_000), 2024),
        ("many_agreements", 10_000, many_agreements(10_000), 2024),
        ("disputed_pledges", 100, disputed_pledges(100), 2024),
        ("disputed_pledges", 316, disputed_pledges(316), 2024),
    ];
    for (name, n, dossier, through) in &cases {
        let count = rows(dossier, *through);
        eprintln!("tables/{name}/{n}: {count} rows");
        g.throughput(Throughput::Elements(count as u64));
        g.bench_with_input(BenchmarkId::new(*name, n), dossier, |b, d| b.iter(|| rows(black_box(d), *through)));
    }
    g.finish();
}

criterion_group!(benches, tables);
criterion_main!(benches);
