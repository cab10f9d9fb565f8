//! `dossier resolve`: one judgement at a time into a resolver file, and reading them back.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use defense_agreements::Dossier;
use defense_agreements::identity::{Decision, Judgement, RecordKey, Resolver};
use defense_agreements::values::EdtfDate;

/// Record, list and show human judgements on pairs of records (a resolver file).
///
/// Records are named `dossier/type/id`, as `dossier xref` prints them
/// (`iran-syria-2020-ap/agreement/iran-syria-2020`); the list name `agreements` is read as
/// `agreement`. The file is a log: a pair judged again keeps both entries, and the later one
/// stands. `dossier merge --resolver FILE` follows it. See docs/merge.md.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    Add(AddArgs),
    List(ListArgs),
    Show(ShowArgs),
}

/// Append one judgement to a resolver file, creating the file if missing.
///
/// Runs at once on one file wait for each other (up to 10 s), through a lock file
/// `.<name>.lock` beside it. A judgement that leaves two records judged `not_same` joined by a
/// chain of `same` judgements (which a merge follows) is written with a warning.
///
/// Exit status: 0 when the judgement was written, 1 when it was refused (records of two kinds,
/// a record not found in the `--check` dossiers, an unreadable file), 2 on bad usage.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  dossier resolve add judgements.json \\\n    \
    iran-syria-2020-report/agreement/iran-syria-2020 iran-syria-2020-ap/agreement/iran-syria-2020 \\\n    \
    same --by analyst --because 'One signing in Damascus, July 2020'")]
struct AddArgs {
    /// The resolver file (created when it does not exist).
    #[arg(value_name = "RESOLVER")]
    file: String,
    /// One record: dossier/type/id.
    #[arg(value_name = "LEFT")]
    left: RecordKey,
    /// The other record, of the same type.
    #[arg(value_name = "RIGHT")]
    right: RecordKey,
    /// `same`, `not_same` (keep apart, even when they share an identifier) or `unsure` (keep
    /// apart, stop proposing the pair).
    #[arg(value_name = "JUDGEMENT")]
    judgement: Decision,
    /// Who decides (a name, a handle).
    #[arg(long, value_name = "NAME")]
    by: String,
    /// Why, for the next reader.
    #[arg(long, value_name = "TEXT")]
    because: Option<String>,
    /// When (EDTF: 2026-11-29); today (UTC) when not given.
    #[arg(long, value_name = "DATE")]
    on: Option<EdtfDate>,
    /// Dossiers that must hold both records (repeat for several files): a typo in a record's
    /// name is refused instead of written.
    #[arg(long, value_name = "FILE")]
    check: Vec<String>,
}

/// Print every judgement, one tab-separated line each: position, left, judgement, right, who,
/// when, why, and whether a later judgement of the pair replaced it.
#[derive(Debug, clap::Args)]
struct ListArgs {
    /// The resolver file.
    #[arg(value_name = "RESOLVER")]
    file: String,
}

/// Print one judgement, field by field: by its position (as `list` numbers them), or the one
/// standing for a pair of records.
///
/// Exit status: 0 when found, 1 when there is no such judgement or the file cannot be read.
#[derive(Debug, clap::Args)]
struct ShowArgs {
    /// The resolver file.
    #[arg(value_name = "RESOLVER")]
    file: String,
    /// A position (0 is the first judgement), or a record: dossier/type/id.
    #[arg(value_name = "WHICH")]
    which: String,
    /// The other record of the pair, when WHICH is a record.
    #[arg(value_name = "RIGHT")]
    right: Option<RecordKey>,
}

