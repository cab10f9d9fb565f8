//! Merge dossiers into one, following a resolver's judgements.
//!
//! ```text
//! cargo run --example merge -- [--resolver RESOLVER.json] [--report] FILE...
//! ```
//!
//! Prints the merged dossier (indented JSON) on standard output, and the report of every
//! merge, rename, added name and conflict on standard error (`--report` prints the report as
//! JSON on standard output instead of the dossier). Files are merged in the order given; a
//! `.jsonl` file contributes each of its lines. The merged dossier is validated and its
//! problems are listed on standard error.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::process::ExitCode;

use defense_agreements::identity::Resolver;
use defense_agreements::jsonl;
use defense_agreements::merge::Merger;

fn main() -> ExitCode {
    match run() {
        Ok(valid) => {
            if valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(e) => {
            eprintln!("merge: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool, Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut files, mut resolver, mut report_only) = (Vec::new(), Resolver::new(), false);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--resolver" => {
                resolver =
                    Resolver::from_json(&std::fs::read_to_string(args.next().ok_or("--resolver needs a file")?)?)?
            }
            "--report" => report_only = true,
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        return Err("usage: merge [--resolver FILE] [--report] FILE...".into());
    }
    let mut merger = Merger::new(&resolver);
    for f in &files {
        for d in jsonl::read_file(f).map_err(|e| format!("{f}: {e}"))? {
            merger.add(&d);
        }
    }
    let merged = merger.finish()?;
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if report_only {
        let _closed_pipe_is_fine = writeln!(out, "{}", serde_json::to_string_pretty(&merged.report)?);
    } else {
        eprint!("{}", merged.report);
        let _closed_pipe_is_fine = writeln!(out, "{}", merged.dossier.to_json_pretty());
    }
    let report = merged.dossier.validate();
    for issue in report.issues() {
        eprintln!("merged: {issue}");
    }
    Ok(report.is_valid())
}
