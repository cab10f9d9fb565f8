//! One research table as Arrow data (`Table`): the library's record batches, handed to pyarrow,
//! polars, pandas and DuckDB through the Arrow PyCapsule interface (`__arrow_c_stream__`,
//! `__arrow_c_schema__`) without copying, and still readable row by row as before.

use arrow_array::cast::AsArray;
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::types::{Date32Type, Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch, RecordBatchIterator};
use arrow_schema::ffi::FFI_ArrowSchema;
use arrow_schema::{DataType, SchemaRef};
use defense_agreements::tables::arrow::BatchBuilder;
use defense_agreements::tables::arrow::{ArrowTable, BATCH_ROWS};
use defense_agreements::tables::{Cell, Tables};
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyCapsule, PyDict, PyList, PySlice, PyString, PyTuple};

/// One research table: an Arrow table (schema and record batches) that `pyarrow.table(t)`,
/// `polars.from_arrow(t)`, `polars.DataFrame(t)` and DuckDB read without copying, and that
/// iterates as rows (dicts, or tuples when made with `as_tuples=True`).
#[pyclass(frozen, module = "defense_agreements", name = "Table")]
pub(crate) struct Table {
    name: &'static str,
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
    as_tuples: bool,
}

impl Table {
    pub(crate) fn new(table: ArrowTable, as_tuples: bool) -> Self {
        Self { name: table.name, schema: table.schema, batches: table.batches, as_tuples }
    }

    fn len(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// Row `i` of `batch`, as a dict or a tuple.
    fn row<'py>(&self, py: Python<'py>, batch: &RecordBatch, i: usize, as_tuple: bool) -> PyResult<Bound<'py, PyAny>> {
        let mut values = Vec::with_capacity(batch.num_columns());
        for column in batch.columns() {
            values.push(value(py, column.as_ref(), i)?);
        }
        if as_tuple {
            return Ok(PyTuple::new(py, values)?.into_any());
        }
        let dict = PyDict::new(py);
        for (field, value) in self.schema.fields().iter().zip(values) {
            dict.set_item(PyString::intern(py, field.name()), value)?;
        }
        Ok(dict.into_any())
    }

    fn all_rows<'py>(&self, py: Python<'py>, as_tuples: bool) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for batch in &self.batches {
            for i in 0..batch.num_rows() {
                list.append(self.row(py, batch, i, as_tuples)?)?;
            }
        }
        Ok(list)
    }
}

/// What `Table.__reduce__` gives pickle: the function rebuilding a table and its arguments.
type Reduced<'py> = (Bound<'py, PyAny>, (&'static str, Bound<'py, PyList>, bool));

/// One cell as Python data: None, int, bool, str or `datetime.date`.
fn value<'py>(py: Python<'py>, column: &dyn Array, i: usize) -> PyResult<Bound<'py, PyAny>> {
    if column.is_null(i) {
        return Ok(py.None().into_bound(py));
    }
    Ok(match column.data_type() {
        DataType::Int64 => column.as_primitive::<Int64Type>().value(i).into_pyobject(py)?.into_any(),
        DataType::Int32 => column.as_primitive::<Int32Type>().value(i).into_pyobject(py)?.into_any(),
        DataType::Boolean => pyo3::types::PyBool::new(py, column.as_boolean().value(i)).to_owned().into_any(),
        DataType::Utf8 => PyString::new(py, column.as_string::<i32>().value(i)).into_any(),
        DataType::Date32 => match column.as_primitive::<Date32Type>().value_as_date(i) {
            Some(day) => day.into_pyobject(py)?.into_any(),
            None => return Err(PyValueError::new_err("a date out of Python's range")),
        },
        other => return Err(PyValueError::new_err(format!("a table column of an unexpected type: {other}"))),
    })
}

