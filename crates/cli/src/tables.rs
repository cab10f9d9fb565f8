//! `dossier tables`: the research tables (ATOP / COW units and finer ones) as CSV or Parquet.

use std::io;
use std::process::ExitCode;

use defense_agreements::tables::{Format, MAX_THROUGH_YEAR, Options, TableSink, WriteOptions};

use crate::input::Inputs;

/// Write the research tables of the dossiers into a directory.
///
/// One file per table: agreements, members (one row per binding spell), state_years,
/// dyad_years, directed_dyad_years, directed_dyad_intervals, signatures, troop_presences. Keys
/// are the COW country code, the ISO 3166 alpha-3 code, and the dossier, agreement and record
/// ids; docs/tables.md is the column dictionary. A dossier that does not validate is skipped
/// (its tables would be wrong). Exit status: 0 on success, 1 when an input cannot be read,
/// parsed or validated (the others are still written) or the output cannot be written, 2 on
/// bad usage.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    dossier tables --out tables/ examples/data/*.json\n  \
    dossier tables --format parquet --partition --out tables/ corpus.jsonl")]
pub(crate) struct Args {
    #[command(flatten)]
    inputs: Inputs,
    /// The directory to write into (created if needed; files of the same names are replaced).
    #[arg(long, value_name = "DIR")]
    out: String,
    /// `csv`: RFC 4180 with a header row. `parquet`: Apache Parquet, typed columns.
    #[arg(long, value_enum, default_value_t = TableFormat::Csv)]
    format: TableFormat,
    /// Write each year table as Hive-style `year=YYYY/` partitions (for large corpora).
    #[arg(long)]
    partition: bool,
    /// The last year of the year tables for bindings still in force (default: this year, UTC;
    /// at most 9999, the last year a dossier's dates can name).
    #[arg(long, value_name = "YEAR", value_parser = through_year)]
    through: Option<i32>,
    #[command(flatten)]
    disputes: crate::disputes::Disputes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum TableFormat {
    Csv,
    Parquet,
}

/// A year no later than [`MAX_THROUGH_YEAR`] (clap reports the message and exits with 2).
fn through_year(text: &str) -> Result<i32, String> {
    let past = |year: &dyn std::fmt::Display| {
        format!(
            "{year} is past {MAX_THROUGH_YEAR}, the last year the tables run to (the last year a dossier's dates can name)"
        )
    };
    let year: i32 = match text.trim().parse() {
        Ok(year) => year,
        // A year too large for the integer is still a year: past the limit, not "not a year".
        Err(_) if text.trim().parse::<u128>().is_ok() => return Err(past(&text.trim())),
        Err(_) => return Err(format!("'{text}' is not a year")),
    };
    Options::checked_through(year).map(|_| year).map_err(|_| past(&year))
}

fn io_error(e: defense_agreements::Error) -> io::Error {
    match e {
        defense_agreements::Error::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let format = match args.format {
        TableFormat::Csv => Format::Csv,
        TableFormat::Parquet => Format::Parquet,
    };
    let mut write = WriteOptions::new(format);
    if args.partition {
        write = write.partitioned();
    }
    let options =
        args.through.map_or_else(Options::through_this_year, Options::through).with_policy(args.disputes.policy());
    let mut sink = TableSink::create(&args.out, write).map_err(io_error)?;
    let (mut used, mut failed) = (0u64, 0u64);
    args.inputs.for_each(|origin, parsed| {
        match parsed {
            Ok(d) if d.validate().is_valid() => {
                // Rows are written in batches as they are produced, however many years they span.
                sink.add(&d, &options).map_err(io_error)?;
                used += 1;
            }
            Ok(_) => {
                failed += 1;
                eprintln!("dossier tables: {origin}: skipped: the dossier does not validate (see dossier validate)");
            }
            Err(e) => {
                failed += 1;
                eprintln!("dossier tables: {origin}: skipped: {e}");
            }
        }
        Ok(())
    })?;
    let written = sink.finish().map_err(io_error)?;
    eprintln!("{used} dossier(s) written, {failed} skipped: {} file(s) in {}", written.len(), args.out);
    Ok(if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
