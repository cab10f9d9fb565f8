//! Writing the tables to a directory: CSV always, Parquet with the `parquet` feature; the year
//! tables optionally partitioned Hive-style (`dyad_years/year=1960/part-0.csv`).

use std::collections::HashMap;
use std::fmt;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use super::stream::Out;
use super::{Cell, Column, Options, Row, TableVisitor, Tables};
use crate::dossier::Dossier;
use crate::error::Error;

/// The file format of the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// Comma-separated values with a header row (RFC 4180); empty fields are nulls.
    #[default]
    Csv,
    /// Apache Parquet (needs the crate's `parquet` feature).
    Parquet,
}

impl Format {
    /// The format's name and file extension: `csv`, `parquet`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Parquet => "parquet",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "csv" => Ok(Self::Csv),
            "parquet" => Ok(Self::Parquet),
            _ => Err(format!("unknown table format '{s}': expected csv or parquet")),
        }
    }
}

/// How to write the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct WriteOptions {
    /// The file format.
    pub format: Format,
    /// Write each year table (state-year, dyad-year, directed dyad-year) as one directory of
    /// Hive-style partitions, `<table>/year=<year>/part-<n>.<ext>`, without the `year` column
    /// in the files (readers take it from the directory name). For large corpora.
    pub partition_by_year: bool,
}

impl WriteOptions {
    /// One file per table, in `format`.
    pub fn new(format: Format) -> Self {
        Self { format, partition_by_year: false }
    }

    /// The same options, partitioning the year tables by year.
    pub fn partitioned(mut self) -> Self {
        self.partition_by_year = true;
        self
    }
}

/// At most this many partition files are open at once; beyond it they are all finished and
/// later rows of a partition go to its next part file. Keeps a corpus of many years within the
/// process's file descriptors and memory.
const MAX_OPEN: usize = 256;

/// Parquet rows buffered across all open files before each writes out what it holds as a
/// row group: bounds the sink's memory however many partitions are open.
const MAX_BUFFERED_ROWS: usize = 1 << 17;

/// One open output file.
enum FileWriter {
    Csv(csv::Writer<BufWriter<File>>),
    #[cfg(feature = "parquet")]
    Parquet(super::parquet::ParquetFile),
}

impl FileWriter {
    fn create(path: &Path, format: Format, columns: &[&'static Column]) -> Result<Self, Error> {
        match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(BufWriter::new(File::create(path)?));
                w.write_record(columns.iter().map(|c| c.name)).map_err(csv_error)?;
                Ok(Self::Csv(w))
            }
            #[cfg(feature = "parquet")]
            Format::Parquet => Ok(Self::Parquet(super::parquet::ParquetFile::create(path, columns)?)),
            #[cfg(not(feature = "parquet"))]
            Format::Parquet => Err(Error::Io(std::io::Error::other(
                "Parquet output needs the crate's `parquet` feature; this build has CSV only",
            ))),
        }
    }

    /// Reopens a CSV file written before, to add rows after its own (no second header).
    fn append_csv(path: &Path) -> Result<Self, Error> {
        let file = std::fs::OpenOptions::new().append(true).open(path)?;
        Ok(Self::Csv(csv::Writer::from_writer(BufWriter::new(file))))
    }

    fn push(&mut self, cells: &[Cell<'_>], text: &mut String) -> Result<(), Error> {
        match self {
            Self::Csv(w) => {
                for cell in cells {
                    text.clear();
                    let field: &str = match cell {
                        Cell::Null => "",
                        Cell::Text(s) => s,
                        Cell::Int(n) => {
                            use fmt::Write as _;
                            let _ = write!(text, "{n}");
                            text
                        }
                        Cell::Bool(b) => {
                            if *b {
                                "true"
                            } else {
                                "false"
                            }
                        }
                        Cell::Date(d) => {
                            use fmt::Write as _;
                            let _ = write!(text, "{}", d.format("%Y-%m-%d"));
                            text
                        }
                    };
                    w.write_field(field).map_err(csv_error)?;
                }
                w.write_record(None::<&[u8]>).map_err(csv_error)
            }
            #[cfg(feature = "parquet")]
            Self::Parquet(p) => p.push(cells),
        }
    }

    /// Writes out rows buffered in memory (Parquet's pending row group).
    fn spill(&mut self) -> Result<(), Error> {
        match self {
            Self::Csv(_) => Ok(()),
            #[cfg(feature = "parquet")]
            Self::Parquet(p) => p.flush(),
        }
    }

    fn finish(self) -> Result<(), Error> {
        match self {
            Self::Csv(mut w) => {
                w.flush()?;
                let mut inner = w.into_inner().map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
                inner.flush()?;
                Ok(())
            }
            #[cfg(feature = "parquet")]
            Self::Parquet(p) => p.finish(),
        }
    }
}

fn csv_error(e: csv::Error) -> Error {
    Error::Io(e.into())
}

/// One table file or partition: its open writer, if any, and how many part files it has.
#[derive(Default)]
struct Part {
    writer: Option<FileWriter>,
    parts: u32,
}