#[pymethods]
impl Table {
    /// The table's name (`members`, `dyad_years` …).
    #[getter]
    fn name(&self) -> &'static str {
        self.name
    }

    /// The column names, in order (as `table_columns()` lists them).
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema.fields().iter().map(|f| f.name().clone()).collect()
    }

    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.len()
    }

    fn __len__(&self) -> usize {
        self.len()
    }

    fn __repr__(&self) -> String {
        format!("<Table {} ({} rows, {} columns)>", self.name, self.len(), self.schema.fields().len())
    }

    /// Equal to a table with the same name, schema and rows, or to a list of the rows as
    /// iteration gives them (what the tables were before they were Arrow data).
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        if let Ok(other) = other.cast::<Table>() {
            let other = other.get();
            return Ok(self.name == other.name && self.schema == other.schema && self.batches == other.batches);
        }
        if let Ok(list) = other.cast::<PyList>() {
            return self.all_rows(py, self.as_tuples)?.eq(list);
        }
        Ok(false)
    }

    /// Row `index` (negative counts from the end), as iteration gives it; a slice gives a list
    /// of rows, as the list of rows the table replaces did.
    fn __getitem__<'py>(&self, py: Python<'py>, index: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(slice) = index.cast::<PySlice>() {
            // The rows are made once, then sliced as a list slices itself.
            return self.all_rows(py, self.as_tuples)?.as_any().get_item(slice);
        }
        let index: isize = index.extract().map_err(|_| {
            PyTypeError::new_err(format!("table indices must be integers or slices, not {}", type_name(index)))
        })?;
        let len = self.len();
        let from_start = if index < 0 { len.checked_sub(index.unsigned_abs()) } else { Some(index.unsigned_abs()) };
        let mut i = from_start.filter(|i| *i < len).ok_or_else(|| PyIndexError::new_err("table row out of range"))?;
        for batch in &self.batches {
            if i < batch.num_rows() {
                return self.row(py, batch, i, self.as_tuples);
            }
            i -= batch.num_rows();
        }
        Err(PyIndexError::new_err("table row out of range"))
    }

    /// Pickles as the table's name and rows (tuples in column order), rebuilt into Arrow data
    /// with the table's schema when unpickled: a `Table` goes to and comes back from worker
    /// processes as the list of rows it replaces did.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Reduced<'py>> {
        let py = slf.py();
        let table = slf.get();
        let rebuild = py.import("defense_agreements._native")?.getattr("_table_from_tuples")?;
        Ok((rebuild, (table.name, table.all_rows(py, true)?, table.as_tuples)))
    }

    fn __iter__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.all_rows(py, self.as_tuples)?.as_any().try_iter().map(Bound::into_any)
    }

    /// Every row as a dict keyed by column name (None for a null, `datetime.date` for a date).
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.all_rows(py, false)
    }

    /// Every row as a tuple in column order.
    fn tuples<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.all_rows(py, true)
    }

    /// The schema, through the Arrow PyCapsule interface (`arrow_schema` capsule).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema = FFI_ArrowSchema::try_from(self.schema.as_ref())
            .map_err(|e| PyValueError::new_err(format!("the table's schema cannot be exported: {e}")))?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    /// The rows as an Arrow C stream (`arrow_array_stream` capsule). The batches are shared,
    /// not copied. A `requested_schema` is ignored, as the interface allows: the table has one
    /// schema.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batches = self.batches.clone().into_iter().map(Ok);
        let reader = RecordBatchIterator::new(batches, self.schema.clone());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
    }

    /// The table as a `pyarrow.Table` (needs pyarrow).
    fn to_pyarrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        slf.py().import("pyarrow")?.call_method1("table", (slf,))
    }

    /// The table as a pandas DataFrame with nullable types (needs pyarrow and pandas): integers
    /// as `Int64`/`Int32`, booleans as `boolean`, text as `string`, dates as Arrow `date32`
    /// (`date32[day][pyarrow]`), so that a null stays a null and an empty table keeps its
    /// columns and their types.
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let pa = py.import("pyarrow")?;
        let pd = py.import("pandas")?;
        let types = PyDict::new(py);
        types.set_item(pa.call_method0("int64")?, pd.call_method0("Int64Dtype")?)?;
        types.set_item(pa.call_method0("int32")?, pd.call_method0("Int32Dtype")?)?;
        types.set_item(pa.call_method0("bool_")?, pd.call_method0("BooleanDtype")?)?;
        types.set_item(pa.call_method0("string")?, pd.call_method0("StringDtype")?)?;
        let date32 = pa.call_method0("date32")?;
        types.set_item(&date32, pd.call_method1("ArrowDtype", (&date32,))?)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("types_mapper", types.getattr("get")?)?;
        Self::to_pyarrow(slf)?.call_method("to_pandas", (), Some(&kwargs))
    }
}

/// The name of `value`'s type, for an error message.
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".to_owned())
}

/// One cell given from Python, owned until the row is pushed.
enum Owned {
    Null,
    Int(i64),
    Bool(bool),
    Text(String),
    Date(chrono::NaiveDate),
}

impl Owned {
    fn of(value: &Bound<'_, PyAny>) -> PyResult<Self> {
        Ok(if value.is_none() {
            Self::Null
        } else if let Ok(b) = value.cast::<PyBool>() {
            Self::Bool(b.is_true())
        } else if let Ok(s) = value.cast::<PyString>() {
            Self::Text(s.to_str()?.to_owned())
        } else if let Ok(n) = value.extract::<i64>() {
            Self::Int(n)
        } else if let Ok(day) = value.extract::<chrono::NaiveDate>() {
            Self::Date(day)
        } else {
            return Err(PyTypeError::new_err(format!("a table cell cannot be a {}", type_name(value))));
        })
    }

    fn cell(&self) -> Cell<'_> {
        match self {
            Self::Null => Cell::Null,
            Self::Int(n) => Cell::Int(*n),
            Self::Bool(b) => Cell::Bool(*b),
            Self::Text(s) => Cell::Text(s),
            Self::Date(d) => Cell::Date(*d),
        }
    }
}

/// A table rebuilt from its name and rows (tuples in column order): how a pickled `Table` is
/// unpickled. `ValueError` for an unknown table or a row that does not fit its columns.
#[pyfunction]
#[pyo3(name = "_table_from_tuples", signature = (name, rows, as_tuples = false))]
pub(crate) fn table_from_tuples(name: &str, rows: &Bound<'_, PyAny>, as_tuples: bool) -> PyResult<Table> {
    let (name, columns) = Tables::NAMES
        .iter()
        .find(|n| **n == name)
        .and_then(|n| Some((*n, Tables::columns(n)?)))
        .ok_or_else(|| PyValueError::new_err(format!("no table '{name}'")))?;
    let mut builder = BatchBuilder::new(columns);
    let mut batches = Vec::new();
    for row in rows.try_iter()? {
        let cells = row?.try_iter()?.map(|v| Owned::of(&v?)).collect::<PyResult<Vec<Owned>>>()?;
        let cells: Vec<Cell<'_>> = cells.iter().map(Owned::cell).collect();
        builder.push(&cells).map_err(|e| PyValueError::new_err(format!("table '{name}': {e}")))?;
        if builder.len() == BATCH_ROWS {
            batches.push(builder.finish().map_err(|e| PyValueError::new_err(e.to_string()))?);
        }
    }
    if !builder.is_empty() {
        batches.push(builder.finish().map_err(|e| PyValueError::new_err(e.to_string()))?);
    }
    let schema = builder.schema().clone();
    Ok(Table::new(ArrowTable::new(name, schema, batches), as_tuples))
}
