//! `xref` on adversarial shapes at n, 10n and 100n: the ratio between sizes shows whether the
//! cost is linear (10× the input should cost about 10× the time).
//!
//! ```text
//! cargo bench --bench xref
//! ```
//!
//! The shapes are in `benches/support/xref_shapes.rs`; `docs/merge.md` has the ratios of a run
//! (and, from `examples/xref_counts.rs`, the instruction counts, which load does not disturb).

#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use defense_agreements::Dossier;
use defense_agreements::xref;

#[path = "support/xref_shapes.rs"]
mod xref_shapes;

const N: usize = 500;

fn xref_benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("xref");
    g.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    for (name, build) in xref_shapes::SHAPES {
        for n in [N, 10 * N, 100 * N] {
            let dossiers = build(n);
            let bytes: usize = dossiers.iter().map(|d| d.to_json().len()).sum();
            let refs: Vec<&Dossier> = dossiers.iter().collect();
            g.throughput(Throughput::Bytes(bytes as u64));
            g.bench_with_input(BenchmarkId::new(name, n), &refs, |b, refs| {
                b.iter(|| xref::candidates(black_box(refs), None).len())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, xref_benches);
criterion_main!(benches);
