//! The research tables from Python: one dossier's (`Dossier.tables`), a corpus's
//! (`corpus_tables`), and the column dictionary (`table_columns`).

use arrow_schema::{ArrowError, DataType};
use defense_agreements::tables::arrow::{ArrowTable, BATCH_ROWS, BatchBuilder, table_schema};
use defense_agreements::tables::{Column, Options, Row, TableStream, TableVisitor, Tables};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use crate::arrow_table::Table;

use crate::errors::{io_error, value_error};
use crate::report::{Report, read_path, stream_lines};

/// The tables' options for `through` (default: the current year); `ValueError` past
/// `MAX_THROUGH_YEAR` (9999).
pub(crate) fn through_options(through: Option<i32>) -> PyResult<Options> {
    through.map_or_else(|| Ok(Options::through_this_year()), |y| Options::checked_through(y).map_err(value_error))
}

/// Every table (or those named in `only`), by name in `Tables::NAMES` order.
/// `ValueError` for a name in `only` that is no table.
pub(crate) fn check_table_names(only: Option<&[String]>) -> PyResult<()> {
    match only.into_iter().flatten().find(|n| Tables::columns(n).is_none()) {
        Some(unknown) => {
            let known = Tables::NAMES.join(", ");
            Err(value_error(format!("no table '{unknown}': the tables are {known}")))
        }
        None => Ok(()),
    }
}

/// The tables (those named in `only`, or all) as `Table` objects by name, in `Tables::NAMES`
/// order. The conversion to Arrow runs without the GIL.
pub(crate) fn tables_dict<'py>(
    py: Python<'py>,
    t: &Tables,
    as_tuples: bool,
    only: Option<&[String]>,
) -> PyResult<Bound<'py, PyDict>> {
    check_table_names(only)?;
    let mut wanted = Wanted { only, tables: Vec::new() };
    py.detach(|| t.visit(&mut wanted)).map_err(|e| value_error(format!("the tables cannot become Arrow data: {e}")))?;
    let dict = PyDict::new(py);
    for table in wanted.tables {
        dict.set_item(table.name, Table::new(table, as_tuples))?;
    }
    Ok(dict)
}

/// The wanted tables as Arrow record batches.
struct Wanted<'a> {
    only: Option<&'a [String]>,
    tables: Vec<ArrowTable>,
}

impl TableVisitor for Wanted<'_> {
    type Error = ArrowError;
    fn table<R: Row>(&mut self, rows: &[R]) -> Result<(), ArrowError> {
        if self.only.is_none_or(|o| o.iter().any(|n| n == R::TABLE)) {
            self.tables.push(ArrowTable::from_rows(rows, BATCH_ROWS)?);
        }
        Ok(())
    }
}

/// The columns of every research table, by table name: `(name, type, nullable)` with type
/// `"int"`, `"bool"`, `"text"` or `"date"` (docs/tables.md is the column dictionary), or with
/// `arrow=True` the Arrow type of the `Table`s and Parquet files: `"int64"`, `"int32"` (the
/// years), `"bool"`, `"utf8"`, `"date32"`.
#[pyfunction]
#[pyo3(signature = (*, arrow = false))]
pub(crate) fn table_columns<'py>(py: Python<'py>, arrow: bool) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for name in Tables::NAMES {
        let columns = Tables::columns(name).unwrap_or_default();
        let type_name = |c: &Column| if arrow { arrow_type_name(c) } else { c.kind.as_str() };
        let columns = columns.iter().map(|c| (c.name, type_name(c), c.nullable)).collect::<Vec<_>>();
        dict.set_item(name, columns)?;
    }
    Ok(dict)
}

/// The Arrow type of a column as `table_columns(arrow=True)` names it.
fn arrow_type_name(column: &Column) -> &'static str {
    match defense_agreements::tables::arrow::data_type(column) {
        DataType::Int32 => "int32",
        DataType::Boolean => "bool",
        DataType::Utf8 => "utf8",
        DataType::Date32 => "date32",
        _ => "int64",
    }
}

