//! One research table as Arrow data (`Table`): the library's record batches, handed to pyarrow,
//! polars, pandas and DuckDB through the Arrow PyCapsule interface (`__arrow_c_stream__`,
//! `__arrow_c_schema__`) without copying, and still readable row by row as before.

use arrow_array::cast::AsArray;
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::types::{Date32Type, Int32Type, Int64Type};
use arrow_array::{Array, RecordBatch, RecordBatchIterator};
use arrow_schema::ffi::FFI_ArrowSchema;
use arrow_schema::{DataType, SchemaRef};
use defense_agreements::tables::arrow::ArrowTable;
use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList, PyString, PyTuple};

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

    /// Row `index` (negative counts from the end), as iteration gives it.
    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyAny>> {
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
