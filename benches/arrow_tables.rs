//! The research tables' stages on the North Atlantic Treaty example and on a generated corpus:
//! building the rows, converting them to Arrow record batches, and writing them as CSV or as
//! Parquet (which converts to Arrow on the way).
//!
//! ```text
//! cargo bench --features parquet --bench arrow_tables
//! ```
//!
//! Each input is parsed once, outside the measurement; the files go to a temporary directory.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use defense_agreements::Dossier;
use defense_agreements::tables::{Format, Options, Tables, WriteOptions};

#[path = "../examples/support/corpus.rs"]
mod corpus;

/// Dossiers of the generated corpus (about 4–5 KB each).
const CORPUS: u64 = 2_000;

fn inputs() -> Vec<(&'static str, Vec<Dossier>)> {
    let path = format!("{}/examples/data/north-atlantic-treaty-1949.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let nato = vec![Dossier::from_json(&text).unwrap_or_else(|e| panic!("{e}"))];
    let generated = (0..CORPUS)
        .map(|n| {
            let g = corpus::generate(1, n, 1, 0).unwrap_or_else(|e| panic!("{e}"));
            Dossier::from_json(&g.json).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect();
    vec![("nato", nato), ("corpus", generated)]
}

fn build(dossiers: &[Dossier]) -> Tables {
    let options = Options::through(2024);
    let mut tables = Tables::default();
    for d in dossiers {
        tables.add(d, &options);
    }
    tables
}

fn stages(c: &mut Criterion) {
    let mut g = c.benchmark_group("arrow_tables");
    g.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(3));
    let dir: PathBuf = std::env::temp_dir().join(format!("arrow-tables-bench-{}", std::process::id()));
    for (name, dossiers) in inputs() {
        let tables = build(&dossiers);
        let rows: usize = tables.counts().iter().map(|(_, n)| n).sum();
        g.throughput(Throughput::Elements(rows as u64));
        g.bench_with_input(BenchmarkId::new("build", name), &dossiers, |b, d| b.iter(|| build(black_box(d))));
        g.bench_with_input(BenchmarkId::new("to_arrow", name), &tables, |b, t| {
            b.iter(|| black_box(t).to_arrow().map(|a| a.len()).unwrap_or_else(|e| panic!("{e}")))
        });
        for format in [Format::Csv, Format::Parquet] {
            g.bench_with_input(BenchmarkId::new(format!("write_{format}"), name), &tables, |b, t| {
                b.iter(|| black_box(t).write_to(&dir, WriteOptions::new(format)).unwrap_or_else(|e| panic!("{e}")))
            });
        }
    }
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, stages);
criterion_main!(benches);
