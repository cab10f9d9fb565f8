//! Resolving disputes under each policy at n, 10n and 100n disputed facts: 10× the facts should
//! cost about 10× the time.
//!
//! ```text
//! cargo bench --bench dispute_policy
//! ```
//!
//! Two shapes: one dispute with n alternatives (one agreement, n rival pledges, each cited by
//! its own source), and n/2 disputes of two alternatives each. Each document is parsed once,
//! outside the measurement.

#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use defense_agreements::{DisputePolicy, Dossier};

const N: usize = 1_000;

/// An agreement with `n` consultation pledges, marked with `n / per` disputes of `per`
/// alternatives, each citing its own source with a grade.
fn disputed_pledges(n: usize, per: usize) -> String {
    let mut s = String::from(
        r#"{"schema_version":"1.0","id":"d","actors":[{"id":"a","name":"A","kind":"state"},{"id":"b","name":"B","kind":"state"}],"agreements":[{"id":"p","title":"P","kind":"defense_pact","parties":[{"actor":"a","role":"party"},{"actor":"b","role":"party"}],"actions":[{"type":"entry_into_force","date":"2000-01-01"}],"obligations":["#,
    );
    for i in 0..n {
        let sep = if i == 0 { "" } else { "," };
        let grade = 1 + i % 6;
        let _ = write!(
            s,
            r#"{sep}{{"type":"consultation","citations":[{{"source":"s{i}","credibility":{grade}}}],"dispute":"d{}"}}"#,
            i / per
        );
    }
    s.push_str(r#"]}],"sources":["#);
    for i in 0..n {
        let sep = if i == 0 { "" } else { "," };
        let _ = write!(s, r#"{sep}{{"id":"s{i}","title":"S","publisher":"P{i}"}}"#);
    }
    s.push_str(r#"],"disputes":["#);
    for k in 0..n.div_ceil(per) {
        let sep = if k == 0 { "" } else { "," };
        let _ = write!(s, r#"{sep}{{"id":"d{k}"}}"#);
    }
    s.push_str("]}");
    s
}

fn dispute_policy(c: &mut Criterion) {
    let mut g = c.benchmark_group("dispute_policy");
    g.sample_size(10).warm_up_time(Duration::from_millis(300)).measurement_time(Duration::from_secs(1));
    for (shape, per) in [("one_dispute", usize::MAX), ("pairs", 2)] {
        for n in [N, 10 * N, 100 * N] {
            let json = disputed_pledges(n, per.min(n));
            let dossier = Dossier::from_json(&json).unwrap_or_else(|e| panic!("{shape}: {e}"));
            g.throughput(Throughput::Elements(n as u64));
            for policy in DisputePolicy::ALL {
                g.bench_with_input(BenchmarkId::new(format!("{shape}/{policy}"), n), &dossier, |b, d| {
                    b.iter(|| black_box(d).resolve(*policy).agreements.len())
                });
            }
        }
    }
    g.finish();
}

criterion_group!(benches, dispute_policy);
criterion_main!(benches);
