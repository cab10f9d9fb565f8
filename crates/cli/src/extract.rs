//! `dossier extract`: model answers in the extraction profile, with their articles, to checked
//! dossiers.

use std::collections::HashSet;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use defense_agreements::Severity;
use defense_agreements::extraction::{
    Article, ExtractOptions, Extracted, Normalization, OnMisquote, QuoteMatching, QuoteReport, QuoteStatus, extract,
};
use serde_json::{Value, json};

/// Read model answers in the extraction profile and check them against their articles.
///
/// Each answer is read as the canonical parser reads a dossier (a key given twice is an error
/// at its path); the article's source record, and the dossier, get an id derived from the
/// article (its URL, else its outlet and date), so that merges rename nothing, and the source
/// takes the article's URL, publisher, publication date and title;
/// every quote citing it is checked against the article's text; the dossier is validated.
///
/// Answers come as files (`ANSWER.json`, one answer; `.jsonl`, one per line; `-`, standard
/// input), all made from the one `--article`, or as `--batch FILE.jsonl` lines of
/// `{"article": {...}, "answer": {...}}` (the answer as an object, or as the model's text in a
/// string). Dossiers go to standard output (one answer file: pretty-printed; otherwise one per
/// line, JSON Lines) or to `--out DIR` (one file per dossier, named after its source id);
/// problems go to standard error.
///
/// An answer fails, and gives no dossier, when it cannot be read or parsed, when a quote is not
/// in its article under `--on-misquote fail`, or when its dossier has a validation error.
/// Exit status: 0 when every answer gave a dossier (warnings, dropped citations and normalized
/// quotes are reported, not failures), 1 when any failed, 2 on bad usage.
#[derive(Debug, clap::Args)]
#[command(after_help = "The profile: docs/extraction.md. Examples:\n  \
    dossier extract --article article.json answer.json\n  \
    dossier extract --article article.txt --url https://example.org/a --published 2020-07-08 answer.json\n  \
    dossier extract --batch answers.jsonl --quotes normalized --on-misquote drop --out dossiers/")]
