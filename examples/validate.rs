//! Validate dossier files and print every problem.
//!
//! ```text
//! cargo run --example validate -- FILE...
//! ```
//!
//! Each problem is printed as `FILE: PATH: CODE: message` (the path is a JSON Pointer, `(root)`
//! for the document itself). Parse errors are reported the same way, with their own codes
//! (`unknown_field`, `invalid_value`, `syntax_error` …).
//!
//! A `.jsonl` file is read as JSON Lines, one dossier per line, in constant memory; its problems
//! are printed as `FILE:LINE: PATH: CODE: message`.
//!
//! Exit status: 0 when no file has an error (warnings alone are fine), 1 when any file has an
//! error, 2 on bad usage.

use std::process::ExitCode;

use defense_agreements::jsonl::Reader;
use defense_agreements::{Dossier, Error, Severity};

/// Prints the problems of one document; returns its (errors, warnings).
fn check(at: &str, parsed: Result<Dossier, Error>) -> (usize, usize) {
    let dossier = match parsed {
        Ok(d) => d,
        Err(e) => {
            let path = e.path().filter(|p| !p.is_empty()).unwrap_or("(root)");
            println!("{at}: {path}: {}: {}", e.code(), e.message());
            return (1, 0);
        }
    };
    let (mut errors, mut warnings) = (0, 0);
    for issue in dossier.validate().issues() {
        let path = if issue.path.is_empty() { "(root)" } else { &issue.path };
        println!("{at}: {path}: {}: {}", issue.code, issue.message);
        match issue.severity {
            Severity::Error => errors += 1,
            _ => warnings += 1,
        }
    }
    (errors, warnings)
}

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: validate FILE...");
        return ExitCode::from(2);
    }
    let (mut errors, mut warnings) = (0usize, 0usize);
    for file in &files {
        let (e, w) = if file.ends_with(".jsonl") {
            match std::fs::File::open(file) {
                Ok(f) => {
                    let mut reader = Reader::new(std::io::BufReader::new(f));
                    let (mut e, mut w) = (0, 0);
                    while let Some(parsed) = reader.next() {
                        let (pe, pw) = check(&format!("{file}:{}", reader.line_number()), parsed);
                        (e, w) = (e + pe, w + pw);
                    }
                    (e, w)
                }
                Err(err) => check(file, Err(err.into())),
            }
        } else {
            check(file, std::fs::read(file).map_err(Error::from).and_then(|b| Dossier::from_slice(&b)))
        };
        (errors, warnings) = (errors + e, warnings + w);
    }
    eprintln!("{} file(s): {errors} error(s), {warnings} warning(s)", files.len());
    if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