/// Writes tables to a directory as they come, so that a corpus larger than memory can be
/// turned into tables dossier by dossier: [`add`](Self::add) each dossier (its rows are
/// produced and written in batches, so even the year tables of a long range are never held
/// whole), or [`write`](Self::write) rows made elsewhere, then [`finish`](Self::finish).
///
/// ```
/// use defense_agreements::tables::{Format, Options, TableSink, WriteOptions};
///
/// let dir = std::env::temp_dir().join(format!("tables-doc-{}", std::process::id()));
/// let mut sink = TableSink::create(&dir, WriteOptions::new(Format::Csv))?;
/// let options = Options::checked_through(2024)?;
/// for dossier in defense_agreements::jsonl::read_file("examples/data/us-japan-1960.json")? {
///     sink.add(&dossier, &options)?;
/// }
/// let files = sink.finish()?;
/// assert!(files.iter().any(|f| f.ends_with("members.csv")));
/// let members = std::fs::read_to_string(dir.join("members.csv"))?;
/// assert_eq!(members.lines().count(), 1 + 4); // the header; two parties of two agreements
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct TableSink {
    files: Files,
    /// Rows produced by [`TableSink::add`] and not yet written (fewer than [`BATCH_ROWS`]).
    pending: Tables,
    held: usize,
}

/// Rows [`TableSink::add`] holds before writing them: a partition file is then opened once per
/// batch, memory stays at a few megabytes whatever the range of years, and the batch stays in
/// the CPU cache (64 Ki rows made the rows 2.5x slower to produce: benches/tables.rs).
const BATCH_ROWS: usize = 1 << 14;

/// The open files of a sink.
struct Files {
    dir: PathBuf,
    options: WriteOptions,
    files: HashMap<(&'static str, Option<i32>), Part>,
    open: usize,
    buffered: usize,
    written: Vec<PathBuf>,
    text: String,
}

impl fmt::Debug for TableSink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TableSink")
            .field("dir", &self.files.dir)
            .field("options", &self.files.options)
            .finish_non_exhaustive()
    }
}

impl TableSink {
    /// Writes into `dir`, creating it if needed. Files of the same names are replaced.
    pub fn create(dir: impl AsRef<Path>, options: WriteOptions) -> Result<Self, Error> {
        let dir = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&dir)?;
        if options.format == Format::Parquet && !cfg!(feature = "parquet") {
            return Err(Error::Io(std::io::Error::other(
                "Parquet output needs the crate's `parquet` feature; this build has CSV only",
            )));
        }
        let files = Files {
            dir,
            options,
            files: HashMap::new(),
            open: 0,
            buffered: 0,
            written: Vec::new(),
            text: String::new(),
        };
        Ok(Self { files, pending: Tables::default(), held: 0 })
    }

    /// Produces the rows of `dossier` and writes them in batches, its disputes resolved under
    /// `options.policy`. Refuses `options.through_year` past
    /// [`MAX_THROUGH_YEAR`](super::MAX_THROUGH_YEAR) ([`Error::Value`]) before writing anything.
    pub fn add(&mut self, dossier: &Dossier, options: &Options) -> Result<(), Error> {
        options.check()?;
        let Self { files, pending, held } = self;
        let mut write = |batch: &Tables| batch.visit(files);
        let mut out = Out::new(pending, held, BATCH_ROWS, &mut write);
        super::build_into(dossier, options, &mut out)
    }

    /// Appends every row of `tables` (after the rows [`add`](Self::add) still holds).
    pub fn write(&mut self, tables: &Tables) -> Result<(), Error> {
        self.write_pending()?;
        tables.visit(&mut self.files)
    }

    fn write_pending(&mut self) -> Result<(), Error> {
        if self.held > 0 {
            self.pending.visit(&mut self.files)?;
            self.pending.clear();
            self.held = 0;
        }
        Ok(())
    }

    /// Finishes every file (a table with no rows still gets its file, with the header; a
    /// partitioned one with no rows gets its empty directory) and returns the paths written.
    pub fn finish(mut self) -> Result<Vec<PathBuf>, Error> {
        self.write_pending()?;
        let mut files = self.files;
        // An empty set of tables visits every table with no rows: each file is made.
        Tables::default().visit(&mut Touch(&mut files))?;
        files.close_all()?;
        let mut written = files.written;
        written.sort();
        Ok(written)
    }
}

impl Files {
    fn partitioned<R: Row>(&self) -> bool {
        self.options.partition_by_year && R::COLUMNS.iter().any(|c| c.name == "year")
    }