pub(crate) struct Args {
    /// Answer files: `.json` (one answer), `.jsonl` (one per line), `-` for standard input.
    #[arg(value_name = "ANSWER")]
    answers: Vec<String>,
    /// The article the answers were made from: an Article JSON file (`.json`:
    /// `{"text", "url", "publisher", "published", "title"}`), or its plain text.
    #[arg(long, value_name = "FILE")]
    article: Option<String>,
    /// The article's URL (with a plain-text `--article`, or over the JSON file's).
    #[arg(long)]
    url: Option<String>,
    /// The article's publication date, ISO 8601.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// The outlet that published the article.
    #[arg(long)]
    publisher: Option<String>,
    /// The article's headline.
    #[arg(long)]
    title: Option<String>,
    /// JSON Lines of `{"article": {...}, "answer": {...}}`, each answer with its own article
    /// (`-` for standard input). May be given more than once.
    #[arg(long, value_name = "FILE")]
    batch: Vec<String>,
    /// `exact`: quotes byte for byte. `normalized`: also after Unicode NFC, typographic quotes
    /// and apostrophes, dashes and runs of white space are made the same (each quote's report
    /// says which it needed).
    #[arg(long, value_enum, default_value_t = Quotes::Exact)]
    quotes: Quotes,
    /// Warn about quotes shorter than N characters (0: never).
    #[arg(long, value_name = "N", default_value_t = ExtractOptions::MIN_QUOTE)]
    min_quote: usize,
    /// `fail`: a quote not in the article fails its answer. `drop`: the misquoted citation is
    /// dropped (and reported) and the rest of the answer kept.
    #[arg(long, value_enum, default_value_t = Misquote::Fail)]
    on_misquote: Misquote,
    /// The id the answers give the article's source (default: `report`, or an answer's only
    /// source).
    #[arg(long, value_name = "ID")]
    source: Option<String>,
    /// `text`: one line per problem on standard error. `json`: one JSON document on standard
    /// error with every answer's problems and quote checks, and the counts.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write each dossier to DIR/<source id>.json instead of standard output.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Read every answer file as JSON Lines, whatever its name.
    #[arg(long)]
    jsonl: bool,
    /// No summary line on standard error (text format).
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Quotes {
    Exact,
    Normalized,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Misquote {
    Drop,
    Fail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// A usage error: exit status 2.
struct Usage(String);

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    match Run::new(args) {
        Ok(mut run) => run.all(),
        Err(Usage(message)) => {
            eprintln!("dossier extract: {message}");
            Ok(ExitCode::from(crate::USAGE))
        }
    }
}

/// The counts of a run.
#[derive(Debug, Default)]
struct Tally {
    answers: u64,
    dossiers: u64,
    failed: u64,
    errors: u64,
    warnings: u64,
    exact: u64,
    normalized: u64,
    misquoted: u64,
    dropped: u64,
    short: u64,
    /// Quotes that needed each normalization, in `Normalization` order.
    needed: Vec<(Normalization, u64)>,
}

impl Tally {
    fn count_quote(&mut self, quote: &QuoteReport, dropped: bool) {
        match quote.status {
            QuoteStatus::Exact => self.exact += 1,
            QuoteStatus::Normalized => self.normalized += 1,
            _ => {
                self.misquoted += 1;
                self.dropped += u64::from(dropped);
            }
        }
        self.short += u64::from(quote.short);
        for n in &quote.normalizations {
            match self.needed.iter_mut().find(|(k, _)| k == n) {
                Some((_, count)) => *count += 1,
                None => {
                    self.needed.push((*n, 1));
                    self.needed.sort();
                }
            }
        }
    }

    fn normalizations(&self) -> String {
        let parts: Vec<String> = self.needed.iter().map(|(n, c)| format!("{n} {c}")).collect();
        if parts.is_empty() { String::new() } else { format!(" ({})", parts.join(", ")) }
    }
}

struct Run {
    args: Args,
    options: ExtractOptions,
    article: Option<Article>,
    tally: Tally,
    /// `--format json`: the document on standard error, written one answer's record at a time.
    records: Records,
    out: io::BufWriter<io::StdoutLock<'static>>,
    /// One answer file: its dossier pretty-printed; otherwise JSON Lines.
    pretty: bool,
    /// The file names written under `--out`.
    written: HashSet<String>,
}

impl Run {
    fn new(args: Args) -> Result<Self, Usage> {
        if args.answers.is_empty() && args.batch.is_empty() {
            return Err(Usage("nothing to read: give answer files with --article, or --batch FILE".into()));
        }
        if !args.answers.is_empty() && args.article.is_none() {
            return Err(Usage("answer files need the --article they were made from (or use --batch)".into()));
        }
        let metadata = [&args.url, &args.published, &args.publisher, &args.title];
        if args.article.is_none() && metadata.iter().any(|m| m.is_some()) {
            return Err(Usage("--url, --published, --publisher and --title describe an --article".into()));
        }
        let stdin_uses = args.answers.iter().chain(&args.batch).filter(|f| *f == "-").count();
        if stdin_uses > 1 || args.article.as_deref() == Some("-") {
            return Err(Usage("standard input can be read once, as answers or a batch".into()));
        }
        let article = match &args.article {
            Some(path) => Some(read_article(path, &args).map_err(Usage)?),
            None => None,
        };
        let quotes = match args.quotes {
            Quotes::Exact => QuoteMatching::Exact,
            Quotes::Normalized => QuoteMatching::Normalized,
        };
        let mut options = ExtractOptions::new().with_quotes(quotes).with_min_quote(args.min_quote);
        // Misquotes are always dropped by the library here, so that each can be reported; under
        // `fail` the answer is then failed (no dossier), as the library would.
        options = options.with_on_misquote(OnMisquote::Drop);
        if let Some(source) = &args.source {
            options = options.with_source(source.clone());
        }
        if let Some(dir) = &args.out {
            std::fs::create_dir_all(dir).map_err(|e| Usage(format!("--out {}: {e}", dir.display())))?;
        }
        let pretty = args.batch.is_empty()
            && args.answers.len() == 1
            && args.answers[0] != "-"
            && !args.jsonl
            && !is_jsonl_name(&args.answers[0]);
        Ok(Self {
            args,
            options,
            article,
            tally: Tally::default(),
            records: Records::new(),
            out: crate::output::stdout(),
            pretty,
            written: HashSet::new(),
        })
    }

    fn all(&mut self) -> io::Result<ExitCode> {
        for file in self.args.answers.clone() {
            self.answers_in(&file)?;
        }
        for file in self.args.batch.clone() {
            self.batch(&file)?;
        }
        self.out.flush()?;
        self.summary()?;
        Ok(if self.tally.failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
    }

    /// Every answer of one answer file (or standard input). JSON Lines are read a line at a
    /// time, each answer written before the next is read.
    fn answers_in(&mut self, file: &str) -> io::Result<()> {
        let Some(article) = self.article.clone() else { return Ok(()) };
        let mut reader = match open(file) {
            Ok(reader) => reader,
            Err(e) => return self.failed(file, None, "", "io_error", &e.to_string()),
        };
        let mut number = 0;
        let mut line = String::new();
        let named_lines = self.args.jsonl || is_jsonl_name(file);
        if !named_lines && file != "-" {
            return match reader.read_to_string(&mut line) {
                Ok(_) => self.one(file, None, &line, &article),
                Err(e) => self.failed(file, None, "", "io_error", &e.to_string()),
            };
        }
        if !named_lines {
            // Standard input is JSON Lines when its first non-blank line is a whole JSON object;
            // otherwise it is one answer, read whole (blank lines before it included).
            let mut head = String::new();
            loop {
                head.push_str(&line);
                line.clear();
                number += 1;
                match reader.read_line(&mut line) {
                    Ok(0) => return self.one(file, None, &head, &article),
                    Ok(_) if line.trim().is_empty() => {}
                    Ok(_) => break,
                    Err(e) => return self.failed(file, None, "", "io_error", &e.to_string()),
                }
            }
            if !is_whole_object(&line) {
                let mut text = head + &line;
                return match reader.read_to_string(&mut text) {
                    Ok(_) => self.one(file, None, &text, &article),
                    Err(e) => self.failed(file, None, "", "io_error", &e.to_string()),
                };
            }
            self.one(file, Some(number as u64), trim_newline(&line), &article)?;
        }
        loop {
            line.clear();
            number += 1;
            match reader.read_line(&mut line) {
                Ok(0) => return Ok(()),
                Ok(_) if line.trim().is_empty() => {}
                Ok(_) => self.one(file, Some(number as u64), trim_newline(&line), &article)?,
                Err(e) => return self.failed(file, Some(number as u64), "", "io_error", &e.to_string()),
            }
        }
    }

    /// Every line of a batch: `{"article": {...}, "answer": {...}}`.
    fn batch(&mut self, file: &str) -> io::Result<()> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Line<'a> {
            article: Article,
            #[serde(borrow)]
            answer: &'a serde_json::value::RawValue,
        }
        let reader = match open(file) {
            Ok(reader) => reader,
            Err(e) => return self.failed(file, None, "", "io_error", &e.to_string()),
        };
        let mut reader = reader;
        let mut bytes = Vec::new();
        let mut count = 0u64;
        loop {
            bytes.clear();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(_) => count += 1,
                Err(e) => return self.failed(file, Some(count + 1), "", "io_error", &e.to_string()),
            }
            let number = Some(count);
            // A line that is not UTF-8 fails alone: the lines after it are still read.
            let Ok(line) = std::str::from_utf8(&bytes) else {
                self.failed(file, number, "", "invalid_utf8", "the line is not UTF-8 text")?;
                continue;
            };
            // A byte order mark opens the file, not the first line's JSON.
            let line = if count == 1 { line.strip_prefix('\u{FEFF}').unwrap_or(line) } else { line };
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Line<'_>>(line) {
                Ok(Line { article, answer }) => {
                    // The answer as an object, or as the model's text in a string.
                    let text = match serde_json::from_str::<String>(answer.get()) {
                        Ok(text) => text,
                        Err(_) => answer.get().to_owned(),
                    };
                    self.one(file, number, &text, &article)?;
                }
                Err(e) => {
                    let message = format!("not a batch line {{\"article\", \"answer\"}}: {e}");
                    self.failed(file, number, "", "invalid_batch_line", &message)?;
                }
            }
        }
        Ok(())
    }

    /// One answer with its article.
    fn one(&mut self, file: &str, line: Option<u64>, answer: &str, article: &Article) -> io::Result<()> {
        self.tally.answers += 1;
        let extracted = match extract(answer, article, &self.options) {
            Ok(extracted) => extracted,
            Err(e) => return self.failed(file, line, e.path().unwrap_or(""), e.code(), &e.message()),
        };
        let fail_on_misquote = self.args.on_misquote == Misquote::Fail;
        let misquotes = extracted.misquotes().count();
        let ok = extracted.report.is_valid() && !(fail_on_misquote && misquotes > 0);
        let mut issues = Vec::new();
        for quote in &extracted.quotes {
            self.tally.count_quote(quote, !fail_on_misquote);
            if !quote.found() {
                let (severity, what) = if fail_on_misquote {
                    (Severity::Error, "not in the article")
                } else {
                    (Severity::Warning, "not in the article; citation dropped")
                };
                issues.push((quote.path.clone(), "misquote", severity, format!("{what}: {:?}", quote.quote)));
            }
            if quote.short {
                let message = format!(
                    "{} characters, under --min-quote {}: {:?}",
                    quote.quote.trim().chars().count(),
                    self.args.min_quote,
                    quote.quote
                );
                issues.push((quote.path.clone(), "short_quote", Severity::Warning, message));
            }
        }
        for issue in extracted.report.issues() {
            issues.push((issue.path.clone(), issue.code.as_str(), issue.severity, issue.message.clone()));
        }
        let mut written = None;
        if ok {
            written = self.write(&extracted)?;
            self.tally.dossiers += 1;
        } else {
            self.tally.failed += 1;
        }
        let origin = origin(file, line);
        for (path, code, severity, message) in &issues {
            match severity {
                Severity::Error => self.tally.errors += 1,
                _ => self.tally.warnings += 1,
            }
            if self.args.format == Format::Text {
                let path = if path.is_empty() { "(root)" } else { path };
                eprintln!("dossier extract: {origin}: {path}: {code}: {severity}: {message}");
            }
        }
        if !ok && self.args.format == Format::Text {
            eprintln!("dossier extract: {origin}: no dossier: the answer failed");
        }
        if self.args.format == Format::Json {
            let mut record = json!({"file": file});
            if let Some(line) = line {
                record["line"] = json!(line);
            }
            record["ok"] = json!(ok);
            record["source"] = json!(extracted.source);
            record["written"] = json!(written);
            record["issues"] = issues.iter().map(|(p, c, s, m)| issue_json(p, c, *s, m)).collect::<Vec<_>>().into();
            record["quotes"] = serde_json::to_value(&extracted.quotes)?;
            self.records.push(&record)?;
        }
        Ok(())
    }

    /// Writes a dossier to standard output or `--out`; the file written, if any.
    fn write(&mut self, extracted: &Extracted) -> io::Result<Option<String>> {
        let Some(dir) = &self.args.out else {
            if self.pretty {
                writeln!(self.out, "{}", extracted.dossier.to_json_pretty())?;
            } else {
                writeln!(self.out, "{}", extracted.dossier.to_json())?;
                // Each line goes on as soon as it is made: a pipeline reads the dossiers of
                // a long batch while it runs.
                self.out.flush()?;
            }
            return Ok(None);
        };
        let stem: String = extracted
            .source
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_' { c } else { '_' })
            .collect();
        // Two answers about one article: the second is not written over the first.
        let mut name = format!("{stem}.json");
        let mut n = 2;
        while !self.written.insert(name.clone()) {
            name = format!("{stem}-{n}.json");
            n += 1;
        }
        let path = dir.join(&name);
        std::fs::write(&path, extracted.dossier.to_json_pretty() + "\n")?;
        Ok(Some(path.display().to_string()))
    }

    /// An answer that gave no dossier at all: one error.
    fn failed(&mut self, file: &str, line: Option<u64>, path: &str, code: &str, message: &str) -> io::Result<()> {
        self.tally.failed += 1;
        self.tally.errors += 1;
        if self.args.format == Format::Text {
            let shown = if path.is_empty() { "(root)" } else { path };
            eprintln!("dossier extract: {}: {shown}: {code}: error: {message}", origin(file, line));
        } else {
            let mut record = json!({"file": file});
            if let Some(line) = line {
                record["line"] = json!(line);
            }
            record["ok"] = json!(false);
            record["source"] = Value::Null;
            record["written"] = Value::Null;
            record["issues"] = json!([issue_json(path, code, Severity::Error, message)]);
            record["quotes"] = json!([]);
            self.records.push(&record)?;
        }
        Ok(())
    }

    fn summary(&mut self) -> io::Result<()> {
        let t = &self.tally;
        if self.args.format == Format::Json {
            let needed: serde_json::Map<String, Value> =
                t.needed.iter().map(|(n, c)| (n.as_str().to_owned(), json!(c))).collect();
            let summary = json!({
                "answers": t.answers,
                "dossiers": t.dossiers,
                "failed": t.failed,
                "errors": t.errors,
                "warnings": t.warnings,
                "quotes": {
                    "exact": t.exact,
                    "normalized": t.normalized,
                    "misquoted": t.misquoted,
                    "dropped": t.dropped,
                    "short": t.short,
                    "needed": needed,
                },
            });
            self.records.finish(&summary)?;
        } else if !self.args.quiet {
            eprintln!(
                "{} answer(s): {} dossier(s), {} failed; quotes: {} exact, {} normalized{}, {} misquoted ({} dropped), {} short",
                t.answers,
                t.dossiers,
                t.failed,
                t.exact,
                t.normalized,
                t.normalizations(),
                t.misquoted,
                t.dropped,
                t.short
            );
        }
        Ok(())
    }
}

