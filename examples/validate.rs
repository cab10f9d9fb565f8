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
//! Exit status: 0 when no file has an error (warnings alone are fine), 1 when any file has an
//! error, 2 on bad usage.

use std::process::ExitCode;

use defense_agreements::{Dossier, Severity};

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: validate FILE...");
        return ExitCode::from(2);
    }
    let (mut errors, mut warnings) = (0usize, 0usize);
    for file in &files {
        let dossier =
            match std::fs::read(file).map_err(defense_agreements::Error::from).and_then(|b| Dossier::from_slice(&b)) {
                Ok(d) => d,
                Err(e) => {
                    let path = e.path().filter(|p| !p.is_empty()).unwrap_or("(root)");
                    println!("{file}: {path}: {}: {}", e.code(), e.message());
                    errors += 1;
                    continue;
                }
            };
        for issue in dossier.validate().issues() {
            let path = if issue.path.is_empty() { "(root)" } else { &issue.path };
            println!("{file}: {path}: {}: {}", issue.code, issue.message);
            match issue.severity {
                Severity::Error => errors += 1,
                _ => warnings += 1,
            }
        }
    }
    eprintln!("{} file(s): {errors} error(s), {warnings} warning(s)", files.len());
    if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
