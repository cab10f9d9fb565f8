//! `dossier report --html`: each dossier as one self-contained HTML page.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use defense_agreements::render::{RenderOptions, report_html};

use crate::input::Inputs;

/// Write each dossier as one self-contained HTML page: its agreements with their parties,
/// spells, signers, obligations, cooperation and timeline, the troop presences, the disputes
/// side by side and the sources with their quotes. The page loads nothing from the network.
///
/// One dossier without `--out`: the page on standard output. `--out FILE.html`: that file
/// (one dossier only). `--out DIR` (any other name; created if missing): one page per dossier,
/// `DIR/<dossier id>.html` (`<id>-2.html` … for a repeated id). Exit status: 0 on success, 1 when an input cannot be read or
/// parsed (the others are still written), 2 on bad usage.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Write HTML (the only format so far; required, so that others can come).
    #[arg(long, required = true)]
    html: bool,
    #[command(flatten)]
    inputs: Inputs,
    /// A file ending in `.html`, or a directory for one page per dossier.
    #[arg(long, value_name = "DIR|FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    as_of: crate::as_of::AsOf,
    #[command(flatten)]
    disputes: crate::disputes::Disputes,
}

/// An I/O error that names the file it is about (the bare OS message does not).
pub(crate) fn at(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn is_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    debug_assert!(args.html);
    let options = RenderOptions::new(args.as_of.day()).with_policy(args.disputes.policy());
    if let Some(dir) = args.out.as_ref().filter(|p| !is_file(p)) {
        std::fs::create_dir_all(dir).map_err(|e| at(dir, e))?;
    }
    let mut written = 0usize;
    let mut too_many = false;
    let mut names = std::collections::HashSet::new();
    let failed = args.inputs.for_each_dossier("report", |d| {
        let page = report_html(&d, &options);
        written += 1;
        let single = args.out.as_ref().is_none_or(|p| is_file(p));
        if single && written > 1 {
            if !too_many {
                eprintln!("dossier report: one page per dossier: give --out DIR for many dossiers");
            }
            too_many = true;
            return Ok(());
        }
        match &args.out {
            Some(path) if is_file(path) => std::fs::write(path, page).map_err(|e| at(path, e)),
            // The id is a checked id (letters, digits, `_ - . :`): a safe file name, bar `:`.
            // A second dossier with the same id gets `-2`, `-3` …, said on stderr.
            Some(dir) => {
                let stem = d.id.as_str().replace(':', "_");
                let mut name = format!("{stem}.html");
                let mut n = 1;
                while !names.insert(name.clone()) {
                    n += 1;
                    name = format!("{stem}-{n}.html");
                }
                if n > 1 {
                    eprintln!("dossier report: another dossier has the id '{}': written as {name}", d.id);
                }
                let path = dir.join(name);
                std::fs::write(&path, page).map_err(|e| at(&path, e))
            }
            None => {
                let mut out = crate::output::stdout();
                out.write_all(page.as_bytes())?;
                out.flush()
            }
        }
    })?;
    Ok(if failed || too_many { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