fn issue_json(path: &str, code: &str, severity: Severity, message: &str) -> Value {
    json!({"path": path, "code": code, "severity": severity.to_string(), "message": message})
}

fn origin(file: &str, line: Option<u64>) -> String {
    match line {
        Some(line) => format!("{file}:{line}"),
        None => file.to_owned(),
    }
}

fn is_jsonl_name(file: &str) -> bool {
    file.ends_with(".jsonl") || file.ends_with(".ndjson")
}

/// `--format json`'s document, `{"answers": [record, …], "summary": {…}}`, written as the
/// records come so that a batch of any size holds one record at a time (the same bytes as the
/// whole document serialized at once: its keys are in order).
struct Records {
    err: io::BufWriter<io::StderrLock<'static>>,
    written: u64,
}

impl Records {
    fn new() -> Self {
        Self { err: io::BufWriter::new(io::stderr().lock()), written: 0 }
    }

    fn push(&mut self, record: &Value) -> io::Result<()> {
        self.err.write_all(if self.written == 0 { b"{\"answers\":[" } else { b"," })?;
        self.written += 1;
        serde_json::to_writer(&mut self.err, record)?;
        Ok(())
    }

    fn finish(&mut self, summary: &Value) -> io::Result<()> {
        if self.written == 0 {
            self.err.write_all(b"{\"answers\":[")?;
        }
        self.err.write_all(b"],\"summary\":")?;
        serde_json::to_writer(&mut self.err, summary)?;
        self.err.write_all(b"}\n")?;
        self.err.flush()
    }
}

