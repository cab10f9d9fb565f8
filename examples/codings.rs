//! Print the ATOP, COW and DCAD codings of every agreement in the dossiers given, as a table.
//!
//! ```text
//! cargo run --example codings -- FILE...
//! ```
//!
//! FILE is a dossier (`.json`) or a stream of them (`.jsonl`). One row per agreement, tab
//! separated, with a header:
//!
//! - `DEF OFF NEU NAG CON`: ATOP's five obligations, each `-` (absent), `cond` or `uncond`;
//! - `COW`: the Correlates of War type `I`, `II`, `III`, or `-`;
//! - `ALLIANCE`: whether ATOP counts it as an alliance;
//! - `DCA`: whether it is a defense cooperation agreement in DCAD's sense.
//!
//! `docs/codings.md` states each rule and explains the codings of the example dossiers.
//! Exit status: 0 on success, 1 when a file cannot be read or parsed, 2 on bad usage.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::io::Write;
use std::process::ExitCode;

use defense_agreements::{codings, jsonl};

fn main() -> ExitCode {
    // Output goes through a writer so that a closed pipe (`| head`) ends it quietly instead of
    // panicking inside println!.
    match run(&mut std::io::stdout().lock()) {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run(out: &mut impl Write) -> std::io::Result<ExitCode> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f.starts_with("--")) {
        eprintln!("usage: codings FILE...");
        return Ok(ExitCode::from(2));
    }
    writeln!(out, "{}", codings::TABLE_HEADER)?;
    for file in &files {
        match jsonl::read_file(file) {
            // Every coding is derived from the recorded obligations, cooperation, kind and
            // parties (`Agreement::atop_obligations`, `cow_type`, `is_alliance` …).
            Ok(dossiers) => dossiers.iter().try_for_each(|d| codings::write_table(out, d))?,
            Err(e) => {
                eprintln!("codings: {file}: {e}");
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
