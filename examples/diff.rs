//! What changed between two versions of a dossier.
//!
//! ```text
//! cargo run --example diff -- [--patch] OLD.json NEW.json
//! ```
//!
//! Prints the records added, removed and changed (`+`, `-`, `~` with their list and id), then
//! every changed value with its JSON Pointer. `--patch` prints instead the RFC 6902 JSON Patch
//! that turns the old document into the new one. Exit status 0, or 2 on error (the `dossier diff`
//! command also exits 1 when the versions differ, as `diff` does).
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::process::ExitCode;

use defense_agreements::Dossier;
use defense_agreements::diff::{ChangeKind, diff};

fn main() -> ExitCode {
    match run() {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("diff: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<bool, Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let patch = args.iter().any(|a| a == "--patch");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--patch").collect();
    let [old, new] = files.as_slice() else {
        return Err("usage: diff [--patch] OLD.json NEW.json".into());
    };
    let read = |f: &str| -> Result<Dossier, String> {
        let file = std::fs::File::open(f).map_err(|e| format!("{f}: {e}"))?;
        Dossier::from_reader(file).map_err(|e| format!("{f}: {e}"))
    };
    let d = diff(&read(old)?, &read(new)?);
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if patch {
        let _closed_pipe_is_fine = writeln!(out, "{}", serde_json::to_string_pretty(&d.patch_json())?);
        return Ok(d.is_empty());
    }
    let sign = |k: ChangeKind| match k {
        ChangeKind::Added => '+',
        ChangeKind::Removed => '-',
        _ => '~',
    };
    for r in &d.records {
        let _ = writeln!(out, "{} {} {} ({})", sign(r.change), r.kind, r.id, r.path);
    }
    for c in &d.changes {
        let show = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string()).unwrap_or_default();
        let line = match c.change {
            ChangeKind::Added => format!("+ {}: {}", c.path, show(&c.new)),
            ChangeKind::Removed => format!("- {}: {}", c.path, show(&c.old)),
            _ => format!("~ {}: {} -> {}", c.path, show(&c.old), show(&c.new)),
        };
        let _ = writeln!(out, "{line}");
    }
    Ok(d.is_empty())
}
