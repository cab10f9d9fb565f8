"""The research tables as Arrow data: pyarrow, polars, pandas and DuckDB read them through the
Arrow PyCapsule interface with the column dictionary's types, and an empty table keeps its columns.

The readers are pinned in python/ci/requirements-arrow.txt (scripts/ci_arrow.sh); without them
these tests are skipped.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

import defense_agreements as da

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"
THROUGH = 2024

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")

# The column dictionary's Arrow types (docs/tables.md, `table_columns(arrow=True)`) as each
# library names them.
ARROW = {"int64": "int64", "int32": "int32", "bool": "bool", "utf8": "string", "date32": "date32[day]"}
POLARS = {"int64": "Int64", "int32": "Int32", "bool": "Boolean", "utf8": "String", "date32": "Date"}
PANDAS = {"int64": "Int64", "int32": "Int32", "bool": "boolean", "utf8": "string", "date32": "date32[day][pyarrow]"}
DUCKDB = {"int64": "BIGINT", "int32": "INTEGER", "bool": "BOOLEAN", "utf8": "VARCHAR", "date32": "DATE"}


def manila() -> da.Dossier:
    return da.read_file(DATA / "manila-pact-1954.json")[0]


def tables() -> dict[str, da.Table[dict[str, int | str | datetime.date | None]]]:
    return manila().tables(through=THROUGH)


def test_pyarrow_reads_every_table_with_the_dictionarys_types_and_the_same_rows() -> None:
    columns = da.table_columns(arrow=True)
    for name, table in tables().items():
        arrow = pa.table(table)
        assert arrow.num_rows == len(table)
        assert arrow.column_names == [c for c, _, _ in columns[name]] == table.column_names
        for (column, type_, nullable), field in zip(columns[name], arrow.schema, strict=True):
            assert str(field.type) == ARROW[type_], (name, column)
            assert (type_ == "int32") == (column == "year" or "year" in column.split("_")), column
            assert field.nullable == nullable, (name, column)
        assert arrow.to_pylist() == table.rows(), name


def test_the_stream_shares_the_tables_buffers_instead_of_copying() -> None:
    members = tables()["members"]
    first = pa.table(members).column("ccode").chunks[0]
    second = pa.table(members).column("ccode").chunks[0]
    # Two readers of the same table see the same memory: the library's batches, not copies.
    assert first.buffers()[1].address == second.buffers()[1].address
    assert pa.schema(members) == pa.table(members).schema


def test_pakistans_spell_reads_the_same_in_every_library() -> None:
    members = tables()["members"]
    start, end = datetime.date(1955, 2, 19), datetime.date(1973, 11, 6)
    row = next(r for r in pa.table(members).to_pylist() if r["actor_id"] == "pakistan")
    assert (row["ccode"], row["start"], row["end"], row["end_year"]) == (770, start, end, 1973)
    frame = pl.DataFrame(members).filter(pl.col("actor_id") == "pakistan")
    assert frame.select("ccode", "start", "end").row(0) == (770, start, end)
    df = members.to_pandas()
    pakistan = df[df["actor_id"] == "pakistan"].iloc[0]
    assert (pakistan["ccode"], pakistan["start"], pakistan["end"]) == (770, start, end)
    (ccode, day) = duckdb.sql("select ccode, \"end\" from members where actor_id = 'pakistan'").fetchone()
    assert (ccode, day) == (770, end)


def test_polars_reads_the_dictionarys_types() -> None:
    columns = da.table_columns(arrow=True)
    for name, table in tables().items():
        frame = pl.DataFrame(table)
        assert frame.height == len(table)
        expected = [POLARS[t] for c, t, _ in columns[name]]
        assert [str(d) for d in frame.dtypes] == expected, name
        # `from_arrow` takes any Arrow stream for one column (a Series of structs, a row each);
        # unnested, it is the same frame.
        assert pl.from_arrow(table).struct.unnest().equals(frame)
        assert pl.from_arrow(table.to_pyarrow()).equals(frame)


def test_pandas_gets_nullable_types_and_nulls_stay_nulls() -> None:
    columns = da.table_columns(arrow=True)
    for name, table in tables().items():
        df = table.to_pandas()
        assert list(df.columns) == [c for c, _, _ in columns[name]]
        assert [str(d) for d in df.dtypes] == [PANDAS[t] for c, t, _ in columns[name]], name
    members = tables()["members"].to_pandas()
    # Still-bound parties have no end: a missing value, not NaN in a float column.
    assert members["end_year"].isna().any() and members["end_year"].dtype == "Int32"
    assert members["ccode"].notna().all()


def test_duckdb_reads_the_tables_by_name_and_from_arrow() -> None:
    columns = da.table_columns(arrow=True)
    for name, table in tables().items():
        relation = duckdb.from_arrow(table)
        assert relation.columns == [c for c, _, _ in columns[name]]
        assert [str(t) for t in relation.types] == [DUCKDB[t] for c, t, _ in columns[name]], name
        (count,) = duckdb.from_arrow(table).aggregate("count(*)").fetchone()
        assert count == len(table)
    dyad_years = tables()["dyad_years"]
    # A replacement scan: the local variable's name is the table's.
    rows = duckdb.sql("select count(*) from dyad_years where year = 1960").fetchone()
    assert rows is not None and rows[0] == len([r for r in dyad_years if r["year"] == 1960]) > 0


def test_an_empty_table_keeps_its_columns_and_types_everywhere() -> None:
    columns = da.table_columns(arrow=True)
    empty = {name: t for name, t in tables().items() if len(t) == 0}
    assert "troop_presences" in empty
    for name, table in empty.items():
        names = [c for c, _, _ in columns[name]]
        arrow = pa.table(table)
        assert (arrow.num_rows, arrow.column_names) == (0, names)
        assert [str(f.type) for f in arrow.schema] == [ARROW[t] for c, t, _ in columns[name]]
        frame = pl.DataFrame(table)
        assert (frame.height, frame.columns) == (0, names)
        assert [str(d) for d in frame.dtypes] == [POLARS[t] for c, t, _ in columns[name]]
        df = table.to_pandas()
        assert (len(df), list(df.columns)) == (0, names)
        assert [str(d) for d in df.dtypes] == [PANDAS[t] for c, t, _ in columns[name]]
        relation = duckdb.from_arrow(table)
        assert relation.columns == names and relation.fetchall() == []


def test_the_arrow_types_refine_the_dictionarys() -> None:
    refines = {"int": {"int64", "int32"}, "bool": {"bool"}, "text": {"utf8"}, "date": {"date32"}}
    plain, arrow = da.table_columns(), da.table_columns(arrow=True)
    assert list(plain) == list(arrow)
    for name in plain:
        for (column, type_, nullable), (same, arrow_type, same_null) in zip(plain[name], arrow[name], strict=True):
            assert (column, nullable) == (same, same_null) and arrow_type in refines[type_]


def test_corpus_tables_are_arrow_tables_too() -> None:
    lines = "".join(json.dumps(json.loads(p.read_text(encoding="utf-8"))) + "\n" for p in sorted(DATA.glob("*.json")))
    corpus, report = da.corpus_tables(lines, through=THROUGH, only=["members", "directed_dyad_years"])
    assert report.is_valid and list(corpus) == ["members", "directed_dyad_years"]
    members = pa.table(corpus["members"])
    assert members.num_rows == len(corpus["members"]) > 8
    assert str(members.schema.field("start").type) == "date32[day]"
    assert pl.DataFrame(corpus["directed_dyad_years"]).height == len(corpus["directed_dyad_years"])


def test_rows_stay_readable_as_dicts_and_tuples() -> None:
    members = tables()["members"]
    assert isinstance(members, da.Table) and members.name == "members"
    assert repr(members) == f"<Table members ({len(members)} rows, {len(members.column_names)} columns)>"
    assert members[0] == members.rows()[0] == list(members)[0]
    assert members[-1] == members.rows()[-1]
    assert tuple(members[0].values()) == members.tuples()[0]
    with pytest.raises(IndexError):
        members[len(members)]
    tuples = manila().tables(through=THROUGH, as_tuples=True)["members"]
    assert list(tuples) == members.tuples()
