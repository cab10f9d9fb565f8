//! The research tables from Python: one dossier's (`Dossier.tables`), a corpus's
//! (`corpus_tables`), and the column dictionary (`table_columns`).

use defense_agreements::tables::{Cell, Options, Row, TableVisitor, Tables};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::errors::{io_error, value_error};
use crate::report::{Report, read_path, stream_lines};

/// One cell as Python data: None, int, bool, str or `datetime.date`.
pub(crate) fn cell<'py>(py: Python<'py>, cell: &Cell<'_>) -> PyResult<Bound<'py, PyAny>> {
    Ok(match cell {
        Cell::Null => py.None().into_bound(py),
        Cell::Int(n) => n.into_pyobject(py)?.into_any(),
        Cell::Bool(b) => pyo3::types::PyBool::new(py, *b).to_owned().into_any(),
        Cell::Text(s) => PyString::new(py, s).into_any(),
        Cell::Date(d) => d.into_pyobject(py)?.into_any(),
        other => return Err(PyTypeError::new_err(format!("a table cell of an unknown type: {other:?}"))),
    })
}

/// The rows of one table: dicts keyed by column name, or tuples in column order.
pub(crate) fn rows<'py, R: Row>(py: Python<'py>, rows: &[R], as_tuples: bool) -> PyResult<Bound<'py, PyList>> {
    let names = R::COLUMNS.iter().map(|c| PyString::intern(py, c.name)).collect::<Vec<_>>();
    let list = PyList::empty(py);
    let mut values = Vec::with_capacity(names.len());
    for row in rows {
        values.clear();
        for c in row.cells() {
            values.push(cell(py, &c)?);
        }
        if as_tuples {
            list.append(PyTuple::new(py, &values)?)?;
        } else {
            let dict = PyDict::new(py);
            for (name, value) in names.iter().zip(&values) {
                dict.set_item(name, value)?;
            }
            list.append(dict)?;
        }
    }
    Ok(list)
}

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

pub(crate) fn tables_dict<'py>(
    py: Python<'py>,
    t: &Tables,
    as_tuples: bool,
    only: Option<&[String]>,
) -> PyResult<Bound<'py, PyDict>> {
    check_table_names(only)?;
    let dict = PyDict::new(py);
    t.visit(&mut ToDict { py, dict: &dict, as_tuples, only })?;
    Ok(dict)
}

/// Puts each wanted table's rows into `dict`, by table name.
struct ToDict<'a, 'py> {
    py: Python<'py>,
    dict: &'a Bound<'py, PyDict>,
    as_tuples: bool,
    only: Option<&'a [String]>,
}

impl TableVisitor for ToDict<'_, '_> {
    type Error = PyErr;
    fn table<R: Row>(&mut self, list: &[R]) -> PyResult<()> {
        if self.only.is_none_or(|o| o.iter().any(|n| n == R::TABLE)) {
            self.dict.set_item(R::TABLE, rows(self.py, list, self.as_tuples)?)?;
        }
        Ok(())
    }
}

/// The columns of every research table, by table name: `(name, type, nullable)` with type
/// `"int"`, `"bool"`, `"text"` or `"date"` (docs/tables.md is the column dictionary).
#[pyfunction]
pub(crate) fn table_columns<'py>(py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for name in Tables::NAMES {
        let columns = Tables::columns(name).unwrap_or_default();
        let columns = columns.iter().map(|c| (c.name, c.kind.as_str(), c.nullable)).collect::<Vec<_>>();
        dict.set_item(name, columns)?;
    }
    Ok(dict)
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
    let mut tables = Tables::default();
    let mut add = |d: &defense_agreements::Dossier| tables.add(d, &options);
    if let Ok(text) = source.cast::<PyString>() {
        let text = match crate::convert::utf8_of(text)? {
            crate::convert::Utf8::Text(text) => text,
            // Each line holding a surrogate is a parse error of that line, with its path.
            crate::convert::Utf8::Surrogate { bytes, .. } => {
                py.detach(|| stream_lines(bytes.as_slice(), &mut report, &mut add))?;
                return Ok((tables_dict(py, &tables, as_tuples, only.as_deref())?, report));
            }
        };
        // A file name passed as `str` would read as one line that is not JSON: say so.
        let one_line = !text.trim_end().contains('\n');
        if one_line && !text.trim_start().starts_with('{') && std::path::Path::new(text.trim()).is_file() {
            return Err(PyTypeError::new_err(format!(
                "'{text}' is a file name, and a str is read as JSON Lines text: pass pathlib.Path('{text}')"
            )));
        }
        py.detach(|| stream_lines(text.as_bytes(), &mut report, &mut add))?;
    } else if let Ok(bytes) = source.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        py.detach(|| stream_lines(bytes, &mut report, &mut add))?;
    } else if let Ok(path) = source.extract::<std::path::PathBuf>() {
        py.detach(|| read_path(&path, jsonl, &mut report, &mut add)).map_err(|e| io_error(&path, e))?;
    } else {
        return Err(PyTypeError::new_err("expected JSON Lines as str or bytes, or an os.PathLike to a file"));
    }
    Ok((tables_dict(py, &tables, as_tuples, only.as_deref())?, report))
}
