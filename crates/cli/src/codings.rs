//! `dossier codings`: how each agreement codes in ATOP, COW and DCAD.

use std::io::{self, Write};
use std::process::ExitCode;

use defense_agreements::codings;

use crate::input::Inputs;

/// Print the ATOP, COW and DCAD codings of every agreement.
///
/// One tab-separated row per agreement.
///
/// Columns: `DEF OFF NEU NAG CON` are ATOP's five obligations (`-` absent, `cond`, `uncond`);
/// `COW` the Correlates of War type (`I`, `II`, `III` or `-`); `ALLIANCE` whether ATOP counts it
/// as an alliance; `DCA` whether it is a defense cooperation agreement in DCAD's sense;
/// `DISPUTED` whether the codings rest on a fact some source disputes (counted or set aside
/// under `--disputes`). The rules are in docs/codings.md. Exit status: 0 on success, 1 when an input cannot be read or
/// parsed (the others are still coded), 2 on bad usage.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    inputs: Inputs,
    #[command(flatten)]
    disputes: crate::disputes::Disputes,
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let mut out = crate::output::stdout();
    writeln!(out, "{}", codings::TABLE_HEADER)?;
    let failed = args
        .inputs
        .for_each_dossier("codings", |d| codings::write_table_under(&mut out, &d, args.disputes.policy()))?;
    out.flush()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
