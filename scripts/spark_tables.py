"""The research tables of a JSON Lines corpus with PySpark and the Python package, compared with
the command line's. Run by scripts/spark_check.sh (which builds everything it needs); see the
Spark section of docs/tables.md.

Each partition of the corpus's lines goes through `defense_agreements.corpus_tables` in batches:
every line is parsed and validated by the crate, the dossiers without errors give table rows
(as `dossier tables` does), and every line gives its verdict. The tables are written as Parquet,
the year tables partitioned by year like `dossier tables --partition`, read back with Spark SQL
and compared with the command line's files as multisets of rows; the verdicts are compared with
`dossier validate --format json`, line by line. Exit status 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any, cast

from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import types as T

import defense_agreements as da

BATCH = 500  # lines per corpus_tables call: amortizes the call, bounds the worker's memory
# The tables' Arrow types (`table_columns(arrow=True)`), which are also the command line's Parquet types.
SPARK_TYPES = {
    "int64": T.LongType(),
    "int32": T.IntegerType(),
    "bool": T.BooleanType(),
    "utf8": T.StringType(),
    "date32": T.DateType(),
}


def schema(table: str) -> T.StructType:
    """The table's Spark schema, from the package's column list (Parquet INT64, DATE, UTF-8)."""
    return T.StructType([T.StructField(n, SPARK_TYPES[t], nullable) for n, t, nullable in da.table_columns(arrow=True)[table]])


def batches(lines: Iterable[tuple[str, int]]) -> Iterator[list[tuple[str, int]]]:
    batch: list[tuple[str, int]] = []
    for item in lines:
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def table_rows(table: str, through: int, lines: Iterable[tuple[str, int]]) -> Iterator[tuple[object, ...]]:
    """mapPartitions: the rows of one table from (line, index) pairs."""
    for batch in batches(lines):
        text = "\n".join(line for line, _ in batch) + "\n"
        tables, _ = da.corpus_tables(text, through=through, as_tuples=True, only=[table])
        yield from tables[table]


def verdicts(through: int, lines: Iterable[tuple[str, int]]) -> Iterator[tuple[int, bool, list[str]]]:
    """mapPartitions: per line, its number in the file, whether it is valid, and its issues."""
    for batch in batches(lines):
        text = "\n".join(line for line, _ in batch) + "\n"
        _, report = da.corpus_tables(text, through=through, only=[])
        issues: dict[int, list[str]] = {}
        for i in report.issues:
            # The line within the batch; blank lines are counted, so it maps back to the file.
            issues.setdefault(i.line or 0, []).append(f"{i.severity} {i.code} {i.path}")
        for k, (_, index) in enumerate(batch, start=1):
            found = sorted(issues.get(k, []))
            yield index + 1, not any(f.startswith("error ") for f in found), found


def everything(through: int, lines: Iterable[tuple[str, int]]) -> Iterator[tuple[str, object]]:
    """mapPartitions, in one pass: every row tagged with its table, and every line's verdict
    tagged ""."""
    for batch in batches(lines):
        text = "\n".join(line for line, _ in batch) + "\n"
        tables, report = da.corpus_tables(text, through=through, as_tuples=True)
        for table, rows in tables.items():
            for row in rows:
                yield table, row
        issues: dict[int, list[str]] = {}
        for i in report.issues:
            issues.setdefault(i.line or 0, []).append(f"{i.severity} {i.code} {i.path}")
        for k, (_, index) in enumerate(batch, start=1):
            found = sorted(issues.get(k, []))
            yield "", (index + 1, not any(f.startswith("error ") for f in found), found)


def cli_verdicts(path: str) -> dict[int, list[str]]:
    """`dossier validate --format json`'s issues, by line."""
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    by_line: dict[int, list[str]] = {}
    for i in report["issues"]:
        by_line.setdefault(i["line"], []).append(f"{i['severity']} {i['code']} {i['path']}")
    return {line: sorted(found) for line, found in by_line.items()}


