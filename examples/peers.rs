//! The Rust side of the peer comparison (`scripts/compare.sh` runs it; see
//! `docs/performance.md`). Single thread, every peer on the same lines in the same run.
//!
//! ```text
//! peers bench CORPUS.jsonl SCHEMA.json [--mb 20] [--reps 7]   # JSON results on stdout
//! peers stream CORPUS.jsonl [--threads N]                     # constant-memory pass, for /usr/bin/time -v
//! peers schema OUT.json                                       # the schema, generated in-process
//! peers once PEER CORPUS.jsonl [SCHEMA.json]                  # one pass of one peer, for callgrind
//! ```
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::fs::File;
use std::hint::black_box;
use std::io::BufReader;
use std::process::ExitCode;
use std::time::Instant;

use defense_agreements::Dossier;
use defense_agreements::jsonl::Reader;
use serde_json::{Value, json};

#[path = "support/corpus.rs"]
mod corpus;

/// The median wall time of `reps` runs of `f`, in seconds.
fn median(reps: usize, mut f: impl FnMut() -> usize) -> f64 {
    let mut times: Vec<f64> = (0..reps.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The first lines of the corpus, up to `mb` megabytes.
fn load(path: &str, mb: u64) -> Result<Vec<String>, String> {
    let file = File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut reader = Reader::new(BufReader::new(file));
    let (mut lines, mut bytes) = (Vec::new(), 0u64);
    while bytes < mb * 1_000_000 {
        match reader.next_line() {
            None => break,
            Some(Err(e)) => return Err(e.to_string()),
            Some(Ok(line)) => {
                bytes += line.len() as u64 + 1;
                lines.push(String::from_utf8_lossy(line).into_owned());
            }
        }
    }
    Ok(lines)
}

fn bench(corpus: &str, schema_path: &str, mb: u64, reps: usize) -> Result<(), String> {
    let lines = load(corpus, mb)?;
    let bytes: u64 = lines.iter().map(|l| l.len() as u64 + 1).sum();
    let schema_text = std::fs::read_to_string(schema_path).map_err(|e| format!("{schema_path}: {e}"))?;
    let schema: Value = serde_json::from_str(&schema_text).map_err(|e| format!("{schema_path}: {e}"))?;
    let validator = jsonschema::validator_for(&schema).map_err(|e| format!("{schema_path}: {e}"))?;
    let parsed: Vec<Dossier> = lines.iter().filter_map(|l| Dossier::from_json(l).ok()).collect();
    let values: Vec<Value> = lines.iter().filter_map(|l| serde_json::from_str(l).ok()).collect();

    let mut results = Vec::new();
    let mut record = |name: &str, docs: usize, seconds: f64| {
        eprintln!("  {name:<28} {:>10.0} docs/s", docs as f64 / seconds);
        results.push(json!({"name": name, "docs": docs, "seconds": seconds}));
    };
    let n = lines.len();
    record(
        "syntax_only",
        n,
        median(reps, || lines.iter().filter(|l| serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok()).count()),
    );
    record("value", n, median(reps, || lines.iter().filter(|l| serde_json::from_str::<Value>(l).is_ok()).count()));
    record("parse", n, median(reps, || lines.iter().filter(|l| Dossier::from_json(l).is_ok()).count()));
    record(
        "parse_validate",
        n,
        median(reps, || lines.iter().filter(|l| Dossier::from_json(l).is_ok_and(|d| d.validate().is_valid())).count()),
    );
    // A stream validates each dossier right after parsing it, while it is in cache: measure
    // validation the same way, over a few hundred dossiers at a time. Over the whole set, most
    // of the time goes to cache misses.
    let hot = &parsed[..parsed.len().min(400)];
    let rounds = parsed.len() / hot.len().max(1);
    record(
        "validate",
        hot.len() * rounds,
        median(reps, || (0..rounds).map(|_| hot.iter().filter(|d| d.validate().is_valid()).count()).sum()),
    );
    record("validate_cold", parsed.len(), median(reps, || parsed.iter().filter(|d| d.validate().is_valid()).count()));
    let mut out = Vec::with_capacity(bytes as usize * 2);
    record(
        "serialize",
        parsed.len(),
        median(reps, || {
            out.clear();
            parsed.iter().filter(|d| d.write_json(&mut out).is_ok()).count()
        }),
    );
    record(
        "jsonschema_crate",
        n,
        median(reps, || {
            lines.iter().filter(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| validator.is_valid(&v))).count()
        }),
    );
    record(
        "jsonschema_crate_validate_only",
        values.len(),
        median(reps, || values.iter().filter(|v| validator.is_valid(v)).count()),
    );
    // Linearity: one dossier at 1x and 10x its size, many times over.
    let mut scaling_bytes = Vec::new();
    for blocks in [1u32, 10] {
        let one = corpus::generate(2020, 7, blocks, 0)?.json;
        scaling_bytes.push(one.len());
        let times = 2000 / blocks as usize;
        let seconds = median(reps, || {
            (0..times).filter(|_| Dossier::from_json(black_box(&one)).is_ok_and(|d| d.validate().is_valid())).count()
        });
        record(&format!("scaling_{blocks}x"), times, seconds);
    }
    let accepted = parsed.iter().filter(|d| d.validate().is_valid()).count();
    let schema_accepted = values.iter().filter(|v| validator.is_valid(v)).count();
    let summary = json!({
        "corpus": corpus, "docs": n, "bytes": bytes, "reps": reps,
        "parsed": parsed.len(), "valid": accepted, "schema_valid": schema_accepted,
        "scaling_bytes": scaling_bytes,
        "results": results,
    });
    println!("{summary}");
    Ok(())
}

/// The streaming pass: one thread reads, parses and validates (`threads` = 1), or
/// `jsonl::map_parallel` spreads the lines over `threads` workers, in input order.
fn stream(path: &str, threads: usize) -> Result<(), String> {
    let file = File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let (mut valid, mut invalid, mut unparsed) = (0u64, 0u64, 0u64);
    let input = BufReader::with_capacity(1 << 16, file);
    let start = Instant::now();
    match std::num::NonZeroUsize::new(threads).filter(|n| n.get() > 1) {
        None => {
            for result in Reader::new(input) {
                match result {
                    Ok(d) if d.validate().is_valid() => valid += 1,
                    Ok(_) => invalid += 1,
                    Err(_) => unparsed += 1,
                }
            }
        }
        Some(n) => {
            let work = |r: Result<Dossier, defense_agreements::Error>| r.map(|d| d.validate().is_valid()).ok();
            defense_agreements::jsonl::map_parallel(input, n, work, |_, verdict| {
                match verdict {
                    Some(true) => valid += 1,
                    Some(false) => invalid += 1,
                    None => unparsed += 1,
                }
                Ok::<(), String>(())
            })?;
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    println!("{valid} valid, {invalid} invalid, {unparsed} unparsable; {seconds:.3} s on {threads} thread(s)");
    Ok(())
}

/// One pass of one peer over the whole file, for instruction counts under
/// `valgrind --tool=callgrind`, where wall time means nothing.
fn once(peer: &str, path: &str, schema_path: Option<&&str>) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let lines = text.lines().filter(|l| !l.trim().is_empty());
    let ok = match peer {
        // Start-up, reading and line splitting alone: subtracted from the others' counts.
        "lines" => lines.count(),
        "syntax_only" => lines.filter(|l| serde_json::from_str::<serde::de::IgnoredAny>(l).is_ok()).count(),
        "value" => lines.filter(|l| serde_json::from_str::<Value>(l).is_ok()).count(),
        "parse" => lines.filter(|l| Dossier::from_json(l).is_ok()).count(),
        "parse_validate" => lines.filter(|l| Dossier::from_json(l).is_ok_and(|d| d.validate().is_valid())).count(),
        "jsonschema_crate" => {
            let schema_path = schema_path.ok_or("jsonschema_crate needs the schema")?;
            let schema_text = std::fs::read_to_string(schema_path).map_err(|e| format!("{schema_path}: {e}"))?;
            let schema: Value = serde_json::from_str(&schema_text).map_err(|e| format!("{schema_path}: {e}"))?;
            let validator = jsonschema::validator_for(&schema).map_err(|e| format!("{schema_path}: {e}"))?;
            lines.filter(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| validator.is_valid(&v))).count()
        }
        _ => return Err(format!("unknown peer '{peer}'")),
    };
    println!("{ok} accepted");
    Ok(())
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str, default: u64| -> Result<u64, String> {
        match args.iter().position(|a| a == name) {
            None => Ok(default),
            Some(i) => {
                let v = args.get(i + 1).ok_or_else(|| format!("{name} needs a value"))?;
                v.parse().map_err(|_| format!("{name}: '{v}' is not a number"))
            }
        }
    };
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["bench", corpus, schema, ..] => bench(corpus, schema, flag("--mb", 20)?, flag("--reps", 7)? as usize),
        ["stream", corpus] => stream(corpus, 1),
        ["stream", corpus, "--threads", n] => stream(corpus, n.parse().map_err(|_| format!("--threads: '{n}'"))?),
        ["once", peer, corpus, schema @ ..] => once(peer, corpus, schema.first()),
        ["schema", out] => {
            let text = serde_json::to_string_pretty(&defense_agreements::schema::dossier_schema())
                .map_err(|e| e.to_string())?;
            std::fs::write(out, text + "\n").map_err(|e| format!("{out}: {e}"))
        }
        _ => {
            Err("usage: peers bench CORPUS SCHEMA [--mb M] [--reps R] | peers stream CORPUS | peers schema OUT".into())
        }
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("peers: {e}");
            ExitCode::FAILURE
        }
    }
}