fn open(file: &str) -> io::Result<Box<dyn BufRead>> {
    Ok(if file == "-" {
        Box::new(BufReader::new(io::stdin().lock()))
    } else {
        Box::new(BufReader::new(std::fs::File::open(file)?))
    })
}

/// A line as `str::lines` gives it: without its `\n` or `\r\n`.
fn trim_newline(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

/// Whether a line is a whole JSON object (standard input is then JSON Lines).
fn is_whole_object(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(line).is_ok()
}

/// `--article FILE`: an Article JSON file (`.json`), or plain text; the flags fill in or
/// override what the file says about the article.
fn read_article(path: &str, args: &Args) -> Result<Article, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("--article {path}: {e}"))?;
    // As `dossier prompt` reads it: a byte order mark is not part of the article.
    let text = text.strip_prefix('\u{FEFF}').map(str::to_owned).unwrap_or(text);
    let mut article = if Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        serde_json::from_str::<Article>(&text).map_err(|e| format!("--article {path}: not an article: {e}"))?
    } else {
        Article::new(text)
    };
    if let Some(url) = &args.url {
        article = article.with_url(url.clone());
    }
    if let Some(published) = &args.published {
        article = article.with_published(published.clone());
    }
    if let Some(publisher) = &args.publisher {
        article = article.with_publisher(publisher.clone());
    }
    if let Some(title) = &args.title {
        article = article.with_title(title.clone());
    }
    Ok(article)
}
