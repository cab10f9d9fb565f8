//! `dossier diff`: what changed between two versions of a dossier.

use std::io::{self, Write};
use std::process::ExitCode;

use defense_agreements::Dossier;
use defense_agreements::diff::{ChangeKind, diff};

/// Show what changed between two versions of a dossier.
///
/// Lists the records added (`+`), removed (`-`) and changed (`~`), then every changed value
/// with its JSON Pointer. `--patch` prints the RFC 6902 JSON Patch that turns the old JSON into
/// the new; `--json` prints records, changes and patch as one JSON document. Exit status: 0 when
/// the versions are equal, 1 when they differ, 2 when a file cannot be read (as `diff` does).
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The old version.
    old: String,
    /// The new version.
    new: String,
    /// Print the JSON Patch only.
    #[arg(long, conflicts_with = "json")]
    patch: bool,
    /// Print everything as one JSON document.
    #[arg(long)]
    json: bool,
}

fn read(file: &str) -> Result<Dossier, String> {
    let f = std::fs::File::open(file).map_err(|e| format!("{file}: {e}"))?;
    Dossier::from_reader(f).map_err(|e| format!("{file}: {e}"))
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let (old, new) = match (read(&args.old), read(&args.new)) {
        (Ok(o), Ok(n)) => (o, n),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("dossier diff: {e}");
            return Ok(ExitCode::from(crate::USAGE));
        }
    };
    let d = diff(&old, &new);
    let mut out = crate::output::stdout();
    if args.patch {
        writeln!(out, "{}", serde_json::to_string_pretty(&d.patch_json())?)?;
    } else if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&d)?)?;
    } else {
        let sign = |k: ChangeKind| match k {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            _ => '~',
        };
        for r in &d.records {
            writeln!(out, "{} {} {} ({})", sign(r.change), r.kind, r.id, r.path)?;
        }
        let show = |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string()).unwrap_or_default();
        for c in &d.changes {
            match c.change {
                ChangeKind::Added => writeln!(out, "+ {}: {}", c.path, show(&c.new))?,
                ChangeKind::Removed => writeln!(out, "- {}: {}", c.path, show(&c.old))?,
                _ => writeln!(out, "~ {}: {} -> {}", c.path, show(&c.old), show(&c.new))?,
            }
        }
    }
    out.flush()?;
    Ok(if d.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
