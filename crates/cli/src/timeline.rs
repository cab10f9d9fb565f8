//! `dossier timeline`: an agreement's life as an SVG picture.

use std::io::{self, Write};
use std::process::ExitCode;

use defense_agreements::Dossier;
use defense_agreements::render::{RenderOptions, timeline_svg};

/// Draw an agreement's life as SVG: one lane per party with its spans (bound, provisionally
/// applying, suspended, withdrawn), the acts as marks with tooltips, directed suspensions and
/// disputed acts marked.
///
/// Reads one dossier (`-`: standard input). Writes the SVG to standard output, or to `--out`.
/// Exit status: 0 on success, 1 when the dossier cannot be read or has no such agreement, 2 on
/// bad usage. docs/pictures.md shows the pictures.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The dossier (JSON; `-` for standard input).
    #[arg(value_name = "FILE")]
    file: String,
    /// The agreement to draw, by id (default: the dossier's first agreement).
    #[arg(long, value_name = "ID")]
    agreement: Option<String>,
    /// Write the SVG to this file instead of standard output.
    #[arg(long, value_name = "FILE.svg")]
    out: Option<std::path::PathBuf>,
    /// The width of the picture in pixels (at least 480).
    #[arg(long, value_name = "PX", default_value_t = 960)]
    width: u32,
    #[command(flatten)]
    as_of: crate::as_of::AsOf,
    #[command(flatten)]
    disputes: crate::disputes::Disputes,
}

/// Reads the one dossier a picture subcommand takes.
pub(crate) fn read_one(file: &str) -> Result<Dossier, String> {
    let parsed = if file == "-" {
        Dossier::from_reader(io::stdin().lock())
    } else {
        std::fs::File::open(file)
            .map_err(defense_agreements::Error::from)
            .and_then(|f| Dossier::from_reader(io::BufReader::new(f)))
    };
    parsed.map_err(|e| format!("{file}: {e}"))
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let dossier = match read_one(&args.file) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("dossier timeline: {e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let Some(id) = args.agreement.clone().or_else(|| dossier.agreements.first().map(|a| a.id.to_string())) else {
        eprintln!("dossier timeline: {}: the dossier has no agreement", args.file);
        return Ok(ExitCode::FAILURE);
    };
    let options = RenderOptions::new(args.as_of.day()).with_policy(args.disputes.policy()).with_width(args.width);
    let Some(svg) = timeline_svg(&dossier, &id, &options) else {
        let known: Vec<&str> = dossier.agreements.iter().map(|a| a.id.as_str()).collect();
        eprintln!("dossier timeline: {}: no agreement '{id}' (agreements: {})", args.file, known.join(", "));
        return Ok(ExitCode::FAILURE);
    };
    match &args.out {
        Some(path) => std::fs::write(path, svg + "\n").map_err(|e| crate::report::at(path, e))?,
        None => {
            let mut out = crate::output::stdout();
            writeln!(out, "{svg}")?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
