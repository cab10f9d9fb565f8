//! The lifecycle views and rules on one large agreement: 1,000 parties and 10,000 actions, and
//! the same history at a tenth and at twice the size, to show the cost grows linearly (or
//! n log n) with the acts and parties.
//!
//! ```text
//! cargo bench --bench lifecycle
//! ```
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use defense_agreements::Dossier;
use defense_agreements::ids::ActorId;
use serde_json::json;

/// A dossier with one agreement of `parties` parties and `actions` acts: signature, entry into
/// force, then each party in turn suspends toward its neighbour, resumes, suspends toward all,
/// resumes, withdraws and accedes again, one act a day. The history is valid.
fn dossier(parties: usize, actions: usize) -> Dossier {
    let start = NaiveDate::from_ymd_opt(1951, 1, 1).unwrap_or_default();
    let day = |k: usize| start + chrono::Days::new(k as u64);
    let name = |i: usize| format!("p{i}");
    let mut acts = vec![
        json!({"type": "signature", "date": "1950-01-01"}),
        json!({"type": "entry_into_force", "date": "1950-06-01"}),
    ];
    for k in 0..actions.saturating_sub(2) {
        let p = k % parties;
        let date = day(k).to_string();
        let next = name((p + 1) % parties);
        acts.push(match (k / parties) % 6 {
            0 => json!({"type": "suspension", "date": date, "party": name(p), "toward": [next]}),
            1 => json!({"type": "resumption", "date": date, "party": name(p), "toward": [next]}),
            2 => json!({"type": "suspension", "date": date, "party": name(p)}),
            3 => json!({"type": "resumption", "date": date, "party": name(p)}),
            4 => json!({"type": "withdrawal", "date": date, "party": name(p), "effective": day(k + 30).to_string()}),
            _ => json!({"type": "accession", "date": date, "party": name(p)}),
        });
    }
    let doc = json!({
        "schema_version": "1.0",
        "id": "bench",
        "actors": (0..parties).map(|i| json!({"id": name(i), "name": "State", "kind": "state"})).collect::<Vec<_>>(),
        "agreements": [{
            "id": "big", "title": "A large treaty", "kind": "defense_pact",
            "parties": (0..parties).map(|i| json!({"actor": name(i), "role": "party"})).collect::<Vec<_>>(),
            "actions": acts,
            "citations": [{"source": "s"}]
        }],
        "sources": [{"id": "s", "title": "Generated"}]
    });
    Dossier::from_json(&doc.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

fn lifecycle_benches(c: &mut Criterion) {
    for (parties, actions) in [(100, 1_000), (1_000, 10_000), (2_000, 20_000)] {
        let d = dossier(parties, actions);
        let report = d.validate();
        assert!(report.is_valid(), "{report}");
        let a = &d.agreements[0];
        let ids: Vec<ActorId> = a.parties.iter().map(|p| p.actor.clone()).collect();
        let on = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let mut g = c.benchmark_group(format!("lifecycle/{parties}x{actions}"));
        g.throughput(Throughput::Elements(actions as u64));
        g.bench_function("replay", |b| b.iter(|| black_box(a).lifecycle().timeline().len()));
        g.bench_function("replay+is_bound(all parties)", |b| {
            b.iter(|| {
                let life = black_box(a).lifecycle();
                ids.iter().filter(|p| life.is_bound(p, on)).count()
            })
        });
        g.bench_function("replay+is_bound_toward(each to next)", |b| {
            b.iter(|| {
                let life = black_box(a).lifecycle();
                ids.iter().zip(ids.iter().cycle().skip(1)).filter(|(x, y)| life.is_bound_toward(x, y, on)).count()
            })
        });
        g.bench_function("replay+binding_intervals(all parties)", |b| {
            b.iter(|| {
                let life = black_box(a).lifecycle();
                ids.iter().map(|p| life.binding_intervals(p).len()).sum::<usize>()
            })
        });
        g.bench_function("validate", |b| b.iter(|| black_box(&d).validate().len()));
        g.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = lifecycle_benches
}
criterion_main!(benches);
