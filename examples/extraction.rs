//! The extraction pipeline after the model: read its answer in the extraction profile's shape,
//! validate the dossier, and check every quote against the article it came from.
//!
//! ```text
//! cargo run --example extraction -- ANSWER.json [--source ID --article ARTICLE.txt]
//! cargo run --example extraction -- --to-profile DOSSIER.json
//! ```
//!
//! `ANSWER.json` is a document in the shape of `schemas/dossier.extraction.schema.json` (what a
//! model returns with that schema as its structured output or tool input). Every problem is
//! printed as `PATH: CODE: message`; with `--article`, every quote citing source `ID` that is
//! not in the article's text is printed as `PATH: misquote: …`. On success the dossier is
//! printed in the canonical shape.
//!
//! `--to-profile` prints a dossier in the profile's shape instead (for few-shot examples).
//!
//! Exit status: 0 when the answer loads with no error and no misquote, 1 otherwise, 2 on bad
//! usage.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::process::ExitCode;

use defense_agreements::Severity;
use defense_agreements::extraction::{check_quotes, from_profile_json, to_profile};

const USAGE: &str =
    "usage: extraction ANSWER.json [--source ID --article ARTICLE.txt]\n       extraction --to-profile DOSSIER.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Usage(message)) => {
            eprintln!("{message}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

struct Usage(String);

fn run(args: &[String]) -> Result<bool, Usage> {
    let (mut answer, mut to_profile_of, mut source, mut article) = (None, None, None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| Usage(format!("{name} needs a value")));
        match arg.as_str() {
            "--to-profile" => to_profile_of = Some(value("--to-profile")?),
            "--source" => source = Some(value("--source")?),
            "--article" => article = Some(value("--article")?),
            "-h" | "--help" => return Err(Usage("the extraction pipeline example".into())),
            other if other.starts_with('-') => return Err(Usage(format!("unknown option {other}"))),
            file if answer.is_none() => answer = Some(file.to_owned()),
            extra => return Err(Usage(format!("unexpected argument {extra}"))),
        }
    }
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));

    if let Some(path) = to_profile_of {
        let dossier =
            read(&path).and_then(|t| defense_agreements::Dossier::from_json(&t).map_err(|e| format!("{path}: {e}")));
        return match dossier {
            Ok(d) => {
                println!("{}", serde_json::to_string_pretty(&to_profile(&d)).unwrap_or_default());
                Ok(true)
            }
            Err(e) => {
                eprintln!("{e}");
                Ok(false)
            }
        };
    }

    let Some(path) = answer else { return Err(Usage("no answer file".into())) };
    if source.is_some() != article.is_some() {
        return Err(Usage("--source and --article go together".into()));
    }
    // 1. The loader: the profile's shape to a dossier (shape errors carry their path).
    let dossier = match read(&path).map(|text| from_profile_json(&text)) {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => {
            println!("{}: {}: {}", e.path().filter(|p| !p.is_empty()).unwrap_or("(root)"), e.code(), e.message());
            return Ok(false);
        }
        Err(e) => {
            eprintln!("{e}");
            return Ok(false);
        }
    };
    // 2. Every cross-record rule.
    let report = dossier.validate();
    let mut ok = true;
    for issue in report.issues() {
        ok &= issue.severity != Severity::Error;
        println!("{issue}");
    }
    // 3. Every quote of the article's source is the article's own words.
    if let (Some(source), Some(article)) = (source, article) {
        match read(&article) {
            Ok(text) => {
                for misquote in check_quotes(&dossier, &source, &text) {
                    ok = false;
                    println!("{}: misquote: not in {article}: {:?}", misquote.path, misquote.quote);
                }
            }
            Err(e) => {
                eprintln!("{e}");
                return Ok(false);
            }
        }
    }
    if ok {
        println!("{}", dossier.to_json_pretty());
    }
    Ok(ok)
}
