//! The tables as Arrow data (the `arrow` feature): the column dictionary of docs/tables.md
//! against the Arrow schema, the batches against the rows, empty tables, and the Parquet files
//! read back through parquet's Arrow reader.

use defense_agreements::Dossier;
use defense_agreements::tables::arrow::arrow_array::Array;
use defense_agreements::tables::arrow::arrow_array::cast::AsArray;
use defense_agreements::tables::arrow::arrow_array::types::{Date32Type, Int32Type, Int64Type};
use defense_agreements::tables::arrow::arrow_schema::DataType;
use defense_agreements::tables::arrow::{BatchBuilder, table_schema};
#[cfg(feature = "parquet")]
use defense_agreements::tables::{Format, WriteOptions};
use defense_agreements::tables::{MemberRow, Options, Row, Tables};

fn example(name: &str) -> Tables {
    let path = format!("{}/examples/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let dossier = Dossier::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
    Tables::from_dossier(&dossier, &Options::through(2024))
}

/// `(table, column, Arrow type, nullable)` of every row of the dictionary in docs/tables.md.
fn documented() -> Vec<(String, String, String, bool)> {
    let path = format!("{}/docs/tables.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{e}"));
    let (begin, end) = ("<!-- columns: begin -->", "<!-- columns: end -->");
    let start = doc.find(begin).unwrap_or_else(|| panic!("no begin marker"));
    let stop = doc.find(end).unwrap_or_else(|| panic!("no end marker"));
    let mut table = String::new();
    let mut rows = Vec::new();
    for line in doc[start..stop].lines() {
        if let Some(name) = line.strip_prefix("### `").and_then(|l| l.strip_suffix('`')) {
            table = name.to_string();
        } else if let Some(cells) = line.strip_prefix("| `") {
            let cells: Vec<&str> = cells.split(" | ").collect();
            let [column, _, arrow, null, ..] = cells.as_slice() else { panic!("a short row: {line}") };
            rows.push((table.clone(), column.trim_end_matches('`').to_string(), arrow.to_string(), *null == "yes"));
        }
    }
    rows
}

#[test]
fn the_dictionary_in_the_docs_is_the_arrow_schema() {
    let documented = documented();
    let mut from_schema = Vec::new();
    for table in Tables::NAMES {
        let schema = table_schema(table).unwrap_or_else(|| panic!("no schema of {table}"));
        for field in schema.fields() {
            let arrow = match field.data_type() {
                DataType::Int64 => "Int64",
                DataType::Int32 => "Int32",
                DataType::Boolean => "Boolean",
                DataType::Utf8 => "Utf8",
                DataType::Date32 => "Date32",
                other => panic!("{table}.{}: an unexpected type {other}", field.name()),
            };
            from_schema.push((table.to_string(), field.name().clone(), arrow.to_string(), field.is_nullable()));
        }
    }
    assert!(from_schema.len() > 100);
    assert_eq!(documented, from_schema);
}

#[test]
fn the_batches_hold_the_rows_values() {
    let tables = example("manila-pact-1954");
    let arrow = tables.to_arrow().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(arrow.iter().map(|t| t.name).collect::<Vec<_>>(), Tables::NAMES);
    for (table, (name, rows)) in arrow.iter().zip(tables.counts()) {
        assert_eq!((table.name, table.num_rows()), (name, rows));
    }
    let members = arrow.iter().find(|t| t.name == "members").unwrap_or_else(|| panic!("no members"));
    let [batch] = members.batches.as_slice() else { panic!("one batch expected") };
    let index = |name: &str| members.schema.index_of(name).unwrap_or_else(|e| panic!("{e}"));
    for (i, row) in tables.members.iter().enumerate() {
        assert_eq!(batch.column(index("actor_id")).as_string::<i32>().value(i), row.actor_id);
        let ccode = batch.column(index("ccode")).as_primitive::<Int64Type>();
        assert_eq!(ccode.is_valid(i).then(|| ccode.value(i)), row.ccode);
        let end_year = batch.column(index("end_year")).as_primitive::<Int32Type>();
        assert_eq!(end_year.is_valid(i).then(|| end_year.value(i)), row.end_year);
        let start = batch.column(index("start")).as_primitive::<Date32Type>().value_as_date(i);
        assert_eq!(start, Some(row.start));
    }
}

#[test]
fn batches_split_at_the_requested_size_and_an_empty_table_keeps_its_schema() {
    let tables = example("north-atlantic-treaty-1949");
    let arrow = tables.to_arrow_batched(1000).unwrap_or_else(|e| panic!("{e}"));
    let dyads = arrow.iter().find(|t| t.name == "directed_dyad_years").unwrap_or_else(|| panic!("no dyads"));
    assert!(dyads.batches.len() > 1);
    assert!(dyads.batches.iter().all(|b| b.num_rows() <= 1000 && b.num_rows() > 0));
    assert_eq!(dyads.num_rows(), tables.directed_dyad_years.len());

    let empty = Tables::default().to_arrow().unwrap_or_else(|e| panic!("{e}"));
    for table in &empty {
        assert!(table.batches.is_empty());
        let columns = Tables::columns(table.name).unwrap_or_default();
        let names: Vec<&str> = table.schema.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, columns.iter().map(|c| c.name).collect::<Vec<_>>());
    }
    let batch = BatchBuilder::for_row::<MemberRow>().finish().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((batch.num_rows(), batch.num_columns()), (0, MemberRow::COLUMNS.len()));
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_files_read_back_as_the_same_batches() {
    use defense_agreements::tables::arrow::arrow_array::RecordBatch;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    let tables = example("north-atlantic-treaty-1949");
    let dir = std::env::temp_dir().join(format!("arrow-tables-{}", std::process::id()));
    tables.write_to(&dir, WriteOptions::new(Format::Parquet)).unwrap_or_else(|e| panic!("{e}"));
    for table in tables.to_arrow().unwrap_or_else(|e| panic!("{e}")) {
        let file = std::fs::File::open(dir.join(format!("{}.parquet", table.name))).unwrap_or_else(|e| panic!("{e}"));
        let reader = ParquetRecordBatchReaderBuilder::try_new(file).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(reader.schema().as_ref(), table.schema.as_ref(), "{}", table.name);
        let read: Vec<_> = reader
            .build()
            .unwrap_or_else(|e| panic!("{e}"))
            .collect::<Result<_, _>>()
            .unwrap_or_else(|e| panic!("{e}"));
        // The same values row by row, batch boundaries aside.
        let rows = |batches: &[RecordBatch]| -> Vec<String> {
            batches.iter().flat_map(|b| (0..b.num_rows()).map(move |i| format!("{:?}", b.slice(i, 1)))).collect()
        };
        assert_eq!(rows(&read).len(), table.num_rows(), "{}", table.name);
        assert_eq!(rows(&read), rows(&table.batches), "{}", table.name);
    }
    std::fs::remove_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
}
