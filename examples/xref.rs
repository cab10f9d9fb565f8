//! Propose likely duplicates across dossiers, for a person to judge.
//!
//! ```text
//! cargo run --example xref -- [--resolver RESOLVER.json] [--accept MIN_SCORE --by NAME --on DATE] FILE...
//! ```
//!
//! Prints one candidate pair per line, best first: the score (0–100), the two records as
//! `dossier/list/id`, and the evidence (for people the name, country and post; for agreements
//! the parties, signers, signing date and place, then the title).
//! Pairs that already share an external identifier merge without help and are not shown; pairs
//! the resolver has judged are not shown again.
//!
//! With `--accept`, prints instead a resolver document (JSON) judging `same` every candidate
//! scoring at least MIN_SCORE, decided by NAME on DATE: a starting point to review and edit,
//! not a substitute for reading the candidates.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::process::ExitCode;

use defense_agreements::identity::Resolver;
use defense_agreements::values::EdtfDate;
use defense_agreements::{jsonl, xref};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xref: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut files, mut resolver, mut accept, mut by, mut on) = (Vec::new(), None, None, None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--resolver" => {
                resolver =
                    Some(Resolver::from_json(&std::fs::read_to_string(args.next().ok_or("--resolver needs a file")?)?)?)
            }
            "--accept" => accept = Some(args.next().ok_or("--accept needs a score")?.parse::<u32>()?),
            "--by" => by = args.next(),
            "--on" => on = Some(EdtfDate::parse(&args.next().ok_or("--on needs a date")?)?),
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        return Err("usage: xref [--resolver FILE] [--accept MIN_SCORE --by NAME --on DATE] FILE...".into());
    }
    let mut dossiers = Vec::new();
    for f in &files {
        dossiers.extend(jsonl::read_file(f).map_err(|e| format!("{f}: {e}"))?);
    }
    let refs: Vec<_> = dossiers.iter().collect();
    let candidates = xref::candidates(&refs, resolver.as_ref());
    if let Some(min) = accept {
        let by = by.ok_or("--accept needs --by NAME")?;
        let on = on.ok_or("--accept needs --on DATE")?;
        println!("{}", xref::accept(&candidates, min, &by, on).to_json_pretty());
        return Ok(());
    }
    for c in &candidates {
        let evidence: Vec<String> = c.evidence.iter().map(ToString::to_string).collect();
        println!("{:3}  {}  {}  {}", c.score, c.left, c.right, evidence.join("; "));
    }
    Ok(())
}
