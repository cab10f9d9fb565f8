//! `dossier`: validate, query, code, export, merge and compare defense-agreement dossiers from the
//! command line.
//!
//! One file per subcommand; `input` reads files, JSON Lines and standard input the same way for
//! all of them, and `output` writes through a closed pipe quietly.

mod as_of;
mod codings;
mod diff;
mod disputes;
mod extract;
mod input;
mod merge;
mod output;
mod prompt;
mod query;
mod report;
mod resolve;
mod schema;
mod tables;
mod timeline;
mod validate;
mod xref;

use std::process::ExitCode;

// The command line only: the library leaves the allocator to the program that uses it.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand};

/// Validate, query, code and export defense-agreement dossiers (JSON, or JSON Lines with one
/// dossier per line).
#[derive(Debug, Parser)]
#[command(name = "dossier", version, propagate_version = true, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Validate(validate::Args),
    Query(query::Args),
    Codings(codings::Args),
    Schema(schema::Args),
    Merge(merge::Args),
    Diff(diff::Args),
    Xref(xref::Args),
    Extract(extract::Args),
    Prompt(prompt::Args),
    Resolve(resolve::Args),
    Tables(tables::Args),
    Timeline(timeline::Args),
    Report(report::Args),
}

/// Exit status 2: bad usage (clap's own errors exit 2 too).
pub(crate) const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Query(args) => query::run(args),
        Command::Codings(args) => codings::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Xref(args) => xref::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Prompt(args) => prompt::run(args),
        Command::Resolve(args) => resolve::run(args),
        Command::Tables(args) => tables::run(args),
        Command::Timeline(args) => timeline::run(args),
        Command::Report(args) => report::run(args),
    };
    match result {
        Ok(code) => code,
        // Whoever reads the output has gone (`dossier … | head`): not a failure of the input.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
