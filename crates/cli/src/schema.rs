//! `dossier schema`: the JSON Schema of the contract, printed or written to a directory.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use defense_agreements::schema::{DOSSIER_SCHEMA_FILE, EXTRACTION_SCHEMA_FILE, exported_schemas, to_file_text};

/// Print the JSON Schema of a dossier, or write every exported schema to a directory.
///
/// The schemas are JSON Schema draft 2020-12: the files of the repository's `schemas/`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    dossier schema > dossier.schema.json\n  \
    dossier schema --profile extraction > dossier.extraction.schema.json\n  \
    dossier schema --out schemas/\n  \
    dossier schema --list")]
pub(crate) struct Args {
    /// The schema to print, by file name or its stem (`dossier`).
    #[arg(default_value = "dossier", conflicts_with_all = ["out", "list"])]
    name: String,
    /// Write every exported schema into this directory (created if missing) instead.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// List the exported schemas' file names.
    #[arg(long)]
    list: bool,
    /// Print the dossier schema in this shape: `canonical`, or `extraction` (the profile for LLM
    /// structured output and tool input: every property required, `null` when absent).
    #[arg(long, value_enum, conflicts_with_all = ["name", "out", "list"])]
    profile: Option<Profile>,
}

/// The shapes of the dossier schema.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Profile {
    /// `dossier.schema.json`: the JSON contract.
    Canonical,
    /// `dossier.extraction.schema.json`: the extraction profile (docs/extraction.md).
    Extraction,
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    let schemas = exported_schemas();
    let mut out = crate::output::stdout();
    if args.list {
        for (file, _) in &schemas {
            writeln!(out, "{file}")?;
        }
    } else if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir)?;
        for (file, schema) in &schemas {
            let path = dir.join(file);
            std::fs::write(&path, to_file_text(schema))?;
            eprintln!("wrote {}", path.display());
        }
    } else {
        let name = match args.profile {
            Some(Profile::Canonical) => DOSSIER_SCHEMA_FILE,
            Some(Profile::Extraction) => EXTRACTION_SCHEMA_FILE,
            None => args.name.as_str(),
        };
        // `dossier.schema.json`, `dossier.extraction` or `dossier` (the first with that stem).
        let wanted = |file: &str| {
            file == name || file.strip_suffix(".schema.json") == Some(name) || file.split('.').next() == Some(name)
        };
        let Some((_, schema)) = schemas.iter().find(|(file, _)| wanted(file)) else {
            let names: Vec<&str> = schemas.iter().map(|(f, _)| *f).collect();
            eprintln!("dossier schema: no schema '{name}' (there are: {})", names.join(", "));
            return Ok(ExitCode::from(crate::USAGE));
        };
        out.write_all(to_file_text(schema).as_bytes())?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
