//! `dossier xref`: likely duplicates across dossiers, for a person to judge.

use std::io::{self, Write};
use std::process::ExitCode;

use defense_agreements::values::EdtfDate;
use defense_agreements::xref;

use crate::input::Inputs;

/// Propose records of different dossiers that may be one, best first.
///
/// One tab-separated row per pair: score (0–100), the two records (`dossier/type/id`, as
/// `dossier resolve add` takes them and resolver files name them) and the
/// evidence: for people and organizations the name (same, transliteration such as Bagheri /
/// Baqeri, part of a name), country and post; for agreements the parties, signers, signing date
/// and place, then the title. A score of 65 or more is a likely pair. Pairs sharing an external identifier merge without help and are not
/// shown, nor pairs the resolver has judged. To judge one pair, `dossier resolve add`;
/// `--accept MIN --by NAME --on DATE` prints instead a resolver document judging `same` every
/// pair scoring at least MIN, to review before use.
/// Exit status: 0 on success, 1 when an input cannot be read, 2 on bad usage.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    inputs: Inputs,
    /// A resolver document whose judged pairs are not proposed again.
    #[arg(long, value_name = "FILE")]
    resolver: Option<String>,
    /// Print a resolver judging `same` every pair with at least this score.
    #[arg(long, value_name = "MIN_SCORE", requires_all = ["by", "on"])]
    accept: Option<u32>,
    /// Who decides, for `--accept`.
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
    /// When, for `--accept` (EDTF: 2026-11-29).
    #[arg(long, value_name = "DATE")]
    on: Option<EdtfDate>,
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let resolver = crate::merge::read_resolver(args.resolver.as_deref())?;
    let mut dossiers = Vec::new();
    let failed = args.inputs.for_each_dossier("xref", |d| {
        dossiers.push(d);
        Ok(())
    })?;
    let refs: Vec<_> = dossiers.iter().collect();
    let candidates = xref::candidates(&refs, resolver.as_ref());
    let mut out = crate::output::stdout();
    match (args.accept, args.by, args.on) {
        (Some(min), Some(by), Some(on)) => {
            writeln!(out, "{}", xref::accept(&candidates, min, &by, on).to_json_pretty())?;
        }
        _ => {
            for c in &candidates {
                let evidence: Vec<String> = c.evidence.iter().map(ToString::to_string).collect();
                writeln!(out, "{}\t{}\t{}\t{}", c.score, c.left, c.right, evidence.join("; "))?;
            }
        }
    }
    out.flush()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
