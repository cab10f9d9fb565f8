//! Validation time on adversarial shapes at n, 10n and 100n, and the answers of `dossier query`
//! (every section) on the same shapes at n and 10n: the ratio between sizes shows whether the
//! cost is linear (10× the size should cost about 10× the time).
//!
//! ```text
//! cargo bench --bench adversarial
//! cargo bench --bench adversarial -- query    # the answers only
//! ```
//!
//! The shapes are in `benches/support/shapes.rs`; `docs/performance.md` has the ratios of a run.
//! Each document is parsed once, outside the measurement.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use defense_agreements::Dossier;
use defense_agreements::answers::{Questions, write_answers};
use defense_agreements::ids::ActorId;

#[path = "support/shapes.rs"]
mod shapes;

/// The smallest scale; the others are 10× and 100× this.
const N: usize = 1_000;

fn adversarial(c: &mut Criterion) {
    let mut g = c.benchmark_group("adversarial");
    g.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    for shape in shapes::SHAPES {
        for n in [N, 10 * N, 100 * N] {
            let json = (shape.build)(n);
            let dossier = Dossier::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", shape.name));
            g.throughput(Throughput::Bytes(json.len() as u64));
            g.bench_with_input(BenchmarkId::new(shape.name, n), &dossier, |b, d| {
                b.iter(|| black_box(d).validate().len())
            });
        }
    }
    g.finish();
}

/// `dossier query`'s answers about the shapes' first actor. Its signatures section once asked
/// `Dossier::ancestry` (which indexes every actor) for every post of every signer.
fn query(c: &mut Criterion) {
    let mut g = c.benchmark_group("query");
    g.sample_size(10).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    let questions = ActorId::new("a0").map(|a| Questions::new(a, "SYR".parse().unwrap_or_else(|e| panic!("{e}"))));
    let questions = questions.unwrap_or_else(|e| panic!("{e}"));
    for shape in shapes::SHAPES {
        for n in [N, 10 * N] {
            let json = (shape.build)(n);
            let dossier = Dossier::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}", shape.name));
            g.throughput(Throughput::Bytes(json.len() as u64));
            g.bench_with_input(BenchmarkId::new(shape.name, n), &dossier, |b, d| {
                b.iter(|| {
                    let mut out = Vec::new();
                    write_answers(&mut out, std::slice::from_ref(black_box(d)), &questions)
                        .unwrap_or_else(|e| panic!("{e}"));
                    out.len()
                })
            });
        }
    }
    g.finish();
}

criterion_group!(benches, adversarial, query);
criterion_main!(benches);