pub(crate) fn run(args: Args) -> io::Result<ExitCode> {
    match args.action {
        Action::Add(a) => add(a),
        Action::List(a) => list(a),
        Action::Show(a) => show(a),
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

fn read(path: &str) -> io::Result<Resolver> {
    let text = std::fs::read_to_string(path).map_err(|e| io::Error::new(e.kind(), format!("{path}: {e}")))?;
    Resolver::from_json(&text).map_err(|e| invalid(format!("{path}: {e}")))
}

fn add(args: AddArgs) -> io::Result<ExitCode> {
    let _lock = LockFile::take(&args.file)?;
    let mut resolver = if Path::new(&args.file).exists() { read(&args.file)? } else { Resolver::new() };
    let on = match args.on {
        Some(on) => on,
        None => today()?,
    };
    let mut judgement = Judgement::new(args.left, args.right, args.judgement, args.by, on);
    if let Some(reason) = args.because {
        judgement = judgement.because(reason);
    }
    if !args.check.is_empty() {
        let missing = missing_records(&args.check, &[&judgement.left, &judgement.right])?;
        if !missing.is_empty() {
            for key in &missing {
                eprintln!("dossier resolve: no record {key} in {}", args.check.join(", "));
            }
            eprintln!("dossier resolve: nothing written");
            return Ok(ExitCode::FAILURE);
        }
    }
    let standing = resolver
        .judgements
        .iter()
        .rposition(|j| same_pair(j, &judgement.left, &judgement.right))
        .and_then(|i| Some((i, resolver.judgements.get(i)?.judgement)));
    let contradicted_before = contradictions(&resolver);
    resolver.add(judgement).map_err(|e| invalid(format!("{}: not written: {e}", args.file)))?;
    write_atomically(&args.file, &(resolver.to_json_pretty() + "\n"))?;
    let contradicted = contradictions(&resolver);
    let index = resolver.judgements.len() - 1;
    match standing {
        Some((i, was)) => {
            eprintln!("dossier resolve: added judgement {index} to {}; it replaces judgement {i} ({was})", args.file);
        }
        None => eprintln!("dossier resolve: added judgement {index} to {}", args.file),
    }
    for (a, b) in contradicted.difference(&contradicted_before) {
        eprintln!(
            "dossier resolve: warning: {a} and {b} are judged not_same, but a chain of `same` judgements \
             joins them, and `same` is transitive: a merge makes them one record"
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The standing `not_same` pairs that standing `same` judgements join through a chain (the
/// merge follows `same`): a union-find over the log, linear in it up to a log factor.
fn contradictions(resolver: &Resolver) -> std::collections::BTreeSet<(RecordKey, RecordKey)> {
    let standing = resolver.index();
    let mut ids: std::collections::HashMap<&RecordKey, usize> = std::collections::HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut id = |key, parent: &mut Vec<usize>| {
        *ids.entry(key).or_insert_with(|| {
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    let mut apart = Vec::new();
    for ((a, b), decision) in &standing {
        let (x, y) = (id(a, &mut parent), id(b, &mut parent));
        match decision {
            Decision::Same => {
                let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
                parent[rx] = ry;
            }
            Decision::NotSame => apart.push((x, y, a, b)),
            _ => {}
        }
    }
    apart
        .into_iter()
        .filter(|&(x, y, _, _)| find(&mut parent, x) == find(&mut parent, y))
        .map(|(_, _, a, b)| (a.clone(), b.clone()))
        .collect()
}

fn same_pair(j: &Judgement, a: &RecordKey, b: &RecordKey) -> bool {
    (&j.left == a && &j.right == b) || (&j.left == b && &j.right == a)
}

/// Today's date in UTC, as a day.
fn today() -> io::Result<EdtfDate> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|e| io::Error::other(format!("the clock is before 1970: {e}")))?
        .as_secs();
    let day = NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(secs / 86_400)))
        .ok_or_else(|| io::Error::other("the clock is out of range"))?;
    EdtfDate::parse(&day.to_string()).map_err(|e| io::Error::other(e.to_string()))
}

/// The keys no dossier of `files` holds (by dossier id, type and local id).
fn missing_records<'k>(files: &[String], keys: &[&'k RecordKey]) -> io::Result<Vec<&'k RecordKey>> {
    let mut found = vec![false; keys.len()];
    for file in files {
        let dossiers = defense_agreements::jsonl::read_file(file).map_err(|e| invalid(format!("{file}: {e}")))?;
        for d in &dossiers {
            for (key, seen) in keys.iter().zip(found.iter_mut()) {
                *seen = *seen || holds(d, key);
            }
        }
    }
    Ok(keys.iter().zip(found).filter(|(_, seen)| !seen).map(|(k, _)| *k).collect())
}

/// Whether `d` is the dossier `key` names and lists the record: looked up in the dossier's
/// JSON, so every kind of record is found the same way.
fn holds(d: &Dossier, key: &RecordKey) -> bool {
    if d.id != key.dossier {
        return false;
    }
    let value = serde_json::to_value(d).unwrap_or_default();
    value.get(key.kind.list_name()).and_then(serde_json::Value::as_array).is_some_and(|records| {
        records.iter().any(|r| r.get("id").and_then(serde_json::Value::as_str) == Some(key.id.as_str()))
    })
}

/// `.<name>.lock` beside a resolver file, held from reading the log to writing it back: two
/// `resolve add` at once would each write the log without the other's judgement (of 20 run at
/// once, 6 were kept, every one saying "added"). Removed when dropped.
struct LockFile(std::path::PathBuf);

impl LockFile {
    /// How long to wait for another `resolve add` to finish.
    const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

    fn take(path: &str) -> io::Result<Self> {
        let target = Path::new(path);
        let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let lock = target.with_file_name(format!(".{name}.lock"));
        let start = std::time::Instant::now();
        loop {
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&lock) {
                Ok(_) => return Ok(Self(lock)),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && start.elapsed() < Self::PATIENCE => {
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    let message = format!(
                        "{path}: not written: {} is held by another `dossier resolve add` (remove it if none is running)",
                        lock.display()
                    );
                    return Err(io::Error::new(e.kind(), message));
                }
                Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", lock.display()))),
            }
        }
    }
}

impl Drop for LockFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Writes through a temporary file in the same directory, so an interrupted write never leaves
/// a half-written log.
fn write_atomically(path: &str, text: &str) -> io::Result<()> {
    let target = Path::new(path);
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let temp = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&temp, text).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", temp.display())))?;
    std::fs::rename(&temp, target).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        io::Error::new(e.kind(), format!("{path}: {e}"))
    })
}

