//! Validate dossier files and print every problem.
//!
//! ```text
//! cargo run --example validate -- [--format text|json] FILE...
//! ```
//!
//! Each problem is printed as `FILE: PATH: CODE: message` (the path is a JSON Pointer, `(root)`
//! for the document itself). Parse errors are reported the same way, with their own codes
//! (`unknown_field`, `invalid_value`, `syntax_error` …).
//!
//! A `.jsonl` file is read as JSON Lines, one dossier per line, in constant memory; its problems
//! are printed as `FILE:LINE: PATH: CODE: message`.
//!
//! A summary line goes to standard error: `2 file(s), 5 dossier(s): 1 error(s), 0 warning(s)`.
//!
//! `--format json` prints one JSON document on standard output instead, for programs:
//!
//! ```text
//! {"issues":[{"file":"a.jsonl","line":3,"path":"/agreements/0/parties","code":"too_few_parties",
//!             "severity":"error","message":"…"}],
//!  "summary":{"files":1,"dossiers":4,"errors":1,"warnings":0}}
//! ```
//!
//! (`line` is there for JSON Lines files only; `path` is `""` for the document itself.)
//!
//! Exit status: 0 when no file has an error (warnings alone are fine), 1 when any file has an
//! error (a file that cannot be read or parsed counts as one), 2 on bad usage.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::process::ExitCode;

use defense_agreements::jsonl::Reader;
use defense_agreements::{Dossier, Error, Severity};
use serde_json::{Value, json};

/// Where problems go: printed as they are found (text), or kept for one JSON document.
struct Output {
    json: Option<Vec<Value>>,
    dossiers: usize,
    errors: usize,
    warnings: usize,
}

/// Prints one line. A closed pipe (`validate … | head`) is not a failure of the files being
/// checked: the rest is still counted, and the exit status still says whether there were errors.
fn emit(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ignored_when_the_reader_is_gone = writeln!(std::io::stdout().lock(), "{line}");
}

impl Output {
    fn problem(&mut self, file: &str, line: Option<u64>, path: &str, code: &str, severity: Severity, message: &str) {
        match severity {
            Severity::Error => self.errors += 1,
            _ => self.warnings += 1,
        }
        match &mut self.json {
            None => {
                let at = line.map_or_else(|| file.to_string(), |l| format!("{file}:{l}"));
                let path = if path.is_empty() { "(root)" } else { path };
                emit(format_args!("{at}: {path}: {code}: {message}"));
            }
            Some(issues) => {
                let mut issue = json!({"file": file});
                if let Some(l) = line {
                    issue["line"] = json!(l);
                }
                issue["path"] = json!(path);
                issue["code"] = json!(code);
                issue["severity"] = json!(severity.to_string());
                issue["message"] = json!(message);
                issues.push(issue);
            }
        }
    }

    /// Reports the problems of one document (or why it could not be read).
    fn check(&mut self, file: &str, line: Option<u64>, parsed: Result<Dossier, Error>) {
        let dossier = match parsed {
            Ok(d) => d,
            Err(e) => {
                self.problem(file, line, e.path().unwrap_or(""), e.code(), Severity::Error, &e.message());
                return;
            }
        };
        self.dossiers += 1;
        for issue in dossier.validate().issues() {
            self.problem(file, line, &issue.path, issue.code.as_str(), issue.severity, &issue.message);
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("validate: {problem}\nusage: validate [--format text|json] FILE...");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut out = Output { json: None, dossiers: 0, errors: 0, warnings: 0 };
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => match args.next().as_deref() {
                Some("text") => out.json = None,
                Some("json") => out.json = Some(Vec::new()),
                _ => return usage("--format takes text or json"),
            },
            flag if flag.starts_with("--") => return usage(&format!("unknown option {flag}")),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return usage("no files given");
    }
    for file in &files {
        if file.ends_with(".jsonl") {
            match std::fs::File::open(file) {
                Ok(f) => {
                    let mut reader = Reader::new(std::io::BufReader::new(f));
                    while let Some(parsed) = reader.next() {
                        out.check(file, Some(reader.line_number()), parsed);
                    }
                }
                Err(err) => out.check(file, None, Err(err.into())),
            }
        } else {
            out.check(file, None, std::fs::read(file).map_err(Error::from).and_then(|b| Dossier::from_slice(&b)));
        }
    }
    let Output { json, dossiers, errors, warnings } = out;
    if let Some(issues) = json {
        let summary = json!({"files": files.len(), "dossiers": dossiers, "errors": errors, "warnings": warnings});
        emit(format_args!("{}", json!({"issues": issues, "summary": summary})));
    }
    eprintln!("{} file(s), {dossiers} dossier(s): {errors} error(s), {warnings} warning(s)", files.len());
    if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
