//! Builds one adversarial shape at one scale and validates it once, for instruction counts.
//!
//! ```text
//! cargo build --release --example adversarial_counts
//! valgrind --tool=callgrind --toggle-collect='adversarial_counts::validate_once' \
//!     target/release/examples/adversarial_counts parent_chain 10000
//! ```
//!
//! Only `validate_once` is counted, so building and parsing the document stay out of the figure.
//! The shapes are those of `benches/adversarial.rs`; `docs/performance.md` has the ratios.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::hint::black_box;

use defense_agreements::Dossier;

#[path = "../benches/support/shapes.rs"]
mod shapes;

/// The measured call: kept out of line so a profiler can count it alone.
#[inline(never)]
fn validate_once(d: &Dossier) -> usize {
    black_box(d).validate().len()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let Some(shape) = shapes::SHAPES.iter().find(|s| s.name == name) else {
        let names: Vec<&str> = shapes::SHAPES.iter().map(|s| s.name).collect();
        eprintln!("usage: adversarial_counts <{}> [n]", names.join("|"));
        std::process::exit(2);
    };
    let json = (shape.build)(n);
    let dossier = match Dossier::from_json(&json) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{name}: {e}");
            std::process::exit(1);
        }
    };
    let problems = validate_once(&dossier);
    println!("{name} n={n} bytes={} problems={problems}", json.len());
}