def read_table(spark: SparkSession, path: str, table: str) -> DataFrame:
    """A table's files (a file or a directory of part files or year= partitions) in column order."""
    try:
        df = spark.read.parquet(path)
    except Exception:  # noqa: BLE001 - an empty partitioned table has no file to infer from
        df = spark.read.schema(schema(table)).parquet(path)
    return df.select(*[n for n, _, _ in da.table_columns()[table]])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--out", required=True, help="directory for Spark's Parquet tables")
    ap.add_argument("--cli-tables", required=True, help="dossier tables --format parquet --partition output")
    ap.add_argument("--cli-validate", required=True, help="dossier validate --format json output")
    ap.add_argument("--through", type=int, required=True)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--report", help="write the figures as JSON here too")
    ap.add_argument(
        "--passes",
        choices=["per-table", "one"],
        default="per-table",
        help="per-table: the crate runs again for each table, only its rows cross into the JVM; "
        "one: the crate runs once, every row is kept (serialized) and filtered per table",
    )
    args = ap.parse_args()

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers use this venv (and its wheel)
    started = time.monotonic()
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("dossier-tables")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.shuffle.partitions", "4")
        # Dates are proleptic Gregorian everywhere, as in chrono and the command line's files.
        .config("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED")
        .config("spark.sql.parquet.datetimeRebaseModeInRead", "CORRECTED")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    jvm_ready = time.monotonic()

    # --- the job: validation and tables, per partition -------------------------------------
    sc = spark.sparkContext
    lines = sc.textFile(args.corpus, minPartitions=args.partitions).zipWithIndex()
    through = args.through
    spark_verdicts: list[tuple[int, bool, list[str]]]
    if args.passes == "one":
        tagged = lines.mapPartitions(lambda it: everything(through, it))
        tagged.persist(StorageLevel.MEMORY_AND_DISK)
        spark_verdicts = cast(Any, tagged.filter(lambda t: t[0] == "").map(lambda t: t[1]).collect())
        cached = tagged
    else:
        lines.persist(StorageLevel.MEMORY_AND_DISK)  # the text is read once, then each table is a pass
        spark_verdicts = lines.mapPartitions(lambda it: verdicts(through, it)).collect()
        cached = lines
    for table, columns in da.table_columns().items():
        if args.passes == "one":
            rdd: Any = tagged.filter(lambda t, n=table: t[0] == n).map(lambda t: t[1])  # type: ignore[misc]
        else:
            rdd = lines.mapPartitions(lambda it, t=table: table_rows(t, through, it))  # type: ignore[misc]
        writer = spark.createDataFrame(rdd, schema(table)).write.mode("overwrite")
        if any(name == "year" for name, _, _ in columns):
            writer = writer.partitionBy("year")
        writer.parquet(os.path.join(args.out, table))
    job_done = time.monotonic()
    partitions = lines.getNumPartitions()
    cached.unpersist()

    # --- the comparison: verdicts line by line, tables as multisets of rows -----------------
    problems: list[str] = []
    cli = cli_verdicts(args.cli_validate)
    ours = {line: found for line, _, found in spark_verdicts if found}
    valid = sum(1 for _, ok, _ in spark_verdicts if ok)
    for line in sorted(set(cli) | set(ours)):
        if cli.get(line, []) != ours.get(line, []):
            problems.append(f"line {line}: validate says {cli.get(line, [])}, Spark says {ours.get(line, [])}")
    cli_invalid = {line for line, found in cli.items() if any(f.startswith("error ") for f in found)}
    spark_invalid = {line for line, ok, _ in spark_verdicts if not ok}
    if cli_invalid != spark_invalid:
        problems.append(f"invalid lines differ: {len(cli_invalid ^ spark_invalid)} line(s)")

    counts: dict[str, tuple[int, int]] = {}
    for table in da.table_columns():
        spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW spark_{table} USING parquet OPTIONS (path '{args.out}/{table}')")
        ours_df = spark.table(f"spark_{table}").select(*[n for n, _, _ in da.table_columns()[table]])
        cli_path = os.path.join(args.cli_tables, table)
        if not os.path.isdir(cli_path):
            cli_path += ".parquet"
        theirs_df = read_table(spark, cli_path, table)
        ours_types = [(f.name, f.dataType) for f in ours_df.schema.fields]
        theirs_types = [(f.name, f.dataType) for f in theirs_df.schema.fields]
        if ours_types != theirs_types:
            problems.append(f"{table}: column types differ: Spark {ours_types}, command line {theirs_types}")
            continue
        n_ours, n_theirs = ours_df.count(), theirs_df.count()
        counts[table] = (n_ours, n_theirs)
        only_ours = ours_df.exceptAll(theirs_df).count()
        only_theirs = theirs_df.exceptAll(ours_df).count()
        if n_ours != n_theirs or only_ours or only_theirs:
            problems.append(
                f"{table}: {n_ours} rows from Spark, {n_theirs} from the command line; "
                f"{only_ours} only in Spark's, {only_theirs} only in the command line's"
            )
    compared = time.monotonic()
    # An example of reading the tables back with Spark SQL: ATOP's dyad-year shape.
    atop = spark.sql(
        "SELECT count(*) FROM (SELECT ccode1, ccode2, year, max(atop_defense) AS atop_defense "
        "FROM spark_dyad_years WHERE ccode1 IS NOT NULL AND ccode2 IS NOT NULL GROUP BY ccode1, ccode2, year)"
    ).first()
    spark.stop()

    figures = {
        "docs": len(spark_verdicts),
        "valid": valid,
        "invalid": len(spark_verdicts) - valid,
        "partitions": partitions,
        "passes": args.passes,
        "jvm_start_s": round(jvm_ready - started, 2),
        "spark_job_s": round(job_done - jvm_ready, 2),
        "compare_s": round(compared - job_done, 2),
        "rows": {t: c[0] for t, c in counts.items()},
        "atop_dyad_years": atop[0] if atop else None,
        "differences": len(problems),
    }
    print("== report")
    for table, (n_ours, n_theirs) in counts.items():
        print(f"  {table:<24} {n_ours:>9} rows (command line: {n_theirs})")
    print(
        f"  {figures['docs']} lines ({valid} valid, {figures['invalid']} not), {partitions} partitions; "
        f"ATOP-shaped dyad-years (Spark SQL on the Parquet): {figures['atop_dyad_years']}"
    )
    print(
        f"  Spark: session start {figures['jvm_start_s']} s, job (validation and every table, written) "
        f"{figures['spark_job_s']} s; comparison {figures['compare_s']} s"
    )
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=1)
    for p in problems[:20]:
        print("DIFFERENCE:", p)
    if len(problems) > 20:
        print(f"... and {len(problems) - 20} more differences")
    print(f"  verdicts: {len(cli_invalid)} invalid line(s) by dossier validate, {len(spark_invalid)} by Spark")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
