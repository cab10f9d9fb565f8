//! `dossier validate`: every problem of every document, and an exit status for scripts.

use std::io::{self, Write};
use std::process::ExitCode;

use std::num::NonZeroUsize;

use defense_agreements::{Dossier, Error, Report, Severity};
use serde_json::{Value, json};

use crate::input::{Inputs, Origin};

/// Check dossiers: shape (parsing) and every cross-record rule.
///
/// Prints each problem as `FILE: PATH: CODE: message` (`FILE:LINE: …` for JSON Lines; the path
/// is a JSON Pointer, `(root)` for the document itself), then a summary line on standard error.
/// Exit status: 0 when no document has an error (warnings alone are fine), 1 when any has one
/// (an input that cannot be read or parsed counts as one), 2 on bad usage.
#[derive(Debug, clap::Args)]
#[command(after_help = "Codes and their meaning: docs/validation.md. Examples:\n  \
    dossier validate treaty.json\n  \
    dossier validate --format json corpus.jsonl\n  \
    curl -s https://example.org/d.json | dossier validate -")]
pub(crate) struct Args {
    #[command(flatten)]
    inputs: Inputs,
    /// `text`: one line per problem. `json`: one JSON document with every issue and a summary.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// No summary line on standard error.
    #[arg(long, short)]
    quiet: bool,
    /// Worker threads for JSON Lines inputs (default: the cores available). The output is the
    /// same, in the same order, whatever the number.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<NonZeroUsize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The counts of a run.
#[derive(Debug, Default)]
struct Tally {
    dossiers: u64,
    errors: u64,
    warnings: u64,
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let mut out = crate::output::stdout();
    let mut tally = Tally::default();
    let mut issues = Vec::new();
    let json = args.format == Format::Json;
    let threads = args.threads.unwrap_or_else(defense_agreements::jsonl::default_threads);
    // Parsing and validation run on the worker threads; the report is printed here, in order.
    let work = |parsed: Result<Dossier, Error>| parsed.map(|d| d.validate());
    args.inputs.for_each_parallel(threads, work, |origin, parsed| {
        let mut problem = |path: &str, code: &str, severity: Severity, message: &str| {
            match severity {
                Severity::Error => tally.errors += 1,
                _ => tally.warnings += 1,
            }
            if json {
                issues.push(issue(origin, path, code, severity, message));
                Ok(())
            } else {
                let path = if path.is_empty() { "(root)" } else { path };
                writeln!(out, "{origin}: {path}: {code}: {message}")
            }
        };
        check(parsed, &mut tally.dossiers, &mut problem)
    })?;
    if json {
        let summary = json!({
            "files": args.inputs.files.len(),
            "dossiers": tally.dossiers,
            "errors": tally.errors,
            "warnings": tally.warnings,
        });
        crate::output::json_line(&mut out, &json!({"issues": issues, "summary": summary}))?;
    }
    out.flush()?;
    if !args.quiet {
        eprintln!(
            "{} file(s), {} dossier(s): {} error(s), {} warning(s)",
            args.inputs.files.len(),
            tally.dossiers,
            tally.errors,
            tally.warnings
        );
    }
    Ok(if tally.errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Reports the problems of one document, or why it could not be read.
fn check(
    parsed: Result<Report, Error>,
    dossiers: &mut u64,
    problem: &mut impl FnMut(&str, &str, Severity, &str) -> io::Result<()>,
) -> io::Result<()> {
    let report = match parsed {
        Ok(r) => r,
        Err(e) => return problem(e.path().unwrap_or(""), e.code(), Severity::Error, &e.message()),
    };
    *dossiers += 1;
    for issue in report.issues() {
        problem(&issue.path, issue.code.as_str(), issue.severity, &issue.message)?;
    }
    Ok(())
}

/// One issue of `--format json`: `line` only for JSON Lines; `path` is `""` for the document.
fn issue(origin: Origin<'_>, path: &str, code: &str, severity: Severity, message: &str) -> Value {
    let mut issue = json!({"file": origin.file});
    if let Some(line) = origin.line {
        issue["line"] = json!(line);
    }
    issue["path"] = json!(path);
    issue["code"] = json!(code);
    issue["severity"] = json!(severity.to_string());
    issue["message"] = json!(message);
    issue
}