/// The research tables of a corpus (`str` or `bytes` holding JSON Lines, or an `os.PathLike`
/// naming a file, read as `validate_file` reads it: JSON Lines for a `.jsonl` or `.ndjson` name
/// or `jsonl=True`, one document otherwise), parsed, validated and tabulated without holding
/// the GIL.
/// Returns the tables (as `Dossier.tables`) of the dossiers without errors, as the command
/// line's `dossier tables` does, and the validation report of every line (issues with their
/// `line`, as `validate_file`); `only` (table names) limits the tables returned. Raises
/// `OSError` when the file cannot be read, `ValueError` for an unknown table name.
#[pyfunction]
#[pyo3(signature = (source, *, through = None, as_tuples = false, only = None, disputes = None, jsonl = None))]
pub(crate) fn corpus_tables<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    through: Option<i32>,
    as_tuples: bool,
    only: Option<Vec<String>>,
    disputes: Option<&str>,
    jsonl: Option<bool>,
) -> PyResult<(Bound<'py, PyDict>, Report)> {
    // Before reading a corpus that may be large.
    check_table_names(only.as_deref())?;
    let options = through_options(through)?.with_policy(crate::convert::policy(disputes)?);
    let mut report = Report { issues: Vec::new(), dossiers: 0 };
    // The rows become Arrow batches as they are produced, a batch at a time: the corpus's
    // tables are never also held as rows (a 99 MB corpus peaked at 753 MB that way).
    let mut built = Built { only: only.as_deref(), tables: Vec::new() };
    let mut failed: Option<ArrowError> = None;
    let mut stream =
        TableStream::new(&options, BATCH_ROWS, |batch: &Tables| batch.visit(&mut built)).map_err(value_error)?;
    let mut add = |d: &defense_agreements::Dossier| {
        if failed.is_none() {
            failed = stream.add(d).err();
        }
    };
    if let Ok(text) = source.cast::<PyString>() {
        match crate::convert::utf8_of(text)? {
            // Each line holding a surrogate is a parse error of that line, with its path.
            crate::convert::Utf8::Surrogate { bytes, .. } => {
                py.detach(|| stream_lines(bytes.as_slice(), &mut report, &mut add))?;
            }
            crate::convert::Utf8::Text(text) => {
                // A file name passed as `str` would read as one line that is not JSON: say so.
                let one_line = !text.trim_end().contains('\n');
                if one_line && !text.trim_start().starts_with('{') && std::path::Path::new(text.trim()).is_file() {
                    return Err(PyTypeError::new_err(format!(
                        "'{text}' is a file name, and a str is read as JSON Lines text: pass pathlib.Path('{text}')"
                    )));
                }
                py.detach(|| stream_lines(text.as_bytes(), &mut report, &mut add))?;
            }
        }
    } else if let Ok(bytes) = source.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        py.detach(|| stream_lines(bytes, &mut report, &mut add))?;
    } else if let Ok(path) = source.extract::<std::path::PathBuf>() {
        py.detach(|| read_path(&path, jsonl, &mut report, &mut add)).map_err(|e| io_error(&path, e))?;
    } else {
        return Err(PyTypeError::new_err("expected JSON Lines as str or bytes, or an os.PathLike to a file"));
    }
    if let Some(e) = failed.or_else(|| stream.finish().err()) {
        return Err(arrow_error(e));
    }
    let tables = built.finish().map_err(arrow_error)?;
    Ok((arrow_dict(py, tables, as_tuples)?, report))
}

fn arrow_error(e: ArrowError) -> PyErr {
    value_error(format!("the tables cannot become Arrow data: {e}"))
}

/// The tables, by name, as Python `Table`s.
fn arrow_dict(py: Python<'_>, tables: Vec<ArrowTable>, as_tuples: bool) -> PyResult<Bound<'_, PyDict>> {
    let dict = PyDict::new(py);
    for table in tables {
        dict.set_item(table.name, Table::new(table, as_tuples))?;
    }
    Ok(dict)
}

/// The wanted tables built batch by batch: per table met with rows, a builder holding the
/// rows of its batch not yet full, and the table of its full batches (at most [`BATCH_ROWS`]
/// rows each, as [`ArrowTable::from_rows`] cuts them).
struct Built<'a> {
    only: Option<&'a [String]>,
    tables: Vec<(BatchBuilder, ArrowTable)>,
}

impl TableVisitor for Built<'_> {
    type Error = ArrowError;
    fn table<R: Row>(&mut self, rows: &[R]) -> Result<(), ArrowError> {
        if rows.is_empty() || !self.only.is_none_or(|o| o.iter().any(|n| n == R::TABLE)) {
            return Ok(());
        }
        let at = match self.tables.iter().position(|(_, t)| t.name == R::TABLE) {
            Some(at) => at,
            None => {
                let builder = BatchBuilder::for_row::<R>();
                let table = ArrowTable::new(R::TABLE, builder.schema().clone(), Vec::new());
                self.tables.push((builder, table));
                self.tables.len() - 1
            }
        };
        let Some((builder, table)) = self.tables.get_mut(at) else { return Ok(()) };
        for row in rows {
            builder.push_row(row)?;
            if builder.len() >= BATCH_ROWS {
                table.batches.push(builder.finish()?);
            }
        }
        Ok(())
    }
}

impl Built<'_> {
    /// Every wanted table in the order of [`Tables::NAMES`], its last batch closed; a table
    /// that got no row keeps its schema.
    fn finish(self) -> Result<Vec<ArrowTable>, ArrowError> {
        let Built { only, mut tables } = self;
        let mut out = Vec::new();
        for name in Tables::NAMES.iter().copied().filter(|n| only.is_none_or(|o| o.iter().any(|w| w == n))) {
            match tables.iter().position(|(_, t)| t.name == name) {
                Some(at) => {
                    let (mut builder, mut table) = tables.swap_remove(at);
                    if !builder.is_empty() {
                        table.batches.push(builder.finish()?);
                    }
                    out.push(table);
                }
                None => {
                    let Some(schema) = table_schema(name) else { continue };
                    out.push(ArrowTable::new(name, schema, Vec::new()));
                }
            }
        }
        Ok(out)
    }
}
