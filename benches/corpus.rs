//! Throughput on a generated corpus: parse, validate, parse+validate, serialize, and schema
//! generation, in documents/s and bytes/s.
//!
//! ```text
//! cargo bench --bench corpus
//! ```
//!
//! The corpus is the one `examples/gen_corpus.rs` writes (same seed), generated in memory. A
//! second group measures one dossier made 1× and 10× larger, to show the cost stays linear.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use defense_agreements::Dossier;

#[path = "../examples/support/corpus.rs"]
mod corpus;

/// Enough dossiers to be a corpus, few enough to keep a run short.
const DOCS: u64 = 400;

fn lines(blocks: u32, count: u64, invalid_per_mille: u64) -> Vec<String> {
    (0..count)
        .map(|n| corpus::generate(2020, n, blocks, invalid_per_mille).map(|g| g.json).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn throughput(lines: &[String]) -> Throughput {
    let bytes = lines.iter().map(|l| l.len() as u64 + 1).sum();
    Throughput::ElementsAndBytes { elements: lines.len() as u64, bytes }
}

fn corpus_benches(c: &mut Criterion) {
    let all = lines(1, DOCS, 20);
    let parsed: Vec<Dossier> = all.iter().filter_map(|l| Dossier::from_json(l).ok()).collect();
    let valid: Vec<String> = parsed.iter().map(Dossier::to_json).collect();

    let mut g = c.benchmark_group("corpus");
    g.throughput(throughput(&all));
    g.bench_function("parse", |b| b.iter(|| all.iter().filter(|l| Dossier::from_json(black_box(l)).is_ok()).count()));
    g.bench_function("parse+validate", |b| {
        b.iter(|| {
            all.iter().filter(|l| Dossier::from_json(black_box(l)).is_ok_and(|d| d.validate().is_valid())).count()
        })
    });
    // The parsed dossiers only: measured on the bytes they were parsed from.
    g.throughput(throughput(&valid));
    g.bench_function("validate", |b| b.iter(|| parsed.iter().filter(|d| black_box(d).validate().is_valid()).count()));
    g.bench_function("serialize", |b| {
        let mut out = Vec::with_capacity(valid.iter().map(String::len).sum::<usize>() * 2);
        b.iter(|| {
            out.clear();
            for d in &parsed {
                let _ = black_box(d).write_json(&mut out);
            }
            out.len()
        })
    });
    g.finish();

    let mut g = c.benchmark_group("schema");
    g.throughput(Throughput::Elements(1));
    g.bench_function("dossier_schema", |b| b.iter(defense_agreements::schema::dossier_schema));
    g.finish();

    let mut g = c.benchmark_group("scaling");
    for blocks in [1, 10] {
        let doc = lines(blocks, 1, 0);
        g.throughput(throughput(&doc));
        let id = format!("parse+validate/{blocks}x");
        g.bench_function(id, |b| {
            b.iter_batched(
                || doc[0].as_str(),
                |l| Dossier::from_json(black_box(l)).is_ok_and(|d| d.validate().is_valid()),
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, corpus_benches);
criterion_main!(benches);
