//! The inputs every subcommand reads: files, JSON Lines files and standard input.
//!
//! A file whose name ends in `.jsonl` or `.ndjson` (or any input under `--jsonl`) is read as
//! JSON Lines, one dossier per line, in constant memory; any other file is one JSON document.
//! `-` is standard input: JSON Lines when its first non-blank line is a complete JSON object on
//! its own, one document otherwise.

use std::io::{self, BufRead, BufReader, IsTerminal, Read};

use std::num::NonZeroUsize;

use defense_agreements::jsonl::{Reader, map_parallel};
use defense_agreements::{Dossier, Error};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Below this many bytes of input, a progress bar would only flicker.
const LONG_INPUT: u64 = 32 << 20;

/// Where a document came from: the name given on the command line and, for JSON Lines, the
/// line (1-based).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin<'a> {
    pub(crate) file: &'a str,
    pub(crate) line: Option<u64>,
}

impl std::fmt::Display for Origin<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => f.write_str(self.file),
        }
    }
}

/// How to read the inputs, shared by the subcommands.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Inputs {
    /// Dossier files: `.json` (one document), `.jsonl` (one per line), `-` for standard input.
    #[arg(value_name = "FILE", required = true)]
    pub(crate) files: Vec<String>,
    /// Read every input as JSON Lines, whatever its name.
    #[arg(long)]
    pub(crate) jsonl: bool,
    /// No progress bar (it is only ever drawn on a terminal, for inputs over 32 MiB).
    #[arg(long)]
    pub(crate) no_progress: bool,
}

impl Inputs {
    /// Calls `each` with every dossier that parses, in order; a document that does not is
    /// reported on stderr (`dossier COMMAND: FILE[:LINE]: error`) and skipped. Returns whether
    /// any was skipped, for the exit status.
    pub(crate) fn for_each_dossier(
        &self,
        command: &str,
        mut each: impl FnMut(Dossier) -> io::Result<()>,
    ) -> io::Result<bool> {
        let mut failed = false;
        self.for_each(|origin, parsed| match parsed {
            Ok(d) => each(d),
            Err(e) => {
                failed = true;
                eprintln!("dossier {command}: {origin}: {e}");
                Ok(())
            }
        })?;
        Ok(failed)
    }

