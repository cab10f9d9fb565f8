//! `dossier codings`: how each agreement codes in ATOP, COW and DCAD.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::input::Inputs;

/// Print the ATOP, COW and DCAD codings of every agreement.
///
/// One tab-separated row per agreement.
///
/// Columns: `DEF OFF NEU NAG CON` are ATOP's five obligations (`-` absent, `cond`, `uncond`);
/// `COW` the Correlates of War type (`I`, `II`, `III` or `-`); `ALLIANCE` whether ATOP counts it
/// as an alliance; `DCA` whether it is a defense cooperation agreement in DCAD's sense. The
/// rules are in docs/codings.md. Exit status: 0 on success, 1 when an input cannot be read or
/// parsed (the others are still coded), 2 on bad usage.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    inputs: Inputs,
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let mut out = crate::output::stdout();
    let mut failed = false;
    writeln!(out, "DOSSIER\tAGREEMENT\tDEF\tOFF\tNEU\tNAG\tCON\tCOW\tALLIANCE\tDCA")?;
    args.inputs.for_each(|origin, parsed| {
        let d = match parsed {
            Ok(d) => d,
            Err(e) => {
                failed = true;
                eprintln!("dossier codings: {origin}: {e}");
                return Ok(());
            }
        };
        for a in &d.agreements {
            // Derived from the recorded obligations, cooperation, kind and parties.
            let atop = a.atop_obligations();
            let cow = a.cow_type().map_or("-", |t| t.as_str());
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{cow}\t{}\t{}",
                d.id,
                a.id,
                atop.defense,
                atop.offense,
                atop.neutrality,
                atop.nonaggression,
                atop.consultation,
                yes_no(a.is_alliance()),
                yes_no(a.is_defense_cooperation()),
            )?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