    /// The columns written to the files: all, less `year` in a partitioned table.
    fn columns<R: Row>(&self) -> Vec<&'static Column> {
        let partitioned = self.partitioned::<R>();
        R::COLUMNS.iter().filter(|c| !(partitioned && c.name == "year")).collect()
    }

    fn touch<R: Row>(&mut self) -> Result<(), Error> {
        if self.partitioned::<R>() {
            std::fs::create_dir_all(self.dir.join(R::TABLE))?;
        } else if !self.files.contains_key(&(R::TABLE, None)) {
            self.writer::<R>(None)?;
        }
        Ok(())
    }

    fn rows<R: Row>(&mut self, rows: &[R]) -> Result<(), Error> {
        if rows.is_empty() {
            return Ok(());
        }
        let partitioned = self.partitioned::<R>();
        let skip = partitioned.then(|| R::COLUMNS.iter().position(|c| c.name == "year")).flatten();
        // Partition by partition, so that each is opened once per batch.
        let mut order: Vec<usize> = (0..rows.len()).collect();
        if partitioned {
            order.sort_by_key(|&i| rows[i].year());
        }
        let mut text = std::mem::take(&mut self.text);
        let mut result = Ok(());
        for row in order.into_iter().filter_map(|i| rows.get(i)) {
            if self.options.format == Format::Parquet {
                self.buffered += 1;
                if self.buffered > MAX_BUFFERED_ROWS {
                    result = self.spill();
                    if result.is_err() {
                        break;
                    }
                }
            }
            let key = if partitioned { row.year() } else { None };
            let mut cells = row.cells();
            if let Some(i) = skip {
                cells.remove(i);
            }
            result = self.writer::<R>(key).and_then(|w| w.push(&cells, &mut text));
            if result.is_err() {
                break;
            }
        }
        self.text = text;
        result
    }

    fn writer<R: Row>(&mut self, year: Option<i32>) -> Result<&mut FileWriter, Error> {
        let key = (R::TABLE, year);
        let is_open = self.files.get(&key).is_some_and(|p| p.writer.is_some());
        if !is_open {
            if year.is_some() && self.open >= MAX_OPEN {
                self.close_partitions()?;
            }
            let columns = self.columns::<R>();
            let ext = self.options.format.as_str();
            let parts = self.files.get(&key).map_or(0, |p| p.parts);
            // A CSV partition closed to stay under MAX_OPEN is appended to when written again
            // (one file per partition); a Parquet file cannot be, so it gets its next part.
            let append = parts > 0 && self.options.format == Format::Csv;
            let parts = if append { 0 } else { parts };
            let path = match year {
                Some(y) => {
                    let dir = self.dir.join(R::TABLE).join(format!("year={y}"));
                    std::fs::create_dir_all(&dir)?;
                    dir.join(format!("part-{parts}.{ext}"))
                }
                None => self.dir.join(format!("{}.{ext}", R::TABLE)),
            };
            let writer = if append {
                FileWriter::append_csv(&path)?
            } else {
                let writer = FileWriter::create(&path, self.options.format, &columns)?;
                self.written.push(path);
                writer
            };
            self.open += usize::from(year.is_some());
            let part = self.files.entry(key).or_default();
            part.writer = Some(writer);
            part.parts += 1;
        }
        match self.files.get_mut(&key).and_then(|p| p.writer.as_mut()) {
            Some(w) => Ok(w),
            None => Err(Error::Io(std::io::Error::other("table writer vanished"))),
        }
    }

    fn spill(&mut self) -> Result<(), Error> {
        for w in self.files.values_mut().filter_map(|p| p.writer.as_mut()) {
            w.spill()?;
        }
        self.buffered = 0;
        Ok(())
    }

    /// Finishes the open partition files; a partition written to again opens its next part.
    /// (Whole-table files stay open: reopening would replace them.)
    fn close_partitions(&mut self) -> Result<(), Error> {
        for ((_, year), part) in &mut self.files {
            if year.is_some() {
                if let Some(w) = part.writer.take() {
                    w.finish()?;
                }
            }
        }
        self.open = 0;
        Ok(())
    }

    fn close_all(&mut self) -> Result<(), Error> {
        self.close_partitions()?;
        for part in self.files.values_mut() {
            if let Some(w) = part.writer.take() {
                w.finish()?;
            }
        }
        Ok(())
    }
}

impl Tables {
    /// Writes every table into `dir` (see [`TableSink`]) and returns the paths written.
    pub fn write_to(&self, dir: impl AsRef<Path>, options: WriteOptions) -> Result<Vec<PathBuf>, Error> {
        let mut sink = TableSink::create(dir, options)?;
        sink.write(self)?;
        sink.finish()
    }
}

/// Makes each table's file (or directory) when it has none yet.
struct Touch<'s>(&'s mut Files);

impl TableVisitor for Touch<'_> {
    type Error = Error;
    fn table<R: Row>(&mut self, _: &[R]) -> Result<(), Error> {
        self.0.touch::<R>()
    }
}

impl TableVisitor for Files {
    type Error = Error;
    fn table<R: Row>(&mut self, rows: &[R]) -> Result<(), Error> {
        self.rows(rows)
    }
}

impl TableVisitor for TableSink {
    type Error = Error;
    fn table<R: Row>(&mut self, rows: &[R]) -> Result<(), Error> {
        self.write_pending()?;
        self.files.rows(rows)
    }
}
