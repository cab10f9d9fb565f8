//! `dossier merge`: many reports of the same agreements into one dossier.

use std::io::{self, Write};
use std::process::ExitCode;

use defense_agreements::identity::Resolver;
use defense_agreements::ids::DossierId;
use defense_agreements::merge::Merger;

use crate::input::Inputs;

/// Merge dossiers into one, following a resolver's judgements.
///
/// Records are joined when they share an external identifier of one scheme (a state's ISO code
/// counts), when the resolver judges them the same, or when they are the same record reported
/// twice; never by name alone. The merged dossier is written on standard output as JSON, the
/// report of every merge, rename, added name and conflict on standard error (or as JSON to
/// `--report FILE`). The result takes `--id` and `--title` when given, else the id and title of
/// the input whose id sorts first. When the merge fails (an input cannot be read, or the result
/// does not validate) nothing is written on standard output: the report and the errors go to
/// standard error. Exit status: 0 when every input was read and the result validates, 1
/// otherwise, 2 on bad usage. See docs/merge.md.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(flatten)]
    inputs: Inputs,
    /// A resolver document: human judgements on which records are the same.
    #[arg(long, value_name = "FILE")]
    resolver: Option<String>,
    /// Write the report as JSON to this file instead of as text to standard error.
    #[arg(long, value_name = "FILE")]
    report: Option<String>,
    /// The merged dossier's id.
    #[arg(long, value_name = "ID", value_parser = parse_id)]
    id: Option<DossierId>,
    /// The merged dossier's title (the inputs' titles are then no conflict).
    #[arg(long, value_name = "TITLE")]
    title: Option<String>,
}

fn parse_id(text: &str) -> Result<DossierId, String> {
    DossierId::new(text).map_err(|e| e.to_string())
}

pub(crate) fn read_resolver(path: Option<&str>) -> io::Result<Option<Resolver>> {
    let Some(path) = path else { return Ok(None) };
    let text = std::fs::read_to_string(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
    Resolver::from_json(&text).map(Some).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("{path}: {e}")))
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let resolver = read_resolver(args.resolver.as_deref())?.unwrap_or_default();
    let mut merger = Merger::new(&resolver);
    if let Some(id) = args.id {
        merger = merger.with_id(id);
    }
    if let Some(title) = args.title {
        merger = merger.with_title(title);
    }
    let failed = args.inputs.for_each_dossier("merge", |d| {
        merger.add_owned(d);
        Ok(())
    })?;
    let merged = merger.finish().map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    match &args.report {
        Some(file) => std::fs::write(file, serde_json::to_string_pretty(&merged.report)? + "\n")?,
        None => eprint!("{}", merged.report),
    }
    let report = merged.dossier.validate();
    for issue in report.issues() {
        eprintln!("dossier merge: merged: {issue}");
    }
    if failed || !report.is_valid() {
        let why = if failed { "an input could not be read" } else { "the merged dossier does not validate" };
        eprintln!("dossier merge: nothing written: {why}");
        return Ok(ExitCode::FAILURE);
    }
    let mut out = crate::output::stdout();
    writeln!(out, "{}", merged.dossier.to_json_pretty())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