fn list(args: ListArgs) -> io::Result<ExitCode> {
    let resolver = read(&args.file)?;
    let mut out = crate::output::stdout();
    let mut last: std::collections::HashMap<(RecordKey, RecordKey), usize> = std::collections::HashMap::new();
    for (i, j) in resolver.judgements.iter().enumerate() {
        last.insert(pair(j), i);
    }
    for (i, j) in resolver.judgements.iter().enumerate() {
        let replaced = match last.get(&pair(j)) {
            Some(&n) if n != i => format!("replaced by {n}"),
            _ => "standing".to_owned(),
        };
        writeln!(
            out,
            "{i}\t{}\t{}\t{}\t{}\t{}\t{}\t{replaced}",
            j.left,
            j.judgement,
            j.right,
            one_line(&j.decided_by),
            j.decided_at,
            one_line(j.reason.as_deref().unwrap_or(""))
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The pair in a fixed order, so (a, b) and (b, a) are one.
fn pair(j: &Judgement) -> (RecordKey, RecordKey) {
    if j.left <= j.right { (j.left.clone(), j.right.clone()) } else { (j.right.clone(), j.left.clone()) }
}

/// Tabs and line breaks as spaces, so that a reason stays in its column.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn show(args: ShowArgs) -> io::Result<ExitCode> {
    let resolver = read(&args.file)?;
    let found = match (args.which.parse::<usize>(), &args.right) {
        (Ok(i), None) => resolver.judgements.get(i).map(|j| (i, j)),
        (_, Some(right)) => {
            let left: RecordKey = match args.which.parse() {
                Ok(left) => left,
                Err(e) => return Ok(usage(&e.to_string())),
            };
            let i = resolver.judgements.iter().rposition(|j| same_pair(j, &left, right));
            i.and_then(|i| Some((i, resolver.judgements.get(i)?)))
        }
        (Err(_), None) => return Ok(usage(&format!("'{}': expected a position, or two records", args.which))),
    };
    let Some((i, j)) = found else {
        eprintln!("dossier resolve: no such judgement in {}", args.file);
        return Ok(ExitCode::FAILURE);
    };
    let mut out = crate::output::stdout();
    writeln!(out, "position    {i}")?;
    writeln!(out, "left        {}", j.left)?;
    writeln!(out, "right       {}", j.right)?;
    writeln!(out, "judgement   {}", j.judgement)?;
    writeln!(out, "decided_by  {}", j.decided_by)?;
    writeln!(out, "decided_at  {}", j.decided_at)?;
    if let Some(reason) = &j.reason {
        writeln!(out, "reason      {reason}")?;
    }
    let later = resolver.judgements.iter().skip(i + 1).position(|k| same_pair(k, &j.left, &j.right));
    if let Some(n) = later {
        writeln!(out, "replaced by {}", i + 1 + n)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Bad usage: said on standard error, exit status 2.
fn usage(message: &str) -> ExitCode {
    eprintln!("dossier resolve: {message}");
    ExitCode::from(crate::USAGE)
}
