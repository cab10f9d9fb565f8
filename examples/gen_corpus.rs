//! Writes a deterministic corpus of generated dossiers as JSON Lines, for benchmarks and tests
//! at scale.
//!
//! ```text
//! cargo run --release --example gen_corpus -- N out.jsonl [--seed S] [--blocks B] [--invalid PER_MILLE]
//! ```
//!
//! The same arguments always give the same bytes. Each dossier is about 4–5 KB of compact JSON
//! (times `--blocks`, default 1) and about 2 % (`--invalid 20`, per mille) carry one known
//! defect: some fail parsing, some fail validation. A summary of the defects goes to standard
//! error.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

#[path = "support/corpus.rs"]
mod corpus;

use corpus::Defect;

struct Args {
    count: u64,
    out: String,
    seed: u64,
    blocks: u32,
    invalid: u64,
}

fn parse_args() -> Result<Args, String> {
    let usage = "usage: gen_corpus N OUT.jsonl [--seed S] [--blocks B] [--invalid PER_MILLE]";
    let mut positional = Vec::new();
    let (mut seed, mut blocks, mut invalid) = (2020, 1, 20);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| -> Result<u64, String> {
            let v = args.next().ok_or_else(|| format!("{name} needs a value\n{usage}"))?;
            v.parse().map_err(|_| format!("{name}: '{v}' is not a number\n{usage}"))
        };
        match arg.as_str() {
            "--seed" => seed = value("--seed")?,
            "--blocks" => blocks = u32::try_from(value("--blocks")?).map_err(|e| e.to_string())?,
            "--invalid" => invalid = value("--invalid")?.min(1000),
            _ => positional.push(arg),
        }
    }
    let [count, out] = positional.as_slice() else { return Err(usage.into()) };
    let count = count.parse().map_err(|_| format!("N: '{count}' is not a number\n{usage}"))?;
    Ok(Args { count, out: out.clone(), seed, blocks: blocks.max(1), invalid })
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let file = File::create(&args.out).map_err(|e| format!("{}: {e}", args.out))?;
    let mut out = BufWriter::new(file);
    let mut counts = vec![0u64; Defect::ALL.len()];
    let (mut bytes, mut valid) = (0u64, 0u64);
    for n in 0..args.count {
        let g = corpus::generate(args.seed, n, args.blocks, args.invalid)?;
        writeln!(out, "{}", g.json).map_err(|e| e.to_string())?;
        bytes += g.json.len() as u64 + 1;
        match Defect::ALL.iter().position(|&d| d == g.defect) {
            Some(i) => counts[i] += 1,
            None => valid += 1,
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    eprintln!(
        "{}: {} dossiers, {bytes} bytes ({} bytes each on average), {valid} valid",
        args.out,
        args.count,
        bytes / args.count.max(1)
    );
    for (d, n) in Defect::ALL.iter().zip(counts) {
        let stage = if d.fails_parse() { "parse" } else { "validate" };
        eprintln!("  {n:>8} {d:?} (fails {stage}: {})", d.code());
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}
