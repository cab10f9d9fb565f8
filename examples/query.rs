//! Load dossiers and answer the questions people ask of them.
//!
//! ```text
//! cargo run --example query -- [--actor ID] [--on YYYY-MM-DD] [--country ISO3] [--toward ID] FILE...
//! ```
//!
//! FILE is a dossier (`.json`) or a stream of them (`.jsonl`, one per line). The program
//! prints seven answers:
//!
//! 1. the agreements that bind `--actor` (default `united-states`): on `--on` when given,
//!    else every agreement it is a party to, with its latest status;
//! 2. the forces present in `--country` (default `SYR`), with their estimated strength;
//! 3. the status of every agreement on `--on` (or its latest status);
//! 4. who signed each agreement, for which party, in what capacity;
//! 5. which facts rest on a single source;
//! 6. the lifecycle views of every agreement `--actor` is a party to: where it stands on `--on`,
//!    whether it is bound toward `--toward` (when given), the spans it was bound with the acts
//!    that open and close them, and the agreement's timeline;
//! 7. the competing claims: "disputed: X or Y, per sources S1, S2" (a signature, troop presence
//!    or other record that is one alternative of a dispute is also printed with its rivals).
//!
//! Try: `cargo run --example query -- --actor pakistan --on 1975-01-01 examples/data/*.json`
//! (Pakistan left the Manila Pact on 7 November 1973), or
//! `cargo run --example query -- --actor uzbekistan --toward russia --on 2008-01-01 examples/data/collective-security-treaty-1992.json`
//! (Uzbekistan left the Collective Security Treaty in 1999, returned in 2006 and was suspended
//! in 2012).
//!
//! Exit status: 0 on success, 1 when a file cannot be read or parsed, 2 on bad usage.
#![allow(unused_crate_dependencies)] // Each target sees every dev-dependency; the lint is for the library.

use std::io::Write;
use std::process::ExitCode;

use chrono::NaiveDate;
use defense_agreements::answers::{Questions, write_answers};
use defense_agreements::ids::ActorId;
use defense_agreements::jsonl;
use defense_agreements::values::CountryCode;

struct Options {
    questions: Questions,
    files: Vec<String>,
}

fn parse_args() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let actor = |v: &str| ActorId::new(v).map_err(|e| format!("'{v}' is not a valid actor id: {e}"));
    let mut questions = Questions::new(actor("united-states")?, "SYR".parse().map_err(|e| format!("{e}"))?);
    let mut files = Vec::new();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--actor" => questions.actor = actor(&value("--actor")?)?,
            "--toward" => questions.toward = Some(actor(&value("--toward")?)?),
            "--on" => {
                let v = value("--on")?;
                questions.on = Some(v.parse::<NaiveDate>().map_err(|e| format!("--on {v}: {e}"))?);
            }
            "--country" => {
                let v = value("--country")?;
                questions.country = v.parse::<CountryCode>().map_err(|e| format!("--country {v}: {e}"))?;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => files.push(file.into()),
        }
    }
    if files.is_empty() {
        return Err("no files given".into());
    }
    if questions.toward.is_some() && questions.on.is_none() {
        return Err("--toward needs --on: bound toward another party on which day?".into());
    }
    Ok(Options { questions, files })
}

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
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("query: {e}\nusage: query [--actor ID] [--on YYYY-MM-DD] [--country ISO3] [--toward ID] FILE...");
            return Ok(ExitCode::from(2));
        }
    };
    let mut dossiers = Vec::new();
    for file in &options.files {
        match jsonl::read_file(file) {
            Ok(mut d) => dossiers.append(&mut d),
            Err(e) => {
                eprintln!("query: {file}: {e}");
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    // Every answer is derived (`Dossier::agreements_binding`, `Agreement::status_on`,
    // `Agreement::lifecycle`, `Dossier::competing_claims` …); `src/answers.rs` shows how.
    write_answers(out, &dossiers, &options.questions)?;
    Ok(ExitCode::SUCCESS)
}
