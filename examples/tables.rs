//! Write the research tables of dossier files (docs/tables.md).
//!
//! ```text
//! cargo run --example tables -- [--format csv|parquet] [--partition] [--through YEAR] --out DIR FILE...
//! ```
//!
//! A `.jsonl` file is read as JSON Lines, one dossier per line, and turned into rows dossier by
//! dossier, so a corpus need not fit in memory. Dossiers that do not validate are skipped with a
//! note on standard error (the tables of an invalid dossier would be wrong). `--through` is the
//! last year of the year tables for bindings still in force (default: the current year; at
//! most 9999); `--partition` writes the year tables as Hive-style `year=YYYY/` directories.
//! Parquet needs `--features parquet`.
//!
//! Exit status: 0 on success, 1 when a file cannot be read or written, 2 on bad usage.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::process::ExitCode;

use defense_agreements::Dossier;
use defense_agreements::jsonl::Reader;
use defense_agreements::tables::{Format, Options, TableSink, WriteOptions};

fn usage(message: &str) -> ExitCode {
    eprintln!("tables: {message}");
    eprintln!("usage: tables [--format csv|parquet] [--partition] [--through YEAR] --out DIR FILE...");
    ExitCode::from(2)
}

/// The current year, from the system clock (UTC).
fn this_year() -> i32 {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() / 86_400);
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    let today = epoch.checked_add_days(chrono::Days::new(days)).unwrap_or(epoch);
    chrono::Datelike::year(&today)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut format = Format::Csv;
    let mut partition = false;
    let mut through = this_year();
    let mut out = None;
    let mut files = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => match args.next().map(|f| f.parse()) {
                Some(Ok(f)) => format = f,
                Some(Err(e)) => return usage(&e),
                None => return usage("--format needs a value"),
            },
            "--partition" => partition = true,
            "--through" => match args.next().and_then(|y| y.parse().ok()) {
                Some(y) => through = y,
                None => return usage("--through needs a year"),
            },
            "--out" => out = args.next(),
            _ if arg.starts_with("--") => return usage(&format!("unknown option {arg}")),
            _ => files.push(arg),
        }
    }
    let Some(out) = out else { return usage("--out DIR is required") };
    if files.is_empty() {
        return usage("no input files");
    }
    let mut write = WriteOptions::new(format);
    if partition {
        write = write.partitioned();
    }
    let options = match Options::checked_through(through) {
        Ok(options) => options,
        Err(e) => return usage(&e.to_string()),
    };
    let mut sink = match TableSink::create(&out, write) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("tables: {out}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (mut used, mut skipped) = (0usize, 0usize);
    for file in &files {
        let mut add = |dossier: Result<Dossier, defense_agreements::Error>, at: &str| -> Result<(), String> {
            match dossier {
                Ok(d) if d.validate().is_valid() => {
                    // Rows go out in batches as they are produced, however many years they span.
                    sink.add(&d, &options).map_err(|e| format!("{out}: {e}"))?;
                    used += 1;
                }
                Ok(_) => {
                    eprintln!("tables: {at}: skipped: the dossier does not validate");
                    skipped += 1;
                }
                Err(e) => {
                    eprintln!("tables: {at}: skipped: {e}");
                    skipped += 1;
                }
            }
            Ok(())
        };
        let result = if file.ends_with(".jsonl") {
            match std::fs::File::open(file) {
                Ok(f) => Reader::new(std::io::BufReader::new(f)).try_for_each(|d| add(d, file)),
                Err(e) => Err(format!("{file}: {e}")),
            }
        } else {
            match std::fs::File::open(file) {
                Ok(f) => add(Dossier::from_reader(std::io::BufReader::new(f)), file),
                Err(e) => Err(format!("{file}: {e}")),
            }
        };
        if let Err(e) = result {
            eprintln!("tables: {e}");
            return ExitCode::FAILURE;
        }
    }
    match sink.finish() {
        Ok(written) => {
            eprintln!("tables: {used} dossier(s) written, {skipped} skipped; {} file(s) in {out}", written.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("tables: {out}: {e}");
            ExitCode::FAILURE
        }
    }
}