    /// Calls `each` with every document of every input, in order: the parsed dossier, or why
    /// it could not be read (a file that cannot be opened is one error). Stops at the first
    /// error `each` returns (a closed output pipe).
    pub(crate) fn for_each(
        &self,
        mut each: impl FnMut(Origin<'_>, Result<Dossier, Error>) -> io::Result<()>,
    ) -> io::Result<()> {
        let bar = self.progress_bar();
        for file in &self.files {
            let whole = |line| Origin { file, line };
            if file == "-" {
                read_stdin(file, self.jsonl, &mut each)?;
                continue;
            }
            let opened = match std::fs::File::open(file) {
                Ok(f) => f,
                Err(e) => {
                    each(whole(None), Err(e.into()))?;
                    continue;
                }
            };
            let reader: Box<dyn Read> = match &bar {
                Some(bar) => Box::new(bar.wrap_read(opened)),
                None => Box::new(opened),
            };
            let reader = BufReader::with_capacity(1 << 16, reader);
            if self.jsonl || is_jsonl_name(file) {
                read_lines(file, reader, &mut each)?;
            } else {
                each(whole(None), Dossier::from_reader(reader))?;
            }
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        Ok(())
    }

    /// Like [`Inputs::for_each`], with `work` done on each document and its result handed to
    /// `each` in input order. JSON Lines files are parsed and worked on by `threads` worker
    /// threads ([`map_parallel`]); other inputs on this thread.
    pub(crate) fn for_each_parallel<T: Send>(
        &self,
        threads: NonZeroUsize,
        work: impl Fn(Result<Dossier, Error>) -> T + Sync,
        mut each: impl FnMut(Origin<'_>, T) -> io::Result<()>,
    ) -> io::Result<()> {
        let bar = self.progress_bar();
        for file in &self.files {
            let parallel = file != "-" && (self.jsonl || is_jsonl_name(file)) && threads.get() > 1;
            if !parallel {
                let single = Self { files: vec![file.clone()], jsonl: self.jsonl, no_progress: true };
                single.for_each(|origin, parsed| each(origin, work(parsed)))?;
                continue;
            }
            let opened = match std::fs::File::open(file) {
                Ok(f) => f,
                Err(e) => {
                    each(Origin { file, line: None }, work(Err(e.into())))?;
                    continue;
                }
            };
            let reader: Box<dyn Read + Send> = match &bar {
                Some(bar) => Box::new(bar.wrap_read(opened)),
                None => Box::new(opened),
            };
            let reader = BufReader::with_capacity(1 << 16, reader);
            // The origin names the line: each error is reported inside it.
            let unwrap_line = |parsed: Result<Dossier, Error>| {
                work(parsed.map_err(|e| match e {
                    Error::Line { source, .. } => *source,
                    other => other,
                }))
            };
            map_parallel(reader, threads, unwrap_line, |line, value| each(Origin { file, line: Some(line) }, value))?;
        }
        if let Some(bar) = bar {
            bar.finish_and_clear();
        }
        Ok(())
    }

    /// A bar on standard error when it is a terminal and the files are long; `None` otherwise,
    /// so that logs and pipes stay clean.
    fn progress_bar(&self) -> Option<ProgressBar> {
        if self.no_progress || !io::stderr().is_terminal() {
            return None;
        }
        let total: u64 = self.files.iter().filter_map(|f| std::fs::metadata(f).ok()).map(|m| m.len()).sum();
        if total < LONG_INPUT {
            return None;
        }
        let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template(
            "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} ETA {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Some(bar)
    }
}

fn is_jsonl_name(file: &str) -> bool {
    file.ends_with(".jsonl") || file.ends_with(".ndjson")
}

/// Every line of a JSON Lines stream.
fn read_lines(
    file: &str,
    input: impl BufRead,
    each: &mut impl FnMut(Origin<'_>, Result<Dossier, Error>) -> io::Result<()>,
) -> io::Result<()> {
    let mut reader = Reader::new(input);
    while let Some(parsed) = reader.next() {
        let line = Some(reader.line_number());
        // The origin already names the line: report the error inside it.
        let parsed = parsed.map_err(|e| match e {
            Error::Line { source, .. } => *source,
            other => other,
        });
        each(Origin { file, line }, parsed)?;
    }
    Ok(())
}

fn read_stdin(
    file: &str,
    jsonl: bool,
    each: &mut impl FnMut(Origin<'_>, Result<Dossier, Error>) -> io::Result<()>,
) -> io::Result<()> {
    let mut stdin = io::stdin().lock();
    if jsonl {
        return read_lines(file, stdin, each);
    }
    // Look at the first non-blank line to tell JSON Lines from one (pretty-printed) document.
    let mut consumed = Vec::new();
    let first = loop {
        let start = consumed.len();
        match stdin.read_until(b'\n', &mut consumed) {
            Ok(0) => break None,
            Ok(_) if consumed[start..].iter().all(u8::is_ascii_whitespace) => {}
            Ok(_) => break Some(start),
            Err(e) => return each(Origin { file, line: None }, Err(e.into())),
        }
    };
    let one_line_object = first.is_some_and(|start| {
        let line = consumed[start..].trim_ascii();
        line.first() == Some(&b'{') && serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok()
    });
    if one_line_object {
        // The reader skips (and counts) the blank lines again.
        return read_lines(file, io::Cursor::new(consumed).chain(stdin), each);
    }
    let parsed = stdin.read_to_end(&mut consumed).map_err(Error::from).and_then(|_| Dossier::from_slice(&consumed));
    each(Origin { file, line: None }, parsed)
}
