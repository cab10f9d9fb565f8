//! Builds one adversarial shape for `xref` at one scale and runs xref once, for instruction
//! counts.
//!
//! ```text
//! cargo build --release --example xref_counts
//! valgrind --tool=callgrind --toggle-collect='xref_counts::xref_once' \
//!     target/release/examples/xref_counts other_names 5000
//! ```
//!
//! Only `xref_once` is counted, so building the dossiers stays out of the figure. The shapes
//! are those of `benches/xref.rs`; `docs/merge.md` has the ratios.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::hint::black_box;

use defense_agreements::Dossier;
use defense_agreements::xref;

#[path = "../benches/support/xref_shapes.rs"]
mod xref_shapes;

/// The measured call: kept out of line so a profiler can count it alone.
#[inline(never)]
fn xref_once(dossiers: &[&Dossier]) -> usize {
    xref::candidates(black_box(dossiers), None).len()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500);
    let Some((_, build)) = xref_shapes::SHAPES.iter().find(|(s, _)| *s == name) else {
        let names: Vec<&str> = xref_shapes::SHAPES.iter().map(|(s, _)| *s).collect();
        eprintln!("usage: xref_counts <{}> [n]", names.join("|"));
        std::process::exit(2);
    };
    let dossiers = build(n);
    let bytes: usize = dossiers.iter().map(|d| d.to_json().len()).sum();
    let refs: Vec<&Dossier> = dossiers.iter().collect();
    let candidates = xref_once(&refs);
    println!("{name} n={n} bytes={bytes} candidates={candidates}");
}
