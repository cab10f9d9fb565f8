//! Merging generated dossiers into one corpus-wide dossier with [`Merger`]: 1,000 and 10,000
//! dossiers, to show the cost per dossier stays flat (linear time overall).
//!
//! ```text
//! cargo bench --bench merge
//! ```
//!
//! The dossiers are the generated corpus of `examples/gen_corpus.rs` (same generator, one block
//! each): every one names states that others name too (joined by their ISO codes and
//! identifiers) and reuses local ids such as `report` or `statement-0` for unrelated records
//! (renamed), so the merge does all of its kinds of work.
//!
//! The second group is the shape of extraction answers: every dossier has the id `report`, so
//! every renamed id and every resolver key repeats (it took 0.12 s for 1,000 and 8.4 s for
//! 10,000 before the merge computed its groups at once).
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use defense_agreements::Dossier;
use defense_agreements::identity::Resolver;
use defense_agreements::merge::Merger;

#[path = "../examples/support/corpus.rs"]
mod corpus;

fn dossiers(count: u64) -> Vec<Dossier> {
    (0..count)
        .map(|n| {
            let g = corpus::generate(2020, n, 1, 0).unwrap_or_else(|e| panic!("{e}"));
            Dossier::from_json(&g.json).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

fn merge_all(all: &[Dossier]) -> usize {
    let mut m = Merger::new(&Resolver::new());
    for d in all {
        m.add(black_box(d));
    }
    m.finish().map(|merged| merged.dossier.actors.len()).unwrap_or(0)
}

fn merge_benches(c: &mut Criterion) {
    let all = dossiers(10_000);
    let mut g = c.benchmark_group("merge");
    g.sample_size(10);
    for n in [1_000usize, 10_000] {
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("{n} dossiers"), |b| b.iter(|| merge_all(&all[..n])));
    }
    g.finish();
    let repeated: Vec<Dossier> = all
        .into_iter()
        .map(|mut d| {
            d.id = "report".parse().unwrap_or_else(|e| panic!("{e}"));
            d
        })
        .collect();
    let mut g = c.benchmark_group("merge, one id for all");
    g.sample_size(10);
    for n in [1_000usize, 10_000] {
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("{n} dossiers"), |b| b.iter(|| merge_all(&repeated[..n])));
    }
    g.finish();
}

criterion_group!(benches, merge_benches);
criterion_main!(benches);
